//! Saving, editing, voiding and reading entries.

use super::entry_rows::{ColumnsAt, ENTRY_COLUMNS, insert_entry};
use super::events::{Actor, append};
use super::{Store, StoreError, sheets};
use crate::domain::{Column, DocKind, Entry, EntryStatus, EntrySummary, NewEntry};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Params, params, params_from_iter};
use serde_json::json;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Where a saved entry went on paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedEntry {
    /// New entry id.
    pub id: String,
    /// Sheet number.
    pub sheet: u32,
    /// Line on the sheet.
    pub line: u32,
}

/// A change to an existing entry: the new checked values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryEdit {
    /// Entry to change.
    pub id: String,
    /// New values (region must stay the same: the paper sheet is headed with it).
    pub entry: NewEntry,
}

/// The valid entry holding a document, if any.
fn find_document(
    conn: &Connection,
    kind: DocKind,
    series: &str,
    number: &str,
) -> rusqlite::Result<Option<EntrySummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, origin, sheet, line, desk, entered_at FROM entries
         WHERE doc_kind = ?1 AND doc_series = ?2 AND doc_number = ?3 AND status = 'valid'",
    )?;
    let at = ColumnsAt::of(&stmt);
    stmt.query_row(params![kind.as_str(), series, number], |r| at.summary(r))
        .optional()
}

/// The signer's values of an entry as text, by column name, for audit diffs.
fn field_values(e: &NewEntry) -> Vec<(&'static str, String)> {
    Column::SIGNER
        .into_iter()
        .filter_map(|c| Some((c.name(), e.column_text(c)?.into_owned())))
        .collect()
}

/// The update of an entry's editable values: `?1` is the id, then [`Column::is_editable`]
/// columns in [`Column::SIGNER`] order.
static UPDATE_SIGNER: LazyLock<String> = LazyLock::new(|| {
    let sets: Vec<String> = Column::SIGNER
        .into_iter()
        .filter(|c| c.is_editable())
        .enumerate()
        .map(|(i, c)| format!("{} = ?{}", c.name(), i + 2))
        .collect();
    format!("UPDATE entries SET {} WHERE id = ?1", sets.join(", "))
});

