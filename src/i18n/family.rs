//! Strings of the faster desk: values kept for a family on one ticket, and the region the
//! address names.

use super::{Lang, Phrase};
use std::borrow::Cow;

/// What the desk form says about kept values and offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FamilyText<'a> {
    /// Under the form: which fields show values kept from the last signer of the ticket.
    Kept {
        /// The ticket's label (`001`).
        ticket: &'a str,
        /// The kept fields' names, lower case, joined.
        fields: &'a str,
    },
    /// Under an empty region field: the region the address names, and the key that takes it.
    RegionOffer(&'a str),
}

impl Phrase for FamilyText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match *self {
            FamilyText::Kept { ticket, fields } => say!(
                lang,
                "↺ grey: kept from the last signer of ticket {ticket} ({fields}) — Tab keeps, typing replaces",
                "↺ серым — от прошлого подписанта талона {ticket} ({fields}): Tab — оставить, ввод — заменить",
            ),
            FamilyText::RegionOffer(name) => say!(
                lang,
                "→ the address says {name} · Ctrl-T takes it",
                "→ по адресу — {name} · Ctrl-T подставит",
            ),
        }
    }
}
