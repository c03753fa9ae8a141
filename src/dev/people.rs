//! Synthetic signers, the one generator of the demo, the tests and the benches: Russian
//! names in both genders from the lists in `assets/people/`, addresses in the signer's
//! region, internal passports (foreign ones for `abroad`).
//!
//! Two ways to draw them: a seeded random stream with a few deliberate defects the checks
//! must catch as warnings (the demo day, [`People::signer`]), and numbered signers, a pure
//! function of `(seed, counter)` that never repeats a document (the `script` writer, tests,
//! bench fixtures, [`People::numbered`]).

mod lists;
mod numbered;

pub use lists::ListError;
pub use numbered::{PER_SEED, SEEDS, SeedError};

use crate::domain::collector::DetailsDraft;
use crate::domain::dates::age_on;
use crate::domain::dates::day_text;
use crate::domain::{ABROAD, DocKind, EntryDraft, RegionCatalog};
use chrono::{Datelike, Duration, NaiveDate};
use fastrand::Rng;
use lists::HomeRegion;

/// A deliberate defect planted in a signer, each one a warning the form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Planted {
    /// A correct signer.
    None,
    /// The address names another federal subject (`address.region_mismatch`).
    AddressElsewhere,
    /// The series was mistyped into an unknown OKATO code (`doc.series_region`).
    SeriesTypo,
    /// The same person signed before with another passport (`dup.person`).
    NearDuplicate,
}

/// The synthetic signers' generator: the name, street, region and country lists, read once.
#[derive(Debug, Clone)]
pub struct People {
    surnames: Vec<[String; 2]>,
    male: Vec<[String; 3]>,
    female: Vec<String>,
    streets: Vec<String>,
    regions: Vec<HomeRegion>,
    total_weight: u32,
    /// The regions numbered signers live in, in turn: every one but `abroad`.
    homes: Vec<usize>,
    countries: Vec<[String; 2]>,
    /// Two-digit codes no region has, for mistyped series.
    unknown_okato: Vec<String>,
    /// Every region's OKATO code, sorted: numbered signers' series start with one.
    series_okato: Vec<String>,
}

impl People {
    /// Reads the embedded lists; every home region must be in the catalogue.
    pub fn embedded(catalog: &RegionCatalog) -> Result<People, ListError> {
        let regions = lists::home_regions(catalog)?;
        let total_weight = regions.iter().map(|r| r.weight).sum();
        let homes = (0..regions.len())
            .filter(|i| regions[*i].code != ABROAD)
            .collect();
        let unknown_okato = (0..100)
            .map(|n| format!("{n:02}"))
            .filter(|code| catalog.by_okato(code).is_none())
            .collect();
        let mut series_okato: Vec<String> = catalog
            .all()
            .iter()
            .filter(|r| r.okato.len() == 2)
            .map(|r| r.okato.clone())
            .collect();
        series_okato.sort();
        series_okato.dedup();
        Ok(People {
            surnames: lists::surnames()?,
            male: lists::male_names()?,
            female: lists::female_names(),
            streets: lists::streets(),
            regions,
            total_weight,
            homes,
            countries: lists::countries()?,
            unknown_okato,
            series_okato,
        })
    }

    /// The catalogue codes of the demo regions, in list order.
    pub fn region_codes(&self) -> Vec<String> {
        self.regions.iter().map(|r| r.code.clone()).collect()
    }

    /// A full name: (surname, given name, patronymic), in one gender.
    pub fn full_name(&self, rng: &mut Rng) -> (String, String, String) {
        let [surname_m, surname_f] = pick(rng, &self.surnames);
        let [_, patronymic_m, patronymic_f] = pick(rng, &self.male);
        if rng.bool() {
            let [given, _, _] = pick(rng, &self.male);
            (surname_m.clone(), given.clone(), patronymic_m.clone())
        } else {
            (
                surname_f.clone(),
                pick(rng, &self.female).clone(),
                patronymic_f.clone(),
            )
        }
    }

    fn region(&self, rng: &mut Rng) -> &HomeRegion {
        let mut ticket = rng.u32(0..self.total_weight.max(1));
        for region in &self.regions {
            if ticket < region.weight {
                return region;
            }
            ticket -= region.weight;
        }
        &self.regions[0]
    }

