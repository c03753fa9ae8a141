//! Export of 1,000,000 entries against the `sqlite3 -csv` shell, import of 100,000 rows
//! through every check against a bare bulk insert of the same file, and `check --json` of
//! the 1M entries with 1% planted defects against `export` of the same rows. The ratio table is
//! printed at the end. Run: `cargo bench --bench export_import`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use chrono::Utc;
use common::db::{actor, open_store, regions};
use common::measure::Target;
use common::{
    IMPORT_POINT, IMPORT_ROWS, SQLITE3, bare_connection, export_sql, import_file, insert_entry_sql,
};
use criterion::{BatchSize, Criterion, SamplingMode};
use rusqlite::TransactionBehavior;
use sigdesk::csvio::export::write_csv;
use sigdesk::csvio::import::ImportContext;
use sigdesk::csvio::{ExportOptions, ImportOptions, import};
use sigdesk::domain::Column;
use sigdesk::i18n::Lang;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// `export`: `write_csv` into a sink against `sqlite3 -csv` writing to /dev/null.
fn export(c: &mut Criterion, db: &Path) {
    let store = open_store(db);
    let mut group = c.benchmark_group("export");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.bench_function("sigdesk_write_csv_1m", |b| {
        b.iter(|| {
            let rows = write_csv(&store, std::io::sink(), ExportOptions::default()).unwrap();
            assert_eq!(rows, common::ROWS);
        })
    });
    if Path::new(SQLITE3).exists() {
        let query = export_sql();
        group.bench_function("sqlite3_csv_1m", |b| {
            b.iter(|| {
                let status = Command::new(SQLITE3)
                    .args(["-readonly", "-csv", "-header"])
                    .arg(db)
                    .arg(&query)
                    .stdin(Stdio::null())
                    .stdout(std::fs::File::create("/dev/null").unwrap())
                    .status()
                    .unwrap();
                assert!(status.success());
            })
        });
    } else {
        println!("export: {SQLITE3} is missing; the sqlite3 baseline is skipped");
    }
    group.finish();
}

/// The release binary `cargo bench` built.
const SIGDESK: &str = env!("CARGO_BIN_EXE_sigdesk");

/// Runs `sigdesk --db DB --no-encrypt <args>` with stdout to /dev/null; returns its exit code.
fn run_sigdesk(db: &Path, args: &[&str]) -> i32 {
    Command::new(SIGDESK)
        .arg("--db")
        .arg(db)
        .arg("--no-encrypt")
        .args(args)
        .env("SIGDESK_LEAD_PIN", "2468")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create("/dev/null").unwrap())
        .status()
        .unwrap()
        .code()
        .unwrap()
}

/// `check --json` of the real binary on the 1M entries with 1% planted defects, against
/// `export` of the same rows by the same binary.
fn check(c: &mut Criterion, db: &Path) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.bench_function("sigdesk_check_json_1m_defects", |b| {
        b.iter(|| assert_eq!(run_sigdesk(db, &["check", "--json"]), 3))
    });
    group.bench_function("sigdesk_export_1m_defects", |b| {
        b.iter(|| assert_eq!(run_sigdesk(db, &["export", "--out", "-"]), 0))
    });
    group.finish();
}

/// Takes the imported rows out again so every iteration imports into the same 1M entries.
/// The audit log is append-only, so each iteration's one `import` event stays.
fn reset(db: &Path) {
    let conn = bare_connection(db);
    conn.execute("DELETE FROM entries WHERE origin = ?1", [IMPORT_POINT])
        .unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
}

/// `import`: 100,000 rows through every check against a bare insert of the same file.
fn import_rows(c: &mut Criterion, db: &Path) {
    let file = import_file();
    let importer = actor("cli", "bench");
    let now = Utc::now();
    let today = open_store(db).campaign().unwrap().local_date(now);
    let ctx = ImportContext {
        lang: Lang::En,
        today,
        now,
        regions: regions(),
        actor: &importer,
    };
    reset(db);
    let mut group = c.benchmark_group("import");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.bench_function("sigdesk_import_100k", |b| {
        b.iter_batched(
            || {
                reset(db);
                open_store(db)
            },
            |mut store| {
                let report = import(&mut store, &file, ImportOptions::default(), &ctx)
                    .expect("the import file passes every check");
                assert_eq!(report.added as u64, IMPORT_ROWS);
                store
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("bare_insert_100k", |b| {
        b.iter_batched(
            || {
                reset(db);
                bare_connection(db)
            },
            |mut conn| {
                let mut reader = csv::Reader::from_path(&file).unwrap();
                let header: Vec<Column> = Column::exported().collect();
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .unwrap();
                {
                    let stored: Vec<Column> =
                        header.iter().copied().filter(|c| c.is_stored()).collect();
                    let mut insert = tx.prepare(&insert_entry_sql(&stored)).unwrap();
                    let mut record = csv::StringRecord::new();
                    while reader.read_record(&mut record).unwrap() {
                        let values: Vec<&str> = record
                            .iter()
                            .zip(&header)
                            .filter(|(_, c)| c.is_stored())
                            .map(|(v, _)| v)
                            .collect();
                        insert.execute(rusqlite::params_from_iter(values)).unwrap();
                    }
                }
                tx.commit().unwrap();
                conn
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
    reset(db);
}

fn main() {
    if !common::measure::benchmarking() {
        return;
    }
    let pristine = common::cached_db();
    let mut c = common::measure::criterion(Duration::from_secs(10));
    export(&mut c, &pristine);
    check(&mut c, &common::defects_db());
    let work = common::working_copy("import");
    import_rows(&mut c, &work);
    common::measure::summarise(
        &mut c,
        &[
            (
                "export/sigdesk_write_csv_1m",
                "export/sqlite3_csv_1m",
                Target::Ratio(0.6),
            ),
            (
                "import/sigdesk_import_100k",
                "import/bare_insert_100k",
                Target::Ratio(2.0),
            ),
            (
                "check/sigdesk_check_json_1m_defects",
                "check/sigdesk_export_1m_defects",
                Target::Ratio(4.0),
            ),
        ],
    );
}
