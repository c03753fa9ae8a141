//! A stored entry: the checked fields plus where it sits on paper and who wrote it.

use super::columns::time_text;
use super::{Column, EntrySummary, NewEntry};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::borrow::Cow;

/// Whether an entry still counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    /// Counts as a signature.
    #[default]
    Valid,
    /// Struck out, with a reason; the paper line stays used.
    Voided,
}

impl EntryStatus {
    /// The text used in the database and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryStatus::Valid => "valid",
            EntryStatus::Voided => "voided",
        }
    }

    /// Parses the database/CSV text form.
    pub fn parse(text: &str) -> Option<EntryStatus> {
        match text.trim() {
            "valid" => Some(EntryStatus::Valid),
            "voided" => Some(EntryStatus::Voided),
            _ => None,
        }
    }
}

/// One saved line of a signature sheet: the signer's checked values plus where the line
/// sits on paper and who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Entry {
    /// UUID v7 text; stable across export/import.
    pub id: String,
    /// Collection point that wrote it.
    pub origin: String,
    /// Sheet number (per origin).
    pub sheet: u32,
    /// Line on the sheet, from 1.
    pub line: u32,
    /// Who signed: the values the checks passed (an edit changes them, never the region).
    #[serde(flatten)]
    pub signer: NewEntry,
    /// Queue ticket the signer came with, if any.
    pub ticket: Option<i64>,
    /// Desk that saved it.
    pub desk: String,
    /// Operator who typed it.
    pub operator: String,
    /// When it was saved.
    pub entered_at: DateTime<Utc>,
    /// Valid or voided.
    pub status: EntryStatus,
    /// Why it was voided (empty when valid).
    pub void_reason: String,
}

impl Entry {
    /// The value of one stored or exported column as text, as the table and the CSV hold
    /// it; `None` for an empty ticket and for the region's name, which is not the entry's.
    pub fn column_text(&self, column: Column) -> Option<Cow<'_, str>> {
        let text: Cow<'_, str> = match column {
            Column::Id => self.id.as_str().into(),
            Column::Origin => self.origin.as_str().into(),
            Column::Sheet => self.sheet.to_string().into(),
            Column::Line => self.line.to_string().into(),
            Column::Surname
            | Column::GivenName
            | Column::Patronymic
            | Column::BirthDate
            | Column::DocKind
            | Column::DocSeries
            | Column::DocNumber
            | Column::RegionCode
            | Column::AbroadCountry
            | Column::Address
            | Column::SignedOn => return self.signer.column_text(column),
            Column::Region => return None,
            Column::Ticket => self.ticket?.to_string().into(),
            Column::Desk => self.desk.as_str().into(),
            Column::Operator => self.operator.as_str().into(),
            Column::EnteredAt => time_text(self.entered_at).into(),
            Column::Status => self.status.as_str().into(),
            Column::VoidReason => self.void_reason.as_str().into(),
        };
        Some(text)
    }

    /// Where this entry stands on paper.
    pub fn summary(&self) -> EntrySummary {
        EntrySummary {
            id: self.id.clone(),
            origin: self.origin.clone(),
            sheet: self.sheet,
            line: self.line,
            desk: self.desk.clone(),
            entered_at: self.entered_at,
        }
    }
}
