//! Documents as people type them: shapes, kinds, and what a series says.

use super::*;
use proptest::prelude::*;

fn ok(series: &str, number: &str) -> Result<(String, String), Problem> {
    Ok((series.to_string(), number.to_string()))
}

#[test]
fn internal_passport_shapes() {
    let k = DocKind::InternalPassport;
    let rows = [
        ("4506 123456", ok("4506", "123456")),
        ("4506123456", ok("4506", "123456")),
        ("45 06 123456", ok("4506", "123456")),
        ("4506№123456", ok("4506", "123456")),
        ("4506 № 123456", ok("4506", "123456")),
        (" 4506  N123456 ", ok("4506", "123456")),
        ("45-06-123456", ok("4506", "123456")),
        (
            "4506 12345",
            Err(Problem::DocNumberLength {
                kind: k,
                expected: 6,
                got: 5,
            }),
        ),
        (
            "4506 1234567",
            Err(Problem::DocNumberLength {
                kind: k,
                expected: 6,
                got: 7,
            }),
        ),
        (
            "450 123456",
            Err(Problem::DocSeriesLength {
                kind: k,
                expected: 4,
                got: 3,
            }),
        ),
        (
            "450612345",
            Err(Problem::DocLooksLike {
                chosen: k,
                looks_like: DocKind::ForeignPassport,
            }),
        ),
        (
            "75 1234567",
            Err(Problem::DocLooksLike {
                chosen: k,
                looks_like: DocKind::ForeignPassport,
            }),
        ),
        (
            "45061234",
            Err(Problem::DocLength {
                kind: k,
                expected: 10,
                got: 8,
            }),
        ),
        ("4506 1234 56", ok("4506", "123456")),
        ("", Err(Problem::Required)),
        (" № ", Err(Problem::Required)),
        ("4506 I23456", Err(Problem::DocChars { chars: "I".into() })),
        (
            "серия 4506",
            Err(Problem::DocChars {
                chars: "серия".into(),
            }),
        ),
    ];
    for (raw, want) in rows {
        assert_eq!(parse_document(k, raw), want, "{raw:?}");
    }
}

#[test]
fn foreign_passport_and_other_documents() {
    use DocKind::{ForeignPassport as F, InternalPassport as I, Other as O};
    let rows = [
        (F, "75 1234567", ok("75", "1234567")),
        (F, "751234567", ok("75", "1234567")),
        (
            F,
            "75 123456",
            Err(Problem::DocNumberLength {
                kind: F,
                expected: 7,
                got: 6,
            }),
        ),
        (
            F,
            "4506 123456",
            Err(Problem::DocLooksLike {
                chosen: F,
                looks_like: I,
            }),
        ),
        (
            O,
            "  военный   билет аб 1234567 ",
            ok("", "ВОЕННЫЙ БИЛЕТ АБ 1234567"),
        ),
        (O, "   ", Err(Problem::Required)),
    ];
    for (kind, raw, want) in rows {
        assert_eq!(parse_document(kind, raw), want, "{kind:?} {raw:?}");
    }
}

#[test]
fn the_digits_typed_say_the_kind() {
    use DocKind::{ForeignPassport as F, InternalPassport as I, Other as O};
    let rows = [
        ("4506 123456", I),
        ("4506123456", I),
        ("45 06 123456", I),
        ("4506№123456", I),
        ("75 1234567", F),
        ("751234567", F),
        ("75№1234567", F),
        // A slip in the digits stays an internal passport, whose check says what is wrong.
        ("4506 12345", I),
        ("450612345678", I),
        ("7 51234567", I),
        ("", I),
        // Letters: another document (military ID, temporary ID).
        ("АБ 1234567", O),
        ("военный билет АБ 1234567", O),
        ("2P 123456", O),
    ];
    for (raw, want) in rows {
        assert_eq!(kind_of(raw), want, "{raw:?}");
        assert!(
            !matches!(parse_document(want, raw), Err(Problem::DocLooksLike { .. })),
            "{raw:?}: the kind read must not look like the other passport"
        );
    }
}

