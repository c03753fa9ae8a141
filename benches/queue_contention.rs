//! Call-next under contention: 4 real `sigdesk script` desk processes call next 1,000 times
//! each on one database while a fifth process issues tickets. Prints the median and p99 of
//! the call latency each desk measured around `Store::call_next` (lock waits included).
//!
//! Run: `cargo bench --bench queue_contention`. A plain `main` rather than criterion: the
//! figure is a distribution over concurrent processes, not a loop in one thread.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use common::cli::{LEAD_PIN, percentile, script};
use common::db::{actor, open_store_for_cli};
use sigdesk::store::Key;
use std::process::Child;
use std::time::Instant;

const DESKS: usize = 4;
const CALLS: u32 = 1000;
const WAITING_AT_START: u32 = 4000;
const ISSUED_DURING: u32 = 1000;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("queue_contention: bench");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("q.db");
    // The binary refuses a database without a lead PIN.
    let mut store = open_store_for_cli(&db, LEAD_PIN);
    let now = chrono::Utc::now();
    let day = store.campaign().expect("campaign").local_date(now);
    let door = actor("door", "bench");
    for _ in 0..WAITING_AT_START {
        store.issue_ticket(&door, day, now).expect("issue");
    }
    drop(store);
    let start = Instant::now();
    let issue = format!("issue {ISSUED_DURING}\n");
    let issuer = script(&db, &Key::Plain, "door", &issue);
    let desks: Vec<Child> = (0..DESKS)
        .map(|d| {
            script(
                &db,
                &Key::Plain,
                &format!("desk-{d}"),
                &format!("call {CALLS}\n"),
            )
        })
        .collect();
    let mut micros: Vec<u64> = Vec::new();
    for child in desks {
        let out = child.wait_with_output().expect("desk");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.trim().is_empty(),
            "a desk failed: {stderr}"
        );
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            assert!(!line.starts_with("error"), "a desk reported `{line}`");
            if let Some(last) = line.split(' ').next_back()
                && let Ok(us) = last.parse()
            {
                micros.push(us);
            }
        }
    }
    let door_out = issuer.wait_with_output().expect("door");
    let door_lines = String::from_utf8_lossy(&door_out.stdout);
    assert!(
        door_lines.lines().all(|l| l.starts_with("issued ")),
        "the door reported an error: {door_lines}"
    );
    assert_eq!(micros.len(), DESKS * CALLS as usize, "every call answered");
    let elapsed = start.elapsed();
    micros.sort_unstable();
    let at = |q: f64| percentile(&micros, q);
    println!(
        "call-next, {DESKS} desk processes + 1 door process: {} calls in {:.2} s; median {} µs, p90 {} µs, p99 {} µs, max {} µs",
        micros.len(),
        elapsed.as_secs_f64(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}
