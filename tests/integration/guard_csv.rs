//! Issue 12 on hostile files: the OWASP formula guard on export and its exact undo on
//! import (a round trip gives every value back), every imported column checked with a
//! reason of its own, and every text sigdesk prints free of control and bidi characters.

use crate::common::cli::{HEADER, LEAD_PIN, Output, Point, path_arg};
use crate::common::db::{
    actor, all_entries, lead, open_store, open_store_for_cli, people, regions,
};
use crate::common::fuzz::runner;
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use sigdesk::csvio::import::ImportContext;
use sigdesk::csvio::{self, ExportOptions, ImportOptions};
use sigdesk::domain::visible::is_unsafe;
use sigdesk::i18n::Lang;

/// Text that could drive a terminal: C0 (but the line break), C1, DEL, bidi controls.
fn unsafe_in(text: &str) -> Vec<char> {
    text.chars().filter(|c| is_unsafe(*c)).collect()
}

/// A value a spreadsheet would run as a formula, or one that starts with the guard's `'`
/// (words one space apart: the checks fold runs of spaces, as the form does).
fn formula_like() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["-", "=", "+", "@", "'", "'=", "''", "-й", ""]),
        "[а-яА-Я,.]{1,8}( [а-яА-Я,.]{1,8}){0,2}",
    )
        .prop_map(|(lead, tail)| format!("{lead}{tail}"))
        .prop_filter("not empty", |v| !v.is_empty())
}

#[test]
fn export_then_import_gives_formula_like_values_back_exactly() {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 26, 12, 0, 0)
        .single()
        .expect("time");
    let signed_on = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let rounds = std::sync::atomic::AtomicU32::new(0);
    runner(crate::common::fuzz::cases(16))
        .run(&(formula_like(), formula_like()), |(address, reason)| {
            let round = rounds.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let dir = tempfile::tempdir().expect("temp dir");
            let mut source = open_store(&dir.path().join("a.db"));
            let mut entry = people().numbered(3, round, signed_on).expect("signer");
            entry.address = address.clone();
            let kept = source
                .save_entry(&entry, &actor("desk-1", "Anna"), None, now)
                .expect("save");
            let mut voided = people().numbered(4, round, signed_on).expect("signer");
            voided.address = address.clone();
            let gone = source
                .save_entry(&voided, &actor("desk-1", "Anna"), None, now)
                .expect("save");
            source
                .void_entry(&gone.id, &reason, &lead(), now)
                .expect("void");
            let file = dir.path().join("out.csv");
            let options = ExportOptions {
                include_voided: true,
                ..ExportOptions::default()
            };
            csvio::export(&source, file.to_str().expect("path"), options).expect("export");
            let text = std::fs::read_to_string(&file).expect("read");
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            for record in reader.records() {
                for cell in record.expect("record").iter() {
                    let first = cell.chars().next();
                    prop_assert!(
                        !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                        "unguarded cell {cell:?}"
                    );
                }
            }
            let mut target = open_store(&dir.path().join("b.db"));
            let importer = lead();
            let ctx = ImportContext {
                lang: Lang::En,
                today: now.date_naive(),
                now,
                regions: regions(),
                actor: &importer,
            };
            let report = csvio::import(&mut target, &file, ImportOptions::default(), &ctx)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(report.added, 2);
            let back = all_entries(&target);
            let find = |id: &str| back.iter().find(|e| e.id == id).expect("imported");
            prop_assert_eq!(&find(&kept.id).signer.address, &address);
            prop_assert_eq!(&find(&gone.id).signer.address, &address);
            prop_assert_eq!(&find(&gone.id).void_reason, &reason);
            Ok(())
        })
        .unwrap();
}

