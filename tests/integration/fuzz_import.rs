//! Fuzzing `csvio::import` on real SQLite files: arbitrary bytes, and a real export whose
//! rows, columns and bytes are mutated. The importer never panics; it either imports rows
//! that pass every check or refuses with a message and writes nothing; the database stays
//! sound; importing the same file again adds nothing.
//!
//! Cases per property: `PROPTEST_CASES` (default 48). The heavy variant runs 30 times as
//! many: `cargo test --release --test integration -- --ignored fuzz_import::`.

use crate::common::db::{actor, fresh_db, lead, open_store, people, regions};
use crate::common::fuzz::{cases, runner};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use sigdesk::csvio::import::ImportContext;
use sigdesk::csvio::{self, CsvError, ExportOptions, ImportOptions};
use sigdesk::i18n::Lang;
use sigdesk::store::Store;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0)
        .single()
        .expect("time")
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// The export of another point: 12 signers saved at its desks, one voided, as records.
fn source_rows() -> &'static Vec<Vec<String>> {
    static ROWS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = open_store(&dir.path().join("source.db"));
        let mut campaign = store.campaign().expect("campaign");
        campaign.set("point", "point-9").expect("point");
        campaign.set("timezone", "UTC").expect("timezone");
        store
            .save_campaign(&campaign, &lead(), now())
            .expect("save");
        let signed_on = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        let mut ids = Vec::new();
        for counter in 0..12 {
            let entry = people().numbered(9, counter, signed_on).expect("signer");
            let desk = actor(&format!("desk-{}", counter % 2), "Anna");
            ids.push(
                store
                    .save_entry(&entry, &desk, None, now())
                    .expect("save")
                    .id,
            );
        }
        store
            .void_entry(&ids[3], "подпись не та", &lead(), now())
            .expect("void");
        let mut out = Vec::new();
        let options = ExportOptions {
            include_voided: true,
            ..ExportOptions::default()
        };
        csvio::export::write_csv(&store, &mut out, options).expect("export");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_slice());
        reader
            .records()
            .map(|r| r.expect("record").iter().map(str::to_string).collect())
            .collect()
    })
}

/// One change to the records of a CSV (row 0 is the header).
#[derive(Debug, Clone)]
enum RowChange {
    SetField(usize, usize, String),
    DropRow(usize),
    DuplicateRow(usize),
    CopyRowWithId(usize, String),
    SwapColumns(usize, usize),
    DropColumn(usize),
    AddRow(Vec<String>),
}

/// One change to the bytes of the written file.
#[derive(Debug, Clone)]
enum ByteChange {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

/// A mutated export and how to import it.
#[derive(Debug, Clone)]
struct Case {
    rows: Vec<RowChange>,
    bytes: Vec<ByteChange>,
    semicolons: bool,
    bom: bool,
    skip_bad: bool,
    preload: bool,
}

fn field_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        1 => "\\PC{0,12}",
        2 => prop::sample::select(vec![
            "", " ", "0", "-1", "1", "11", "4294967296", "valid", "voided", "VALID",
            "internal_passport", "foreign_passport", "other", "abroad", "77", "99", "Франция",
            "2026-11-20", "2026-11-27", "1999-02-29", "2030-01-01", "20.11.2026", "1890-01-01",
            "2026-11-20T10:00:00Z", "2026-11-20 10:00", "point-1", "point-9", "Иванов",
            "Bdfyjd", "4506", "123456", "75", "1234567", "г. Москва, ул. Тверская, д. 7",
            "\"", ",", ";", "\n", "\r\n", "\u{feff}id", "id", "region",
        ])
        .prop_map(str::to_string),
        1 => "[0-9]{1,12}",
    ]
}

fn row_change() -> impl Strategy<Value = RowChange> {
    let row = 0usize..16;
    let col = 0usize..22;
    prop_oneof![
        6 => (row.clone(), col.clone(), field_text()).prop_map(|(r, c, t)| RowChange::SetField(r, c, t)),
        1 => row.clone().prop_map(RowChange::DropRow),
        1 => row.clone().prop_map(RowChange::DuplicateRow),
        1 => (row, "[0-9a-f-]{1,36}").prop_map(|(r, id)| RowChange::CopyRowWithId(r, id)),
        1 => (col.clone(), col.clone()).prop_map(|(a, b)| RowChange::SwapColumns(a, b)),
        1 => col.prop_map(RowChange::DropColumn),
        1 => prop::collection::vec(field_text(), 0..24).prop_map(RowChange::AddRow),
    ]
}

