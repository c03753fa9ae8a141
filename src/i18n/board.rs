//! Strings of the lead board and of the board part of `sigdesk stats`.

use super::{Lang, Phrase, QueueText, ru_plural};
use crate::domain::board::Totals;
use std::borrow::Cow;

/// What the board says.
#[derive(Debug, Clone, Copy)]
pub enum BoardText<'a> {
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
    /// Title of the points table (HQ's board).
    Points,
    /// No point saved an entry today (HQ's board).
    NoPoints,
    /// Column: point name (HQ's board).
    ColPoint,
    /// Title of HQ's findings (`hq check`) on its board.
    HqFindings,
    /// HQ's check finds nothing.
    NoHqFindings,
    /// HQ holds no election date yet.
    HqNotConfigured,
    /// The key bar of HQ's board.
    HqBoardKeys,
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
    /// A count with thousands separated: `12,345` in English, `12 345` in Russian.
    Count(u64),
    /// The gauge's label: "12,345 of 100,000 · 12 %".
    Gauge(&'a Totals),
    /// Today's count, the pace and the time to the target, on one line.
    Pace(&'a Totals),
    /// A time to the target (seconds): minutes under a day, else hours ("54 h").
    TimeToTarget(u64),
}

impl Phrase for BoardText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use BoardText::*;
        match *self {
            Target => say!(lang, "Valid signatures", "Действительные подписи"),
            ValidTotal => say!(lang, "Valid in total", "Всего подписей"),
            Waiting => say!(lang, "Waiting", "Ждут"),
            LongestWait => say!(lang, "Max wait, min", "Ждёт дольше, мин"),
            Defects => say!(
                lang,
                "Defects today (check)",
                "Замечания за сегодня (check)"
            ),
            NoDefects => say!(
                lang,
                "No defects in today's entries",
                "В сегодняшних записях замечаний нет",
            ),
            Checking => say!(
                lang,
                "checking today's entries…",
                "проверка сегодняшних записей…"
            ),
            Desks => say!(lang, "Desks today", "Столы сегодня"),
            Regions => say!(lang, "Regions (all days)", "Регионы (за всё время)"),
            NoDesks => say!(
                lang,
                "No desk has saved or called anyone today",
                "Сегодня столы ещё никого не приняли",
            ),
            NoRegions => say!(
                lang,
                "No valid signatures yet",
                "Действительных подписей пока нет",
            ),
            NotConfigured => say!(
                lang,
                "Campaign not configured: sigdesk campaign set election_date YYYY-MM-DD",
                "Кампания не настроена: sigdesk campaign set election_date ГГГГ-ММ-ДД",
            ),
            ColDesk => say!(lang, "Desk", "Стол"),
            Points => say!(lang, "Points today", "Пункты сегодня"),
            NoPoints => say!(
                lang,
                "No point has pushed an entry saved today",
                "Сегодняшних записей от пунктов пока нет",
            ),
            ColPoint => say!(lang, "Point", "Пункт"),
            HqFindings => say!(lang, "HQ check", "Проверка штаба"),
            NoHqFindings => say!(
                lang,
                "No duplicates, caps or silent points",
                "Ни повторов, ни превышений, ни молчащих пунктов",
            ),
            HqNotConfigured => say!(
                lang,
                "Campaign not configured: sigdesk hq campaign set election_date YYYY-MM-DD",
                "Кампания не настроена: sigdesk hq campaign set election_date ГГГГ-ММ-ДД",
            ),
            HqBoardKeys => say!(
                lang,
                "Ctrl-Q quit · figures reload every 10 s",
                "Ctrl-Q выход · цифры обновляются каждые 10 с",
            ),
            ColOperator => say!(lang, "Operator", "Оператор"),
            ColPerHour => say!(lang, "/h", "/ч"),
            ColPerSigner => say!(lang, "each", "на 1"),
            ColToday => say!(lang, "today", "сегодня"),
            ColTicket => say!(lang, "ticket", "талон"),
            ColRegion => say!(lang, "Region", "Регион"),
            ColValid => say!(lang, "valid", "подписи"),
            ColCap => say!(lang, "cap", "предел"),
            CapLegend => say!(
                lang,
                "! ≥ 90 % of cap · !! cap reached",
                "! ≥ 90 % предела · !! предел",
            ),
            Count(n) => Cow::Owned(grouped(lang, n)),
            Gauge(totals) => say!(
                lang,
                "{} of {} · {:.0} %",
                "{} из {} · {:.0} %",
                grouped(lang, totals.valid_total),
                grouped(lang, u64::from(totals.target)),
                totals.share() * 100.0,
            ),
            Pace(totals) => {
                let (valid, voided) = (
                    grouped(lang, u64::from(totals.valid_today)),
                    grouped(lang, u64::from(totals.voided_today)),
                );
                let valid_ru = ru_plural(
                    u64::from(totals.valid_today),
                    ["действительная", "действительные", "действительных"],
                );
                let voided_ru = ru_plural(
                    u64::from(totals.voided_today),
                    ["аннулирована", "аннулированы", "аннулировано"],
                );
                let today = say!(
                    lang,
                    "Today {valid} valid, {voided} voided",
                    "Сегодня {valid} {valid_ru}, {voided} {voided_ru}",
                );
                let pace = match (totals.rate_per_hour, totals.eta_secs) {
                    (_, Some(0)) => say!(lang, "target reached", "цель достигнута"),
                    (Some(rate), Some(eta)) => say!(
                        lang,
                        "{rate:.0}/h · target in ≈ {}",
                        "{rate:.0}/ч · до цели ≈ {}",
                        TimeToTarget(eta).say(lang),
                    ),
                    _ => say!(lang, "no pace yet", "темп пока не известен"),
                };
                Cow::Owned(format!("{today} · {pace}"))
            }
            TimeToTarget(secs) => match u32::try_from(secs) {
                Ok(s) if s < 24 * 3600 => QueueText::Duration(s).say(lang),
                _ => say!(lang, "{} h", "{} ч", grouped(lang, secs.div_ceil(3600))),
            },
        }
    }
}

/// `n` with a thousands separator: `,` in English, a space in Russian.
pub(super) fn grouped(lang: Lang, n: u64) -> String {
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
            assert_eq!(Lang::En.t(BoardText::Count(n)), en);
            assert_eq!(Lang::Ru.t(BoardText::Count(n)), ru);
        }
        assert_eq!(Lang::En.t(BoardText::TimeToTarget(3 * 3600)), "3 h 00 min");
        assert_eq!(Lang::En.t(BoardText::TimeToTarget(54 * 3600 + 1)), "55 h");
        assert_eq!(Lang::Ru.t(BoardText::TimeToTarget(1_000 * 3600)), "1 000 ч");
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
        assert_eq!(
            Lang::En.t(BoardText::Gauge(&totals)),
            "12,345 of 100,000 · 12 %"
        );
        assert_eq!(
            Lang::En.t(BoardText::Pace(&totals)),
            "Today 56 valid, 3 voided · 40/h · target in ≈ 2,192 h"
        );
        let idle = Totals {
            rate_per_hour: None,
            eta_secs: None,
            ..totals.clone()
        };
        assert!(
            Lang::Ru
                .t(BoardText::Pace(&idle))
                .ends_with("темп пока не известен")
        );
        let done = Totals {
            eta_secs: Some(0),
            ..totals
        };
        assert!(
            Lang::En
                .t(BoardText::Pace(&done))
                .ends_with("target reached")
        );
    }
}
