//! The commands: one file each, each with one `run` that takes plain arguments and returns
//! the exit code. `lib.rs` opens the store once ([`open`]) and calls the command's `run`;
//! how a command's output is laid out lives with it, its words in `i18n`. clap types stop
//! here: each command's file converts its `cli` arguments (`From`) into the plain values its
//! `run` and the modules below take.

pub mod audit;
pub mod backup;
pub mod board;
pub mod campaign;
pub mod check;
pub mod collectors;
pub mod demo;
pub mod desk;
pub mod door;
pub mod encrypt;
pub mod export;
pub mod harden;
pub mod hq;
pub mod import;
pub mod lead_pin;
pub mod notice;
pub mod open;
pub mod out;
pub mod paper;
pub mod protocol;
pub mod rekey;
pub mod sheets;
pub mod stats;
pub mod sync;
mod table;
pub mod unlock;
pub mod verify;
pub mod wipe;

use crate::cli::ScriptArgs;
use crate::domain::RegionCatalog;
use crate::i18n::Lang;
use crate::store::Actor;
use chrono::{DateTime, Utc};

/// What every command gets besides its own arguments, read once in `lib.rs`.
pub struct Context {
    /// Language of the messages.
    pub lang: Lang,
    /// Region catalogue.
    pub regions: RegionCatalog,
    /// Who acts, for the audit log: desk `cli`, operator from `$USER`.
    pub actor: Actor,
    /// Now (the clock is read once per command).
    pub now: DateTime<Utc>,
}

impl Context {
    /// The context of one command run by the person at this terminal.
    pub fn new(lang: Lang, regions: RegionCatalog, now: DateTime<Utc>) -> Context {
        Context {
            lang,
            regions,
            actor: Actor {
                desk: "cli".into(),
                operator: std::env::var("USER").unwrap_or_else(|_| "lead".into()),
            },
            now,
        }
    }
}

/// The hidden `script` writer saves as the desk and operator it is given.
impl From<ScriptArgs> for Actor {
    fn from(args: ScriptArgs) -> Actor {
        Actor {
            desk: args.desk,
            operator: args.operator,
        }
    }
}

/// Parses the command line. On `--help`, `--version` or a usage error, prints clap's text
/// and returns the exit code instead: 0 for help and version, 2 for a usage error.
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<crate::cli::Cli, u8> {
    use clap::Parser;
    crate::cli::Cli::try_parse_from(args).map_err(|e| {
        if e.use_stderr() {
            // A usage error quotes what was typed: shown like every other line (no colour).
            out::note(e.render());
            2
        } else {
            let _ = e.print();
            0
        }
    })
}
