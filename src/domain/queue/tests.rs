//! Tests of the queue figures, and the ticket rows they are built from.

use super::buckets::MAX_BUCKETS;
use super::*;
use TicketStatus::{Done, Left, NoShow, Serving, Waiting};
use chrono::{Duration, NaiveDate, TimeZone};

mod days;
mod invariants;
mod rules;

/// The day every table test runs on.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 14).unwrap()
}

/// `HH:MM:SS` UTC on 2025-03-14.
fn at(time: &str) -> DateTime<Utc> {
    let naive = today().and_time(chrono::NaiveTime::parse_from_str(time, "%H:%M:%S").unwrap());
    Utc.from_utc_datetime(&naive)
}

/// The figures of `tickets` today at `time` (`HH:MM:SS`).
fn figures_at(tickets: &[Ticket], time: &str) -> QueueFigures {
    queue_figures(tickets, today(), at(time))
}

/// A row as the store loads it; `(called, desk)` and `closed` as given.
fn ticket(
    number: u32,
    status: TicketStatus,
    issued: &str,
    called: Option<(&str, &str)>,
    closed: Option<&str>,
) -> Ticket {
    Ticket {
        id: i64::from(number),
        number,
        day: today(),
        issued_at: at(issued),
        called_at: called.map(|(time, _)| at(time)),
        desk: called.map(|(_, desk)| desk.to_owned()),
        status,
        closed_at: closed.map(at),
    }
}

fn waiting(number: u32, issued: &str) -> Ticket {
    ticket(number, Waiting, issued, None, None)
}

fn serving(n: u32, issued: &str, called: &str, desk: &str) -> Ticket {
    ticket(n, Serving, issued, Some((called, desk)), None)
}

fn done(n: u32, issued: &str, called: &str, closed: &str, desk: &str) -> Ticket {
    ticket(n, Done, issued, Some((called, desk)), Some(closed))
}

fn no_show(n: u32, issued: &str, called: &str, closed: &str, desk: &str) -> Ticket {
    ticket(n, NoShow, issued, Some((called, desk)), Some(closed))
}

/// A no-show put back at the front of the line: waiting again, its call time kept, its desk
/// cleared (as `store::tickets` recalls).
fn recalled(number: u32, issued: &str, called: &str) -> Ticket {
    Ticket {
        called_at: Some(at(called)),
        ..waiting(number, issued)
    }
}

fn left(number: u32, issued: &str, closed: &str) -> Ticket {
    ticket(number, Left, issued, None, Some(closed))
}

fn desk(
    name: &str,
    serving: Option<u32>,
    served: (u32, u32),
    avg_service_secs: Option<u32>,
    last_call: Option<&str>,
    active: bool,
) -> DeskQueueFigures {
    DeskQueueFigures {
        desk: name.to_owned(),
        serving,
        served_today: served.0,
        served_last_hour: served.1,
        avg_service_secs,
        last_call: last_call.map(at),
        active,
    }
}

/// Buckets from `first` (HH:MM:SS), ten minutes apart, as `(arrivals, served)`.
fn buckets(first: &str, counts: &[(u32, u32)]) -> Vec<QueueBucket> {
    counts
        .iter()
        .zip(0..)
        .map(|(&(arrivals, served), i)| QueueBucket {
            start: at(first) + Duration::minutes(10 * i),
            arrivals,
            served,
        })
        .collect()
}
