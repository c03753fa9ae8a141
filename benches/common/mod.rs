//! Shared bench fixtures: a cached 1,000,000-entry sigdesk database, working copies of it,
//! rows, drafts and entries of the numbered signers the tests and the demo use too
//! (`sigdesk::dev::people`), written through the column list (`sigdesk::domain::Column`),
//! bare-rusqlite connections; `measure` holds criterion's setup, the timing helpers and the
//! ratio table printed at the end of each bench binary.
//!
//! The fixtures a bench shares with the tests are the tests' own files, included below
//! with `#[path]`: temp databases and the fixed facts (`db`), the in-process desk
//! (`desk`), `TestBackend` frames (`render`) and `sigdesk script` children (`cli`). They
//! are test helpers, not library code, so they stay out of `src/` and the shipped binary.
//!
//! Nothing here runs at compile time: the database is built the first time a bench *runs*
//! (about 20 s on 2 cores) and cached at `target/bench-data/entries-1m-v2.db`
//! (`SIGDESK_BENCH_DATA` overrides the folder).
#![allow(
    dead_code,
    reason = "each bench binary uses a different part of this module"
)]

#[path = "../../tests/integration/common/cli.rs"]
pub mod cli;
#[path = "../../tests/integration/common/db.rs"]
pub mod db;
#[path = "../../tests/integration/common/desk.rs"]
pub mod desk;
#[path = "../../tests/integration/common/hq.rs"]
pub mod hq;
#[path = "../../tests/integration/common/render.rs"]
pub mod render;

pub mod measure;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{Connection, params, params_from_iter};
use sigdesk::domain::{Column, Entry, EntryDraft, EntryStatus, NewEntry};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Entries in the cached database.
pub const ROWS: u64 = 1_000_000;
/// Lines per paper sheet (the campaign default).
pub const LINES_PER_SHEET: u64 = 10;
/// The collection point of the generated entries (the campaign default `point`).
pub const POINT: &str = "point-1";
/// The point the import file comes from (so its sheet/lines do not clash).
pub const IMPORT_POINT: &str = "point-2";
/// Rows in the import file.
pub const IMPORT_ROWS: u64 = 100_000;

/// Bumped whenever the generated rows change, so no bench mixes cached files of two
/// generators (their documents could clash).
const FIXTURES: &str = "v2";

/// The seed of the numbered signers of the generated entries.
const ENTRY_SEED: u32 = 0;
/// The seed of the import file's signers.
const IMPORT_SEED: u32 = 1;
/// The first of the four seeds of the new signers the save benches type.
const FRESH_SEED: u32 = 2;

fn base_time() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2026, 6, 1)
        .unwrap()
        .and_hms_opt(7, 0, 0)
        .unwrap()
        .and_utc()
}

/// Entry `i` of a generated set: numbered signer `i` of its seed, saved 10 s after entry
/// `i - 1` (six a minute, about 115 days for a million). Signer `i` lives in home region
/// `i % homes`; each region fills its own sheets of 10 lines, all at one desk. `import`
/// rows come from another point and seed, so they clash with nothing.
pub fn gen_entry(i: u64, import: bool) -> Entry {
    let people = db::people();
    let homes = u64::from(people.homes());
    let (home, turn) = (i % homes, i / homes);
    let entered_at = base_time() + Duration::seconds((i * 10) as i64);
    let seed = if import { IMPORT_SEED } else { ENTRY_SEED };
    let counter = u32::try_from(i).expect("fewer than a million rows");
    let signer = people
        .numbered(seed, counter, entered_at.date_naive())
        .expect("a numbered signer");
    let (origin, id_tag) = if import {
        (IMPORT_POINT, 1)
    } else {
        (POINT, 0)
    };
    Entry {
        id: format!("0190ab00-0000-7000-8{id_tag:03x}-{i:012x}"),
        origin: origin.into(),
        sheet: ((turn / LINES_PER_SHEET) * homes + home + 1) as u32,
        line: (turn % LINES_PER_SHEET + 1) as u32,
        signer,
        ticket: None,
        desk: format!("desk-{}", home % 3 + 1),
        operator: ["Оля", "Петя", "Маша", "Коля"][(home % 4) as usize].into(),
        entered_at,
        status: EntryStatus::Valid,
        void_reason: String::new(),
    }
}

