//! `sigdesk notice`: prints the notice for signers (what is recorded, who receives it, how
//! long it is kept).

use super::Context;
use super::out;
use crate::ops::notice::notice_text;
use crate::store::Store;

/// Prints the campaign's notice in the chosen language; exit 0.
pub fn run(store: &Store, ctx: &Context) -> anyhow::Result<u8> {
    out::text(notice_text(ctx.lang, &store.campaign()?)?);
    Ok(0)
}
