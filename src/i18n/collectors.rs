//! The shift lead's messages about collectors (`sigdesk collectors`) and the region labels
//! every lead command writes.

use super::{Lang, Phrase};
use crate::domain::collector::{CollectorError, RegionListError, RegionSuggestion};
use crate::domain::{ABROAD, RegionCatalog};
use std::borrow::Cow;

/// A region as the lead reads it.
#[derive(Debug, Clone, Copy)]
pub enum RegionText<'a> {
    /// `77 Москва` / `77 Moscow`; `abroad: Литва` for a sheet headed with a foreign state.
    Label {
        /// The catalogue.
        regions: &'a RegionCatalog,
        /// Region code.
        code: &'a str,
        /// Foreign state of an `abroad` sheet, else empty.
        country: &'a str,
    },
    /// Region codes with their names, comma-separated (`77 Москва, 50 Московская область`).
    Codes {
        /// The catalogue.
        regions: &'a RegionCatalog,
        /// The codes.
        codes: &'a [String],
    },
}

impl Phrase for RegionText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match *self {
            RegionText::Label {
                regions,
                code,
                country,
            } => {
                let name = regions
                    .by_code(code)
                    .filter(|r| r.code != ABROAD)
                    .map(|r| r.display_name(lang == Lang::Ru))
                    .unwrap_or_default();
                Cow::Owned(match (country.is_empty(), name.is_empty()) {
                    (false, _) => format!("{code}: {country}"),
                    (true, true) => code.to_string(),
                    (true, false) => format!("{code} {name}"),
                })
            }
            RegionText::Codes { regions, codes } => Cow::Owned(
                codes
                    .iter()
                    .map(|code| {
                        let label = RegionText::Label {
                            regions,
                            code,
                            country: "",
                        };
                        label.say(lang)
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        }
    }
}

/// What `sigdesk collectors` says.
#[derive(Debug, Clone, Copy)]
pub enum CollectorText<'a> {
    /// Why a collector's line (name and regions) was refused.
    Invalid {
        /// The catalogue, to name the regions suggested.
        regions: &'a RegionCatalog,
        /// What is wrong.
        error: &'a CollectorError,
    },
    /// `collectors list` with nobody listed.
    NoneListed,
    /// Column of `collectors list`: the name.
    ColCollector,
    /// Column of `collectors list`: the regions.
    ColRegions,
    /// `collectors add` listed a new collector for these regions.
    Listed {
        /// The collector.
        name: &'a str,
        /// Every region, labelled.
        all: &'a str,
    },
    /// `collectors add` for regions the collector was listed for already.
    AlreadyListed {
        /// The collector.
        name: &'a str,
        /// Every region, labelled.
        all: &'a str,
    },
    /// `collectors add` added regions to a listed collector.
    AlsoListed {
        /// The collector.
        name: &'a str,
        /// The regions added, labelled.
        new: &'a str,
        /// Every region, labelled.
        all: &'a str,
    },
    /// The summary of `collectors import`.
    Imported {
        /// Rows read.
        rows: usize,
        /// New collectors.
        new: usize,
        /// Collectors listed for more regions.
        extended: usize,
    },
    /// Rows of a collectors file that were refused (nothing imported).
    Rejected {
        /// The file.
        file: &'a str,
        /// Rows read.
        rows: usize,
        /// One line per refused row.
        errors: &'a [String],
    },
    /// One refused row of a collectors file.
    RowError {
        /// Line in the file.
        line: u64,
        /// Why.
        reason: &'a str,
    },
    /// A collectors file whose header lacks `name,regions` or has another column.
    Header {
        /// The file.
        file: &'a str,
        /// The header found.
        found: &'a str,
    },
}

/// How many refused rows a message lists.
const ROWS_SHOWN: usize = 5;

