//! The shift lead's messages about paper sheets: `sigdesk sheets`, their certification, and
//! the sheet defects `check` reports.

use super::{DetailText, Lang, Phrase, listed};
use crate::domain::Certification;
use crate::domain::certify::{CertifyProblem, SheetProblem};
use std::borrow::Cow;

/// What `sigdesk sheets` (and `check`, for sheets) says.
#[derive(Debug, Clone, Copy)]
pub enum SheetText<'a> {
    /// No sheet has the number given.
    NoSuchSheet(u32),
    /// `sheets close N` succeeded.
    Closed(u32),
    /// `sheets close N` on a closed sheet (nothing to do), closed at this local time.
    AlreadyClosed {
        /// Sheet number.
        number: u32,
        /// When it was closed.
        at: &'a str,
    },
    /// `sheets close --all-open` closed these sheets.
    OpenClosed(&'a [u32]),
    /// `sheets certify` succeeded.
    Certified {
        /// Sheet number.
        number: u32,
        /// Its region, labelled.
        region: &'a str,
        /// The certification.
        cert: &'a Certification,
    },
    /// `sheets certify` on a sheet certified before.
    AlreadyCertified {
        /// Sheet number.
        number: u32,
        /// The certification it has.
        cert: &'a Certification,
    },
    /// `sheets certify` refused: every reason, one line.
    Refused {
        /// Sheet number.
        number: u32,
        /// Its region, labelled.
        region: &'a str,
        /// Why.
        problems: &'a [CertifyProblem],
    },
    /// What is wrong with a stored sheet and what to do, for `check`.
    Problem {
        /// Sheet number.
        number: u32,
        /// Its region, labelled.
        region: &'a str,
        /// What is wrong.
        problem: &'a SheetProblem,
    },
    /// A few words for a sheet problem in the `sheets` table.
    ProblemShort(&'a SheetProblem),
    /// Column of the `sheets` table.
    ColSheet,
    /// Column of the `sheets` table.
    ColRegion,
    /// Column of the `sheets` table.
    ColDesk,
    /// Column of the `sheets` table.
    ColOpened,
    /// Column of the `sheets` table.
    ColClosed,
    /// Column of the `sheets` table.
    ColLines,
    /// Column of the `sheets` table.
    ColValid,
    /// Column of the `sheets` table.
    ColVoid,
    /// Column of the `sheets` table.
    ColCertified,
    /// Column of the `sheets` table.
    ColProblems,
    /// `open` in the closed column of the table.
    StillOpen,
    /// No sheet opened yet.
    NoSheets,
}

impl Phrase for SheetText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use SheetText::*;
        match *self {
            NoSuchSheet(number) => say!(
                lang,
                "there is no sheet {number}; `sigdesk sheets` lists them",
                "листа {number} нет; список листов: `sigdesk sheets`",
            ),
            Closed(number) => say!(
                lang,
                "closed sheet {number}; the next signer of its region starts a new sheet at that desk",
                "лист {number} закрыт; следующий подписант этого региона за этим столом начнёт новый лист",
            ),
            AlreadyClosed { number, at } => say!(
                lang,
                "sheet {number} is closed already (since {at})",
                "лист {number} уже закрыт ({at})",
            ),
            OpenClosed([]) => say!(lang, "no open sheet to close", "открытых листов нет"),
            OpenClosed(numbers) => say!(
                lang,
                "closed {} open sheets: {}",
                "закрыто открытых листов: {}: {}",
                numbers.len(),
                listed(numbers),
            ),
            Certified {
                number,
                region,
                cert,
            } => say!(
                lang,
                "sheet {number} ({region}) certified by {} on {}",
                "лист {number} ({region}) заверен сборщиком {} {}",
                cert.collector,
                cert.on,
            ),
            AlreadyCertified { number, cert } => say!(
                lang,
                "sheet {number} is already certified by {} on {}; a sheet is certified once",
                "лист {number} уже заверен сборщиком {} {}; лист заверяется один раз",
                cert.collector,
                cert.on,
            ),
            Refused {
                number,
                region,
                problems,
            } => {
                let reasons = problems
                    .iter()
                    .map(|problem| certify_problem(lang, number, region, problem))
                    .collect::<Vec<_>>()
                    .join("; ");
                say!(
                    lang,
                    "sheet {number} not certified: {reasons}",
                    "лист {number} не заверен: {reasons}",
                )
            }
            Problem {
                number,
                region,
                problem,
            } => sheet_problem(lang, number, region, problem),
            ProblemShort(problem) => match problem {
                SheetProblem::OpenPastDay { .. } => {
                    say!(lang, "open past its day", "открыт с прошлого дня")
                }
                SheetProblem::Uncertified => say!(lang, "uncertified", "не заверен"),
                SheetProblem::CollectorNotListed { .. } => {
                    say!(lang, "collector not listed", "сборщик не в списке")
                }
                SheetProblem::CertifiedBeforeSignature { .. } => {
                    say!(lang, "certified before a signature", "заверен до подписи")
                }
            },
            ColSheet => say!(lang, "sheet", "лист"),
            ColRegion => say!(lang, "region", "регион"),
            ColDesk => say!(lang, "desk", "стол"),
            ColOpened => say!(lang, "opened", "открыт"),
            ColClosed => say!(lang, "closed", "закрыт"),
            ColLines => say!(lang, "lines", "строк"),
            ColValid => say!(lang, "valid", "действ"),
            ColVoid => say!(lang, "void", "аннул"),
            ColCertified => say!(lang, "certified", "заверен"),
            ColProblems => say!(lang, "problems", "замечания"),
            StillOpen => say!(lang, "open", "открыт"),
            NoSheets => say!(
                lang,
                "no sheets yet: a desk opens one with its first signer of a region",
                "листов пока нет: стол открывает лист с первым подписантом региона",
            ),
        }
    }
}

