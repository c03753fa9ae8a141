//! A scratch database ATTACHed to a store's connection, for work that must not grow with the
//! number of rows in memory (an import's staged rows, `check`'s findings): a file of mode
//! 0600 beside the database, encrypted with a fresh random key when the database is (signer
//! data never lands on disk in plain), no journal, its own 8 MiB page cache, and removed
//! when the work ends, on success and on error alike. Its name carries the process id and
//! host, so a file left by a process killed mid-import is removed by the next one.

use super::desks::Holder;
use super::{Key, StoreError};
use rusqlite::Connection;
use std::fmt::Write;
use std::path::Path;

/// How every scratch file's name begins.
const PREFIX: &str = ".sigdesk-scratch-";

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
        let me = Holder::this_process();
        remove_orphans(dir, &me);
        let file = tempfile::Builder::new()
            .prefix(&format!("{PREFIX}{}@{}-", me.pid, me.host))
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

/// Removes the scratch files in `dir` that processes of this host left when they were
/// killed: their process no longer exists. Best effort; a file it cannot remove stays.
pub(super) fn remove_orphans(dir: &Path, me: &Holder) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(owner) = name.to_str().and_then(owner_of) else {
            continue;
        };
        if !owner.may_be_alive(me) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process a scratch file's name says made it: `.sigdesk-scratch-PID@HOST-RANDOM.db`.
fn owner_of(name: &str) -> Option<Holder> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(".db")?;
    let (pid, rest) = rest.split_once('@')?;
    let (host, _random) = rest.rsplit_once('-')?;
    Some(Holder {
        pid: pid.parse().ok()?,
        host: host.to_string(),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_of_dead_processes_of_this_host_are_removed_and_no_others() {
        let dir = tempfile::tempdir().expect("temp dir");
        let me = Holder::this_process();
        let mut child = std::process::Command::new("true")
            .spawn()
            .expect("spawn true");
        let dead = child.id();
        child.wait().expect("wait");
        let name = |pid: u32, host: &str| format!("{PREFIX}{pid}@{host}-AbC123.db");
        let files = [
            (name(dead, &me.host), false),
            (name(std::process::id(), &me.host), true),
            (name(dead, "another-host"), true),
            ("unrelated.db".to_string(), true),
            (format!("{PREFIX}garbled.db"), true),
        ];
        for (file, _) in &files {
            std::fs::write(dir.path().join(file), b"x").expect("write");
        }
        remove_orphans(dir.path(), &me);
        for (file, kept) in &files {
            assert_eq!(dir.path().join(file).exists(), *kept, "{file}");
        }
    }

    #[test]
    fn a_name_says_its_owner() {
        let owner = owner_of(".sigdesk-scratch-42@my-laptop-x9Yz.db").expect("owner");
        assert_eq!((owner.pid, owner.host.as_str()), (42, "my-laptop"));
        assert!(owner_of(".sigdesk-scratch-x9Yz.db").is_none());
    }
}
