//! `hq board`: the lead board across the points, on HQ's figures (no personal data).

use crate::app::Context;
use crate::domain::board::{BoardData, day_bounds, tally_defects};
use crate::domain::hq::hq_findings;
use crate::hq::{self, Hq, HqError, SYNC_TIMEOUT};
use crate::tui::hq_board::{HqBoardData, run_hq_board};
use chrono::{DateTime, Utc};

/// Opens the board until it is closed; exit 0. Fails before the screen opens when HQ
/// cannot be read at all.
pub fn run(ctx: &Context, url: String) -> anyhow::Result<u8> {
    let mut first = hq::connect(&url, SYNC_TIMEOUT)?;
    let campaign = first.campaign()?;
    let mut session = Some(first);
    // The board reconnects when HQ went away; until then it says why on its status line.
    let load = move |now: DateTime<Utc>| {
        let mut hq = match session.take() {
            Some(hq) if !hq.is_closed() => hq,
            _ => hq::connect(&url, SYNC_TIMEOUT).map_err(|e| e.to_string())?,
        };
        let loaded = read(&mut hq, now).map_err(|e| e.to_string());
        session = Some(hq);
        loaded
    };
    run_hq_board(ctx.lang, campaign, ctx.regions.clone(), load)?;
    Ok(0)
}

/// HQ's figures as the board shows them at `now`.
fn read(hq: &mut Hq, now: DateTime<Utc>) -> Result<HqBoardData, HqError> {
    let campaign = hq.campaign()?;
    let overview = hq.overview(true)?;
    let (from, to) = day_bounds(&campaign, campaign.local_date(now));
    let findings = hq_findings(&overview, &campaign, now);
    let data = BoardData {
        region_counts: overview
            .region_totals()
            .into_iter()
            .map(|(code, n)| (code, u32::try_from(n).unwrap_or(u32::MAX)))
            .collect(),
        today: hq.stamps(from, to)?,
    };
    Ok(HqBoardData {
        campaign,
        data,
        findings: tally_defects(findings.iter().map(|f| (f.code(), f.severity()))),
    })
}
