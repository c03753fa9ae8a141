//! A scratch database ATTACHed to a store's connection, for work that must not grow with the
//! number of rows in memory (an import's staged rows, `check`'s findings): a file of mode
//! 0600 beside the database, encrypted with a fresh random key when the database is (signer
//! data never lands on disk in plain), no journal, its own 8 MiB page cache, and removed
//! when the work ends, on success and on error alike.

use super::{Key, StoreError};
use rusqlite::Connection;
use std::fmt::Write;
use std::path::Path;

/// The schema name the scratch database is attached as.
pub(super) const SCRATCH: &str = "scratch";

/// Page cache of the scratch database, KiB (negative `cache_size` is KiB in SQLite).
const SCRATCH_CACHE_KIB: i64 = 8 * 1024;

/// The scratch file while it is attached; [`ScratchFile::detach`] or drop removes it.
pub(super) struct ScratchFile {
    path: Option<tempfile::TempPath>,
}

impl ScratchFile {
    /// Creates the scratch file beside `db` (0600), attaches it to `conn` and runs `schema`
    /// (table names qualified with `scratch.`).
    pub(super) fn attach(
        conn: &Connection,
        db: &Path,
        key: &Key,
        schema: &str,
    ) -> Result<ScratchFile, StoreError> {
        let dir = match db.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let file = tempfile::Builder::new()
            .prefix(".sigdesk-scratch-")
            .suffix(".db")
            .tempfile_in(dir)
            .map_err(|e| cannot_create(dir, &e))?;
        let path = file.into_temp_path();
        let scratch = ScratchFile { path: Some(path) };
        let file_name = scratch.path().to_string_lossy().into_owned();
        let scratch_key = if key.encrypts() {
            random_raw_key().map_err(|e| cannot_create(dir, &e))?
        } else {
            String::new()
        };
        conn.execute(
            &format!("ATTACH DATABASE ?1 AS {SCRATCH} KEY ?2"),
            [file_name.as_str(), scratch_key.as_str()],
        )?;
        conn.execute_batch(&format!(
            "PRAGMA {SCRATCH}.journal_mode=OFF; PRAGMA {SCRATCH}.synchronous=OFF;
             PRAGMA {SCRATCH}.cache_size=-{SCRATCH_CACHE_KIB}; {schema}"
        ))?;
        Ok(scratch)
    }

    fn path(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new(""))
    }

    /// Detaches the scratch database from `conn` and removes its file.
    pub(super) fn detach(mut self, conn: &Connection) -> Result<(), StoreError> {
        conn.flush_prepared_statement_cache();
        let detached = conn.execute_batch(&format!("DETACH DATABASE {SCRATCH}"));
        if let Some(path) = self.path.take() {
            let shown = path.to_path_buf();
            path.close().map_err(|e| cannot_create(&shown, &e))?;
        }
        Ok(detached?)
    }
}

/// A SQLCipher raw key (`x'…'`, 256 random bits): no key derivation, and nobody ever knows it.
fn random_raw_key() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    let mut key = String::from("x'");
    for b in bytes {
        let _ = write!(key, "{b:02x}");
    }
    key.push('\'');
    Ok(key)
}

/// The scratch file could not be made or removed in `dir`.
fn cannot_create(dir: &Path, e: &dyn std::fmt::Display) -> StoreError {
    StoreError::CannotOpen {
        path: dir.display().to_string(),
        reason: e.to_string(),
    }
}
