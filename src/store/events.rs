//! The append-only audit log.

use super::StoreError;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::Serialize;

/// Who does a change: the desk and the operator signed in at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Desk name.
    pub desk: String,
    /// Operator name.
    pub operator: String,
}

/// One audit event as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRecord {
    /// When (RFC 3339 UTC).
    pub at: String,
    /// Desk.
    pub desk: String,
    /// Operator.
    pub operator: String,
    /// `create`, `edit`, `void`, `import`, `export`, `campaign`.
    pub action: String,
    /// Entry concerned, if any.
    pub entry_id: Option<String>,
    /// JSON of what changed.
    pub details: String,
}

/// The columns every event query selects, in the order [`event_from_row`] reads them.
pub(super) const EVENT_COLUMNS: &str = "at, desk, operator, action, entry_id, details";

/// Reads one row selected with [`EVENT_COLUMNS`].
pub(super) fn event_from_row(r: &rusqlite::Row) -> rusqlite::Result<EventRecord> {
    Ok(EventRecord {
        at: r.get(0)?,
        desk: r.get(1)?,
        operator: r.get(2)?,
        action: r.get(3)?,
        entry_id: r.get(4)?,
        details: r.get(5)?,
    })
}

/// Appends one event inside the caller's write transaction, chained to the last one.
pub(super) fn append(
    conn: &Connection,
    at: DateTime<Utc>,
    actor: &Actor,
    action: &str,
    entry_id: Option<&str>,
    details: &serde_json::Value,
) -> rusqlite::Result<()> {
    let (last, prev) = super::chain::head(conn)?;
    let (at, details) = (super::values::time_text(at), details.to_string());
    let content = super::chain::EventContent {
        id: last + 1,
        at: &at,
        desk: &actor.desk,
        operator: &actor.operator,
        action,
        entry_id,
        details: &details,
    };
    let hash = super::chain::hex(&super::chain::link(&prev, &content));
    conn.prepare_cached(
        "INSERT INTO events(id, at, desk, operator, action, entry_id, details, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        content.id,
        at,
        actor.desk,
        actor.operator,
        action,
        entry_id,
        details,
        hash
    ])?;
    Ok(())
}

impl super::Store {
    /// Events about one entry, oldest first.
    pub fn events_for_entry(&self, entry_id: &str) -> Result<Vec<EventRecord>, StoreError> {
        self.rows(
            &format!("SELECT {EVENT_COLUMNS} FROM events WHERE entry_id = ?1 ORDER BY id"),
            [entry_id],
            event_from_row,
        )
    }

    /// Records an action that touches no entry (export, import summary).
    pub fn record_event(
        &mut self,
        now: DateTime<Utc>,
        actor: &Actor,
        action: &str,
        details: &serde_json::Value,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        append(&tx, now, actor, action, None, details)?;
        tx.commit()?;
        Ok(())
    }
}
