//! The catalogue of federal subjects (plus `abroad`) and how typed text maps onto it.
//!
//! The catalogue is `assets/regions.csv` (`code,okato,name_ru,name_en,kind,address_stems`).
//! `address_stems` is a `|`-separated list of stems that name the subject inside a free-text
//! address. A stem is one or more words that must follow each other in the address; each
//! word matches any address word it is a prefix of (`свердловск обл` matches "Свердловская
//! обл." and "Свердловской области"), or only the same whole word when it ends in `$`
//! (`спб$`, `мо$`). Case, `ё`/`е`, hyphens and punctuation are ignored on both sides.

mod catalogue;
mod words;

use std::cmp::Reverse;
use std::collections::HashMap;
use words::{Keys, folded, padded_code, starts_with_words, words, words_at};

/// Catalogue code of the entry for voters living permanently abroad.
pub const ABROAD: &str = "abroad";

/// What kind of federal subject a region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionKind {
    /// Republic (respublika).
    Republic,
    /// Krai.
    Krai,
    /// Oblast.
    Oblast,
    /// Federal city (Moscow, Saint Petersburg, Sevastopol).
    FederalCity,
    /// The Jewish autonomous oblast.
    AutonomousOblast,
    /// Autonomous okrug.
    AutonomousOkrug,
    /// Voters living permanently abroad.
    Abroad,
}

/// One federal subject with both of its code systems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// 2-digit tax/vehicle code (`77`), or `abroad`.
    pub code: String,
    /// OKATO code: 2 digits (`45`), the first two digits of an internal passport series; the
    /// three okrugs inside an oblast have 5 (`71100` Khanty-Mansi, inside Tyumen's `71`);
    /// empty for `abroad`.
    pub okato: String,
    /// Russian name.
    pub name_ru: String,
    /// English name.
    pub name_en: String,
    /// Kind of subject.
    pub kind: RegionKind,
}

impl Region {
    /// The name to show: Russian or English, so the catalogue needs no i18n lookup.
    pub fn display_name(&self, russian: bool) -> &str {
        if russian {
            &self.name_ru
        } else {
            &self.name_en
        }
    }
}

/// Why the catalogue text could not be read.
#[derive(Debug, thiserror::Error)]
#[error("regions catalogue line {line}: {reason}")]
pub struct RegionCatalogError {
    /// 1-based line in the CSV.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// All regions, with lookups by code, OKATO, name and address text.
#[derive(Debug, Clone, Default)]
pub struct RegionCatalog {
    regions: Vec<Region>,
    keys: Vec<Keys>,
    /// Address stems by the first letter of their first word (built on first use), so an
    /// address word is compared only with the stems that can start at it.
    stem_index: std::sync::OnceLock<HashMap<char, Vec<(usize, usize)>>>,
}

/// The [`RegionCatalog::stem_index`] bucket of stems that can start at any word (an empty
/// first word).
const ANY_START: char = '\0';

impl RegionCatalog {
    /// Every region in catalogue order.
    pub fn all(&self) -> &[Region] {
        &self.regions
    }

    /// Region by tax/vehicle code (`77`) or `abroad`.
    pub fn by_code(&self, code: &str) -> Option<&Region> {
        let code = code.trim();
        self.regions
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(code))
    }

    /// Region by OKATO code (`45`).
    pub fn by_okato(&self, okato: &str) -> Option<&Region> {
        let okato = okato.trim();
        self.regions
            .iter()
            .find(|r| !okato.is_empty() && r.okato == okato)
    }

    /// The region a typed text means: a code, an exact name, or a unique prefix.
    ///
    /// Tried in order: code (`77`, `1` for `01`, `abroad`); `за рубежом`/`зарубеж…`; a full
    /// Russian or English name; a short form or address stem (`СПб`, `ХМАО`, `Башкирия`);
    /// words that start the words of exactly one name (`Свердл`, `Moscow o`), or else are whole
    /// words of exactly one name (`Алтай`: the republic, not Altai Krai).
    pub fn resolve(&self, input: &str) -> Option<&Region> {
        let input = input.trim();
        if input.is_empty() {
            return None;
        }
        if let Some(region) = self.by_code(&padded_code(input)) {
            return Some(region);
        }
        let query = words(input);
        let joined = query.join(" ");
        if joined == "за рубежом" || joined.starts_with("зарубеж") {
            return self.by_code(ABROAD);
        }
        let found = self
            .unique(|keys| keys.names().contains(&query.as_slice()))
            .or_else(|| self.unique(|keys| keys.is_short_form(&query)))
            .or_else(|| self.address_match(input));
        if let Some(index) = found {
            return Some(&self.regions[index]);
        }
        let by_prefix = |whole: bool| {
            self.unique(|keys| {
                keys.names()
                    .iter()
                    .any(|name| words_at(name, &query, whole))
            })
        };
        by_prefix(false)
            .or_else(|| by_prefix(true))
            .map(|index| &self.regions[index])
    }

