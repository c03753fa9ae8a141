//! Saving, editing, voiding and reading entries.

use super::events::{Actor, append};
use super::{Store, StoreError, sheets};
use crate::domain::{DocKind, Entry, EntryStatus, EntrySummary, NewEntry};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use serde_json::json;
use std::collections::HashMap;

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

/// RFC 3339 UTC text with milliseconds, as every time is stored.
pub(crate) fn time_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(super) const ENTRY_COLUMNS: &str = "id, origin, sheet, line, surname, given_name, patronymic, birth_date, doc_kind, \
     doc_series, doc_number, region_code, abroad_country, address, signed_on, ticket, desk, operator, \
     entered_at, status, void_reason";

pub(super) fn damaged(what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("{what} `{value}`").into(),
    )
}

pub(super) fn date_col(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = r.get(i)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| damaged("date", &text))
}

pub(super) fn time_col(r: &Row, i: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = r.get(i)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| damaged("time", &text))
}

/// Reads one row selected with `ENTRY_COLUMNS`.
pub(super) fn entry_from_row(r: &Row) -> rusqlite::Result<Entry> {
    let kind: String = r.get(8)?;
    let status: String = r.get(19)?;
    Ok(Entry {
        id: r.get(0)?,
        origin: r.get(1)?,
        sheet: r.get(2)?,
        line: r.get(3)?,
        surname: r.get(4)?,
        given_name: r.get(5)?,
        patronymic: r.get(6)?,
        birth_date: date_col(r, 7)?,
        doc_kind: DocKind::parse(&kind).ok_or_else(|| damaged("document kind", &kind))?,
        doc_series: r.get(9)?,
        doc_number: r.get(10)?,
        region_code: r.get(11)?,
        abroad_country: r.get(12)?,
        address: r.get(13)?,
        signed_on: date_col(r, 14)?,
        ticket: r.get(15)?,
        desk: r.get(16)?,
        operator: r.get(17)?,
        entered_at: time_col(r, 18)?,
        status: EntryStatus::parse(&status).ok_or_else(|| damaged("status", &status))?,
        void_reason: r.get(20)?,
    })
}

fn summary_from_row(r: &Row) -> rusqlite::Result<EntrySummary> {
    Ok(EntrySummary {
        id: r.get(0)?,
        origin: r.get(1)?,
        sheet: r.get(2)?,
        line: r.get(3)?,
        desk: r.get(4)?,
        entered_at: time_col(r, 5)?,
    })
}

/// The valid entry holding a document, if any.
fn find_document(
    conn: &Connection,
    kind: DocKind,
    series: &str,
    number: &str,
) -> rusqlite::Result<Option<EntrySummary>> {
    conn.prepare_cached(
        "SELECT id, origin, sheet, line, desk, entered_at FROM entries
         WHERE doc_kind = ?1 AND doc_series = ?2 AND doc_number = ?3 AND status = 'valid'",
    )?
    .query_row(params![kind.as_str(), series, number], summary_from_row)
    .optional()
}

/// Inserts a full entry row (used by save and import).
pub(super) fn insert_entry(conn: &Connection, e: &Entry) -> rusqlite::Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO entries({ENTRY_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
    ))?
    .execute(params![
        e.id,
        e.origin,
        e.sheet,
        e.line,
        e.surname,
        e.given_name,
        e.patronymic,
        e.birth_date.to_string(),
        e.doc_kind.as_str(),
        e.doc_series,
        e.doc_number,
        e.region_code,
        e.abroad_country,
        e.address,
        e.signed_on.to_string(),
        e.ticket,
        e.desk,
        e.operator,
        time_text(e.entered_at),
        e.status.as_str(),
        e.void_reason
    ])?;
    Ok(())
}

/// The editable fields of an entry as JSON values, for audit diffs.
fn field_values(e: &NewEntry) -> Vec<(&'static str, String)> {
    vec![
        ("surname", e.surname.clone()),
        ("given_name", e.given_name.clone()),
        ("patronymic", e.patronymic.clone()),
        ("birth_date", e.birth_date.to_string()),
        ("doc_kind", e.doc_kind.as_str().to_string()),
        ("doc_series", e.doc_series.clone()),
        ("doc_number", e.doc_number.clone()),
        ("region_code", e.region_code.clone()),
        ("abroad_country", e.abroad_country.clone()),
        ("address", e.address.clone()),
        ("signed_on", e.signed_on.to_string()),
    ]
}

