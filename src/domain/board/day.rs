//! The instants a local day of the collection point starts and ends.

use crate::domain::Campaign;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// `[start, end)` of `day` at the point, as UTC instants: from its first local midnight to
/// the next day's. A midnight skipped by a clock change counts from the first valid minute.
pub fn day_bounds(campaign: &Campaign, day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let next = day.succ_opt().unwrap_or(day);
    match campaign.timezone.parse::<chrono_tz::Tz>() {
        Ok(tz) => (start_of(&tz, day), start_of(&tz, next)),
        Err(_) => (
            start_of(&chrono::Local, day),
            start_of(&chrono::Local, next),
        ),
    }
}

fn start_of<Z: TimeZone>(zone: &Z, day: NaiveDate) -> DateTime<Utc> {
    let midnight: NaiveDateTime = day.and_time(chrono::NaiveTime::MIN);
    // Clock changes skip at most a few hours; walk forward a minute at a time until valid.
    (0..24 * 60)
        .find_map(|minute| {
            zone.from_local_datetime(&(midnight + Duration::minutes(minute)))
                .earliest()
        })
        .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}