/// The text of a column of a generated entry, as the table and the CSV hold it.
fn text(e: &Entry, column: Column) -> String {
    e.column_text(column).unwrap_or_default().into_owned()
}

/// Folder of the cached bench data.
pub fn data_dir() -> PathBuf {
    let dir = std::env::var_os("SIGDESK_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data"));
    std::fs::create_dir_all(&dir).expect("create bench-data folder");
    dir
}

/// Removes a database and its WAL/SHM files.
pub fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// A raw connection with the pragmas of DESIGN.md §3 (WAL, synchronous=FULL).
pub fn bare_connection(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("open bare connection");
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
        .unwrap();
    conn
}

fn valid_rows(path: &Path) -> Option<u64> {
    let conn = Connection::open(path).ok()?;
    conn.query_row(
        "SELECT COALESCE(SUM(valid), 0) FROM region_counts",
        [],
        |r| r.get::<_, i64>(0),
    )
    .ok()
    .map(|n| n as u64)
}

/// `PRAGMA user_version` of a database file, if it opens.
fn schema_version(path: &Path) -> Option<i64> {
    let conn = Connection::open(path).ok()?;
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).ok()
}

/// The schema version this build gives a new database.
fn current_schema_version() -> Option<i64> {
    let dir = tempfile::tempdir().ok()?;
    let path = dir.path().join("schema.db");
    drop(db::open_store(&path));
    schema_version(&path)
}

/// The cached 1M-entry database, built on first use and again when this build's schema
/// is newer than the cached file's (so no bench times a migration).
pub fn cached_db() -> PathBuf {
    let path = data_dir().join(format!("entries-1m-{FIXTURES}.db"));
    if path.exists()
        && valid_rows(&path) == Some(ROWS)
        && schema_version(&path) == current_schema_version()
    {
        return path;
    }
    let temp = data_dir().join("entries-1m.building.db");
    remove_db(&temp);
    let started = Instant::now();
    eprintln!("bench: building {} ({ROWS} entries) …", path.display());
    generate(&temp, ROWS);
    remove_db(&path);
    std::fs::rename(&temp, &path).expect("move generated database in place");
    eprintln!("bench: built in {:.1} s", started.elapsed().as_secs_f64());
    path
}

/// Every 100th entry of the 1M fixture is made defective, in four ways in turn.
pub const DEFECT_EVERY: u64 = 100;

/// A copy of the cached database with 1% planted defects, built once beside it: every
/// 100th entry in turn under 18 (`birth.under_18`, an error), a house number in the
/// address (a warning), a Latin surname (a warning), or the name and birth date of the
/// entry before it with its own document (`dup.person`, a warning on both). The region cap
/// is raised above the largest region, so the planted defects are what `check` finds
/// (12,849 of them, `dup.person` counting both entries, plus the sheets').
pub fn defects_db() -> PathBuf {
    planted_db("planted", true)
}

/// [`defects_db`] with the campaign's caps of 2,500 a region left as they are: the
/// generator's signers live in 19 regions, so 952,500 entries are past their region's cap
/// and `check` reports 965,349 defects, a case of many findings.
pub fn flooded_defects_db() -> PathBuf {
    planted_db("flooded", false)
}