impl Entry {
    /// The checked values of a stored entry (to diff against an edit).
    pub fn values(&self) -> NewEntry {
        NewEntry {
            surname: self.surname.clone(),
            given_name: self.given_name.clone(),
            patronymic: self.patronymic.clone(),
            birth_date: self.birth_date,
            doc_kind: self.doc_kind,
            doc_series: self.doc_series.clone(),
            doc_number: self.doc_number.clone(),
            region_code: self.region_code.clone(),
            abroad_country: self.abroad_country.clone(),
            address: self.address.clone(),
            signed_on: self.signed_on,
        }
    }
}

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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
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
            surname: new.surname.clone(),
            given_name: new.given_name.clone(),
            patronymic: new.patronymic.clone(),
            birth_date: new.birth_date,
            doc_kind: new.doc_kind,
            doc_series: new.doc_series.clone(),
            doc_number: new.doc_number.clone(),
            region_code: new.region_code.clone(),
            abroad_country: new.abroad_country.clone(),
            address: new.address.clone(),
            signed_on: new.signed_on,
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
            .chain([("sheet".into(), json!(sheet)), ("line".into(), json!(line))])
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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let old =
            get_entry(&tx, &edit.id)?.ok_or_else(|| StoreError::NoSuchEntry(edit.id.clone()))?;
        if old.status == EntryStatus::Voided {
            return Err(StoreError::AlreadyVoided);
        }
        let new = &edit.entry;
        if new.region_code != old.region_code || new.abroad_country != old.abroad_country {
            return Err(StoreError::RegionChange {
                sheet_region: old.region_code,
            });
        }
        if let Some(other) = find_document(&tx, new.doc_kind, &new.doc_series, &new.doc_number)?
            .filter(|s| s.id != old.id)
        {
            return Err(StoreError::DuplicateDocument(other));
        }
        let changes: serde_json::Map<_, _> = field_values(&old.values())
            .into_iter()
            .zip(field_values(new))
            .filter(|((_, before), (_, after))| before != after)
            .map(|((k, before), (_, after))| (k.to_string(), json!([before, after])))
            .collect();
        if changes.is_empty() {
            return Ok(());
        }
        tx.execute(
            "UPDATE entries SET surname = ?2, given_name = ?3, patronymic = ?4, birth_date = ?5,
                 doc_kind = ?6, doc_series = ?7, doc_number = ?8, address = ?9, signed_on = ?10
             WHERE id = ?1",
            params![
                edit.id,
                new.surname,
                new.given_name,
                new.patronymic,
                new.birth_date.to_string(),
                new.doc_kind.as_str(),
                new.doc_series,
                new.doc_number,
                new.address,
                new.signed_on.to_string()
            ],
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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
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
            &json!({"status": ["valid", "voided"], "void_reason": ["", reason]}),
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

    /// A valid entry of the same person (name and birth date) with another document.
    pub fn find_same_person(
        &self,
        person: &(String, String, String, NaiveDate),
        document: Option<&(DocKind, String, String)>,
    ) -> Result<Option<EntrySummary>, StoreError> {
        let (surname, given, patronymic, birth) = person;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, origin, sheet, line, desk, entered_at, doc_kind, doc_series, doc_number FROM entries
             WHERE surname = ?1 AND given_name = ?2 AND birth_date = ?3 AND patronymic = ?4
               AND status = 'valid'
             ORDER BY entered_at",
        )?;
        let mut rows = stmt.query(params![surname, given, birth.to_string(), patronymic])?;
        while let Some(r) = rows.next()? {
            let same_doc = document.is_some_and(|(k, s, n)| {
                r.get::<_, String>(6).ok().as_deref() == Some(k.as_str())
                    && r.get::<_, String>(7).ok().as_deref() == Some(s.as_str())
                    && r.get::<_, String>(8).ok().as_deref() == Some(n.as_str())
            });
            if !same_doc {
                return Ok(Some(summary_from_row(r)?));
            }
        }
        Ok(None)
    }

    /// Valid entries per region code, from the counters the triggers keep.
    pub fn region_counts(&self) -> Result<HashMap<String, u32>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT region_code, valid FROM region_counts WHERE valid > 0")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A desk's entries, newest first.
    pub fn desk_entries(&self, desk: &str, limit: u32) -> Result<Vec<Entry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM entries WHERE desk = ?1 ORDER BY entered_at DESC, sheet DESC, line DESC LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![desk, limit], entry_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The newest entries of every desk (the lead's review), newest saved first.
    pub fn recent_entries(&self, limit: u32) -> Result<Vec<Entry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM entries ORDER BY rowid DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map(params![limit], entry_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
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
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ENTRY_COLUMNS} FROM entries {filter} ORDER BY rowid"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            visit(&entry_from_row(r)?)?;
        }
        Ok(())
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
        self.import_entries_with_progress(entries, actor, now, source, &mut |_| {})
    }

    /// [`Store::import_entries`], calling `rows_done` with the number of rows handled so
    /// far every 1,024 rows (for a progress bar drawn by the caller).
    pub fn import_entries_with_progress(
        &mut self,
        entries: &[Entry],
        actor: &Actor,
        now: DateTime<Utc>,
        source: &str,
        rows_done: &mut dyn FnMut(u64),
    ) -> Result<usize, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut added = 0;
        for (index, e) in entries.iter().enumerate() {
            if index % 1024 == 1023 {
                rows_done(index as u64 + 1);
            }
            let exists = tx
                .prepare_cached("SELECT 1 FROM entries WHERE id = ?1")?
                .query_row([&e.id], |_| Ok(()))
                .optional()?
                .is_some();
            if exists {
                continue;
            }
            if e.status == EntryStatus::Valid
                && let Some(first) = find_document(&tx, e.doc_kind, &e.doc_series, &e.doc_number)?
            {
                return Err(StoreError::DuplicateDocument(first));
            }
            insert_entry(&tx, e)?;
            added += 1;
        }
        append(
            &tx,
            now,
            actor,
            "import",
            None,
            &json!({"file": source, "added": added, "rows": entries.len()}),
        )?;
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
        let mut stmt = self
            .conn
            .prepare("SELECT origin, COUNT(*) FROM entries GROUP BY origin")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64)))?;
        Ok(rows.collect::<Result<_, _>>()?)
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
    conn.prepare_cached(&format!(
        "SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?1"
    ))?
    .query_row([id], entry_from_row)
    .optional()
}

