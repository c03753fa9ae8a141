//! Fuzzing hostile imports through the real binary: rows of a valid file whose columns
//! get control, bidi, formula and oversized values, under a file name that may carry them
//! too. Whatever is accepted or refused, every output of `import`, `check`, `audit`,
//! `sheets` and `stats` is free of C0/C1 controls and bidi overrides, and no cell of the
//! export starts a formula.
//!
//! Cases: `PROPTEST_CASES` (default 8; each runs six processes). The heavy variant runs
//! 20 times as many: `cargo test --release --test integration -- --ignored fuzz_hostile::`.

use crate::common::cli::{Point, path_arg, signers_csv};
use crate::common::fuzz::{cases, runner};
use proptest::prelude::*;
use sigdesk::domain::visible::is_unsafe;

fn hostile_value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "\u{1b}[2J\u{1b}]0;pwned\u{7}",
            "Ива\u{202e}нов",
            "\u{9b}31mred",
            "a\u{0}b",
            "line\nbreak",
            "=HYPERLINK(\"http://evil\")",
            "=cmd|' /C calc'!A0",
            "+1+1",
            "@SUM(1)",
            "-2+3",
            "\t=1",
            "'=1",
            "-й переулок",
        ])
        .prop_map(str::to_string),
        (1usize..6000).prop_map(|n| "Я".repeat(n)),
        "\\PC{0,12}",
    ]
}

fn file_name() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["in.csv", "in\u{1b}[31m.csv", "evil\u{202e}vsc.csv"])
        .prop_map(str::to_string)
}

/// (row, column, value) changes to the signers' file.
fn changes() -> impl Strategy<Value = Vec<(usize, usize, String)>> {
    prop::collection::vec((1usize..7, 0usize..21, hostile_value()), 1..6)
}

fn hostile_file(changes: &[(usize, usize, String)]) -> Vec<u8> {
    let text = signers_csv(1, 6);
    let mut rows: Vec<Vec<String>> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect();
    for (row, column, value) in changes {
        if let Some(cell) = rows.get_mut(row - 1).and_then(|r| r.get_mut(*column)) {
            *cell = value.clone();
        }
    }
    let mut out = Vec::new();
    let mut writer = csv::Writer::from_writer(&mut out);
    let header: Vec<&str> = crate::common::cli::HEADER.split(',').collect();
    writer.write_record(&header).expect("header");
    for row in &rows {
        writer.write_record(row).expect("row");
    }
    drop(writer);
    out
}

fn outputs_stay_safe(cases: u32) {
    runner(cases)
        .run(&(changes(), file_name()), |(changes, name)| {
            let point = Point::training();
            let file = point.path(&name);
            std::fs::write(&file, hostile_file(&changes)).expect("write");
            let export = point.path("out.csv");
            let commands: [&[&str]; 6] = [
                &["import", "--skip-bad", path_arg(&file)],
                &["check"],
                &["audit"],
                &["sheets"],
                &["stats"],
                &["export", "--include-voided", "--out", path_arg(&export)],
            ];
            for args in commands {
                let out = point.train(args).output().expect("run");
                for stream in [&out.stdout, &out.stderr] {
                    let text = String::from_utf8_lossy(stream);
                    let bad: Vec<char> = text.chars().filter(|c| is_unsafe(*c)).collect();
                    prop_assert!(bad.is_empty(), "{:?} printed {:?}", args, text);
                }
            }
            let exported = std::fs::read(&export).expect("export");
            for record in csv::Reader::from_reader(exported.as_slice()).records() {
                for cell in record.expect("record").iter() {
                    let first = cell.chars().next();
                    prop_assert!(
                        !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                        "formula-leading cell {:?}",
                        cell
                    );
                    prop_assert!(
                        !cell.chars().any(|c| is_unsafe(c) || c == '\n'),
                        "{:?}",
                        cell
                    );
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn hostile_columns_never_reach_a_terminal_or_a_spreadsheet() {
    outputs_stay_safe(cases(8));
}

#[test]
#[ignore = "heavy; run with `cargo test --release --test integration -- --ignored fuzz_hostile::`"]
fn heavy() {
    outputs_stay_safe(cases(8) * 20);
}
