//! Signature collectors (сборщики) and the regions whose notarised list names them.
//!
//! A sheet counts only when it is certified by a collector listed for the sheet's region
//! (in February 2024, 1,767 signatures were rejected for lack of that). Sheets headed with a
//! foreign state need a collector listed for `abroad`; a Russian region does not cover them.

mod details;

pub use details::{
    CheckedDetails, CollectorDetails, Detail, DetailProblem, DetailsDraft, check_details,
};

use super::{ABROAD, RegionCatalog};
use serde::Serialize;
use std::collections::BTreeSet;

/// A collector and the catalogue codes of the regions they are listed for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Collector {
    /// Full name as typed, whitespace tidied (`Петров Андрей Сергеевич`).
    pub name: String,
    /// Catalogue codes (`77`, `50`, `abroad`), sorted.
    pub regions: BTreeSet<String>,
    /// What the certification needs besides the name, as far as the list has it.
    pub details: CollectorDetails,
}

impl Collector {
    /// Whether this collector may certify a sheet headed with `region_code`.
    pub fn is_listed_for(&self, region_code: &str) -> bool {
        self.regions.contains(region_code)
    }
}

/// A collector's name with runs of whitespace made one space and the ends trimmed.
pub fn tidy_collector_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key two spellings of one collector share: tidied, lowercase, `ё` read as `е`.
pub fn collector_key(name: &str) -> String {
    tidy_collector_name(name)
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// A region code the catalogue does not have, with what the person probably meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRegionCode {
    /// The text as given.
    pub input: String,
    /// The likely intended region code(s), best first; empty when nothing is close.
    pub suggestion: RegionSuggestion,
}

/// What an unknown region code probably meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionSuggestion {
    /// The input is the OKATO code (passport series digits) of this region code.
    Okato(String),
    /// The input names these regions (by name or code prefix).
    Similar(Vec<String>),
    /// Nothing close.
    Nothing,
}

/// Why a list of region codes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionListError {
    /// The list has no code at all.
    Empty,
    /// Some codes are not in the catalogue.
    Unknown(Vec<UnknownRegionCode>),
}

/// Why a collector's line (name and regions) cannot be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectorError {
    /// The name is empty.
    EmptyName,
    /// The regions are missing or unknown.
    Regions(RegionListError),
}

/// A collector from a typed name and region list, both checked.
pub fn parse_collector(
    name: &str,
    regions_text: &str,
    regions: &RegionCatalog,
) -> Result<Collector, CollectorError> {
    let name = tidy_collector_name(name);
    let listed = parse_region_list(regions_text, regions).map_err(CollectorError::Regions);
    if name.is_empty() {
        return Err(CollectorError::EmptyName);
    }
    Ok(Collector {
        name,
        regions: listed?,
        details: CollectorDetails::default(),
    })
}

/// Reads a list of catalogue codes separated by commas, semicolons or spaces (`77,50`,
/// `77; 50`, `77 50 abroad`). A lone digit is padded (`7` → `07`). Every unknown code is
/// reported with a suggestion, so one run shows every typo.
pub fn parse_region_list(
    text: &str,
    regions: &RegionCatalog,
) -> Result<BTreeSet<String>, RegionListError> {
    let mut codes = BTreeSet::new();
    let mut unknown = Vec::new();
    for token in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        match region_by_code(token, regions) {
            Some(code) => {
                codes.insert(code);
            }
            None => unknown.push(UnknownRegionCode {
                input: token.to_string(),
                suggestion: suggest(token, regions),
            }),
        }
    }
    if !unknown.is_empty() {
        return Err(RegionListError::Unknown(unknown));
    }
    if codes.is_empty() {
        return Err(RegionListError::Empty);
    }
    Ok(codes)
}

/// The catalogue code a token is, if it is one (codes only: names are too loose for a
/// legal list).
fn region_by_code(token: &str, regions: &RegionCatalog) -> Option<String> {
    let padded = if token.len() == 1 && token.chars().all(|c| c.is_ascii_digit()) {
        format!("0{token}")
    } else {
        token.to_string()
    };
    regions.by_code(&padded).map(|r| r.code.clone())
}

