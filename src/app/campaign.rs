//! `sigdesk campaign`: shows the campaign settings, or changes one (lead PIN asked).

use super::Context;
use super::out;
use crate::cli::CampaignAction;
use crate::domain::Campaign;
use crate::i18n::HqText;
use crate::store::{Store, masked_url};
use hq_link::{HQ_SECRET, HQ_URL};

mod hq_link;

/// What `campaign` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Print every setting.
    Show,
    /// Change one setting.
    Set {
        /// Setting name, e.g. `election_date`.
        key: String,
        /// New value (dates as YYYY-MM-DD, empty to unset).
        value: String,
    },
}

impl From<CampaignAction> for Action {
    fn from(action: CampaignAction) -> Action {
        match action {
            CampaignAction::Show => Action::Show,
            CampaignAction::Set { key, value } => Action::Set { key, value },
        }
    }
}

/// Prints every setting as `key = value`, or checks the new value, asks for the lead PIN,
/// saves it and prints it; exit 0. The HQ link (`hq_url`, `hq_secret`) is kept apart from
/// the campaign row, and shown without the password or the secret.
pub fn run(store: &mut Store, ctx: &Context, action: Action) -> anyhow::Result<u8> {
    let mut campaign = store.campaign()?;
    match action {
        Action::Show => {
            for key in Campaign::KEYS {
                out::line(format!("{key} = {}", campaign.get(key)?));
            }
            let link = store.hq_link()?;
            let url = link.url.as_deref().map(masked_url).unwrap_or_default();
            out::line(format!("{HQ_URL} = {url}"));
            let secret = ctx.lang.t(HqText::SecretShown(link.secret.is_some()));
            out::line(format!("{HQ_SECRET} = {secret}"));
        }
        Action::Set { key, value } if key == HQ_URL || key == HQ_SECRET => {
            hq_link::set(store, ctx, &key, &value)?;
        }
        Action::Set { key, value } => {
            campaign.set(&key, &value)?;
            store.save_campaign(&campaign, &ctx.actor, ctx.now)?;
            out::line(format!("{key} = {}", campaign.get(&key)?));
        }
    }
    Ok(0)
}
