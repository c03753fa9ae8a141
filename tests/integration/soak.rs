//! Concurrency soak: 4 desk processes (call next, save a family of 1–3 on the ticket), a
//! door issuing tickets and a board reading the figures four times a second, all real
//! `sigdesk script` processes on one database file. No error (such as "database is locked")
//! reaches any of them, no ticket is served twice, no saved entry is lost, and every entry
//! is linked to a ticket its desk was serving. Prints the p99 save latency.
//!
//! CI runs 30 s; the long run is 10 minutes:
//! `cargo test --release --test integration -- --ignored --nocapture soak::`.

use crate::common::cli::{LEAD_PIN, percentile, script, script_output};
use crate::common::db::{all_entries, lead, open_store, open_store_for_cli};
use sigdesk::domain::EntryStatus;
use sigdesk::domain::queue::TicketStatus;
use sigdesk::store::Key;
use std::collections::{HashMap, HashSet};
use std::process::Child;

const DESKS: u32 = 4;

fn soak(seconds: u32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("soak.db");
    let mut store = open_store_for_cli(&db, LEAD_PIN);
    // A long run saves more than the 2,500 a region may hold; the cap is not under test.
    let mut campaign = store.campaign().expect("campaign");
    campaign.set("region_cap", "10000000").expect("cap");
    campaign.set("abroad_cap", "10000000").expect("cap");
    store
        .save_campaign(&campaign, &lead(), chrono::Utc::now())
        .expect("save campaign");
    drop(store);

    // The door issues a ticket every 15 ms; desks serve faster, so they also meet an
    // empty queue and wait, as at a real point.
    let tickets = seconds * 1000 / 15;
    let door = script(
        &db,
        &Key::Plain,
        "door",
        &format!("issue-paced {tickets} 15\n"),
    );
    let board = script(&db, &Key::Plain, "board", &format!("watch {seconds}\n"));
    let desks: Vec<(String, Child)> = (0..DESKS)
        .map(|d| {
            let name = format!("desk-{d}");
            let child = script(&db, &Key::Plain, &name, &format!("serve {seconds} {d}\n"));
            (name, child)
        })
        .collect();

    // Read every process's output while they run: a full pipe would stall a desk.
    let door = script_output("door".into(), door);
    let board = script_output("board".into(), board);
    let desks: Vec<_> = desks
        .into_iter()
        .map(|(name, child)| (name.clone(), script_output(name, child)))
        .collect();
    let issued = door.join().expect("door output");
    assert_eq!(issued.len(), tickets as usize);
    let board_lines = board.join().expect("board output");
    assert!(
        board_lines.len() as u32 >= seconds,
        "the board read too rarely"
    );

    let mut called: HashMap<i64, String> = HashMap::new();
    let mut saved: HashMap<String, (String, i64)> = HashMap::new();
    let mut save_micros: Vec<u64> = Vec::new();
    let mut call_micros: Vec<u64> = Vec::new();
    for (name, output) in desks {
        for line in output.join().expect("desk output") {
            let words: Vec<&str> = line.split(' ').collect();
            match words.as_slice() {
                ["called", id, _, micros] => {
                    call_micros.push(micros.parse().expect("micros"));
                    let id: i64 = id.parse().expect("ticket id");
                    let before = called.insert(id, name.clone());
                    assert!(
                        before.is_none(),
                        "ticket {id} served twice: {before:?} and {name}"
                    );
                }
                ["nobody", micros] => call_micros.push(micros.parse().expect("micros")),
                ["saved", entry, ticket, micros] => {
                    let ticket: i64 = ticket.parse().expect("ticket id");
                    assert_eq!(called.get(&ticket), Some(&name), "{line}");
                    saved.insert(entry.to_string(), (name.clone(), ticket));
                    save_micros.push(micros.parse().expect("micros"));
                }
                _ => panic!("{name}: unexpected `{line}`"),
            }
        }
    }

    let store = open_store(&db);
    assert_eq!(store.integrity_check().expect("check"), ["ok"]);
    let found: HashSet<String> = all_entries(&store).into_iter().map(|e| e.id).collect();
    assert_eq!(
        found.len(),
        saved.len(),
        "entries in the database vs reported saves"
    );
    for (id, (desk, ticket)) in &saved {
        let entry = store.entry(id).expect("read").expect("saved entry lost");
        assert_eq!(entry.status, EntryStatus::Valid);
        assert_eq!((&entry.desk, entry.ticket), (desk, Some(*ticket)));
    }
    let day = store
        .campaign()
        .expect("campaign")
        .local_date(chrono::Utc::now());
    for t in store.tickets_of_day(day).expect("tickets") {
        match t.status {
            TicketStatus::Waiting => assert!(!called.contains_key(&t.id)),
            TicketStatus::Serving | TicketStatus::Done => {
                assert_eq!(called.get(&t.id), t.desk.as_ref(), "ticket {}", t.number)
            }
            other => panic!("ticket {} is {other:?}", t.number),
        }
    }
    save_micros.sort_unstable();
    call_micros.sort_unstable();
    eprintln!(
        "soak {seconds} s: {} tickets issued, {} served, {} entries saved; save latency median {} µs, p99 {} µs, max {} µs; call-next median {} µs, p99 {} µs; {} board reads",
        tickets,
        called.len(),
        saved.len(),
        percentile(&save_micros, 0.5),
        percentile(&save_micros, 0.99),
        percentile(&save_micros, 1.0),
        percentile(&call_micros, 0.5),
        percentile(&call_micros, 0.99),
        board_lines.len()
    );
}

#[test]
fn four_desks_a_door_and_a_board_for_30_seconds() {
    soak(30);
}

#[test]
#[ignore = "long: 10 minutes; cargo test --release --test integration -- --ignored --nocapture soak::"]
fn four_desks_a_door_and_a_board_for_10_minutes() {
    soak(600);
}
