//! `sigdesk lead-pin`: sets or changes the lead PIN that guards campaign settings and the
//! lead's actions at a desk.

use super::Context;
use super::out;
use super::unlock::{NEW_LEAD_PIN_VAR, new_lead_pin};
use crate::i18n::ProtectText;
use crate::store::Store;

/// Asks for the current lead PIN when one is set, then for the new one
/// (`$SIGDESK_NEW_LEAD_PIN` or typed twice); exit 0.
pub fn run(store: &mut Store, ctx: &Context) -> anyhow::Result<u8> {
    let pin = new_lead_pin(NEW_LEAD_PIN_VAR, store.path(), ctx.lang)?;
    store.set_lead_pin(&pin, &ctx.actor, ctx.now)?;
    out::line(ctx.lang.t(ProtectText::LeadPinSet));
    Ok(0)
}
