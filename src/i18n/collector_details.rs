//! The words about a collector's details: what is wrong with one typed, what a
//! certification still lacks, and the block a collector copies onto the sheet.

use super::{Lang, Phrase};
use crate::domain::Collector;
use crate::domain::collector::{Detail, DetailProblem};
use crate::domain::dates::day_text;
use chrono::NaiveDate;
use std::borrow::Cow;

/// What is said about a collector's details.
#[derive(Debug, Clone, Copy)]
pub enum DetailText<'a> {
    /// A detail's name (`birth date`).
    Name(Detail),
    /// What is wrong with a typed detail: `passport: …`.
    Problem(&'a DetailProblem),
    /// The details refused, every one.
    Refused {
        /// The collector.
        name: &'a str,
        /// What is wrong.
        problems: &'a [DetailProblem],
    },
    /// Listed, but these warnings are worth a look.
    Warnings {
        /// The collector.
        name: &'a str,
        /// The warnings.
        problems: &'a [DetailProblem],
    },
    /// The certification needs details the list lacks, with the command that adds them.
    Missing {
        /// The collector.
        name: &'a str,
        /// What is missing.
        missing: &'a [Detail],
    },
    /// `collectors add` without `--regions` for someone not listed yet.
    NeedsRegions(&'a str),
    /// `collectors add` gave or changed details of a listed collector.
    DetailsSaved(&'a str),
    /// Column of `collectors list`.
    ColDetails,
    /// Every detail is on the list.
    Complete,
    /// Short list of what is missing.
    MissingShort(&'a [Detail]),
    /// The block to copy onto the sheet after `sheets certify`.
    CopyOnto {
        /// The collector as listed.
        collector: &'a Collector,
        /// The certification date.
        date: NaiveDate,
    },
}

impl Phrase for DetailText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use DetailText::*;
        match *self {
            Name(detail) => name(lang, detail),
            Problem(problem) => Cow::Owned(format!(
                "{}: {}",
                name(lang, problem.detail()),
                problem_text(lang, problem)
            )),
            Refused { name, problems } => say!(
                lang,
                "details of {name} not saved: {}",
                "данные сборщика {name} не сохранены: {}",
                joined(lang, problems),
            ),
            Warnings { name, problems } => say!(
                lang,
                "{name} saved, but check: {}",
                "{name}: сохранено, но проверьте: {}",
                joined(lang, problems),
            ),
            Missing { name, missing } => {
                let what = missing
                    .iter()
                    .map(|d| self::name(lang, *d))
                    .collect::<Vec<_>>()
                    .join(", ");
                let options = missing
                    .iter()
                    .map(|d| option(lang, *d))
                    .collect::<Vec<_>>()
                    .join(" ");
                say!(
                    lang,
                    "the notarised list lacks {name}'s {what}, which the certification must carry; add them: sigdesk collectors add \"{name}\" {options}",
                    "в списке сборщиков нет данных {name}, нужных для заверения: {what}; добавьте их: sigdesk collectors add \"{name}\" {options}",
                )
            }
            NeedsRegions(name) => say!(
                lang,
                "{name} is not listed yet: give the regions of the notarised list with --regions, e.g. 77,50",
                "{name} ещё нет в списке: укажите регионы нотариального списка через --regions, например 77,50",
            ),
            DetailsSaved(name) => say!(
                lang,
                "saved the details of {name}",
                "данные сборщика {name} сохранены",
            ),
            ColDetails => say!(lang, "details", "данные"),
            Complete => say!(lang, "complete", "полные"),
            MissingShort(missing) => say!(
                lang,
                "missing: {}",
                "нет: {}",
                missing
                    .iter()
                    .map(|d| self::name(lang, *d))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            CopyOnto { collector, date } => copy_onto(lang, collector, date),
        }
    }
}

fn name(lang: Lang, detail: Detail) -> Cow<'static, str> {
    match detail {
        Detail::Name => say!(lang, "full name", "ФИО"),
        Detail::BirthDate => say!(lang, "birth date", "дата рождения"),
        Detail::Address => say!(lang, "address", "адрес"),
        Detail::Passport => say!(lang, "passport", "паспорт"),
        Detail::IssuedOn => say!(lang, "issue date", "дата выдачи"),
        Detail::IssuerCode => say!(lang, "issuer code", "код подразделения"),
    }
}

/// The `collectors add` option that gives a detail, with a placeholder.
fn option(lang: Lang, detail: Detail) -> Cow<'static, str> {
    match detail {
        Detail::Name => Cow::Borrowed(""),
        Detail::BirthDate => say!(lang, "--birth-date YYYY-MM-DD", "--birth-date ГГГГ-ММ-ДД"),
        Detail::Address => say!(lang, "--address \"ADDRESS\"", "--address \"АДРЕС\""),
        Detail::Passport => say!(
            lang,
            "--passport \"SSSS NNNNNN\"",
            "--passport \"СССС НННННН\""
        ),
        Detail::IssuedOn => say!(lang, "--issued YYYY-MM-DD", "--issued ГГГГ-ММ-ДД"),
        Detail::IssuerCode => say!(lang, "--issuer NNN-NNN", "--issuer ННН-ННН"),
    }
}

