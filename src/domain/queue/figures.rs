//! The figures shift leads read about the door queue (DESIGN.md §5).

use super::buckets::{QueueBucket, queue_buckets};
use super::clock::{Clock, Row, rows_of_day, span_secs};
use super::{Ticket, TicketStatus};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// A desk that called a ticket within this many seconds is active.
const ACTIVE_SECS: u32 = 10 * 60;
/// Tickets closed within this many seconds make the current service average.
const SERVICE_SECS: u32 = 30 * 60;
/// The window of the "last hour" figures.
const HOUR_SECS: u32 = 60 * 60;

/// What the queue looks like now: the lead board's queue panel and the door's ETA.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueFigures {
    /// Today's tickets in `Waiting` (recalled no-shows included).
    pub waiting: u32,
    /// `now - issued_at` of the longest-waiting waiting ticket today.
    pub longest_wait_secs: Option<u32>,
    /// Median of `called_at - issued_at` over tickets called in the last hour.
    pub median_wait_secs: Option<u32>,
    /// Average `closed_at - called_at` of done tickets closed in the last 30 min over all
    /// desks; if none, of today's done tickets.
    pub avg_service_secs: Option<u32>,
    /// Desks that called a ticket within the last 10 min or are serving one now.
    pub active_desks: u32,
    /// Expected wait of a new arrival: `waiting × avg_service / active_desks`, rounded.
    /// `None` without an active desk, or when people wait and no service time is known;
    /// `Some(0)` when nobody waits and a desk is active.
    pub eta_secs: Option<u32>,
    /// Done tickets closed in the last 60 min.
    pub served_last_hour: u32,
    /// Tickets issued today.
    pub issued_today: u32,
    /// Today's tickets that are done.
    pub served_today: u32,
    /// Today's tickets that are currently no-shows (recalled ones count as waiting).
    pub no_shows_today: u32,
    /// Today's tickets whose holder left before being called.
    pub left_today: u32,
    /// `no_show / (done + no_show)` today; `None` while both are 0.
    pub no_show_rate: Option<f64>,
    /// Every desk that called a ticket today, sorted by desk name.
    pub desks: Vec<DeskQueueFigures>,
    /// Arrivals against served tickets per 10-minute bucket, oldest first.
    pub buckets: Vec<QueueBucket>,
}

/// One desk's line on the lead board.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeskQueueFigures {
    /// Desk name as the desk reported it.
    pub desk: String,
    /// Number of the ticket it serves now.
    pub serving: Option<u32>,
    /// Its done tickets today.
    pub served_today: u32,
    /// Its done tickets closed in the last 60 min.
    pub served_last_hour: u32,
    /// Its average service time over tickets closed in the last 30 min; if none, today.
    pub avg_service_secs: Option<u32>,
    /// When it last called a ticket today.
    pub last_call: Option<DateTime<Utc>>,
    /// Called a ticket within the last 10 min, or serving one now.
    pub active: bool,
}

/// Figures over the tickets of `today` (the caller passes all rows it loaded; rows of other
/// days are ignored). Durations are clamped at 0 when the clock went backwards; rows missing
/// the timestamps an average needs are left out of that average.
pub fn queue_figures(tickets: &[Ticket], today: NaiveDate, now: DateTime<Utc>) -> QueueFigures {
    let clock = Clock::new(now);
    let rows = rows_of_day(tickets, today);
    let counts = StatusCounts::of(&rows);
    let desks = desk_figures(&rows, clock);
    let active_desks = count(desks.iter().filter(|d| d.active));
    let mut service = ServiceTimes::default();
    rows.iter().for_each(|row| service.add(row, clock));
    let avg_service_secs = service.average();
    QueueFigures {
        waiting: counts.waiting,
        longest_wait_secs: rows
            .iter()
            .filter(|row| row.ticket.status == TicketStatus::Waiting)
            .map(|row| clock.age(row.issued))
            .max(),
        median_wait_secs: median_wait(&rows, clock),
        avg_service_secs,
        active_desks,
        eta_secs: eta(counts.waiting, avg_service_secs, active_desks),
        served_last_hour: count(rows.iter().filter(|row| served_last_hour(row, clock))),
        issued_today: counts.issued,
        served_today: counts.done,
        no_shows_today: counts.no_show,
        left_today: counts.left,
        no_show_rate: counts.no_show_rate(),
        desks,
        buckets: queue_buckets(&rows, clock),
    }
}

/// How many items, saturating at `u32::MAX`.
fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}

/// `sum / count` rounded half up, saturating at `u32::MAX`; `count` must not be 0.
fn rounded_div(sum: u64, count: u64) -> u32 {
    u32::try_from(sum.saturating_add(count / 2) / count).unwrap_or(u32::MAX)
}

/// A done ticket closed in the last 60 min.
fn served_last_hour(row: &Row, clock: Clock) -> bool {
    row.ticket.status == TicketStatus::Done
        && row
            .closed
            .is_some_and(|closed| clock.within(closed, HOUR_SECS))
}

/// Median of `called_at - issued_at` over tickets called in the last hour.
fn median_wait(rows: &[Row], clock: Clock) -> Option<u32> {
    let mut waits: Vec<u32> = rows
        .iter()
        .filter_map(|row| {
            let called = row.called.filter(|&c| clock.within(c, HOUR_SECS))?;
            Some(span_secs(row.issued, called))
        })
        .collect();
    median(&mut waits)
}

