//! The paper check's words: `sigdesk paper`, the Paper check screen and the board's line
//! (DESIGN.md §11).

use super::board::grouped;
use super::{Lang, Phrase, listed};
use crate::domain::forecast::Estimate;
use crate::domain::paper::PaperCode;
use std::borrow::Cow;

/// What the paper check says.
#[derive(Debug, Clone, Copy)]
pub enum PaperText<'a> {
    /// `paper sample` added lines.
    Drawn {
        /// Lines added.
        drawn: u64,
        /// Valid lines not yet sampled that they were drawn from.
        population: u64,
        /// Lines in the sample now.
        total: u64,
        /// The seed (to draw the same lines again).
        seed: u64,
    },
    /// `paper sample` found no valid line left to draw.
    NothingToDraw,
    /// No line has been drawn yet.
    NoSample,
    /// `paper mark` recorded a finding; `before` is the earlier mark.
    Marked {
        /// Sheet number.
        sheet: u32,
        /// Line number.
        line: u32,
        /// What was found.
        code: PaperCode,
        /// The mark it replaced.
        before: Option<PaperCode>,
    },
    /// The line named is not in the sample.
    NotInSample {
        /// Sheet number.
        sheet: u32,
        /// Line number.
        line: u32,
    },
    /// Lines of several points share that sheet and line.
    WhichPoint {
        /// Sheet number.
        sheet: u32,
        /// Line number.
        line: u32,
        /// The points.
        origins: &'a [String],
    },
    /// The code typed is not a paper code.
    UnknownCode(&'a str),
    /// `paper.other` without a note.
    NoteNeeded,
    /// The share with its interval: `3.1% (1.8–5.2%)`.
    Share(&'a Estimate),
    /// A probability in percent, `< 0.1%` and `> 99.9%` at the ends.
    Probability(f64),
    /// The board's line: `paper check: 3.1% (1.8–5.2%), 212 lines`.
    BoardLine(&'a Estimate),
    /// First line of the report: how far through the sample the lead is.
    Progress {
        /// Lines in the sample.
        sampled: u64,
        /// Lines checked that still count.
        checked: u64,
        /// Lines still to check.
        unchecked: u64,
        /// Sampled lines voided since.
        voided: u64,
    },
    /// The report's share line.
    Invalid(&'a Estimate),
    /// The report's line about the authority's check.
    Authority {
        /// Lines it draws.
        sample: u64,
        /// Invalid lines at which it refuses.
        threshold: u64,
        /// The limit in percent.
        limit_pct: u32,
    },
    /// The report's refusal line.
    Refusal(f64),
    /// Nothing checked yet, so no forecast.
    NoForecast,
    /// Heading of the per-desk part.
    ByDesk,
    /// Heading of the per-operator part.
    ByOperator,
    /// Heading of the per-collector part.
    ByCollector,
    /// The collector of uncertified sheets.
    Uncertified,
    /// One group line: `12 of 80 invalid`.
    GroupCount(&'a Estimate),
    /// `refusal 45%` in a group line.
    GroupRefusal(f64),
    /// Column of `paper list`.
    ColPosition,
    /// Column of `paper list`.
    ColSheet,
    /// Column of `paper list`.
    ColLine,
    /// Column of `paper list`.
    ColPoint,
    /// Column of `paper list`.
    ColDesk,
    /// Column of `paper list`.
    ColOperator,
    /// Column of `paper list`.
    ColFound,
    /// Column of `paper list`.
    ColNote,
    /// A sampled line not checked yet.
    NotChecked,
    /// Title of the paper check screen.
    ScreenTitle {
        /// Lines checked.
        checked: usize,
        /// Lines in the sample.
        sampled: usize,
    },
    /// Where the line on screen is in the walk, and who wrote it.
    Place {
        /// Its place, from 1.
        position: usize,
        /// Lines in the sample.
        sampled: usize,
        /// Collection point.
        origin: &'a str,
        /// Desk.
        desk: &'a str,
        /// Operator.
        operator: &'a str,
    },
    /// Title of the sheet and line panel.
    FindOnPaper,
    /// Label of what the lead found on the line.
    Found,
    /// The prompt of the note for `paper.other`.
    NotePrompt,
    /// The lead PIN asked before the paper check opens.
    PinPrompt {
        /// Digits typed so far.
        typed: usize,
    },
    /// A sampled line voided since.
    VoidedSince,
}

impl Phrase for PaperText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use PaperText::*;
        match *self {
            Drawn {
                drawn,
                population,
                total,
                seed,
            } => say!(
                lang,
                "drew {} of {} valid lines not yet sampled (seed {seed}); the sample holds {} lines. Compare them with the paper: F7 in the app, or sigdesk paper mark SHEET LINE CODE",
                "выбрано {} из {} ещё не проверявшихся строк (seed {seed}); в выборке {} строк. Сверьте их с бумагой: F7 в программе или sigdesk paper mark ЛИСТ СТРОКА КОД",
                grouped(lang, drawn),
                grouped(lang, population),
                grouped(lang, total),
            ),
            NothingToDraw => say!(
                lang,
                "no valid line is left to draw: every one is in the sample already",
                "выбирать не из чего: все действительные строки уже в выборке",
            ),
            NoSample => say!(
                lang,
                "no sample yet: sigdesk paper sample --size 400",
                "выборки ещё нет: sigdesk paper sample --size 400",
            ),
            Marked {
                sheet,
                line,
                code,
                before: None,
            } => say!(
                lang,
                "sheet {sheet} line {line}: {}",
                "лист {sheet}, строка {line}: {}",
                code.code(),
            ),
            Marked {
                sheet,
                line,
                code,
                before: Some(before),
            } => say!(
                lang,
                "sheet {sheet} line {line}: {} (was {})",
                "лист {sheet}, строка {line}: {} (было {})",
                code.code(),
                before.code(),
            ),
            NotInSample { sheet, line } => say!(
                lang,
                "sheet {sheet} line {line} is not in the paper sample; `sigdesk paper list` shows it",
                "листа {sheet} строки {line} нет в выборке; её показывает `sigdesk paper list`",
            ),
            WhichPoint {
                sheet,
                line,
                origins,
            } => say!(
                lang,
                "sheet {sheet} line {line} is in the sample for several points ({}): add --origin POINT",
                "лист {sheet}, строка {line} есть в выборке у нескольких пунктов ({}): добавьте --origin ПУНКТ",
                listed(origins),
            ),
            UnknownCode(code) => say!(
                lang,
                "`{code}` is not a paper code; use one of: {}",
                "`{code}` — не код проверки; возможные: {}",
                listed(PaperCode::ALL.map(PaperCode::code)),
            ),
            NoteNeeded => say!(
                lang,
                "paper.other needs a note saying what is wrong (--note TEXT)",
                "для paper.other нужно пояснение, что не так (--note ТЕКСТ)",
            ),
            Share(e) => Cow::Owned(share(lang, e)),
            Probability(p) => Cow::Owned(probability(lang, p)),
            BoardLine(e) => say!(
                lang,
                "paper check: {}, {} lines",
                "проверка бумаги: {}, строк: {}",
                share(lang, e),
                grouped(lang, e.checked),
            ),
            Progress {
                sampled,
                checked,
                unchecked,
                voided,
            } => say!(
                lang,
                "Paper check: {} lines checked of {} sampled ({} to check, {} voided since)",
                "Проверка бумаги: проверено {} из {} строк выборки (осталось {}, аннулировано с тех пор {})",
                grouped(lang, checked),
                grouped(lang, sampled),
                grouped(lang, unchecked),
                grouped(lang, voided),
            ),
            Invalid(e) => say!(
                lang,
                "Invalid: {} = {}% (95% interval {}–{}%)",
                "Недействительны: {} = {}% (95% интервал {}–{}%)",
                of_checked(lang, e),
                percent(lang, e.share),
                percent(lang, e.low),
                percent(lang, e.high),
            ),
            Authority {
                sample,
                threshold,
                limit_pct,
            } => say!(
                lang,
                "The authority checks {} lines and refuses at {} invalid ({limit_pct}%)",
                "Комиссия проверяет {} строк и отказывает при {} недействительных ({limit_pct}%)",
                grouped(lang, sample),
                grouped(lang, threshold),
            ),
            Refusal(p) => say!(
                lang,
                "Probability of refusal: {}",
                "Вероятность отказа: {}",
                probability(lang, p),
            ),
            NoForecast => say!(
                lang,
                "No line checked yet, so no forecast: mark lines on the Paper check screen (F7) or with sigdesk paper mark",
                "Ни одна строка ещё не проверена, прогноза нет: отмечайте строки на экране «Проверка бумаги» (F7) или sigdesk paper mark",
            ),
            ByDesk => say!(lang, "By desk, worst first:", "По столам, худшие первыми:"),
            ByOperator => say!(
                lang,
                "By operator, worst first:",
                "По операторам, худшие первыми:"
            ),
            ByCollector => say!(
                lang,
                "By collector of the sheet, worst first:",
                "По сборщикам листа, худшие первыми:",
            ),
            Uncertified => say!(lang, "(not certified)", "(не заверен)"),
            GroupCount(e) => say!(lang, "{} invalid", "{} недейств.", of_checked(lang, e)),
            GroupRefusal(p) => say!(lang, "refusal {}", "отказ {}", probability(lang, p)),
            ColPosition => say!(lang, "#", "№"),
            ColSheet => say!(lang, "sheet", "лист"),
            ColLine => say!(lang, "line", "строка"),
            ColPoint => say!(lang, "point", "пункт"),
            ColDesk => say!(lang, "desk", "стол"),
            ColOperator => say!(lang, "operator", "оператор"),
            ColFound => say!(lang, "found", "итог"),
            ColNote => say!(lang, "note", "пояснение"),
            NotChecked => say!(lang, "not checked", "не проверена"),
            ScreenTitle { checked, sampled } => say!(
                lang,
                "Paper check · {checked} of {sampled} checked",
                "Проверка бумаги · проверено {checked} из {sampled}",
            ),
            Place {
                position,
                sampled,
                origin,
                desk,
                operator,
            } => say!(
                lang,
                "Line {position} of {sampled} · point {origin} · {desk} · {operator}",
                "Строка {position} из {sampled} · пункт {origin} · {desk} · {operator}",
            ),
            FindOnPaper => say!(lang, "Find on paper", "Найдите на бумаге"),
            Found => say!(lang, "Found", "Итог"),
            NotePrompt => say!(lang, "What is wrong on paper", "Что не так на бумаге"),
            PinPrompt { typed } => say!(
                lang,
                "Paper check: the shift lead's PIN {}▏",
                "Проверка бумаги: PIN руководителя {}▏",
                "•".repeat(typed),
            ),
            VoidedSince => say!(lang, "voided since", "аннулирована"),
        }
    }
}

/// A share as a percent with one decimal, the decimal comma in Russian.
fn percent(lang: Lang, share: f64) -> String {
    let text = format!("{:.1}", share * 100.0);
    match lang {
        Lang::En => text,
        Lang::Ru => text.replace('.', ","),
    }
}

/// `3.1% (1.8–5.2%)`.
fn share(lang: Lang, e: &Estimate) -> String {
    format!(
        "{}% ({}–{}%)",
        percent(lang, e.share),
        percent(lang, e.low),
        percent(lang, e.high)
    )
}

/// A probability in percent; the ends say `< 0.1%` and `> 99.9%` rather than round to a
/// certainty the sample cannot give.
fn probability(lang: Lang, p: f64) -> String {
    if p < 0.001 {
        format!("< {}%", percent(lang, 0.001))
    } else if p > 0.999 {
        format!("> {}%", percent(lang, 0.999))
    } else {
        format!("{}%", percent(lang, p))
    }
}

/// `12 of 80`: the invalid lines of the lines checked.
fn of_checked(lang: Lang, e: &Estimate) -> Cow<'static, str> {
    let (invalid, checked) = (grouped(lang, e.invalid), grouped(lang, e.checked));
    say!(lang, "{invalid} of {checked}", "{invalid} из {checked}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn estimate(invalid: u64, checked: u64) -> Estimate {
        crate::domain::forecast::estimate(invalid, checked).expect("checked")
    }

    #[test]
    fn the_board_line_reads_as_the_issue_shows_it() {
        let e = Estimate {
            checked: 212,
            invalid: 7,
            share: 0.031,
            low: 0.018,
            high: 0.052,
        };
        assert_eq!(
            Lang::En.t(PaperText::BoardLine(&e)),
            "paper check: 3.1% (1.8–5.2%), 212 lines"
        );
        assert_eq!(
            Lang::Ru.t(PaperText::BoardLine(&e)),
            "проверка бумаги: 3,1% (1,8–5,2%), строк: 212"
        );
        assert_eq!(
            Lang::En.t(PaperText::Share(&estimate(40, 400))),
            "10.0% (7.4–13.3%)"
        );
    }

    #[test]
    fn probabilities_never_claim_certainty() {
        let rows = [
            (0.0, "< 0.1%"),
            (0.000_4, "< 0.1%"),
            (0.212_1, "21.2%"),
            (0.999_98, "> 99.9%"),
            (1.0, "> 99.9%"),
        ];
        for (p, want) in rows {
            assert_eq!(Lang::En.t(PaperText::Probability(p)), want);
        }
        assert_eq!(Lang::Ru.t(PaperText::Probability(0.5)), "50,0%");
    }
}
