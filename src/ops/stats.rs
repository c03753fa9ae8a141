//! The board and queue figures at one instant, gathered from the store (`stats`).

use crate::domain::RegionCatalog;
use crate::domain::board::{BoardFigures, DefectCount, board_figures, day_bounds};
use crate::domain::forecast::Estimate;
use crate::domain::queue::{QueueFigures, queue_figures};
use crate::ops::defects::defects_saved_between;
use crate::ops::paper::paper_share;
use crate::store::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};

/// Everything the board shows, gathered at one instant.
#[derive(Debug, Clone)]
pub struct Stats {
    /// The local day the figures are about.
    pub day: NaiveDate,
    /// The instant they were computed at.
    pub now: DateTime<Utc>,
    /// The queue figures.
    pub queue: QueueFigures,
    /// Totals, pace, regions and desks.
    pub board: BoardFigures,
    /// Today's defects by rule.
    pub defects_today: Vec<DefectCount>,
    /// The invalid share the paper check found so far; `None` before the first line.
    pub paper: Option<Estimate>,
}

/// Reads what the board needs (indexed queries and maintained counters only) and computes
/// its figures at `now`.
pub fn gather(
    store: &Store,
    regions: &RegionCatalog,
    now: DateTime<Utc>,
) -> Result<Stats, StoreError> {
    let campaign = store.campaign()?;
    let day = campaign.local_date(now);
    let (from, to) = day_bounds(&campaign, day);
    let queue = queue_figures(&store.tickets_of_day(day)?, day, now);
    let board = board_figures(&campaign, &store.board_data(from, to)?, &queue, now);
    let defects_today = defects_saved_between(store, regions, day, from, to)?;
    let paper = paper_share(store, regions, day)?;
    Ok(Stats {
        day,
        now,
        queue,
        board,
        defects_today,
        paper,
    })
}
