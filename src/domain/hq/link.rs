//! The state of a point's link to HQ as the `sync` process leaves it, and what the top line
//! of every screen says about it.

use chrono::{DateTime, Utc};

/// What the point knows of its last sync rounds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkState {
    /// When a round last pushed and pulled everything.
    pub last_good: Option<DateTime<Utc>>,
    /// Since when rounds fail (`None` while they work).
    pub offline_since: Option<DateTime<Utc>>,
    /// Why the last round failed, as said on the command line.
    pub last_error: String,
}

/// The HQ state on the top line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HqStatus {
    /// An HQ is set but no round has worked yet.
    NotYet,
    /// The last good round was this many minutes ago.
    Synced {
        /// Whole minutes since the last good round.
        minutes: i64,
    },
    /// Rounds fail, since this many minutes.
    Offline {
        /// Whole minutes since the first failing round.
        minutes: i64,
    },
}

impl LinkState {
    /// The state at `now` (a clock behind the stored times counts as 0 minutes).
    pub fn status(&self, now: DateTime<Utc>) -> HqStatus {
        let minutes = |at: DateTime<Utc>| (now - at).num_minutes().max(0);
        match (self.offline_since, self.last_good) {
            (Some(since), _) => HqStatus::Offline {
                minutes: minutes(since),
            },
            (None, Some(good)) => HqStatus::Synced {
                minutes: minutes(good),
            },
            (None, None) => HqStatus::NotYet,
        }
    }
}
