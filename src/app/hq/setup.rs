//! `hq init`, `hq add-point NAME`, `hq campaign set KEY VALUE`: what goes to stdout is
//! only what must be copied (the secret, the point's URL); the rest goes to stderr.

use crate::app::Context;
use crate::app::out;
use crate::domain::Campaign;
use crate::domain::hq::{CampaignSecret, HqFailure, SECRET_BYTES};
use crate::hq::admin::Init;
use crate::hq::{self, HQ_SCHEMA_VERSION, HqError, SYNC_TIMEOUT};
use crate::i18n::HqText;
use crate::store::HQ_SETTINGS;
use anyhow::bail;

/// Letters of a point's generated password.
const PASSWORD_ALPHABET: &[u8; 62] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/// Length of a point's generated password (about 143 bits).
const PASSWORD_LENGTH: usize = 24;

/// `hq init`: makes the schema and prints the new campaign secret alone on stdout; an HQ
/// already made is upgraded (or left) and keeps its secret.
pub fn init(ctx: &Context, url: &str) -> anyhow::Result<u8> {
    let mut bytes = [0u8; SECRET_BYTES];
    getrandom::fill(&mut bytes)?;
    let secret = CampaignSecret::from_bytes(bytes);
    let mut hq = hq::connect(url, SYNC_TIMEOUT)?;
    match hq.init(&secret)? {
        Init::Created => {
            out::note(ctx.lang.t(HqText::SecretPrinted));
            out::line(secret.text());
        }
        Init::Upgraded { from } => out::note(ctx.lang.t(HqText::Upgraded {
            from,
            to: HQ_SCHEMA_VERSION,
        })),
        Init::UpToDate => out::note(ctx.lang.t(HqText::AlreadySetUp(HQ_SCHEMA_VERSION))),
    }
    Ok(0)
}

/// `hq add-point NAME`: makes the point's role and prints its URL alone on stdout.
pub fn add_point(ctx: &Context, name: &str, url: &str) -> anyhow::Result<u8> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 64 || name.chars().any(char::is_control) {
        bail!(ctx.lang.t(HqText::BadPointName));
    }
    let mut hq = hq::connect(url, SYNC_TIMEOUT)?;
    let point = hq.add_point(name, &password()?)?;
    out::note(ctx.lang.t(HqText::PointAdded {
        name,
        role: &point.role,
    }));
    out::line(&point.url);
    Ok(0)
}

/// `hq campaign set KEY VALUE`: checks the value as a point would take it, then stores it.
pub fn set_setting(ctx: &Context, key: &str, value: &str, url: &str) -> anyhow::Result<u8> {
    let bad = |reason: String| {
        HqError::from(HqFailure::BadSetting {
            key: key.to_string(),
            reason,
        })
    };
    if !HQ_SETTINGS.contains(&key) {
        return Err(bad("not one of them".into()).into());
    }
    let mut campaign = Campaign::defaults()?;
    campaign.set(key, value).map_err(|e| bad(e.to_string()))?;
    let value = campaign.get(key)?;
    let mut hq = hq::connect(url, SYNC_TIMEOUT)?;
    hq.set_setting(key, &value)?;
    out::note(ctx.lang.t(HqText::SettingSet { key, value: &value }));
    Ok(0)
}

/// A random password of [`PASSWORD_LENGTH`] letters and digits.
fn password() -> anyhow::Result<String> {
    let mut text = String::with_capacity(PASSWORD_LENGTH);
    while text.len() < PASSWORD_LENGTH {
        let mut byte = [0u8; 1];
        getrandom::fill(&mut byte)?;
        // 248 = 4 × 62: taking only bytes below it keeps every letter equally likely.
        if byte[0] < 248 {
            text.push(char::from(PASSWORD_ALPHABET[usize::from(byte[0]) % 62]));
        }
    }
    Ok(text)
}