/// The middle value; the mean of the two middle ones (rounded half up) for an even count.
fn median(values: &mut [u32]) -> Option<u32> {
    values.sort_unstable();
    let mid = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[mid]),
        _ => Some(rounded_div(
            u64::from(values[mid - 1]) + u64::from(values[mid]),
            2,
        )),
    }
}

/// Expected wait of a new arrival (see [`QueueFigures::eta_secs`]).
fn eta(waiting: u32, avg_service: Option<u32>, active_desks: u32) -> Option<u32> {
    if active_desks == 0 {
        return None;
    }
    if waiting == 0 {
        return Some(0);
    }
    let avg = avg_service?;
    Some(rounded_div(
        u64::from(waiting) * u64::from(avg),
        u64::from(active_desks),
    ))
}

/// Today's tickets by status.
#[derive(Debug, Default)]
struct StatusCounts {
    issued: u32,
    waiting: u32,
    done: u32,
    no_show: u32,
    left: u32,
}

impl StatusCounts {
    fn of(rows: &[Row]) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for row in rows {
            counts.issued = counts.issued.saturating_add(1);
            let slot = match row.ticket.status {
                TicketStatus::Waiting => &mut counts.waiting,
                TicketStatus::Done => &mut counts.done,
                TicketStatus::NoShow => &mut counts.no_show,
                TicketStatus::Left => &mut counts.left,
                TicketStatus::Serving => continue,
            };
            *slot = slot.saturating_add(1);
        }
        counts
    }

    fn no_show_rate(&self) -> Option<f64> {
        let decided = f64::from(self.done) + f64::from(self.no_show);
        (decided > 0.0).then(|| f64::from(self.no_show) / decided)
    }
}

/// A running mean of seconds.
#[derive(Debug, Default, Clone, Copy)]
struct Mean {
    sum: u64,
    count: u64,
}

impl Mean {
    fn add(&mut self, secs: u32) {
        self.sum = self.sum.saturating_add(u64::from(secs));
        self.count += 1;
    }

    fn value(self) -> Option<u32> {
        (self.count > 0).then(|| rounded_div(self.sum, self.count))
    }
}

/// Service times of done tickets: the last 30 min, and the whole day as the fallback.
#[derive(Debug, Default, Clone, Copy)]
struct ServiceTimes {
    recent: Mean,
    today: Mean,
}

impl ServiceTimes {
    /// Counts a done ticket that has both its call and close times; skips anything else.
    fn add(&mut self, row: &Row, clock: Clock) {
        if row.ticket.status != TicketStatus::Done {
            return;
        }
        let (Some(called), Some(closed)) = (row.called, row.closed) else {
            return;
        };
        let secs = span_secs(called, closed);
        self.today.add(secs);
        if clock.within(closed, SERVICE_SECS) {
            self.recent.add(secs);
        }
    }

    fn average(self) -> Option<u32> {
        self.recent.value().or(self.today.value())
    }
}

/// One desk's figures while the day's tickets are read.
#[derive(Debug, Default)]
struct DeskTally {
    /// `(called_at, number)` of the ticket it serves; the latest call wins if the data
    /// holds two.
    serving: Option<(Option<i64>, u32)>,
    served_today: u32,
    served_last_hour: u32,
    service: ServiceTimes,
    /// The latest call, in epoch milliseconds and as stored.
    last_call: Option<(i64, DateTime<Utc>)>,
}

impl DeskTally {
    fn add(&mut self, row: &Row, clock: Clock) {
        let ticket = row.ticket;
        let call = row.called.zip(ticket.called_at);
        self.last_call = self.last_call.max(call);
        match ticket.status {
            TicketStatus::Serving => {
                self.serving = self.serving.max(Some((row.called, ticket.number)));
            }
            TicketStatus::Done => {
                self.served_today = self.served_today.saturating_add(1);
                if served_last_hour(row, clock) {
                    self.served_last_hour = self.served_last_hour.saturating_add(1);
                }
            }
            TicketStatus::Waiting | TicketStatus::NoShow | TicketStatus::Left => {}
        }
        self.service.add(row, clock);
    }

    fn figures(self, desk: &str, clock: Clock) -> DeskQueueFigures {
        let serving = self.serving.map(|(_, number)| number);
        let called_recently = self
            .last_call
            .is_some_and(|(called, _)| clock.within(called, ACTIVE_SECS));
        DeskQueueFigures {
            desk: desk.to_owned(),
            serving,
            served_today: self.served_today,
            served_last_hour: self.served_last_hour,
            avg_service_secs: self.service.average(),
            last_call: self.last_call.map(|(_, called)| called),
            active: serving.is_some() || called_recently,
        }
    }
}

/// Every desk named on one of today's tickets, sorted by name.
fn desk_figures(rows: &[Row], clock: Clock) -> Vec<DeskQueueFigures> {
    let mut tallies: BTreeMap<&str, DeskTally> = BTreeMap::new();
    for row in rows {
        if let Some(desk) = row.ticket.desk.as_deref() {
            tallies.entry(desk).or_default().add(row, clock);
        }
    }
    tallies
        .into_iter()
        .map(|(desk, tally)| tally.figures(desk, clock))
        .collect()
}
