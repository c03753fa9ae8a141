//! `sigdesk encrypt`: encrypts a plain (`--no-encrypt`) database in place.

use super::Context;
use super::out;
use super::unlock::Unlock;
use crate::i18n::ProtectText;
use crate::store::Store;
use crate::store::cipher::encrypt_plain;

/// Closes the plain database `store`, asks for a new passphrase and encrypts the file with
/// it; exit 0.
pub fn run(store: Store, ctx: &Context, unlock: &Unlock) -> anyhow::Result<u8> {
    let db = store.path().to_path_buf();
    drop(store);
    let passphrase = unlock.passphrase(&db, true, ctx.lang)?;
    encrypt_plain(&db, &passphrase, &ctx.regions, &ctx.actor, ctx.now)?;
    out::line(ctx.lang.t(ProtectText::Encrypted(&db)));
    Ok(0)
}
