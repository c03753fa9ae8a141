//! Each desk's speed: signers per hour, time per signer, today's count, current ticket.

use super::EntryStamp;
use crate::domain::queue::QueueFigures;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// Seconds in the "last hour" window.
const HOUR_SECS: i64 = 60 * 60;
/// A longer gap between two saves at a desk is a pause, not a signer's time.
const PAUSE_SECS: i64 = 10 * 60;
/// A desk that saved within this many seconds is active.
const ACTIVE_SECS: i64 = 10 * 60;

/// One desk's line on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeskFigures {
    /// Desk name.
    pub desk: String,
    /// Operator of the desk's latest entry today.
    pub operator: Option<String>,
    /// Valid entries it saved in the last 60 minutes.
    pub signers_last_hour: u32,
    /// Mean time between two consecutive saves at the desk today (voided ones included),
    /// leaving out pauses over 10 minutes; `None` before its second save.
    pub avg_secs_per_signer: Option<u32>,
    /// Valid entries it saved today.
    pub entries_today: u32,
    /// Number of the ticket it serves now.
    pub serving: Option<u32>,
    /// Saved an entry or called a ticket within the last 10 minutes, or serving one now.
    pub active: bool,
}

/// Seconds as `m:ss`, the board's time per signer (a signer takes minutes, not hours).
pub fn min_sec(secs: u32) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// Today's saves at one desk.
#[derive(Debug, Default)]
struct Tally<'a> {
    saves: Vec<&'a EntryStamp>,
}

/// Every desk that saved an entry today or is in the queue figures, by name.
pub(super) fn desk_figures(
    today: &[EntryStamp],
    queue: &QueueFigures,
    now: DateTime<Utc>,
) -> Vec<DeskFigures> {
    let mut desks: BTreeMap<&str, Tally> = BTreeMap::new();
    for stamp in today {
        desks.entry(&stamp.desk).or_default().saves.push(stamp);
    }
    for desk in &queue.desks {
        desks.entry(&desk.desk).or_default();
    }
    desks
        .into_iter()
        .map(|(desk, mut tally)| {
            tally.saves.sort_by_key(|s| s.entered_at);
            let in_queue = queue.desks.iter().find(|d| d.desk == desk);
            figures(desk, &tally.saves, now, in_queue)
        })
        .collect()
}

fn figures(
    desk: &str,
    saves: &[&EntryStamp],
    now: DateTime<Utc>,
    queue: Option<&crate::domain::queue::DeskQueueFigures>,
) -> DeskFigures {
    let age = |at: DateTime<Utc>| (now - at).num_seconds().max(0);
    let valid = || saves.iter().filter(|s| s.valid);
    let saved_recently = saves
        .last()
        .is_some_and(|s| age(s.entered_at) < ACTIVE_SECS);
    DeskFigures {
        desk: desk.to_owned(),
        operator: saves.last().map(|s| s.operator.clone()),
        signers_last_hour: count(valid().filter(|s| age(s.entered_at) < HOUR_SECS)),
        avg_secs_per_signer: mean_gap(saves),
        entries_today: count(valid()),
        serving: queue.and_then(|q| q.serving),
        active: saved_recently || queue.is_some_and(|q| q.active),
    }
}

/// Mean gap between consecutive saves (sorted by time), pauses left out, rounded.
fn mean_gap(saves: &[&EntryStamp]) -> Option<u32> {
    let gaps: Vec<i64> = saves
        .windows(2)
        .map(|pair| (pair[1].entered_at - pair[0].entered_at).num_seconds())
        .filter(|&gap| gap <= PAUSE_SECS)
        .collect();
    let n = i64::try_from(gaps.len()).ok().filter(|&n| n > 0)?;
    let sum: i64 = gaps.iter().sum();
    u32::try_from((sum + n / 2) / n).ok()
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}
