//! Table tests of the certification rules: one row per situation a lead meets.

use super::*;
use crate::domain::collector::{CollectorDetails, Detail};
use crate::domain::{Certification, LineDate};
use chrono::{TimeZone, Utc};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// Sheet 7 of Moscow (77): closed, 10 lines, 9 valid, latest signature 2024-01-22 on line 6.
fn closed_moscow_sheet() -> Sheet {
    Sheet {
        number: 7,
        origin: "point-1".into(),
        region_code: "77".into(),
        abroad_country: String::new(),
        desk: "desk-1".into(),
        opened_at: Utc.with_ymd_and_hms(2024, 1, 20, 9, 0, 0).unwrap(),
        closed_at: Some(Utc.with_ymd_and_hms(2024, 1, 22, 17, 0, 0).unwrap()),
        lines_used: 10,
        valid_lines: 9,
        voided_lines: 1,
        latest_signature: Some(LineDate {
            line: 6,
            signed_on: day("2024-01-22"),
        }),
        certification: None,
    }
}

/// What, sheet, collector, certification date, expected codes (space-separated, in order).
type CertifyRow<'a> = (&'a str, &'a Sheet, Option<&'a Collector>, &'a str, &'a str);

/// What, sheet, day it was opened, listed collector, expected codes (space-separated).
type StoredRow<'a> = (&'a str, &'a Sheet, &'a str, Option<&'a Collector>, &'a str);

/// The codes found are `expected` (space-separated), in that order.
fn assert_codes<'a>(found: impl Iterator<Item = &'a str>, expected: &str, what: &str) {
    let found: Vec<&str> = found.collect();
    let expected: Vec<&str> = expected.split_whitespace().collect();
    assert_eq!(found, expected, "{what}");
}

/// A collector listed for `regions` with every detail the certification needs.
fn collector(regions: &[&str]) -> Collector {
    Collector {
        name: "Петров Андрей Сергеевич".into(),
        regions: regions.iter().map(|r| r.to_string()).collect(),
        details: CollectorDetails {
            birth_date: Some(day("1985-03-12")),
            address: Some("г. Москва, ул. Ленина, д. 1".into()),
            passport: Some(("4510".into(), "123456".into())),
            issued_on: Some(day("2010-04-01")),
            issuer_code: Some("770-001".into()),
        },
    }
}

#[test]
fn certification_rules_table() {
    let today = day("2024-01-25");
    let listed = collector(&["77", "50"]);
    let elsewhere = collector(&["78"]);
    let open = Sheet {
        closed_at: None,
        ..closed_moscow_sheet()
    };
    let empty = Sheet {
        valid_lines: 0,
        voided_lines: 10,
        latest_signature: None,
        ..closed_moscow_sheet()
    };
    let abroad = Sheet {
        region_code: "abroad".into(),
        abroad_country: "Литва".into(),
        ..closed_moscow_sheet()
    };
    let abroad_listed = collector(&["abroad"]);
    let no_details = Collector {
        details: CollectorDetails::default(),
        ..collector(&["77"])
    };
    let no_passport = Collector {
        details: CollectorDetails {
            passport: None,
            issuer_code: None,
            ..listed.details.clone()
        },
        ..collector(&["77"])
    };
    let sheet = closed_moscow_sheet();
    #[rustfmt::skip]
    let rows: Vec<CertifyRow> = vec![
        ("ok: same day as the last signature", &sheet, Some(&listed), "2024-01-22", ""),
        ("ok: later, up to today", &sheet, Some(&listed), "2024-01-25", ""),
        ("date before a signature", &sheet, Some(&listed), "2024-01-21", "certify.before_signature"),
        ("date in the future", &sheet, Some(&listed), "2024-01-26", "certify.in_future"),
        ("collector not listed for the region", &sheet, Some(&elsewhere), "2024-01-23",
            "certify.collector_not_listed"),
        ("unknown collector", &sheet, None, "2024-01-23", "certify.unknown_collector"),
        ("open sheet", &open, Some(&listed), "2024-01-23", "certify.sheet_open"),
        ("no valid line", &empty, Some(&listed), "2024-01-23", "certify.no_valid_lines"),
        ("abroad sheet, collector listed only for Russian regions", &abroad, Some(&listed), "2024-01-23",
            "certify.collector_not_listed"),
        ("abroad sheet, collector listed for abroad", &abroad, Some(&abroad_listed), "2024-01-23", ""),
        ("listed before details were kept", &sheet, Some(&no_details), "2024-01-23", "certify.details_missing"),
        ("passport and issuer missing", &sheet, Some(&no_passport), "2024-01-23", "certify.details_missing"),
        ("everything wrong at once", &open, None, "2024-01-21",
            "certify.sheet_open certify.unknown_collector certify.before_signature"),
    ];
    for (what, sheet, collector, date, expected) in rows {
        let name = "Петров Андрей Сергеевич";
        let problems = certification_problems(sheet, name, collector, day(date), today);
        assert_codes(problems.iter().map(CertifyProblem::code), expected, what);
    }
}

