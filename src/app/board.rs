//! `sigdesk board`: the lead board (counts, pace, desks, regions, defects; no personal data).

use super::Context;
use crate::store::Store;
use crate::tui::{self, SignInOptions, model::Screen};

/// Opens the board (signed in as desk `board` unless another is given) until it is closed;
/// exit 0.
pub fn run(store: Store, ctx: Context, sign_in: SignInOptions) -> anyhow::Result<u8> {
    tui::run_app(store, ctx.regions, ctx.lang, sign_in, Screen::Board)?;
    Ok(0)
}
