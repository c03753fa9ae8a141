//! The files under an open database: its device, inode and size, and its write-ahead log's,
//! as they were when it was opened. A database deleted, replaced or cut short under a
//! running sigdesk (or its WAL deleted) would swallow every later commit: SQLite keeps
//! writing into the open but unlinked file, and reports success. Every write checks first.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

pub use crate::domain::FileChange;

/// The identity of a file: device and inode.
type Identity = (u64, u64);

/// What an open database's files were, to tell when they change.
#[derive(Debug, Clone)]
pub struct FileWatch {
    db: PathBuf,
    wal: PathBuf,
    db_id: Option<Identity>,
    db_size: u64,
    wal_id: Option<Identity>,
}

impl FileWatch {
    /// The files of the database at `db` as they are now.
    pub fn of(db: &Path) -> FileWatch {
        let [wal, _] = super::cipher::sidecars(db);
        let found = std::fs::metadata(db).ok();
        FileWatch {
            db_id: found.as_ref().map(|m| (m.dev(), m.ino())),
            db_size: found.map_or(0, |m| m.len()),
            wal_id: identity(&wal),
            db: db.to_path_buf(),
            wal,
        }
    }

    /// Whether the files are still the ones opened. A WAL first seen now is remembered
    /// (SQLite makes it on the first read); one seen before must stay.
    pub fn check(&mut self) -> Result<(), FileChange> {
        let now = std::fs::metadata(&self.db).ok();
        let id = now.as_ref().map(|m| (m.dev(), m.ino()));
        let size = now.map_or(0, |m| m.len());
        if self.db_id.is_some() && (id != self.db_id || size < self.db_size) {
            return Err(FileChange::Database);
        }
        self.db_size = size;
        match (self.wal_id, identity(&self.wal)) {
            (Some(was), is) if is != Some(was) => Err(FileChange::Wal),
            (None, is) => {
                self.wal_id = is;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Forgets the WAL: this connection itself left WAL mode (rekey, close), which removes it.
    pub fn forget_wal(&mut self) {
        self.wal_id = None;
    }
}

fn identity(path: &Path) -> Option<Identity> {
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Whether `path` is a device, a named pipe or a socket (`/dev/null`, `/dev/stdout`, a
/// FIFO): something to write into, never to replace with a renamed temp file — as root, a
/// rename over `/dev/null` would turn the machine's null device into a plain file.
pub fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}
