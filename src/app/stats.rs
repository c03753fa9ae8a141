//! `sigdesk stats`: the board and queue figures as text for a person or JSON for scripts.

mod board_text;

use super::Context;
use super::out;
use crate::domain::board::{DefectCount, DeskFigures, RegionFigures, Totals};
use crate::domain::forecast::Estimate;
use crate::domain::queue::QueueFigures;
use crate::domain::{Campaign, RegionCatalog};
use crate::i18n::{Lang, QueueFigure, QueueText, StatsText, queue_time};
use crate::ops::stats::{Stats, gather};
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::fmt::Write;

/// Prints the figures as at `at` (default: now), as JSON when `json`; exit 0.
pub fn run(
    store: &Store,
    ctx: &Context,
    json: bool,
    at: Option<DateTime<Utc>>,
) -> anyhow::Result<u8> {
    let campaign = store.campaign()?;
    let figures = gather(store, &ctx.regions, at.unwrap_or(ctx.now))?;
    if json {
        out::json(&StatsJson::new(&figures))?;
    } else {
        out::text(text(ctx.lang, &campaign, &ctx.regions, &figures));
    }
    Ok(0)
}

/// Version of the JSON layout; raised when a field changes meaning or disappears (adding
/// fields keeps it).
const STATS_SCHEMA: u32 = 1;

/// What `stats --json` prints (every field documented in README).
#[derive(Debug, Serialize)]
struct StatsJson<'a> {
    /// Layout version.
    schema: u32,
    /// The local day the figures are about.
    day: NaiveDate,
    /// When they were computed (RFC 3339 UTC).
    generated_at: DateTime<Utc>,
    /// The queue figures.
    queue: &'a QueueFigures,
    /// Whether the campaign has its election date set.
    configured: bool,
    /// Valid signatures against the target, today's pace, time to the target.
    totals: &'a Totals,
    /// Regions with valid signatures, most first, against their caps.
    regions: &'a [RegionFigures],
    /// Desks that worked today, by name.
    desks: &'a [DeskFigures],
    /// Today's defects by rule code.
    defects_today: &'a [DefectCount],
    /// The invalid share the paper check found so far, null before the first line.
    paper: Option<&'a Estimate>,
}

impl<'a> StatsJson<'a> {
    /// The JSON document for these figures.
    fn new(stats: &'a Stats) -> StatsJson<'a> {
        StatsJson {
            schema: STATS_SCHEMA,
            day: stats.day,
            generated_at: stats.now,
            queue: &stats.queue,
            configured: stats.board.configured,
            totals: &stats.board.totals,
            regions: &stats.board.regions,
            desks: &stats.board.desks,
            defects_today: &stats.defects_today,
            paper: stats.paper.as_ref(),
        }
    }
}

/// The figures as aligned text lines: the queue, then the board.
fn text(lang: Lang, campaign: &Campaign, regions: &RegionCatalog, stats: &Stats) -> String {
    let mut out = queue_text(lang, campaign, stats.now, &stats.queue);
    board_text::write(&mut out, lang, regions, stats);
    out
}

fn queue_text(lang: Lang, campaign: &Campaign, now: DateTime<Utc>, q: &QueueFigures) -> String {
    let t = |x: QueueText| lang.t(x);
    let mut out = String::new();
    let day = campaign.local_minute(now);
    let _ = writeln!(
        out,
        "{} · {} {day}",
        campaign.point,
        t(QueueText::QueueTitle)
    );
    use QueueFigure::*;
    let rows = [
        Waiting,
        LongestWait,
        MedianWait,
        ServiceTime,
        ActiveDesks,
        Eta,
        ServedPerHour,
        NoShowRate,
        Today,
    ]
    .map(|figure| figure.row(lang, q));
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (label, value) in rows {
        let _ = writeln!(out, "  {label:<width$}  {value}");
    }
    if !q.desks.is_empty() {
        let _ = writeln!(out, "{}", t(QueueText::Desks));
        for d in &q.desks {
            let serving = d
                .serving
                .map_or_else(|| "—".into(), crate::domain::queue::ticket_label);
            let _ = writeln!(
                out,
                "  {:<12} {} {serving:>4} · {} {} · {} {}",
                d.desk,
                lang.t(StatsText::Serving),
                d.served_today,
                lang.t(StatsText::Served),
                queue_time(lang, d.avg_service_secs),
                lang.t(StatsText::PerPerson),
            );
        }
    }
    out
}
