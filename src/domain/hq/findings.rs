//! What `hq check` finds in HQ's figures: the same document or person at two points,
//! regions over their cap, points that went silent, and a point whose digests never match
//! anyone's (most likely a mistyped campaign secret).

use super::CollisionKind;
use crate::domain::{ABROAD, Campaign, Severity};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A point that has not synced for longer than this is silent.
const SILENT_SECS: i64 = 60 * 60;
/// A point with fewer valid entries is too small to tell anything from its lack of matches.
const SUSPECT_MIN_VALID: u64 = 50;

/// One point as HQ sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointFigures {
    /// Point name.
    pub name: String,
    /// End of its last good sync round; `None` before the first.
    pub last_sync: Option<DateTime<Utc>>,
    /// Its valid entries.
    pub valid: u64,
    /// Its voided entries.
    pub voided: u64,
    /// Its valid entries saved in the last hour (the pace).
    pub last_hour: u64,
}

/// One side of a collision: where the entry is on paper, never who signed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollisionSide {
    /// Point.
    pub point: String,
    /// Sheet at that point.
    pub sheet: u32,
    /// Line on the sheet.
    pub line: u32,
    /// Signing date.
    pub signed_on: NaiveDate,
}

/// Two valid entries at two points with the same document, or the same person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Collision {
    /// Which digest matched.
    pub kind: CollisionKind,
    /// The entry saved first.
    pub first: CollisionSide,
    /// The entry saved later.
    pub second: CollisionSide,
}

/// Everything `hq stats` and `hq check` read from HQ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HqOverview {
    /// Every point, by name.
    pub points: Vec<PointFigures>,
    /// Valid entries per point and region: `(point, region code, valid)`.
    pub point_regions: Vec<(String, String, u64)>,
    /// Every collision between two points.
    pub collisions: Vec<Collision>,
}

impl HqOverview {
    /// Valid entries per region over every point.
    pub fn region_totals(&self) -> BTreeMap<String, u64> {
        let mut totals = BTreeMap::new();
        for (_, region, valid) in &self.point_regions {
            *totals.entry(region.clone()).or_default() += valid;
        }
        totals
    }

    /// Valid entries over the whole campaign.
    pub fn valid_total(&self) -> u64 {
        self.points.iter().map(|p| p.valid).sum()
    }
}

/// One finding of `hq check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum HqFinding {
    /// The same document at two points: the later signature does not count.
    SameDocument(Collision),
    /// The same person at two points with two documents.
    SamePerson(Collision),
    /// More valid signatures of one region than its cap.
    OverCap {
        /// Region code.
        region: String,
        /// Valid signatures over every point.
        total: u64,
        /// Its cap.
        cap: u32,
    },
    /// A point that has not synced for over an hour (or never).
    Silent {
        /// Point.
        point: String,
        /// Its last good round.
        last_sync: Option<DateTime<Utc>>,
    },
    /// A point none of whose entries matches another point's, although it collects in the
    /// same regions as points that do match each other: its campaign secret is likely wrong.
    LikelyWrongSecret {
        /// Point.
        point: String,
        /// Regions it shares with the other points.
        shared_regions: Vec<String>,
    },
}

impl HqFinding {
    /// The stable code (`check` uses the same for its collisions).
    pub fn code(&self) -> &'static str {
        match self {
            HqFinding::SameDocument(_) => "dup.document",
            HqFinding::SamePerson(_) => "dup.person",
            HqFinding::OverCap { .. } => "region.over_cap",
            HqFinding::Silent { .. } => "point.silent",
            HqFinding::LikelyWrongSecret { .. } => "point.secret",
        }
    }

    /// Error (a signature that does not count) or warning.
    pub fn severity(&self) -> Severity {
        match self {
            HqFinding::SameDocument(_) => Severity::Error,
            HqFinding::SamePerson(_)
            | HqFinding::OverCap { .. }
            | HqFinding::Silent { .. }
            | HqFinding::LikelyWrongSecret { .. } => Severity::Warning,
        }
    }
}

/// Every finding over `overview` at `now` with the caps of `campaign`: errors first, then by
/// code, each code in the order found.
pub fn hq_findings(
    overview: &HqOverview,
    campaign: &Campaign,
    now: DateTime<Utc>,
) -> Vec<HqFinding> {
    let mut found: Vec<HqFinding> = overview
        .collisions
        .iter()
        .map(|c| match c.kind {
            CollisionKind::Document => HqFinding::SameDocument(c.clone()),
            CollisionKind::Person => HqFinding::SamePerson(c.clone()),
        })
        .collect();
    for (region, total) in overview.region_totals() {
        let cap = if region == ABROAD {
            campaign.abroad_cap
        } else {
            campaign.region_cap
        };
        if total > u64::from(cap) {
            found.push(HqFinding::OverCap { region, total, cap });
        }
    }
    for p in &overview.points {
        let silent = p
            .last_sync
            .is_none_or(|at| (now - at).num_seconds() > SILENT_SECS);
        if silent {
            found.push(HqFinding::Silent {
                point: p.name.clone(),
                last_sync: p.last_sync,
            });
        }
    }
    found.extend(likely_wrong_secrets(overview));
    found.sort_by(|a, b| {
        b.severity()
            .cmp(&a.severity())
            .then_with(|| a.code().cmp(b.code()))
    });
    found
}

/// Points big enough to match someone that match nobody, while points collecting in the
/// same regions do match each other.
fn likely_wrong_secrets(overview: &HqOverview) -> Vec<HqFinding> {
    let colliding: BTreeSet<&str> = overview
        .collisions
        .iter()
        .flat_map(|c| [c.first.point.as_str(), c.second.point.as_str()])
        .collect();
    let regions_of = |point: &str| -> BTreeSet<&str> {
        overview
            .point_regions
            .iter()
            .filter(|(p, _, valid)| p == point && *valid > 0)
            .map(|(_, region, _)| region.as_str())
            .collect()
    };
    let matching_regions: BTreeSet<&str> = colliding.iter().flat_map(|p| regions_of(p)).collect();
    overview
        .points
        .iter()
        .filter(|p| p.valid >= SUSPECT_MIN_VALID && !colliding.contains(p.name.as_str()))
        .filter_map(|p| {
            let shared: Vec<String> = regions_of(&p.name)
                .intersection(&matching_regions)
                .map(|r| r.to_string())
                .collect();
            (!shared.is_empty()).then(|| HqFinding::LikelyWrongSecret {
                point: p.name.clone(),
                shared_regions: shared,
            })
        })
        .collect()
}
