//! `sigdesk desk` (the default command): the desk form in the terminal.

use super::Context;
use crate::cli::DeskArgs;
use crate::store::Store;
use crate::tui::{self, SignInOptions, model::Screen};

/// `desk`, `door` and `board` take the same sign-in options.
impl From<DeskArgs> for SignInOptions {
    fn from(args: DeskArgs) -> SignInOptions {
        SignInOptions {
            desk: args.desk,
            operator: args.operator,
            pin: args.pin,
        }
    }
}

/// Opens the desk screen until the operator quits; exit 0.
pub fn run(store: Store, ctx: Context, sign_in: SignInOptions) -> anyhow::Result<u8> {
    tui::run_app(store, ctx.regions, ctx.lang, sign_in, Screen::Desk)?;
    Ok(0)
}
