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
