//! The catalogue of federal subjects (plus `abroad`) and how typed text maps onto it.
//!
//! The catalogue is `assets/regions.csv` (`code,okato,name_ru,name_en,kind,address_stems`).
//! `address_stems` is a `|`-separated list of stems that name the subject inside a free-text
//! address. A stem is one or more words that must follow each other in the address; each
//! word matches any address word it is a prefix of (`свердловск обл` matches "Свердловская
//! обл." and "Свердловской области"), or only the same whole word when it ends in `$`
//! (`спб$`, `мо$`). Case, `ё`/`е`, hyphens and punctuation are ignored on both sides.

use std::collections::HashSet;

/// Catalogue code of the entry for voters living permanently abroad.
pub const ABROAD: &str = "abroad";

/// The catalogue compiled into the binary.
const EMBEDDED_CSV: &str = include_str!("../../assets/regions.csv");

/// Columns the catalogue must have, in this order.
const HEADER: [&str; 6] = [
    "code",
    "okato",
    "name_ru",
    "name_en",
    "kind",
    "address_stems",
];

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

/// One word of an address stem.
#[derive(Debug, Clone)]
struct StemWord {
    text: String,
    whole: bool,
}

impl StemWord {
    fn matches(&self, word: &str) -> bool {
        if self.whole {
            word == self.text
        } else {
            word.starts_with(&self.text)
        }
    }
}

/// Normalised forms of one region's names and stems, kept beside `regions`.
#[derive(Debug, Clone, Default)]
struct Keys {
    name_ru: Vec<String>,
    name_en: Vec<String>,
    stems: Vec<Vec<StemWord>>,
}

impl Keys {
    /// The region's own names, as word lists.
    fn names(&self) -> [&[String]; 2] {
        [&self.name_ru, &self.name_en]
    }
    /// A stem written out as plain words (`спб`, `москва`): a short form of the name.
    fn is_short_form(&self, query: &[String]) -> bool {
        self.stems.iter().any(|stem| {
            stem.len() == query.len() && stem.iter().zip(query).all(|(s, q)| s.text == *q)
        })
    }
}

