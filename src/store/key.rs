//! The database key (SQLCipher passphrase, or none for a training database) and what a file
//! on disk is before anything opens it.

use super::StoreError;
use rusqlite::Connection;
use std::io::Read;
use std::path::Path;

/// How a database file is opened: plain SQLite, or encrypted with a passphrase.
#[derive(Clone, PartialEq, Eq)]
pub enum Key {
    /// No encryption (training and demo databases, and tests).
    Plain,
    /// SQLCipher encryption with this passphrase (PBKDF2 key derivation inside SQLCipher).
    Passphrase(String),
}

impl std::fmt::Debug for Key {
    /// Never prints the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Key::Plain => f.write_str("Key::Plain"),
            Key::Passphrase(_) => f.write_str("Key::Passphrase(<hidden>)"),
        }
    }
}

impl Key {
    /// Whether this key encrypts the database.
    pub fn encrypts(&self) -> bool {
        matches!(self, Key::Passphrase(_))
    }
}

/// What a database path holds, judged from its first bytes without opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbFile {
    /// No file, or an empty one: opening creates a new database.
    Missing,
    /// A plain SQLite database (starts with "SQLite format 3").
    Plain,
    /// Not plain SQLite but shaped like a database (whole pages): encrypted, by all signs.
    Encrypted,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The smallest page size SQLite and SQLCipher use; every database file is a multiple of it.
const MIN_PAGE: u64 = 512;

/// Looks at `path` without opening it as a database.
pub fn probe(path: &Path) -> Result<DbFile, StoreError> {
    let shown = || path.display().to_string();
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(DbFile::Missing),
        Err(e) => {
            return Err(StoreError::CannotOpen {
                path: shown(),
                reason: e.to_string(),
            });
        }
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        return Ok(DbFile::Missing);
    }
    let mut head = [0u8; 16];
    let read = file.read(&mut head).unwrap_or(0);
    if read == head.len() && &head == SQLITE_MAGIC {
        return Ok(DbFile::Plain);
    }
    if len % MIN_PAGE == 0 {
        return Ok(DbFile::Encrypted);
    }
    Err(StoreError::NotADatabase { path: shown() })
}

/// Refuses a key that does not fit the file, before anything touches it.
pub(super) fn check_fits(path: &Path, key: &Key) -> Result<DbFile, StoreError> {
    let found = probe(path)?;
    let shown = path.display().to_string();
    match (found, key) {
        (DbFile::Encrypted, Key::Plain) => Err(StoreError::IsEncrypted { path: shown }),
        (DbFile::Plain, Key::Passphrase(_)) => Err(StoreError::NotEncrypted { path: shown }),
        _ => Ok(found),
    }
}

/// The page size of new encrypted databases. SQLCipher encrypts and MACs every page on its
/// own (AES-256-CBC and HMAC-SHA512, unchanged), and a desk save dirties about thirteen
/// pages, one per table and index it touches: with 1 KiB pages what encryption adds to a
/// save is about a third of what it adds with SQLCipher's default 4 KiB pages
/// (benches/RESULTS.md, issue 16).
pub const NEW_CIPHER_PAGE: u32 = 1024;
/// SQLCipher's default page size, which encrypted files made before [`NEW_CIPHER_PAGE`]
/// keep.
const DEFAULT_CIPHER_PAGE: u32 = 4096;

/// The cipher page sizes an existing encrypted file may have, the likelier first. The size
/// is inside the encryption, but a file's length is a whole number of pages: one that is
/// not a multiple of 4 KiB can only have 1 KiB pages.
fn cipher_pages_of(path: &Path) -> &'static [u32] {
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if len == 0 || !len.is_multiple_of(u64::from(DEFAULT_CIPHER_PAGE)) {
        &[NEW_CIPHER_PAGE]
    } else {
        &[NEW_CIPHER_PAGE, DEFAULT_CIPHER_PAGE]
    }
}

/// Opens a connection with `open` and keys it ([`apply`]). An encrypted file whose page
/// size its length does not tell is tried with each size it may have, each on a fresh
/// connection (SQLCipher fixes the settings at the first read); a key that fits none is
/// the wrong passphrase.
pub(super) fn connect(
    path: &Path,
    key: &Key,
    open: impl Fn() -> Result<Connection, StoreError>,
) -> Result<Connection, StoreError> {
    let pages = if key.encrypts() {
        cipher_pages_of(path)
    } else {
        &[NEW_CIPHER_PAGE]
    };
    let mut tries = pages.iter().peekable();
    loop {
        let conn = open()?;
        let page = tries.next().copied().unwrap_or(NEW_CIPHER_PAGE);
        match apply(&conn, path, key, page) {
            Err(StoreError::WrongPassphrase { .. }) if tries.peek().is_some() => continue,
            other => return other.map(|()| conn),
        }
    }
}

/// The cipher page size of the main database of `conn` (an encrypted one): a copy made
/// page by page (a backup) must be keyed with the same.
pub(super) fn cipher_page_of(conn: &Connection) -> Result<u32, StoreError> {
    let text: String = conn.query_row("PRAGMA cipher_page_size", [], |r| r.get(0))?;
    text.trim()
        .parse()
        .map_err(|_| StoreError::Sqlite(format!("cipher_page_size is {text:?}, not a number")))
}

/// Silences SQLCipher's own log (it would print into the TUI) and applies the key with
/// cipher pages of `page` bytes (ignored for a plain database), then reads the schema so a
/// wrong passphrase fails here, before any write.
pub(super) fn apply(
    conn: &Connection,
    path: &Path,
    key: &Key,
    page: u32,
) -> Result<(), StoreError> {
    let fail = |e| StoreError::from_open(path, e);
    conn.pragma_update(None, "cipher_log_level", "NONE")
        .map_err(fail)?;
    if let Key::Passphrase(secret) = key {
        if secret.is_empty() {
            return Err(StoreError::EmptyPassphrase);
        }
        conn.pragma_update(None, "key", secret).map_err(fail)?;
        conn.pragma_update(None, "cipher_page_size", page)
            .map_err(fail)?;
    }
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(e)
            if key.encrypts()
                && e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) =>
        {
            Err(StoreError::WrongPassphrase {
                path: path.display().to_string(),
            })
        }
        Err(e) => Err(fail(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_passphrase() {
        let shown = format!("{:?}", Key::Passphrase("тайна 42".into()));
        assert!(!shown.contains("тайна"), "{shown}");
        assert_eq!(format!("{:?}", Key::Plain), "Key::Plain");
    }

    #[test]
    fn probe_tells_files_apart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("none.db");
        assert_eq!(probe(&missing).expect("probe"), DbFile::Missing);
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").expect("write");
        assert_eq!(probe(&empty).expect("probe"), DbFile::Missing);
        let plain = dir.path().join("plain.db");
        let mut bytes = SQLITE_MAGIC.to_vec();
        bytes.resize(4096, 0);
        std::fs::write(&plain, &bytes).expect("write");
        assert_eq!(probe(&plain).expect("probe"), DbFile::Plain);
        let random = dir.path().join("enc.db");
        std::fs::write(&random, vec![0x5a; 8192]).expect("write");
        assert_eq!(probe(&random).expect("probe"), DbFile::Encrypted);
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "milk, bread\n").expect("write");
        assert!(matches!(probe(&text), Err(StoreError::NotADatabase { .. })));
    }
}