fn problem_text(lang: Lang, problem: &DetailProblem) -> Cow<'static, str> {
    match problem {
        DetailProblem::Rule(_, rule) => lang.t(rule),
        DetailProblem::NotFullName => say!(
            lang,
            "write the surname, the given name and the patronymic, as in the passport",
            "напишите фамилию, имя и отчество, как в паспорте",
        ),
        DetailProblem::IssuedInFuture => say!(lang, "in the future", "в будущем"),
        DetailProblem::IssuedBeforeFourteen => say!(
            lang,
            "before the holder turned 14; check it and the birth date",
            "до 14 лет владельца; проверьте её и дату рождения",
        ),
        DetailProblem::IssuedBeforeBlank { blank_year } => say!(
            lang,
            "before {blank_year}, the year in the series; check both",
            "раньше {blank_year} — года в серии; проверьте обе",
        ),
        DetailProblem::IssuerCode => say!(
            lang,
            "must be 6 digits as in the passport, NNN-NNN",
            "нужно 6 цифр, как в паспорте: ННН-ННН",
        ),
    }
}

fn joined(lang: Lang, problems: &[DetailProblem]) -> String {
    problems
        .iter()
        .map(|p| DetailText::Problem(p).say(lang).into_owned())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The collector's part of the certification, one detail a line, dates as written.
fn copy_onto(lang: Lang, c: &Collector, date: NaiveDate) -> Cow<'static, str> {
    let d = &c.details;
    let day = |date: Option<NaiveDate>| date.map(day_text);
    let passport = d.passport.as_ref().map(|(s, n)| format!("{s} {n}"));
    let rows = [
        (name(lang, Detail::Name), Some(c.name.clone())),
        (name(lang, Detail::BirthDate), day(d.birth_date)),
        (name(lang, Detail::Address), d.address.clone()),
        (name(lang, Detail::Passport), passport),
        (name(lang, Detail::IssuedOn), day(d.issued_on)),
        (name(lang, Detail::IssuerCode), d.issuer_code.clone()),
        (
            say!(lang, "certification date", "дата заверения"),
            day(Some(date)),
        ),
    ];
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = say!(
        lang,
        "Copy onto the sheet, above the collector's signature:",
        "Перепишите на лист, над подписью сборщика:",
    )
    .into_owned();
    for (label, value) in rows {
        let pad = width - label.chars().count();
        out.push_str(&format!(
            "\n  {label}{:pad$}  {}",
            "",
            value.unwrap_or_default()
        ));
    }
    Cow::Owned(out)
}
