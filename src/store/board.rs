//! What the lead board reads: today's entry stamps (no personal data) through the
//! `entries_entered` index, and the per-region counters the triggers keep.

use super::values::{time_col, time_text};
use super::{Store, StoreError};
use crate::domain::Entry;
use crate::domain::board::{BoardData, EntryStamp};
use chrono::{DateTime, Utc};
use rusqlite::params;

/// Today's stamps: every column comes from the `entries_entered` index.
const STAMPS: &str = "SELECT desk, operator, entered_at, status = 'valid' FROM entries \
     WHERE entered_at >= ?1 AND entered_at < ?2 ORDER BY entered_at";

/// One audit event, as much as a refresh needs to know what changed since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditMark {
    /// Event id (increasing).
    pub id: i64,
    /// `create`, `edit`, `void`, `import`, `ticket_call` …
    pub action: String,
    /// The entry concerned, if any.
    pub entry_id: Option<String>,
}

/// Valid entries saved in a time range, in save order, through the same index (what
/// follows `SELECT … FROM entries`).
const SAVED_BETWEEN: &str =
    "WHERE entered_at >= ?1 AND entered_at < ?2 AND status = 'valid' ORDER BY entered_at";

impl Store {
    /// Entries saved in `[from, to)`, oldest first, without any personal data.
    pub fn entry_stamps(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<EntryStamp>, StoreError> {
        self.rows(STAMPS, params![time_text(from), time_text(to)], |r| {
            Ok(EntryStamp {
                desk: r.get(0)?,
                operator: r.get(1)?,
                entered_at: time_col(r, 2)?,
                valid: r.get(3)?,
            })
        })
    }

    /// The board's data for the local day `[from, to)`: the region counters and the
    /// day's stamps, read in one snapshot.
    pub fn board_data(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<BoardData, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let data = BoardData {
            region_counts: self.region_counts()?.into_iter().collect(),
            today: self.entry_stamps(from, to)?,
        };
        tx.finish()?;
        Ok(data)
    }

    /// Calls `visit` with every valid entry saved in `[from, to)`, in save order (today's
    /// defects on the board).
    pub fn for_each_entry_saved_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        mut visit: impl FnMut(&Entry) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.visit_entries(
            SAVED_BETWEEN,
            params![time_text(from), time_text(to)],
            |e| visit(&e),
        )
    }
}

impl Store {
    /// Runs `read` inside one read transaction, so everything it reads is of the same
    /// moment (writers go on meanwhile: WAL).
    pub fn read_consistent<T>(
        &self,
        read: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let result = read(self);
        tx.finish()?;
        result
    }

    /// The id of the newest audit event (0 when there is none).
    pub fn last_event_id(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT COALESCE(MAX(id), 0) FROM events")?
            .query_row([], |r| r.get(0))?)
    }

    /// Up to `limit` audit events after event `id`, oldest first.
    pub fn events_after(&self, id: i64, limit: usize) -> Result<Vec<AuditMark>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.rows(
            "SELECT id, action, entry_id FROM events WHERE id > ?1 ORDER BY id LIMIT ?2",
            params![id, limit],
            |r| {
                Ok(AuditMark {
                    id: r.get(0)?,
                    action: r.get(1)?,
                    entry_id: r.get(2)?,
                })
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RegionCatalog;
    use crate::store::entry_rows::ENTRY_COLUMNS;

    /// What SQLite plans for `sql`, one step a line.
    fn plan(store: &Store, sql: &str) -> String {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt.query_map(["", ""], |r| r.get::<_, String>(3)).unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn board_queries_read_a_day_through_the_index_never_the_whole_table() {
        let dir = tempfile::tempdir().unwrap();
        let regions = RegionCatalog::embedded().unwrap();
        let store = Store::open(&dir.path().join("b.db"), &regions).unwrap();
        let stamps = plan(&store, STAMPS);
        assert!(
            stamps.contains("USING COVERING INDEX entries_entered"),
            "{stamps}"
        );
        let saved = plan(
            &store,
            &format!("SELECT {} FROM entries {SAVED_BETWEEN}", *ENTRY_COLUMNS),
        );
        assert!(saved.contains("USING INDEX entries_entered"), "{saved}");
        assert!(!saved.contains("TEMP B-TREE"), "{saved}");
    }
}
