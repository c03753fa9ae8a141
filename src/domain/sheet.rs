//! A paper signature sheet as the lead sees it: header, fill, certification.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// The collector's certification written at the foot of a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Certification {
    /// Collector's full name as stored when certifying.
    pub collector: String,
    /// Date the collector wrote.
    pub on: NaiveDate,
}

/// The latest signing date on a sheet and the line that has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineDate {
    /// Line number.
    pub line: u32,
    /// Signing date written on that line.
    pub signed_on: NaiveDate,
}

/// One paper sheet with the counts the certification rules need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sheet {
    /// Sheet number (unique at this point).
    pub number: u32,
    /// Collection point whose entries fill it.
    pub origin: String,
    /// Catalogue code of the region in its header, or `abroad`.
    pub region_code: String,
    /// Foreign state in the header of an `abroad` sheet, else empty.
    pub abroad_country: String,
    /// Desk that filled it.
    pub desk: String,
    /// When its first line was taken.
    pub opened_at: DateTime<Utc>,
    /// When it was closed (full, by hand or at the end of the day).
    pub closed_at: Option<DateTime<Utc>>,
    /// Lines written on it (valid and voided).
    pub lines_used: u32,
    /// Lines that still count.
    pub valid_lines: u32,
    /// Lines struck out.
    pub voided_lines: u32,
    /// The latest signing date among the valid lines.
    pub latest_signature: Option<LineDate>,
    /// The collector's certification, once made.
    pub certification: Option<Certification>,
}

impl Sheet {
    /// Whether lines can still be added to it.
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }
}
