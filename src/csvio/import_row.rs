//! One row of an import file: where each column is in the header, and the row read into
//! the parts of an entry (the frame the rules do not check, the signer's draft they do).

use super::CsvError;
use super::formula::unguard;
use crate::domain::visible::{is_unsafe, visible};
use crate::domain::{Column, DocKind, Entry, EntryDraft, EntryStatus, NewEntry};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use std::path::Path;

/// The one export column an import may lack: `region` is informational.
const OPTIONAL: Column = Column::Region;

/// Position of every known column in the file's header.
pub(super) struct Columns(HashMap<Column, usize>);

impl Columns {
    /// Reads the header: every column must be known, every one but `region` present.
    pub(super) fn from_header(
        header: &csv::StringRecord,
        path: &Path,
    ) -> Result<Columns, CsvError> {
        let mut map = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            let name = name.trim().trim_start_matches('\u{feff}');
            match Column::named(name).filter(|c| c.is_exported()) {
                Some(known) => {
                    if map.insert(known, i).is_some() {
                        return Err(header_error(path, format!("column `{name}` appears twice")));
                    }
                }
                None => {
                    return Err(header_error(
                        path,
                        format!("unknown column `{name}`; is this a sigdesk export?"),
                    ));
                }
            }
        }
        let missing: Vec<_> = Column::exported()
            .filter(|c| *c != OPTIONAL && !map.contains_key(c))
            .map(Column::name)
            .collect();
        if !missing.is_empty() {
            return Err(header_error(
                path,
                format!(
                    "missing columns {}; is this a sigdesk export?",
                    missing.join(", ")
                ),
            ));
        }
        Ok(Columns(map))
    }

    /// The text of `column` in `row`: trimmed, without the formula guard export put
    /// before it (empty when absent).
    pub(super) fn get<'r>(&self, row: &'r csv::StringRecord, column: Column) -> &'r str {
        unguard(
            self.0
                .get(&column)
                .and_then(|i| row.get(*i))
                .unwrap_or("")
                .trim(),
        )
    }

    /// The first problem with the characters or lengths of `row`'s columns (every row,
    /// voided ones too), said with the column's name: see [`column_problem`].
    pub(super) fn problem(&self, row: &csv::StringRecord) -> Option<String> {
        Column::exported().find_map(|column| column_problem(column, self.get(row, column)))
    }

    /// The signer's columns of `row` as typed, to run through the checks.
    pub(super) fn draft(&self, row: &csv::StringRecord, doc_kind: DocKind) -> EntryDraft {
        EntryDraft {
            surname: self.get(row, Column::Surname).into(),
            given_name: self.get(row, Column::GivenName).into(),
            patronymic: self.get(row, Column::Patronymic).into(),
            birth_date: self.get(row, Column::BirthDate).into(),
            doc_kind,
            document: format!(
                "{} {}",
                self.get(row, Column::DocSeries),
                self.get(row, Column::DocNumber)
            )
            .trim()
            .to_string(),
            region: self.get(row, Column::RegionCode).into(),
            abroad_country: self.get(row, Column::AbroadCountry).into(),
            address: self.get(row, Column::Address).into(),
            signed_on: self.get(row, Column::SignedOn).into(),
        }
    }
}

/// Longest value each column takes, in characters (README lists them): room for every
/// real value, none for a pasted document or a megabyte of junk.
fn longest(column: Column) -> usize {
    match column {
        Column::Id | Column::Origin | Column::Desk => 64,
        Column::Surname | Column::GivenName | Column::Patronymic | Column::AbroadCountry => 64,
        Column::Operator | Column::Region => 128,
        Column::Address | Column::VoidReason => 300,
        Column::Sheet | Column::Line => 9,
        Column::BirthDate | Column::SignedOn | Column::Status => 10,
        Column::DocKind => 20,
        Column::DocSeries => 16,
        Column::DocNumber => 32,
        Column::RegionCode => 8,
        Column::EnteredAt => 40,
        Column::Ticket => 0,
    }
}

/// What is wrong with `value` in `column`, if anything: longer than [`longest`]; a control
/// character (NUL, ESC, a line break …) or a bidirectional override anywhere; an id that is
/// not letters, digits and `-`; a point, desk or operator, or a signer's name, that does not
/// start with a letter or a digit (a formula never does).
pub(super) fn column_problem(column: Column, value: &str) -> Option<String> {
    let name = column.name();
    let length = value.chars().count();
    if length > longest(column) {
        let limit = longest(column);
        return Some(format!(
            "{name} is {length} characters long, more than the {limit} it takes"
        ));
    }
    if let Some((at, c)) = value
        .chars()
        .enumerate()
        .find(|(_, c)| is_unsafe(*c) || *c == '\n')
    {
        let code = u32::from(c);
        return Some(format!(
            "{name} holds the control character U+{code:04X} at position {}; remove it",
            at + 1
        ));
    }
    let starts_well = |value: &str| value.chars().next().is_none_or(char::is_alphanumeric);
    let fine = match column {
        Column::Id => value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
        Column::Origin
        | Column::Desk
        | Column::Operator
        | Column::Surname
        | Column::GivenName
        | Column::Patronymic => starts_well(value),
        _ => true,
    };
    (!fine).then(|| {
        format!(
            "{name} must start with a letter or a digit, got `{}`",
            visible(value)
        )
    })
}

