//! Where the secrets come from: the database passphrase (`--passphrase-file`, then
//! `$SIGDESK_PASSPHRASE`, then the terminal) and the lead PIN (`$SIGDESK_LEAD_PIN`, then the
//! terminal). Everything is asked before any TUI starts; with no terminal and no other
//! source the command stops with one line saying what to set.

use super::out;
use crate::i18n::{Lang, Prompt, ProtectText, Retry};
use crate::store::lead_pin::is_valid_lead_pin;
use crate::store::{DbFile, Key, probe};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Environment variable holding the database passphrase, for scripts and tests.
pub const PASSPHRASE_VAR: &str = "SIGDESK_PASSPHRASE";
/// Environment variable holding the new passphrase for `rekey`.
pub const NEW_PASSPHRASE_VAR: &str = "SIGDESK_NEW_PASSPHRASE";
/// Environment variable holding the session PIN of a desk, door or board.
pub const SESSION_PIN_VAR: &str = "SIGDESK_PIN";
/// Environment variable holding the lead PIN.
pub const LEAD_PIN_VAR: &str = "SIGDESK_LEAD_PIN";
/// Environment variable holding the new lead PIN for `lead-pin`.
pub const NEW_LEAD_PIN_VAR: &str = "SIGDESK_NEW_LEAD_PIN";
/// Times a secret may be typed before giving up.
pub const ATTEMPTS: usize = 3;

