//! The ticket queue in the store: numbering, call order, recall, walkouts, undo, and any
//! interleaving of desks, on real SQLite files with one connection per desk.

use crate::common::db::{actor, audit_actions, fixed_now, open_store};
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use sigdesk::domain::queue::{Ticket, TicketStatus};
use sigdesk::store::{Actor, CallOutcome, Finish, Store};
use std::collections::HashMap;

/// The door, which issues, recalls and marks walkouts.
fn door() -> Actor {
    actor("door", "op")
}

fn day() -> NaiveDate {
    fixed_now().date_naive()
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = open_store(&dir.path().join("q.db"));
    (dir, store)
}

/// The door issues a ticket of the fixed day, at the fixed instant.
fn issue(store: &mut Store) -> Ticket {
    store.issue_ticket(&door(), day(), fixed_now()).unwrap()
}

/// Desk `d1` calls the next ticket, finishing the one it serves as `finish`.
fn call(store: &mut Store, finish: Finish) -> CallOutcome {
    store
        .call_next(&actor("d1", "op"), finish, day(), fixed_now())
        .unwrap()
}

#[test]
fn numbers_count_from_one_and_restart_each_day() {
    let (_dir, mut store) = temp_store();
    let numbers: Vec<u32> = (0..3).map(|_| issue(&mut store).number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    let tomorrow = day().succ_opt().unwrap();
    let first = store
        .issue_ticket(&door(), tomorrow, fixed_now() + Duration::days(1))
        .unwrap();
    assert_eq!((first.number, first.day), (1, tomorrow));
    assert_eq!(store.tickets_of_day(day()).unwrap().len(), 3);
}

#[test]
fn call_next_serves_in_number_order_and_closes_the_current_ticket() {
    let (_dir, mut store) = temp_store();
    issue(&mut store);
    issue(&mut store);
    let first = call(&mut store, Finish::Done);
    assert_eq!(first.finished, None);
    let called = first.called.expect("ticket 1 called");
    assert_eq!((called.number, called.status), (1, TicketStatus::Serving));
    assert_eq!(called.desk.as_deref(), Some("d1"));
    assert_eq!(store.serving_ticket("d1").unwrap(), Some(called.clone()));

    let later = fixed_now() + Duration::minutes(3);
    let second = store
        .call_next(&actor("d1", "op"), Finish::Done, day(), later)
        .unwrap();
    let finished = second.finished.expect("ticket 1 closed");
    assert_eq!((finished.number, finished.status), (1, TicketStatus::Done));
    assert_eq!(finished.closed_at, Some(later));
    assert_eq!(second.called.map(|t| t.number), Some(2));
}

#[test]
fn an_empty_queue_closes_the_current_ticket_and_calls_nobody() {
    let (_dir, mut store) = temp_store();
    assert_eq!(call(&mut store, Finish::Done), Default::default());
    issue(&mut store);
    call(&mut store, Finish::Done);
    let after = call(&mut store, Finish::NoShow);
    assert_eq!(after.finished.map(|t| t.status), Some(TicketStatus::NoShow));
    assert_eq!(after.called, None);
    assert_eq!(store.serving_ticket("d1").unwrap(), None);
}

#[test]
fn a_recalled_no_show_goes_to_the_front_of_the_queue() {
    let (_dir, mut store) = temp_store();
    for _ in 0..3 {
        issue(&mut store);
    }
    let one = call(&mut store, Finish::Done).called.unwrap();
    // Ticket 1 does not come: no-show, and ticket 2 is called.
    let two = call(&mut store, Finish::NoShow).called.unwrap();
    assert_eq!(two.number, 2);
    let back = store.recall_ticket(&door(), one.id, fixed_now()).unwrap();
    assert_eq!(back.map(|t| t.status), Some(TicketStatus::Waiting));
    // Recalling twice changes nothing.
    assert_eq!(
        store.recall_ticket(&door(), one.id, fixed_now()).unwrap(),
        None
    );
    let next = call(&mut store, Finish::Done);
    assert_eq!(next.called.map(|t| t.number), Some(1), "recalled first");
    let last = call(&mut store, Finish::Done);
    assert_eq!(last.called.map(|t| t.number), Some(3));
}

#[test]
fn a_walkout_is_never_called_and_only_waiting_tickets_can_leave() {
    let (_dir, mut store) = temp_store();
    let one = issue(&mut store);
    let two = issue(&mut store);
    let left = store.mark_left(&door(), one.id, fixed_now()).unwrap();
    assert_eq!(left.map(|t| t.status), Some(TicketStatus::Left));
    let called = call(&mut store, Finish::Done).called.unwrap();
    assert_eq!(called.id, two.id);
    assert_eq!(store.mark_left(&door(), two.id, fixed_now()).unwrap(), None);
}

#[test]
fn undo_removes_an_uncalled_ticket_and_its_number_is_issued_again() {
    let (_dir, mut store) = temp_store();
    let one = issue(&mut store);
    let two = issue(&mut store);
    assert!(store.undo_ticket(&door(), two.id, fixed_now()).unwrap());
    assert_eq!(issue(&mut store).number, 2);
    call(&mut store, Finish::Done);
    assert!(
        !store.undo_ticket(&door(), one.id, fixed_now()).unwrap(),
        "called"
    );
    assert!(store.ticket(one.id).unwrap().is_some());
}

#[test]
fn yesterdays_waiting_tickets_are_not_called_today() {
    let (_dir, mut store) = temp_store();
    let yesterday = day().pred_opt().unwrap();
    store
        .issue_ticket(&door(), yesterday, fixed_now() - Duration::days(1))
        .unwrap();
    let today = issue(&mut store);
    let called = call(&mut store, Finish::Done).called;
    assert_eq!(called.map(|t| t.id), Some(today.id));
}

#[test]
fn a_restarted_desk_finds_the_ticket_it_was_serving() {
    let (dir, mut first) = temp_store();
    issue(&mut first);
    let called = call(&mut first, Finish::Done).called.unwrap();
    drop(first);
    let again = open_store(&dir.path().join("q.db"));
    assert_eq!(again.serving_ticket("d1").unwrap(), Some(called));
}

#[test]
fn every_ticket_change_is_in_the_audit_log() {
    let (dir, mut store) = temp_store();
    let t = issue(&mut store);
    call(&mut store, Finish::NoShow);
    call(&mut store, Finish::NoShow);
    store.recall_ticket(&door(), t.id, fixed_now()).unwrap();
    let actions = audit_actions(&dir.path().join("q.db"));
    assert_eq!(
        actions,
        [
            "ticket_issue",
            "ticket_call",
            "ticket_no_show",
            "ticket_recall"
        ]
    );
}

/// One step of a queue day in the interleaving test.
#[derive(Debug, Clone)]
enum Step {
    Issue,
    Next(usize),
    NoShow(usize),
    Recall(usize),
    Leave(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => Just(Step::Issue),
        3 => (0..4usize).prop_map(Step::Next),
        1 => (0..4usize).prop_map(Step::NoShow),
        1 => (0..8usize).prop_map(Step::Recall),
        1 => (0..8usize).prop_map(Step::Leave),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Up to 4 desks, each on its own connection, and a door: every ticket is in exactly
    /// one state, a desk serves at most one ticket, and no ticket is served twice unless it
    /// was recalled in between.
    #[test]
    fn any_interleaving_keeps_every_ticket_in_one_state(steps in prop::collection::vec(step(), 1..60)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        let mut door = open_store(&path);
        let mut desks: Vec<Store> = (0..4).map(|_| open_store(&path)).collect();
        let door_actor = actor("door", "op");
        let mut calls: HashMap<i64, u32> = HashMap::new();
        let mut recalls: HashMap<i64, u32> = HashMap::new();
        let start = Utc.with_ymd_and_hms(2024, 3, 10, 9, 0, 0).unwrap();
        for (i, step) in steps.iter().enumerate() {
            let now = start + Duration::seconds(i as i64 * 30);
            match step {
                Step::Issue => { door.issue_ticket(&door_actor, day(), now).unwrap(); }
                Step::Next(d) | Step::NoShow(d) => {
                    let finish = if matches!(step, Step::Next(_)) { Finish::Done } else { Finish::NoShow };
                    let out = desks[*d].call_next(&actor(&format!("d{d}"), "op"), finish, day(), now).unwrap();
                    if let Some(t) = out.called {
                        *calls.entry(t.id).or_default() += 1;
                    }
                }
                Step::Recall(k) | Step::Leave(k) => {
                    let tickets = door.tickets_of_day(day()).unwrap();
                    if let Some(t) = tickets.get(*k) {
                        if matches!(step, Step::Recall(_)) {
                            if door.recall_ticket(&door_actor, t.id, now).unwrap().is_some() {
                                *recalls.entry(t.id).or_default() += 1;
                            }
                        } else {
                            door.mark_left(&door_actor, t.id, now).unwrap();
                        }
                    }
                }
            }
        }
        let tickets = door.tickets_of_day(day()).unwrap();
        let numbers: Vec<u32> = tickets.iter().map(|t| t.number).collect();
        prop_assert_eq!(numbers, (1..=tickets.len() as u32).collect::<Vec<_>>());
        let mut serving_desks = Vec::new();
        for t in &tickets {
            let called = calls.get(&t.id).copied().unwrap_or(0);
            prop_assert!(called <= 1 + recalls.get(&t.id).copied().unwrap_or(0), "ticket {} called {} times", t.number, called);
            match t.status {
                TicketStatus::Waiting => prop_assert!(t.closed_at.is_none()),
                TicketStatus::Serving => {
                    prop_assert!(t.desk.is_some() && t.called_at.is_some());
                    serving_desks.push(t.desk.clone());
                }
                TicketStatus::Done | TicketStatus::NoShow => {
                    prop_assert!(called >= 1 && t.closed_at.is_some());
                }
                TicketStatus::Left => prop_assert!(t.closed_at.is_some()),
            }
        }
        let before = serving_desks.len();
        serving_desks.sort();
        serving_desks.dedup();
        prop_assert_eq!(before, serving_desks.len(), "a desk serves two tickets");
    }
}
