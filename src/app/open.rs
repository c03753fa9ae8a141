//! How every command opens its database (DESIGN.md §7): key, lead PIN on creation,
//! retention reminder; and the lead-PIN gate ([`Gate`]) of the lead's commands.

use super::Context;
use super::out;
use super::unlock::{self, ATTEMPTS, Unlock};
use crate::cli::{
    CampaignAction, CollectorsAction, Command, ProtectCommand, SheetsAction, SheetsArgs,
};
use crate::i18n::{Lang, ProtectText, Retry};
use crate::store::{self, Creation, DbFile, Key, Store, StoreError};
use anyhow::bail;
use std::path::Path;

/// Which database a command opens, and whether it may create it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening<'a> {
    /// `verify FILE`: that file as it is, never created.
    Verify(&'a Path),
    /// `encrypt`: the plain database.
    PlainToEncrypt,
    /// An existing database only: the protection commands but `notice`, and the paper
    /// check and protocol (a new database has no line to check or hand in).
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
            Command::Paper { .. } | Command::Protocol(_) => Opening::Existing,
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

/// Whether a command needs the lead PIN (DESIGN.md §7), checked right after the database
/// opens: before the command writes anything, and before any byte of an export leaves.
/// Every command is listed, so a new one does not compile until it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// `$SIGDESK_LEAD_PIN` or the terminal must give the lead PIN.
    LeadPin,
    /// Anyone who can open the database may run it.
    Open,
}

impl Gate {
    /// The gate of `command`.
    pub fn of(command: &Command) -> Gate {
        match command {
            Command::Import(_)
            | Command::Export(_)
            | Command::Campaign {
                action: CampaignAction::Set { .. },
            }
            | Command::Collectors {
                action: CollectorsAction::Add { .. } | CollectorsAction::Import { .. },
            }
            | Command::Sheets(SheetsArgs {
                action: Some(SheetsAction::Close { .. } | SheetsAction::Certify { .. }),
                ..
            })
            | Command::Paper { .. } => Gate::LeadPin,
            Command::Protect(protect) => match protect {
                ProtectCommand::Backup { .. }
                | ProtectCommand::Rekey
                | ProtectCommand::Encrypt
                | ProtectCommand::Wipe { .. }
                | ProtectCommand::LeadPin => Gate::LeadPin,
                ProtectCommand::Audit(_)
                | ProtectCommand::Verify { .. }
                | ProtectCommand::Notice => Gate::Open,
            },
            Command::Campaign {
                action: CampaignAction::Show,
            }
            | Command::Collectors {
                action: CollectorsAction::List,
            }
            | Command::Sheets(SheetsArgs { action: None, .. })
            | Command::Desk(_)
            | Command::Door(_)
            | Command::Board(_)
            | Command::Stats(_)
            | Command::Check(_)
            | Command::Demo(_)
            | Command::Protocol(_)
            | Command::Script(_) => Gate::Open,
            // `sync` runs unattended at the point, like the door; it sends only digests, and
            // the campaign secret it needs was set behind the lead PIN.
            Command::Sync(_) => Gate::Open,
            // The HQ commands open no point database, so there is no lead PIN to ask for:
            // the HQ owner's PostgreSQL login is their gate.
            Command::Hq { .. } => Gate::Open,
        }
    }
}

/// Opens the database at `db` as `opening` says: `verify F` opens F as it is, read-only;
/// `encrypt` opens the plain database; the protection commands (but `notice`) need an
/// existing database; every other command creates one on first use, asking for the
/// passphrase twice and then the lead PIN. A database without a lead PIN is refused. Then
/// `gate` asks for the lead PIN (not again from the process that just created the
/// database with it), and the retention reminder is printed when it is due.
/// Opens the database at `db` as `opening` says: `verify F` opens F as it is; `encrypt`
/// opens the plain database; the protection commands (but `notice`), `paper` and
/// `protocol` need an existing database; every other command creates one on first use,
/// asking for the passphrase twice and then the lead PIN. Prints the retention reminder
/// when it is due.
pub fn open_for(
    opening: Opening<'_>,
    gate: Gate,
    db: &Path,
    unlock: &Unlock,
    ctx: &Context,
) -> anyhow::Result<Store> {
    let (store, made) = match opening {
        Opening::Verify(file) => {
            if store::probe(file)? == DbFile::Missing {
                return Err(StoreError::NoDatabase {
                    path: file.display().to_string(),
                }
                .into());
            }
            let store = with_retries(file, unlock, ctx, |key| Store::open_read_only(file, key))?;
            (store, false)
        }
        Opening::PlainToEncrypt => (open_plain_to_encrypt(db, ctx.lang)?, false),
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
    if gate == Gate::LeadPin && !made {
        require_lead_pin(&store, ctx.lang)?;
    }
    remind_retention(&store, ctx);
    Ok(store)
}

/// Opens the database, or makes it whole when there is none and `creates`; says whether
/// this process made it. An existing database without a lead PIN is refused.
fn open_or_create(
    db: &Path,
    creates: bool,
    unlock: &Unlock,
    ctx: &Context,
) -> anyhow::Result<(Store, bool)> {
    let new = store::probe(db)? == DbFile::Missing;
    let shown = || db.display().to_string();
    if new && db.exists() {
        // An empty file is nobody's database; sigdesk never leaves one.
        return Err(StoreError::NotADatabase { path: shown() }.into());
    }
    if new && !creates {
        return Err(StoreError::NoDatabase { path: shown() }.into());
    }
    let mut made = false;
    let store = if new {
        let key = unlock.key_for(db, ctx.lang)?;
        let pin = unlock::new_lead_pin(unlock::LEAD_PIN_VAR, db, ctx.lang)?;
        let creation = Store::create_whole(db, &ctx.regions, &key, &pin, &ctx.actor, ctx.now)?;
        made = creation == Creation::Made;
        Store::open_migrated(db, &ctx.regions, &key)?
    } else {
        with_retries(db, unlock, ctx, |key| {
            Store::open_migrated(db, &ctx.regions, key)
        })?
    };
    if !store.has_lead_pin()? {
        return Err(StoreError::NoLeadPin.into());
    }
    Ok((store, made))
}

/// Opens `db` with the passphrase from where `unlock` says; a passphrase typed on the
/// terminal that does not fit is asked again, up to [`ATTEMPTS`] tries in all.
fn with_retries(
    db: &Path,
    unlock: &Unlock,
    ctx: &Context,
    open: impl Fn(&Key) -> Result<Store, StoreError>,
) -> anyhow::Result<Store> {
    let mut key = unlock.key_for(db, ctx.lang)?;
    let mut left = ATTEMPTS as u64;
    loop {
        match open(&key) {
            Err(StoreError::WrongPassphrase { .. }) if left > 1 && unlock.typed_on_terminal() => {
                left -= 1;
                out::note(ctx.lang.t(Retry::WrongPassphrase { left }));
                key = Key::Passphrase(unlock.passphrase(db, false, ctx.lang)?);
            }
            opened => return Ok(opened?),
        }
    }
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
