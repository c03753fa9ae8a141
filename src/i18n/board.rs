//! Strings of the lead board and of the board part of `sigdesk stats`.

use super::Lang;
use crate::domain::board::Totals;
use crate::domain::queue::short_duration;

/// Fixed strings of the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardText {
    /// Title of the target panel.
    Target,
    /// Title of the valid total in big digits (large terminals).
    ValidTotal,
    /// Title of the queue length.
    Waiting,
    /// Title of the longest current wait, in minutes.
    LongestWait,
    /// Title of today's defects.
    Defects,
    /// No defect among today's entries.
    NoDefects,
    /// Today's defects are being checked.
    Checking,
    /// Title of the desks table.
    Desks,
    /// Title of the regions table.
    Regions,
    /// No desk worked today.
    NoDesks,
    /// No valid signature yet.
    NoRegions,
    /// The campaign has no election date yet.
    NotConfigured,
    /// Column: desk name.
    ColDesk,
    /// Column: operator.
    ColOperator,
    /// Column: signers saved in the last hour.
    ColPerHour,
    /// Column: time per signer.
    ColPerSigner,
    /// Column: valid entries today.
    ColToday,
    /// Column: ticket being served.
    ColTicket,
    /// Column: region name.
    ColRegion,
    /// Column: valid signatures of a region.
    ColValid,
    /// Column: the region's cap.
    ColCap,
    /// Legend of the cap markers.
    CapLegend,
}

impl BoardText {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use BoardText::*;
        let (en, ru) = match self {
            Target => ("Valid signatures", "Действительные подписи"),
            ValidTotal => ("Valid in total", "Всего подписей"),
            Waiting => ("Waiting", "Ждут"),
            LongestWait => ("Longest wait, min", "Ждёт дольше, мин"),
            Defects => ("Defects today (check)", "Замечания за сегодня (check)"),
            NoDefects => (
                "No defects in today's entries",
                "В сегодняшних записях замечаний нет",
            ),
            Checking => ("checking today's entries…", "проверка сегодняшних записей…"),
            Desks => ("Desks today", "Столы сегодня"),
            Regions => ("Regions (all days)", "Регионы (за всё время)"),
            NoDesks => (
                "No desk has saved or called anyone today",
                "Сегодня столы ещё никого не приняли",
            ),
            NoRegions => (
                "No valid signatures yet",
                "Действительных подписей пока нет",
            ),
            NotConfigured => (
                "Campaign not configured: sigdesk campaign set election_date YYYY-MM-DD",
                "Кампания не настроена: sigdesk campaign set election_date ГГГГ-ММ-ДД",
            ),
            ColDesk => ("Desk", "Стол"),
            ColOperator => ("Operator", "Оператор"),
            ColPerHour => ("/h", "/ч"),
            ColPerSigner => ("each", "на 1"),
            ColToday => ("today", "сегодня"),
            ColTicket => ("ticket", "талон"),
            ColRegion => ("Region", "Регион"),
            ColValid => ("valid", "подписи"),
            ColCap => ("cap", "предел"),
            CapLegend => (
                "! ≥ 90 % of cap · !! cap reached",
                "! ≥ 90 % предела · !! предел",
            ),
        };
        lang.pick(en, ru)
    }
}

/// A count with thousands separated: `12,345` in English, `12 345` in Russian.
pub fn grouped(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let separator = lang.pick(",", " ");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// Seconds as `m:ss` (a signer takes minutes, not hours).
pub fn min_sec(secs: u32) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// The gauge's label: "12,345 of 100,000 · 12 %".
pub fn gauge_label(lang: Lang, totals: &Totals) -> String {
    lang.pick("{v} of {t} · {p} %", "{v} из {t} · {p} %")
        .replace("{v}", &grouped(lang, totals.valid_total))
        .replace("{t}", &grouped(lang, u64::from(totals.target)))
        .replace("{p}", &format!("{:.0}", totals.share() * 100.0))
}

/// Today's count, the pace and the time to the target, on one line.
pub fn pace_line(lang: Lang, totals: &Totals) -> String {
    let today = lang
        .pick(
            "Today {v} valid, {x} voided",
            "Сегодня {v} действительных, {x} аннулировано",
        )
        .replace("{v}", &grouped(lang, u64::from(totals.valid_today)))
        .replace("{x}", &grouped(lang, u64::from(totals.voided_today)));
    let pace = match (totals.rate_per_hour, totals.eta_secs) {
        (_, Some(0)) => lang.pick("target reached", "цель достигнута").to_string(),
        (Some(rate), Some(eta)) => lang
            .pick("{r}/h · target in ≈ {e}", "{r}/ч · до цели ≈ {e}")
            .replace("{r}", &format!("{rate:.0}"))
            .replace("{e}", &long_duration(lang, eta)),
        _ => lang
            .pick("no pace yet", "темп пока не известен")
            .to_string(),
    };
    format!("{today} · {pace}")
}

/// A time to the target: minutes under a day, else hours ("54 h").
pub fn long_duration(lang: Lang, secs: u64) -> String {
    match u32::try_from(secs) {
        Ok(s) if s < 24 * 3600 => short_duration(s, lang == Lang::Ru),
        _ => lang
            .pick("{h} h", "{h} ч")
            .replace("{h}", &grouped(lang, secs.div_ceil(3600))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_durations_and_the_pace_line_read_well() {
        let rows = [
            (0, "0", "0"),
            (999, "999", "999"),
            (1000, "1,000", "1 000"),
            (1_234_567, "1,234,567", "1 234 567"),
        ];
        for (n, en, ru) in rows {
            assert_eq!(grouped(Lang::En, n), en);
            assert_eq!(grouped(Lang::Ru, n), ru);
        }
        assert_eq!(min_sec(0), "0:00");
        assert_eq!(min_sec(204), "3:24");
        assert_eq!(long_duration(Lang::En, 3 * 3600), "3 h 00 min");
        assert_eq!(long_duration(Lang::En, 54 * 3600 + 1), "55 h");
        assert_eq!(long_duration(Lang::Ru, 1_000 * 3600), "1 000 ч");
        let totals = Totals {
            target: 100_000,
            valid_total: 12_345,
            remaining: 87_655,
            valid_today: 56,
            voided_today: 3,
            valid_last_hour: 40,
            rate_per_hour: Some(40.0),
            eta_secs: Some(87_655 * 90),
        };
        assert_eq!(gauge_label(Lang::En, &totals), "12,345 of 100,000 · 12 %");
        assert_eq!(
            pace_line(Lang::En, &totals),
            "Today 56 valid, 3 voided · 40/h · target in ≈ 2,192 h"
        );
        let idle = Totals {
            rate_per_hour: None,
            eta_secs: None,
            ..totals.clone()
        };
        assert!(pace_line(Lang::Ru, &idle).ends_with("темп пока не известен"));
        let done = Totals {
            eta_secs: Some(0),
            ..totals
        };
        assert!(pace_line(Lang::En, &done).ends_with("target reached"));
    }
}
