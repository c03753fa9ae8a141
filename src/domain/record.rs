//! A stored entry: the checked fields plus where it sits on paper and who wrote it.

use super::{DocKind, EntryDraft, EntrySummary};
use chrono::{DateTime, NaiveDate, Utc};
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

/// One saved line of a signature sheet.
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
    /// Family name.
    pub surname: String,
    /// First name.
    pub given_name: String,
    /// Patronymic or empty.
    pub patronymic: String,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Document kind.
    pub doc_kind: DocKind,
    /// Document series (digits) or empty.
    pub doc_series: String,
    /// Document number.
    pub doc_number: String,
    /// Region catalogue code.
    pub region_code: String,
    /// Foreign state for `abroad`, else empty.
    pub abroad_country: String,
    /// Address of residence.
    pub address: String,
    /// Signing date.
    pub signed_on: NaiveDate,
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
    /// The document as one string, the way an operator would type it.
    pub fn document_text(&self) -> String {
        match (self.doc_kind, self.doc_series.is_empty()) {
            (_, true) => self.doc_number.clone(),
            _ => format!("{} {}", self.doc_series, self.doc_number),
        }
    }

    /// The entry back as a draft, to edit it in the form or re-check it.
    pub fn to_draft(&self, region_text: String) -> EntryDraft {
        EntryDraft {
            surname: self.surname.clone(),
            given_name: self.given_name.clone(),
            patronymic: self.patronymic.clone(),
            birth_date: self.birth_date.format("%d.%m.%Y").to_string(),
            doc_kind: self.doc_kind,
            document: self.document_text(),
            region: region_text,
            abroad_country: self.abroad_country.clone(),
            address: self.address.clone(),
            signed_on: self.signed_on.format("%d.%m.%Y").to_string(),
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

    /// "Surname G. P." for lists, without the full given name and patronymic.
    pub fn short_name(&self) -> String {
        let initial = |s: &str| {
            s.chars()
                .next()
                .map(|c| format!(" {c}."))
                .unwrap_or_default()
        };
        format!(
            "{}{}{}",
            self.surname,
            initial(&self.given_name),
            initial(&self.patronymic)
        )
    }
}
