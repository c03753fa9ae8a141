//! Shared bench fixtures: a cached 1,000,000-entry sigdesk database, working copies of it,
//! plausible rows and drafts, bare-rusqlite connections and the ratio table printed at the
//! end of each bench binary.
//!
//! Nothing here runs at compile time: the database is built the first time a bench *runs*
//! (about 20 s on 2 cores) and cached at `target/bench-data/entries-1m.db`
//! (`SIGDESK_BENCH_DATA` overrides the folder).
#![allow(dead_code)] // each bench binary uses a different part of this module

use chrono::{Duration, NaiveDate, NaiveDateTime, SecondsFormat};
use rusqlite::{Connection, params};
use sigdesk::domain::{Column, DocKind, EntryDraft, Region, RegionCatalog};
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

/// The 21 columns of `entries`, in insert order.
pub const ENTRY_COLUMNS: &str = "id, origin, sheet, line, surname, given_name, patronymic, \
     birth_date, doc_kind, doc_series, doc_number, region_code, abroad_country, address, \
     signed_on, ticket, desk, operator, entered_at, status, void_reason";

const INSERT_ENTRY: &str = "INSERT INTO entries(id, origin, sheet, line, surname, given_name, \
     patronymic, birth_date, doc_kind, doc_series, doc_number, region_code, abroad_country, \
     address, signed_on, ticket, desk, operator, entered_at, status, void_reason) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
     ?19, ?20, ?21)";

/// Passport blank years of the generated entries (series digits 3-4). The save bench uses
/// years outside this list, so its documents never collide with generated ones.
const YEARS: [&str; 23] = [
    "97", "98", "99", "00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
    "13", "14", "15", "16", "17", "18", "19",
];
/// Series years only the save bench uses.
pub const FRESH_YEARS: [&str; 4] = ["20", "21", "22", "23"];

const SURNAMES: [&str; 16] = [
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
];
const MALE_NAMES: [&str; 12] = [
    "Александр",
    "Дмитрий",
    "Максим",
    "Сергей",
    "Андрей",
    "Алексей",
    "Артём",
    "Илья",
    "Кирилл",
    "Михаил",
    "Никита",
    "Матвей",
];
const FEMALE_NAMES: [&str; 12] = [
    "Анна",
    "Мария",
    "Елена",
    "Ольга",
    "Татьяна",
    "Наталья",
    "Ирина",
    "Светлана",
    "Екатерина",
    "Юлия",
    "Дарья",
    "Алина",
];
const PATRONYMIC_STEMS: [&str; 8] = [
    "Александров",
    "Дмитриев",
    "Сергеев",
    "Андреев",
    "Иванов",
    "Петров",
    "Николаев",
    "Владимиров",
];
const STREETS: [&str; 8] = [
    "ул. Ленина",
    "ул. Мира",
    "ул. Садовая",
    "ул. Школьная",
    "пр. Победы",
    "ул. Молодёжная",
    "ул. Центральная",
    "ул. Лесная",
];

/// One generated entry, every column as the database stores it.
pub struct GenRow {
    pub id: String,
    pub origin: &'static str,
    pub sheet: i64,
    pub line: i64,
    pub surname: String,
    pub given_name: &'static str,
    pub patronymic: String,
    pub birth_date: String,
    pub doc_series: String,
    pub doc_number: String,
    pub region_code: String,
    pub region_name: String,
    pub address: String,
    pub signed_on: String,
    pub desk: String,
    pub operator: &'static str,
    pub entered_at: String,
}

/// The regions that take internal passports (every subject but `abroad`), with the two
/// OKATO digits their passport series start with.
pub fn domestic_regions(regions: &RegionCatalog) -> Vec<(Region, String)> {
    regions
        .all()
        .iter()
        .filter(|r| r.okato.len() >= 2)
        .map(|r| (r.clone(), r.okato[..2].to_string()))
        .collect()
}

