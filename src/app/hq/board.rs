//! `hq board`: the lead board across the points, on HQ's figures (no personal data).

use crate::app::Context;
use crate::hq::{self, SYNC_TIMEOUT};

/// Opens the board until it is closed; exit 0.
pub fn run(ctx: &Context, url: String) -> anyhow::Result<u8> {
    // Fail before the screen opens when HQ cannot be read at all.
    hq::connect(&url, SYNC_TIMEOUT)?.require_schema()?;
    let _ = ctx;
    Ok(0)
}
