//! The paper report from the store: the sampled lines the lead has checked, each with the
//! error-level defects `check` finds on it and on its sheet, through the pure report of
//! `domain::paper`.

use super::defects::entry_findings;
use super::sheets::for_each_sheet_status;
use crate::domain::forecast::Estimate;
use crate::domain::paper::{Authority, CheckedLine, PaperReport, paper_report};
use crate::domain::{Campaign, EntryStatus, RegionCatalog, Severity};
use crate::store::{SampledLine, Store, StoreError};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// The report and how far the lead is through the sample.
#[derive(Debug, Clone, PartialEq)]
pub struct PaperStatus {
    /// Over the checked lines that still count.
    pub report: PaperReport,
    /// Lines in the sample.
    pub sampled: u64,
    /// Sampled lines still to compare with the paper.
    pub unchecked: u64,
    /// Sampled lines voided since they were drawn (no longer submitted, left out).
    pub voided: u64,
}

/// The paper report as of `today` (the point's local date, for the checks).
pub fn paper_status(
    store: &Store,
    regions: &RegionCatalog,
    today: NaiveDate,
) -> Result<PaperStatus, StoreError> {
    store.read_consistent(|store| {
        let campaign = store.campaign()?;
        let sample = store.paper_sample()?;
        let lines = checked_lines(store, &sample, &campaign, regions, today)?;
        let authority = Authority {
            sample: u64::from(campaign.cec_sample),
            limit_pct: campaign.reject_limit_pct,
        };
        let voided = sample
            .iter()
            .filter(|l| l.entry.status == EntryStatus::Voided)
            .count() as u64;
        let sampled = sample.len() as u64;
        Ok(PaperStatus {
            unchecked: sampled - voided - lines.len() as u64,
            report: paper_report(&lines, authority),
            sampled,
            voided,
        })
    })
}

/// The invalid share over the checked lines, for the board and `stats`; `None` before the
/// first line is checked.
pub fn paper_share(
    store: &Store,
    regions: &RegionCatalog,
    today: NaiveDate,
) -> Result<Option<Estimate>, StoreError> {
    Ok(paper_status(store, regions, today)?.report.estimate)
}

/// The sampled lines that are checked and still valid, with their machine errors.
fn checked_lines(
    store: &Store,
    sample: &[SampledLine],
    campaign: &Campaign,
    regions: &RegionCatalog,
    today: NaiveDate,
) -> Result<Vec<CheckedLine>, StoreError> {
    // Only the sheets of checked lines matter: a campaign has 100,000 sheets, a sample a
    // few hundred lines, and before the first mark none (the board asks every 30 s).
    let wanted: HashSet<(&str, u32)> = sample
        .iter()
        .filter(|s| s.mark.is_some() && s.entry.status == EntryStatus::Valid)
        .map(|s| (s.entry.origin.as_str(), s.entry.sheet))
        .collect();
    let mut sheet_errors: HashMap<(String, u32), Vec<&'static str>> = HashMap::new();
    if !wanted.is_empty() {
        for_each_sheet_status(store, campaign, today, |status| {
            if !wanted.contains(&(status.sheet.origin.as_str(), status.sheet.number)) {
                return Ok(());
            }
            let errors: Vec<&'static str> = status
                .problems
                .iter()
                .filter(|p| p.severity() == Severity::Error)
                .map(|p| p.code())
                .collect();
            if !errors.is_empty() {
                sheet_errors.insert((status.sheet.origin, status.sheet.number), errors);
            }
            Ok(())
        })?;
    }
    let mut lines = Vec::new();
    for sampled in sample {
        let e = &sampled.entry;
        let Some(mark) = sampled
            .mark
            .as_ref()
            .filter(|_| e.status == EntryStatus::Valid)
        else {
            continue;
        };
        let mut machine: Vec<&'static str> = entry_findings(store, e, today, campaign, regions)?
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.code())
            .collect();
        if let Some(errors) = sheet_errors.get(&(e.origin.clone(), e.sheet)) {
            machine.extend(errors);
        }
        lines.push(CheckedLine {
            desk: e.desk.clone(),
            operator: e.operator.clone(),
            collector: sampled.collector.clone(),
            paper: mark.code,
            machine,
        });
    }
    Ok(lines)
}
