//! `sigdesk desk` (the default command): the desk form in the terminal.

use super::Context;
use super::unlock::session_pin;
use crate::cli::DeskArgs;
use crate::store::Store;
use crate::tui::{self, SignInOptions, model::Screen};

/// `desk`, `door` and `board` take the same sign-in options; the session PIN comes from
/// `--pin-file` or `$SIGDESK_PIN` (never the command line).
impl TryFrom<DeskArgs> for SignInOptions {
    type Error = anyhow::Error;

    fn try_from(args: DeskArgs) -> anyhow::Result<SignInOptions> {
        Ok(SignInOptions {
            pin: session_pin(args.pin_file.as_deref())?,
            desk: args.desk,
            operator: args.operator,
        })
    }
}

/// Opens the desk screen until the operator quits; exit 0.
pub fn run(store: Store, ctx: Context, sign_in: SignInOptions) -> anyhow::Result<u8> {
    tui::run_app(store, ctx.regions, ctx.lang, sign_in, Screen::Desk)?;
    Ok(0)
}
