//! The embedded lists of `assets/people/`, read into names, streets, home regions and
//! foreign states; a broken list is a build problem, caught by the tests.

use crate::domain::regions::RegionKind;
use crate::domain::{ABROAD, RegionCatalog};

const SURNAMES: &str = include_str!("../../../assets/people/surnames.txt");
const GIVEN_MALE: &str = include_str!("../../../assets/people/given_male.txt");
const GIVEN_FEMALE: &str = include_str!("../../../assets/people/given_female.txt");
const STREETS: &str = include_str!("../../../assets/people/streets.txt");
const REGIONS: &str = include_str!("../../../assets/people/regions.csv");
const COUNTRIES: &str = include_str!("../../../assets/people/countries.txt");

/// Why the embedded lists cannot be used (a build problem, caught by tests).
#[derive(Debug, thiserror::Error)]
#[error("demo list {file} line {line}: {reason}")]
pub struct ListError {
    file: &'static str,
    line: usize,
    reason: String,
}

/// A region signers live in: catalogue code, relative weight, cities.
#[derive(Debug, Clone)]
pub(super) struct HomeRegion {
    /// Catalogue code.
    pub(super) code: String,
    /// The two OKATO digits its passport series start with.
    pub(super) okato: String,
    /// The federal subject's name, which starts addresses outside federal cities.
    pub(super) subject: String,
    /// Whether addresses start with the city itself.
    pub(super) federal_city: bool,
    /// How often signers come from it, against the other regions.
    pub(super) weight: u32,
    /// Its cities (none for `abroad`).
    pub(super) cities: Vec<String>,
}

fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn columns<'a>(
    file: &'static str,
    line: usize,
    text: &'a str,
    count: usize,
) -> Result<Vec<&'a str>, ListError> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if parts.len() != count || parts.iter().take(count - 1).any(|p| p.is_empty()) {
        return Err(ListError {
            file,
            line,
            reason: format!("expected {count} comma-separated values, got `{text}`"),
        });
    }
    Ok(parts)
}

/// The rows of the list `file`, `N` comma-separated values each.
fn records<const N: usize>(file: &'static str, text: &str) -> Result<Vec<[String; N]>, ListError> {
    lines(text)
        .map(|(line, text)| {
            let values = columns(file, line, text, N)?;
            Ok(std::array::from_fn(|i| values[i].to_string()))
        })
        .collect()
}

/// Surnames: [masculine, feminine].
pub(super) fn surnames() -> Result<Vec<[String; 2]>, ListError> {
    records("surnames.txt", SURNAMES)
}

/// Male given names with the patronymics made from them: [name, masculine, feminine].
pub(super) fn male_names() -> Result<Vec<[String; 3]>, ListError> {
    records("given_male.txt", GIVEN_MALE)
}

/// Female given names.
pub(super) fn female_names() -> Vec<String> {
    lines(GIVEN_FEMALE).map(|(_, l)| l.to_string()).collect()
}

/// Street names with their kind.
pub(super) fn streets() -> Vec<String> {
    lines(STREETS).map(|(_, l)| l.to_string()).collect()
}

/// Foreign states with a city each: [state, city].
pub(super) fn countries() -> Result<Vec<[String; 2]>, ListError> {
    records("countries.txt", COUNTRIES)
}

/// The home regions, in list order; every one must be in the catalogue.
pub(super) fn home_regions(catalog: &RegionCatalog) -> Result<Vec<HomeRegion>, ListError> {
    let mut regions = Vec::new();
    for (line, text) in lines(REGIONS).skip(1) {
        let c = columns("regions.csv", line, text, 3)?;
        let fail = |reason: String| ListError {
            file: "regions.csv",
            line,
            reason,
        };
        let region = catalog
            .by_code(c[0])
            .ok_or_else(|| fail(format!("region `{}` is not in the catalogue", c[0])))?;
        let weight = c[1]
            .parse::<u32>()
            .map_err(|_| fail(format!("weight `{}` is not a number", c[1])))?;
        let cities: Vec<String> = c[2]
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if cities.is_empty() != (region.code == ABROAD) {
            return Err(fail("every region but abroad needs cities".into()));
        }
        regions.push(HomeRegion {
            code: region.code.clone(),
            okato: region.okato.chars().take(2).collect(),
            subject: region.name_ru.clone(),
            federal_city: region.kind == RegionKind::FederalCity,
            weight,
            cities,
        });
    }
    Ok(regions)
}
