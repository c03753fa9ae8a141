//! The protocol of this point from the store: every sheet with its certification, its
//! error-level defects (the sheet's and its lines') and how many defects its lines carry
//! (`check`'s findings and the lead's paper findings), through the pure protocol of
//! `domain::protocol`.

use super::defects::entry_findings;
use super::sheets::sheet_statuses;
use crate::domain::paper::PaperCode;
use crate::domain::protocol::{Caps, Protocol, ProtocolSheet, build_protocol};
use crate::domain::{EntryStatus, RegionCatalog, Severity};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// The protocol and what it cannot cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointProtocol {
    /// The protocol over this database's sheets.
    pub protocol: Protocol,
    /// Valid lines on sheets of other points (imported): their point hands them in.
    pub other_points_lines: u64,
}

/// What the lines of one sheet add up to.
#[derive(Debug, Default)]
struct LineDefects {
    errors: BTreeSet<&'static str>,
    defects: u32,
}

/// The protocol of this database as of `today` (the point's local date).
pub fn point_protocol(
    store: &Store,
    regions: &RegionCatalog,
    today: NaiveDate,
) -> Result<PointProtocol, StoreError> {
    store.read_consistent(|store| {
        let campaign = store.campaign()?;
        let statuses = sheet_statuses(store, &campaign, today)?;
        let numbered: BTreeSet<(String, u32)> = statuses
            .iter()
            .map(|s| (s.sheet.origin.clone(), s.sheet.number))
            .collect();
        let mut per_sheet: HashMap<(String, u32), LineDefects> = HashMap::new();
        let mut other_points_lines = 0;
        store.for_each_entry(false, |e| {
            let key = (e.origin.clone(), e.sheet);
            if !numbered.contains(&key) {
                other_points_lines += 1;
                return Ok(());
            }
            let findings = entry_findings(store, e, today, &campaign, regions)?;
            let sheet = per_sheet.entry(key).or_default();
            sheet.defects += findings.len() as u32;
            sheet.errors.extend(
                findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .map(|f| f.code()),
            );
            Ok(())
        })?;
        for sampled in store.paper_sample()? {
            let e = &sampled.entry;
            let found = sampled.mark.is_some_and(|m| m.code != PaperCode::Ok);
            if found
                && e.status == EntryStatus::Valid
                && let Some(sheet) = per_sheet.get_mut(&(e.origin.clone(), e.sheet))
            {
                sheet.defects += 1;
            }
        }
        let sheets: Vec<ProtocolSheet> = statuses
            .into_iter()
            .map(|status| {
                let s = status.sheet;
                let lines = per_sheet
                    .remove(&(s.origin.clone(), s.number))
                    .unwrap_or_default();
                let mut errors: BTreeSet<&'static str> = status
                    .problems
                    .iter()
                    .filter(|p| p.severity() == Severity::Error)
                    .map(|p| p.code())
                    .collect();
                errors.extend(lines.errors);
                ProtocolSheet {
                    closed: s.closed_at.is_some(),
                    certified: s.certification.is_some(),
                    valid_lines: s.valid_lines,
                    errors: errors.into_iter().collect(),
                    defects: lines.defects,
                    origin: s.origin,
                    number: s.number,
                    region_code: s.region_code,
                    abroad_country: s.abroad_country,
                }
            })
            .collect();
        let caps = Caps {
            region: campaign.region_cap,
            abroad: campaign.abroad_cap,
        };
        Ok(PointProtocol {
            protocol: build_protocol(&sheets, caps),
            other_points_lines,
        })
    })
}
