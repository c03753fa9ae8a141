//! `sigdesk demo` through the real binary: deterministic for a seed, different for another
//! seed, refuses a database with real entries, and writes data the checks accept.

use crate::common::cli::{HEADER, Output, Point};
use crate::common::db::query_texts;
use std::path::{Path, PathBuf};

const DAY: &str = "2024-01-22";

/// A demo of `signers` with `seed` into a new database `name` at the point; returns it.
fn demo(point: &Point, name: &str, seed: &str, signers: &str) -> PathBuf {
    let db = point.path(name);
    point
        .train_on(&db, &["campaign", "set", "timezone", "Europe/Moscow"])
        .assert()
        .success();
    point
        .train_on(
            &db,
            &["demo", "--signers", signers, "--seed", seed, "--day", DAY],
        )
        .assert()
        .success();
    db
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
    let point = Point::new();
    let first = demo(&point, "a.db", "7", "120");
    let again = demo(&point, "b.db", "7", "120");
    let other = demo(&point, "c.db", "8", "120");
    let stdout = |db: &Path, args: &[&str]| point.train_on(db, args).stdout_ok();
    let export = |db: &Path| stdout(db, &["export", "--include-voided"]);
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
        stdout(&first, &["sheets", "--json"]),
        stdout(&again, &["sheets", "--json"])
    );
    assert_ne!(a, export(&other), "another seed, another day");
}

#[test]
fn demo_data_passes_the_checks_with_only_the_planted_warnings() {
    let point = Point::new();
    let db = demo(&point, "d.db", "3", "400");
    let out = point.train_on(&db, &["check", "--json"]).stdout_ok();
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
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
    let origins = query_texts(&db, "SELECT DISTINCT origin FROM entries");
    assert_eq!(origins, ["demo"]);
}

#[test]
fn refuses_a_database_with_real_entries_and_a_second_demo() {
    let point = Point::new();
    let csv = point.write(
        "one.csv",
        &format!("{HEADER}\n\
         0190a1b2-0000-7000-8000-000000000001,point-1,1,1,Иванов,Иван,Иванович,1985-05-15,internal_passport,4506,123456,77,Москва,,\"г. Москва, ул. Тверская, д. 7\",2024-01-20,desk-1,Anna,2024-01-20T09:30:00Z,valid,\n"),
    );
    point
        .train(&["import", csv.to_str().expect("utf-8")])
        .assert()
        .success();
    let err = point
        .train(&["demo", "--signers", "10", "--day", DAY])
        .stderr_of(1);
    assert!(
        err.contains("holds 1 real entries (point point-1)") && err.contains("--db demo.db"),
        "{err}"
    );
    assert_eq!(
        point
            .train(&["campaign", "show"])
            .stdout_ok()
            .lines()
            .next(),
        Some("point = point-1"),
        "nothing changed"
    );
    let demo_db = demo(&point, "demo.db", "1", "20");
    let err = point
        .train_on(&demo_db, &["demo", "--signers", "10", "--day", DAY])
        .stderr_of(1);
    assert!(err.contains("already holds a demo"), "{err}");
}
