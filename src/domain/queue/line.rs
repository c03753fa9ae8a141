//! The waiting line and the calls the door screen shows, and how long things took.

use super::clock::{elapsed_secs, of_day};
use super::{Ticket, TicketStatus};
use chrono::{DateTime, NaiveDate, Utc};
use std::cmp::Reverse;

/// Today's waiting tickets in call order (recalled first, then by number), with their
/// current wait in seconds: `(number, wait_secs)`. Same order as the desk's call-next.
pub fn waiting_line(tickets: &[Ticket], today: NaiveDate, now: DateTime<Utc>) -> Vec<(u32, u32)> {
    let mut line: Vec<&Ticket> = of_day(tickets, today)
        .filter(|t| t.status == TicketStatus::Waiting)
        .collect();
    line.sort_by_key(|t| (t.called_at.is_none(), t.number));
    line.into_iter()
        .map(|t| (t.number, elapsed_secs(t.issued_at, now)))
        .collect()
}

/// The last `n` tickets called today (newest call first) with the desk each went to, for the
/// door screen: `(number, desk, status)`. Tickets without a desk or call time are left out.
pub fn recent_calls(
    tickets: &[Ticket],
    today: NaiveDate,
    n: usize,
) -> Vec<(u32, String, TicketStatus)> {
    let mut calls: Vec<(DateTime<Utc>, u32, &str, TicketStatus)> = of_day(tickets, today)
        .filter_map(|t| Some((t.called_at?, t.number, t.desk.as_deref()?, t.status)))
        .collect();
    calls.sort_unstable_by_key(|&(called, number, _, _)| Reverse((called, number)));
    calls
        .into_iter()
        .take(n)
        .map(|(_, number, desk, status)| (number, desk.to_owned(), status))
        .collect()
}
