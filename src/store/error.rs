//! Store errors, in the user's terms.

use crate::domain::EntrySummary;
use std::path::Path;

/// What went wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a sigdesk (SQLite) database.
    #[error("{path} is not a sigdesk database (or it is encrypted); check the --db path")]
    NotADatabase {
        /// The file.
        path: String,
    },
    /// An existing database was expected and there is none.
    #[error("there is no database at {path}; check the --db path")]
    NoDatabase {
        /// The file.
        path: String,
    },
    /// The file or its folder cannot be written.
    #[error("cannot open {path} for writing: {reason}; check the folder exists and is writable")]
    CannotOpen {
        /// The file.
        path: String,
        /// What SQLite said.
        reason: String,
    },
    /// Another process held the write lock for longer than the busy timeout.
    #[error("the database is busy (another desk is writing); try again in a moment")]
    Busy,
    /// The database was written by a newer sigdesk.
    #[error(
        "the database has schema version {found}, newer than this sigdesk ({supported}); update sigdesk"
    )]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// Another valid entry already has this document.
    #[error("document already entered: sheet {} line {} at desk {}", .0.sheet, .0.line, .0.desk)]
    DuplicateDocument(EntrySummary),
    /// The entry asked for does not exist.
    #[error("no entry with id {0}")]
    NoSuchEntry(String),
    /// An edit tried to move an entry to another region (its paper sheet is headed with one).
    #[error(
        "the sheet of this entry is headed with region {sheet_region}; void it and enter the signer again on a sheet of the new region"
    )]
    RegionChange {
        /// Region of the sheet.
        sheet_region: String,
    },
    /// The entry is voided already.
    #[error("this entry is already voided")]
    AlreadyVoided,
    /// A stored value could not be read back (a damaged or hand-edited database).
    #[error("damaged value in the database: {0}")]
    Damaged(String),
    /// The file is encrypted but was opened as a plain (training) database.
    #[error(
        "{path} is encrypted; open it without --no-encrypt and give its passphrase (SIGDESK_PASSPHRASE, --passphrase-file or the terminal)"
    )]
    IsEncrypted {
        /// The file.
        path: String,
    },
    /// The file is a plain database but a passphrase was given.
    #[error(
        "{path} is not encrypted (a training database); open it with --no-encrypt, or encrypt it with `sigdesk --db {path} encrypt`"
    )]
    NotEncrypted {
        /// The file.
        path: String,
    },
    /// The passphrase does not open the file.
    #[error("wrong passphrase for {path} (or the file is damaged); nothing was changed, try again")]
    WrongPassphrase {
        /// The file.
        path: String,
    },
    /// An empty passphrase was given.
    #[error("the passphrase is empty; type at least one character")]
    EmptyPassphrase,
    /// The database has no lead PIN yet.
    #[error("this database has no lead PIN; set one with `sigdesk lead-pin`")]
    NoLeadPin,
    /// A lead PIN of the wrong shape.
    #[error("the lead PIN must be 4 to 8 digits")]
    BadLeadPin,
    /// Another connection keeps the database open while it must be alone (rekey, encrypt).
    #[error(
        "{path} is open in another sigdesk (a desk, door or board); close them all and try again"
    )]
    InUse {
        /// The file.
        path: String,
    },
    /// An automatic backup was asked for but no folder is set.
    #[error(
        "no backup folder is set; set one with `sigdesk campaign set backup_dir /absolute/path`"
    )]
    NoBackupDir,
    /// Any other SQLite failure.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    /// Maps an error met while opening `path` to a message that names the file.
    pub(crate) fn from_open(path: &Path, e: rusqlite::Error) -> StoreError {
        let shown = path.display().to_string();
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase { path: shown },
            Some(rusqlite::ErrorCode::CannotOpen)
            | Some(rusqlite::ErrorCode::ReadOnly)
            | Some(rusqlite::ErrorCode::PermissionDenied) => StoreError::CannotOpen {
                path: shown,
                reason: e.to_string(),
            },
            _ => StoreError::from(e),
        }
    }
}
