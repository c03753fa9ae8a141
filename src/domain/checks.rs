//! The check set: one function that runs every rule of DESIGN.md §4 over a draft.
//! SKELETON: the checks helper fills the bodies and the Problem variants.

use super::{Campaign, DocKind, EntryDraft, EntrySummary, Finding, NewEntry, RegionCatalog};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Every kind of defect a check can report; `code()` is its stable rule code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A required field is empty.
    Required,
}

impl Problem {
    /// Stable rule code such as `doc.number_length`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Required => "field.required",
        }
    }
}

/// Everything outside the draft that the rules need; filled by the caller from the store.
#[derive(Debug, Clone)]
pub struct CheckContext<'a> {
    /// Today's date at the collection point (injected, never read from the clock here).
    pub today: NaiveDate,
    /// Campaign settings.
    pub campaign: &'a Campaign,
    /// Region catalogue.
    pub regions: &'a RegionCatalog,
    /// Valid entries per region code (including `abroad`), not counting the one being checked.
    pub region_counts: &'a HashMap<String, u32>,
    /// Another valid entry with the same document, if any.
    pub same_document: Option<&'a EntrySummary>,
    /// Another valid entry with the same name and birth date but another document, if any.
    pub same_person: Option<&'a EntrySummary>,
}

/// The normalised keys the caller looks up in the store before running the checks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LookupKeys {
    /// Kind, series and number, when the document parses.
    pub document: Option<(DocKind, String, String)>,
    /// Surname, given name, patronymic (normalised) and birth date, when all parse.
    pub person: Option<(String, String, String, NaiveDate)>,
}

/// What the check set says about a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOutcome {
    /// The normalised entry, present when no error-level finding was made.
    pub entry: Option<NewEntry>,
    /// Every finding, in form field order.
    pub findings: Vec<Finding>,
}

/// Normalises the parts of a draft the store must look up (duplicates).
pub fn lookup_keys(_draft: &EntryDraft) -> LookupKeys {
    unimplemented!("checks helper")
}

/// Runs every rule over a draft.
pub fn check_entry(_draft: &EntryDraft, _ctx: &CheckContext<'_>) -> CheckOutcome {
    unimplemented!("checks helper")
}
