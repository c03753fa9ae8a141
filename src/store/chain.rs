//! The audit log as a hash chain (DESIGN.md §3): each event stores the SHA-256 of its
//! predecessor's hash and its own content, so removing or changing any row but the last
//! ones breaks every hash after it, even for someone who holds the passphrase and drops the
//! append-only triggers. Rows from before the chain (no hash) are allowed only at the start;
//! they are covered by the first chained row's hash.

use super::events::EVENT_COLUMNS;
use super::values::{optional_text_col, text_col};
use super::{Store, StoreError};
use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// A link of the chain: the hash after one event.
pub type Link = [u8; 32];

/// The hash before the first event.
const GENESIS: Link = [0; 32];

/// The two triggers that keep `events` append-only, as migration 3 created them
/// (whitespace folded).
const TRIGGERS: [(&str, &str); 2] = [
    (
        "events_no_update",
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
    ),
    (
        "events_no_delete",
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
    ),
];

/// One event's content, as hashed.
pub(super) struct EventContent<'a> {
    /// Row id.
    pub id: i64,
    /// Time text.
    pub at: &'a str,
    /// Desk of who.
    pub desk: &'a str,
    /// Operator of who.
    pub operator: &'a str,
    /// What.
    pub action: &'a str,
    /// Entry concerned.
    pub entry_id: Option<&'a str>,
    /// Details JSON text.
    pub details: &'a str,
}

/// The link after `event`, chained to `prev`. Every part is length-prefixed, so no two
/// different events hash the same text.
pub(super) fn link(prev: &Link, event: &EventContent<'_>) -> Link {
    let mut hash = Sha256::new();
    hash.update(b"sigdesk-event-1");
    hash.update(prev);
    hash.update(event.id.to_le_bytes());
    let entry = event.entry_id.map_or((0u8, ""), |id| (1u8, id));
    hash.update([entry.0]);
    for part in [
        event.at,
        event.desk,
        event.operator,
        event.action,
        entry.1,
        event.details,
    ] {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part.as_bytes());
    }
    hash.finalize().into()
}

/// Lower-case hex of a link.
pub fn hex(link: &Link) -> String {
    link.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Link> {
    let mut link = [0u8; 32];
    if text.len() != 64 {
        return None;
    }
    for (i, byte) in link.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(link)
}

/// The id and link the next event chains to: the last row's, replaying the rows from
/// before the chain when the last one has no hash. Called inside the writer's transaction.
pub(super) fn head(conn: &Connection) -> rusqlite::Result<(i64, Link)> {
    let last: Option<(i64, Option<String>)> = conn
        .prepare_cached("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match last {
        None => Ok((0, GENESIS)),
        Some((id, Some(hash))) => Ok((id, unhex(&hash).unwrap_or(GENESIS))),
        Some((id, None)) => {
            let mut running = GENESIS;
            walk(conn, |event, _| {
                running = link(&running, event);
                None::<()>
            })?;
            Ok((id, running))
        }
    }
}

/// Calls `each` on every event in id order, with its stored hash, until it returns a
/// break. The texts are borrowed from the row: `check` walks millions of events.
fn walk<T>(
    conn: &Connection,
    mut each: impl FnMut(&EventContent<'_>, Option<&str>) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {EVENT_COLUMNS}, id, hash FROM events ORDER BY id"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let event = EventContent {
            at: text_col(r, 0)?,
            desk: text_col(r, 1)?,
            operator: text_col(r, 2)?,
            action: text_col(r, 3)?,
            entry_id: optional_text_col(r, 4)?,
            details: text_col(r, 5)?,
            id: r.get(6)?,
        };
        if let Some(found) = each(&event, optional_text_col(r, 7)?) {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// What is wrong with the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// This event's stored hash does not match: it was changed, or a row before it was
    /// removed or inserted.
    Mismatch(i64),
    /// This event has no hash although events before it have one.
    Unchained(i64),
    /// A trigger that keeps the log append-only is missing or was replaced.
    Trigger(String),
}

/// The audit log's chain as `verify` and `check` report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    /// Events read.
    pub events: u64,
    /// The hash of the last event (hex): written down, or kept in a backup, it anchors the
    /// log as it was.
    pub head: Option<String>,
    /// The first problem found, if any.
    pub broken: Option<ChainBreak>,
}

/// Checks the triggers and every link of the chain.
pub(super) fn check(conn: &Connection) -> rusqlite::Result<ChainReport> {
    let mut broken = None;
    for (name, want) in TRIGGERS {
        let sql: Option<String> = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?;
        let folded = sql.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
        if folded.as_deref() != Some(want) {
            broken = Some(ChainBreak::Trigger(name.to_string()));
            break;
        }
    }
    let mut running = GENESIS;
    let mut chained = false;
    let mut events = 0;
    let mut head = None;
    let found = walk(conn, |event, hash| {
        events += 1;
        running = link(&running, event);
        match hash {
            None if chained => Some(ChainBreak::Unchained(event.id)),
            None => None,
            Some(stored) if unhex(stored) != Some(running) => Some(ChainBreak::Mismatch(event.id)),
            Some(_) => {
                chained = true;
                head = Some(running);
                None
            }
        }
    })?;
    Ok(ChainReport {
        events,
        head: head.as_ref().map(hex),
        broken: broken.or(found),
    })
}

impl Store {
    /// Checks the audit log's chain and its append-only triggers.
    pub fn audit_chain(&self) -> Result<ChainReport, StoreError> {
        Ok(check(&self.conn)?)
    }
}