/// One reason `sheets certify` refused sheet `number` of `region`.
fn certify_problem(lang: Lang, number: u32, region: &str, p: &CertifyProblem) -> Cow<'static, str> {
    match p {
        CertifyProblem::SheetOpen => say!(
            lang,
            "it is still open; close it first with `sigdesk sheets close {number}`",
            "он ещё открыт; сначала закройте его: `sigdesk sheets close {number}`",
        ),
        CertifyProblem::NoValidLines => say!(
            lang,
            "it has no valid line, so there is nothing to certify",
            "на нём нет ни одной действующей строки, заверять нечего",
        ),
        CertifyProblem::UnknownCollector { name } => say!(
            lang,
            "no collector named “{name}” is listed; check the spelling with `sigdesk collectors list` or add them with `sigdesk collectors add`",
            "сборщика «{name}» нет в списке; проверьте написание (`sigdesk collectors list`) или добавьте его (`sigdesk collectors add`)",
        ),
        CertifyProblem::CollectorNotListed { collector, .. } => say!(
            lang,
            "{collector} is not on the notarised list for {region}; only a collector listed for the sheet's region may certify it",
            "{collector} нет в нотариальном списке сборщиков для региона {region}; заверить лист может только сборщик, внесённый в список этого региона",
        ),
        CertifyProblem::DetailsMissing { collector, missing } => {
            let name = collector;
            lang.t(DetailText::Missing { name, missing })
        }
        CertifyProblem::BeforeSignature {
            date,
            line,
            signed_on,
        } => say!(
            lang,
            "{date} is before the signing date {signed_on} on line {line}; the certification date must be on or after every signer's date",
            "{date} раньше даты подписи {signed_on} в строке {line}; дата заверения должна быть не раньше даты каждого подписанта",
        ),
        CertifyProblem::InFuture { date, today } => say!(
            lang,
            "{date} is in the future (today is {today})",
            "{date} — дата в будущем (сегодня {today})",
        ),
    }
}

/// What is wrong with sheet `number` of `region` and what to do.
fn sheet_problem(lang: Lang, number: u32, region: &str, p: &SheetProblem) -> Cow<'static, str> {
    match p {
        SheetProblem::OpenPastDay { opened_on } => say!(
            lang,
            "still open since {opened_on}; close it (`sigdesk sheets close {number}`) and have it certified",
            "открыт с {opened_on}; закройте его (`sigdesk sheets close {number}`) и заверьте",
        ),
        SheetProblem::Uncertified => say!(
            lang,
            "closed but not certified; the collector certifies it with `sigdesk sheets certify {number} --collector NAME --date YYYY-MM-DD`",
            "закрыт, но не заверен; сборщик заверяет его: `sigdesk sheets certify {number} --collector ФИО --date ГГГГ-ММ-ДД`",
        ),
        SheetProblem::CollectorNotListed { collector, .. } => say!(
            lang,
            "certified by {collector}, who is not on the notarised list for {region}; every signature on it will be rejected",
            "заверен сборщиком {collector}, которого нет в нотариальном списке для региона {region}; все подписи листа будут отклонены",
        ),
        SheetProblem::CertifiedBeforeSignature {
            certified_on,
            line,
            signed_on,
        } => say!(
            lang,
            "certified on {certified_on}, before the signing date {signed_on} on line {line}; the certification date must be on or after every signer's date",
            "заверен {certified_on}, раньше даты подписи {signed_on} в строке {line}; дата заверения должна быть не раньше даты каждого подписанта",
        ),
    }
}
