//! Export of 1,000,000 entries against the `sqlite3 -csv` shell, and import of 100,000 rows
//! through every check against a bare bulk insert of the same file. The ratio table is
//! printed at the end. Run: `cargo bench --bench export_import`.

mod common;

use chrono::Utc;
use common::{
    IMPORT_POINT, IMPORT_ROWS, SQLITE3, Target, bare_connection, export_sql, import_file,
};
use criterion::{BatchSize, Criterion, SamplingMode};
use rusqlite::TransactionBehavior;
use sigdesk::csvio::export::write_csv;
use sigdesk::csvio::import::ImportContext;
use sigdesk::csvio::{ExportOptions, ImportOptions, import};
use sigdesk::domain::{Column, RegionCatalog};
use sigdesk::i18n::Lang;
use sigdesk::store::{Actor, Store};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// `export`: `write_csv` into a sink against `sqlite3 -csv` writing to /dev/null.
fn export(c: &mut Criterion, db: &Path, regions: &RegionCatalog) {
    let store = Store::open(db, regions).expect("open store");
    let mut group = c.benchmark_group("export");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
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
fn import_rows(c: &mut Criterion, db: &Path, regions: &RegionCatalog) {
    let file = import_file(regions);
    let actor = Actor {
        desk: "cli".into(),
        operator: "bench".into(),
    };
    let now = Utc::now();
    let today = {
        let store = Store::open(db, regions).unwrap();
        store.campaign().unwrap().local_date(now)
    };
    let ctx = ImportContext {
        lang: Lang::En,
        today,
        now,
        regions,
        actor: &actor,
    };
    reset(db);
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("sigdesk_import_100k", |b| {
        b.iter_batched(
            || {
                reset(db);
                Store::open(db, regions).unwrap()
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
                    let stored: Vec<&str> = header
                        .iter()
                        .filter(|c| c.is_stored())
                        .map(|c| c.name())
                        .collect();
                    let mut insert = tx
                        .prepare(&format!(
                            "INSERT INTO entries({}) VALUES ({})",
                            stored.join(", "),
                            (1..=stored.len())
                                .map(|i| format!("?{i}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                        .unwrap();
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
    if !common::benchmarking() {
        return;
    }
    let regions = RegionCatalog::embedded().unwrap();
    let pristine = common::cached_db();
    let mut c = Criterion::default().configure_from_args();
    export(&mut c, &pristine, &regions);
    let work = common::working_copy("import");
    import_rows(&mut c, &work, &regions);
    c.final_summary();
    common::print_ratio_table(&[
        (
            "export/sigdesk_write_csv_1m",
            "export/sqlite3_csv_1m",
            Target::Ratio(0.6),
        ),
        (
            "import/sigdesk_import_100k",
            "import/bare_insert_100k",
            Target::Ratio(3.0),
        ),
    ]);
}
