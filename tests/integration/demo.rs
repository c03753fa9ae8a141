//! `sigdesk demo` through the real binary: deterministic for a seed, different for another
//! seed, refuses a database with real entries, and writes data the checks accept.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const DAY: &str = "2024-01-22";

fn sigdesk(dir: &Path, db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sigdesk"));
    cmd.current_dir(dir)
        .env_remove("SIGDESK_DB")
        .env_remove("LC_ALL")
        .env("LANG", "C.UTF-8")
        .env("SIGDESK_CONFIG_DIR", dir.join("config"))
        .env("SIGDESK_LEAD_PIN", "2468")
        .arg("--no-encrypt")
        .arg("--db")
        .arg(db);
    cmd
}

/// A demo of `signers` with `seed` into a new database in `dir`; returns the database.
fn demo(dir: &TempDir, name: &str, seed: &str, signers: &str) -> PathBuf {
    let db = dir.path().join(name);
    sigdesk(dir.path(), &db)
        .args(["campaign", "set", "timezone", "Europe/Moscow"])
        .assert()
        .success();
    sigdesk(dir.path(), &db)
        .args(["demo", "--signers", signers, "--seed", seed, "--day", DAY])
        .assert()
        .success();
    db
}

fn stdout(dir: &TempDir, db: &Path, args: &[&str]) -> String {
    let out = sigdesk(dir.path(), db)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

/// Every audit event the demo wrote (not the test's own `cli` commands, which carry the
/// wall clock), as text: time, actor, action, entry, details, in order.
fn events(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn
        .prepare(
            "SELECT at, desk, operator, action, COALESCE(entry_id, ''), details FROM events
             WHERE desk != 'cli' ORDER BY id",
        )
        .expect("prepare");
    stmt.query_map([], |r| {
        Ok((0..6)
            .map(|i| r.get::<_, String>(i))
            .collect::<Result<Vec<_>, _>>()?
            .join("|"))
    })
    .expect("query")
    .collect::<Result<_, _>>()
    .expect("rows")
}

#[test]
fn the_same_seed_makes_the_same_day_and_another_seed_another() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = demo(&dir, "a.db", "7", "120");
    let again = demo(&dir, "b.db", "7", "120");
    let other = demo(&dir, "c.db", "8", "120");
    let export = |db: &Path| stdout(&dir, db, &["export", "--include-voided"]);
    let a = export(&first);
    assert_eq!(a.lines().count(), 121 + a.matches(",voided,").count());
    assert_eq!(a, export(&again), "same seed, same export (ids included)");
    let log = events(&first);
    assert_eq!(log, events(&again), "same seed, same audit log");
    let times: Vec<&str> = log.iter().filter_map(|e| e.split('|').next()).collect();
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "the log runs in time order"
    );
    assert_eq!(
        stdout(&dir, &first, &["sheets", "--json"]),
        stdout(&dir, &again, &["sheets", "--json"])
    );
    assert_ne!(a, export(&other), "another seed, another day");
}

#[test]
fn demo_data_passes_the_checks_with_only_the_planted_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = demo(&dir, "d.db", "3", "400");
    let out = sigdesk(dir.path(), &db)
        .args(["check", "--json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(report["checked"], 400);
    let codes: Vec<&str> = report["by_code"]
        .as_object()
        .expect("by_code")
        .keys()
        .map(String::as_str)
        .collect();
    let allowed = [
        "address.region_mismatch",
        "doc.series_region",
        "dup.person",
        "sheet.uncertified",
    ];
    assert!(codes.iter().all(|c| allowed.contains(c)), "{codes:?}");
    assert!(codes.contains(&"address.region_mismatch"), "{codes:?}");
    let conn = rusqlite::Connection::open(&db).expect("open");
    let unlinked: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM entries e LEFT JOIN tickets t ON t.id = e.ticket
             WHERE t.id IS NULL OR t.desk != e.desk OR t.status != 'done'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(
        unlinked, 0,
        "every entry belongs to a ticket served at its desk"
    );
    let origins: Vec<String> = conn
        .prepare("SELECT DISTINCT origin FROM entries")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(origins, ["demo"]);
}

#[test]
fn refuses_a_database_with_real_entries_and_a_second_demo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("real.db");
    let csv = dir.path().join("one.csv");
    std::fs::write(
        &csv,
        "id,origin,sheet,line,surname,given_name,patronymic,birth_date,doc_kind,doc_series,doc_number,region_code,region,abroad_country,address,signed_on,desk,operator,entered_at,status,void_reason\n\
         0190a1b2-0000-7000-8000-000000000001,point-1,1,1,Иванов,Иван,Иванович,1985-05-15,internal_passport,4506,123456,77,Москва,,\"г. Москва, ул. Тверская, д. 7\",2024-01-20,desk-1,Anna,2024-01-20T09:30:00Z,valid,\n",
    )
    .expect("write");
    sigdesk(dir.path(), &real)
        .arg("import")
        .arg(&csv)
        .assert()
        .success();
    let err = sigdesk(dir.path(), &real)
        .args(["demo", "--signers", "10", "--day", DAY])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).expect("utf-8");
    assert!(
        err.contains("holds 1 real entries (point point-1)") && err.contains("--db demo.db"),
        "{err}"
    );
    assert_eq!(
        stdout(&dir, &real, &["campaign", "show"]).lines().next(),
        Some("point = point-1"),
        "nothing changed"
    );
    let demo_db = demo(&dir, "demo.db", "1", "20");
    let err = sigdesk(dir.path(), &demo_db)
        .args(["demo", "--signers", "10", "--day", DAY])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&err).contains("already holds a demo"));
}
