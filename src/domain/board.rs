//! The lead board's figures (DESIGN.md §1, §6): valid signatures against the target, the
//! pace and the time to reach it, each desk's speed, each region against its cap, today's
//! defects by rule. Pure: small aggregates the store returns and an injected `now`; no
//! personal data goes in or comes out.

use super::Campaign;
use super::finding::Severity;
use super::queue::QueueFigures;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

mod day;
mod desks;
mod regions;
#[cfg(test)]
mod tests;
mod totals;

pub use day::day_bounds;
pub use desks::{DeskFigures, min_sec};
pub use regions::{CapLevel, RegionFigures, region_figures};
pub use totals::Totals;

/// One entry saved today, without any personal data: where and when it was saved, and
/// whether it is still valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryStamp {
    /// Desk that saved it.
    pub desk: String,
    /// Operator signed in at that desk.
    pub operator: String,
    /// When it was saved.
    pub entered_at: DateTime<Utc>,
    /// Still valid (not voided).
    pub valid: bool,
}

/// What the store hands the board: the maintained per-region counters and today's stamps,
/// both read through indexes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardData {
    /// Valid entries per region code (`abroad` included), over the whole campaign.
    pub region_counts: BTreeMap<String, u32>,
    /// Entries saved during today's local day, oldest first.
    pub today: Vec<EntryStamp>,
}

/// Everything the board shows besides the queue figures and the defects.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardFigures {
    /// Whether the lead has set the election date (else the board says so).
    pub configured: bool,
    /// Valid signatures against the target, today's pace and the time to the target.
    pub totals: Totals,
    /// Regions with at least one valid signature, most signatures first.
    pub regions: Vec<RegionFigures>,
    /// Desks that saved an entry or called a ticket today, by name.
    pub desks: Vec<DeskFigures>,
}

/// The board's figures over `data` and the queue figures of the same moment.
pub fn board_figures(
    campaign: &Campaign,
    data: &BoardData,
    queue: &QueueFigures,
    now: DateTime<Utc>,
) -> BoardFigures {
    BoardFigures {
        configured: campaign.is_configured(),
        totals: totals::totals(campaign.target, data, now),
        regions: regions::region_figures(campaign, &data.region_counts),
        desks: desks::desk_figures(&data.today, queue, now),
    }
}

/// How many of today's entries broke one check rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DefectCount {
    /// Rule code (`birth.under_18`, `region.cap` …).
    pub code: String,
    /// Error (the authority rejects the signature) or warning.
    pub severity: Severity,
    /// Findings of that rule among today's valid entries.
    pub count: u32,
}

/// Findings `(code, severity)` tallied by code: errors first, then most frequent first, then
/// by code. A code seen with both severities counts as an error.
pub fn tally_defects<'a>(
    findings: impl IntoIterator<Item = (&'a str, Severity)>,
) -> Vec<DefectCount> {
    let mut by_code: BTreeMap<&str, (Severity, u32)> = BTreeMap::new();
    for (code, severity) in findings {
        let slot = by_code.entry(code).or_insert((severity, 0));
        slot.0 = slot.0.max(severity);
        slot.1 = slot.1.saturating_add(1);
    }
    let mut counts: Vec<DefectCount> = by_code
        .into_iter()
        .map(|(code, (severity, count))| DefectCount {
            code: code.to_owned(),
            severity,
            count,
        })
        .collect();
    counts.sort_by(|a, b| {
        (b.severity, b.count)
            .cmp(&(a.severity, a.count))
            .then_with(|| a.code.cmp(&b.code))
    });
    counts
}
