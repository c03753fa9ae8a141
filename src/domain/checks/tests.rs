//! Table tests: one row per messy real-world input, expected finding codes.

use super::*;
use chrono::{TimeZone, Utc};
use std::collections::BTreeSet;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// Everything a row may change outside the draft.
struct Env {
    today: NaiveDate,
    campaign: Campaign,
    counts: HashMap<String, u32>,
    same_document: Option<EntrySummary>,
    same_person: Option<EntrySummary>,
}

fn summary() -> EntrySummary {
    EntrySummary {
        id: "0190c1d2-0000-7000-8000-000000000001".into(),
        origin: "point-1".into(),
        sheet: 12,
        line: 3,
        desk: "2".into(),
        entered_at: Utc.with_ymd_and_hms(2026, 1, 19, 11, 5, 0).single().expect("valid time"),
    }
}

/// A clean Moscow signer on 20.01.2026, with the default (unconfigured) campaign.
fn base() -> (EntryDraft, Env) {
    let draft = EntryDraft {
        surname: "Иванов".into(),
        given_name: "Иван".into(),
        patronymic: "Иванович".into(),
        birth_date: "15.05.1985".into(),
        doc_kind: DocKind::InternalPassport,
        document: "4521 123456".into(),
        region: "77".into(),
        abroad_country: String::new(),
        address: "г. Москва, ул. Тверская, д. 1, кв. 2".into(),
        signed_on: "20.01.2026".into(),
    };
    let env = Env {
        today: d(2026, 1, 20),
        campaign: Campaign::defaults().expect("defaults parse"),
        counts: HashMap::new(),
        same_document: None,
        same_person: None,
    };
    (draft, env)
}

fn run(tweak: fn(&mut EntryDraft, &mut Env)) -> CheckOutcome {
    let regions = RegionCatalog::embedded().expect("embedded catalogue");
    let (mut draft, mut env) = base();
    tweak(&mut draft, &mut env);
    let ctx = CheckContext {
        today: env.today,
        campaign: &env.campaign,
        regions: &regions,
        region_counts: &env.counts,
        same_document: env.same_document.as_ref(),
        same_person: env.same_person.as_ref(),
    };
    check_entry(&draft, &ctx)
}

fn abroad(draft: &mut EntryDraft) {
    draft.region = "abroad".into();
    draft.abroad_country = "Германия".into();
    draft.address = "Berlin, Hauptstraße 5".into();
}

