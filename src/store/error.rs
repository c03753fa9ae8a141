//! Store errors, in the user's terms: each names a [`DbFailure`] (its words live in
//! i18n); the command line prints it in English with the flag that fixes it, a screen in
//! the operator's language.

use crate::domain::EntrySummary;
use crate::i18n::{DbFailure, Lang, OnCommandLine};
use std::fmt;
use std::path::Path;

/// What went wrong talking to the database.
#[derive(Debug)]
pub enum StoreError {
    /// The file exists but is not a sigdesk (SQLite) database.
    NotADatabase {
        /// The file.
        path: String,
    },
    /// The file is another program's SQLite database; it is left as it is.
    Foreign {
        /// The file.
        path: String,
    },
    /// An existing database was expected and there is none.
    NoDatabase {
        /// The file.
        path: String,
    },
    /// The path is a device or a pipe, where a database file is needed.
    NotAFile {
        /// The path.
        path: String,
    },
    /// The file or its folder cannot be written.
    CannotOpen {
        /// The file.
        path: String,
        /// What SQLite said.
        reason: String,
    },
    /// Another process held the write lock for longer than the busy timeout.
    Busy,
    /// The database was written by a newer sigdesk.
    TooNew {
        /// Version in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// Another valid entry already has this document.
    DuplicateDocument(EntrySummary),
    /// The entry asked for does not exist.
    NoSuchEntry(String),
    /// An edit tried to move an entry to another region (its paper sheet is headed with one).
    RegionChange {
        /// Region of the sheet.
        sheet_region: String,
    },
    /// The entry is voided already.
    AlreadyVoided,
    /// A stored value could not be read back (a damaged or hand-edited database).
    Damaged(String),
    /// The file is encrypted but was opened as a plain (training) database.
    IsEncrypted {
        /// The file.
        path: String,
    },
    /// The file is a plain database but a passphrase was given.
    NotEncrypted {
        /// The file.
        path: String,
    },
    /// The passphrase does not open the file.
    WrongPassphrase {
        /// The file.
        path: String,
    },
    /// An empty passphrase was given.
    EmptyPassphrase,
    /// The database has no lead PIN yet.
    NoLeadPin,
    /// A lead PIN of the wrong shape.
    BadLeadPin,
    /// Another connection keeps the database open while it must be alone (rekey, encrypt).
    InUse {
        /// The file.
        path: String,
    },
    /// An automatic backup was asked for but no folder is set.
    NoBackupDir,
    /// The database file or its WAL was deleted or replaced while open: nothing more is
    /// saved.
    FileChanged {
        /// The database file.
        path: String,
        /// Which file changed.
        change: super::FileChange,
    },
    /// Any other SQLite failure.
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

impl StoreError {
    /// What went wrong as plain data: a screen keeps it and says it in its language.
    pub fn failure(&self) -> DbFailure {
        let path = |path: &String| path.clone();
        match self {
            StoreError::NotADatabase { path: p } => DbFailure::NotADatabase { path: path(p) },
            StoreError::Foreign { path: p } => DbFailure::Foreign { path: path(p) },
            StoreError::NoDatabase { path: p } => DbFailure::NoDatabase { path: path(p) },
            StoreError::NotAFile { path: p } => DbFailure::NotAFile { path: path(p) },
            StoreError::CannotOpen { path: p, reason } => DbFailure::CannotOpen {
                path: path(p),
                reason: reason.clone(),
            },
            StoreError::Busy => DbFailure::Busy,
            StoreError::TooNew { found, supported } => DbFailure::TooNew {
                found: *found,
                supported: *supported,
            },
            StoreError::DuplicateDocument(first) => DbFailure::DuplicateDocument(first.clone()),
            StoreError::NoSuchEntry(id) => DbFailure::NoSuchEntry(id.clone()),
            StoreError::RegionChange { sheet_region } => DbFailure::RegionChange {
                sheet_region: sheet_region.clone(),
            },
            StoreError::AlreadyVoided => DbFailure::AlreadyVoided,
            StoreError::Damaged(what) => DbFailure::Damaged(what.clone()),
            StoreError::IsEncrypted { path: p } => DbFailure::IsEncrypted { path: path(p) },
            StoreError::NotEncrypted { path: p } => DbFailure::NotEncrypted { path: path(p) },
            StoreError::WrongPassphrase { path: p } => DbFailure::WrongPassphrase { path: path(p) },
            StoreError::EmptyPassphrase => DbFailure::EmptyPassphrase,
            StoreError::NoLeadPin => DbFailure::NoLeadPin,
            StoreError::BadLeadPin => DbFailure::BadLeadPin,
            StoreError::InUse { path: p } => DbFailure::InUse { path: path(p) },
            StoreError::NoBackupDir => DbFailure::NoBackupDir,
            StoreError::FileChanged { path: p, change } => DbFailure::FileChanged {
                path: path(p),
                wal: *change == super::FileChange::Wal,
            },
            StoreError::Sqlite(e) => DbFailure::Sqlite(e.to_string()),
        }
    }
}

/// The command line's one error line is English (`sigdesk: …` on stderr).
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.t(OnCommandLine(&self.failure())))
    }
}

impl std::error::Error for StoreError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_reads_the_english_message_with_its_advice() {
        let shown = |e: StoreError| e.to_string();
        assert_eq!(
            shown(StoreError::NotADatabase {
                path: "x.db".into()
            }),
            "x.db is not a sigdesk database (or it is encrypted); check the --db path"
        );
        assert_eq!(
            shown(StoreError::IsEncrypted {
                path: "x.db".into()
            }),
            "x.db is encrypted; open it without --no-encrypt and give its passphrase (SIGDESK_PASSPHRASE, --passphrase-file or the terminal)"
        );
        assert_eq!(
            shown(StoreError::NotEncrypted {
                path: "x.db".into()
            }),
            "x.db is not encrypted (a training database); open it with --no-encrypt, or encrypt it with `sigdesk --db x.db encrypt`"
        );
        assert_eq!(
            shown(StoreError::Busy),
            "the database is busy (another desk is writing); try again in a moment"
        );
        assert_eq!(
            shown(StoreError::RegionChange {
                sheet_region: "77".into()
            }),
            "the sheet of this entry is headed with region 77; void it and enter the signer again on a sheet of the new region"
        );
    }
}
