//! Protecting the signers (DESIGN.md §7) on the command line: how every command opens its
//! database (key, lead PIN on creation, retention reminder) and the protection commands.

pub mod audit;
pub mod unlock;
pub mod wipe;

pub use unlock::Unlock;

use crate::cli::{Command, ProtectCommand};
use crate::domain::RegionCatalog;
use crate::i18n::{self, Lang};
use crate::store::{self, DbFile, Key, Store, StoreError};
use anyhow::bail;
use chrono::{DateTime, Utc};
use std::path::Path;

/// Opens the database `command` works on: `verify F` opens F as it is; `encrypt` opens
/// the plain database; the other protection commands (but `notice`) need an existing
/// database; every other command creates one on first use, asking for the passphrase
/// twice and then the lead PIN. Prints the retention reminder when it is due.
pub fn open_for(
    command: &Command,
    db: &Path,
    unlock: &Unlock,
    regions: &RegionCatalog,
    lang: Lang,
    now: DateTime<Utc>,
) -> anyhow::Result<Store> {
    let store = match command {
        Command::Protect(ProtectCommand::Verify { file }) => {
            if store::probe(file)? == DbFile::Missing {
                return Err(StoreError::NoDatabase {
                    path: file.display().to_string(),
                }
                .into());
            }
            let key = unlock.key_for(file, lang)?;
            Store::open_existing_keyed(file, &key)?
        }
        Command::Protect(ProtectCommand::Encrypt) => open_plain_to_encrypt(db)?,
        _ => {
            let creates =
                !matches!(command, Command::Protect(p) if !matches!(p, ProtectCommand::Notice));
            open_or_create(db, creates, unlock, regions, lang, now)?
        }
    };
    remind_retention(&store, lang, now);
    Ok(store)
}

fn open_or_create(
    db: &Path,
    creates: bool,
    unlock: &Unlock,
    regions: &RegionCatalog,
    lang: Lang,
    now: DateTime<Utc>,
) -> anyhow::Result<Store> {
    let new = store::probe(db)? == DbFile::Missing;
    if new && !creates {
        return Err(StoreError::NoDatabase {
            path: db.display().to_string(),
        }
        .into());
    }
    let key = unlock.key_for(db, lang)?;
    if !new {
        return Ok(Store::open_keyed(db, regions, &key)?);
    }
    let pin = unlock::new_lead_pin(unlock::LEAD_PIN_VAR, db, lang)?;
    let mut store = Store::open_keyed(db, regions, &key)?;
    store.set_lead_pin(&pin, &crate::cli_actor(), now)?;
    Ok(store)
}

fn open_plain_to_encrypt(db: &Path) -> anyhow::Result<Store> {
    match store::probe(db)? {
        DbFile::Encrypted => bail!(
            "{} is already encrypted; `sigdesk rekey` changes its passphrase",
            db.display()
        ),
        _ => Ok(Store::open_existing_keyed(db, &Key::Plain)?),
    }
}

/// Prints the wipe reminder on stderr once `retain_until` has come (best effort: a file
/// too old to have the setting has nothing to remind).
fn remind_retention(store: &Store, lang: Lang, now: DateTime<Utc>) {
    if let Ok(campaign) = store.campaign()
        && let Some(until) = campaign.retain_until
        && campaign.retention_due(campaign.local_date(now))
    {
        eprintln!("{}", i18n::protect::retention_reminder(lang, until));
    }
}

/// Asks for the lead PIN (`$SIGDESK_LEAD_PIN` or the terminal) and fails unless it matches.
pub fn require_lead_pin(store: &Store, lang: Lang) -> anyhow::Result<()> {
    if !store.has_lead_pin()? {
        return Err(StoreError::NoLeadPin.into());
    }
    let pin = unlock::lead_pin(store.path(), lang)?;
    if !store.verify_lead_pin(&pin)? {
        bail!("wrong lead PIN; nothing was changed");
    }
    Ok(())
}

/// Runs a protection command on the database `open_for` opened; returns the exit code.
pub fn run(
    command: ProtectCommand,
    mut store: Store,
    unlock: &Unlock,
    regions: &RegionCatalog,
    lang: Lang,
    now: DateTime<Utc>,
) -> anyhow::Result<u8> {
    let actor = crate::cli_actor();
    match command {
        ProtectCommand::Audit(args) => {
            let filter = audit::filter(&store.campaign()?, args.entry, args.since.as_deref())?;
            audit::print(&store, &filter, lang)?;
        }
        ProtectCommand::Backup { out } => {
            store::backup::backup_to(&store, &out)?;
            store.record_event(now, &actor, "backup", &serde_json::json!({ "out": out }))?;
            println!(
                "{}",
                i18n::protect::backup_written(lang, &out, store.is_encrypted())
            );
        }
        ProtectCommand::Verify { file } => {
            let report = store.verify()?;
            print!("{}", i18n::protect::verify_report(lang, &file, &report));
            return Ok(if report.is_sound() { 0 } else { 1 });
        }
        ProtectCommand::Rekey => {
            let new = unlock::new_passphrase(store.path(), lang)?;
            store.rekey(&new, &actor, now)?;
            println!("{}", i18n::protect::rekeyed(lang, store.path()));
        }
        ProtectCommand::Encrypt => {
            let db = store.path().to_path_buf();
            drop(store);
            let passphrase = unlock.passphrase(&db, true, lang)?;
            store::cipher::encrypt_plain(&db, &passphrase, regions, &actor, now)?;
            println!("{}", i18n::protect::encrypted(lang, &db));
        }
        ProtectCommand::Wipe { confirm } => wipe::run(store, confirm.as_deref(), lang)?,
        ProtectCommand::Notice => {
            print!("{}", crate::notice::notice_text(lang, &store.campaign()?)?);
        }
        ProtectCommand::LeadPin => {
            if store.has_lead_pin()? {
                require_lead_pin(&store, lang)?;
            }
            let pin = unlock::new_lead_pin(unlock::NEW_LEAD_PIN_VAR, store.path(), lang)?;
            store.set_lead_pin(&pin, &actor, now)?;
            println!("{}", i18n::protect::lead_pin_set(lang));
        }
    }
    Ok(0)
}
