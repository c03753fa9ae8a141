//! Durations and time windows that survive a clock going backwards.

use super::Ticket;
use chrono::{DateTime, NaiveDate, Utc};

/// Seconds from `from` to `to`, clamped at 0 when `to` is earlier (the clock went backwards)
/// and at `u32::MAX` for absurd spans.
pub(super) fn elapsed_secs(from: DateTime<Utc>, to: DateTime<Utc>) -> u32 {
    let secs = to.signed_duration_since(from).num_seconds().max(0);
    u32::try_from(secs).unwrap_or(u32::MAX)
}

/// The injected "now" and the windows the figures look back over.
#[derive(Debug, Clone, Copy)]
pub(super) struct Clock {
    pub now: DateTime<Utc>,
}

impl Clock {
    /// Seconds since `at`; an event after `now` happened "just now" (0).
    pub fn age(self, at: DateTime<Utc>) -> u32 {
        elapsed_secs(at, self.now)
    }

    /// Whether `at` lies in the last `window_secs` seconds: `now - window < at`, events after
    /// `now` included (the clock went backwards).
    pub fn within(self, at: DateTime<Utc>, window_secs: u32) -> bool {
        self.age(at) < window_secs
    }
}

/// The rows of `today`; rows of other days (a ticket left waiting last night) are ignored.
pub(super) fn of_day(
    tickets: &[Ticket],
    today: NaiveDate,
) -> impl Iterator<Item = &Ticket> + Clone {
    tickets.iter().filter(move |t| t.day == today)
}
