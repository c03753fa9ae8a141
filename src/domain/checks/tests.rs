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
        entered_at: Utc
            .with_ymd_and_hms(2026, 1, 19, 11, 5, 0)
            .single()
            .expect("valid time"),
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

fn run(tweak: impl FnOnce(&mut EntryDraft, &mut Env)) -> CheckOutcome {
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

mod paper_rows;
mod person_rows;

/// A table row: what it is about, its change to the clean signer, the finding codes
/// expected (space-separated; empty for a clean line).
type Row = (&'static str, Change, &'static str);

/// What a row changes in the clean signer of [`base`].
enum Change {
    /// Types the text into one field.
    Type(Field, &'static str),
    /// Types each text into its field.
    Types(&'static [(Field, &'static str)]),
    /// Changes several fields, or what lies outside the draft.
    By(fn(&mut EntryDraft, &mut Env)),
}

impl Change {
    fn apply(&self, draft: &mut EntryDraft, env: &mut Env) {
        match *self {
            Change::Type(field, text) => *text_of(draft, field) = text.into(),
            Change::Types(texts) => {
                for &(field, text) in texts {
                    *text_of(draft, field) = text.into();
                }
            }
            Change::By(tweak) => tweak(draft, env),
        }
    }
}

/// The text a field holds in the draft.
fn text_of(draft: &mut EntryDraft, field: Field) -> &mut String {
    match field {
        Field::Surname => &mut draft.surname,
        Field::GivenName => &mut draft.given_name,
        Field::Patronymic => &mut draft.patronymic,
        Field::BirthDate => &mut draft.birth_date,
        Field::DocKind => unreachable!("the document kind is chosen, not typed"),
        Field::Document => &mut draft.document,
        Field::Region => &mut draft.region,
        Field::AbroadCountry => &mut draft.abroad_country,
        Field::Address => &mut draft.address,
        Field::SignedOn => &mut draft.signed_on,
    }
}

#[test]
fn table() {
    let rows = person_rows::ROWS.iter().chain(paper_rows::ROWS);
    assert!(rows.clone().count() >= 60);
    let mut failures = Vec::new();
    for (name, change, want) in rows {
        let outcome = run(|draft, env| change.apply(draft, env));
        let got: BTreeSet<&str> = outcome.findings.iter().map(Finding::code).collect();
        let want: BTreeSet<&str> = want.split_whitespace().collect();
        if got != want {
            failures.push(format!("{name}: want {want:?}, got {got:?}"));
        }
        let has_error = outcome
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error);
        if outcome.entry.is_some() == has_error {
            failures.push(format!(
                "{name}: entry present with errors, or missing without"
            ));
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
    assert_eq!(
        (entry.doc_series.as_str(), entry.doc_number.as_str()),
        ("4506", "123456")
    );
    assert_eq!(entry.region_code, "77");
    assert_eq!(entry.address, "г. Москва, ул. Тверская, д. 1");
    assert_eq!(entry.birth_date, d(1985, 5, 15));
    assert_eq!(entry.signed_on, d(2026, 1, 20));
    let keys = lookup_keys(&draft);
    assert_eq!(
        keys.document,
        Some((
            DocKind::InternalPassport,
            entry.doc_series.clone(),
            entry.doc_number.clone()
        ))
    );
    assert_eq!(
        keys.person,
        Some((
            entry.surname,
            entry.given_name,
            entry.patronymic,
            entry.birth_date
        ))
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
    assert!(
        outcome
            .findings
            .iter()
            .all(|f| f.severity == Severity::Warning)
    );
    assert_eq!(outcome.entry.map(|e| e.surname).as_deref(), Some("Smith"));
}

#[test]
fn the_same_person_key_reads_yo_as_ye() {
    let (mut draft, _) = base();
    draft.surname = "Семёнов".into();
    draft.given_name = "Пётр".into();
    let with_yo = lookup_keys(&draft).person.expect("person");
    draft.surname = "Семенов".into();
    draft.given_name = "Петр".into();
    let without = lookup_keys(&draft).person.expect("person");
    assert_ne!(with_yo, without, "the entry keeps the name as written");
    assert_eq!(same_person_key(&with_yo), same_person_key(&without));
}
