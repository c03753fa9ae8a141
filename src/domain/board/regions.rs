//! Valid signatures per region against the cap the law sets.

use crate::domain::{ABROAD, Campaign};
use serde::Serialize;
use std::collections::BTreeMap;

/// How close a region is to its cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CapLevel {
    /// Under 90 % of the cap.
    Below,
    /// At least 90 % of the cap: time to send signers of this region elsewhere.
    Near,
    /// At the cap or over it: more signatures of this region do not count.
    Reached,
}

impl CapLevel {
    /// The level of `valid` signatures against `cap` (a cap of 0 is always reached).
    pub fn of(valid: u32, cap: u32) -> CapLevel {
        let (valid, cap) = (u64::from(valid), u64::from(cap));
        if valid >= cap {
            CapLevel::Reached
        } else if valid * 10 >= cap * 9 {
            CapLevel::Near
        } else {
            CapLevel::Below
        }
    }
}

/// One region's line on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionFigures {
    /// Catalogue code (`77`, `abroad` …).
    pub code: String,
    /// Valid signatures of this region over the whole campaign.
    pub valid: u32,
    /// Its cap: `region_cap`, or `abroad_cap` for voters living abroad.
    pub cap: u32,
    /// How close it is to the cap.
    pub level: CapLevel,
}

/// Regions with at least one valid signature, most first, then by code.
pub fn region_figures(campaign: &Campaign, counts: &BTreeMap<String, u32>) -> Vec<RegionFigures> {
    let mut regions: Vec<RegionFigures> = counts
        .iter()
        .filter(|&(_, &valid)| valid > 0)
        .map(|(code, &valid)| {
            let cap = if code == ABROAD {
                campaign.abroad_cap
            } else {
                campaign.region_cap
            };
            RegionFigures {
                code: code.clone(),
                valid,
                cap,
                level: CapLevel::of(valid, cap),
            }
        })
        .collect();
    regions.sort_by(|a, b| b.valid.cmp(&a.valid).then_with(|| a.code.cmp(&b.code)));
    regions
}