impl Store {
    /// Saves a checked entry durably: allocates its sheet/line, inserts it and its audit
    /// event in one `BEGIN IMMEDIATE` transaction. A document that another desk saved in
    /// the meantime is refused with [`StoreError::DuplicateDocument`].
    pub fn save_entry(
        &mut self,
        new: &NewEntry,
        actor: &Actor,
        ticket: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<SavedEntry, StoreError> {
        let id = uuid::Uuid::now_v7().to_string();
        self.save_entry_with_id(new, actor, ticket, now, id)
    }

    /// [`Store::save_entry`] with the id given by the caller (a UUID v7 made from the
    /// injected time, so a seeded demo day is the same on every run).
    pub fn save_entry_with_id(
        &mut self,
        new: &NewEntry,
        actor: &Actor,
        ticket: Option<i64>,
        now: DateTime<Utc>,
        id: String,
    ) -> Result<SavedEntry, StoreError> {
        let tx = self.write()?;
        if let Some(first) = find_document(&tx, new.doc_kind, &new.doc_series, &new.doc_number)? {
            return Err(StoreError::DuplicateDocument(first));
        }
        let (point, lines_per_sheet): (String, u32) = tx
            .prepare_cached("SELECT point, lines_per_sheet FROM campaign WHERE id = 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let (sheet, line) = sheets::take_line(
            &tx,
            &point,
            &actor.desk,
            &new.region_code,
            &new.abroad_country,
            lines_per_sheet,
            now,
        )?;
        let entry = Entry {
            id,
            origin: point,
            sheet,
            line,
            signer: new.clone(),
            ticket,
            desk: actor.desk.clone(),
            operator: actor.operator.clone(),
            entered_at: now,
            status: EntryStatus::Valid,
            void_reason: String::new(),
        };
        insert_entry(&tx, &entry)?;
        let details: serde_json::Map<_, _> = field_values(new)
            .into_iter()
            .map(|(k, v)| (k.to_string(), json!([null, v])))
            .chain([
                (Column::Sheet.name().into(), json!(sheet)),
                (Column::Line.name().into(), json!(line)),
            ])
            .collect();
        append(&tx, now, actor, "create", Some(&entry.id), &details.into())?;
        tx.commit()?;
        Ok(SavedEntry {
            id: entry.id,
            sheet,
            line,
        })
    }

    /// Changes an entry's values (same checks ran in the caller); records old → new.
    pub fn edit_entry(
        &mut self,
        edit: &EntryEdit,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        let old =
            get_entry(&tx, &edit.id)?.ok_or_else(|| StoreError::NoSuchEntry(edit.id.clone()))?;
        if old.status == EntryStatus::Voided {
            return Err(StoreError::AlreadyVoided);
        }
        let new = &edit.entry;
        if new.region_code != old.signer.region_code
            || new.abroad_country != old.signer.abroad_country
        {
            return Err(StoreError::RegionChange {
                sheet_region: old.signer.region_code,
            });
        }
        if let Some(other) = find_document(&tx, new.doc_kind, &new.doc_series, &new.doc_number)?
            .filter(|s| s.id != old.id)
        {
            return Err(StoreError::DuplicateDocument(other));
        }
        let changes: serde_json::Map<_, _> = field_values(&old.signer)
            .into_iter()
            .zip(field_values(new))
            .filter(|((_, before), (_, after))| before != after)
            .map(|((k, before), (_, after))| (k.to_string(), json!([before, after])))
            .collect();
        if changes.is_empty() {
            return Ok(());
        }
        let editable = Column::SIGNER
            .into_iter()
            .filter(|c| c.is_editable())
            .filter_map(|c| new.column_text(c));
        tx.execute(
            &UPDATE_SIGNER,
            params_from_iter(std::iter::once(Cow::from(edit.id.as_str())).chain(editable)),
        )?;
        append(&tx, now, actor, "edit", Some(&edit.id), &changes.into())?;
        tx.commit()?;
        Ok(())
    }

    /// Strikes an entry out with a reason; its paper line stays used.
    pub fn void_entry(
        &mut self,
        id: &str,
        reason: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        let old = get_entry(&tx, id)?.ok_or_else(|| StoreError::NoSuchEntry(id.to_string()))?;
        if old.status == EntryStatus::Voided {
            return Err(StoreError::AlreadyVoided);
        }
        tx.execute(
            "UPDATE entries SET status = 'voided', void_reason = ?2 WHERE id = ?1",
            params![id, reason],
        )?;
        append(
            &tx,
            now,
            actor,
            "void",
            Some(id),
            &json!({
                Column::Status.name(): [EntryStatus::Valid.as_str(), EntryStatus::Voided.as_str()],
                Column::VoidReason.name(): ["", reason],
            }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// One entry by id.
    pub fn entry(&self, id: &str) -> Result<Option<Entry>, StoreError> {
        Ok(get_entry(&self.conn, id)?)
    }

    /// The valid entry holding a document, if any (the duplicate check).
    pub fn find_by_document(
        &self,
        kind: DocKind,
        series: &str,
        number: &str,
    ) -> Result<Option<EntrySummary>, StoreError> {
        Ok(find_document(&self.conn, kind, series, number)?)
    }

    /// Valid entries per region code, from the counters the triggers keep.
    pub fn region_counts(&self) -> Result<HashMap<String, u32>, StoreError> {
        self.rows(
            "SELECT region_code, valid FROM region_counts WHERE valid > 0",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// A desk's entries, newest first.
    pub fn desk_entries(&self, desk: &str, limit: u32) -> Result<Vec<Entry>, StoreError> {
        self.entries_where(
            "WHERE desk = ?1 ORDER BY entered_at DESC, sheet DESC, line DESC LIMIT ?2",
            params![desk, limit],
        )
    }

    /// The newest entries of every desk (the lead's review), newest saved first.
    pub fn recent_entries(&self, limit: u32) -> Result<Vec<Entry>, StoreError> {
        self.entries_where("ORDER BY rowid DESC LIMIT ?1", params![limit])
    }

    /// Calls `visit` with every entry in save order, streaming (for export and check).
    pub fn for_each_entry(
        &self,
        include_voided: bool,
        mut visit: impl FnMut(&Entry) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let filter = if include_voided {
            ""
        } else {
            "WHERE status = 'valid'"
        };
        self.visit_entries(&format!("{filter} ORDER BY rowid"), [], |e| visit(&e))
    }

    /// Calls `visit` with every valid entry and its row number, in save order, streaming
    /// (the row number orders `check`'s findings). Each row is read into `slot`, in the
    /// buffers its strings have: `visit` keeps an entry by swapping in another to fill.
    pub fn for_each_valid_entry_numbered(
        &self,
        slot: &mut Entry,
        mut visit: impl FnMut(i64, &mut Entry) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT rowid, {} FROM entries WHERE status = 'valid' ORDER BY rowid",
            *ENTRY_COLUMNS
        ))?;
        let at = ColumnsAt::of(&stmt);
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            at.entry_into(r, slot)?;
            visit(r.get(0)?, slot)?;
        }
        Ok(())
    }

    /// Every entry `SELECT {ENTRY_COLUMNS} FROM entries {rest}` gives, streamed to `visit`.
    pub(super) fn visit_entries(
        &self,
        rest: &str,
        params: impl Params,
        mut visit: impl FnMut(Entry) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {} FROM entries {rest}", *ENTRY_COLUMNS))?;
        let at = ColumnsAt::of(&stmt);
        let mut rows = stmt.query(params)?;
        while let Some(r) = rows.next()? {
            visit(at.entry(r)?)?;
        }
        Ok(())
    }

    /// Every entry `SELECT {ENTRY_COLUMNS} FROM entries {rest}` gives.
    fn entries_where(&self, rest: &str, params: impl Params) -> Result<Vec<Entry>, StoreError> {
        let mut entries = Vec::new();
        self.visit_entries(rest, params, |e| {
            entries.push(e);
            Ok(())
        })?;
        Ok(entries)
    }

    /// Adds imported entries in one transaction, skipping ids already present; returns how
    /// many were added. Nothing is written if any row fails.
    pub fn import_entries(
        &mut self,
        entries: &[Entry],
        actor: &Actor,
        now: DateTime<Utc>,
        source: &str,
    ) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let mut added = 0;
        for e in entries {
            let exists = tx
                .prepare_cached("SELECT 1 FROM entries WHERE id = ?1")?
                .query_row([&e.id], |_| Ok(()))
                .optional()?
                .is_some();
            if exists {
                continue;
            }
            let s = &e.signer;
            if e.status == EntryStatus::Valid
                && let Some(first) = find_document(&tx, s.doc_kind, &s.doc_series, &s.doc_number)?
            {
                return Err(StoreError::DuplicateDocument(first));
            }
            insert_entry(&tx, e)?;
            added += 1;
        }
        log_import(&tx, now, actor, source, added, entries.len())?;
        tx.commit()?;
        Ok(added)
    }

    /// Whether an entry with this id exists (import skips those).
    pub fn has_entry(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM entries WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Number of entries (valid or voided) per collection point.
    pub fn entries_per_origin(&self) -> Result<HashMap<String, u64>, StoreError> {
        self.rows(
            "SELECT origin, COUNT(*) FROM entries GROUP BY origin",
            [],
            |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64)),
        )
    }

    /// Number of entries by status (valid, voided).
    pub fn entry_totals(&self) -> Result<(u64, u64), StoreError> {
        let valid: i64 = self.conn.query_row(
            "SELECT COALESCE(SUM(valid), 0) FROM region_counts",
            [],
            |r| r.get(0),
        )?;
        let voided: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM entries WHERE status = 'voided'",
            [],
            |r| r.get(0),
        )?;
        Ok((valid.max(0) as u64, voided.max(0) as u64))
    }
}