/// One CSV row of signer `n` (a Moscow internal passport) with fields replaced.
fn row(n: u32, changes: &[(&str, &str)]) -> String {
    let columns: Vec<&str> = HEADER.split(',').collect();
    let mut values: Vec<String> = vec![
        format!("0190a1b2-0000-7000-8000-{n:012}"),
        "point-9".into(),
        "100".into(),
        (n % 10 + 1).to_string(),
        "Иванов".into(),
        "Анна".into(),
        "Сергеевна".into(),
        format!("1980-02-{:02}", n % 28 + 1),
        "internal_passport".into(),
        "4506".into(),
        format!("{:06}", 700_000 + n),
        "77".into(),
        "Москва".into(),
        String::new(),
        "г. Москва, ул. Тверская, д. 7".into(),
        "2026-11-20".into(),
        "desk-1".into(),
        "Anna".into(),
        "2026-11-20T09:30:00Z".into(),
        "valid".into(),
        String::new(),
    ];
    for (column, value) in changes {
        let at = columns.iter().position(|c| c == column).expect("column");
        values[at] = (*value).to_string();
    }
    let mut out = Vec::new();
    let mut writer = csv::Writer::from_writer(&mut out);
    writer.write_record(&values).expect("row");
    drop(writer);
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn every_imported_column_is_checked_with_a_reason_of_its_own() {
    let point = Point::training();
    let long = "д".repeat(301);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("surname", "=HYPERLINK(\"http://x\")")],
            "surname must start with a letter or a digit",
        ),
        (
            vec![("origin", "=cmd|' /C calc'!A0")],
            "origin must start with a letter or a digit",
        ),
        (
            vec![("desk", "@SUM(1)")],
            "desk must start with a letter or a digit",
        ),
        (
            vec![("operator", "+1+1")],
            "operator must start with a letter or a digit",
        ),
        (
            vec![("address", "г. Москва\u{1b}[2J, д. 1")],
            "address holds the control character U+001B",
        ),
        (
            vec![("patronymic", "Серг\u{202e}еевна")],
            "patronymic holds the control character U+202E",
        ),
        (
            vec![("status", "voided"), ("void_reason", "ошибка\u{0}")],
            "void_reason holds the control character U+0000",
        ),
        (vec![("address", &long)], "address is 301 characters long"),
        (
            vec![("line", "11")],
            "line 11 is past the end of a sheet of 10 lines",
        ),
        (
            vec![("void_reason", "+1+1")],
            "void_reason must be empty on a valid line",
        ),
        (
            vec![("status", "voided"), ("surname", "-Иванов")],
            "surname must start with a letter or a digit",
        ),
        (
            vec![("id", "x\u{7}y")],
            "id holds the control character U+0007",
        ),
        (
            vec![("id", "../../etc")],
            "id must start with a letter or a digit",
        ),
    ];
    let mut text = format!("{HEADER}\n");
    for (n, (changes, _)) in cases.iter().enumerate() {
        text.push_str(&row(n as u32 + 1, changes));
    }
    let file = point.write("hostile.csv", &text);
    point.set("lines_per_sheet", "10");
    let out = point
        .train(&["import", "--skip-bad", path_arg(&file)])
        .stdout_ok();
    assert!(
        out.contains(&format!("imported 0 of {} rows", cases.len())),
        "{out}"
    );
    let rejects = std::fs::read_to_string(point.path("hostile.rejected.csv")).expect("rejects");
    let mut reader = csv::Reader::from_reader(rejects.as_bytes());
    let reasons: Vec<String> = reader
        .records()
        .map(|r| {
            r.expect("record")
                .iter()
                .next_back()
                .expect("reason")
                .to_string()
        })
        .collect();
    assert_eq!(reasons.len(), cases.len());
    for ((_, want), got) in cases.iter().zip(&reasons) {
        assert!(got.contains(want), "want `{want}`, got `{got}`");
    }
    for cell in rejects.lines().flat_map(|l| l.split(',')) {
        assert!(!cell.starts_with('='), "unguarded rejects cell {cell}");
    }
    // Without --skip-bad the first reason is the error line, shown safely.
    let err = point.train(&["import", path_arg(&file)]).stderr_of(1);
    assert!(err.contains("surname must start with a letter"), "{err}");
    assert!(unsafe_in(&err).is_empty(), "{err:?}");
}

#[test]
fn every_output_shows_control_and_bidi_characters_visibly() {
    let point = Point::new();
    let mut store = open_store_for_cli(&point.db(), LEAD_PIN);
    let now = Utc::now();
    let signed_on = now.date_naive();
    let desk = actor("desk\u{1b}]0;pwned\u{7}", "Ann\u{202e}a\u{9b}31m");
    for n in 0..3 {
        let mut entry = people().numbered(5, n, signed_on).expect("signer");
        entry.surname = format!("Ива\u{1b}[2Jнов{n}");
        // The same person twice: `check` quotes the names in its message.
        entry.given_name = "Анна".into();
        entry.birth_date = NaiveDate::from_ymd_opt(1980, 1, 1).expect("date");
        store.save_entry(&entry, &desk, None, now).expect("save");
    }
    drop(store);
    let hostile_name = "in\u{1b}[31m\u{202e}.csv";
    let file = point.write(
        hostile_name,
        &format!("{HEADER}\n{}", row(1, &[("surname", "=1")])),
    );
    let outputs: Vec<(Vec<&str>, i32)> = vec![
        (vec!["check"], 0),
        (vec!["check", "--json"], 0),
        (vec!["stats"], 0),
        (vec!["stats", "--json"], 0),
        (vec!["audit"], 0),
        (vec!["sheets"], 0),
        (vec!["sheets", "--json"], 0),
        (vec!["import", path_arg(&file)], 1),
        (vec!["import", "--skip-bad", path_arg(&file)], 0),
    ];
    let mut seen_escape = false;
    for (args, _) in &outputs {
        let out = point.train(args).output().expect("run");
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(stream);
            assert!(unsafe_in(&text).is_empty(), "{args:?} printed {text:?}");
            seen_escape |= text.contains('␛') || text.contains("\\u001b");
        }
    }
    assert!(seen_escape, "the hostile names never showed");
    let usage = point
        .train(&["stats", "--now", "\u{1b}]0;x\u{7}"])
        .stderr_of(2);
    assert!(unsafe_in(&usage).is_empty(), "{usage:?}");
}