/// The CSV columns of DESIGN.md §9, in order.
pub const EXPORT_COLUMNS: [&str; 21] = [
    "id",
    "origin",
    "sheet",
    "line",
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "doc_kind",
    "doc_series",
    "doc_number",
    "region_code",
    "region",
    "abroad_country",
    "address",
    "signed_on",
    "desk",
    "operator",
    "entered_at",
    "status",
    "void_reason",
];

impl Store {
    /// Streams every entry as the 21 text fields of [`EXPORT_COLUMNS`], without building
    /// entries: the export's hot path.
    pub fn for_each_export_row(
        &self,
        include_voided: bool,
        mut visit: impl FnMut(&[&[u8]; 21]) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        let filter = if include_voided {
            ""
        } else {
            "WHERE e.status = 'valid'"
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT e.id, e.origin, CAST(e.sheet AS TEXT), CAST(e.line AS TEXT), e.surname,
                    e.given_name, e.patronymic, e.birth_date, e.doc_kind, e.doc_series, e.doc_number,
                    e.region_code, COALESCE(r.name_ru, ''), e.abroad_country, e.address, e.signed_on,
                    e.desk, e.operator, e.entered_at, e.status, e.void_reason
             FROM entries e LEFT JOIN regions r ON r.code = e.region_code {filter} ORDER BY e.rowid"
        ))?;
        let mut rows = stmt.query([])?;
        let mut count = 0;
        while let Some(r) = rows.next()? {
            let mut fields: [&[u8]; 21] = [b""; 21];
            for (i, field) in fields.iter_mut().enumerate() {
                *field = match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Text(t) => t,
                    _ => b"",
                };
            }
            visit(&fields)?;
            count += 1;
        }
        Ok(count)
    }

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