fn catalog() -> RegionCatalog {
    RegionCatalog::embedded().expect("embedded catalogue")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

#[test]
fn series_region_and_year() {
    let regions = catalog();
    let on = d(2026, 1, 20);
    // (series, birth date, expected codes), signed on 20.01.2026.
    let rows: [(&str, Option<NaiveDate>, &[&str]); 12] = [
        ("4521", Some(d(1990, 5, 1)), &[]),
        ("4526", Some(d(1990, 5, 1)), &[]),
        ("4527", Some(d(1990, 5, 1)), &["doc.series_year"]),
        ("4550", None, &["doc.series_year"]),
        ("4595", Some(d(1990, 5, 1)), &["doc.series_year"]),
        ("0006", None, &["doc.series_region"]),
        ("4599", Some(d(1990, 5, 1)), &["doc.series_before_14"]),
        ("4502", Some(d(1990, 5, 1)), &["doc.series_before_14"]),
        ("4503", Some(d(2012, 5, 1)), &["doc.series_before_14"]),
        // A 14-year-old's blank (2003/2004) not replaced at 20 (2010): expired.
        ("4503", Some(d(1990, 5, 1)), &["doc.passport_expired"]),
        ("4503", Some(d(1989, 5, 1)), &["doc.passport_expired"]),
        ("4599", Some(d(1970, 5, 1)), &["doc.passport_expired"]),
    ];
    for (series, birth, want) in rows {
        let got: Vec<&str> = passport_series_problems(series, birth, on, &regions)
            .iter()
            .map(Problem::code)
            .collect();
        assert_eq!(got, want, "{series} born {birth:?}");
    }
}

/// The warning for a passport of `blank_year` not replaced at `age`.
fn expired(blank_year: i32, age: u32) -> Option<Problem> {
    Some(Problem::PassportExpired { blank_year, age })
}

#[test]
fn passports_expire_90_days_after_20_and_45_unless_replaced() {
    let regions = catalog();
    // (series, birth date, signing date, expected warning)
    let rows: [(&str, NaiveDate, NaiveDate, Option<Problem>); 10] = [
        // Blank at 14, signer 19.
        ("4519", d(2005, 3, 1), d(2024, 3, 10), None),
        // Blank at 14, 20 today.
        ("4519", d(2004, 3, 10), d(2024, 3, 10), None),
        // Blank at 14, 20 + 90 days.
        ("4518", d(2004, 1, 1), d(2024, 3, 31), None),
        // Blank at 14, 20 + 91 days.
        ("4518", d(2004, 1, 1), d(2024, 4, 1), expired(2018, 20)),
        // Blank the year before 20 (slack).
        ("4523", d(2004, 6, 1), d(2026, 1, 20), None),
        // Replaced at 20, signer 43.
        ("4502", d(1982, 6, 1), d(2026, 1, 20), None),
        // Replaced at 20, past 45.
        ("4502", d(1980, 6, 1), d(2026, 1, 20), expired(2002, 45)),
        // Replaced at 45.
        ("4525", d(1980, 6, 1), d(2026, 1, 20), None),
        // 1997 blank, past 45 in 2010.
        ("4597", d(1965, 1, 1), d(2026, 1, 20), expired(1997, 45)),
        // Born 29 February: 45 on 1 March.
        ("4504", d(1980, 2, 29), d(2025, 5, 31), expired(2004, 45)),
    ];
    for (series, birth, on, want) in rows {
        let got = passport_series_problems(series, Some(birth), on, &regions);
        let want: Vec<_> = want.into_iter().collect();
        assert_eq!(got, want, "{series} born {birth}, signed {on}");
    }
}

#[test]
fn the_series_year_is_read_on_the_signing_date() {
    let regions = catalog();
    let codes = |on: NaiveDate| -> Vec<&'static str> {
        passport_series_problems("4526", None, on, &regions)
            .iter()
            .map(Problem::code)
            .collect()
    };
    assert_eq!(codes(d(2025, 12, 31)), ["doc.series_year"]);
    assert!(codes(d(2026, 1, 1)).is_empty());
}

proptest! {
    #[test]
    fn parse_document_never_panics(raw in ".*", kind in 0..3u8) {
        let kind = [DocKind::InternalPassport, DocKind::ForeignPassport, DocKind::Other][kind as usize];
        let _ = parse_document(kind, &raw);
    }

    #[test]
    fn passports_parse_whatever_the_spacing(series in "[0-9]{4}", number in "[0-9]{6}", gap in "[ №]{0,3}") {
        let typed = format!("{series}{gap}{number}");
        prop_assert_eq!(parse_document(DocKind::InternalPassport, &typed), Ok((series, number)));
    }
}