/// Why no usable secret was found.
#[derive(Debug, thiserror::Error)]
pub enum UnlockError {
    /// No file, no variable, no terminal.
    #[error(
        "no passphrase for {path}: set SIGDESK_PASSPHRASE or --passphrase-file (there is no terminal to ask on), or use --no-encrypt for a training database"
    )]
    NoPassphrase {
        /// The database.
        path: String,
    },
    /// The passphrase or PIN file cannot be read.
    #[error("cannot read the secret file {path}: {reason}")]
    PassphraseFile {
        /// The file.
        path: String,
        /// What the system said.
        reason: String,
    },
    /// The passphrase or PIN file's first line is empty.
    #[error("the first line of {path} is empty; write the passphrase or PIN on it")]
    EmptyPassphraseFile {
        /// The file.
        path: String,
    },
    /// A variable is set but empty.
    #[error("{0} is set but empty; set it to the secret, or unset it to be asked")]
    EmptyVariable(&'static str),
    /// A new passphrase is needed but cannot be asked.
    #[error("no new passphrase: set SIGDESK_NEW_PASSPHRASE (there is no terminal to ask on)")]
    NoNewPassphrase,
    /// The typed secrets kept differing or being empty.
    #[error("gave up after {ATTEMPTS} attempts; nothing was changed")]
    GaveUp,
    /// The lead PIN is needed but cannot be asked.
    #[error("this needs the lead PIN: set {0} (4 to 8 digits) or run on a terminal to type it")]
    NoLeadPin(&'static str),
    /// A new lead PIN is needed but cannot be asked.
    #[error(
        "a new lead PIN is needed (4 to 8 digits; it guards campaign settings and other lead actions): set {0} or run on a terminal to type it"
    )]
    NoNewLeadPin(&'static str),
    /// A PIN variable is not 4 to 8 digits.
    #[error("{0} must be 4 to 8 digits")]
    BadPinVariable(&'static str),
    /// The terminal could not be read.
    #[error("cannot read from the terminal: {0}")]
    Terminal(String),
}

/// The passphrase options of the command line.
#[derive(Debug, Clone, Default)]
pub struct Unlock {
    /// `--passphrase-file`.
    pub passphrase_file: Option<PathBuf>,
    /// `--no-encrypt`.
    pub no_encrypt: bool,
}

impl Unlock {
    /// The key for the database at `db`: plain with `--no-encrypt`, else the passphrase
    /// (asked twice when the file is new). Refuses a key of the wrong kind for the file
    /// before asking anything.
    pub fn key_for(&self, db: &Path, lang: Lang) -> anyhow::Result<Key> {
        let found = probe(db)?;
        let shown = db.display().to_string();
        if self.no_encrypt {
            if found == DbFile::Encrypted {
                return Err(crate::store::StoreError::IsEncrypted { path: shown }.into());
            }
            return Ok(Key::Plain);
        }
        match found {
            DbFile::Plain => Err(crate::store::StoreError::NotEncrypted { path: shown }.into()),
            DbFile::Missing => Ok(Key::Passphrase(self.passphrase(db, true, lang)?)),
            DbFile::Encrypted => Ok(Key::Passphrase(self.passphrase(db, false, lang)?)),
        }
    }

    /// The passphrase from the file, the variable or the terminal (twice when `new`).
    pub fn passphrase(&self, db: &Path, new: bool, lang: Lang) -> anyhow::Result<String> {
        if let Some(file) = &self.passphrase_file {
            return Ok(read_secret_file(file)?);
        }
        if let Some(value) = from_env(PASSPHRASE_VAR)? {
            return Ok(value);
        }
        if !on_terminal() {
            return Err(UnlockError::NoPassphrase {
                path: db.display().to_string(),
            }
            .into());
        }
        if new {
            Ok(ask_twice(
                lang,
                db,
                Prompt::NewPassphrase,
                Prompt::RepeatPassphrase,
                false,
            )?)
        } else {
            Ok(ask(lang, Prompt::Passphrase, db)?)
        }
    }
}

impl Unlock {
    /// Whether the passphrase of an existing database is typed on the terminal (no file,
    /// no variable): then a typo is asked again rather than ending the program.
    pub fn typed_on_terminal(&self) -> bool {
        !self.no_encrypt
            && self.passphrase_file.is_none()
            && std::env::var_os(PASSPHRASE_VAR).is_none()
            && on_terminal()
    }
}

/// The new passphrase for `rekey`: `$SIGDESK_NEW_PASSPHRASE`, else typed twice.
pub fn new_passphrase(db: &Path, lang: Lang) -> anyhow::Result<String> {
    if let Some(value) = from_env(NEW_PASSPHRASE_VAR)? {
        return Ok(value);
    }
    if !on_terminal() {
        return Err(UnlockError::NoNewPassphrase.into());
    }
    Ok(ask_twice(
        lang,
        db,
        Prompt::ChangedPassphrase,
        Prompt::RepeatPassphrase,
        false,
    )?)
}

/// A new lead PIN: from `var` (validated), else typed twice on the terminal.
pub fn new_lead_pin(var: &'static str, db: &Path, lang: Lang) -> anyhow::Result<String> {
    if let Some(value) = from_env(var)? {
        if !is_valid_lead_pin(&value) {
            return Err(UnlockError::BadPinVariable(var).into());
        }
        return Ok(value);
    }
    if !on_terminal() {
        return Err(UnlockError::NoNewLeadPin(var).into());
    }
    Ok(ask_twice(
        lang,
        db,
        Prompt::NewLeadPin,
        Prompt::RepeatLeadPin,
        true,
    )?)
}

/// The lead PIN to check: `$SIGDESK_LEAD_PIN`, else typed once on the terminal.
pub fn lead_pin(db: &Path, lang: Lang) -> anyhow::Result<String> {
    if let Some(value) = from_env(LEAD_PIN_VAR)? {
        return Ok(value);
    }
    if !on_terminal() {
        return Err(UnlockError::NoLeadPin(LEAD_PIN_VAR).into());
    }
    Ok(ask(lang, Prompt::LeadPin, db)?)
}

/// The session PIN given before the sign-in screen: the first line of `file`, else
/// `$SIGDESK_PIN`, else none (the sign-in screen asks).
pub fn session_pin(file: Option<&Path>) -> anyhow::Result<Option<String>> {
    if let Some(file) = file {
        return Ok(Some(read_secret_file(file)?));
    }
    Ok(from_env(SESSION_PIN_VAR)?)
}

/// Whether a person can be asked: standard input is a terminal.
pub fn on_terminal() -> bool {
    std::io::stdin().is_terminal()
}

/// The first line of the file, without its line ending.
fn read_secret_file(file: &Path) -> Result<String, UnlockError> {
    let text = std::fs::read_to_string(file).map_err(|e| UnlockError::PassphraseFile {
        path: file.display().to_string(),
        reason: e.to_string(),
    })?;
    let first = text.lines().next().unwrap_or("");
    if first.is_empty() {
        return Err(UnlockError::EmptyPassphraseFile {
            path: file.display().to_string(),
        });
    }
    Ok(first.to_string())
}

/// A variable's value when it is set; an empty one is an error, not "unset".
fn from_env(var: &'static str) -> Result<Option<String>, UnlockError> {
    match std::env::var(var) {
        Ok(value) if value.is_empty() => Err(UnlockError::EmptyVariable(var)),
        Ok(value) => Ok(Some(value)),
        Err(_) => Ok(None),
    }
}

/// One hidden line from the terminal, after `prompt` for database `db`.
fn ask(lang: Lang, prompt: Prompt, db: &Path) -> Result<String, UnlockError> {
    let question = lang.t(ProtectText::Ask { prompt, db });
    rpassword::prompt_password(crate::domain::visible::visible(&question))
        .map_err(|e| UnlockError::Terminal(e.to_string()))
}

/// Asks for a new secret twice until both match, are non-empty and pass `check`.
fn ask_twice(
    lang: Lang,
    db: &Path,
    first: Prompt,
    again: Prompt,
    is_pin: bool,
) -> Result<String, UnlockError> {
    for _ in 0..ATTEMPTS {
        let one = ask(lang, first, db)?;
        let problem = if one.is_empty() {
            Some(Retry::Empty)
        } else if is_pin && !is_valid_lead_pin(&one) {
            Some(Retry::PinShape)
        } else {
            None
        };
        if let Some(why) = problem {
            out::note(lang.t(why));
            continue;
        }
        if ask(lang, again, db)? == one {
            return Ok(one);
        }
        out::note(lang.t(Retry::Mismatch));
    }
    Err(UnlockError::GaveUp)
}