type Row = (&'static str, fn(&mut EntryDraft, &mut Env), &'static [&'static str]);

const ROWS: &[Row] = &[
    ("clean entry", |_, _| {}, &[]),
    // names
    ("surname with spaces", |e, _| e.surname = "  иванов ".into(), &[]),
    ("surname in capitals", |e, _| e.surname = "ИВАНОВ".into(), &[]),
    ("double surname", |e, _| e.surname = "иванов - петров".into(), &[]),
    ("ё kept", |e, _| e.surname = "Семёнов".into(), &[]),
    ("apostrophe prefix", |e, _| e.surname = "д'артаньян".into(), &[]),
    ("English layout surname", |e, _| e.surname = "Bdfyjd".into(), &["name.layout"]),
    ("English layout female surname", |e, _| e.surname = "Gtnhjdf".into(), &["name.layout"]),
    ("English layout given name", |e, _| e.given_name = "Cthutq".into(), &["name.layout"]),
    ("English layout patronymic", |e, _| e.patronymic = "bdfyjdbx".into(), &["name.layout"]),
    ("layout with х key", |e, _| e.surname = "Ct[fyjd".into(), &["name.layout"]),
    ("foreign name", |e, _| e.surname = "O'Connor".into(), &["name.latin"]),
    ("foreign name Smith", |e, _| e.surname = "Smith".into(), &["name.latin"]),
    ("foreign name umlaut", |e, _| e.surname = "Müller".into(), &["name.latin"]),
    ("digit in name", |e, _| e.surname = "Иванов2".into(), &["name.chars"]),
    ("symbol in name", |e, _| e.given_name = "Иван!".into(), &["name.chars"]),
    ("initial with dot", |e, _| e.given_name = "И.".into(), &["name.chars", "name.initial"]),
    ("initial only", |e, _| e.patronymic = "И".into(), &["name.initial"]),
    ("trailing hyphen", |e, _| e.surname = "Иванов-".into(), &["name.signs"]),
    ("Latin look-alike letter", |e, _| e.surname = "Ивaнов".into(), &["name.mixed_script"]),
    ("half typed in each layout", |e, _| e.surname = "Иdfyjd".into(), &["name.mixed_script"]),
    ("mixed scripts, no fix", |e, _| e.surname = "Ивqwнов".into(), &["name.mixed_script"]),
    ("surname missing", |e, _| e.surname = String::new(), &["field.required"]),
    ("given name blank", |e, _| e.given_name = "   ".into(), &["field.required"]),
    ("no patronymic", |e, _| e.patronymic = String::new(), &[]),
    // birth date
    ("birth packed digits", |e, _| e.birth_date = "15051985".into(), &[]),
    ("birth ISO", |e, _| e.birth_date = "1985-05-15".into(), &[]),
    ("birth slashes", |e, _| e.birth_date = "15/5/1985".into(), &[]),
    ("birth no such date", |e, _| e.birth_date = "31.02.1990".into(), &["date.no_such_day"]),
    ("birth short year", |e, _| e.birth_date = "3.1.90".into(), &["date.short_year"]),
    ("birth in words", |e, _| e.birth_date = "15 мая 1985".into(), &["date.format"]),
    ("birth missing", |e, _| e.birth_date = String::new(), &["field.required"]),
    ("birth in future", |e, _| e.birth_date = "01.01.2030".into(), &["birth.future"]),
    ("18 today, no election date", |e, _| e.birth_date = "20.01.2008".into(), &[]),
    ("a day short of 18, no election date", |e, _| e.birth_date = "21.01.2008".into(), &["birth.under_18"]),
    (
        "18 exactly on election day",
        |e, env| {
            env.campaign.election_date = Some(d(2026, 3, 15));
            e.birth_date = "15.03.2008".into();
        },
        &[],
    ),
    (
        "one day short on election day",
        |e, env| {
            env.campaign.election_date = Some(d(2026, 3, 15));
            e.birth_date = "16.03.2008".into();
        },
        &["birth.under_18"],
    ),
    (
        "29 February, not 18 on 28.02 of a common year",
        |e, env| {
            env.today = d(2026, 2, 28);
            e.signed_on = "28.02.2026".into();
            e.birth_date = "29.02.2008".into();
        },
        &["birth.under_18"],
    ),
    (
        "29 February, 18 on 1 March",
        |e, env| {
            env.today = d(2026, 3, 1);
            e.signed_on = "01.03.2026".into();
            e.birth_date = "29.02.2008".into();
        },
        &[],
    ),
    ("over 100", |e, _| e.birth_date = "01.01.1920".into(), &["birth.over_100"]),
    ("exactly 110", |e, _| e.birth_date = "20.01.1916".into(), &["birth.over_100"]),
    ("over 110", |e, _| e.birth_date = "01.01.1910".into(), &["birth.over_110"]),
    // documents
    ("passport packed", |e, _| e.document = "4506123456".into(), &[]),
    ("passport 2+2+6", |e, _| e.document = "45 06 123456".into(), &[]),
    ("passport with №", |e, _| e.document = "4506№123456".into(), &[]),
    ("passport 9 digits", |e, _| e.document = "450612345".into(), &["doc.looks_like"]),
    ("passport number short", |e, _| e.document = "4506 12345".into(), &["doc.number_length"]),
    ("passport series short", |e, _| e.document = "456 123456".into(), &["doc.series_length"]),
    ("passport 8 digits", |e, _| e.document = "45061234".into(), &["doc.length"]),
    ("passport Latin O for zero", |e, _| e.document = "45O6 123456".into(), &["doc.chars"]),
    ("passport missing", |e, _| e.document = String::new(), &["field.required"]),
    ("OKATO 75 (Chelyabinsk)", |e, _| e.document = "7512345678".into(), &[]),
    ("OKATO 02 unknown", |e, _| e.document = "0212 345678".into(), &["doc.series_region"]),
    (
        "blank before 14",
        |e, _| {
            e.birth_date = "01.05.1990".into();
            e.document = "4599 123456".into();
        },
        &["doc.series_before_14"],
    ),
    (
        "blank year 95 (before the 1997 model)",
        |e, _| e.document = "4595 123456".into(),
        &["doc.series_year"],
    ),
    ("blank of this year", |e, _| e.document = "4526 123456".into(), &[]),
    ("blank of next year", |e, _| e.document = "4527 123456".into(), &["doc.series_year"]),
    (
        "international passport in Moscow",
        |e, _| {
            e.doc_kind = DocKind::ForeignPassport;
            e.document = "75 1234567".into();
        },
        &["doc.kind_region"],
    ),
    (
        "international passport abroad",
        |e, _| {
            abroad(e);
            e.doc_kind = DocKind::ForeignPassport;
            e.document = "751234567".into();
        },
        &[],
    ),
    (
        "internal passport digits as international",
        |e, _| {
            abroad(e);
            e.doc_kind = DocKind::ForeignPassport;
            e.document = "4506 123456".into();
        },
        &["doc.looks_like"],
    ),
    ("internal passport abroad", |e, _| abroad(e), &[]),
    (
        "other document",
        |e, _| {
            e.doc_kind = DocKind::Other;
            e.document = "военный билет АБ 1234567".into();
        },
        &["doc.other_kind"],
    ),
    // region
    ("region by prefix", |e, _| {
        e.region = "Свердл".into();
        e.address = "Свердловская обл., г. Екатеринбург, ул. Ленина, д. 1".into();
    }, &[]),
    ("region by name", |e, _| e.region = "москва".into(), &[]),
    ("region ambiguous prefix", |e, _| e.region = "Моск".into(), &["region.unknown"]),
    ("region nonsense", |e, _| e.region = "Нарния".into(), &["region.unknown"]),
    ("region missing", |e, _| e.region = " ".into(), &["field.required"]),
    ("abroad without country", |e, _| {
        abroad(e);
        e.abroad_country = "  ".into();
    }, &["region.abroad_country"]),
    ("cap reached", |_, env| {
        env.counts.insert("77".into(), 2500);
    }, &["region.cap"]),
    ("cap not yet reached", |_, env| {
        env.counts.insert("77".into(), 2499);
    }, &[]),
    ("other region at cap", |_, env| {
        env.counts.insert("50".into(), 2500);
    }, &[]),
    ("abroad cap reached", |e, env| {
        abroad(e);
        env.counts.insert("abroad".into(), 2500);
    }, &["region.cap"]),
    // address
    ("Kazan address, Tatarstan", |e, _| {
        e.region = "16".into();
        e.address = "г. Казань, ул. Московская, д. 5".into();
    }, &[]),
    ("Moscow oblast address, Tatarstan chosen", |e, _| {
        e.region = "Татарстан".into();
        e.address = "Московская обл., г. Химки, ул. Ленина, д. 3".into();
    }, &["address.region_mismatch"]),
    ("address without house", |e, _| e.address = "г. Москва, Тверская улица".into(), &["address.no_house"]),
    ("address missing", |e, _| e.address = String::new(), &["field.required"]),
    // duplicates
    ("same document", |_, env| env.same_document = Some(summary()), &["dup.document"]),
    ("same person", |_, env| env.same_person = Some(summary()), &["dup.person"]),
    // signing date
    ("signed tomorrow", |e, _| e.signed_on = "21.01.2026".into(), &["signed.future"]),
    ("signed ISO", |e, _| e.signed_on = "2026-01-20".into(), &[]),
    ("signed short year", |e, _| e.signed_on = "20.1.26".into(), &["date.short_year"]),
    ("signed missing", |e, _| e.signed_on = String::new(), &["field.required"]),
    ("signed before window", |e, env| {
        env.campaign.window_start = Some(d(2026, 1, 1));
        e.signed_on = "31.12.2025".into();
    }, &["signed.before_window"]),
    ("signed after window", |e, env| {
        env.campaign.window_end = Some(d(2026, 1, 10));
        e.signed_on = "11.01.2026".into();
    }, &["signed.after_window"]),
    ("signed inside window", |e, env| {
        env.campaign.window_start = Some(d(2026, 1, 1));
        env.campaign.window_end = Some(d(2026, 1, 31));
        e.signed_on = "1.1.2026".into();
    }, &[]),
];

#[test]
fn table() {
    assert!(ROWS.len() >= 60);
    let mut failures = Vec::new();
    for (name, tweak, want) in ROWS {
        let outcome = run(*tweak);
        let got: BTreeSet<&str> = outcome.findings.iter().map(Finding::code).collect();
        let want: BTreeSet<&str> = want.iter().copied().collect();
        if got != want {
            failures.push(format!("{name}: want {want:?}, got {got:?}"));
        }
        let has_error = outcome.findings.iter().any(|f| f.severity == Severity::Error);
        if outcome.entry.is_some() == has_error {
            failures.push(format!("{name}: entry present with errors, or missing without"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn entry_is_normalised_and_matches_lookup_keys() {
    let regions = RegionCatalog::embedded().expect("embedded catalogue");
    let (mut draft, env) = base();
    draft.surname = "  ИВАНОВ-петров ".into();
    draft.given_name = "иван".into();
    draft.document = "45 06 123456".into();
    draft.region = "Моск".into();
    draft.region = "Москва".into();
    draft.address = " г. Москва,   ул. Тверская, д. 1 ".into();
    draft.birth_date = "15051985".into();
    let ctx = CheckContext {
        today: env.today,
        campaign: &env.campaign,
        regions: &regions,
        region_counts: &env.counts,
        same_document: None,
        same_person: None,
    };
    let outcome = check_entry(&draft, &ctx);
    let entry = outcome.entry.expect("clean entry");
    assert_eq!(entry.surname, "Иванов-Петров");
    assert_eq!(entry.given_name, "Иван");
    assert_eq!((entry.doc_series.as_str(), entry.doc_number.as_str()), ("4506", "123456"));
    assert_eq!(entry.region_code, "77");
    assert_eq!(entry.address, "г. Москва, ул. Тверская, д. 1");
    assert_eq!(entry.birth_date, d(1985, 5, 15));
    assert_eq!(entry.signed_on, d(2026, 1, 20));
    let keys = lookup_keys(&draft);
    assert_eq!(
        keys.document,
        Some((DocKind::InternalPassport, entry.doc_series.clone(), entry.doc_number.clone()))
    );
    assert_eq!(
        keys.person,
        Some((entry.surname, entry.given_name, entry.patronymic, entry.birth_date))
    );
}

#[test]
fn layout_fix_is_offered_and_findings_follow_the_form() {
    let outcome = run(|e, _| {
        e.signed_on = "32.01.2026".into();
        e.surname = "Bdfyjd".into();
        e.region = "Моск".into();
    });
    let fields: Vec<Field> = outcome.findings.iter().map(|f| f.field).collect();
    assert_eq!(fields, [Field::Surname, Field::Region, Field::SignedOn]);
    assert_eq!(outcome.findings[0].fix.as_deref(), Some("Иванов"));
    assert_eq!(outcome.findings[0].severity, Severity::Warning);
    assert!(outcome.entry.is_none());
}

#[test]
fn warnings_alone_still_give_an_entry() {
    let outcome = run(|e, env| {
        e.surname = "Smith".into();
        env.same_person = Some(summary());
    });
    assert!(outcome.findings.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(outcome.entry.map(|e| e.surname).as_deref(), Some("Smith"));
}
