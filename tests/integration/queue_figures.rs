//! Queue figures over rows a real store wrote: a door and two desks on one SQLite file,
//! with an injected clock.

use crate::common::db::{actor, fixed_now, open_store};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sigdesk::domain::queue::{
    DeskQueueFigures, QueueBucket, TicketStatus, queue_figures, recent_calls, waiting_line,
};
use sigdesk::store::{Finish, Store};

/// `fixed_now()` (09:30 UTC) plus `minutes`.
fn at(minutes: i64) -> DateTime<Utc> {
    fixed_now() + Duration::minutes(minutes)
}

fn day() -> NaiveDate {
    fixed_now().date_naive()
}

fn call(store: &mut Store, desk: &str, finish: Finish, minutes: i64) -> u32 {
    store
        .call_next(&actor(desk, "op"), finish, day(), at(minutes))
        .unwrap()
        .called
        .unwrap()
        .number
}

#[test]
fn figures_of_a_morning_at_two_desks() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_store(&dir.path().join("q.db"));
    let door = actor("door", "op");
    let mut ids = Vec::new();
    for minute in 0..5 {
        ids.push(store.issue_ticket(&door, day(), at(minute)).unwrap().id);
    }
    assert_eq!(call(&mut store, "d1", Finish::Done, 5), 1);
    assert_eq!(call(&mut store, "d2", Finish::Done, 6), 2);
    assert_eq!(call(&mut store, "d1", Finish::Done, 9), 3); // #1 served in 4 min
    assert_eq!(call(&mut store, "d2", Finish::NoShow, 10), 4); // #2 absent
    assert!(
        store
            .recall_ticket(&door, ids[1], at(11))
            .unwrap()
            .is_some()
    );
    assert!(store.mark_left(&door, ids[4], at(12)).unwrap().is_some());
    store.issue_ticket(&door, day(), at(13)).unwrap();

    let now = at(15);
    let tickets = store.tickets_of_day(day()).unwrap();
    let figures = queue_figures(&tickets, day(), now);
    assert_eq!(figures.waiting, 2);
    assert_eq!(figures.longest_wait_secs, Some(14 * 60));
    // Waits until the call: #1 300, #2 300, #3 420, #4 420.
    assert_eq!(figures.median_wait_secs, Some(360));
    assert_eq!(figures.avg_service_secs, Some(240));
    assert_eq!(figures.active_desks, 2);
    assert_eq!(figures.eta_secs, Some(2 * 240 / 2));
    assert_eq!(
        (
            figures.issued_today,
            figures.served_today,
            figures.served_last_hour,
            figures.no_shows_today,
            figures.left_today,
        ),
        (6, 1, 1, 0, 1),
        "the recalled no-show waits again"
    );
    assert_eq!(figures.no_show_rate, Some(0.0));
    assert_eq!(
        figures.desks,
        [
            DeskQueueFigures {
                desk: "d1".into(),
                serving: Some(3),
                served_today: 1,
                served_last_hour: 1,
                avg_service_secs: Some(240),
                last_call: Some(at(9)),
                active: true,
            },
            DeskQueueFigures {
                desk: "d2".into(),
                serving: Some(4),
                served_today: 0,
                served_last_hour: 0,
                avg_service_secs: None,
                last_call: Some(at(10)),
                active: true,
            },
        ]
    );
    assert_eq!(
        figures.buckets,
        [
            QueueBucket {
                start: at(0),
                arrivals: 5,
                served: 1
            },
            QueueBucket {
                start: at(10),
                arrivals: 1,
                served: 0
            },
        ]
    );
    assert_eq!(
        recent_calls(&tickets, day(), 3),
        [
            (4, "d2".to_owned(), TicketStatus::Serving),
            (3, "d1".to_owned(), TicketStatus::Serving),
            (1, "d1".to_owned(), TicketStatus::Done),
        ]
    );

    // The line shows the order the store calls in: the recalled #2 first.
    let line = waiting_line(&tickets, day(), now);
    assert_eq!(line, [(2, 14 * 60), (6, 2 * 60)]);
    for (number, _) in line {
        assert_eq!(call(&mut store, "d1", Finish::Done, 15), number);
    }
}
