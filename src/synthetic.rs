//! Synthetic signers that pass every check: for the `script` writer, tests and training.
//!
//! A signer is a pure function of `(seed, counter)`: the same pair always gives the same
//! person, and two different pairs never share a document (the seed picks the passport
//! series, the counter is the passport number), so a parent process that gives every child
//! its own seed never meets a duplicate.

use crate::domain::{DocKind, EntryDraft, RegionCatalog};
use chrono::{Days, NaiveDate};

/// Seeds run from 0 to `SEEDS - 1`.
pub const SEEDS: u32 = 1000;
/// Signers per seed: the passport number is the counter, so it has 6 digits.
pub const PER_SEED: u32 = 1_000_000;

/// Passport blank years (series digits 3–4) every generated signer can hold: made in
/// 1997–2019, after any generated signer turned 14, and not after any year sigdesk runs in.
const BLANK_YEARS: [&str; 23] = [
    "97", "98", "99", "00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
    "13", "14", "15", "16", "17", "18", "19",
];

/// Where generated signers live: region code and the start of an address there. The
/// addresses name their own region or none, so no address-vs-region warning is raised.
const HOMES: [(&str, &str); 8] = [
    ("77", "г. Москва"),
    ("78", "г. Санкт-Петербург"),
    ("50", "Московская обл., г. Химки"),
    ("66", "г. Екатеринбург"),
    ("16", "г. Казань"),
    ("23", "г. Краснодар"),
    ("54", "г. Новосибирск"),
    ("02", "г. Уфа"),
];

const STREETS: [&str; 6] = [
    "ул. Ленина",
    "ул. Мира",
    "ул. Садовая",
    "пр. Победы",
    "ул. Молодёжная",
    "ул. Лесная",
];

const SURNAMES: [&str; 12] = [
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
];
const MALE_NAMES: [&str; 8] = [
    "Александр",
    "Дмитрий",
    "Максим",
    "Сергей",
    "Андрей",
    "Алексей",
    "Артём",
    "Илья",
];
const FEMALE_NAMES: [&str; 8] = [
    "Анна",
    "Мария",
    "Елена",
    "Ольга",
    "Татьяна",
    "Наталья",
    "Ирина",
    "Дарья",
];
const PATRONYMIC_STEMS: [&str; 6] = [
    "Александров",
    "Дмитриев",
    "Сергеев",
    "Андреев",
    "Николаев",
    "Владимиров",
];

/// Birth dates run over this many days from 1 January 1940 (to late 1984): every signer is
/// an adult under 100 on any date from 2003 on, and was 14 before any blank year above.
const BIRTH_DAYS: u64 = 45 * 365;

/// Why no signer can be made for a seed or counter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyntheticError {
    /// The seed is out of range.
    #[error("seed must be below {SEEDS}, got {0}")]
    Seed(u32),
    /// The seed has given all its signers.
    #[error("seed {0} has no signers left after {PER_SEED}; use another seed")]
    Exhausted(u32),
}

/// Makes synthetic signers from the region catalogue's passport series codes.
#[derive(Debug, Clone)]
pub struct SyntheticSigners {
    /// The 2-digit OKATO codes a passport series may start with, sorted.
    okato: Vec<String>,
}

impl SyntheticSigners {
    /// A generator over the catalogue's OKATO codes.
    pub fn new(regions: &RegionCatalog) -> SyntheticSigners {
        let mut okato: Vec<String> = regions
            .all()
            .iter()
            .filter(|r| r.okato.len() == 2)
            .map(|r| r.okato.clone())
            .collect();
        okato.sort();
        okato.dedup();
        SyntheticSigners { okato }
    }