/// All regions, with lookups by code, OKATO, name and address text.
#[derive(Debug, Clone, Default)]
pub struct RegionCatalog {
    regions: Vec<Region>,
    keys: Vec<Keys>,
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
            let line = record
                .position()
                .and_then(|p| usize::try_from(p.line()).ok())
                .unwrap_or(fallback_line);
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
    /// catalogue order within each group. Empty input suggests nothing.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<&Region> {
        let query = words(input);
        if query.is_empty() {
            return Vec::new();
        }
        let joined = query.join(" ");
        let code = padded_code(input.trim());
        let mut ranked: Vec<(u8, usize)> = self
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
                Some((rank, index))
            })
            .collect();
        ranked.sort();
        ranked
            .into_iter()
            .take(limit)
            .map(|(_, index)| &self.regions[index])
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
        let address = words(address);
        let mut matches: Vec<(usize, std::cmp::Reverse<usize>, usize)> = Vec::new();
        for (index, keys) in self.keys.iter().enumerate() {
            for stem in &keys.stems {
                for start in 0..address.len() {
                    let rest = &address[start..];
                    if rest.len() >= stem.len() && stem.iter().zip(rest).all(|(s, w)| s.matches(w))
                    {
                        matches.push((start, std::cmp::Reverse(stem.len()), index));
                    }
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

/// Text as lowercase words: `ё` read as `е`, anything but letters and digits splits words.
fn words(text: &str) -> Vec<String> {
    let mut clean = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        clean.push(match c {
            'ё' => 'е',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        });
    }
    clean.split_whitespace().map(str::to_string).collect()
}

/// Whether `query` words start a run of consecutive `name` words (are equal to them if `whole`).
fn words_at(name: &[String], query: &[String], whole: bool) -> bool {
    !query.is_empty()
        && name.windows(query.len()).any(|run| {
            run.iter().zip(query).all(|(n, q)| {
                if whole {
                    n == q
                } else {
                    n.starts_with(q.as_str())
                }
            })
        })
}

/// Whether the name's first words start with the `query` words (`moscow o` → Moscow Oblast).
fn starts_with_words(name: &[String], query: &[String]) -> bool {
    name.len() >= query.len() && words_at(&name[..query.len()], query, false)
}

/// A code as typed, lowercased, with a lone digit padded (`1` → `01`).
fn padded_code(input: &str) -> String {
    if input.len() == 1 && input.chars().all(|c| c.is_ascii_digit()) {
        format!("0{input}")
    } else {
        input.to_lowercase()
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

fn csv_error(error: &csv::Error, fallback_line: usize) -> RegionCatalogError {
    let line = error
        .position()
        .and_then(|p| usize::try_from(p.line()).ok())
        .unwrap_or(fallback_line);
    RegionCatalogError {
        line,
        reason: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> RegionCatalog {
        RegionCatalog::embedded().expect("embedded catalogue parses")
    }

    fn code_of(region: Option<&Region>) -> Option<&str> {
        region.map(|r| r.code.as_str())
    }

    #[test]
    fn has_89_subjects_and_abroad_last() {
        let catalog = catalog();
        assert_eq!(catalog.all().len(), 90);
        let last = catalog.all().last().expect("not empty");
        assert_eq!(last.code, ABROAD);
        assert_eq!(last.kind, RegionKind::Abroad);
        assert_eq!(last.okato, "");
        assert_eq!(last.display_name(true), "За рубежом");
        assert_eq!(last.display_name(false), "Abroad");
    }

    #[test]
    fn kinds_are_counted_as_in_2024() {
        let catalog = catalog();
        let count = |kind| catalog.all().iter().filter(|r| r.kind == kind).count();
        assert_eq!(count(RegionKind::Republic), 24);
        assert_eq!(count(RegionKind::Krai), 9);
        assert_eq!(count(RegionKind::Oblast), 48);
        assert_eq!(count(RegionKind::FederalCity), 3);
        assert_eq!(count(RegionKind::AutonomousOblast), 1);
        assert_eq!(count(RegionKind::AutonomousOkrug), 4);
        assert_eq!(count(RegionKind::Abroad), 1);
    }

    #[test]
    fn codes_and_okato_codes_are_unique() {
        let catalog = catalog();
        let codes: HashSet<_> = catalog.all().iter().map(|r| &r.code).collect();
        assert_eq!(codes.len(), 90);
        let okatos: HashSet<_> = catalog.all().iter().map(|r| &r.okato).collect();
        assert_eq!(okatos.len(), 90);
    }

    #[test]
    fn known_code_okato_pairs() {
        let catalog = catalog();
        let pairs = [
            ("77", "45", "Москва"),
            ("78", "40", "Санкт-Петербург"),
            ("50", "46", "Московская область"),
            ("01", "79", "Республика Адыгея"),
            ("02", "80", "Республика Башкортостан"),
            ("16", "92", "Республика Татарстан"),
            ("23", "03", "Краснодарский край"),
            ("61", "60", "Ростовская область"),
            ("66", "65", "Свердловская область"),
            ("54", "50", "Новосибирская область"),
            ("91", "35", "Республика Крым"),
            ("92", "67", "Севастополь"),
            ("22", "01", "Алтайский край"),
            ("52", "22", "Нижегородская область"),
            ("63", "36", "Самарская область"),
            ("72", "71", "Тюменская область"),
            ("86", "71100", "Ханты-Мансийский автономный округ — Югра"),
            ("87", "77", "Чукотский автономный округ"),
        ];
        for (code, okato, name) in pairs {
            let region = catalog.by_code(code).expect(code);
            assert_eq!(region.okato, okato, "{code}");
            assert_eq!(region.name_ru, name, "{code}");
            assert_eq!(code_of(catalog.by_okato(okato)), Some(code), "{okato}");
        }
        assert_eq!(code_of(catalog.by_code("ABROAD")), Some(ABROAD));
        assert_eq!(catalog.by_okato(""), None);
        assert_eq!(catalog.by_code("80"), None);
    }

    #[test]
    fn resolve_codes_names_and_short_forms() {
        let catalog = catalog();
        let cases = [
            ("77", Some("77")),
            (" 77 ", Some("77")),
            ("7", Some("07")),
            ("1", Some("01")),
            ("abroad", Some(ABROAD)),
            ("За рубежом", Some(ABROAD)),
            ("зарубежье", Some(ABROAD)),
            ("Москва", Some("77")),
            ("МОСКВА", Some("77")),
            ("moscow", Some("77")),
            ("Московская область", Some("50")),
            ("Moscow o", Some("50")),
            ("СПб", Some("78")),
            ("Питер", Some("78")),
            ("Saint Petersburg", Some("78")),
            ("Татарстан", Some("16")),
            ("республика ТАТАРСТАН", Some("16")),
            ("Башкирия", Some("02")),
            ("Якутия", Some("14")),
            ("Чувашия", Some("21")),
            ("Тыва", Some("17")),
            ("ХМАО", Some("86")),
            ("ЯНАО", Some("89")),
            ("ДНР", Some("93")),
            ("ЛНР", Some("94")),
            ("Крым", Some("91")),
            ("Свердл", Some("66")),
            ("sverdlovsk", Some("66")),
            ("Алтай", Some("04")),
            ("Орёл", None),
            ("Орловская", Some("57")),
            ("Моск", None),
            ("Республика", None),
            ("", None),
            ("   ", None),
            ("—", None),
            ("Атлантида", None),
        ];
        for (input, expected) in cases {
            assert_eq!(code_of(catalog.resolve(input)), expected, "{input:?}");
        }
    }

    #[test]
    fn suggest_orders_exact_then_prefix_then_word() {
        let catalog = catalog();
        let codes = |input: &str, limit: usize| -> Vec<String> {
            catalog
                .suggest(input, limit)
                .into_iter()
                .map(|r| r.code.clone())
                .collect()
        };
        assert!(codes("", 10).is_empty());
        assert!(codes("  ", 10).is_empty());
        assert_eq!(codes("Мос", 10), ["50", "77"]);
        assert_eq!(codes("moscow", 10), ["77", "50"]);
        assert_eq!(codes("7", 3), ["07", "70", "71"]);
        assert_eq!(codes("спб", 10), ["78"]);
        assert_eq!(codes("свер", 10), ["66"]);
        assert_eq!(codes("Мос", 1), ["50"]);
        assert!(codes("Атлантида", 10).is_empty());
        let republics = codes("рес", 100);
        let position = |code: &str| republics.iter().position(|c| c == code).expect(code);
        assert!(
            position("91") < position("07"),
            "name prefix before inner word"
        );
        assert!(
            position("01") < position("91"),
            "catalogue order within a group"
        );
        assert_eq!(codes("балкар", 10), ["07"]);
    }

    #[test]
    fn finds_the_subject_named_in_an_address() {
        let catalog = catalog();
        let cases = [
            ("Московская обл., г. Химки, ул. Ленина", Some("50")),
            ("г. Химки Московской области", Some("50")),
            ("МО, г. Подольск", Some("50")),
            ("г. Москва, ул. Московская", Some("77")),
            ("Респ. Татарстан, г. Казань, ул. Московская", Some("16")),
            ("Свердловская обл., г. Екатеринбург", Some("66")),
            ("Свердл. обл., г. Нижний Тагил", Some("66")),
            ("обл. Ленинградская, г. Гатчина", Some("47")),
            ("г. Санкт-Петербург, Ленинградская ул.", Some("78")),
            ("СПб, Невский пр.", Some("78")),
            (
                "Краснодарский край, г. Сочи, ул. Ставропольская",
                Some("23"),
            ),
            ("Краснодарского края, ст. Полтавская", Some("23")),
            ("ХМАО-Югра, г. Сургут", Some("86")),
            ("Ямало-Ненецкий автономный округ, г. Салехард", Some("89")),
            ("Ненецкий АО, г. Нарьян-Мар", Some("83")),
            ("Республика Саха (Якутия), г. Якутск", Some("14")),
            ("Алтайский край, г. Барнаул", Some("22")),
            ("Республика Алтай, г. Горно-Алтайск", Some("04")),
            ("Кемеровская область — Кузбасс, г. Кемерово", Some("42")),
            (
                "Республика Коми, г. Сыктывкар, ул. Коммунистическая",
                Some("11"),
            ),
            ("Чувашская Республика, г. Чебоксары", Some("21")),
            ("г. Севастополь, ул. Ленина", Some("92")),
            ("ДНР, г. Донецк", Some("93")),
            ("Тульская область, Курская ул.", Some("71")),
            ("Орловская обл., г. Орёл", Some("57")),
            ("Краснодарский край, ул. Красная", Some("23")),
            ("г. Сочи, ул. Севастопольская", None),
            ("ул. Дагестанская, д. 3", None),
            ("г. Казань, ул. Баумана", None),
            ("Московская обл. и г. Москва", None),
            ("", None),
        ];
        for (address, expected) in cases {
            assert_eq!(
                code_of(catalog.named_in_address(address)),
                expected,
                "{address:?}"
            );
        }
    }

    #[test]
    fn parse_rejects_bad_catalogues_with_a_line() {
        let header = "code,okato,name_ru,name_en,kind,address_stems\n";
        let bad = [
            ("code,okato,name\n", 1),
            ("77,45,Москва,Moscow,city,москва\n", 2),
            ("7,45,Москва,Moscow,federal_city,москва\n", 2),
            ("77,,Москва,Moscow,federal_city,москва\n", 2),
            (
                "77,45,Москва,Moscow,federal_city,москва\n78,45,СПб,SPb,federal_city,\n",
                3,
            ),
            (
                "77,45,Москва,Moscow,federal_city,москва\n77,40,СПб,SPb,federal_city,\n",
                3,
            ),
            ("77,45,Москва,Moscow,federal_city,москва|$\n", 2),
            ("77,45,Москва,Moscow,federal_city\n", 2),
            ("abroad,01,За рубежом,Abroad,abroad,\n", 2),
        ];
        for (body, line) in bad {
            let text = if body.starts_with("code") {
                body.to_string()
            } else {
                format!("{header}{body}")
            };
            let error = RegionCatalog::parse(&text).expect_err(body);
            assert_eq!(error.line, line, "{body:?}: {error}");
        }
        let ok = RegionCatalog::parse(&format!(
            "{header}77,45,Москва,Moscow,federal_city,москва$\n"
        ))
        .expect("valid");
        assert_eq!(code_of(ok.named_in_address("Москва")), Some("77"));
    }
}