fn suggest(token: &str, regions: &RegionCatalog) -> RegionSuggestion {
    if let Some(region) = regions.by_okato(token).filter(|r| r.code != ABROAD) {
        return RegionSuggestion::Okato(region.code.clone());
    }
    if let Some(region) = regions.resolve(token) {
        return RegionSuggestion::Similar(vec![region.code.clone()]);
    }
    let similar: Vec<String> = regions
        .suggest(token, 3)
        .into_iter()
        .map(|r| r.code.clone())
        .collect();
    if similar.is_empty() {
        RegionSuggestion::Nothing
    } else {
        RegionSuggestion::Similar(similar)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> RegionCatalog {
        RegionCatalog::embedded().expect("embedded catalogue")
    }

    fn codes(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn reads_codes_with_any_separator() {
        let catalog = catalog();
        let cases: [(&str, &[&str]); 6] = [
            ("77,50", &["50", "77"]),
            ("77; 50", &["50", "77"]),
            ("77 50  abroad", &["50", "77", "abroad"]),
            (" 7 ", &["07"]),
            ("77,77", &["77"]),
            ("ABROAD", &["abroad"]),
        ];
        for (text, expected) in cases {
            assert_eq!(
                parse_region_list(text, &catalog),
                Ok(codes(expected)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn unknown_codes_come_with_a_suggestion() {
        let catalog = catalog();
        let unknown = |text: &str| match parse_region_list(text, &catalog) {
            Err(RegionListError::Unknown(list)) => list,
            other => panic!("{text:?}: {other:?}"),
        };
        // 80 is Bashkortostan's OKATO code (passport series 80xx); its region code is 02.
        let okato = unknown("80");
        assert_eq!(okato[0].input, "80");
        assert_eq!(okato[0].suggestion, RegionSuggestion::Okato("02".into()));
        assert_eq!(
            unknown("Москва")[0].suggestion,
            RegionSuggestion::Similar(vec!["77".into()])
        );
        assert_eq!(
            unknown("Мос")[0].suggestion,
            RegionSuggestion::Similar(vec!["77".into(), "50".into()])
        );
        assert_eq!(unknown("zz")[0].suggestion, RegionSuggestion::Nothing);
        let two = unknown("77,80,Атлантида");
        assert_eq!(
            two.iter().map(|u| u.input.as_str()).collect::<Vec<_>>(),
            ["80", "Атлантида"]
        );
    }

    #[test]
    fn an_empty_list_is_refused() {
        let catalog = catalog();
        for text in ["", " , ;", "   "] {
            assert_eq!(
                parse_region_list(text, &catalog),
                Err(RegionListError::Empty),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_collector_needs_a_name_and_known_regions() {
        let catalog = catalog();
        assert_eq!(
            parse_collector("  Петров  Андрей ", "77;50", &catalog),
            Ok(Collector {
                name: "Петров Андрей".into(),
                regions: codes(&["50", "77"]),
                details: CollectorDetails::default(),
            })
        );
        assert_eq!(
            parse_collector(" ", "77", &catalog),
            Err(CollectorError::EmptyName)
        );
        assert_eq!(
            parse_collector("Петров", "", &catalog),
            Err(CollectorError::Regions(RegionListError::Empty))
        );
    }

    #[test]
    fn names_match_whatever_the_spacing_case_or_yo() {
        assert_eq!(
            tidy_collector_name("  Петров   Андрей Сергеевич "),
            "Петров Андрей Сергеевич"
        );
        assert_eq!(
            collector_key("Семёнов  ПЁТР"),
            collector_key("семенов петр")
        );
        assert_ne!(collector_key("Петров"), collector_key("Петрова"));
    }

    #[test]
    fn listed_only_for_its_own_regions() {
        let collector = Collector {
            name: "Петров Андрей".into(),
            regions: codes(&["77", "50"]),
            details: CollectorDetails::default(),
        };
        assert!(collector.is_listed_for("77"));
        assert!(!collector.is_listed_for("78"));
        assert!(!collector.is_listed_for(ABROAD));
    }
}