    /// Signer number `counter` of `seed`, signing on `signed_on`, as an operator would type it.
    pub fn draft(
        &self,
        seed: u32,
        counter: u32,
        signed_on: NaiveDate,
    ) -> Result<EntryDraft, SyntheticError> {
        if seed >= SEEDS || self.okato.is_empty() {
            return Err(SyntheticError::Seed(seed));
        }
        if counter >= PER_SEED {
            return Err(SyntheticError::Exhausted(seed));
        }
        let series_slot = seed as usize;
        let okato = &self.okato[series_slot % self.okato.len()];
        let year = BLANK_YEARS[(series_slot / self.okato.len()) % BLANK_YEARS.len()];
        let mix = u64::from(seed) * 7919 + u64::from(counter) * 104_729;
        let pick = |n: usize, salt: u64| ((mix / salt) % n as u64) as usize;
        let female = counter % 2 == 1;
        let surname = SURNAMES[pick(SURNAMES.len(), 1)];
        let stem = PATRONYMIC_STEMS[pick(PATRONYMIC_STEMS.len(), 13)];
        let (surname, given_name, patronymic) = if female {
            (
                format!("{surname}а"),
                FEMALE_NAMES[pick(FEMALE_NAMES.len(), 7)],
                format!("{stem}на"),
            )
        } else {
            (
                surname.to_string(),
                MALE_NAMES[pick(MALE_NAMES.len(), 7)],
                format!("{stem}ич"),
            )
        };
        let birth = NaiveDate::from_ymd_opt(1940, 1, 1)
            .and_then(|start| start.checked_add_days(Days::new(mix % BIRTH_DAYS)))
            .unwrap_or_default();
        let (region, town) = HOMES[counter as usize % HOMES.len()];
        let street = STREETS[pick(STREETS.len(), 3)];
        Ok(EntryDraft {
            surname,
            given_name: given_name.to_string(),
            patronymic,
            birth_date: birth.format("%d.%m.%Y").to_string(),
            doc_kind: DocKind::InternalPassport,
            document: format!("{okato}{year} {counter:06}"),
            region: region.to_string(),
            abroad_country: String::new(),
            address: format!(
                "{town}, {street}, д. {}, кв. {}",
                1 + mix % 120,
                1 + (mix / 120) % 300
            ),
            signed_on: signed_on.format("%d.%m.%Y").to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Campaign;
    use crate::domain::checks::{CheckContext, check_entry, lookup_keys};
    use std::collections::{HashMap, HashSet};

    fn signers() -> (RegionCatalog, SyntheticSigners) {
        let regions = RegionCatalog::embedded().expect("catalogue");
        let signers = SyntheticSigners::new(&regions);
        (regions, signers)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn every_seed_has_its_own_passport_series() {
        let (_, signers) = signers();
        let series: HashSet<String> = (0..SEEDS)
            .map(|seed| {
                let draft = signers.draft(seed, 0, day(2026, 6, 1)).expect("draft");
                draft.document[..4].to_string()
            })
            .collect();
        assert_eq!(series.len(), SEEDS as usize);
    }

    #[test]
    fn signers_pass_every_check_without_a_finding() {
        let (regions, signers) = signers();
        let campaign = Campaign::defaults().expect("defaults");
        let counts = HashMap::new();
        for today in [day(2024, 3, 10), day(2026, 11, 26), day(2040, 1, 1)] {
            let ctx = CheckContext {
                today,
                campaign: &campaign,
                regions: &regions,
                region_counts: &counts,
                same_document: None,
                same_person: None,
            };
            for seed in [0, 1, 88, 500, SEEDS - 1] {
                for counter in (0..100).chain([PER_SEED - 1]) {
                    let draft = signers.draft(seed, counter, today).expect("draft");
                    let outcome = check_entry(&draft, &ctx);
                    assert!(
                        outcome.findings.is_empty() && outcome.entry.is_some(),
                        "{draft:?}: {:?}",
                        outcome.findings
                    );
                }
            }
        }
    }

    #[test]
    fn documents_never_repeat_and_regions_vary() {
        let (_, signers) = signers();
        let mut documents = HashSet::new();
        let mut regions = HashSet::new();
        for seed in [0, 1, 2, 89, 999] {
            for counter in 0..200 {
                let draft = signers
                    .draft(seed, counter, day(2026, 1, 1))
                    .expect("draft");
                let keys = lookup_keys(&draft);
                assert!(documents.insert(keys.document), "{draft:?}");
                regions.insert(draft.region);
            }
        }
        assert_eq!(regions.len(), HOMES.len());
    }

    #[test]
    fn out_of_range_seeds_and_counters_are_refused() {
        let (_, signers) = signers();
        let today = day(2026, 1, 1);
        assert_eq!(
            signers.draft(SEEDS, 0, today),
            Err(SyntheticError::Seed(SEEDS))
        );
        assert_eq!(
            signers.draft(3, PER_SEED, today),
            Err(SyntheticError::Exhausted(3))
        );
    }
}
