//! What went wrong with the database, as plain data: the store fails with a [`DbFailure`]
//! (`store::StoreError`), a screen keeps it, and i18n says it in the operator's language.

use super::EntrySummary;

/// Which file changed under the open database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileChange {
    /// The database file: deleted, replaced by another file, or cut shorter.
    Database,
    /// Its write-ahead log: deleted or replaced.
    Wal,
}

/// A failure of the database, with the data its message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbFailure {
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
        change: FileChange,
    },
    /// Any other SQLite failure, as SQLite put it (the store keeps its words, so a screen
    /// can keep the failure).
    Sqlite(String),
}
