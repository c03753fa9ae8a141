//! `sigdesk backup`: copies the database, encrypted with the same passphrase, while desks
//! keep working.

use super::Context;
use super::out;
use crate::i18n::ProtectText;
use crate::store::{Store, backup::backup_to};
use std::path::Path;

/// Writes the backup to `out`, logs it, and says where it went; exit 0.
pub fn run(store: &mut Store, ctx: &Context, out: &Path) -> anyhow::Result<u8> {
    backup_to(store, out)?;
    store.record_event(
        ctx.now,
        &ctx.actor,
        "backup",
        &serde_json::json!({ "out": out }),
    )?;
    let encrypted = store.is_encrypted();
    out::line(ctx.lang.t(ProtectText::BackupWritten { out, encrypted }));
    Ok(0)
}
