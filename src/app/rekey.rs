//! `sigdesk rekey`: changes the database passphrase (every desk closed first).

use super::Context;
use super::out;
use super::unlock::new_passphrase;
use crate::i18n::ProtectText;
use crate::store::Store;

/// Asks for the new passphrase (`$SIGDESK_NEW_PASSPHRASE` or typed twice) and re-encrypts
/// the database with it; exit 0.
pub fn run(store: &mut Store, ctx: &Context) -> anyhow::Result<u8> {
    let new = new_passphrase(store.path(), ctx.lang)?;
    store.rekey(&new, &ctx.actor, ctx.now)?;
    out::line(ctx.lang.t(ProtectText::Rekeyed(store.path())));
    Ok(0)
}
