//! The board part of `sigdesk stats` as text: totals, desks, regions, defects today.

use crate::domain::RegionCatalog;
use crate::domain::Severity;
use crate::domain::board::{CapLevel, min_sec};
use crate::domain::queue::ticket_label;
use crate::i18n::{BoardText, Lang, PaperText};
use crate::ops::stats::Stats;
use std::fmt::Write;

/// Appends the board sections to `out`.
pub(super) fn write(out: &mut String, lang: Lang, regions: &RegionCatalog, stats: &Stats) {
    let t = |x: BoardText| lang.t(x);
    let b = &stats.board;
    let _ = writeln!(out, "{}", t(BoardText::Target));
    let _ = writeln!(out, "  {}", t(BoardText::Gauge(&b.totals)));
    let _ = writeln!(out, "  {}", t(BoardText::Pace(&b.totals)));
    if !b.configured {
        let _ = writeln!(out, "  {}", t(BoardText::NotConfigured));
    }
    let _ = writeln!(out, "{}", t(BoardText::Desks));
    if b.desks.is_empty() {
        let _ = writeln!(out, "  {}", t(BoardText::NoDesks));
    }
    for d in &b.desks {
        let _ = writeln!(
            out,
            "  {:<12} {:<14} {:>4}{} · {} {} · {} {} · {} {}",
            d.desk,
            d.operator.as_deref().unwrap_or("—"),
            d.signers_last_hour,
            t(BoardText::ColPerHour),
            d.avg_secs_per_signer.map_or_else(|| "—".into(), min_sec),
            t(BoardText::ColPerSigner),
            t(BoardText::Count(u64::from(d.entries_today))),
            t(BoardText::ColToday),
            t(BoardText::ColTicket),
            d.serving.map_or_else(|| "—".into(), ticket_label),
        );
    }
    let _ = writeln!(out, "{}", t(BoardText::Regions));
    if b.regions.is_empty() {
        let _ = writeln!(out, "  {}", t(BoardText::NoRegions));
    }
    for r in &b.regions {
        let name = regions.by_code(&r.code).map_or(r.code.as_str(), |region| {
            region.display_name(lang == Lang::Ru)
        });
        let marker = match r.level {
            CapLevel::Below => "",
            CapLevel::Near => " !",
            CapLevel::Reached => " !!",
        };
        let percent = u64::from(r.valid) * 100 / u64::from(r.cap.max(1));
        let _ = writeln!(
            out,
            "  {:<6} {name:<28} {:>7} / {:<7} {percent:>3} %{marker}",
            r.code,
            t(BoardText::Count(u64::from(r.valid))),
            t(BoardText::Count(u64::from(r.cap))),
        );
    }
    if let Some(share) = &stats.paper {
        let _ = writeln!(out, "{}", lang.t(PaperText::BoardLine(share)));
    }
    let _ = writeln!(out, "{}", t(BoardText::Defects));
    if stats.defects_today.is_empty() {
        let _ = writeln!(out, "  {}", t(BoardText::NoDefects));
    }
    for d in &stats.defects_today {
        let mark = match d.severity {
            Severity::Error => "✗",
            Severity::Warning => "!",
        };
        let _ = writeln!(
            out,
            "  {mark} {:<32} {:>6}",
            d.code,
            t(BoardText::Count(u64::from(d.count)))
        );
    }
}
