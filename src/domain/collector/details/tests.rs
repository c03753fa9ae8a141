//! Table tests: a collector's details as a lead types them from the notarised list.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

const TODAY: (i32, u32, u32) = (2024, 3, 10);

/// Every detail of a clean collector, as typed.
fn full() -> DetailsDraft {
    DetailsDraft {
        birth_date: "12.03.1985".into(),
        address: "г. Москва, ул. Ленина, д. 1, кв. 5".into(),
        passport: "4510 123456".into(),
        issued_on: "2010-04-01".into(),
        issuer_code: "770001".into(),
    }
}

fn run(
    name: &str,
    typed: &DetailsDraft,
    known: &CollectorDetails,
) -> Result<CheckedDetails, Vec<DetailProblem>> {
    let regions = RegionCatalog::embedded().expect("catalogue");
    check_details(name, typed, known, d(TODAY.0, TODAY.1, TODAY.2), &regions)
}

fn codes(problems: &[DetailProblem]) -> Vec<&'static str> {
    problems.iter().map(DetailProblem::code).collect()
}

#[test]
fn a_clean_collector_is_complete_and_normalised() {
    let checked = run(
        "петров андрей сергеевич",
        &full(),
        &CollectorDetails::default(),
    )
    .expect("clean");
    assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
    let details = checked.details;
    assert!(details.missing().is_empty());
    assert_eq!(details.birth_date, Some(d(1985, 3, 12)));
    assert_eq!(details.passport, Some(("4510".into(), "123456".into())));
    assert_eq!(details.issuer_code.as_deref(), Some("770-001"));
    assert_eq!(details.issued_on, Some(d(2010, 4, 1)));
}

/// (what, name, change to the clean draft, expected error codes; empty: accepted)
type Row = (
    &'static str,
    &'static str,
    fn(&mut DetailsDraft),
    &'static str,
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("clean", "Петров Андрей Сергеевич", |_| {}, ""),
    ("no patronymic", "Петров Андрей", |_| {}, ""),
    ("surname only", "Петров", |_| {}, "collector.full_name"),
    ("English layout name", "Gtnhjd Fylhtq", |_| {}, "name.layout"),
    ("Latin name", "Smith John", |_| {}, "name.latin"),
    ("digit in name", "Петров2 Андрей", |_| {}, "name.chars"),
    ("under 18", "Петров Андрей", |t| { t.birth_date = "11.03.2006".into(); t.passport = "4520 123456".into(); t.issued_on = "2020-05-01".into(); }, "birth.under_18"),
    ("18 today", "Петров Андрей", |t| { t.birth_date = "10.03.2006".into(); t.passport = "4520 123456".into(); t.issued_on = "2020-05-01".into(); }, ""),
    ("short year", "Петров Андрей", |t| t.birth_date = "12.03.85".into(), "date.short_year"),
    ("birth in the future", "Петров Андрей", |t| t.birth_date = "12.03.2030".into(), "birth.future"),
    ("passport 9 digits", "Петров Андрей", |t| t.passport = "451012345".into(), "doc.looks_like"),
    ("passport letters", "Петров Андрей", |t| t.passport = "45 10 I23456".into(), "doc.chars"),
    ("issued in the future", "Петров Андрей", |t| t.issued_on = "01.04.2025".into(), "collector.issued_future"),
    ("issued at 13", "Петров Андрей", |t| { t.passport = "4598 123456".into(); t.issued_on = "01.02.1998".into(); }, "collector.issued_before_14"),
    ("issued before its blank", "Петров Андрей", |t| t.issued_on = "01.04.2009".into(), "collector.issued_before_blank"),
    ("issuer code 5 digits", "Петров Андрей", |t| t.issuer_code = "77-001".into(), "collector.issuer_code"),
    ("issuer code letters", "Петров Андрей", |t| t.issuer_code = "ОВД Тверской".into(), "collector.issuer_code"),
    ("issuer code with hyphen", "Петров Андрей", |t| t.issuer_code = "770-001".into(), ""),
    ("address without house (warning)", "Петров Андрей", |t| t.address = "г. Москва, ул. Ленина".into(), ""),
    ("expired passport (warning)", "Петров Андрей", |t| { t.birth_date = "12.03.1975".into(); t.passport = "4510 123456".into(); }, ""),
    ("many errors at once", "Петров", |t| { t.issuer_code = "1".into(); t.passport = "1".into(); }, "collector.full_name doc.length collector.issuer_code"),
];

#[test]
fn table() {
    let mut failures = Vec::new();
    for (what, name, change, want) in ROWS {
        let mut typed = full();
        change(&mut typed);
        let got = match run(name, &typed, &CollectorDetails::default()) {
            Ok(_) => Vec::new(),
            Err(errors) => codes(&errors),
        };
        let want: Vec<&str> = want.split_whitespace().collect();
        let (mut got_sorted, mut want_sorted) = (got.clone(), want.clone());
        got_sorted.sort_unstable();
        want_sorted.sort_unstable();
        if got_sorted != want_sorted {
            failures.push(format!("{what}: want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn warnings_are_kept_and_the_listing_goes_ahead() {
    let mut typed = full();
    typed.address = "г. Москва, ул. Ленина".into();
    typed.birth_date = "12.03.1975".into();
    let checked =
        run("Петров Андрей", &typed, &CollectorDetails::default()).expect("warnings only");
    assert_eq!(
        codes(&checked.warnings),
        ["address.no_house", "doc.passport_expired"]
    );
}

#[test]
fn details_typed_later_join_the_known_ones_and_are_checked_together() {
    let known = CollectorDetails {
        birth_date: Some(d(1985, 3, 12)),
        passport: Some(("4510".into(), "123456".into())),
        ..CollectorDetails::default()
    };
    assert_eq!(
        known.missing(),
        [Detail::Address, Detail::IssuedOn, Detail::IssuerCode]
    );
    let later = DetailsDraft {
        issued_on: "01.04.2009".into(),
        ..DetailsDraft::default()
    };
    let errors = run("Петров Андрей", &later, &known).expect_err("before its blank");
    assert_eq!(codes(&errors), ["collector.issued_before_blank"]);
    let later = DetailsDraft {
        issued_on: "01.04.2010".into(),
        address: "Москва, Тверская, д. 3".into(),
        issuer_code: "770 001".into(),
        ..DetailsDraft::default()
    };
    let checked = run("Петров Андрей", &later, &known).expect("fits");
    assert!(checked.details.missing().is_empty());
    assert_eq!(checked.details.birth_date, known.birth_date);
    assert!(DetailsDraft::default().is_empty() && !later.is_empty());
}
