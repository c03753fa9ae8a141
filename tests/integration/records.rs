//! The records around the data, with the real binary: audit log, backups taken while a desk
//! writes, verify, wipe, retention and the signers' notice.

use crate::common::cli::{
    Output, PASSPHRASE, Point, bytes, contains, path_arg, sibling, signers_csv,
};
use crate::common::db::actor;
use chrono::{TimeZone, Utc};
use predicates::prelude::*;
use sigdesk::store::{Key, Store};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

/// The ids of the signers in `signers_csv`.
fn signer_id(n: u32) -> String {
    format!("0190a1b2-0000-7000-8000-{n:012}")
}

#[test]
fn audit_filters_by_entry_and_by_date() {
    let point = Point::new();
    point.train_signers(1, 3);
    point.set("timezone", "UTC");
    {
        let mut store = point.store();
        let boris = actor("desk-2", "Борис");
        let day = |d: u32| {
            Utc.with_ymd_and_hms(2024, 3, d, 12, 0, 0)
                .single()
                .expect("time")
        };
        store
            .void_entry(&signer_id(1), "записан дважды", &boris, day(10))
            .expect("void 1");
        store
            .void_entry(&signer_id(2), "typo", &boris, day(12))
            .expect("void 2");
    }
    let one = point
        .train(&["audit", "--entry", &signer_id(1)])
        .stdout_ok();
    let lines: Vec<&str> = one.lines().collect();
    assert_eq!(lines.len(), 2, "title + one event: {one}");
    assert!(lines[0].starts_with("time "), "{one}");
    assert!(
        lines[1].starts_with("2024-03-10 12:00:00  desk-2  Борис"),
        "{one}"
    );
    assert!(lines[1].contains(&signer_id(1)), "{one}");
    assert!(
        lines[1].contains("status: valid → voided; void_reason:  → записан дважды"),
        "{one}"
    );

    let since = point.train(&["audit", "--since", "2024-03-11"]).stdout_ok();
    assert!(since.contains(&signer_id(2)), "{since}");
    assert!(!since.contains(&signer_id(1)), "{since}");
    let by_time = point
        .train(&["audit", "--since", "2024-03-12T15:00:00+03:00"])
        .stdout_ok();
    assert!(
        by_time.contains(&signer_id(2)),
        "noon UTC is 15:00 in Moscow: {by_time}"
    );
    let later = point
        .train(&["audit", "--since", "2024-03-12T15:00:01+03:00"])
        .stdout_ok();
    assert!(!later.contains(&signer_id(2)), "{later}");
    point
        .train(&["audit", "--since", "12.03.2024"])
        .fails_saying(1, "RFC 3339");
}

#[test]
fn audit_columns_line_up() {
    let point = Point::new();
    point.train_signers(1, 2);
    let out = point.train(&["audit"]).stdout_ok();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 3, "{out}");
    let header: Vec<char> = lines[0].chars().collect();
    for title in ["desk", "operator", "action", "entry", "details"] {
        let at = lines[0].find(title).expect("title");
        let at = lines[0][..at].chars().count();
        assert_eq!(&header[at - 2..at], &[' ', ' '], "{title}");
        for line in &lines[1..] {
            let chars: Vec<char> = line.chars().collect();
            assert!(
                chars[at - 2..at] == [' ', ' '] && chars[at] != ' ',
                "`{title}` column starts at {at} in: {line}"
            );
        }
    }
}

#[test]
fn export_is_recorded_with_desk_operator_file_and_rows() {
    let point = Point::new();
    point.train_signers(1, 3);
    let out = point.path("day.csv");
    point
        .train(&["export", "--out", path_arg(&out)])
        .assert()
        .success()
        .stderr(predicate::str::contains("NOT encrypted"));
    let audit = point.train(&["audit"]).stdout_ok();
    let line = audit
        .lines()
        .find(|l| l.contains(" export "))
        .unwrap_or_else(|| panic!("no export event: {audit}"));
    assert!(
        line.contains("  cli  ") && line.contains("lead-olga"),
        "{line}"
    );
    assert!(
        line.contains(&format!("out: {}; rows: 3", out.display())),
        "{line}"
    );
}

