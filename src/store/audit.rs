//! Reading the audit log (`events`) back, filtered, oldest first, one row at a time.

use super::events::{EVENT_COLUMNS, EventRecord, event_from_row};
use super::{Store, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;

/// Which events to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Only events about this entry.
    pub entry_id: Option<String>,
    /// Only events at or after this instant.
    pub since: Option<DateTime<Utc>>,
}

/// The widest desk, operator and action among the filtered events, in characters, so a
/// text listing can align its columns while streaming.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventWidths {
    /// Widest desk name.
    pub desk: usize,
    /// Widest operator name.
    pub operator: usize,
    /// Widest action.
    pub action: usize,
    /// Widest entry id (`-` for events about no entry).
    pub entry: usize,
}

impl EventFilter {
    /// The WHERE clause and its parameters.
    fn clause(&self) -> (String, Vec<Value>) {
        let mut terms = Vec::new();
        let mut values = Vec::new();
        if let Some(id) = &self.entry_id {
            values.push(Value::Text(id.clone()));
            terms.push(format!("entry_id = ?{}", values.len()));
        }
        if let Some(since) = self.since {
            values.push(Value::Text(super::values::time_text(since)));
            terms.push(format!("at >= ?{}", values.len()));
        }
        let clause = if terms.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", terms.join(" AND "))
        };
        (clause, values)
    }
}

impl Store {
    /// Column widths of the events `filter` selects (zero when there are none).
    pub fn event_widths(&self, filter: &EventFilter) -> Result<EventWidths, StoreError> {
        let (clause, values) = filter.clause();
        let sql = format!(
            "SELECT COALESCE(MAX(length(desk)), 0), COALESCE(MAX(length(operator)), 0),
                    COALESCE(MAX(length(action)), 0),
                    COALESCE(MAX(length(COALESCE(entry_id, '-'))), 0) FROM events {clause}"
        );
        Ok(self
            .conn
            .query_row(&sql, rusqlite::params_from_iter(values), |r| {
                let width = |i: usize| r.get::<_, u32>(i).map(|w| w as usize);
                Ok(EventWidths {
                    desk: width(0)?,
                    operator: width(1)?,
                    action: width(2)?,
                    entry: width(3)?,
                })
            })?)
    }

    /// Calls `each` for every event `filter` selects, oldest first; returns how many.
    pub fn for_each_event(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(EventRecord) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        let (clause, values) = filter.clause();
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events {clause} ORDER BY id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(values))?;
        let mut count = 0;
        while let Some(r) = rows.next()? {
            each(event_from_row(r)?)?;
            count += 1;
        }
        Ok(count)
    }
}
