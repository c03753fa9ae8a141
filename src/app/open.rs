//! How every command opens its database (DESIGN.md §7): key, lead PIN on creation,
//! retention reminder; and the lead-PIN check of the commands that change settings.

use super::Context;
use super::out;
use super::unlock::{self, Unlock};
use crate::cli::{CollectorsAction, Command, ProtectCommand};
use crate::i18n::{Lang, ProtectText};
use crate::store::{self, DbFile, Key, Store, StoreError};
use anyhow::bail;
use std::path::Path;

/// Which database a command opens, and whether it may create it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening<'a> {
    /// `verify FILE`: that file as it is, never created.
    Verify(&'a Path),
    /// `encrypt`: the plain database.
    PlainToEncrypt,
    /// The protection commands but `notice`: an existing database only.
    Existing,
    /// The HQ side (`hq …`): no point database at all; HQ's own login guards it.
    NoPointDatabase,
    /// Every other command: created on first use. `input` is a file the command reads; it
    /// must exist before a database is created for it.
    CreateOnFirstUse {
        /// The file the command reads (`import`, `collectors import`).
        input: Option<&'a Path>,
    },
}

impl<'a> Opening<'a> {
    /// How `command` opens its database.
    pub fn of(command: &'a Command) -> Opening<'a> {
        match command {
            Command::Protect(protect) => match protect {
                ProtectCommand::Verify { file } => Opening::Verify(file),
                ProtectCommand::Encrypt => Opening::PlainToEncrypt,
                ProtectCommand::Notice => Opening::CreateOnFirstUse { input: None },
                ProtectCommand::Audit(_)
                | ProtectCommand::Backup { .. }
                | ProtectCommand::Rekey
                | ProtectCommand::Wipe { .. }
                | ProtectCommand::LeadPin => Opening::Existing,
            },
            Command::Sync(_) => Opening::Existing,
            Command::Hq { .. } => Opening::NoPointDatabase,
            Command::Import(args) => Opening::CreateOnFirstUse {
                input: Some(&args.file),
            },
            Command::Collectors {
                action: CollectorsAction::Import { file },
            } => Opening::CreateOnFirstUse { input: Some(file) },
            Command::Desk(_)
            | Command::Door(_)
            | Command::Board(_)
            | Command::Stats(_)
            | Command::Export(_)
            | Command::Check(_)
            | Command::Collectors { .. }
            | Command::Sheets(_)
            | Command::Demo(_)
            | Command::Campaign { .. }
            | Command::Script(_) => Opening::CreateOnFirstUse { input: None },
        }
    }
}

/// Opens the database at `db` as `opening` says: `verify F` opens F as it is; `encrypt`
/// opens the plain database; the protection commands (but `notice`) need an existing
/// database; every other command creates one on first use, asking for the passphrase twice
/// and then the lead PIN. Prints the retention reminder when it is due.
pub fn open_for(
    opening: Opening<'_>,
    db: &Path,
    unlock: &Unlock,
    ctx: &Context,
) -> anyhow::Result<Store> {
    let store = match opening {
        Opening::Verify(file) => {
            if store::probe(file)? == DbFile::Missing {
                return Err(StoreError::NoDatabase {
                    path: file.display().to_string(),
                }
                .into());
            }
            let key = unlock.key_for(file, ctx.lang)?;
            Store::open_existing_keyed(file, &key)?
        }
        Opening::PlainToEncrypt => open_plain_to_encrypt(db, ctx.lang)?,
        Opening::NoPointDatabase => bail!("the hq commands open no point database"),
        Opening::Existing => open_or_create(db, false, unlock, ctx)?,
        Opening::CreateOnFirstUse { input } => {
            if let Some(file) = input {
                // Fail on a missing file before creating a database for it.
                std::fs::metadata(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            }
            open_or_create(db, true, unlock, ctx)?
        }
    };
    remind_retention(&store, ctx);
    Ok(store)
}

fn open_or_create(
    db: &Path,
    creates: bool,
    unlock: &Unlock,
    ctx: &Context,
) -> anyhow::Result<Store> {
    let new = store::probe(db)? == DbFile::Missing;
    if new && !creates {
        return Err(StoreError::NoDatabase {
            path: db.display().to_string(),
        }
        .into());
    }
    let key = unlock.key_for(db, ctx.lang)?;
    if !new {
        return Ok(Store::open_keyed(db, &ctx.regions, &key)?);
    }
    let pin = unlock::new_lead_pin(unlock::LEAD_PIN_VAR, db, ctx.lang)?;
    let mut store = Store::open_keyed(db, &ctx.regions, &key)?;
    store.set_lead_pin(&pin, &ctx.actor, ctx.now)?;
    Ok(store)
}

fn open_plain_to_encrypt(db: &Path, lang: Lang) -> anyhow::Result<Store> {
    match store::probe(db)? {
        DbFile::Encrypted => bail!(lang.t(ProtectText::AlreadyEncrypted(db))),
        _ => Ok(Store::open_existing_keyed(db, &Key::Plain)?),
    }
}

/// Prints the wipe reminder on stderr once `retain_until` has come (best effort: a file
/// too old to have the setting has nothing to remind).
fn remind_retention(store: &Store, ctx: &Context) {
    if let Ok(campaign) = store.campaign()
        && let Some(until) = campaign.retain_until
        && campaign.retention_due(campaign.local_date(ctx.now))
    {
        out::note(ctx.lang.t(ProtectText::RetentionReminder(until)));
    }
}

/// Asks for the lead PIN (`$SIGDESK_LEAD_PIN` or the terminal) and fails unless it matches.
pub fn require_lead_pin(store: &Store, lang: Lang) -> anyhow::Result<()> {
    if !store.has_lead_pin()? {
        return Err(StoreError::NoLeadPin.into());
    }
    let pin = unlock::lead_pin(store.path(), lang)?;
    if !store.verify_lead_pin(&pin)? {
        bail!(lang.t(ProtectText::WrongLeadPin));
    }
    Ok(())
}