fn header_error(path: &Path, reason: String) -> CsvError {
    CsvError::Header {
        path: path.display().to_string(),
        reason,
    }
}

/// The columns of a row that the rules do not check: id, origin, sheet/line, who/when,
/// and the document kind the checks start from.
pub(super) struct RowFrame {
    /// Entry id.
    pub(super) id: String,
    /// Collection point.
    pub(super) origin: String,
    /// Sheet number.
    pub(super) sheet: u32,
    /// Line on the sheet.
    pub(super) line: u32,
    /// Document kind.
    pub(super) doc_kind: DocKind,
    desk: String,
    operator: String,
    entered_at: DateTime<Utc>,
    /// Valid or voided.
    pub(super) status: EntryStatus,
    void_reason: String,
}

impl RowFrame {
    /// Parses the frame of a row, or says what is wrong with it.
    pub(super) fn parse(
        cols: &Columns,
        row: &csv::StringRecord,
        id: String,
        lines_per_sheet: u32,
    ) -> Result<RowFrame, String> {
        let number = |column: Column| -> Result<u32, String> {
            let text = cols.get(row, column);
            text.parse::<u32>().ok().filter(|n| *n > 0).ok_or_else(|| {
                format!(
                    "{} must be a whole number of at least 1, got `{text}`",
                    column.name()
                )
            })
        };
        let origin = cols.get(row, Column::Origin).to_string();
        if origin.is_empty() {
            return Err("origin (collection point) is empty".into());
        }
        let kind_text = cols.get(row, Column::DocKind);
        let doc_kind = DocKind::parse(kind_text).ok_or_else(|| {
            format!(
                "doc_kind must be internal_passport, foreign_passport or other, got `{kind_text}`"
            )
        })?;
        let status_text = cols.get(row, Column::Status);
        let status = EntryStatus::parse(status_text)
            .ok_or_else(|| format!("status must be valid or voided, got `{status_text}`"))?;
        let entered_text = cols.get(row, Column::EnteredAt);
        let entered_at = DateTime::parse_from_rfc3339(entered_text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| format!("entered_at must be an RFC 3339 time, got `{entered_text}`"))?;
        let desk = cols.get(row, Column::Desk).to_string();
        if desk.is_empty() {
            return Err("desk is empty".into());
        }
        let line = number(Column::Line)?;
        if line > lines_per_sheet {
            return Err(format!(
                "line {line} is past the end of a sheet of {lines_per_sheet} lines"
            ));
        }
        let status_is_valid = status == EntryStatus::Valid;
        let void_reason = cols.get(row, Column::VoidReason).to_string();
        if status_is_valid && !void_reason.is_empty() {
            return Err("void_reason must be empty on a valid line".into());
        }
        Ok(RowFrame {
            id,
            origin,
            sheet: number(Column::Sheet)?,
            line,
            doc_kind,
            desk,
            operator: cols.get(row, Column::Operator).to_string(),
            entered_at,
            status,
            void_reason,
        })
    }

    /// The entry of this row with the signer's values.
    pub(super) fn with_signer(self, signer: NewEntry) -> Entry {
        Entry {
            id: self.id,
            origin: self.origin,
            sheet: self.sheet,
            line: self.line,
            signer,
            ticket: None,
            desk: self.desk,
            operator: self.operator,
            entered_at: self.entered_at,
            status: self.status,
            void_reason: self.void_reason,
        }
    }
}

/// A voided row is kept as it was written (it no longer counts), after its dates parse.
pub(super) fn voided_entry(
    draft: &EntryDraft,
    cols: &Columns,
    row: &csv::StringRecord,
    base: RowFrame,
) -> Result<Entry, String> {
    let date = |column: Column, text: &str| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            let name = column.name();
            format!("{name} must be a date YYYY-MM-DD, got `{text}`")
        })
    };
    let signer = NewEntry {
        surname: draft.surname.clone(),
        given_name: draft.given_name.clone(),
        patronymic: draft.patronymic.clone(),
        birth_date: date(Column::BirthDate, &draft.birth_date)?,
        doc_kind: base.doc_kind,
        doc_series: cols.get(row, Column::DocSeries).to_string(),
        doc_number: cols.get(row, Column::DocNumber).to_string(),
        region_code: draft.region.clone(),
        abroad_country: draft.abroad_country.clone(),
        address: draft.address.clone(),
        signed_on: date(Column::SignedOn, &draft.signed_on)?,
    };
    Ok(base.with_signer(signer))
}