impl Phrase for CollectorText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use CollectorText::*;
        match *self {
            Invalid {
                error: CollectorError::EmptyName,
                ..
            } => say!(
                lang,
                "the collector's name is empty; write the full name as on the notarised list",
                "не указано имя сборщика; напишите ФИО полностью, как в нотариальном списке",
            ),
            Invalid {
                regions,
                error: CollectorError::Regions(error),
            } => region_list_error(lang, regions, error),
            NoneListed => say!(
                lang,
                "no collectors listed yet; add one with: sigdesk collectors add \"FULL NAME\" --regions 77,50\n",
                "сборщиков в списке пока нет; добавьте: sigdesk collectors add \"ФИО\" --regions 77,50\n",
            ),
            ColCollector => say!(lang, "collector", "сборщик"),
            ColRegions => say!(lang, "regions", "регионы"),
            Listed { name, all } => say!(
                lang,
                "listed collector {name} for {all}",
                "сборщик {name} внесён в список для: {all}",
            ),
            AlreadyListed { name, all } => say!(
                lang,
                "{name} is already listed for these regions; nothing changed (listed for {all})",
                "{name} уже в списке для этих регионов; ничего не изменено (регионы: {all})",
            ),
            AlsoListed { name, new, all } => say!(
                lang,
                "{name} is now also listed for {new} (all: {all})",
                "{name} теперь также в списке для: {new} (все: {all})",
            ),
            Imported {
                rows,
                new,
                extended,
            } => {
                let unchanged = rows - new - extended;
                say!(
                    lang,
                    "imported {rows} collector rows: {new} new, {extended} with added regions or details, {unchanged} unchanged",
                    "импортировано строк со сборщиками: {rows}; новых: {new}, с добавленными регионами или данными: {extended}, без изменений: {unchanged}",
                )
            }
            Rejected { file, rows, errors } => {
                let (refused, more) = (errors.len(), errors.len().saturating_sub(ROWS_SHOWN));
                let mut list = errors[..refused - more].join("; ");
                if more > 0 {
                    list.push_str(&say!(lang, "; and {more} more", "; и ещё {more}"));
                }
                say!(
                    lang,
                    "{file}: {refused} of {rows} rows refused, nothing imported: {list}",
                    "{file}: отклонено строк: {refused} из {rows}, ничего не импортировано: {list}",
                )
            }
            RowError { line, reason } => {
                say!(lang, "line {line}: {reason}", "строка {line}: {reason}")
            }
            Header { file, found } => say!(
                lang,
                "{file}: the header must have `name,regions` and may have `birth_date,address,passport,issued_on,issuer_code` (in any order, each once), got `{found}`",
                "{file}: в заголовке должны быть `name,regions` и могут быть `birth_date,address,passport,issued_on,issuer_code` (в любом порядке, по разу), а в файле `{found}`",
            ),
        }
    }
}

/// Why a region list was refused, every unknown code with its suggestion.
fn region_list_error(
    lang: Lang,
    regions: &RegionCatalog,
    e: &RegionListError,
) -> Cow<'static, str> {
    let list = match e {
        RegionListError::Empty => {
            return say!(
                lang,
                "no region code given: list the regions the collector is notarised for, e.g. 77,50",
                "не указан ни один регион: перечислите регионы, для которых нотариально заверен сборщик, например 77,50",
            );
        }
        RegionListError::Unknown(list) => list,
    };
    let reasons = list.iter().map(|unknown| {
        let input = &unknown.input;
        match &unknown.suggestion {
            RegionSuggestion::Okato(code) => {
                let label = RegionText::Label {
                    regions,
                    code,
                    country: "",
                }
                .say(lang);
                say!(
                    lang,
                    "`{input}` is not a region code but the OKATO code (passport series) of {label}; write {code}",
                    "«{input}» — не код региона, а код ОКАТО (серия паспорта) региона {label}; укажите {code}",
                )
            }
            RegionSuggestion::Similar(codes) => {
                let list = RegionText::Codes { regions, codes }.say(lang);
                say!(
                    lang,
                    "unknown region code `{input}`; did you mean {list}?",
                    "неизвестный код региона «{input}»; может быть, {list}?",
                )
            }
            RegionSuggestion::Nothing => say!(
                lang,
                "unknown region code `{input}`; use the 2-digit region codes (77 Moscow, 50 Moscow Oblast) or abroad",
                "неизвестный код региона «{input}»; укажите двузначные коды регионов (77 Москва, 50 Московская область) или abroad",
            ),
        }
    });
    Cow::Owned(reasons.collect::<Vec<_>>().join("; "))
}
