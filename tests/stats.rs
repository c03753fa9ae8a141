//! `sigdesk stats` on a real database with today's tickets: text for people, JSON with a
//! stable layout for scripts.

mod common;

use assert_cmd::Command;
use chrono::{Duration, Utc};
use common::open_store;
use sigdesk::store::{Actor, Finish};

fn actor(desk: &str) -> Actor {
    Actor {
        desk: desk.into(),
        operator: "op".into(),
    }
}

/// A database with three tickets issued today: one served, one at desk-1, one waiting.
fn seeded(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("s.db");
    let mut store = open_store(&path);
    let now = Utc::now();
    let today = store.campaign().expect("campaign").local_date(now);
    let at = |minutes: i64| now - Duration::minutes(minutes);
    for minutes in [30, 20, 10] {
        store
            .issue_ticket(&actor("door"), today, at(minutes))
            .expect("issue");
    }
    store
        .call_next(&actor("desk-1"), Finish::Done, today, at(25))
        .expect("call");
    store
        .call_next(&actor("desk-1"), Finish::Done, today, at(15))
        .expect("call");
    path
}

fn stats(path: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_sigdesk"))
        .env_remove("SIGDESK_DB")
        .env("LANG", "C.UTF-8")
        .arg("--db")
        .arg(path)
        .arg("--no-encrypt")
        .arg("stats")
        .args(args)
        .output()
        .expect("run sigdesk");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn stats_prints_the_queue_figures_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = seeded(&dir);
    let text = stats(&path, &[]);
    let line = |label: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no `{label}` line in\n{text}"))
            .to_string()
    };
    assert!(line("Waiting").trim_end().ends_with(" 1"), "{text}");
    assert!(line("Longest wait").contains("10 min"), "{text}");
    assert!(line("Today").contains("3 issued · 1 served"), "{text}");
    assert!(line("Active desks").trim_end().ends_with(" 1"), "{text}");
    assert!(text.contains("desk-1"), "{text}");
}

#[test]
fn stats_json_has_the_documented_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = seeded(&dir);
    let json: serde_json::Value =
        serde_json::from_str(&stats(&path, &["--json"])).expect("valid JSON");
    assert_eq!(json["schema"], 1);
    let q = &json["queue"];
    assert_eq!(q["waiting"], 1);
    assert_eq!(q["issued_today"], 3);
    assert_eq!(q["served_today"], 1);
    assert_eq!(q["active_desks"], 1);
    assert_eq!(q["longest_wait_secs"], 600);
    assert_eq!(q["avg_service_secs"], 600);
    assert_eq!(q["desks"][0]["desk"], "desk-1");
    assert_eq!(q["desks"][0]["serving"], 2);
    for key in [
        "median_wait_secs",
        "eta_secs",
        "served_last_hour",
        "no_shows_today",
        "left_today",
        "no_show_rate",
        "buckets",
    ] {
        assert!(q.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn stats_on_an_empty_day_says_nobody_waits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.db");
    drop(open_store(&path));
    let json: serde_json::Value =
        serde_json::from_str(&stats(&path, &["--json"])).expect("valid JSON");
    assert_eq!(json["queue"]["waiting"], 0);
    assert_eq!(json["queue"]["eta_secs"], serde_json::Value::Null);
}
