//! `sigdesk stats`: the board and queue figures as text for a person or JSON for scripts.

mod board_text;

use crate::domain::board::{
    BoardFigures, DefectCount, DeskFigures, RegionFigures, Totals, board_figures, day_bounds,
};
use crate::domain::queue::{QueueFigures, queue_figures, short_duration};
use crate::domain::{Campaign, RegionCatalog};
use crate::i18n::Lang;
use crate::i18n::queue::QueueText;
use crate::report::defects_saved_between;
use crate::store::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::fmt::Write;

/// Version of the JSON layout; raised when a field changes meaning or disappears (adding
/// fields keeps it).
pub const STATS_SCHEMA: u32 = 1;

/// Everything the board shows, gathered at one instant.
#[derive(Debug, Clone)]
pub struct Stats {
    /// The local day the figures are about.
    pub day: NaiveDate,
    /// The instant they were computed at.
    pub now: DateTime<Utc>,
    /// The queue figures.
    pub queue: QueueFigures,
    /// Totals, pace, regions and desks.
    pub board: BoardFigures,
    /// Today's defects by rule.
    pub defects_today: Vec<DefectCount>,
}

/// Reads what the board needs (indexed queries and maintained counters only) and computes
/// its figures at `now`.
pub fn gather(
    store: &Store,
    regions: &RegionCatalog,
    now: DateTime<Utc>,
) -> Result<Stats, StoreError> {
    let campaign = store.campaign()?;
    let day = campaign.local_date(now);
    let (from, to) = day_bounds(&campaign, day);
    let queue = queue_figures(&store.tickets_of_day(day)?, day, now);
    let board = board_figures(&campaign, &store.board_data(from, to)?, &queue, now);
    let defects_today = defects_saved_between(store, regions, day, from, to)?;
    Ok(Stats {
        day,
        now,
        queue,
        board,
        defects_today,
    })
}

/// What `stats --json` prints (every field documented in README).
#[derive(Debug, Serialize)]
pub struct StatsJson<'a> {
    /// Layout version.
    pub schema: u32,
    /// The local day the figures are about.
    pub day: NaiveDate,
    /// When they were computed (RFC 3339 UTC).
    pub generated_at: DateTime<Utc>,
    /// The queue figures.
    pub queue: &'a QueueFigures,
    /// Whether the campaign has its election date set.
    pub configured: bool,
    /// Valid signatures against the target, today's pace, time to the target.
    pub totals: &'a Totals,
    /// Regions with valid signatures, most first, against their caps.
    pub regions: &'a [RegionFigures],
    /// Desks that worked today, by name.
    pub desks: &'a [DeskFigures],
    /// Today's defects by rule code.
    pub defects_today: &'a [DefectCount],
}

impl<'a> StatsJson<'a> {
    /// The JSON document for these figures.
    pub fn new(stats: &'a Stats) -> StatsJson<'a> {
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
        }
    }
}

fn wait(lang: Lang, secs: Option<u32>) -> String {
    secs.map_or_else(|| "—".into(), |s| short_duration(s, lang == Lang::Ru))
}

/// The figures as aligned text lines: the queue, then the board.
pub fn text(lang: Lang, campaign: &Campaign, regions: &RegionCatalog, stats: &Stats) -> String {
    let mut out = queue_text(lang, campaign, stats.now, &stats.queue);
    board_text::write(&mut out, lang, regions, stats);
    out
}

fn queue_text(lang: Lang, campaign: &Campaign, now: DateTime<Utc>, q: &QueueFigures) -> String {
    let t = |x: QueueText| x.text(lang);
    let mut out = String::new();
    let day = campaign.local_time(now).format("%Y-%m-%d %H:%M");
    let _ = writeln!(
        out,
        "{} · {} {day}",
        campaign.point,
        t(QueueText::QueueTitle)
    );
    let eta = match q.eta_secs {
        Some(s) => short_duration(s, lang == Lang::Ru),
        None => t(QueueText::NoEstimate).into(),
    };
    let no_show = q
        .no_show_rate
        .map_or_else(|| "—".into(), |r| format!("{:.0} %", r * 100.0));
    let today = lang
        .pick(
            "{i} issued · {s} served · {n} no-show · {l} left",
            "{i} выдано · {s} принято · {n} не подошли · {l} ушли",
        )
        .replace("{i}", &q.issued_today.to_string())
        .replace("{s}", &q.served_today.to_string())
        .replace("{n}", &q.no_shows_today.to_string())
        .replace("{l}", &q.left_today.to_string());
    let rows = [
        (t(QueueText::Waiting), q.waiting.to_string()),
        (t(QueueText::LongestWait), wait(lang, q.longest_wait_secs)),
        (t(QueueText::MedianWait), wait(lang, q.median_wait_secs)),
        (t(QueueText::ServiceTime), wait(lang, q.avg_service_secs)),
        (t(QueueText::ActiveDesks), q.active_desks.to_string()),
        (t(QueueText::Eta), eta),
        (t(QueueText::ServedPerHour), q.served_last_hour.to_string()),
        (t(QueueText::NoShowRate), no_show),
        (t(QueueText::Today), today),
    ];
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
                lang.pick("serving", "талон"),
                d.served_today,
                lang.pick("served", "принято"),
                wait(lang, d.avg_service_secs),
                lang.pick("per person", "на человека"),
            );
        }
    }
    out
}
