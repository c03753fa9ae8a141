//! Four real desk processes call next 500 times each while a fifth issues tickets, all on
//! one database file: every ticket is called exactly once and none is lost.

use crate::common::cli::{LEAD_PIN, percentile, script, script_output};
use crate::common::db::{actor, open_store, open_store_for_cli};
use chrono::{NaiveDate, Utc};
use sigdesk::domain::queue::TicketStatus;
use sigdesk::store::{Key, Store};
use std::collections::HashMap;
use std::path::Path;

const DESKS: usize = 4;
const CALLS_PER_DESK: u32 = 500;
/// Tickets waiting before the desks start, so they contend from the first call.
const WAITING_AT_START: u32 = 400;
/// Tickets the door issues while the desks call.
const ISSUED_DURING: u32 = 800;
const TICKETS: u32 = WAITING_AT_START + ISSUED_DURING;

/// A new database at `db` with `count` tickets waiting today; the store and the day.
fn with_waiting_tickets(db: &Path, count: u32) -> (Store, NaiveDate) {
    let mut store = open_store_for_cli(db, LEAD_PIN);
    let day = store.campaign().expect("campaign").local_date(Utc::now());
    let door = actor("door", "op");
    for _ in 0..count {
        store.issue_ticket(&door, day, Utc::now()).expect("issue");
    }
    (store, day)
}

#[test]
fn four_desks_and_a_door_never_share_or_lose_a_ticket() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("q.db");
    let (early, day) = with_waiting_tickets(&db, WAITING_AT_START);
    drop(early);

    let issue = format!("issue {ISSUED_DURING}\n");
    let door = script_output("door".into(), script(&db, &Key::Plain, "door", &issue));
    let desks: Vec<_> = (0..DESKS)
        .map(|d| {
            let name = format!("desk-{d}");
            let calls = format!("call {CALLS_PER_DESK}\n");
            let child = script(&db, &Key::Plain, &name, &calls);
            script_output(name, child)
        })
        .collect();
    let issued = door.join().expect("door output");
    assert_eq!(issued.len(), ISSUED_DURING as usize);
    assert!(
        issued.iter().all(|l| l.starts_with("issued ")),
        "{issued:?}"
    );

    let mut called: HashMap<i64, Vec<String>> = HashMap::new();
    let mut latencies = Vec::new();
    for (d, output) in desks.into_iter().enumerate() {
        let lines = output.join().expect("desk output");
        assert_eq!(lines.len(), CALLS_PER_DESK as usize, "desk-{d}");
        for line in lines {
            let words: Vec<&str> = line.split(' ').collect();
            match words.as_slice() {
                ["called", id, _number, micros] => {
                    let id: i64 = id.parse().expect("id");
                    called.entry(id).or_default().push(format!("desk-{d}"));
                    latencies.push(micros.parse::<u64>().expect("micros"));
                }
                ["nobody", micros] => latencies.push(micros.parse().expect("micros")),
                _ => panic!("desk-{d}: unexpected `{line}`"),
            }
        }
    }
    let twice: Vec<_> = called.iter().filter(|(_, desks)| desks.len() > 1).collect();
    assert!(twice.is_empty(), "tickets called more than once: {twice:?}");

    let store = open_store(&db);
    let tickets = store.tickets_of_day(day).expect("tickets");
    assert_eq!(tickets.len(), TICKETS as usize, "a ticket was lost");
    for t in &tickets {
        let calls = called.get(&t.id).map_or(0, Vec::len);
        match t.status {
            TicketStatus::Waiting => {
                assert_eq!(calls, 0, "ticket {} waits but was called", t.number)
            }
            TicketStatus::Serving | TicketStatus::Done => {
                assert_eq!(calls, 1, "ticket {} {:?}", t.number, t.status);
                assert_eq!(
                    t.desk.as_ref(),
                    called[&t.id].first(),
                    "ticket {}",
                    t.number
                );
            }
            other => panic!("ticket {} is {other:?}", t.number),
        }
    }
    let serving = tickets
        .iter()
        .filter(|t| t.status == TicketStatus::Serving)
        .count();
    assert!(
        serving <= DESKS,
        "{serving} tickets serving at {DESKS} desks"
    );
    latencies.sort_unstable();
    eprintln!(
        "{} calls ({} got a ticket): median {} µs, p99 {} µs",
        latencies.len(),
        called.len(),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99)
    );
}

/// Desks killed with SIGKILL in the middle of calling: after every kill the database is
/// intact, no ticket is lost or served at two desks, every call a desk reported is
/// committed, and a restarted desk resumes the ticket it was serving.
#[test]
fn desks_killed_mid_call_lose_no_ticket() {
    const TICKETS_AT_START: u32 = 300;
    const KILLS: u64 = 12;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("q.db");
    let (store, day) = with_waiting_tickets(&db, TICKETS_AT_START);
    for round in 0..KILLS {
        let desk = format!("desk-{}", round % 2);
        let mut child = script(&db, &Key::Plain, &desk, "call 1000\n");
        // Kill after 5–60 ms: while starting, between calls, or inside one.
        std::thread::sleep(std::time::Duration::from_millis(5 + (round * 37) % 56));
        child.kill().expect("kill");
        let out = child.wait_with_output().expect("wait");
        let reported: Vec<i64> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.strip_prefix("called "))
            .filter_map(|rest| rest.split(' ').next()?.parse().ok())
            .collect();

        assert_eq!(
            store.integrity_check().expect("check"),
            ["ok"],
            "round {round}"
        );
        let tickets = store.tickets_of_day(day).expect("tickets");
        assert_eq!(tickets.len(), TICKETS_AT_START as usize, "round {round}");
        for id in reported {
            let t = tickets
                .iter()
                .find(|t| t.id == id)
                .expect("reported ticket");
            assert_ne!(t.status, TicketStatus::Waiting, "round {round}: {t:?}");
        }
        let mut serving: Vec<_> = tickets
            .iter()
            .filter(|t| t.status == TicketStatus::Serving)
            .map(|t| t.desk.clone())
            .collect();
        let at_desks = serving.len();
        serving.sort();
        serving.dedup();
        assert_eq!(
            serving.len(),
            at_desks,
            "round {round}: a desk serves two tickets"
        );
        assert!(at_desks <= 2, "round {round}: {serving:?}");
        let resumed = store.serving_ticket(&desk).expect("serving");
        if let Some(t) = resumed {
            assert_eq!(t.desk.as_deref(), Some(desk.as_str()));
        }
    }
}
