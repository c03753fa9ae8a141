//! `campaign set hq_url URL` and `campaign set hq_secret SECRET|-`: the point's link to the
//! campaign HQ, kept only in the encrypted database (lead PIN asked).

use crate::app::Context;
use crate::app::open::require_lead_pin;
use crate::app::out;
use crate::app::unlock::on_terminal;
use crate::domain::hq::{CampaignSecret, HqFailure};
use crate::hq::{self, HqError};
use crate::i18n::HqText;
use crate::store::{Store, masked_url};
use std::io::BufRead;

/// The HQ's URL with this point's role and password.
pub const HQ_URL: &str = "hq_url";
/// The campaign secret `hq init` printed.
pub const HQ_SECRET: &str = "hq_secret";
/// Where a script gives the secret when the value is `-`.
const SECRET_VAR: &str = "SIGDESK_HQ_SECRET";

/// Checks and stores `hq_url` or `hq_secret`; the secret `-` is read from
/// `$SIGDESK_HQ_SECRET`, the terminal (hidden) or the first line of standard input, so it
/// need not appear among the process's arguments.
pub fn set(store: &mut Store, ctx: &Context, key: &str, value: &str) -> anyhow::Result<()> {
    if key == HQ_URL {
        let url = value.trim();
        if !url.is_empty() {
            hq::check_url(url)?;
        }
        require_lead_pin(store, ctx.lang)?;
        store.set_hq_url(url, &ctx.actor, ctx.now)?;
        out::line(format!("{HQ_URL} = {}", masked_url(url)));
        return Ok(());
    }
    let typed = if value.trim() == "-" {
        typed_secret(ctx)?
    } else {
        value.to_string()
    };
    let secret = CampaignSecret::parse(&typed).ok_or(HqError::new(HqFailure::BadSecret))?;
    require_lead_pin(store, ctx.lang)?;
    store.set_hq_secret(&secret, &ctx.actor, ctx.now)?;
    out::line(format!(
        "{HQ_SECRET} = {}",
        ctx.lang.t(HqText::SecretShown(true))
    ));
    Ok(())
}

/// The secret from `$SIGDESK_HQ_SECRET`, else the terminal, else standard input.
fn typed_secret(ctx: &Context) -> anyhow::Result<String> {
    if let Ok(value) = std::env::var(SECRET_VAR) {
        return Ok(value);
    }
    if on_terminal() {
        return Ok(rpassword::prompt_password(
            ctx.lang.t(HqText::SecretPrompt),
        )?);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line)
}
