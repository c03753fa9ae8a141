//! The demo day's events and the timeline that orders them on the simulated clock.

use crate::dev::demo::schedule::Visit;
use crate::domain::EntryDraft;
use chrono::{DateTime, NaiveDate, Utc};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// Something that happens at a simulated instant.
#[derive(Debug, Clone)]
pub(super) enum Event {
    /// The door issues a ticket for arrival `index` of the day.
    Arrive(usize),
    /// A desk is free: it closes its ticket (done, or no-show when `absent`) and calls
    /// the next.
    DeskReady { desk: usize, absent: bool },
    /// A desk has typed the next signer of its turn and saves them.
    Typed(Turn),
    /// The operator spotted a typo in entry `voided`: they void it and type `draft` again.
    Typo {
        turn: Turn,
        voided: String,
        draft: Box<EntryDraft>,
    },
    /// The corrected line is typed and saved.
    Retyped { turn: Turn, draft: Box<EntryDraft> },
    /// The people of a ticket come back after being absent when called.
    ComeBack(i64),
    /// The people of a waiting ticket give up.
    GiveUp(i64),
}

/// A desk's work on one ticket: the signers of the ticket still to type, this one included.
#[derive(Debug, Clone, Copy)]
pub(super) struct Turn {
    /// The desk (index into the day's desks).
    pub(super) desk: usize,
    /// The ticket it serves.
    pub(super) ticket: i64,
    /// Signers of the ticket left, the one being typed included.
    pub(super) left: u32,
}

/// The day being simulated: its date, what each ticket's people do, future events.
pub(super) struct DayState {
    pub(super) day: NaiveDate,
    pub(super) plans: HashMap<i64, Visit>,
    pub(super) timeline: Timeline,
}

/// The queue of future events, earliest first; ties keep insertion order.
#[derive(Default)]
pub(super) struct Timeline {
    order: BinaryHeap<Reverse<(DateTime<Utc>, u64)>>,
    events: HashMap<u64, Event>,
    next: u64,
}

impl Timeline {
    /// Schedules `event` at `at`.
    pub(super) fn push(&mut self, at: DateTime<Utc>, event: Event) {
        self.next += 1;
        self.order.push(Reverse((at, self.next)));
        self.events.insert(self.next, event);
    }

    /// The earliest event, taken off the timeline.
    pub(super) fn pop(&mut self) -> Option<(DateTime<Utc>, Event)> {
        let Reverse((at, seq)) = self.order.pop()?;
        self.events.remove(&seq).map(|event| (at, event))
    }
}
