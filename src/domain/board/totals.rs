//! Valid signatures against the target, today's pace, and the time to the target.

use super::BoardData;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Seconds in the "last hour" window.
const HOUR_SECS: i64 = 60 * 60;
/// The pace of a day that started minutes ago is taken over at least this many seconds,
/// so three quick saves do not promise hundreds an hour.
const MIN_WINDOW_SECS: i64 = 15 * 60;

/// The target panel of the board.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    /// Valid signatures wanted (campaign `target`).
    pub target: u32,
    /// Valid signatures over the whole campaign.
    pub valid_total: u64,
    /// `target - valid_total`, at least 0.
    pub remaining: u64,
    /// Entries saved today that are valid now.
    pub valid_today: u32,
    /// Entries saved today that were voided since.
    pub voided_today: u32,
    /// Valid entries saved in the last 60 minutes.
    pub valid_last_hour: u32,
    /// Valid entries per hour: over the last 60 minutes (or since today's first valid
    /// entry, if that is more recent, but over at least 15 minutes); when the last hour had
    /// none, today's average since the first valid entry. `None` before the first one.
    pub rate_per_hour: Option<f64>,
    /// Seconds of collection left at that pace; 0 once the target is reached; `None`
    /// without a pace.
    pub eta_secs: Option<u64>,
}

impl Totals {
    /// Share of the target reached, from 0 to 1 (more is shown as 1).
    pub fn share(&self) -> f64 {
        if self.target == 0 {
            return 1.0;
        }
        (self.valid_total as f64 / f64::from(self.target)).min(1.0)
    }
}

/// The totals over the counters and today's stamps at `now`.
pub(super) fn totals(target: u32, data: &BoardData, now: DateTime<Utc>) -> Totals {
    let valid_total: u64 = data.region_counts.values().map(|&n| u64::from(n)).sum();
    let remaining = u64::from(target).saturating_sub(valid_total);
    let valid = || data.today.iter().filter(|s| s.valid);
    let valid_today = count(valid());
    let voided_today = count(data.today.iter().filter(|s| !s.valid));
    // An entry stamped after `now` (a desk's clock ahead) counts as just saved.
    let age = |at: DateTime<Utc>| (now - at).num_seconds().max(0);
    let valid_last_hour = count(valid().filter(|s| age(s.entered_at) < HOUR_SECS));
    let since_first = valid().map(|s| age(s.entered_at)).max();
    // The pace as (entries, seconds), kept whole so the ETA has no rounding drift.
    let pace = since_first.map(|span| {
        if valid_last_hour > 0 {
            (valid_last_hour, span.clamp(MIN_WINDOW_SECS, HOUR_SECS))
        } else {
            (valid_today, span.max(HOUR_SECS))
        }
    });
    let rate_per_hour =
        pace.map(|(entries, window)| f64::from(entries) * HOUR_SECS as f64 / window as f64);
    let eta_secs = match pace {
        _ if remaining == 0 => Some(0),
        Some((entries, window)) if entries > 0 => {
            let (remaining, window, entries) =
                (u128::from(remaining), window as u128, u128::from(entries));
            u64::try_from((remaining * window).div_ceil(entries)).ok()
        }
        _ => None,
    };
    Totals {
        target,
        valid_total,
        remaining,
        valid_today,
        voided_today,
        valid_last_hour,
        rate_per_hour,
        eta_secs,
    }
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}
