//! `hq stats [--json]`: per point its last sync, valid and voided entries and pace; per
//! region the campaign total against its cap; the campaign total against the target.

use crate::app::Context;
use crate::app::out;
use crate::app::table::aligned_table;
use crate::domain::board::{RegionFigures, region_figures};
use crate::domain::hq::{HqOverview, PointFigures};
use crate::hq::{self, SYNC_TIMEOUT};
use crate::i18n::{HqReportText, Lang};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the JSON layout (raised when a field changes meaning or disappears).
const HQ_STATS_SCHEMA: u32 = 1;

/// What `hq stats --json` prints.
#[derive(Debug, Serialize)]
struct StatsJson<'a> {
    /// Layout version.
    schema: u32,
    /// When the figures were read.
    generated_at: DateTime<Utc>,
    /// Valid entries over every point.
    valid_total: u64,
    /// The campaign target.
    target: u32,
    /// Every point, by name.
    points: &'a [PointFigures],
    /// Regions with valid entries, most first, against their caps.
    regions: &'a [RegionFigures],
}

/// Prints the figures; exit 0.
pub fn run(ctx: &Context, url: &str, json: bool) -> anyhow::Result<u8> {
    let mut hq = hq::connect(url, SYNC_TIMEOUT)?;
    let overview = hq.overview(false)?;
    let campaign = hq.campaign()?;
    let counts: BTreeMap<String, u32> = overview
        .region_totals()
        .into_iter()
        .map(|(code, n)| (code, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect();
    let regions = region_figures(&campaign, &counts);
    if json {
        out::json(&StatsJson {
            schema: HQ_STATS_SCHEMA,
            generated_at: ctx.now,
            valid_total: overview.valid_total(),
            target: campaign.target,
            points: &overview.points,
            regions: &regions,
        })?;
    } else {
        out::text(text(ctx, &overview, campaign.target, &regions));
    }
    Ok(0)
}

fn text(ctx: &Context, overview: &HqOverview, target: u32, regions: &[RegionFigures]) -> String {
    let lang = ctx.lang;
    let word = |t: HqReportText| lang.t(t).into_owned();
    let mut out = word(HqReportText::Campaign {
        valid: overview.valid_total(),
        target,
    });
    out.push_str("\n\n");
    let points = overview
        .points
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                p.last_sync.map_or_else(
                    || word(HqReportText::Never),
                    |at| at.format("%Y-%m-%d %H:%M UTC").to_string(),
                ),
                p.valid.to_string(),
                p.voided.to_string(),
                p.last_hour.to_string(),
            ]
        })
        .collect();
    out.push_str(&aligned_table(
        [
            HqReportText::ColPoint,
            HqReportText::ColLastSync,
            HqReportText::ColValid,
            HqReportText::ColVoided,
            HqReportText::ColLastHour,
        ]
        .map(word)
        .to_vec(),
        points,
        &[2, 3, 4],
    ));
    out.push('\n');
    let rows = regions
        .iter()
        .map(|r| {
            vec![
                region_label(ctx, lang, &r.code),
                r.valid.to_string(),
                r.cap.to_string(),
                cap_mark(r).to_string(),
            ]
        })
        .collect();
    out.push_str(&aligned_table(
        vec![
            word(HqReportText::ColRegion),
            word(HqReportText::ColValid),
            word(HqReportText::ColCap),
            String::new(),
        ],
        rows,
        &[1, 2],
    ));
    out
}

/// `77 Moscow`, in the language of the messages.
fn region_label(ctx: &Context, lang: Lang, code: &str) -> String {
    ctx.regions.by_code(code).map_or_else(
        || code.to_string(),
        |r| format!("{code} {}", r.display_name(lang == Lang::Ru)),
    )
}

/// The board's marks: `!` at 90 % of the cap, `!!` at the cap.
fn cap_mark(r: &RegionFigures) -> &'static str {
    match r.level {
        crate::domain::board::CapLevel::Below => "",
        crate::domain::board::CapLevel::Near => "!",
        crate::domain::board::CapLevel::Reached => "!!",
    }
}