/// The planted defects of [`defects_db`] in a copy tagged `tag`, with the caps raised or not.
fn planted_db(tag: &str, raise_caps: bool) -> PathBuf {
    let source = cached_db();
    let path = data_dir().join(format!("entries-1m-{FIXTURES}-{tag}.db"));
    let source_time = std::fs::metadata(&source).and_then(|m| m.modified()).ok();
    let built_time = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    if built_time.is_some() && built_time >= source_time {
        return path;
    }
    let temp = data_dir().join(format!("entries-1m-{tag}.building.db"));
    remove_db(&temp);
    std::fs::copy(&source, &temp).expect("copy cached database");
    // `check` refuses a database with no lead PIN (not made whole by sigdesk).
    drop(db::open_store_for_cli(&temp, "2468"));
    let conn = bare_connection(&temp);
    let every = DEFECT_EVERY as i64;
    let caps = if raise_caps {
        "UPDATE campaign SET region_cap = (SELECT MAX(valid) + 1 FROM region_counts);"
    } else {
        ""
    };
    conn.execute_batch(&format!(
        "BEGIN;
         UPDATE entries SET birth_date = '2015-03-01'
          WHERE rowid % {every} = 0 AND (rowid / {every}) % 4 = 0;
         UPDATE entries SET address = address || ', д. 5'
          WHERE rowid % {every} = 0 AND (rowid / {every}) % 4 = 1;
         UPDATE entries SET surname = 'Smith'
          WHERE rowid % {every} = 0 AND (rowid / {every}) % 4 = 2;
         UPDATE entries SET (surname, given_name, patronymic, birth_date) =
             (SELECT p.surname, p.given_name, p.patronymic, p.birth_date
              FROM entries p WHERE p.rowid = entries.rowid - 1)
          WHERE rowid % {every} = 0 AND (rowid / {every}) % 4 = 3;
         {caps}
         COMMIT;
         PRAGMA wal_checkpoint(TRUNCATE);"
    ))
    .expect("plant defects");
    drop(conn);
    remove_db(&path);
    std::fs::rename(&temp, &path).expect("move the defects database in place");
    path
}

/// A 1,000,000-row import file (the export format of another point), built once.
pub fn import_file_1m() -> PathBuf {
    import_file_of(ROWS, "1m")
}

/// `INSERT INTO entries(…) VALUES (?1, …)` of these columns, in this order.
pub fn insert_entry_sql(columns: &[Column]) -> String {
    let names: Vec<&str> = columns.iter().map(|c| c.name()).collect();
    let places: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO entries({}) VALUES ({})",
        names.join(", "),
        places.join(", ")
    )
}

/// One paper sheet of the generated entries while it fills.
struct SheetFill {
    region_code: String,
    desk: String,
    opened_at: String,
    lines: i64,
}

