//! Fuzzing the pure parsers and the whole check set with arbitrary Unicode, huge inputs and
//! messy-but-plausible desk input: nothing panics, and what is accepted is stable.
//!
//! Cases per property: `PROPTEST_CASES` (default 128); inputs up to 20 kB. The heavy variant
//! runs 20 times as many cases with inputs up to 1 MB:
//! `cargo test --release --test integration -- --ignored fuzz_parsers::`.

use crate::common::db::{people, regions};
use crate::common::fuzz::{cases, runner};
use chrono::NaiveDate;
use proptest::prelude::*;
use sigdesk::domain::checks::{CheckContext, check_entry};
use sigdesk::domain::dates::parse_date;
use sigdesk::domain::documents::{parse_document, shape};
use sigdesk::domain::names::{
    check_name, homoglyph_fix, is_cyrillic, layout_fix, normalise_name, partial_layout_fix,
};
use sigdesk::domain::{Campaign, DocKind, EntryDraft, NewEntry, Severity};
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Longest generated input, in bytes, in the default run and in the heavy one.
const HUGE: usize = 20_000;
const HEAVY_HUGE: usize = 1_000_000;

/// Any text: arbitrary Unicode, desk-like text, or one of them repeated into a huge input
/// of up to `huge` bytes.
fn text(huge: usize) -> impl Strategy<Value = String> {
    let short = prop_oneof![
        any::<String>(),
        "\\PC{0,30}",
        "[0-9 .,/ю№N#-]{0,16}",
        "[a-zA-Zа-яА-ЯёЁ' \\-–’]{0,20}",
        "[\\u{0300}-\\u{036F}\\u{200B}-\\u{200F}\\u{FEFF}ǅﬀßİ]{0,8}",
    ];
    prop_oneof![
        8 => short.clone(),
        1 => (short, 1usize..huge).prop_map(|(s, n)| s.repeat(n / s.len().max(1))),
    ]
}

fn kind() -> impl Strategy<Value = DocKind> {
    prop_oneof![
        Just(DocKind::InternalPassport),
        Just(DocKind::ForeignPassport),
        Just(DocKind::Other),
    ]
}

/// What the text of a date field may be.
fn date_text(huge: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        text(huge),
        (1u32..32, 1u32..13, 1890i32..2030).prop_map(|(d, m, y)| format!("{d:02}.{m:02}.{y}")),
        (1u32..32, 1u32..13, 1890i32..2030).prop_map(|(d, m, y)| format!("{d}{m:02}{y}")),
        (0u32..40, 0u32..15, 0i32..10_000).prop_map(|(d, m, y)| format!("{y}-{m}-{d}")),
    ]
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")
}

/// The checks run on every draft of this property: a fixed day, no lookups.
fn check(draft: &EntryDraft) -> sigdesk::domain::checks::CheckOutcome {
    static CAMPAIGN: OnceLock<Campaign> = OnceLock::new();
    let campaign = CAMPAIGN.get_or_init(|| Campaign::defaults().expect("defaults"));
    let counts = HashMap::new();
    let ctx = CheckContext {
        today: today(),
        campaign,
        regions: regions(),
        region_counts: &counts,
        same_document: None,
        same_person: None,
    };
    check_entry(draft, &ctx)
}

/// A checked entry typed back into the form, as an edit would show it.
fn retyped(e: &NewEntry) -> EntryDraft {
    EntryDraft {
        surname: e.surname.clone(),
        given_name: e.given_name.clone(),
        patronymic: e.patronymic.clone(),
        birth_date: e.birth_date.format("%d.%m.%Y").to_string(),
        doc_kind: e.doc_kind,
        document: format!("{} {}", e.doc_series, e.doc_number),
        region: e.region_code.clone(),
        abroad_country: e.abroad_country.clone(),
        address: e.address.clone(),
        signed_on: e.signed_on.format("%d.%m.%Y").to_string(),
    }
}

/// Text for one form field: anything, or something a desk would plausibly hold there.
fn field_text(huge: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => text(huge),
        1 => date_text(huge),
        2 => prop::sample::select(vec![
            "Иванов", "петрова", "ИВАНОВ-ПЕТРОВ", "Bdfyjd", "Ивaнов", "Smith", "O'Connor",
            "Д'Артаньян", "Анна Мария", "", "77", "7", "Москва", "moscow o", "Свердл", "abroad",
            "за рубежом", "СПб", "Алтай", "99", "Франция", "г. Москва, ул. Тверская, д. 7, кв. 12",
            "Свердловская обл., г. Екатеринбург, ул. Ленина, д. 5", "ул. Ленина",
        ]).prop_map(str::to_string),
        1 => ("[0-9]{4}", "[ №]{0,2}", "[0-9]{6}").prop_map(|(s, g, n)| format!("{s}{g}{n}")),
        1 => ("[0-9]{2}", " ?", "[0-9]{7}").prop_map(|(s, g, n)| format!("{s}{g}{n}")),
    ]
}

/// Replaces one field of a draft (index in form order; 4 is the document kind).
fn change(draft: &mut EntryDraft, field: usize, text: String, kind: DocKind) {
    match field {
        0 => draft.surname = text,
        1 => draft.given_name = text,
        2 => draft.patronymic = text,
        3 => draft.birth_date = text,
        4 => draft.doc_kind = kind,
        5 => draft.document = text,
        6 => draft.region = text,
        7 => draft.abroad_country = text,
        8 => draft.address = text,
        _ => draft.signed_on = text,
    }
}