#[test]
fn a_refusal_names_the_line_and_dates() {
    let problems = certification_problems(
        &closed_moscow_sheet(),
        "Петров",
        Some(&collector(&["77"])),
        day("2024-01-20"),
        day("2024-01-25"),
    );
    assert_eq!(
        problems,
        [CertifyProblem::BeforeSignature {
            date: day("2024-01-20"),
            line: 6,
            signed_on: day("2024-01-22"),
        }]
    );
}

#[test]
fn a_refusal_for_missing_details_names_each_one() {
    let mut bare = collector(&["77"]);
    bare.details.address = None;
    bare.details.issued_on = None;
    let problems = certification_problems(
        &closed_moscow_sheet(),
        "Петров Андрей Сергеевич",
        Some(&bare),
        day("2024-01-23"),
        day("2024-01-25"),
    );
    assert_eq!(
        problems,
        [CertifyProblem::DetailsMissing {
            collector: "Петров Андрей Сергеевич".into(),
            missing: vec![Detail::Address, Detail::IssuedOn],
        }]
    );
}

#[test]
fn stored_sheet_problems_table() {
    let today = day("2024-01-25");
    let listed = collector(&["77"]);
    let certified = |on: &str, by: &str| Sheet {
        certification: Some(Certification {
            collector: by.into(),
            on: day(on),
        }),
        ..closed_moscow_sheet()
    };
    let open = Sheet {
        closed_at: None,
        ..closed_moscow_sheet()
    };
    let all_voided = Sheet {
        valid_lines: 0,
        latest_signature: None,
        ..closed_moscow_sheet()
    };
    let closed = closed_moscow_sheet();
    let elsewhere = collector(&["78"]);
    let good = certified("2024-01-23", "Петров Андрей Сергеевич");
    let early = certified("2024-01-21", "Петров Андрей Сергеевич");
    #[rustfmt::skip]
    let rows: Vec<StoredRow> = vec![
        ("open, opened today", &open, "2024-01-25", None, ""),
        ("open past its day", &open, "2024-01-24", None, "sheet.open_past_day"),
        ("closed, not certified", &closed, "2024-01-20", None, "sheet.uncertified"),
        ("closed with every line voided", &all_voided, "2024-01-20", None, ""),
        ("certified by a listed collector", &good, "2024-01-20", Some(&listed), ""),
        ("certified by a collector no longer listed", &good, "2024-01-20", None, "sheet.collector_not_listed"),
        ("certified by a collector listed elsewhere", &good, "2024-01-20", Some(&elsewhere),
            "sheet.collector_not_listed"),
        ("certified before a signature (line edited after)", &early, "2024-01-20", Some(&listed),
            "sheet.certified_before_signature"),
    ];
    for (what, sheet, opened_on, collector, expected) in rows {
        let problems = sheet_problems(sheet, day(opened_on), collector, today);
        assert_codes(problems.iter().map(SheetProblem::code), expected, what);
    }
}

#[test]
fn errors_and_warnings() {
    assert_eq!(SheetProblem::Uncertified.severity(), Severity::Warning);
    assert_eq!(
        SheetProblem::CollectorNotListed {
            collector: "x".into(),
            region_code: "77".into()
        }
        .severity(),
        Severity::Error
    );
}