fn base_time() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 6, 1)
        .unwrap()
        .and_hms_opt(7, 0, 0)
        .unwrap()
}

/// Entry `i` of a generated set. `import` rows come from another point, start a second
/// set of sheets and use another passport blank year, so they clash with nothing.
pub fn gen_row(i: u64, import: bool, regions: &[(Region, String)]) -> GenRow {
    let sheet_index = i / LINES_PER_SHEET;
    let (region, okato) = &regions[(sheet_index % regions.len() as u64) as usize];
    // Who signs: the person fields cycle every 12,334,080 rows, so generated rows, import
    // rows (shifted by 2M) and save drafts (shifted by 3M) never name the same person.
    let p = i + if import { 2_000_000 } else { 0 };
    gen_row_for(i, p, import, sheet_index, region, okato)
}

fn gen_row_for(
    i: u64,
    p: u64,
    import: bool,
    sheet_index: u64,
    region: &Region,
    okato: &str,
) -> GenRow {
    let female = p % 2 == 1;
    let k = p / 2;
    let surname = SURNAMES[(k % 16) as usize];
    let given_name = if female {
        FEMALE_NAMES[((k / 16) % 12) as usize]
    } else {
        MALE_NAMES[((k / 16) % 12) as usize]
    };
    let stem = PATRONYMIC_STEMS[((k / 192) % 8) as usize];
    let (surname, patronymic) = if female {
        (format!("{surname}а"), format!("{stem}на"))
    } else {
        (surname.to_string(), format!("{stem}ич"))
    };
    // Birth 1940..1983 (any blank year fits), spread over the days of the year.
    let birth = NaiveDate::from_ymd_opt(1940 + (p % 44) as i32, 1, 1).unwrap()
        + Duration::days(((p * 7919) % 365) as i64);
    let year_slot = (i + u64::from(import)) % YEARS.len() as u64;
    // Six entries a minute, over about 115 days for a million entries.
    let entered = base_time() + Duration::seconds((i * 10) as i64);
    let entered_at = entered
        .and_utc()
        .to_rfc3339_opts(SecondsFormat::Millis, true);
    let (origin, id_tag) = if import {
        (IMPORT_POINT, 1)
    } else {
        (POINT, 0)
    };
    GenRow {
        id: format!("0190ab00-0000-7000-8{id_tag:03x}-{i:012x}"),
        origin,
        sheet: (sheet_index + 1) as i64,
        line: (i % LINES_PER_SHEET + 1) as i64,
        surname,
        given_name,
        patronymic,
        birth_date: birth.to_string(),
        doc_series: format!("{okato}{}", YEARS[year_slot as usize]),
        doc_number: format!("{:06}", i % 1_000_000),
        region_code: region.code.clone(),
        region_name: region.name_ru.clone(),
        address: format!(
            "{}, д. {}, кв. {}",
            STREETS[(i % 8) as usize],
            1 + i % 97,
            1 + i % 211
        ),
        signed_on: entered.date().to_string(),
        desk: format!("desk-{}", sheet_index % 3 + 1),
        operator: ["Оля", "Петя", "Маша", "Коля"][(sheet_index % 4) as usize],
        entered_at,
    }
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
    let regions = RegionCatalog::embedded().ok()?;
    drop(sigdesk::store::Store::open(&path, &regions).ok()?);
    schema_version(&path)
}

