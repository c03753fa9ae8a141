//! One defect `check` reports: a finding on a stored entry, or a problem of a whole sheet.

use super::Severity;
use serde::Serialize;

/// One defect found on a stored entry, or on a whole sheet (then no line or entry).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Defect {
    /// Entry id; `None` for a sheet-level defect.
    pub entry_id: Option<String>,
    /// Collection point.
    pub origin: String,
    /// Sheet number.
    pub sheet: u32,
    /// Line; `None` for a sheet-level defect.
    pub line: Option<u32>,
    /// Desk that saved it.
    pub desk: String,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}