#[test]
fn a_backup_taken_while_a_desk_writes_holds_every_earlier_entry() {
    const FILES: u32 = 8;
    const ROWS: u32 = 20;
    let point = Arc::new(Point::encrypted());
    for f in 0..FILES {
        point.write(&format!("part{f}.csv"), &signers_csv(f * ROWS + 1, ROWS));
    }
    let committed = Arc::new(AtomicU32::new(0));
    let writer = {
        let (point, committed) = (Arc::clone(&point), Arc::clone(&committed));
        std::thread::spawn(move || {
            for f in 0..FILES {
                let file = point.path(&format!("part{f}.csv"));
                point.run(&["import", path_arg(&file)]).assert().success();
                committed.fetch_add(ROWS, Ordering::SeqCst);
            }
        })
    };
    while committed.load(Ordering::SeqCst) < 3 * ROWS {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let before = committed.load(Ordering::SeqCst);
    let backup = point.path("copy.db");
    point
        .run(&["backup", "--out", path_arg(&backup)])
        .succeeds_printing("encrypted with the same passphrase");
    writer.join().expect("writer");

    let raw = bytes(&backup);
    assert!(!contains(&raw, "Иванов") && !contains(&raw, "SQLite format"));
    let report = point.run(&["verify", path_arg(&backup)]).stdout_ok();
    assert!(report.contains("integrity ok"), "{report}");
    let key = Key::Passphrase(PASSPHRASE.into());
    let copy = Store::open_existing_keyed(&backup, &key).expect("the backup opens");
    let (valid, voided) = copy.entry_totals().expect("totals");
    assert!(
        valid >= u64::from(before),
        "{valid} < {before} committed before"
    );
    assert_eq!(valid % u64::from(ROWS), 0, "whole imports only: {valid}");
    assert_eq!(voided, 0);
    assert!(
        report.contains(&format!("entries: {valid} valid, 0 voided")),
        "{report}"
    );
}

#[test]
fn verify_fails_on_a_damaged_copy() {
    let point = Point::new();
    point.import_signers("signers.csv", 1, 30);
    let backup = point.path("copy.db");
    point
        .run(&["backup", "--out", path_arg(&backup)])
        .assert()
        .success();
    let mut raw = bytes(&backup);
    assert!(raw.len() >= 4 * 4096, "{} bytes", raw.len());
    for b in &mut raw[2 * 4096 + 100..2 * 4096 + 200] {
        *b ^= 0x5a;
    }
    let damaged = point.path("damaged.db");
    std::fs::write(&damaged, &raw).expect("write");
    point.run(&["verify", path_arg(&damaged)]).assert().code(1);
    point
        .run(&["verify", path_arg(&backup)])
        .succeeds_printing("entries: 30 valid");
    point
        .run(&["verify", path_arg(&point.path("none.db"))])
        .fails_saying(1, "there is no database at");
    assert!(!point.path("none.db").exists());
    point
        .bare(&["verify", path_arg(&backup)])
        .env("SIGDESK_PASSPHRASE", "чужой ключ")
        .fails_saying(1, "wrong passphrase");
}

#[test]
fn wipe_deletes_the_database_and_its_backups_only_for_the_right_point_name() {
    let point = Point::new();
    point.train_signers(1, 3);
    let backups = point.path("backups");
    std::fs::create_dir(&backups).expect("mkdir");
    point.set("backup_dir", path_arg(&backups));
    let named = [
        backups.join("sigdesk-point-1-20240310-090000.db"),
        backups.join("sigdesk-point-1-20240310-093000.db"),
    ];
    for b in &named {
        point
            .train(&["backup", "--out", path_arg(b)])
            .assert()
            .success();
    }
    let keep = [backups.join("notes.txt"), point.path("signers.csv")];
    std::fs::write(&keep[0], "not ours").expect("write");

    point
        .train(&["wipe", "--confirm", "point-2"])
        .fails_saying(1, "nothing was deleted");
    point.train(&["wipe"]).fails_saying(1, "--confirm POINT");
    assert!(point.db().exists() && named.iter().all(|b| b.exists()));

    let out = point.train(&["wipe", "--confirm", "point-1"]).stdout_ok();
    assert!(
        out.contains(&format!("deleted {}", point.db().display())),
        "{out}"
    );
    for b in &named {
        assert!(out.contains(&format!("deleted {}", b.display())), "{out}");
        assert!(!b.exists());
    }
    assert!(out.contains("wiped: 3 files deleted"), "{out}");
    for gone in [
        point.db(),
        sibling(&point.db(), "-wal"),
        sibling(&point.db(), "-shm"),
    ] {
        assert!(!gone.exists(), "{} still there", gone.display());
    }
    assert!(keep.iter().all(|k| k.exists()), "other files stay");
}

#[test]
fn wipe_refuses_while_a_desk_has_the_database_open() {
    let point = Point::training();
    let desk = Store::open_existing(&point.db()).expect("a desk");
    point
        .train(&["wipe", "--confirm", "point-1"])
        .fails_saying(1, "close them all");
    drop(desk);
    assert!(point.db().exists());
}

#[test]
fn retention_reminds_every_command_and_fails_check() {
    let point = Point::new();
    let yesterday = (Utc::now().date_naive() - chrono::Duration::days(1)).to_string();
    let tomorrow = (Utc::now().date_naive() + chrono::Duration::days(1)).to_string();
    point
        .train(&["campaign", "set", "retain_until", &tomorrow])
        .assert()
        .success()
        .stderr("");
    point.train(&["check"]).assert().code(0).stderr("");
    point.set("retain_until", &yesterday);
    point
        .train(&["campaign", "show"])
        .assert()
        .success()
        .stderr(predicate::str::contains("REMINDER").and(predicate::str::contains("sigdesk wipe")));
    point
        .train(&["check"])
        .assert()
        .code(3)
        .stdout(predicate::str::contains("retention (error)"))
        .stderr(predicate::str::contains(format!("kept until {yesterday}")));
}

#[test]
fn notice_prints_in_both_languages_and_from_a_replacement_file() {
    let point = Point::new();
    let en = point.train(&["--lang", "en", "notice"]).stdout_ok();
    assert!(en.contains("What happens to your data"), "{en}");
    assert!(
        en.contains("passport series") && en.contains("election commission"),
        "{en}"
    );
    let ru = point.train(&["--lang", "ru", "notice"]).stdout_ok();
    assert!(ru.contains("Что будет с вашими данными"), "{ru}");
    assert!(ru.contains("точке point-1"), "{ru}");
    let custom = point.write("notice.md", "Точка {point}: данные хранятся {until}.\n");
    point.set("notice_file", path_arg(&custom));
    assert_eq!(
        point.train(&["--lang", "ru", "notice"]).stdout_ok(),
        "Точка point-1: данные хранятся до сдачи подписных листов.\n"
    );
}