/// Builds a sigdesk database with `rows` valid entries and their sheets (closed when full),
/// every entry inserted through the column list.
pub fn generate(path: &Path, rows: u64) {
    drop(db::open_store(path));
    let mut conn = Connection::open(path).unwrap();
    // Bulk load: no journal, no fsync, a big page cache; WAL is switched back on after.
    let _: String = conn
        .query_row("PRAGMA journal_mode=OFF", [], |r| r.get(0))
        .unwrap();
    conn.execute_batch("PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;")
        .unwrap();
    let stored: Vec<Column> = Column::stored().collect();
    let insert_entry = insert_entry_sql(&stored);
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx.prepare(&insert_entry).unwrap();
        let mut sheet = tx
            .prepare(
                "INSERT INTO sheets(number, region_code, desk, opened_at, closed_at, lines_used) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .unwrap();
        let mut filling: HashMap<u32, SheetFill> = HashMap::new();
        for i in 0..rows {
            let e = gen_entry(i, false);
            insert
                .execute(params_from_iter(stored.iter().map(|c| e.column_text(*c))))
                .unwrap();
            let fill = filling.entry(e.sheet).or_insert_with(|| SheetFill {
                region_code: e.signer.region_code.clone(),
                desk: e.desk.clone(),
                opened_at: text(&e, Column::EnteredAt),
                lines: 0,
            });
            fill.lines += 1;
            if fill.lines == LINES_PER_SHEET as i64 {
                let closed_at = text(&e, Column::EnteredAt);
                sheet
                    .execute(params![
                        e.sheet,
                        fill.region_code,
                        fill.desk,
                        fill.opened_at,
                        closed_at,
                        fill.lines
                    ])
                    .unwrap();
                filling.remove(&e.sheet);
            }
        }
        for (number, fill) in filling {
            sheet
                .execute(params![
                    number,
                    fill.region_code,
                    fill.desk,
                    fill.opened_at,
                    None::<String>,
                    fill.lines
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    let _: String = conn
        .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
        .unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
}

/// A private copy of the cached database for a bench that writes (`tag` names it).
pub fn working_copy(tag: &str) -> PathBuf {
    let source = cached_db();
    let target = data_dir().join(format!("work-{tag}.db"));
    remove_db(&target);
    std::fs::copy(&source, &target).expect("copy cached database");
    target
}

/// A new signer whose document no generated entry holds (`n` below 4,000,000): numbered
/// signers of seeds nothing else uses, signing on 15 September 2026, as the checks make
/// them.
pub fn fresh_entry(n: u64) -> NewEntry {
    let seed = FRESH_SEED + u32::try_from(n / 1_000_000).expect("n below 4,000,000");
    let counter = (n % 1_000_000) as u32;
    let signed_on = NaiveDate::from_ymd_opt(2026, 9, 15).unwrap();
    db::people()
        .numbered(seed, counter, signed_on)
        .expect("a numbered signer")
}

/// [`fresh_entry`] as an operator types it, the surname in lower case for the checks to
/// fix.
pub fn fresh_draft(n: u64) -> EntryDraft {
    let entry = fresh_entry(n);
    let region = entry.region_code.clone();
    let mut draft = entry.to_draft(region);
    draft.surname = draft.surname.to_lowercase();
    draft
}

/// `template` with a document of its series' region that nothing else holds (`n` below
/// 10,000,000): a save bench saves the same signer again and again.
pub fn with_fresh_document(template: &NewEntry, n: u64) -> NewEntry {
    let mut e = template.clone();
    e.doc_series = format!("{}2{}", &template.doc_series[..2], n / 1_000_000);
    e.doc_number = format!("{:06}", n % 1_000_000);
    e
}

/// A small deterministic generator, so every run benches the same day.
pub struct XorShift(pub u64);

impl XorShift {
    /// The next number below `bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

/// The sqlite3 shell, the baseline of the export benches.
pub const SQLITE3: &str = "/usr/bin/sqlite3";

/// The query `write_csv` runs (valid entries, save order, region name joined), for the
/// sqlite3 shell.
pub fn export_sql() -> String {
    sigdesk::store::export_query(false)
}

/// The 100,000-row import file (the export format of another point), built once.
pub fn import_file() -> PathBuf {
    import_file_of(IMPORT_ROWS, "100k")
}

/// An import file of `rows` rows of another point, built once (`tag` names it).
fn import_file_of(rows: u64, tag: &str) -> PathBuf {
    let path = data_dir().join(format!("import-{tag}-{FIXTURES}.csv"));
    if path.exists() {
        return path;
    }
    let temp = data_dir().join(format!("import-{tag}.building.csv"));
    let mut w = csv::Writer::from_path(&temp).unwrap();
    w.write_record(Column::exported().map(Column::name))
        .unwrap();
    for j in 0..rows {
        let e = gen_entry(j, true);
        let region_name = db::regions()
            .by_code(&e.signer.region_code)
            .map(|r| r.name_ru.clone())
            .unwrap_or_default();
        w.write_record(Column::exported().map(|c| match c {
            Column::Region => region_name.clone(),
            _ => text(&e, c),
        }))
        .unwrap();
    }
    w.flush().unwrap();
    drop(w);
    std::fs::rename(&temp, &path).unwrap();
    path
}