/// One entry by id, inside any connection or transaction.
fn get_entry(conn: &Connection, id: &str) -> rusqlite::Result<Option<Entry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM entries WHERE id = ?1",
        *ENTRY_COLUMNS
    ))?;
    let at = ColumnsAt::of(&stmt);
    stmt.query_row([id], |r| at.entry(r)).optional()
}

impl Store {
    /// Whether a paper line of a point is already taken by another entry.
    pub fn line_taken(
        &self,
        origin: &str,
        sheet: u32,
        line: u32,
    ) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM entries WHERE origin = ?1 AND sheet = ?2 AND line = ?3",
            )?
            .query_row(params![origin, sheet, line], |r| r.get(0))
            .optional()?)
    }
}

/// The audit event of an import: the file, the entries it added and the rows it had.
pub(super) fn log_import(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    source: &str,
    added: usize,
    rows: usize,
) -> Result<(), StoreError> {
    append(
        conn,
        now,
        actor,
        "import",
        None,
        &json!({"file": source, "added": added, "rows": rows}),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::domain::{Entry, EntryStatus, RegionCatalog, fixtures};
    use crate::store::{Actor, Store};

    #[test]
    fn entries_read_into_a_used_slot_are_read_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let regions = RegionCatalog::embedded().expect("regions");
        let mut store = Store::open(&dir.path().join("e.db"), &regions).expect("open");
        let desk = Actor {
            desk: "desk-1".into(),
            operator: "Оля".into(),
        };
        let now = chrono::Utc::now();
        for (number, address) in [
            ("100001", "г. Москва, ул. Тверская, д. 1, кв. 100"),
            ("100002", "г. Москва, ул. Арбат, д. 2"),
        ] {
            let signer = fixtures::moscow_signer(number.into(), address, 22);
            store.save_entry(&signer, &desk, None, now).expect("save");
        }
        let mut expected = Vec::new();
        store
            .for_each_entry(false, |e| {
                expected.push(e.clone());
                Ok(())
            })
            .expect("read");
        // A slot full of another row's longer values: nothing of it may stay.
        let mut slot = Entry {
            ticket: Some(7),
            status: EntryStatus::Voided,
            void_reason: "a reason longer than any field above".into(),
            ..expected[0].clone()
        };
        slot.signer.address.push_str(", корпус 3, строение 4");
        let mut read = Vec::new();
        store
            .for_each_valid_entry_numbered(&mut slot, |_, e| {
                read.push(e.clone());
                Ok(())
            })
            .expect("read into the slot");
        assert_eq!(read, expected);
    }
}
