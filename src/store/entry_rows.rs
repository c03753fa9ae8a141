//! An entry as a row of the `entries` table: the select list, the one row reader (by
//! column name, the names looked up once per statement) and the insert, all from the
//! column list of [`Column`].

use super::values::{damaged, date_col, text_col, time_col};
use crate::domain::{Column, DocKind, Entry, EntryStatus, EntrySummary};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::{FromSql, ToSqlOutput, Value};
use rusqlite::{Connection, Row, Statement};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Every stored column, comma-separated: `SELECT {ENTRY_COLUMNS} FROM entries …`.
pub(super) static ENTRY_COLUMNS: LazyLock<String> = LazyLock::new(|| {
    Column::stored()
        .map(Column::name)
        .collect::<Vec<_>>()
        .join(", ")
});

/// The insert of one whole entry, its parameters in [`Column::stored`] order.
static INSERT_ENTRY: LazyLock<String> = LazyLock::new(|| {
    let places: Vec<String> = (1..=Column::stored().count())
        .map(|i| format!("?{i}"))
        .collect();
    format!(
        "INSERT INTO entries({}) VALUES ({})",
        *ENTRY_COLUMNS,
        places.join(", ")
    )
});

/// Where each entry column sits in one statement's result: the names are looked up once
/// per statement, then every row is read by index.
pub(super) struct ColumnsAt([Option<usize>; Column::ALL.len()]);

impl ColumnsAt {
    /// The positions of the entry columns `stmt` selects.
    pub(super) fn of(stmt: &Statement) -> ColumnsAt {
        let mut at = [None; Column::ALL.len()];
        for (i, name) in stmt.column_names().enumerate() {
            if let Some(column) = Column::named(name) {
                at[column as usize] = Some(i);
            }
        }
        ColumnsAt(at)
    }

    /// The value of `column` in row `r`.
    pub(super) fn get<T: FromSql>(&self, r: &Row, column: Column) -> rusqlite::Result<T> {
        r.get(self.index(column)?)
    }

    fn index(&self, column: Column) -> rusqlite::Result<usize> {
        self.0[column as usize]
            .ok_or_else(|| rusqlite::Error::InvalidColumnName(column.name().to_string()))
    }

    fn date(&self, r: &Row, column: Column) -> rusqlite::Result<NaiveDate> {
        date_col(r, self.index(column)?)
    }

    fn time(&self, r: &Row, column: Column) -> rusqlite::Result<DateTime<Utc>> {
        time_col(r, self.index(column)?)
    }

    /// A whole entry (a row selected with [`ENTRY_COLUMNS`]).
    pub(super) fn entry(&self, r: &Row) -> rusqlite::Result<Entry> {
        let mut entry = Entry::default();
        self.entry_into(r, &mut entry)?;
        Ok(entry)
    }

    /// Overwrites `e` with row `r`, reusing the buffers of its strings: `check` reads a
    /// million rows through a few thousand entries, allocating nothing once they are warm.
    pub(super) fn entry_into(&self, r: &Row, e: &mut Entry) -> rusqlite::Result<()> {
        let status = text_col(r, self.index(Column::Status)?)?;
        e.status =
            EntryStatus::parse(status).ok_or_else(|| damaged(Column::Status.name(), status))?;
        self.refill(r, Column::Id, &mut e.id)?;
        self.refill(r, Column::Origin, &mut e.origin)?;
        e.sheet = self.get(r, Column::Sheet)?;
        e.line = self.get(r, Column::Line)?;
        let s = &mut e.signer;
        self.refill(r, Column::Surname, &mut s.surname)?;
        self.refill(r, Column::GivenName, &mut s.given_name)?;
        self.refill(r, Column::Patronymic, &mut s.patronymic)?;
        s.birth_date = self.date(r, Column::BirthDate)?;
        s.doc_kind = self.doc_kind(r)?;
        self.refill(r, Column::DocSeries, &mut s.doc_series)?;
        self.refill(r, Column::DocNumber, &mut s.doc_number)?;
        self.refill(r, Column::RegionCode, &mut s.region_code)?;
        self.refill(r, Column::AbroadCountry, &mut s.abroad_country)?;
        self.refill(r, Column::Address, &mut s.address)?;
        s.signed_on = self.date(r, Column::SignedOn)?;
        e.ticket = self.get(r, Column::Ticket)?;
        self.refill(r, Column::Desk, &mut e.desk)?;
        self.refill(r, Column::Operator, &mut e.operator)?;
        e.entered_at = self.time(r, Column::EnteredAt)?;
        self.refill(r, Column::VoidReason, &mut e.void_reason)
    }

    /// Puts the text of `column` into `into`, in the buffer it already has.
    fn refill(&self, r: &Row, column: Column, into: &mut String) -> rusqlite::Result<()> {
        let text = text_col(r, self.index(column)?)?;
        into.clear();
        into.push_str(text);
        Ok(())
    }

    /// The document kind of an entry row.
    pub(super) fn doc_kind(&self, r: &Row) -> rusqlite::Result<DocKind> {
        let kind = text_col(r, self.index(Column::DocKind)?)?;
        DocKind::parse(kind).ok_or_else(|| damaged("document kind", kind))
    }

    /// Where an entry stands (a row with its id, origin, sheet, line, desk, entered_at).
    pub(super) fn summary(&self, r: &Row) -> rusqlite::Result<EntrySummary> {
        Ok(EntrySummary {
            id: self.get(r, Column::Id)?,
            origin: self.get(r, Column::Origin)?,
            sheet: self.get(r, Column::Sheet)?,
            line: self.get(r, Column::Line)?,
            desk: self.get(r, Column::Desk)?,
            entered_at: self.time(r, Column::EnteredAt)?,
        })
    }
}

/// Inserts a full entry row (used by save and import).
pub(super) fn insert_entry(conn: &Connection, e: &Entry) -> rusqlite::Result<()> {
    conn.prepare_cached(&INSERT_ENTRY)?
        .execute(rusqlite::params_from_iter(
            Column::stored().map(|column| stored_value(e, column)),
        ))?;
    Ok(())
}

/// The value `insert_entry` binds for one stored column: the numbers as numbers, every
/// other column as the entry's text of it.
pub(super) fn stored_value(e: &Entry, column: Column) -> ToSqlOutput<'_> {
    match column {
        Column::Sheet => e.sheet.into(),
        Column::Line => e.line.into(),
        Column::Ticket => e.ticket.map_or(ToSqlOutput::Owned(Value::Null), Into::into),
        text => match e.column_text(text) {
            Some(Cow::Borrowed(text)) => text.into(),
            Some(Cow::Owned(text)) => text.into(),
            None => ToSqlOutput::Owned(Value::Null),
        },
    }
}