    fn address(&self, rng: &mut Rng, region: &HomeRegion) -> String {
        let city = pick(rng, &region.cities);
        let street = pick(rng, &self.streets);
        let house = rng.u32(1..120);
        let flat = rng.u32(1..300);
        if region.federal_city {
            format!("г. {city}, {street}, д. {house}, кв. {flat}")
        } else {
            format!(
                "{}, г. {city}, {street}, д. {house}, кв. {flat}",
                region.subject
            )
        }
    }

    /// A new signer as an operator types them, signing on `day`, with `planted` defect.
    pub fn signer(&self, rng: &mut Rng, day: NaiveDate, planted: Planted) -> EntryDraft {
        let (surname, given_name, patronymic) = self.full_name(rng);
        let age_days = adult_age_days(rng);
        let birth = day - Duration::days(age_days);
        let region = self.region(rng);
        let signed_on = day_text(day);
        let birth_date = day_text(birth);
        if region.code == ABROAD {
            let [country, city] = pick(rng, &self.countries);
            let street = pick(rng, &self.streets);
            return EntryDraft {
                surname,
                given_name,
                patronymic,
                birth_date,
                doc_kind: DocKind::ForeignPassport,
                document: format!("{} {:07}", rng.u32(70..80), rng.u32(0..10_000_000)),
                region: ABROAD.to_string(),
                abroad_country: country.clone(),
                address: format!(
                    "{country}, г. {city}, {street}, д. {}, кв. {}",
                    rng.u32(1..90),
                    rng.u32(1..60)
                ),
                signed_on,
            };
        }
        let mut okato = region.okato.clone();
        let mut address = self.address(rng, region);
        match planted {
            Planted::AddressElsewhere => {
                let other = self.other_region(rng, &region.code);
                address = self.address(rng, other);
            }
            Planted::SeriesTypo => okato = pick(rng, &self.unknown_okato).clone(),
            Planted::None | Planted::NearDuplicate => {}
        }
        EntryDraft {
            surname,
            given_name,
            patronymic,
            birth_date,
            doc_kind: DocKind::InternalPassport,
            document: format!(
                "{okato}{:02} {:06}",
                blank_year(rng, birth, day) % 100,
                rng.u32(0..1_000_000)
            ),
            region: region.code.clone(),
            address,
            signed_on,
            ..EntryDraft::default()
        }
    }

    /// The same person again (name and birth date) with a newer internal passport.
    pub fn same_person_again(&self, rng: &mut Rng, first: &EntryDraft) -> EntryDraft {
        let series: String = first.document.chars().take(2).collect();
        let series = if series.chars().all(|c| c.is_ascii_digit()) && series.len() == 2 {
            series
        } else {
            self.regions[0].okato.clone()
        };
        EntryDraft {
            doc_kind: DocKind::InternalPassport,
            document: format!(
                "{series}{:02} {:06}",
                rng.u32(20..24),
                rng.u32(0..1_000_000)
            ),
            region: if first.region == ABROAD {
                self.regions[0].code.clone()
            } else {
                first.region.clone()
            },
            abroad_country: String::new(),
            address: if first.region == ABROAD {
                self.address(rng, &self.regions[0])
            } else {
                first.address.clone()
            },
            ..first.clone()
        }
    }

    /// A collector's details for the notarised list as a lead types them: an adult of 25
    /// to 60 on `day` living in the first demo region, with a valid internal passport.
    pub fn collector_details(&self, rng: &mut Rng, day: NaiveDate) -> DetailsDraft {
        let home = &self.regions[0];
        let birth = day - Duration::days(rng.i64(25..60) * 365 + rng.i64(0..365));
        let year = blank_year(rng, birth, day);
        let issued = NaiveDate::from_ymd_opt(year, 1, 1)
            .map(|start| start + Duration::days(rng.i64(0..365)))
            .unwrap_or(day)
            .min(day);
        DetailsDraft {
            birth_date: day_text(birth),
            address: self.address(rng, home),
            passport: format!(
                "{}{:02} {:06}",
                home.okato,
                year % 100,
                rng.u32(0..1_000_000)
            ),
            issued_on: issued.to_string(),
            issuer_code: format!("{}{}-{:03}", home.code, rng.u32(0..10), rng.u32(1..1000)),
        }
    }