fn byte_change() -> impl Strategy<Value = ByteChange> {
    let at = 0usize..4000;
    let bytes = prop::collection::vec(
        prop_oneof![
            prop::sample::select(vec![
                b',', b';', b'"', b'\n', b'\r', 0, 0xFF, 0xEF, 0xBB, 0xD0
            ]),
            any::<u8>(),
        ],
        1..4,
    );
    prop_oneof![
        (at.clone(), bytes).prop_map(|(at, b)| ByteChange::Insert(at, b)),
        (at.clone(), 1usize..20).prop_map(|(at, n)| ByteChange::Delete(at, n)),
        at.prop_map(ByteChange::Truncate),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec(row_change(), 0..4),
        prop::collection::vec(byte_change(), 0..2),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(rows, bytes, semicolons, bom, skip_bad, preload)| Case {
            rows,
            bytes,
            semicolons,
            bom,
            skip_bad,
            preload,
        })
}

fn apply_row_change(rows: &mut Vec<Vec<String>>, change: &RowChange) {
    let n = rows.len();
    match change {
        RowChange::SetField(r, c, text) => {
            if let Some(field) = rows.get_mut(r % n).and_then(|row| row.get_mut(*c)) {
                *field = text.clone();
            }
        }
        RowChange::DropRow(r) => {
            rows.remove(r % n);
        }
        RowChange::DuplicateRow(r) => {
            let row = rows[r % n].clone();
            rows.push(row);
        }
        RowChange::CopyRowWithId(r, id) => {
            let mut row = rows[(r % n).max(1).min(n - 1)].clone();
            if let Some(first) = row.first_mut() {
                *first = id.clone();
            }
            rows.push(row);
        }
        RowChange::SwapColumns(a, b) => {
            for row in rows.iter_mut() {
                if *a < row.len() && *b < row.len() {
                    row.swap(*a, *b);
                }
            }
        }
        RowChange::DropColumn(c) => {
            for row in rows.iter_mut() {
                if *c < row.len() {
                    row.remove(*c);
                }
            }
        }
        RowChange::AddRow(fields) => rows.push(fields.clone()),
    }
}

