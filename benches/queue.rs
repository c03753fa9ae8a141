//! Queue figures over a busy day: 5,000 tickets, 4 desks. Target: `queue_figures` under 1 ms.
//! Run: `cargo bench --bench queue`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::XorShift;
use common::measure::Target;
use criterion::Criterion;
use sigdesk::domain::queue::{Ticket, TicketStatus, queue_figures, recent_calls, waiting_line};
use std::hint::black_box;

/// Tickets issued on the benched day.
const TICKETS: u32 = 5_000;
/// Desks serving them.
const DESKS: usize = 4;

/// A day from 08:00 UTC: arrivals every 1–16 s, first come first served at the desk free
/// first, 20–50 s per signer, 3% no-shows, 2% walkouts; `now` is 30 s after the last
/// arrival, so the day ends with people waiting and desks serving. A few of yesterday's
/// rows are left over.
fn busy_day() -> (Vec<Ticket>, NaiveDate, DateTime<Utc>) {
    let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
    let open = Utc.from_utc_datetime(&day.and_hms_opt(8, 0, 0).unwrap());
    let mut rng = XorShift(0x5eed_f00d);
    let mut issued = open;
    let mut desk_free = [open; DESKS];
    let mut planned = Vec::new();
    for number in 1..=TICKETS {
        issued += Duration::seconds(1 + rng.below(16) as i64);
        let roll = rng.below(100);
        if roll < 2 {
            planned.push((
                number,
                issued,
                None,
                TicketStatus::Left,
                issued + Duration::minutes(5),
            ));
            continue;
        }
        let (desk, free) = desk_free
            .iter()
            .enumerate()
            .min_by_key(|(_, free)| **free)
            .unwrap();
        let called = issued.max(*free);
        let (status, secs) = if roll < 5 {
            (TicketStatus::NoShow, 30)
        } else {
            (TicketStatus::Done, 20 + rng.below(31) as i64)
        };
        let closed = called + Duration::seconds(secs);
        desk_free[desk] = closed;
        planned.push((number, issued, Some((called, desk)), status, closed));
    }
    let now = issued + Duration::seconds(30);
    let mut tickets: Vec<Ticket> = planned
        .into_iter()
        .map(|(number, issued_at, call, status, closed)| {
            let call = call.filter(|(called, _)| *called <= now);
            let (status, closed_at) = match (status, call) {
                (TicketStatus::Left, _) if closed <= now => (status, Some(closed)),
                (TicketStatus::Left, _) | (_, None) => (TicketStatus::Waiting, None),
                (_, Some(_)) if closed <= now => (status, Some(closed)),
                (_, Some(_)) => (TicketStatus::Serving, None),
            };
            Ticket {
                id: i64::from(number) + 10_000,
                number,
                day,
                issued_at,
                called_at: call.map(|(called, _)| called),
                desk: call.map(|(_, desk)| format!("desk-{}", desk + 1)),
                status,
                closed_at,
            }
        })
        .collect();
    let yesterday = day.pred_opt().unwrap();
    tickets.extend((1..=20).map(|number| Ticket {
        id: i64::from(number),
        number: 900 + number,
        day: yesterday,
        issued_at: open - Duration::hours(2),
        called_at: None,
        desk: None,
        status: TicketStatus::Waiting,
        closed_at: None,
    }));
    (tickets, day, now)
}

fn main() {
    if !common::measure::benchmarking() {
        return;
    }
    let (tickets, today, now) = busy_day();
    let figures = queue_figures(&tickets, today, now);
    println!(
        "benched day: {} issued, {} waiting, {} served, {} no-shows, {} left, {} buckets, ETA {:?} s",
        figures.issued_today,
        figures.waiting,
        figures.served_today,
        figures.no_shows_today,
        figures.left_today,
        figures.buckets.len(),
        figures.eta_secs,
    );
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("queue");
    group.bench_function("queue_figures_5000", |b| {
        b.iter(|| queue_figures(black_box(&tickets), today, now))
    });
    group.bench_function("door_screen_5000", |b| {
        b.iter(|| {
            (
                waiting_line(black_box(&tickets), today, now),
                recent_calls(black_box(&tickets), today, 5),
            )
        })
    });
    group.finish();
    common::measure::summarise(
        &mut c,
        &[
            ("queue/queue_figures_5000", "", Target::Millis(1.0)),
            ("queue/door_screen_5000", "", Target::None),
        ],
    );
}
