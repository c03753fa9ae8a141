//! The words of `sigdesk protocol` (DESIGN.md §11).

use super::board::grouped;
use super::{Lang, Phrase, listed};
use crate::domain::protocol::LeftOutReason;
use std::borrow::Cow;
use std::path::Path;

/// What `sigdesk protocol` says.
#[derive(Debug, Clone, Copy)]
pub enum ProtocolText<'a> {
    /// The first line.
    Title {
        /// Collection point.
        point: &'a str,
        /// The local date.
        day: chrono::NaiveDate,
        /// Campaign `region_cap`.
        region_cap: u32,
        /// Campaign `abroad_cap`.
        abroad_cap: u32,
    },
    /// Column of the table.
    ColRegion,
    /// Column of the table.
    ColSheets,
    /// Column of the table.
    ColSignatures,
    /// Column of the table.
    ColCap,
    /// Column of the table: the sheet numbers.
    ColNumbers,
    /// The totals row.
    Total,
    /// The `abroad` row: every foreign state together.
    Abroad,
    /// No sheet can be handed in yet.
    NothingToHandIn,
    /// Heading of the sheets left out.
    LeftOut(usize),
    /// One sheet left out.
    LeftOutLine {
        /// Collection point.
        origin: &'a str,
        /// Sheet number.
        number: u32,
        /// Its region, labelled.
        region: &'a str,
        /// Its valid lines.
        lines: u32,
        /// Why.
        reason: &'a LeftOutReason,
    },
    /// Valid lines on other points' sheets, not in this protocol.
    OtherPoints(u64),
    /// `--out` wrote the file.
    Written(&'a Path),
}

impl Phrase for ProtocolText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use ProtocolText::*;
        match *self {
            Title {
                point,
                day,
                region_cap,
                abroad_cap,
            } => say!(
                lang,
                "Protocol of point {point} on {day}: sheets to hand in within the caps ({} per federal subject, {} abroad)",
                "Протокол пункта {point} на {day}: листы к сдаче в пределах ({} на субъект, {} за рубежом)",
                grouped(lang, u64::from(region_cap)),
                grouped(lang, u64::from(abroad_cap)),
            ),
            ColRegion => say!(lang, "region", "субъект"),
            ColSheets => say!(lang, "sheets", "листов"),
            ColSignatures => say!(lang, "signatures", "подписей"),
            ColCap => say!(lang, "cap", "предел"),
            ColNumbers => say!(lang, "sheet numbers", "номера листов"),
            Total => say!(lang, "total", "итого"),
            Abroad => say!(
                lang,
                "abroad (every foreign state)",
                "abroad (все иностранные государства)",
            ),
            NothingToHandIn => say!(
                lang,
                "No sheet can be handed in yet: sheets must be closed and certified (sigdesk sheets)",
                "Сдавать пока нечего: листы должны быть закрыты и заверены (sigdesk sheets)",
            ),
            LeftOut(n) => say!(lang, "Left out ({n} sheets):", "Не сдаются ({n} листов):"),
            LeftOutLine {
                origin,
                number,
                region,
                lines,
                reason,
            } => match lines {
                1 => say!(
                    lang,
                    "  {origin} sheet {number} ({region}), 1 line: {}",
                    "  {origin} лист {number} ({region}), строк: 1: {}",
                    reason_text(lang, reason),
                ),
                _ => say!(
                    lang,
                    "  {origin} sheet {number} ({region}), {} lines: {}",
                    "  {origin} лист {number} ({region}), строк: {}: {}",
                    grouped(lang, u64::from(lines)),
                    reason_text(lang, reason),
                ),
            },
            OtherPoints(n) => say!(
                lang,
                "{} valid lines are on other points' sheets: their points hand them in",
                "{} действительных строк на листах других пунктов: их сдают те пункты",
                grouped(lang, n),
            ),
            Written(path) => say!(
                lang,
                "protocol written to {}",
                "протокол записан в {}",
                path.display(),
            ),
        }
    }
}

fn reason_text(lang: Lang, reason: &LeftOutReason) -> Cow<'static, str> {
    match reason {
        LeftOutReason::Open => say!(
            lang,
            "still open: close and certify it",
            "ещё открыт: закройте и заверьте"
        ),
        LeftOutReason::Uncertified => {
            say!(lang, "not certified by a collector", "не заверен сборщиком")
        }
        LeftOutReason::Errors(codes) => {
            say!(lang, "error-level defects: {}", "ошибки: {}", listed(codes))
        }
        LeftOutReason::Empty => say!(lang, "no valid line", "нет действительных строк"),
        LeftOutReason::OverCap => say!(lang, "over the region's cap", "сверх предела субъекта"),
    }
}
