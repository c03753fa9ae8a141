//! `verify`: a database or backup file checked on a consistent snapshot. The file is opened
//! read-only (on read-only media, as immutable), copied with the online backup API into a
//! private temp folder, and the copy is checked: SQLite's and SQLCipher's integrity checks,
//! the audit log's chain and triggers, and the counts. Checking the live file itself would
//! read pages that writers are changing under the WAL and report damage that is not there.

use super::chain::ChainReport;
use super::key::{self, DbFile};
use super::{Store, StoreError, identity};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::Path;

/// What `verify` found in a database file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Problems found by `PRAGMA integrity_check` (and `cipher_integrity_check` when
    /// encrypted); empty when the file is sound.
    pub problems: Vec<String>,
    /// The audit log's chain; `None` when the file could not be read far enough.
    pub chain: Option<ChainReport>,
    /// Valid entries.
    pub valid: u64,
    /// Voided entries.
    pub voided: u64,
    /// Paper sheets.
    pub sheets: u64,
    /// Queue tickets, when the file has a tickets table.
    pub tickets: Option<u64>,
    /// Audit events.
    pub events: u64,
}

impl VerifyReport {
    /// Whether the checks found nothing wrong.
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty() && self.chain.as_ref().is_some_and(|c| c.broken.is_none())
    }
}

impl Store {
    /// Opens the file at `path` read-only, without migrating it or changing its journal
    /// mode; on read-only media, where SQLite cannot make its shared-memory file, as an
    /// immutable file.
    pub fn open_read_only(path: &Path, key: &super::Key) -> Result<Store, StoreError> {
        if key::check_fits(path, key)? == DbFile::Missing {
            return Err(StoreError::NoDatabase {
                path: path.display().to_string(),
            });
        }
        match connect_read_only(path, key, false) {
            Err(StoreError::CannotOpen { .. } | StoreError::Sqlite(_)) => {
                connect_read_only(path, key, true)
            }
            other => other,
        }
    }

    /// Runs the checks on a snapshot of the database (see the module comment). When no
    /// snapshot can be taken (a page cannot be read), the file itself is checked, so the
    /// damage is named. Only a file that cannot be read at all is an error.
    pub fn verify(&self) -> Result<VerifyReport, StoreError> {
        let folder = tempfile::tempdir().map_err(|e| super::cipher::io_error(&self.path, e))?;
        let copy_path = folder.path().join("snapshot.db");
        let snapshot = Connection::open(&copy_path)
            .map_err(|e| StoreError::from_open(&copy_path, e))
            .and_then(|mut copy| {
                key::apply(&copy, &copy_path, &self.key, self.cipher_page()?)?;
                super::backup::copy_all_pages(&self.conn, &mut copy)?;
                Ok(copy)
            });
        match snapshot {
            Ok(copy) => Ok(check(&copy, self.is_encrypted())),
            Err(_) => Ok(check(&self.conn, self.is_encrypted())),
        }
    }
}

fn connect_read_only(path: &Path, key: &super::Key, immutable: bool) -> Result<Store, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let uri = format!(
        "file:{}{}",
        uri_path(path),
        if immutable { "?immutable=1" } else { "" }
    );
    let conn = key::connect(path, key, || {
        Connection::open_with_flags(&uri, flags).map_err(|e| StoreError::from_open(path, e))
    })?;
    identity::check(&conn, path)?;
    conn.busy_timeout(super::BUSY_TIMEOUT)
        .map_err(|e| StoreError::from_open(path, e))?;
    Ok(Store::around(conn, path, key))
}

/// A path as the path of a `file:` URI: every byte but unreserved ones and `/` escaped.
fn uri_path(path: &Path) -> String {
    let mut text = String::new();
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'.' | b'_' | b'~' => {
                text.push(char::from(*byte))
            }
            other => text.push_str(&format!("%{other:02X}")),
        }
    }
    text
}

/// The checks and counts on one connection.
fn check(conn: &Connection, encrypted: bool) -> VerifyReport {
    let mut problems = Vec::new();
    if encrypted {
        problems.extend(check_rows(conn, "PRAGMA cipher_integrity_check"));
    }
    problems.extend(
        check_rows(conn, "PRAGMA integrity_check")
            .into_iter()
            .filter(|row| row != "ok"),
    );
    let chain = super::chain::check(conn)
        .map_err(|e| problems.push(format!("audit log: {e}")))
        .ok();
    let mut count = |sql: &str| -> u64 {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n.max(0) as u64)
            .unwrap_or_else(|e| {
                problems.push(format!("{sql}: {e}"));
                0
            })
    };
    let valid = count("SELECT count(*) FROM entries WHERE status = 'valid'");
    let voided = count("SELECT count(*) FROM entries WHERE status = 'voided'");
    let sheets = count("SELECT count(*) FROM sheets");
    let events = count("SELECT count(*) FROM events");
    let tickets = table_exists(conn, "tickets").then(|| count("SELECT count(*) FROM tickets"));
    VerifyReport {
        problems,
        chain,
        valid,
        voided,
        sheets,
        tickets,
        events,
    }
}

/// The text rows a checking pragma returns; a failure to run it is itself a problem.
fn check_rows(conn: &Connection, pragma: &str) -> Vec<String> {
    let rows = conn.prepare(pragma).and_then(|mut stmt| {
        stmt.query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()
    });
    rows.unwrap_or_else(|e| vec![format!("{pragma}: {e}")])
}

fn table_exists(conn: &Connection, name: &str) -> bool {
    conn.query_row(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [name],
        |_| Ok(()),
    )
    .optional()
    .ok()
    .flatten()
    .is_some()
}
