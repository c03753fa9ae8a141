//! `sigdesk door`: the door screen, where one key gives the next queue ticket.

use super::Context;
use crate::store::Store;
use crate::tui::{self, SignInOptions, model::Screen};

/// Opens the door screen (signed in as desk `door` unless another is given) until it is
/// closed; exit 0.
pub fn run(store: Store, ctx: Context, sign_in: SignInOptions) -> anyhow::Result<u8> {
    tui::run_app(store, ctx.regions, ctx.lang, sign_in, Screen::Door)?;
    Ok(0)
}
