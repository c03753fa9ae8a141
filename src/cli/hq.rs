//! Command-line definitions of the campaign HQ: the point's `sync` and the `hq` commands.

use clap::Subcommand;

/// Options of `sync`.
#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// HQ URL for this run (default: the point's hq_url).
    #[arg(long, value_name = "URL")]
    pub hq: Option<String>,
    /// One round: exit 0 only if everything was pushed and pulled.
    #[arg(long)]
    pub once: bool,
    /// Seconds between rounds (longer while HQ is unreachable).
    #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub every: u64,
    /// Entries per pushed batch.
    #[arg(long, hide = true, default_value_t = 20_000, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub batch: u64,
}

/// The HQ's address as its owner (admin) connects.
#[derive(Debug, clap::Args)]
pub struct HqUrlArg {
    /// PostgreSQL URL of the HQ database with the owner's role, e.g.
    /// postgresql://admin:PASSWORD@hq.example.org:5432/campaign?sslmode=require
    #[arg(
        long,
        env = "SIGDESK_HQ_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub url: String,
}

/// What to do at HQ.
#[derive(Debug, Subcommand)]
pub enum HqAction {
    /// Create (or upgrade) HQ's schema; prints the campaign secret alone on stdout.
    Init(HqUrlArg),
    /// Create a point's PostgreSQL role; prints its connection URL alone on stdout.
    AddPoint {
        /// The point's name, e.g. London.
        name: String,
        #[command(flatten)]
        url: HqUrlArg,
    },
    /// Per point: last sync, valid, voided, pace; per region: total vs cap; total vs target.
    Stats {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        url: HqUrlArg,
    },
    /// The same document or person at two points, regions over cap, silent points; exit 3
    /// on an error-level finding.
    Check {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        url: HqUrlArg,
    },
    /// The board across points (no personal data).
    Board(HqUrlArg),
    /// Campaign settings HQ holds; the points take them over at each sync.
    Campaign {
        /// set.
        #[command(subcommand)]
        action: HqCampaignAction,
    },
}

/// `hq campaign set KEY VALUE`.
#[derive(Debug, Subcommand)]
pub enum HqCampaignAction {
    /// Set election_date, window_start, window_end, region_cap, abroad_cap or target.
    Set {
        /// Setting name.
        key: String,
        /// New value (dates as YYYY-MM-DD, empty to unset).
        value: String,
        #[command(flatten)]
        url: HqUrlArg,
    },
}