    /// Regions matching what is typed so far, best first.
    ///
    /// A region matches when its code starts with the input or its names contain words that
    /// start with the input's words. Exact matches (code, name, short form) come first, then
    /// names or codes that start with the input, then names with a matching inner word;
    /// within a group, a name the input covers word for word ("Моск" → "Москва") before a
    /// longer one ("Московская область"), then catalogue order. Empty input suggests nothing.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<&Region> {
        self.suggest_ranked(input, limit, &HashMap::new())
    }

    /// [`RegionCatalog::suggest`], with this point's most used regions (`usage`: valid
    /// entries per region code) first among equally good matches.
    pub fn suggest_ranked(
        &self,
        input: &str,
        limit: usize,
        usage: &HashMap<String, u32>,
    ) -> Vec<&Region> {
        let query = words(input);
        if query.is_empty() {
            return Vec::new();
        }
        let joined = query.join(" ");
        let code = padded_code(input.trim());
        let mut ranked: Vec<(u8, bool, Reverse<u32>, usize)> = self
            .regions
            .iter()
            .zip(&self.keys)
            .enumerate()
            .filter_map(|(index, (region, keys))| {
                let names = keys.names();
                let rank = if region.code.eq_ignore_ascii_case(&code)
                    || names.contains(&query.as_slice())
                    || keys.is_short_form(&query)
                {
                    0
                } else if region.code.starts_with(&joined)
                    || names.iter().any(|name| starts_with_words(name, &query))
                {
                    1
                } else if names.iter().any(|name| words_at(name, &query, false)) {
                    2
                } else {
                    return None;
                };
                let longer = !names
                    .iter()
                    .any(|name| name.len() == query.len() && starts_with_words(name, &query));
                let used = usage.get(&region.code).copied().unwrap_or(0);
                Some((rank, longer, Reverse(used), index))
            })
            .collect();
        ranked.sort();
        ranked
            .into_iter()
            .take(limit)
            .map(|(.., index)| &self.regions[index])
            .collect()
    }

    /// The federal subject an address names, if it names exactly one.
    ///
    /// Stems are matched leftmost-longest without overlap, so "Ямало-Ненецкий АО" is one match
    /// for Yamalo-Nenets, not a second one for Nenets. Two different subjects named → `None`.
    pub fn named_in_address(&self, address: &str) -> Option<&Region> {
        self.address_match(address)
            .map(|index| &self.regions[index])
    }

    /// Index of the one region an address names (see [`RegionCatalog::named_in_address`]).
    fn address_match(&self, address: &str) -> Option<usize> {
        let folded = folded(address);
        let mut address: Vec<&str> = Vec::with_capacity(16);
        address.extend(folded.split(' ').filter(|w| !w.is_empty()));
        let index = self.stem_index.get_or_init(|| stem_index(&self.keys));
        let anywhere = index.get(&ANY_START).map_or(&[][..], Vec::as_slice);
        let mut matches: Vec<(usize, std::cmp::Reverse<usize>, usize)> = Vec::new();
        for start in 0..address.len() {
            let rest = &address[start..];
            let first = rest[0].chars().next().unwrap_or(ANY_START);
            let here = index.get(&first).map_or(&[][..], Vec::as_slice);
            for &(region, stem) in here.iter().chain(anywhere) {
                let stem = &self.keys[region].stems[stem];
                if rest.len() >= stem.len() && stem.iter().zip(rest).all(|(s, w)| s.matches(w)) {
                    matches.push((start, std::cmp::Reverse(stem.len()), region));
                }
            }
        }
        matches.sort();
        let mut taken_until = 0;
        let mut named = None;
        for (start, std::cmp::Reverse(len), index) in matches {
            if start < taken_until {
                continue;
            }
            taken_until = start + len;
            match named {
                Some(other) if other != index => return None,
                _ => named = Some(index),
            }
        }
        named
    }

    /// The one region whose keys pass `test`, if exactly one does.
    fn unique(&self, test: impl Fn(&Keys) -> bool) -> Option<usize> {
        let mut hits = self.keys.iter().enumerate().filter(|(_, keys)| test(keys));
        match (hits.next(), hits.next()) {
            (Some((index, _)), None) => Some(index),
            _ => None,
        }
    }
}

/// Every (region, stem) by the first letter of the stem's first word.
fn stem_index(keys: &[Keys]) -> HashMap<char, Vec<(usize, usize)>> {
    let mut index: HashMap<char, Vec<(usize, usize)>> = HashMap::new();
    for (region, keys) in keys.iter().enumerate() {
        for (at, stem) in keys.stems.iter().enumerate() {
            let first = stem
                .first()
                .and_then(|w| w.text.chars().next())
                .unwrap_or(ANY_START);
            index.entry(first).or_default().push((region, at));
        }
    }
    index
}

#[cfg(test)]
mod tests;
