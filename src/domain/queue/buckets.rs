//! Arrivals against served tickets per 10-minute bucket of wall-clock UTC time.

use super::TicketStatus;
use super::clock::{Clock, Row};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Width of a bucket in seconds.
const BUCKET_SECS: i64 = 10 * 60;
/// Width of a bucket in milliseconds.
const BUCKET_MS: i64 = BUCKET_SECS * 1000;
/// At most a day of buckets; older ones are dropped.
pub(super) const MAX_BUCKETS: usize = 144;

/// Ten minutes of the queue: how many tickets were issued and how many were served.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueBucket {
    /// Start of the bucket, a multiple of 10 minutes of UTC time.
    pub start: DateTime<Utc>,
    /// Tickets issued in the bucket.
    pub arrivals: u32,
    /// Done tickets closed in the bucket.
    pub served: u32,
}

/// Buckets from the one of the day's first ticket to the one of `now`, both included (or of
/// the latest ticket event, if the clock went backwards), keeping the newest
/// [`MAX_BUCKETS`]. Empty without tickets.
pub(super) fn queue_buckets(rows: &[Row], clock: Clock) -> Vec<QueueBucket> {
    let Some(first_issued) = rows.iter().map(|row| row.issued).min() else {
        return Vec::new();
    };
    let latest = rows
        .iter()
        .map(|row| row.issued)
        .chain(rows.iter().filter_map(served_at))
        .fold(clock.now, i64::max);
    let last = bucket_index(latest);
    let first = bucket_index(first_issued).max(last - (MAX_BUCKETS as i64 - 1));
    let mut buckets: Vec<QueueBucket> = (first..=last)
        .map(|index| QueueBucket {
            start: bucket_start(index),
            arrivals: 0,
            served: 0,
        })
        .collect();
    for row in rows {
        if let Some(bucket) = bucket_of(&mut buckets, first, row.issued) {
            bucket.arrivals = bucket.arrivals.saturating_add(1);
        }
        if let Some(served) = served_at(row)
            && let Some(bucket) = bucket_of(&mut buckets, first, served)
        {
            bucket.served = bucket.served.saturating_add(1);
        }
    }
    buckets
}

/// When a done ticket was closed, in epoch milliseconds.
fn served_at(row: &Row) -> Option<i64> {
    row.closed
        .filter(|_| row.ticket.status == TicketStatus::Done)
}

/// Which 10-minute slot since the Unix epoch `at` (epoch milliseconds) falls in.
fn bucket_index(at: i64) -> i64 {
    at.div_euclid(BUCKET_MS)
}

/// Start of a slot; every slot of a valid time starts at a valid time, so the fallback is
/// never taken.
fn bucket_start(index: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(index * BUCKET_SECS, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// The bucket holding `at` (epoch milliseconds), if it is in range.
fn bucket_of(buckets: &mut [QueueBucket], first: i64, at: i64) -> Option<&mut QueueBucket> {
    let offset = usize::try_from(bucket_index(at) - first).ok()?;
    buckets.get_mut(offset)
}
