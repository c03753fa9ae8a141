//! `sigdesk demo`: a realistic synthetic day for training, written through the same store
//! calls the door and the desks use (tickets, checked saves, sheets, certification).
//!
//! Deterministic for a seed: every time comes from the simulated clock (the day given and
//! the point's timezone), every random choice from one seeded generator, and entry ids are
//! UUID v7 built from the simulated time and seeded bits. Demo entries have the origin
//! `demo`; a database with any other entries is refused.

pub mod schedule;
mod sim;

use crate::dev::people::{ListError, People};
use crate::domain::{Campaign, RegionCatalog};
use crate::progress::{Phase, Progress};
use crate::store::{Actor, Store, StoreError};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use std::collections::BTreeMap;

/// The collection point name of demo data.
pub const DEMO_POINT: &str = "demo";

/// Page cache of the demo's connection: a million signers make a 2 GB database whose
/// indexes each save touches at random places.
const DEMO_CACHE_MIB: u32 = 512;

/// What to simulate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    /// Signers to save (spread over as many days as the desks need).
    pub signers: u32,
    /// Desks working (different speeds).
    pub desks: u32,
    /// Seed of every random choice.
    pub seed: u64,
    /// The (last) demo day; earlier days come before it when there are many signers.
    pub day: NaiveDate,
}

/// What the demo wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoSummary {
    /// First and last simulated day.
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// Valid entries saved.
    pub saved: u64,
    /// Entries voided by an operator (a typo) and entered again.
    pub voided: u64,
    /// Saved entries per warning code (planted defects and whatever else the checks saw).
    pub warnings: BTreeMap<String, u64>,
    /// Tickets issued.
    pub tickets: u64,
    /// Tickets whose people gave up waiting.
    pub left: u64,
    /// Tickets called while their people were away.
    pub no_shows: u64,
    /// Sheets used.
    pub sheets: u64,
    /// Sheets certified by a listed collector at the end of their day.
    pub certified: u64,
}

/// Why the demo refused to run.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database holds entries of a real collection point.
    #[error(
        "the database holds {count} real entries (point {points}); use a new --db file for the demo"
    )]
    RealData {
        /// How many non-demo entries.
        count: u64,
        /// Their points, comma-separated.
        points: String,
    },
    /// The database holds a demo already.
    #[error("the database already holds a demo ({count} entries); use a new --db file")]
    AlreadyDemo {
        /// Demo entries present.
        count: u64,
    },
    /// The embedded demo lists are broken (a build problem).
    #[error(transparent)]
    Lists(#[from] ListError),
    /// The database refused a write.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The UTC instant of a local wall-clock time at the point.
pub fn local_instant(campaign: &Campaign, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let naive = day.and_time(time);
    let utc = match campaign.timezone.parse::<chrono_tz::Tz>() {
        Ok(tz) => tz
            .from_local_datetime(&naive)
            .earliest()
            .map(|t| t.to_utc()),
        Err(_) => chrono::Local
            .from_local_datetime(&naive)
            .earliest()
            .map(|t| t.to_utc()),
    };
    utc.unwrap_or_else(|| naive.and_utc())
}

/// Checks the database may take a demo, then simulates the day(s).
pub fn run_demo(
    store: &mut Store,
    regions: &RegionCatalog,
    options: DemoOptions,
    progress: &mut dyn Progress,
) -> Result<DemoSummary, DemoError> {
    let origins = store.entries_per_origin()?;
    let real: u64 = origins
        .iter()
        .filter(|(o, _)| o.as_str() != DEMO_POINT)
        .map(|(_, n)| n)
        .sum();
    if real > 0 {
        let mut points: Vec<&str> = origins
            .keys()
            .map(String::as_str)
            .filter(|o| *o != DEMO_POINT)
            .collect();
        points.sort_unstable();
        return Err(DemoError::RealData {
            count: real,
            points: points.join(", "),
        });
    }
    if let Some(&count) = origins.get(DEMO_POINT) {
        return Err(DemoError::AlreadyDemo { count });
    }
    store.relax_durability_for_generated_data()?;
    store.set_cache_mib(DEMO_CACHE_MIB)?;
    let days = schedule::split_days(options.signers, options.desks);
    let first_day = options.day - Duration::days(days.len() as i64 - 1);
    let mut campaign = store.campaign()?;
    let lead = Actor {
        desk: "lead".into(),
        operator: "demo".into(),
    };
    let opening = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let start = local_instant(&campaign, first_day, opening);
    if campaign.point != DEMO_POINT {
        campaign.point = DEMO_POINT.to_string();
        store.save_campaign(&campaign, &lead, start)?;
    }
    let people = People::embedded(regions)?;
    let mut sim = sim::Simulation::new(store, &people, regions, &campaign, &options, start)?;
    progress.start(Phase::Demo, u64::from(options.signers));
    for (index, signers) in days.iter().enumerate() {
        let day = first_day + Duration::days(index as i64);
        let open = local_instant(&campaign, day, opening);
        sim.run_day(day, open, *signers, progress)?;
    }
    progress.finish();
    let mut summary = sim.into_summary();
    summary.days = Some((first_day, options.day));
    Ok(summary)
}
