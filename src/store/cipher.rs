//! Changing how a database is encrypted: a new passphrase (`rekey`), or a plain training
//! database turned into an encrypted one (`encrypt`). Both need every other sigdesk on the
//! file closed: they first leave WAL mode, which SQLite refuses while anyone else has it open.

use super::events::Actor;
use super::key::{DbFile, Key, probe};
use super::{RegionCatalog, Store, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, params};
use std::path::{Path, PathBuf};

impl Store {
    /// Re-encrypts this database with `new_passphrase` (SQLCipher `PRAGMA rekey`) and
    /// records a `rekey` event. Fails with [`StoreError::InUse`] while another connection
    /// is open; the old passphrase then still works.
    pub fn rekey(
        &mut self,
        new_passphrase: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if !self.is_encrypted() {
            return Err(StoreError::NotEncrypted {
                path: self.path.display().to_string(),
            });
        }
        if new_passphrase.is_empty() {
            return Err(StoreError::EmptyPassphrase);
        }
        leave_wal(&self.conn, &self.path)?;
        let rekeyed = self.conn.pragma_update(None, "rekey", new_passphrase);
        // Back to WAL whatever happened, so desks can share the file again.
        let back = enter_wal(&self.conn);
        // Leaving WAL mode removed the log; the one made now is this connection's own.
        self.files.forget_wal();
        rekeyed?;
        back?;
        self.key = Key::Passphrase(new_passphrase.to_string());
        self.record_event(now, actor, "rekey", &serde_json::json!({}))
    }
}

impl Store {
    /// Closes this connection after making sure no other sigdesk has the database open
    /// (leaving WAL mode fails otherwise), so its files can be removed.
    pub fn close_alone(self) -> Result<(), StoreError> {
        leave_wal(&self.conn, &self.path)?;
        self.conn.close().map_err(|(_, e)| StoreError::from(e))
    }
}

/// Turns the plain database at `path` into an encrypted one with `passphrase`: exports it
/// into a new file beside it, syncs that to disk and renames it over the original, so a
/// crash leaves either the old file or the new one. Returns the encrypted database, open.
pub fn encrypt_plain(
    path: &Path,
    passphrase: &str,
    regions: &RegionCatalog,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Store, StoreError> {
    let shown = path.display().to_string();
    match probe(path)? {
        DbFile::Plain => {}
        DbFile::Missing => return Err(StoreError::NoDatabase { path: shown }),
        DbFile::Encrypted => return Err(StoreError::IsEncrypted { path: shown }),
    }
    if passphrase.is_empty() {
        return Err(StoreError::EmptyPassphrase);
    }
    let fail = |e| StoreError::from_open(path, e);
    let plain =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(fail)?;
    super::key::apply(&plain, path, &Key::Plain, super::key::NEW_CIPHER_PAGE)?;
    plain.busy_timeout(super::BUSY_TIMEOUT).map_err(fail)?;
    leave_wal(&plain, path)?;
    // Keep the file locked until the new one has replaced it: no desk can slip a write in.
    plain
        .execute_batch("PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")
        .map_err(|e| busy_means_in_use(path, e))?;
    let dir = folder_of(path);
    let temp = tempfile::Builder::new()
        .prefix(".sigdesk-encrypt-")
        .tempfile_in(&dir)
        .map_err(|e| io_error(path, e))?;
    let temp_path = temp.path().to_string_lossy().into_owned();
    let version: i64 = plain.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    plain.execute(
        "ATTACH DATABASE ?1 AS encrypted KEY ?2",
        params![temp_path, passphrase],
    )?;
    // Before anything is written to it; see `key::NEW_CIPHER_PAGE`.
    plain.pragma_update(
        Some("encrypted"),
        "cipher_page_size",
        super::key::NEW_CIPHER_PAGE,
    )?;
    let exported = plain
        .query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))
        .and_then(|()| plain.pragma_update(Some("encrypted"), "user_version", version));
    plain.execute_batch("DETACH DATABASE encrypted")?;
    exported?;
    temp.as_file().sync_all().map_err(|e| io_error(path, e))?;
    temp.persist(path).map_err(|e| io_error(path, e.error))?;
    sync_folder(&dir);
    drop(plain);
    for leftover in sidecars(path) {
        if leftover.exists() {
            std::fs::remove_file(&leftover).map_err(|e| io_error(&leftover, e))?;
        }
    }
    let mut store = Store::open_keyed(path, regions, &Key::Passphrase(passphrase.to_string()))?;
    store.record_event(now, actor, "encrypt", &serde_json::json!({}))?;
    Ok(store)
}

/// The WAL and shared-memory files SQLite keeps beside a database.
pub fn sidecars(path: &Path) -> [PathBuf; 2] {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [with("-wal"), with("-shm")]
}

/// Checkpoints everything into the main file and leaves WAL mode; only works alone.
fn leave_wal(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let busy: i64 = conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
        .map_err(|e| busy_means_in_use(path, e))?;
    let mode: String = conn
        .query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))
        .map_err(|e| busy_means_in_use(path, e))?;
    if busy != 0 || !mode.eq_ignore_ascii_case("delete") {
        return Err(StoreError::InUse {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

fn enter_wal(conn: &Connection) -> Result<(), StoreError> {
    let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    Ok(())
}

fn busy_means_in_use(path: &Path, e: rusqlite::Error) -> StoreError {
    match StoreError::from(e) {
        StoreError::Busy => StoreError::InUse {
            path: path.display().to_string(),
        },
        other => other,
    }
}

/// The folder a file is in ("." for a bare file name).
pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename in `dir` durable; a failure only weakens crash safety, so it is ignored.
pub(super) fn sync_folder(dir: &Path) {
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
}

pub(super) fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::CannotOpen {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}
