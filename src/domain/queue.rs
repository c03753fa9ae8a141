//! The door queue: ticket states and the figures shift leads read (DESIGN.md §5).
//!
//! Pure: every function takes ticket rows and an injected `now`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

mod buckets;
mod clock;
mod figures;
mod line;
#[cfg(test)]
mod tests;

pub use buckets::QueueBucket;
pub use figures::{DeskQueueFigures, QueueFigures, queue_figures};
pub use line::{recent_calls, waiting_line};

/// Where a ticket is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    /// Issued at the door, not yet called.
    Waiting,
    /// Called by a desk and being served there.
    Serving,
    /// Served.
    Done,
    /// Called but absent; can be recalled to the front of the queue.
    NoShow,
    /// Gave up waiting before being called (walkout).
    Left,
}

impl TicketStatus {
    /// Every status, in the order of a ticket's life.
    pub const ALL: [TicketStatus; 5] = [
        TicketStatus::Waiting,
        TicketStatus::Serving,
        TicketStatus::Done,
        TicketStatus::NoShow,
        TicketStatus::Left,
    ];

    /// The text stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            TicketStatus::Waiting => "waiting",
            TicketStatus::Serving => "serving",
            TicketStatus::Done => "done",
            TicketStatus::NoShow => "no_show",
            TicketStatus::Left => "left",
        }
    }

    /// Parses the text stored in the database.
    pub fn parse(text: &str) -> Option<TicketStatus> {
        TicketStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// One queue ticket, as stored in the `tickets` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ticket {
    /// Row id (unique across days).
    pub id: i64,
    /// Number handed out at the door; restarts at 1 each local day.
    pub number: u32,
    /// Local date the ticket was issued on (campaign timezone).
    pub day: NaiveDate,
    /// When the door issued it.
    pub issued_at: DateTime<Utc>,
    /// When a desk last called it.
    pub called_at: Option<DateTime<Utc>>,
    /// The desk that called it.
    pub desk: Option<String>,
    /// Current state.
    pub status: TicketStatus,
    /// When it became done, no-show or left.
    pub closed_at: Option<DateTime<Utc>>,
}

impl Ticket {
    /// The number as shown to people: at least three digits (`007`).
    pub fn label(&self) -> String {
        ticket_label(self.number)
    }
}

/// A ticket number as shown to people: at least three digits (`007`).
pub fn ticket_label(number: u32) -> String {
    format!("{number:03}")
}
