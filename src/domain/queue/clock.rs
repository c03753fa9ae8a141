//! Durations and time windows that survive a clock going backwards.
//!
//! The figures read each timestamp once into epoch milliseconds ([`Row`]) and do integer
//! arithmetic from there: chrono's calendar arithmetic per comparison would cost more than
//! the rest of the figures together.

use super::Ticket;
use chrono::{DateTime, NaiveDate, Utc};

/// Seconds from `from` to `to`, clamped at 0 when `to` is earlier (the clock went backwards)
/// and at `u32::MAX` for absurd spans.
pub(super) fn elapsed_secs(from: DateTime<Utc>, to: DateTime<Utc>) -> u32 {
    span_secs(from.timestamp_millis(), to.timestamp_millis())
}

/// Seconds from `from` to `to` in epoch milliseconds, clamped like [`elapsed_secs`]; whole
/// seconds, rounded down.
pub(super) fn span_secs(from: i64, to: i64) -> u32 {
    let secs = to.saturating_sub(from).max(0) / 1000;
    u32::try_from(secs).unwrap_or(u32::MAX)
}

/// One of today's tickets with its timestamps in epoch milliseconds.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row<'a> {
    pub ticket: &'a Ticket,
    pub issued: i64,
    pub called: Option<i64>,
    pub closed: Option<i64>,
}

/// The rows of `today`; rows of other days (a ticket left waiting last night) are ignored.
pub(super) fn rows_of_day(tickets: &[Ticket], today: NaiveDate) -> Vec<Row<'_>> {
    of_day(tickets, today)
        .map(|ticket| Row {
            ticket,
            issued: ticket.issued_at.timestamp_millis(),
            called: ticket.called_at.map(|t| t.timestamp_millis()),
            closed: ticket.closed_at.map(|t| t.timestamp_millis()),
        })
        .collect()
}

/// The tickets of `today`, as they are.
pub(super) fn of_day(tickets: &[Ticket], today: NaiveDate) -> impl Iterator<Item = &Ticket> {
    tickets.iter().filter(move |t| t.day == today)
}

/// The injected "now", in epoch milliseconds, and the windows the figures look back over.
#[derive(Debug, Clone, Copy)]
pub(super) struct Clock {
    pub now: i64,
}

impl Clock {
    pub fn new(now: DateTime<Utc>) -> Clock {
        Clock {
            now: now.timestamp_millis(),
        }
    }

    /// Seconds since `at`; an event after `now` happened "just now" (0).
    pub fn age(self, at: i64) -> u32 {
        span_secs(at, self.now)
    }

    /// Whether `at` lies in the last `window_secs` seconds: `now - window < at`, events after
    /// `now` included (the clock went backwards).
    pub fn within(self, at: i64, window_secs: u32) -> bool {
        self.now.saturating_sub(at) < i64::from(window_secs) * 1000
    }
}
