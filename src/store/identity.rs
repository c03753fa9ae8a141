//! Which files are sigdesk's: `PRAGMA application_id` marks every sigdesk database, and a
//! file that is neither marked, nor new and empty, nor an older sigdesk database (from
//! before the mark) is another program's: it is refused before anything writes to it.

use super::StoreError;
use rusqlite::Connection;
use std::path::Path;

/// `SIGD` in ASCII: the `application_id` of every sigdesk database.
pub const APPLICATION_ID: i32 = 0x5349_4744;

/// Tables every sigdesk database has had since its first schema version.
const OWN_TABLES: [&str; 4] = ["campaign", "entries", "events", "regions"];

/// Refuses a file that belongs to another program. Only reads.
pub(super) fn check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let fail = |e| StoreError::from_open(path, e);
    let id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(fail)?;
    if id == APPLICATION_ID {
        return Ok(());
    }
    let foreign = || StoreError::Foreign {
        path: path.display().to_string(),
    };
    if id != 0 {
        return Err(foreign());
    }
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .map_err(fail)?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(fail)?;
    if tables.is_empty() {
        return Ok(());
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(fail)?;
    let ours = OWN_TABLES.iter().all(|t| tables.iter().any(|n| n == t));
    if version >= 1 && ours {
        Ok(())
    } else {
        Err(foreign())
    }
}

/// Marks the database as sigdesk's (inside the migration's transaction).
pub(super) fn mark(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "application_id", APPLICATION_ID)
}

/// Whether the database carries the mark already.
pub(super) fn is_marked(conn: &Connection) -> rusqlite::Result<bool> {
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    Ok(id == APPLICATION_ID)
}
