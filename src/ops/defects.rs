//! The defect report of `check`: every rule re-run over every valid entry and every sheet,
//! grouped by code (`day.rs`: today's defects, kept between the board's refreshes).

use crate::domain::checks::{CheckContext, check_entry, lookup_keys};
use crate::domain::{Campaign, Entry, Finding, RegionCatalog, Severity};
use crate::i18n::{Lang, RegionText, SheetText};
use crate::ops::sheets::sheet_statuses;
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

mod day;

pub use day::{DayDefects, defects_saved_between};

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

/// Defects grouped by rule code, codes in alphabetical order.
#[derive(Debug, Default, Serialize)]
pub struct DefectReport {
    /// Valid entries checked.
    pub checked: u64,
    /// Sheets checked.
    pub sheets_checked: u64,
    /// Defects per rule code.
    pub by_code: BTreeMap<String, Vec<Defect>>,
}

impl DefectReport {
    /// Whether any defect would make the authority reject a signature.
    pub fn has_errors(&self) -> bool {
        self.by_code
            .values()
            .flatten()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Re-runs every check over every valid entry, in save order (so a cap warning names the
/// entries past the cap, not all of them).
pub fn check_all(
    store: &Store,
    regions: &RegionCatalog,
    today: NaiveDate,
    lang: Lang,
) -> Result<DefectReport, StoreError> {
    let campaign: Campaign = store.campaign()?;
    let mut report = DefectReport::default();
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut visit = |e: &Entry| -> Result<(), StoreError> {
        report.checked += 1;
        let findings = stored_entry_findings(store, e, &counts, today, &campaign, regions)?;
        for f in findings {
            report
                .by_code
                .entry(f.code().to_string())
                .or_default()
                .push(Defect {
                    entry_id: Some(e.id.clone()),
                    origin: e.origin.clone(),
                    sheet: e.sheet,
                    line: Some(e.line),
                    desk: e.desk.clone(),
                    severity: f.severity,
                    message: lang.t(&f.problem).into_owned(),
                });
        }
        *counts.entry(e.signer.region_code.clone()).or_default() += 1;
        Ok(())
    };
    store.for_each_entry(false, &mut visit)?;
    super::hq::add_collision_defects(&mut report, store, lang)?;
    add_sheet_defects(&mut report, store, &campaign, regions, today, lang)?;
    Ok(report)
}

/// What `check` finds on each line, by entry id, in `lang` (the spreadsheet export's
/// `problems` column). Sheet-level defects belong to no line and are left out.
pub fn findings_by_entry(
    store: &Store,
    regions: &RegionCatalog,
    today: NaiveDate,
    lang: Lang,
) -> Result<HashMap<String, Vec<String>>, StoreError> {
    let report = check_all(store, regions, today, lang)?;
    let mut by_entry: HashMap<String, Vec<String>> = HashMap::new();
    for (code, defects) in report.by_code {
        for defect in defects {
            if let Some(id) = defect.entry_id {
                by_entry
                    .entry(id)
                    .or_default()
                    .push(format!("{code}: {}", defect.message));
            }
        }
    }
    Ok(by_entry)
}

/// Adds the sheet-level defects (`sheet.*` codes) of every sheet to the report.
fn add_sheet_defects(
    report: &mut DefectReport,
    store: &Store,
    campaign: &Campaign,
    regions: &RegionCatalog,
    today: NaiveDate,
    lang: Lang,
) -> Result<(), StoreError> {
    for status in sheet_statuses(store, campaign, today)? {
        report.sheets_checked += 1;
        let s = &status.sheet;
        let region = &lang.t(RegionText::Label {
            regions,
            code: &s.region_code,
            country: &s.abroad_country,
        });
        for problem in &status.problems {
            report
                .by_code
                .entry(problem.code().to_string())
                .or_default()
                .push(Defect {
                    entry_id: None,
                    origin: s.origin.clone(),
                    sheet: s.number,
                    line: None,
                    desk: s.desk.clone(),
                    severity: problem.severity(),
                    message: lang
                        .t(SheetText::Problem {
                            number: s.number,
                            region,
                            problem,
                        })
                        .into_owned(),
                });
        }
    }
    Ok(())
}

/// Every finding of one stored entry's own checks, as `check` reports them, but the region
/// cap (which depends on the entries saved before it, and which the protocol keeps by
/// choosing sheets).
pub fn entry_findings(
    store: &Store,
    e: &Entry,
    today: NaiveDate,
    campaign: &Campaign,
    regions: &RegionCatalog,
) -> Result<Vec<Finding>, StoreError> {
    stored_entry_findings(store, e, &HashMap::new(), today, campaign, regions)
}

/// Every check over one stored entry, as the form would run it on save: `counts` are the
/// valid entries per region saved before it.
fn stored_entry_findings(
    store: &Store,
    e: &Entry,
    counts: &HashMap<String, u32>,
    today: NaiveDate,
    campaign: &Campaign,
    regions: &RegionCatalog,
) -> Result<Vec<Finding>, StoreError> {
    let draft = e.signer.to_draft(e.signer.region_code.clone());
    let keys = lookup_keys(&draft);
    let same_person = match &keys.person {
        Some(p) => store
            .find_same_person(p, keys.document.as_ref())?
            .filter(|s| s.id != e.id),
        None => None,
    };
    let outcome = check_entry(
        &draft,
        &CheckContext {
            today,
            campaign,
            regions,
            region_counts: counts,
            same_document: None,
            same_person: same_person.as_ref(),
        },
    );
    Ok(outcome.findings)
}
