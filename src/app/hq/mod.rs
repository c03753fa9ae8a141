//! `sigdesk hq …`: the campaign HQ's side (DESIGN.md §10). These commands open no point
//! database; the URL's role (HQ's owner) is their gate. `setup` makes the schema, the
//! points' roles and the settings; `stats`, `check` and `board` read across the points.

mod board;
mod check;
mod setup;
mod stats;

use super::Context;
use crate::cli::{HqAction, HqCampaignAction};

/// What `hq` does, with the owner's URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Create or upgrade the schema; print the new campaign secret.
    Init {
        /// Owner's URL.
        url: String,
    },
    /// Make a point's role; print its URL.
    AddPoint {
        /// Point name.
        name: String,
        /// Owner's URL.
        url: String,
    },
    /// Figures per point and region.
    Stats {
        /// JSON instead of text.
        json: bool,
        /// Owner's URL.
        url: String,
    },
    /// Collisions, caps, silent points.
    Check {
        /// JSON instead of text.
        json: bool,
        /// Owner's URL.
        url: String,
    },
    /// The board across points.
    Board {
        /// Owner's URL.
        url: String,
    },
    /// Set a campaign setting HQ holds.
    SetSetting {
        /// Setting name.
        key: String,
        /// Value.
        value: String,
        /// Owner's URL.
        url: String,
    },
}

impl From<HqAction> for Action {
    fn from(action: HqAction) -> Action {
        match action {
            HqAction::Init(url) => Action::Init { url: url.url },
            HqAction::AddPoint { name, url } => Action::AddPoint { name, url: url.url },
            HqAction::Stats { json, url } => Action::Stats { json, url: url.url },
            HqAction::Check { json, url } => Action::Check { json, url: url.url },
            HqAction::Board(url) => Action::Board { url: url.url },
            HqAction::Campaign {
                action: HqCampaignAction::Set { key, value, url },
            } => Action::SetSetting {
                key,
                value,
                url: url.url,
            },
        }
    }
}

/// Runs one `hq` command; returns its exit code.
pub fn run(ctx: &Context, action: Action) -> anyhow::Result<u8> {
    match action {
        Action::Init { url } => setup::init(ctx, &url),
        Action::AddPoint { name, url } => setup::add_point(ctx, &name, &url),
        Action::SetSetting { key, value, url } => setup::set_setting(ctx, &key, &value, &url),
        Action::Stats { json, url } => stats::run(ctx, &url, json),
        Action::Check { json, url } => check::run(ctx, &url, json),
        Action::Board { url } => board::run(ctx, url),
    }
}