/// The cached 1M-entry database, built on first use and again when this build's schema
/// is newer than the cached file's (so no bench times a migration).
pub fn cached_db() -> PathBuf {
    let path = data_dir().join("entries-1m.db");
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

/// Builds a sigdesk database with `rows` valid entries and their (full, closed) sheets.
pub fn generate(path: &Path, rows: u64) {
    let regions = RegionCatalog::embedded().expect("embedded regions");
    drop(sigdesk::store::Store::open(path, &regions).expect("create schema"));
    let domestic = domestic_regions(&regions);
    let mut conn = Connection::open(path).unwrap();
    // Bulk load: no journal, no fsync, a big page cache; WAL is switched back on after.
    let _: String = conn
        .query_row("PRAGMA journal_mode=OFF", [], |r| r.get(0))
        .unwrap();
    conn.execute_batch("PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;")
        .unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx.prepare(INSERT_ENTRY).unwrap();
        let mut sheet = tx
            .prepare(
                "INSERT INTO sheets(number, region_code, desk, opened_at, closed_at, lines_used) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .unwrap();
        let mut opened_at = String::new();
        for i in 0..rows {
            let r = gen_row(i, false, &domestic);
            if r.line == 1 {
                opened_at = r.entered_at.clone();
            }
            insert
                .execute(params![
                    r.id,
                    r.origin,
                    r.sheet,
                    r.line,
                    r.surname,
                    r.given_name,
                    r.patronymic,
                    r.birth_date,
                    "internal_passport",
                    r.doc_series,
                    r.doc_number,
                    r.region_code,
                    "",
                    r.address,
                    r.signed_on,
                    None::<i64>,
                    r.desk,
                    r.operator,
                    r.entered_at,
                    "valid",
                    ""
                ])
                .unwrap();
            if r.line == LINES_PER_SHEET as i64 || i + 1 == rows {
                sheet
                    .execute(params![
                        r.sheet,
                        r.region_code,
                        r.desk,
                        opened_at,
                        (r.line == LINES_PER_SHEET as i64).then_some(&r.entered_at),
                        r.line
                    ])
                    .unwrap();
            }
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

/// A typed draft for a new signer whose internal passport no generated entry holds.
/// `n` (below 4,000,000) picks the document; the rest varies like generated rows.
pub fn fresh_draft(n: u64, regions: &[(Region, String)]) -> EntryDraft {
    let (region, okato) = &regions[(n % regions.len() as u64) as usize];
    let r = gen_row_for(n, 3_000_000 + n, false, n / LINES_PER_SHEET, region, okato);
    let year = FRESH_YEARS[((n / 1_000_000) % 4) as usize];
    let birth = NaiveDate::parse_from_str(&r.birth_date, "%Y-%m-%d").unwrap();
    EntryDraft {
        surname: r.surname.to_lowercase(),
        given_name: r.given_name.to_string(),
        patronymic: r.patronymic,
        birth_date: birth.format("%d.%m.%Y").to_string(),
        doc_kind: DocKind::InternalPassport,
        document: format!("{okato}{year} {:06}", n % 1_000_000),
        region: region.code.clone(),
        abroad_country: String::new(),
        address: r.address,
        signed_on: "2026-09-15".into(),
    }
}

/// The criterion output folder (`CRITERION_HOME`, else `$CARGO_TARGET_DIR/criterion`,
/// else `target/criterion`), as criterion itself chooses it.
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            // The bench binary is <target>/release/deps/<name>-<hash>.
            let exe = std::env::current_exe().ok()?;
            Some(exe.parent()?.parent()?.parent()?.to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from("target"));
    target.join("criterion")
}

/// Whether this binary runs under `cargo bench` (criterion's `--bench`); under `cargo test
/// --all-targets` it does not, and the benches skip their heavy fixtures.
pub fn benchmarking() -> bool {
    RUN_STARTED.get_or_init(std::time::SystemTime::now);
    let on = std::env::args().any(|a| a == "--bench");
    if !on {
        println!("sigdesk benches: skipped (run them with `cargo bench`)");
    }
    on
}

/// When this bench binary started.
static RUN_STARTED: std::sync::OnceLock<std::time::SystemTime> = std::sync::OnceLock::new();

/// The median (ns) criterion measured for `group/function` in this run.
pub fn median_ns(id: &str) -> Option<f64> {
    let file = criterion_home().join(id).join("new/estimates.json");
    // Only figures of this run: a stale file from an earlier run does not count.
    let written = std::fs::metadata(&file).ok()?.modified().ok()?;
    if RUN_STARTED.get().is_some_and(|started| written < *started) {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64()
}

/// What a measured figure is held against.
pub enum Target {
    /// At most this many times the baseline.
    Ratio(f64),
    /// At most this many milliseconds.
    Millis(f64),
    /// Shown for information.
    None,
}

fn human(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.3} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

/// Prints a Markdown table: measured median, baseline median, ratio, target, verdict.
/// Rows: (measured id, baseline id or "", target). Ids are criterion's `group/function`.
pub fn print_ratio_table(rows: &[(&str, &str, Target)]) {
    println!();
    println!("| measured | median | baseline | baseline median | ratio | target | met |");
    println!("|---|---:|---|---:|---:|---|---|");
    for (measured, baseline, target) in rows {
        let Some(m) = median_ns(measured) else {
            println!("| {measured} | (not run) | | | | | |");
            continue;
        };
        let b = (!baseline.is_empty())
            .then(|| median_ns(baseline))
            .flatten();
        let ratio = b.map(|b| m / b);
        let (target_text, met) = match target {
            Target::Ratio(t) => (
                format!("≤ {t}×"),
                ratio
                    .map(|r| if r <= *t { "yes" } else { "NO" })
                    .unwrap_or("?"),
            ),
            Target::Millis(t) => (
                format!("≤ {t} ms"),
                if m / 1e6 <= *t { "yes" } else { "NO" },
            ),
            Target::None => ("—".into(), ""),
        };
        println!(
            "| {measured} | {} | {} | {} | {} | {target_text} | {met} |",
            human(m),
            if baseline.is_empty() { "—" } else { baseline },
            b.map(human).unwrap_or_else(|| "—".into()),
            ratio
                .map(|r| format!("{r:.2}×"))
                .unwrap_or_else(|| "—".into()),
        );
    }
}

/// The sqlite3 shell, the baseline of the export benches.
pub const SQLITE3: &str = "/usr/bin/sqlite3";

/// The rows and columns `write_csv` writes (valid entries, save order, region name joined).
pub const EXPORT_SQL: &str = "SELECT e.id, e.origin, e.sheet, e.line, e.surname, e.given_name, \
     e.patronymic, e.birth_date, e.doc_kind, e.doc_series, e.doc_number, e.region_code, \
     COALESCE(r.name_ru, '') AS region, e.abroad_country, e.address, e.signed_on, e.desk, \
     e.operator, e.entered_at, e.status, e.void_reason \
     FROM entries e LEFT JOIN regions r ON r.code = e.region_code \
     WHERE e.status = 'valid' ORDER BY e.rowid";

/// The 100,000-row import file (the export format of another point), built once.
pub fn import_file(regions: &RegionCatalog) -> PathBuf {
    let path = data_dir().join("import-100k.csv");
    if path.exists() {
        return path;
    }
    let temp = data_dir().join("import-100k.building.csv");
    let domestic = domestic_regions(regions);
    let mut w = csv::Writer::from_path(&temp).unwrap();
    w.write_record(Column::exported().map(Column::name))
        .unwrap();
    for j in 0..IMPORT_ROWS {
        let r = gen_row(j, true, &domestic);
        let (sheet, line) = (r.sheet.to_string(), r.line.to_string());
        w.write_record([
            r.id.as_str(),
            r.origin,
            &sheet,
            &line,
            &r.surname,
            r.given_name,
            &r.patronymic,
            &r.birth_date,
            "internal_passport",
            &r.doc_series,
            &r.doc_number,
            &r.region_code,
            &r.region_name,
            "",
            &r.address,
            &r.signed_on,
            &r.desk,
            r.operator,
            &r.entered_at,
            "valid",
            "",
        ])
        .unwrap();
    }
    w.flush().unwrap();
    drop(w);
    std::fs::rename(&temp, &path).unwrap();
    path
}
