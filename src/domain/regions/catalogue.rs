//! Reading the catalogue: `assets/regions.csv`, compiled in, checked row by row.

use super::words::{Keys, StemWord, words};
use super::{ABROAD, Region, RegionCatalog, RegionCatalogError, RegionKind};
use std::collections::HashSet;

/// The catalogue compiled into the binary.
const EMBEDDED_CSV: &str = include_str!("../../../assets/regions.csv");

/// Columns the catalogue must have, in this order.
const HEADER: [&str; 6] = [
    "code",
    "okato",
    "name_ru",
    "name_en",
    "kind",
    "address_stems",
];

impl RegionKind {
    /// The kind written in the catalogue's `kind` column (`republic`, `federal_city` …).
    fn from_catalogue(text: &str) -> Option<RegionKind> {
        Some(match text {
            "republic" => RegionKind::Republic,
            "krai" => RegionKind::Krai,
            "oblast" => RegionKind::Oblast,
            "federal_city" => RegionKind::FederalCity,
            "autonomous_oblast" => RegionKind::AutonomousOblast,
            "autonomous_okrug" => RegionKind::AutonomousOkrug,
            "abroad" => RegionKind::Abroad,
            _ => return None,
        })
    }
}

impl RegionCatalog {
    /// The catalogue compiled in from `assets/regions.csv`.
    pub fn embedded() -> Result<RegionCatalog, RegionCatalogError> {
        RegionCatalog::parse(EMBEDDED_CSV)
    }

    /// Reads a catalogue in the `assets/regions.csv` format; codes and OKATO codes must be
    /// unique and every row complete, so lookups never have to pick between two rows.
    pub fn parse(csv_text: &str) -> Result<RegionCatalog, RegionCatalogError> {
        let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
        let header = reader.headers().map_err(|e| csv_error(&e, 1))?;
        if !header.iter().eq(HEADER) {
            return Err(RegionCatalogError {
                line: 1,
                reason: format!("header must be `{}`", HEADER.join(",")),
            });
        }
        let mut catalog = RegionCatalog::default();
        let mut codes = HashSet::new();
        let mut okatos = HashSet::new();
        for (index, record) in reader.records().enumerate() {
            let fallback_line = index + 2;
            let record = record.map_err(|e| csv_error(&e, fallback_line))?;
            let line = line_at(record.position(), fallback_line);
            let fail = |reason: String| RegionCatalogError { line, reason };
            let (region, keys) = parse_row(&record).map_err(fail)?;
            if !codes.insert(region.code.clone()) {
                return Err(fail(format!("code `{}` appears twice", region.code)));
            }
            if !region.okato.is_empty() && !okatos.insert(region.okato.clone()) {
                return Err(fail(format!("OKATO `{}` appears twice", region.okato)));
            }
            catalog.regions.push(region);
            catalog.keys.push(keys);
        }
        Ok(catalog)
    }
}

fn is_digits(text: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&text.len()) && text.chars().all(|c| c.is_ascii_digit())
}

/// One catalogue row, checked on its own; the reason says what is wrong with it.
fn parse_row(record: &csv::StringRecord) -> Result<(Region, Keys), String> {
    let field = |i: usize| record.get(i).unwrap_or_default().trim();
    let (code, okato, name_ru, name_en) = (field(0), field(1), field(2), field(3));
    let kind = RegionKind::from_catalogue(field(4))
        .ok_or_else(|| format!("unknown kind `{}`", field(4)))?;
    let abroad = kind == RegionKind::Abroad;
    if abroad != (code == ABROAD) {
        return Err(format!("code `{code}` does not fit kind `{}`", field(4)));
    }
    if !abroad && !is_digits(code, 2..=2) {
        return Err(format!("code must be 2 digits, got `{code}`"));
    }
    if abroad != okato.is_empty() {
        return Err("OKATO is required, except for `abroad`".to_string());
    }
    if !abroad && !is_digits(okato, 2..=5) {
        return Err(format!("OKATO must be 2 to 5 digits, got `{okato}`"));
    }
    if name_ru.is_empty() || name_en.is_empty() {
        return Err("both names are required".to_string());
    }
    let stems = field(5)
        .split('|')
        .filter(|stem| !stem.trim().is_empty())
        .map(|stem| parse_stem(stem).ok_or_else(|| format!("empty stem `{stem}`")))
        .collect::<Result<Vec<_>, _>>()?;
    let keys = Keys {
        name_ru: words(name_ru),
        name_en: words(name_en),
        stems,
    };
    let region = Region {
        code: code.to_string(),
        okato: okato.to_string(),
        name_ru: name_ru.to_string(),
        name_en: name_en.to_string(),
        kind,
    };
    Ok((region, keys))
}

/// One `|`-separated stem as words; `None` if it has no letters or digits.
fn parse_stem(stem: &str) -> Option<Vec<StemWord>> {
    let mut parsed = Vec::new();
    for token in stem.split_whitespace() {
        let core = token.trim_end_matches('$');
        let mut pieces: Vec<StemWord> = words(core)
            .into_iter()
            .map(|text| StemWord { text, whole: false })
            .collect();
        if let Some(last) = pieces.last_mut() {
            last.whole = core.len() != token.len();
        }
        parsed.extend(pieces);
    }
    (!parsed.is_empty()).then_some(parsed)
}

/// The 1-based line the CSV reader was at, or `fallback_line` where it does not say.
fn line_at(position: Option<&csv::Position>, fallback_line: usize) -> usize {
    position
        .and_then(|p| usize::try_from(p.line()).ok())
        .unwrap_or(fallback_line)
}

/// A CSV error as a catalogue error at its line.
fn csv_error(error: &csv::Error, fallback_line: usize) -> RegionCatalogError {
    RegionCatalogError {
        line: line_at(error.position(), fallback_line),
        reason: error.to_string(),
    }
}
