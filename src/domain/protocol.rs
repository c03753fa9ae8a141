//! The submission protocol (DESIGN.md §11): which sheets are handed in for each federal
//! subject (and for voters abroad), within the caps. Pure: a point builds it over its own
//! sheets, the campaign HQ over every point's.
//!
//! A sheet goes in whole or not at all (its lines are one paper). It must be closed,
//! certified, free of error-level defects and hold a valid line. Per region (all `abroad`
//! sheets share one cap) the sheets are taken fewest defects first, then fullest first, as
//! long as the signatures stay within the cap; a sheet that would pass the cap is left out
//! and a smaller one after it may still fit.

use super::ABROAD;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the protocol needs to know about one sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolSheet {
    /// Collection point that numbered it.
    pub origin: String,
    /// Sheet number at that point.
    pub number: u32,
    /// Region code in its header, or `abroad`.
    pub region_code: String,
    /// Foreign state of an `abroad` sheet, else empty.
    pub abroad_country: String,
    /// Whether it is closed (no line can be added).
    pub closed: bool,
    /// Whether a collector certified it.
    pub certified: bool,
    /// Valid lines (signatures) on it.
    pub valid_lines: u32,
    /// Error-level rule codes found on it or its lines, distinct.
    pub errors: Vec<&'static str>,
    /// Defects of every kind on its lines (warnings and paper findings too), for choosing.
    pub defects: u32,
}

/// The caps the protocol keeps to (campaign `region_cap`, `abroad_cap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Caps {
    /// Signatures per federal subject.
    pub region: u32,
    /// Signatures of voters abroad, all foreign states together.
    pub abroad: u32,
}

impl Caps {
    /// The cap of a region code.
    pub fn of(self, region_code: &str) -> u32 {
        if region_code == ABROAD {
            self.abroad
        } else {
            self.region
        }
    }
}

/// A sheet handed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Submitted {
    /// Collection point.
    pub origin: String,
    /// Sheet number.
    pub number: u32,
    /// Foreign state of an `abroad` sheet, else empty.
    pub abroad_country: String,
    /// Its signatures.
    pub signatures: u32,
    /// Its defects (warnings, paper findings).
    pub defects: u32,
}

/// The sheets of one region handed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionProtocol {
    /// Region code, or `abroad`.
    pub region_code: String,
    /// Its cap.
    pub cap: u32,
    /// Sheets handed in.
    pub sheets: u32,
    /// Signatures on them, never above the cap.
    pub signatures: u32,
    /// The sheets, in the order they were chosen.
    pub submitted: Vec<Submitted>,
}

/// Why a sheet is not handed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", content = "codes", rename_all = "snake_case")]
pub enum LeftOutReason {
    /// Still open: close and certify it.
    Open,
    /// Closed but not certified by a collector.
    Uncertified,
    /// Error-level defects on the sheet or its lines.
    Errors(Vec<&'static str>),
    /// No valid line on it.
    Empty,
    /// Its signatures would take the region past its cap.
    OverCap,
}

/// A sheet left out, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// Collection point.
    pub origin: String,
    /// Sheet number.
    pub number: u32,
    /// Region code, or `abroad`.
    pub region_code: String,
    /// Foreign state of an `abroad` sheet, else empty.
    pub abroad_country: String,
    /// Its valid lines, not handed in.
    pub valid_lines: u32,
    /// Why.
    #[serde(flatten)]
    pub reason: LeftOutReason,
}

/// The protocol: per region what is handed in, the totals, and what is left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Protocol {
    /// The caps kept to.
    pub caps: Caps,
    /// Regions with a sheet handed in, by code (`abroad` last).
    pub regions: Vec<RegionProtocol>,
    /// Sheets handed in.
    pub sheets: u32,
    /// Signatures handed in.
    pub signatures: u32,
    /// Sheets left out, by region code, then point and number.
    pub left_out: Vec<LeftOut>,
}

/// The protocol over `sheets` within `caps`.
pub fn build_protocol(sheets: &[ProtocolSheet], caps: Caps) -> Protocol {
    let mut left_out = Vec::new();
    let mut candidates: BTreeMap<&str, Vec<&ProtocolSheet>> = BTreeMap::new();
    for sheet in sheets {
        let reason = if !sheet.closed {
            Some(LeftOutReason::Open)
        } else if !sheet.certified {
            Some(LeftOutReason::Uncertified)
        } else if !sheet.errors.is_empty() {
            Some(LeftOutReason::Errors(sheet.errors.clone()))
        } else if sheet.valid_lines == 0 {
            Some(LeftOutReason::Empty)
        } else {
            None
        };
        match reason {
            Some(reason) => left_out.push(left(sheet, reason)),
            None => candidates
                .entry(&sheet.region_code)
                .or_default()
                .push(sheet),
        }
    }
    let mut regions = Vec::new();
    for (code, mut list) in candidates {
        list.sort_by(|a, b| {
            (a.defects, b.valid_lines, &a.origin, a.number).cmp(&(
                b.defects,
                a.valid_lines,
                &b.origin,
                b.number,
            ))
        });
        let cap = caps.of(code);
        let mut region = RegionProtocol {
            region_code: code.to_string(),
            cap,
            sheets: 0,
            signatures: 0,
            submitted: Vec::new(),
        };
        for sheet in list {
            if u64::from(region.signatures) + u64::from(sheet.valid_lines) > u64::from(cap) {
                left_out.push(left(sheet, LeftOutReason::OverCap));
                continue;
            }
            region.signatures += sheet.valid_lines;
            region.sheets += 1;
            region.submitted.push(Submitted {
                origin: sheet.origin.clone(),
                number: sheet.number,
                abroad_country: sheet.abroad_country.clone(),
                signatures: sheet.valid_lines,
                defects: sheet.defects,
            });
        }
        if region.sheets > 0 {
            regions.push(region);
        }
    }
    left_out.sort_by(|a, b| {
        (&a.region_code, &a.origin, a.number).cmp(&(&b.region_code, &b.origin, b.number))
    });
    Protocol {
        caps,
        sheets: regions.iter().map(|r| r.sheets).sum(),
        signatures: regions.iter().map(|r| r.signatures).sum(),
        regions,
        left_out,
    }
}

fn left(sheet: &ProtocolSheet, reason: LeftOutReason) -> LeftOut {
    LeftOut {
        origin: sheet.origin.clone(),
        number: sheet.number,
        region_code: sheet.region_code.clone(),
        abroad_country: sheet.abroad_country.clone(),
        valid_lines: sheet.valid_lines,
        reason,
    }
}

#[cfg(test)]
mod tests;