fn apply_byte_change(bytes: &mut Vec<u8>, change: &ByteChange) {
    let len = bytes.len();
    match change {
        ByteChange::Insert(at, new) => {
            let at = at % (len + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        ByteChange::Delete(at, n) => {
            let at = at % (len + 1);
            bytes.drain(at..(at + n).min(len));
        }
        ByteChange::Truncate(at) => bytes.truncate(at % (len + 1)),
    }
}

/// The file a case imports.
fn file_bytes(case: &Case) -> Vec<u8> {
    let mut rows = source_rows().clone();
    for change in &case.rows {
        if !rows.is_empty() {
            apply_row_change(&mut rows, change);
        }
    }
    let mut out: Vec<u8> = Vec::new();
    if case.bom {
        out.extend("\u{feff}".as_bytes());
    }
    {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .delimiter(if case.semicolons { b';' } else { b',' })
            .from_writer(&mut out);
        for row in &rows {
            writer.write_record(row).expect("write record");
        }
        writer.flush().expect("flush");
    }
    for change in &case.bytes {
        apply_byte_change(&mut out, change);
    }
    out
}

/// What the database holds, to compare before and after a refused import.
fn totals(store: &Store) -> (u64, u64) {
    store.entry_totals().expect("totals")
}

/// Imports `bytes` into a fresh database (after the clean export when `preload`) and checks
/// every property. Returns how many rows were added.
fn import_case(bytes: &[u8], skip_bad: bool, preload: bool) -> Result<usize, TestCaseError> {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open_store(&fresh_db(dir.path()));
    let importer = lead();
    let ctx = ImportContext {
        lang: Lang::En,
        today: today(),
        now: now(),
        regions: regions(),
        actor: &importer,
    };
    if preload {
        let clean = file_bytes(&Case {
            rows: Vec::new(),
            bytes: Vec::new(),
            semicolons: false,
            bom: false,
            skip_bad: false,
            preload: false,
        });
        let path = dir.path().join("clean.csv");
        std::fs::write(&path, clean).expect("write");
        csvio::import(&mut store, &path, ImportOptions::default(), &ctx).expect("clean import");
    }
    let path = dir.path().join("in.csv");
    std::fs::write(&path, bytes).expect("write");
    let options = ImportOptions {
        skip_bad,
        delimiter: None,
    };
    let before = totals(&store);
    let added = match csvio::import(&mut store, &path, options, &ctx) {
        Ok(report) => {
            prop_assert_eq!(
                report.rows,
                report.added + report.already_present + report.rejected,
                "{:?}",
                report
            );
            if !skip_bad {
                prop_assert_eq!(report.rejected, 0);
            }
            let rejects = csvio::rejects_path(&path);
            prop_assert_eq!(rejects.exists(), report.rejected > 0);
            let after = totals(&store);
            prop_assert_eq!(after.0 + after.1, before.0 + before.1 + report.added as u64);
            assert_imported_entries_pass(&store)?;
            let again = csvio::import(&mut store, &path, options, &ctx)
                .map_err(|e| TestCaseError::fail(format!("second import: {e}")))?;
            prop_assert_eq!(again.added, 0, "importing twice added rows");
            prop_assert_eq!(totals(&store), after);
            report.added
        }
        Err(e) => {
            let message = e.to_string();
            prop_assert!(!message.trim().is_empty());
            prop_assert!(
                !matches!(e, CsvError::Store(_)),
                "the database refused a checked row: {message}"
            );
            prop_assert_eq!(
                totals(&store),
                before,
                "a refused import wrote: {}",
                message
            );
            0
        }
    };
    prop_assert_eq!(store.integrity_check().expect("integrity"), ["ok"]);
    Ok(added)
}

/// Every valid entry in the database passes the check set without an error.
fn assert_imported_entries_pass(store: &Store) -> Result<(), TestCaseError> {
    let report = sigdesk::ops::defects::check_all(store, regions(), today(), Lang::En)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(!report.has_errors(), "{:?}", report.by_code);
    Ok(())
}

fn mutated_exports(cases: u32) {
    let added = AtomicUsize::new(0);
    let refused = AtomicUsize::new(0);
    runner(cases)
        .run(&case(), |case| {
            let n = import_case(&file_bytes(&case), case.skip_bad, case.preload)?;
            added.fetch_add(n, Ordering::Relaxed);
            if n == 0 {
                refused.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        })
        .unwrap();
    // Both outcomes must have been exercised for the properties to mean anything.
    assert!(added.into_inner() > 0, "no mutated file imported anything");
    assert!(refused.into_inner() > 0, "no mutated file was refused");
}

fn arbitrary_bytes(cases: u32) {
    let header = source_rows()[0].join(",") + "\n";
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        prop::collection::vec(any::<u8>(), 0..2048).prop_map(move |tail| {
            let mut all = header.clone().into_bytes();
            all.extend(tail);
            all
        }),
    ];
    runner(cases)
        .run(&(bytes, any::<bool>()), |(bytes, skip_bad)| {
            import_case(&bytes, skip_bad, false)?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn mutated_exports_import_whole_or_not_at_all() {
    mutated_exports(cases(48));
}

#[test]
fn arbitrary_bytes_never_break_the_importer() {
    arbitrary_bytes(cases(48));
}

#[test]
fn the_clean_export_imports_every_row() {
    let bytes = file_bytes(&Case {
        rows: Vec::new(),
        bytes: Vec::new(),
        semicolons: true,
        bom: true,
        skip_bad: false,
        preload: false,
    });
    assert_eq!(import_case(&bytes, false, false).expect("clean import"), 12);
}

#[test]
#[ignore = "heavy; run with `cargo test --release --test integration -- --ignored fuzz_import::`"]
fn heavy() {
    mutated_exports(cases(48) * 30);
    arbitrary_bytes(cases(48) * 30);
}
