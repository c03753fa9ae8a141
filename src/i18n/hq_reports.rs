//! The words of `hq stats` and `hq check`; their files in `app/hq/` lay them out.

use super::{Lang, Phrase, ru_plural};
use crate::domain::RegionCatalog;
use crate::domain::hq::{CollisionSide, HqFinding};
use std::borrow::Cow;

/// What `hq stats` and `hq check` say.
#[derive(Debug, Clone, Copy)]
pub enum HqReportText<'a> {
    /// The first line of `hq stats`: the campaign's valid total against the target.
    Campaign {
        /// Valid entries over every point.
        valid: u64,
        /// The target.
        target: u32,
    },
    /// Column: point.
    ColPoint,
    /// Column: end of the last good sync.
    ColLastSync,
    /// Column: valid entries.
    ColValid,
    /// Column: voided entries.
    ColVoided,
    /// Column: valid entries in the last hour.
    ColLastHour,
    /// Column: region.
    ColRegion,
    /// Column: cap.
    ColCap,
    /// A point that never synced.
    Never,
    /// The first line of `hq check`.
    CheckSummary {
        /// Findings.
        findings: usize,
        /// Of which errors.
        errors: usize,
    },
    /// One finding, region names from the catalogue.
    Finding(&'a HqFinding, &'a RegionCatalog),
}

fn side(lang: Lang, s: &CollisionSide) -> Cow<'static, str> {
    let (point, sheet, line) = (&s.point, s.sheet, s.line);
    let date = s.signed_on.format("%d.%m.%Y");
    say!(
        lang,
        "{point} sheet {sheet} line {line} ({date})",
        "{point} лист {sheet} строка {line} ({date})",
    )
}

impl Phrase for HqReportText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match *self {
            HqReportText::Campaign { valid, target } => {
                let percent = valid * 100 / u64::from(target.max(1));
                let signatures = ru_plural(valid, ["подпись", "подписи", "подписей"]);
                say!(
                    lang,
                    "campaign: {valid} valid of the target {target} ({percent}%)",
                    "кампания: {valid} {signatures} из цели {target} ({percent}%)",
                )
            }
            HqReportText::ColPoint => say!(lang, "point", "пункт"),
            HqReportText::ColLastSync => say!(lang, "last sync", "синхронизация"),
            HqReportText::ColValid => say!(lang, "valid", "действ."),
            HqReportText::ColVoided => say!(lang, "voided", "зачёрк."),
            HqReportText::ColLastHour => say!(lang, "last hour", "за час"),
            HqReportText::ColRegion => say!(lang, "region", "регион"),
            HqReportText::ColCap => say!(lang, "cap", "предел"),
            HqReportText::Never => say!(lang, "never", "не было"),
            HqReportText::CheckSummary { findings, errors } => say!(
                lang,
                "hq check: {findings} findings, {errors} errors",
                "проверка штаба: замечаний {findings}, ошибок {errors}",
            ),
            HqReportText::Finding(finding, regions) => finding_text(lang, finding, regions),
        }
    }
}

fn finding_text(lang: Lang, finding: &HqFinding, regions: &RegionCatalog) -> Cow<'static, str> {
    let region_name = |code: &str| {
        regions.by_code(code).map_or_else(
            || code.to_string(),
            |r| format!("{code} {}", r.display_name(lang == Lang::Ru)),
        )
    };
    match finding {
        HqFinding::SameDocument(c) => say!(
            lang,
            "the same document at {} and {}: the later signature does not count",
            "один документ в {} и {}: поздняя подпись не засчитывается",
            side(lang, &c.first),
            side(lang, &c.second),
        ),
        HqFinding::SamePerson(c) => say!(
            lang,
            "the same person with two documents at {} and {}",
            "один человек с двумя документами в {} и {}",
            side(lang, &c.first),
            side(lang, &c.second),
        ),
        HqFinding::OverCap { region, total, cap } => say!(
            lang,
            "{}: {total} valid over the cap {cap}",
            "{}: {total} действующих сверх предела {cap}",
            region_name(region),
        ),
        HqFinding::Silent {
            point,
            last_sync: Some(at),
        } => say!(
            lang,
            "{point}: no sync for over an hour (last {} UTC); is its sync running?",
            "{point}: нет синхронизации больше часа (последняя {} UTC); работает ли там sync?",
            at.format("%Y-%m-%d %H:%M"),
        ),
        HqFinding::Silent {
            point,
            last_sync: None,
        } => say!(
            lang,
            "{point}: never synced; set hq_url and hq_secret there and run sync",
            "{point}: ни разу не синхронизировался; задайте там hq_url и hq_secret и запустите sync",
        ),
        HqFinding::LikelyWrongSecret {
            point,
            shared_regions,
        } => say!(
            lang,
            "{point}: none of its entries matches another point's, though it collects in {} where points do match: its campaign secret is likely wrong (type it again there: sigdesk campaign set hq_secret -)",
            "{point}: ни одна запись не совпала с другими пунктами, хотя он собирает в {}, где совпадения есть: вероятно, неверный секрет кампании (введите заново: sigdesk campaign set hq_secret -)",
            shared_regions.join(", "),
        ),
    }
}
