//! sigdesk: a terminal app for in-person signature-collection desks.
//!
//! The library holds everything; `main.rs` only calls [`run`], which opens the store once
//! and hands it to the command's `app::<command>::run`.
#![forbid(unsafe_code)]

pub mod app;
pub mod cli;
pub mod csvio;
pub mod dev;
pub mod domain;
pub mod hq;
pub mod i18n;
pub mod ops;
pub mod progress;
pub mod store;
pub mod tui;

use app::open::{Gate, Opening, open_for};
use app::unlock::Unlock;
use cli::{Cli, Command, ProtectCommand};
use domain::RegionCatalog;
use i18n::Lang;
use std::ffi::OsString;
use std::process::ExitCode;

/// Parses `args` and runs the command; errors become one line on stderr and exit 1.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    app::harden::harden_process();
    let cli = match app::parse(args) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
    let lang = Lang::detect(
        cli.lang.as_deref(),
        std::env::var("LC_ALL").ok().as_deref(),
        std::env::var("LANG").ok().as_deref(),
    );
    match dispatch(cli, lang) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            app::out::note(format!("sigdesk: {e:#}"));
            ExitCode::from(1)
        }
    }
}

/// Opens the database the command works on, then runs the command; returns its exit code.
fn dispatch(cli: Cli, lang: Lang) -> anyhow::Result<u8> {
    let ctx = app::Context::new(lang, RegionCatalog::embedded()?, chrono::Utc::now());
    let command = cli.command.unwrap_or(Command::Desk(cli.desk_args));
    let unlock = Unlock {
        passphrase_file: cli.passphrase_file,
        no_encrypt: cli.no_encrypt,
    };
    let command = match command {
        // Opening::NoPointDatabase: HQ's own login is the gate.
        Command::Hq { action } => return app::hq::run(&ctx, action.into()),
        command => command,
    };
    let (opening, gate) = (Opening::of(&command), Gate::of(&command));
    let mut store = open_for(opening, gate, &cli.db, &unlock, &ctx)?;
    if matches!(
        command,
        Command::Desk(_) | Command::Door(_) | Command::Demo(_) | Command::Script(_)
    ) {
        // The long-lived writers: no save or call-next waits for a WAL checkpoint.
        store.checkpoint_in_background()?;
    }
    match command {
        Command::Desk(args) => app::desk::run(store, ctx, args.try_into()?),
        Command::Door(args) => app::door::run(store, ctx, args.try_into()?),
        Command::Board(args) => app::board::run(store, ctx, args.try_into()?),
        Command::Stats(args) => app::stats::run(&store, &ctx, args.json, args.now),
        Command::Export(args) => app::export::run(&mut store, &ctx, args.into()),
        Command::Import(args) => app::import::run(&mut store, &ctx, &args.file, (&args).into()),
        Command::Check(args) => app::check::run(&store, &ctx, args.json),
        Command::Collectors { action } => app::collectors::run(&mut store, &ctx, action.into()),
        Command::Sheets(args) => app::sheets::run(&mut store, &ctx, args.into()),
        Command::Demo(args) => app::demo::run(&mut store, &ctx, args.into()),
        Command::Campaign { action } => app::campaign::run(&mut store, &ctx, action.into()),
        Command::Paper { action } => app::paper::run(&mut store, &ctx, action.into()),
        Command::Protocol(args) => app::protocol::run(&store, &ctx, args.into()),
        Command::Sync(args) => app::sync::run(&mut store, &ctx, args.into()),
        Command::Hq { action } => app::hq::run(&ctx, action.into()),
        Command::Script(args) => {
            let (input, output) = (std::io::stdin().lock(), std::io::stdout().lock());
            dev::script::run(&mut store, &ctx.regions, args.into(), input, output)?;
            Ok(0)
        }
        Command::Protect(command) => match command {
            ProtectCommand::Audit(args) => {
                app::audit::run(&store, &ctx, args.entry, args.since.as_deref())
            }
            ProtectCommand::Backup { out } => app::backup::run(&mut store, &ctx, &out),
            ProtectCommand::Verify { file } => app::verify::run(&store, &ctx, &file),
            ProtectCommand::Rekey => app::rekey::run(&mut store, &ctx),
            ProtectCommand::Encrypt => app::encrypt::run(store, &ctx, &unlock),
            ProtectCommand::Wipe { confirm } => app::wipe::run(store, &ctx, confirm.as_deref()),
            ProtectCommand::Notice => app::notice::run(&store, &ctx),
            ProtectCommand::LeadPin => app::lead_pin::run(&mut store, &ctx),
        },
    }
}
