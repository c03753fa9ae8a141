//! A stored entry: the checked fields plus where it sits on paper and who wrote it.

use super::{EntryDraft, EntrySummary, NewEntry};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Whether an entry still counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    /// Counts as a signature.
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// The entry back as a draft, to edit it in the form or re-check it.
    pub fn to_draft(&self, region_text: String) -> EntryDraft {
        let s = &self.signer;
        EntryDraft {
            surname: s.surname.clone(),
            given_name: s.given_name.clone(),
            patronymic: s.patronymic.clone(),
            birth_date: s.birth_date.format("%d.%m.%Y").to_string(),
            doc_kind: s.doc_kind,
            document: s.document_text(),
            region: region_text,
            abroad_country: s.abroad_country.clone(),
            address: s.address.clone(),
            signed_on: s.signed_on.format("%d.%m.%Y").to_string(),
        }
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
