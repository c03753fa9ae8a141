//! The defect report of `check`: every rule re-run over every valid entry and every sheet,
//! grouped by code (`day.rs`: today's defects, kept between the board's refreshes).

use crate::domain::checks::{CheckContext, check_entry, duplicate_person, lookup_keys};
use crate::domain::{Campaign, Entry, EntrySummary, Finding, RegionCatalog, Severity};
use crate::i18n::{Lang, RegionText, SheetText};
use crate::ops::sheets::for_each_sheet_status;
use crate::store::{FindingLog, Store, StoreError};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

mod day;
mod rules;

pub use day::{DayDefects, defects_saved_between};

pub use crate::domain::Defect;

/// Where `check` puts each defect as it is found: held in memory ([`DefectReport`]) or
/// written to a scratch table and read back by code (the `check` command).
pub trait DefectSink {
    /// Takes one defect of rule `code`; `ord` places it among the defects of its code as
    /// `check` lists them (save order of the entries, then collisions, then sheets).
    fn push(&mut self, code: &str, ord: i64, defect: Defect) -> Result<(), StoreError>;
}

/// Orders of the defects that are not an entry's own: HQ's collisions, then sheets.
const COLLISION_ORD: i64 = 1 << 58;
const SHEET_ORD: i64 = 1 << 59;
/// An entry's findings are ordered by row number times this plus their place.
const PER_ENTRY: i64 = 64;

/// What `check` went through.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CheckCounts {
    /// Valid entries checked.
    pub checked: u64,
    /// Sheets checked.
    pub sheets_checked: u64,
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

impl DefectSink for DefectReport {
    /// Keeps the defect under its code, in the order pushed.
    fn push(&mut self, code: &str, _ord: i64, defect: Defect) -> Result<(), StoreError> {
        self.by_code
            .entry(code.to_string())
            .or_default()
            .push(defect);
        Ok(())
    }
}

impl DefectSink for FindingLog<'_> {
    fn push(&mut self, code: &str, ord: i64, defect: Defect) -> Result<(), StoreError> {
        FindingLog::push(self, code, ord, &defect)
    }
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
/// entries past the cap, not all of them), into a report held in memory.
pub fn check_all(
    store: &Store,
    regions: &RegionCatalog,
    today: NaiveDate,
    lang: Lang,
) -> Result<DefectReport, StoreError> {
    let mut report = DefectReport::default();
    let counts = check_into(store, regions, today, lang, &mut report)?;
    report.checked = counts.checked;
    report.sheets_checked = counts.sheets_checked;
    Ok(report)
}

/// [`check_all`] streamed into `sink`: one pass over the entries, one over the repeated
/// people (`dup.person` without a lookup per entry), HQ's collisions, one pass over the
/// sheets. Memory does not grow with the entries or the defects.
pub fn check_into(
    store: &Store,
    regions: &RegionCatalog,
    today: NaiveDate,
    lang: Lang,
    sink: &mut dyn DefectSink,
) -> Result<CheckCounts, StoreError> {
    let campaign: Campaign = store.campaign()?;
    let mut counts = CheckCounts::default();
    let rules = rules::RuleContext {
        campaign: &campaign,
        regions,
        today,
        lang,
    };
    counts.checked = rules::check_entries(store, rules, sink)?;
    store.for_each_same_person(|rowid, e, first| {
        let f = duplicate_person(first);
        sink.push(f.code(), rowid * PER_ENTRY, entry_defect(e, &f, lang))
    })?;
    let mut ord = COLLISION_ORD;
    super::hq::add_collision_defects(store, lang, |code, defect| {
        ord += 1;
        sink.push(code, ord, defect)
    })?;
    counts.sheets_checked = add_sheet_defects(sink, store, &campaign, regions, today, lang)?;
    Ok(counts)
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

/// Adds the sheet-level defects (`sheet.*` codes) of every sheet; returns the sheets read.
fn add_sheet_defects(
    sink: &mut dyn DefectSink,
    store: &Store,
    campaign: &Campaign,
    regions: &RegionCatalog,
    today: NaiveDate,
    lang: Lang,
) -> Result<u64, StoreError> {
    let mut sheets = 0u64;
    let mut ord = SHEET_ORD;
    for_each_sheet_status(store, campaign, today, |status| {
        sheets += 1;
        let s = &status.sheet;
        let region = &lang.t(RegionText::Label {
            regions,
            code: &s.region_code,
            country: &s.abroad_country,
        });
        for problem in &status.problems {
            ord += 1;
            let defect = Defect {
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
            };
            sink.push(problem.code(), ord, defect)?;
        }
        Ok(())
    })?;
    Ok(sheets)
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

/// The defect `check` reports for finding `f` on the stored entry `e`, said in `lang`.
pub(crate) fn entry_defect(e: &EntrySummary, f: &Finding, lang: Lang) -> Defect {
    Defect {
        entry_id: Some(e.id.clone()),
        origin: e.origin.clone(),
        sheet: e.sheet,
        line: Some(e.line),
        desk: e.desk.clone(),
        severity: f.severity,
        message: lang.t(&f.problem).into_owned(),
    }
}
