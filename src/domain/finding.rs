//! What a check says about one field of an entry.

use serde::Serialize;

/// How bad a finding is: errors block saving, warnings need a second Ctrl-S.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Shown, but the entry may be saved after a confirmation.
    Warning,
    /// The entry cannot be saved until this is fixed.
    Error,
}

/// The form fields a finding can point at, in form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Family name.
    #[default]
    Surname,
    /// First name.
    GivenName,
    /// Patronymic (optional).
    Patronymic,
    /// Date of birth.
    BirthDate,
    /// Internal passport, international passport or other.
    DocKind,
    /// Series and number of the document.
    Document,
    /// Federal subject of registration, or `abroad`.
    Region,
    /// The foreign state, for `abroad` entries.
    AbroadCountry,
    /// Address of residence.
    Address,
    /// Date the signer signed.
    SignedOn,
}

/// One problem found by a check, tied to a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The field the operator must look at.
    pub field: Field,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, with the data a message needs.
    pub problem: Problem,
    /// A replacement value the operator can accept with one key (Ctrl-T), e.g. a layout fix.
    pub fix: Option<String>,
}

impl Finding {
    /// The stable rule code, e.g. `doc.number_length`.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }
}

pub use super::checks::Problem;
