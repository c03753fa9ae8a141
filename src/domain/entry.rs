//! The signer entry in its three shapes: as typed, as checked, as stored.

use super::Column;
use super::dates::day_text;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The kind of identity document a signer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Russian internal passport: series of 4 digits, number of 6.
    #[default]
    InternalPassport,
    /// Russian international passport: series of 2 digits, number of 7; only for `abroad`.
    ForeignPassport,
    /// A document that replaces a passport (military ID, temporary ID, ...).
    Other,
}

impl DocKind {
    /// The text used in the database and CSV files.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::InternalPassport => "internal_passport",
            DocKind::ForeignPassport => "foreign_passport",
            DocKind::Other => "other",
        }
    }

    /// Parses the database/CSV text form.
    pub fn parse(text: &str) -> Option<DocKind> {
        match text.trim() {
            "internal_passport" => Some(DocKind::InternalPassport),
            "foreign_passport" => Some(DocKind::ForeignPassport),
            "other" => Some(DocKind::Other),
            _ => None,
        }
    }

    /// The next kind in the form's cycle (Space on the kind field).
    pub fn next(self) -> DocKind {
        match self {
            DocKind::InternalPassport => DocKind::ForeignPassport,
            DocKind::ForeignPassport => DocKind::Other,
            DocKind::Other => DocKind::InternalPassport,
        }
    }
}

/// An entry exactly as the operator typed it (or as a CSV row gave it): raw text per field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryDraft {
    /// Family name as typed.
    pub surname: String,
    /// First name as typed.
    pub given_name: String,
    /// Patronymic as typed (may be empty).
    pub patronymic: String,
    /// Birth date as typed: `31.12.1990`, `31121990` or `1990-12-31`.
    pub birth_date: String,
    /// Document kind chosen.
    pub doc_kind: DocKind,
    /// Series and number as typed, with or without spaces.
    pub document: String,
    /// Region as typed: a code, a name, or `abroad`.
    pub region: String,
    /// The foreign state, for `abroad`.
    pub abroad_country: String,
    /// Address of residence as typed.
    pub address: String,
    /// Signing date as typed.
    pub signed_on: String,
}

/// A checked, normalised entry ready to be stored (no errors were found).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct NewEntry {
    /// Family name, Title Case.
    pub surname: String,
    /// First name, Title Case.
    pub given_name: String,
    /// Patronymic, Title Case, or empty.
    pub patronymic: String,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Document kind.
    pub doc_kind: DocKind,
    /// Series digits, no spaces (empty for `other` documents without a series).
    pub doc_series: String,
    /// Number, no spaces (free text for `other`).
    pub doc_number: String,
    /// Catalogue code of the region (`77`, `abroad`, ...).
    pub region_code: String,
    /// Foreign state for `abroad` entries, else empty.
    pub abroad_country: String,
    /// Address of residence, whitespace tidied.
    pub address: String,
    /// Signing date.
    pub signed_on: NaiveDate,
}

impl NewEntry {
    /// The value of one of the signer's columns ([`Column::SIGNER`]) as the table and the
    /// CSV hold it (ISO dates, the document kind's code); `None` for any other column.
    pub fn column_text(&self, column: Column) -> Option<Cow<'_, str>> {
        let text: Cow<'_, str> = match column {
            Column::Surname => self.surname.as_str().into(),
            Column::GivenName => self.given_name.as_str().into(),
            Column::Patronymic => self.patronymic.as_str().into(),
            Column::BirthDate => self.birth_date.to_string().into(),
            Column::DocKind => self.doc_kind.as_str().into(),
            Column::DocSeries => self.doc_series.as_str().into(),
            Column::DocNumber => self.doc_number.as_str().into(),
            Column::RegionCode => self.region_code.as_str().into(),
            Column::AbroadCountry => self.abroad_country.as_str().into(),
            Column::Address => self.address.as_str().into(),
            Column::SignedOn => self.signed_on.to_string().into(),
            Column::Id
            | Column::Origin
            | Column::Sheet
            | Column::Line
            | Column::Region
            | Column::Ticket
            | Column::Desk
            | Column::Operator
            | Column::EnteredAt
            | Column::Status
            | Column::VoidReason => return None,
        };
        Some(text)
    }

    /// The signer back as a draft, the way an operator types them (to edit an entry in the
    /// form or re-check it); `region_text` is what the region field shows.
    pub fn to_draft(&self, region_text: String) -> EntryDraft {
        EntryDraft {
            surname: self.surname.clone(),
            given_name: self.given_name.clone(),
            patronymic: self.patronymic.clone(),
            birth_date: day_text(self.birth_date),
            doc_kind: self.doc_kind,
            document: self.document_text(),
            region: region_text,
            abroad_country: self.abroad_country.clone(),
            address: self.address.clone(),
            signed_on: day_text(self.signed_on),
        }
    }

    /// The document as one string, the way an operator would type it.
    pub fn document_text(&self) -> String {
        match (self.doc_kind, self.doc_series.is_empty()) {
            (_, true) => self.doc_number.clone(),
            _ => format!("{} {}", self.doc_series, self.doc_number),
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

/// Where an existing entry stands: enough to point the operator at its paper line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntrySummary {
    /// Entry id (UUID v7 text).
    pub id: String,
    /// Collection point that wrote it.
    pub origin: String,
    /// Sheet number.
    pub sheet: u32,
    /// Line on the sheet.
    pub line: u32,
    /// Desk that saved it.
    pub desk: String,
    /// When it was saved.
    pub entered_at: DateTime<Utc>,
}