/// A valid synthetic signer with up to three fields changed, or ten random fields.
fn draft(huge: usize) -> impl Strategy<Value = EntryDraft> {
    let changes = prop::collection::vec((0usize..10, field_text(huge), kind()), 0..4);
    let from_signer = prop::bool::weighted(0.75);
    (0u32..1000, 0u32..1000, from_signer, changes).prop_map(|(seed, counter, valid, changes)| {
        let mut draft = if valid {
            people()
                .numbered_draft(seed, counter, today())
                .expect("signer")
        } else {
            EntryDraft::default()
        };
        for (field, text, kind) in changes {
            change(&mut draft, field, text, kind);
        }
        draft
    })
}

fn dates_never_panic_and_accepted_dates_round_trip(cases: u32, huge: usize) {
    runner(cases)
        .run(&date_text(huge), |raw| {
            if let Ok(date) = parse_date(&raw) {
                prop_assert!(
                    raw.chars()
                        .all(|c| c.is_ascii_digit() || c.is_whitespace() || ".,/-юЮ".contains(c)),
                    "{raw:?} accepted"
                );
                let shown = date.format("%d.%m.%Y").to_string();
                prop_assert_eq!(parse_date(&shown), Ok(date));
            }
            Ok(())
        })
        .unwrap();
}

fn documents_never_panic_and_passports_keep_their_digits(cases: u32, huge: usize) {
    runner(cases)
        .run(&(kind(), text(huge)), |(kind, raw)| {
            match (parse_document(kind, &raw), shape(kind)) {
                (Ok((series, number)), Some((series_len, number_len))) => {
                    prop_assert_eq!(series.len(), series_len);
                    prop_assert_eq!(number.len(), number_len);
                    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
                    prop_assert_eq!(format!("{series}{number}"), digits);
                }
                (Ok((series, number)), None) => {
                    prop_assert!(series.is_empty());
                    prop_assert!(!number.is_empty());
                    prop_assert_eq!(number.trim(), number.as_str());
                }
                (Err(_), _) => {}
            }
            Ok(())
        })
        .unwrap();
}

fn names_never_panic_and_normalise_once(cases: u32, huge: usize) {
    runner(cases)
        .run(&text(huge), |raw| {
            let once = normalise_name(&raw);
            prop_assert_eq!(normalise_name(&once), once.clone());
            let checked = check_name(&raw);
            prop_assert_eq!(checked.text, once.clone());
            if let Some(fix) = layout_fix(&once) {
                prop_assert!(fix.chars().any(is_cyrillic), "{once:?} → {fix:?}");
            }
            let _ = partial_layout_fix(&once);
            let _ = homoglyph_fix(&once);
            Ok(())
        })
        .unwrap();
}

fn regions_never_panic(cases: u32, huge: usize) {
    runner(cases)
        .run(&text(huge), |raw| {
            let found = regions().resolve(&raw).map(|r| r.code.clone());
            let suggested = regions().suggest(&raw, 6);
            prop_assert!(suggested.len() <= 6);
            if let Some(code) = found {
                prop_assert_eq!(
                    regions().resolve(&code).map(|r| r.code.as_str()),
                    Some(code.as_str())
                );
            }
            let _ = regions().named_in_address(&raw);
            Ok(())
        })
        .unwrap();
}

fn accepted_drafts_are_stable(cases: u32, huge: usize) {
    let accepted = AtomicUsize::new(0);
    runner(cases)
        .run(&draft(huge), |draft| {
            let outcome = check(&draft);
            let errors = outcome
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            prop_assert_eq!(outcome.entry.is_some(), errors == 0);
            if let Some(entry) = outcome.entry {
                accepted.fetch_add(1, Ordering::Relaxed);
                // What was accepted, typed back in as the form shows it, is accepted as is.
                let again = check(&retyped(&entry));
                prop_assert_eq!(again.entry.as_ref(), Some(&entry), "{:?}", again.findings);
            }
            Ok(())
        })
        .unwrap();
    assert!(
        accepted.into_inner() > 0,
        "no draft was accepted: the property went untested"
    );
}

#[test]
fn dates() {
    dates_never_panic_and_accepted_dates_round_trip(cases(128), HUGE);
}

#[test]
fn documents() {
    documents_never_panic_and_passports_keep_their_digits(cases(128), HUGE);
}

#[test]
fn names() {
    names_never_panic_and_normalise_once(cases(128), HUGE);
}

#[test]
fn region_lookups() {
    regions_never_panic(cases(128), HUGE);
}

#[test]
fn whole_drafts() {
    accepted_drafts_are_stable(cases(128), HUGE);
}

#[test]
#[ignore = "heavy; run with `cargo test --release --test integration -- --ignored fuzz_parsers::`"]
fn heavy() {
    let n = cases(128) * 20;
    dates_never_panic_and_accepted_dates_round_trip(n, HEAVY_HUGE);
    documents_never_panic_and_passports_keep_their_digits(n, HEAVY_HUGE);
    names_never_panic_and_normalise_once(n, HEAVY_HUGE);
    regions_never_panic(n, HEAVY_HUGE);
    accepted_drafts_are_stable(n, HEAVY_HUGE);
}
