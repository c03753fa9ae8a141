//! Every variant has a short message in both languages.

use super::*;
use crate::domain::checks::RegionName;
use chrono::{TimeZone, Utc};

fn region(code: &str, ru: &str, en: &str) -> RegionName {
    RegionName {
        code: code.into(),
        name_ru: ru.into(),
        name_en: en.into(),
    }
}

/// One of each variant, with realistic data; the match below breaks the build when a
/// variant is added without a sample here.
fn samples() -> Vec<Problem> {
    let first = EntrySummary {
        id: "0190c1d2-0000-7000-8000-000000000001".into(),
        origin: "point-1".into(),
        sheet: 1204,
        line: 10,
        desk: "12".into(),
        entered_at: Utc
            .with_ymd_and_hms(2026, 1, 19, 11, 5, 0)
            .single()
            .expect("valid time"),
    };
    let on = NaiveDate::from_ymd_opt(2024, 3, 17).expect("valid date");
    let moscow_oblast = region("50", "Московская область", "Moscow Oblast");
    let tatarstan = region("16", "Республика Татарстан", "Republic of Tatarstan");
    let ip = DocKind::InternalPassport;
    vec![
        Problem::Required,
        Problem::NameChars { chars: "2!".into() },
        Problem::NameSigns,
        Problem::NameLatin,
        Problem::NameLayout {
            fix: "Константинопольский".into(),
        },
        Problem::NameMixedScript {
            fix: Some("Константинопольский".into()),
        },
        Problem::NameMixedScript { fix: None },
        Problem::NameInitial,
        Problem::DateFormat,
        Problem::DateShortYear,
        Problem::DateNoSuchDay {
            day: 31,
            month: 2,
            year: 1990,
        },
        Problem::BirthInFuture,
        Problem::UnderAge { age: 17, on },
        Problem::TooOld { age: 116 },
        Problem::VeryOld { age: 104 },
        Problem::DocChars { chars: "OI".into() },
        Problem::DocLength {
            kind: DocKind::ForeignPassport,
            expected: 9,
            got: 8,
        },
        Problem::DocSeriesLength {
            kind: DocKind::ForeignPassport,
            expected: 2,
            got: 3,
        },
        Problem::DocNumberLength {
            kind: DocKind::ForeignPassport,
            expected: 7,
            got: 6,
        },
        Problem::DocLooksLike {
            chosen: ip,
            looks_like: DocKind::ForeignPassport,
        },
        Problem::DocOtherKind,
        Problem::DocKindRegion,
        Problem::PassportSeriesRegion { okato: "02".into() },
        Problem::PassportSeriesYear {
            year: "27".into(),
            current: 26,
        },
        Problem::PassportBeforeFourteen {
            blank_year: 1999,
            fourteen_in: 2004,
        },
        Problem::PassportExpired {
            blank_year: 2003,
            age: 20,
        },
        Problem::DuplicateDocument {
            first: Box::new(first.clone()),
        },
        Problem::DuplicatePerson {
            first: Box::new(first),
        },
        Problem::DocumentAtPoint {
            hit: crate::domain::hq::HqHit {
                point: "London".into(),
                signed_on: on,
            },
        },
        Problem::PersonAtPoint {
            hit: crate::domain::hq::HqHit {
                point: "London".into(),
                signed_on: on,
            },
        },
        Problem::RegionUnknown {
            suggestions: Vec::new(),
        },
        Problem::RegionUnknown {
            suggestions: vec![region("77", "Москва", "Moscow"), moscow_oblast.clone()],
        },
        Problem::AbroadCountryMissing,
        Problem::RegionCap {
            count: 2500,
            cap: 2500,
            abroad: false,
        },
        Problem::RegionCap {
            count: 2500,
            cap: 2500,
            abroad: true,
        },
        Problem::AddressNoHouse,
        Problem::AddressRegionMismatch {
            named: Box::new(moscow_oblast),
            chosen: Box::new(tatarstan),
        },
        Problem::SignedInFuture,
        Problem::SignedBeforeWindow { start: on },
        Problem::SignedAfterWindow { end: on },
    ]
}

#[test]
fn every_variant_has_a_message_in_both_languages() {
    let samples = samples();
    let mut seen = std::collections::BTreeSet::new();
    for problem in &samples {
        seen.insert(match problem {
            Problem::Required => 0,
            Problem::NameChars { .. } => 1,
            Problem::NameSigns => 2,
            Problem::NameLatin => 3,
            Problem::NameLayout { .. } => 4,
            Problem::NameMixedScript { .. } => 5,
            Problem::NameInitial => 6,
            Problem::DateFormat => 7,
            Problem::DateShortYear => 8,
            Problem::DateNoSuchDay { .. } => 9,
            Problem::BirthInFuture => 10,
            Problem::UnderAge { .. } => 11,
            Problem::TooOld { .. } => 12,
            Problem::VeryOld { .. } => 13,
            Problem::DocChars { .. } => 14,
            Problem::DocLength { .. } => 15,
            Problem::DocSeriesLength { .. } => 16,
            Problem::DocNumberLength { .. } => 17,
            Problem::DocLooksLike { .. } => 18,
            Problem::DocOtherKind => 19,
            Problem::DocKindRegion => 20,
            Problem::PassportSeriesRegion { .. } => 21,
            Problem::PassportSeriesYear { .. } => 22,
            Problem::PassportBeforeFourteen { .. } => 23,
            Problem::PassportExpired { .. } => 34,
            Problem::DuplicateDocument { .. } => 24,
            Problem::DuplicatePerson { .. } => 25,
            Problem::RegionUnknown { .. } => 26,
            Problem::AbroadCountryMissing => 27,
            Problem::RegionCap { .. } => 28,
            Problem::AddressNoHouse => 29,
            Problem::AddressRegionMismatch { .. } => 30,
            Problem::SignedInFuture => 31,
            Problem::SignedBeforeWindow { .. } => 32,
            Problem::SignedAfterWindow { .. } => 33,
            Problem::DocumentAtPoint { .. } => 34,
            Problem::PersonAtPoint { .. } => 35,
        });
    }
    assert_eq!(seen.len(), 36, "a variant has no sample");
    for problem in &samples {
        let en = Lang::En.t(problem);
        let ru = Lang::Ru.t(problem);
        assert!(
            !en.trim().is_empty() && !ru.trim().is_empty(),
            "{problem:?}"
        );
        assert_ne!(en, ru, "{problem:?} is not translated");
        assert!(
            ru.chars().any(|c| ('а'..='я').contains(&c)),
            "{problem:?}: {ru}"
        );
    }
}

#[test]
fn messages_fit_under_a_field() {
    let mut long = Vec::new();
    for problem in samples() {
        for lang in [Lang::En, Lang::Ru] {
            let message = lang.t(&problem);
            if message.chars().count() > 78 {
                long.push(format!("{} chars: {message}", message.chars().count()));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}

#[test]
fn messages_carry_their_data() {
    let short = Problem::DocNumberLength {
        kind: DocKind::InternalPassport,
        expected: 6,
        got: 5,
    };
    assert_eq!(
        Lang::En.t(short),
        "internal passport number must be 6 digits, got 5"
    );
    let bad_day = Problem::DateNoSuchDay {
        day: 31,
        month: 2,
        year: 1990,
    };
    assert!(Lang::Ru.t(bad_day).contains("31.02.1990"));
    assert!(Lang::En.t(&Problem::DateShortYear).contains("4 digits"));
    let layout = Problem::NameLayout {
        fix: "Иванов".into(),
    };
    assert!(Lang::En.t(layout).contains("Иванов"));
}
