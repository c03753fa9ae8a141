//! Numbered signers: signer `counter` of `seed` is a pure function of the pair, so a test,
//! a bench or a child process can name a signer instead of storing one. Two different pairs
//! never share a document (the seed picks the passport series, the counter is its number),
//! so a parent process that gives every child its own seed never meets a duplicate.

use super::People;
use crate::domain::{DocKind, EntryDraft, NewEntry};
use chrono::{Days, NaiveDate};
use fastrand::Rng;

/// Seeds run from 0 to `SEEDS - 1`.
pub const SEEDS: u32 = 1000;
/// Signers per seed: the passport number is the counter, so it has 6 digits.
pub const PER_SEED: u32 = 1_000_000;

/// Passport blank years (series digits 3–4) numbered signers hold: made in 1997–2019, not
/// after any year sigdesk runs in.
const BLANK_YEARS: [&str; 23] = [
    "97", "98", "99", "00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
    "13", "14", "15", "16", "17", "18", "19",
];

/// The first birth date: every numbered signer is under 100 until 2040.
const FIRST_BIRTH: (i32, u32, u32) = (1940, 1, 1);

/// How many days of birth dates a signer whose blank was made in `blank_year` draws from:
/// from [`FIRST_BIRTH`] to the end of the year that makes the blank the replacement at 45
/// (no later than the year after the 45th birthday), so the passport is valid on any
/// signing date whatever the signer's age.
fn birth_days(blank_year: i32) -> u64 {
    let last = NaiveDate::from_ymd_opt(blank_year - 44, 12, 31);
    let first = NaiveDate::from_ymd_opt(FIRST_BIRTH.0, FIRST_BIRTH.1, FIRST_BIRTH.2);
    match (first, last) {
        (Some(first), Some(last)) => (last - first).num_days().max(1).unsigned_abs(),
        _ => 1,
    }
}

/// Why no numbered signer can be made for a seed or counter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SeedError {
    /// The seed is out of range.
    #[error("seed must be below {SEEDS}, got {0}")]
    Seed(u32),
    /// The seed has given all its signers.
    #[error("seed {0} has no signers left after {PER_SEED}; use another seed")]
    Exhausted(u32),
}

impl People {
    /// Signer number `counter` of `seed`, signing on `signed_on`, with the values the
    /// checks would make of them: they pass every check without a finding on any signing
    /// date from 2019 on. Signer `counter` lives in home region `counter % homes()`.
    pub fn numbered(
        &self,
        seed: u32,
        counter: u32,
        signed_on: NaiveDate,
    ) -> Result<NewEntry, SeedError> {
        if seed >= SEEDS || self.series_okato.is_empty() || self.homes.is_empty() {
            return Err(SeedError::Seed(seed));
        }
        if counter >= PER_SEED {
            return Err(SeedError::Exhausted(seed));
        }
        let slot = seed as usize;
        let okato = &self.series_okato[slot % self.series_okato.len()];
        let year = BLANK_YEARS[(slot / self.series_okato.len()) % BLANK_YEARS.len()];
        let mut rng = Rng::with_seed(u64::from(seed) << 32 | u64::from(counter));
        let (surname, given_name, patronymic) = self.full_name(&mut rng);
        let yy = year.parse::<i32>().unwrap_or(0);
        let blank_year = if yy >= 97 { 1900 + yy } else { 2000 + yy };
        let birth_date = NaiveDate::from_ymd_opt(FIRST_BIRTH.0, FIRST_BIRTH.1, FIRST_BIRTH.2)
            .and_then(|start| start.checked_add_days(Days::new(rng.u64(0..birth_days(blank_year)))))
            .unwrap_or_default();
        let home = &self.regions[self.homes[counter as usize % self.homes.len()]];
        Ok(NewEntry {
            surname,
            given_name,
            patronymic,
            birth_date,
            doc_kind: DocKind::InternalPassport,
            doc_series: format!("{okato}{year}"),
            doc_number: format!("{counter:06}"),
            region_code: home.code.clone(),
            abroad_country: String::new(),
            address: self.address(&mut rng, home),
            signed_on,
        })
    }

    /// [`People::numbered`] as an operator would type it.
    pub fn numbered_draft(
        &self,
        seed: u32,
        counter: u32,
        signed_on: NaiveDate,
    ) -> Result<EntryDraft, SeedError> {
        let signer = self.numbered(seed, counter, signed_on)?;
        let region = signer.region_code.clone();
        Ok(signer.to_draft(region))
    }

    /// How many home regions numbered signers take turns in; the first is Moscow (77).
    pub fn homes(&self) -> u32 {
        self.homes.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checks::{CheckContext, check_entry, lookup_keys};
    use crate::domain::{Campaign, RegionCatalog};
    use std::collections::{HashMap, HashSet};

    fn people() -> People {
        let regions = RegionCatalog::embedded().expect("catalogue");
        People::embedded(&regions).expect("lists")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn every_seed_has_its_own_passport_series() {
        let people = people();
        let series: HashSet<String> = (0..SEEDS)
            .map(|seed| {
                let signer = people.numbered(seed, 0, day(2026, 6, 1)).expect("signer");
                signer.doc_series
            })
            .collect();
        assert_eq!(series.len(), SEEDS as usize);
    }

    #[test]
    fn signers_pass_every_check_without_a_finding_and_are_what_the_checks_make() {
        let people = people();
        let regions = RegionCatalog::embedded().expect("catalogue");
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
                    let draft = people.numbered_draft(seed, counter, today).expect("draft");
                    let outcome = check_entry(&draft, &ctx);
                    assert!(
                        outcome.findings.is_empty(),
                        "{draft:?}: {:?}",
                        outcome.findings
                    );
                    let signer = people.numbered(seed, counter, today).expect("signer");
                    assert_eq!(outcome.entry, Some(signer));
                }
            }
        }
    }

    #[test]
    fn the_same_pair_is_the_same_signer_and_documents_never_repeat() {
        let people = people();
        let signed_on = day(2026, 1, 1);
        assert_eq!(
            people.numbered(7, 42, signed_on),
            people.numbered(7, 42, signed_on)
        );
        let mut documents = HashSet::new();
        let mut regions = HashSet::new();
        for seed in [0, 1, 2, 89, 999] {
            for counter in 0..200 {
                let draft = people
                    .numbered_draft(seed, counter, signed_on)
                    .expect("draft");
                assert!(documents.insert(lookup_keys(&draft).document), "{draft:?}");
                regions.insert(draft.region);
            }
        }
        assert_eq!(regions.len(), people.homes() as usize);
        let first = people.numbered(3, 0, signed_on).expect("signer");
        let next_turn = people.numbered(3, people.homes(), signed_on);
        assert_eq!(first.region_code, "77");
        assert_eq!(next_turn.expect("signer").region_code, "77");
    }

    #[test]
    fn out_of_range_seeds_and_counters_are_refused() {
        let people = people();
        let today = day(2026, 1, 1);
        assert_eq!(
            people.numbered(SEEDS, 0, today),
            Err(SeedError::Seed(SEEDS))
        );
        assert_eq!(
            people.numbered(3, PER_SEED, today),
            Err(SeedError::Exhausted(3))
        );
    }
}
