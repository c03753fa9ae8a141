//! `sigdesk stats` on a real database with today's tickets: text for people, JSON with a
//! stable layout for scripts.

use crate::common::board_day::{personal, seed};
use crate::common::cli::{Output, Point};
use crate::common::db::actor;
use chrono::{Duration, Utc};
use serde_json::{Value, json};
use sigdesk::store::Finish;

/// A point with three tickets issued today: one served, one at desk-1, one waiting.
fn seeded() -> Point {
    let point = Point::new();
    let mut store = point.store();
    let now = Utc::now();
    let today = store.campaign().expect("campaign").local_date(now);
    let at = |minutes: i64| now - Duration::minutes(minutes);
    for minutes in [30, 20, 10] {
        store
            .issue_ticket(&actor("door", "op"), today, at(minutes))
            .expect("issue");
    }
    store
        .call_next(&actor("desk-1", "op"), Finish::Done, today, at(25))
        .expect("call");
    store
        .call_next(&actor("desk-1", "op"), Finish::Done, today, at(15))
        .expect("call");
    point
}

/// `sigdesk stats --json ARGS` at the point, parsed.
fn stats_json(point: &Point, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend(args);
    serde_json::from_str(&stats(point, &all)).expect("valid JSON")
}

/// Fails unless `value` has every field of the object `expected`, with the same value.
#[track_caller]
fn assert_fields(value: &Value, expected: Value) {
    for (key, want) in expected.as_object().expect("an object of expected fields") {
        assert_eq!(&value[key], want, "{key} in {value}");
    }
}

/// `sigdesk stats ARGS` at the point, which must succeed.
fn stats(point: &Point, args: &[&str]) -> String {
    let mut all = vec!["stats"];
    all.extend(args);
    point.train(&all).stdout_ok()
}

#[test]
fn stats_prints_the_queue_figures_as_text() {
    let point = seeded();
    let text = stats(&point, &[]);
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
    let point = seeded();
    let json = stats_json(&point, &[]);
    assert_eq!(json["schema"], 1);
    let q = &json["queue"];
    assert_fields(
        q,
        json!({
            "waiting": 1,
            "issued_today": 3,
            "served_today": 1,
            "active_desks": 1,
            "longest_wait_secs": 600,
            "avg_service_secs": 600,
        }),
    );
    assert_fields(&q["desks"][0], json!({"desk": "desk-1", "serving": 2}));
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
    let point = Point::new();
    drop(point.store());
    let json = stats_json(&point, &[]);
    assert_eq!(json["queue"]["waiting"], 0);
    assert_eq!(json["queue"]["eta_secs"], Value::Null);
}

/// A point on the seeded board day (see `common::board_day`).
fn board_day() -> Point {
    let point = Point::new();
    seed(&mut point.store(), true);
    point
}

/// `stats --now` (hidden): the figures as at a fixed instant. The seed writes fixed times
/// through the store, and the pace, the ETA, the waits and "last hour" all depend on now,
/// so fixing now (rather than redacting `generated_at`) keeps every figure in the snapshot
/// meaningful and the same on every run.
const AT: &str = "--now=2024-03-10T09:30:00Z";

#[test]
fn stats_json_has_the_board_figures() {
    let point = board_day();
    let json = stats_json(&point, &[AT]);
    assert_fields(
        &json,
        json!({
            "schema": 1,
            "day": "2024-03-10",
            "generated_at": "2024-03-10T09:30:00Z",
            "configured": true,
        }),
    );
    let t = &json["totals"];
    // 24 valid, 14 of them today; 12 of those in the last hour (desk-3's two are older);
    // 36 left at 12/h is 3 h.
    assert_fields(
        t,
        json!({
            "target": 60,
            "valid_total": 24,
            "remaining": 36,
            "valid_today": 14,
            "voided_today": 1,
            "valid_last_hour": 12,
            "eta_secs": 3 * 3600,
        }),
    );
    assert_eq!(t["rate_per_hour"], 12.0);
    let regions = json["regions"].as_array().expect("regions");
    let region = |i: usize| {
        let r = &regions[i];
        (
            r["code"].as_str().unwrap_or_default().to_string(),
            r["valid"].as_u64().unwrap_or_default(),
            r["cap"].as_u64().unwrap_or_default(),
            r["level"].as_str().unwrap_or_default().to_string(),
        )
    };
    assert_eq!(region(0), ("77".into(), 11, 10, "reached".into()));
    assert_eq!(region(1), ("78".into(), 9, 10, "near".into()));
    assert_eq!(region(3), ("abroad".into(), 1, 3, "below".into()));
    assert_fields(
        &json["desks"][0],
        json!({
            "desk": "desk-1",
            "operator": "Оля",
            "entries_today": 7,
            "signers_last_hour": 7,
            "serving": 7,
        }),
    );
    assert_fields(
        &json["defects_today"][0],
        json!({"code": "birth.under_18", "severity": "error", "count": 1}),
    );
}

#[test]
fn stats_json_on_a_fixed_day_snapshot() {
    let point = board_day();
    insta::assert_snapshot!("stats_json", stats(&point, &["--json", AT]));
}

#[test]
fn stats_text_on_a_fixed_day_snapshot() {
    let point = board_day();
    insta::assert_snapshot!("stats_text", stats(&point, &[AT]));
    insta::assert_snapshot!("stats_text_ru", stats(&point, &[AT, "--lang", "ru"]));
}

#[test]
fn stats_without_personal_data() {
    let point = board_day();
    for args in [&["--json", AT][..], &[AT], &[AT, "--lang", "ru"]] {
        let out = stats(&point, args);
        for secret in personal() {
            assert!(!out.contains(&secret), "`{secret}` in\n{out}");
        }
    }
}

#[test]
fn stats_now_must_be_a_time() {
    Point::new()
        .bare(&["stats", "--now", "yesterday"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("RFC 3339"));
}
