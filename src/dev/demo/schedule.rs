//! When people arrive on a demo day and how long desks take: waves in the morning, at
//! lunch and after work; families; walkouts; desks of different speeds. Pure, seeded.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;

/// Minutes from opening during which people arrive (09:00–20:00).
pub const ARRIVAL_MINUTES: f64 = 660.0;

/// Signers one desk serves on a demo day, used to spread many signers over days.
pub const SIGNERS_PER_DESK_DAY: u32 = 250;

/// What the people behind one ticket will do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visit {
    /// They wait, are called and sign (`signers` people, a family shares a ticket).
    Sign {
        /// People who sign.
        signers: u32,
        /// Absent when first called; they come back after this long and are recalled.
        back_after: Option<Duration>,
    },
    /// They give up after waiting this long; if called before, they are not there.
    WalkOut {
        /// How long they wait.
        patience: Duration,
    },
}

/// One ticket's arrival.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    /// When the door issues the ticket.
    pub at: DateTime<Utc>,
    /// What happens next.
    pub visit: Visit,
}

/// The arrivals of one day, in time order, for exactly `signers` signers (plus walkouts).
pub fn arrivals(rng: &mut Rng, signers: u32, open: DateTime<Utc>) -> Vec<Arrival> {
    let mut list = Vec::new();
    let mut left = signers;
    while left > 0 {
        let size = match rng.u8(0..100) {
            0..80 => 1,
            80..95 => 2,
            _ => 3,
        }
        .min(left);
        left -= size;
        let back_after = (rng.u8(0..100) < 3).then(|| Duration::seconds(rng.i64(180..600)));
        list.push(Arrival {
            at: open + arrival_offset(rng),
            visit: Visit::Sign {
                signers: size,
                back_after,
            },
        });
        if rng.u8(0..100) < 4 {
            list.push(Arrival {
                at: open + arrival_offset(rng),
                visit: Visit::WalkOut {
                    patience: Duration::seconds(rng.i64(600..2400)),
                },
            });
        }
    }
    list.sort_by_key(|a| a.at);
    list
}

/// Minutes after opening: three waves (10:30, 13:30, 18:30) over a steady trickle.
fn arrival_offset(rng: &mut Rng) -> Duration {
    let minutes = match rng.u8(0..100) {
        0..20 => rng.f64() * ARRIVAL_MINUTES,
        20..40 => normal(rng, 90.0, 45.0),
        40..65 => normal(rng, 270.0, 50.0),
        _ => normal(rng, 570.0, 60.0),
    };
    let clamped = minutes.clamp(0.0, ARRIVAL_MINUTES);
    Duration::seconds((clamped * 60.0) as i64)
}

/// A normal sample (Box–Muller).
fn normal(rng: &mut Rng, mean: f64, sd: f64) -> f64 {
    let u1 = rng.f64().max(f64::MIN_POSITIVE);
    let u2 = rng.f64();
    mean + sd * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Seconds desk `desk` (from 0) takes to type one signer: the first desk is the fastest
/// (about 75 s), each next one about a third slower; ±40 % from signer to signer.
pub fn typing_seconds(rng: &mut Rng, desk: usize) -> i64 {
    let mean = 75.0 * (1.0 + 0.35 * desk as f64);
    (mean * (0.6 + 0.8 * rng.f64())) as i64
}

/// How many days `signers` need at `desks` desks, and the signers of each day.
pub fn split_days(signers: u32, desks: u32) -> Vec<u32> {
    let per_day = SIGNERS_PER_DESK_DAY * desks.max(1);
    let days = signers.div_ceil(per_day).max(1);
    (0..days)
        .map(|d| signers / days + u32::from(d < signers % days))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn open() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 1, 22, 6, 0, 0)
            .single()
            .expect("time")
    }

    #[test]
    fn arrivals_cover_every_signer_in_order_within_the_day() {
        let mut rng = Rng::with_seed(3);
        let list = arrivals(&mut rng, 750, open());
        let signers: u32 = list
            .iter()
            .map(|a| match a.visit {
                Visit::Sign { signers, .. } => signers,
                Visit::WalkOut { .. } => 0,
            })
            .sum();
        assert_eq!(signers, 750);
        assert!(list.windows(2).all(|w| w[0].at <= w[1].at));
        let close = open() + Duration::minutes(ARRIVAL_MINUTES as i64);
        assert!(list.iter().all(|a| a.at >= open() && a.at <= close));
        let walkouts = list
            .iter()
            .filter(|a| matches!(a.visit, Visit::WalkOut { .. }))
            .count();
        assert!((5..60).contains(&walkouts), "{walkouts}");
    }

    #[test]
    fn the_evening_wave_is_the_busiest_hour() {
        let mut rng = Rng::with_seed(5);
        let list = arrivals(&mut rng, 5000, open());
        let per_hour = |from: i64| {
            list.iter()
                .filter(|a| {
                    let m = (a.at - open()).num_minutes();
                    (from..from + 60).contains(&m)
                })
                .count()
        };
        assert!(per_hour(540) > per_hour(60), "18:00 busier than 10:00");
        assert!(per_hour(60) > per_hour(180), "10:00 busier than 12:00");
    }

    #[test]
    fn slower_desks_take_longer() {
        let mut rng = Rng::with_seed(9);
        let total = |rng: &mut Rng, desk| (0..500).map(|_| typing_seconds(rng, desk)).sum::<i64>();
        let fast = total(&mut rng, 0);
        let slow = total(&mut rng, 2);
        assert!(slow > fast * 3 / 2, "{fast} {slow}");
    }

    #[test]
    fn many_signers_spread_over_days() {
        assert_eq!(split_days(300, 3), [300]);
        assert_eq!(split_days(751, 3), [376, 375]);
        assert_eq!(split_days(100_000, 3).len(), 134);
        assert_eq!(split_days(100_000, 3).iter().sum::<u32>(), 100_000);
        assert_eq!(split_days(0, 3), [0]);
    }
}