    fn other_region(&self, rng: &mut Rng, code: &str) -> &HomeRegion {
        let others: Vec<&HomeRegion> = self
            .regions
            .iter()
            .filter(|r| r.code != code && r.code != ABROAD)
            .collect();
        others[rng.usize(0..others.len())]
    }
}

fn pick<'a, T>(rng: &mut Rng, list: &'a [T]) -> &'a T {
    &list[rng.usize(0..list.len())]
}

/// An age between 18½ and 85 years in days, weighted to the young (most supporters
/// were 20–45).
fn adult_age_days(rng: &mut Rng) -> i64 {
    let years = if rng.u8(0..10) < 7 {
        rng.i64(19..46)
    } else {
        rng.i64(46..86)
    };
    years * 365 + rng.i64(0..365)
}

/// The year a passport blank was printed: at least the year the holder turned 14 (and
/// 1997, when the current passports started), or 20 or 45 once the holder is past that
/// birthday (the passport is replaced then), at most the signing year.
fn blank_year(rng: &mut Rng, birth: NaiveDate, day: NaiveDate) -> i32 {
    let age = age_on(birth, day - Duration::days(90));
    let replaced_at = match age {
        45.. => 45,
        20.. => 20,
        _ => 14,
    };
    let first = (birth.year() + replaced_at).max(1997).min(day.year());
    rng.i32(first..=day.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Campaign;
    use crate::domain::checks::{CheckContext, check_entry};
    use std::collections::HashMap;

    fn people() -> (People, RegionCatalog) {
        let catalog = RegionCatalog::embedded().expect("catalogue");
        (People::embedded(&catalog).expect("demo lists"), catalog)
    }

    /// Codes of every finding the check set makes on a draft.
    fn codes(draft: &EntryDraft, catalog: &RegionCatalog, day: NaiveDate) -> Vec<&'static str> {
        let campaign = Campaign::defaults().expect("defaults");
        let counts = HashMap::new();
        let ctx = CheckContext {
            today: day,
            campaign: &campaign,
            regions: catalog,
            region_counts: &counts,
            same_document: None,
            same_person: None,
        };
        check_entry(draft, &ctx)
            .findings
            .iter()
            .map(|f| f.code())
            .collect()
    }

    #[test]
    fn every_list_reads_and_every_region_is_in_the_catalogue() {
        let (people, _) = people();
        assert!(people.surnames.len() >= 100);
        assert!(people.male.len() >= 40 && people.female.len() >= 40);
        assert!(people.region_codes().contains(&ABROAD.to_string()));
        assert!(!people.unknown_okato.is_empty());
    }

    #[test]
    fn correct_signers_pass_every_check() {
        let (people, catalog) = people();
        let day = NaiveDate::from_ymd_opt(2024, 1, 22).expect("date");
        let mut rng = Rng::with_seed(7);
        for _ in 0..2000 {
            let draft = people.signer(&mut rng, day, Planted::None);
            assert_eq!(
                codes(&draft, &catalog, day),
                Vec::<&str>::new(),
                "{draft:?}"
            );
        }
    }

    #[test]
    fn planted_defects_are_the_warnings_they_stand_for() {
        let (people, catalog) = people();
        let day = NaiveDate::from_ymd_opt(2024, 1, 22).expect("date");
        let mut rng = Rng::with_seed(11);
        for (planted, code) in [
            (Planted::AddressElsewhere, "address.region_mismatch"),
            (Planted::SeriesTypo, "doc.series_region"),
        ] {
            for _ in 0..200 {
                let draft = people.signer(&mut rng, day, planted);
                let found = codes(&draft, &catalog, day);
                assert!(
                    found.is_empty() && draft.region == ABROAD || found == [code],
                    "{planted:?}: {found:?} {draft:?}"
                );
            }
        }
    }

    #[test]
    fn the_same_seed_makes_the_same_people() {
        let (people, _) = people();
        let day = NaiveDate::from_ymd_opt(2024, 1, 22).expect("date");
        let make = |seed| {
            let mut rng = Rng::with_seed(seed);
            (0..50)
                .map(|_| people.signer(&mut rng, day, Planted::None))
                .collect::<Vec<_>>()
        };
        assert_eq!(make(1), make(1));
        assert_ne!(make(1), make(2));
    }
}
