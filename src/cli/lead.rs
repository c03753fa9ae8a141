//! Command-line definitions of the lead's paperwork: collectors, sheets, the paper check
//! and the protocol.

use super::parse_iso_date;
use clap::Subcommand;
use std::path::PathBuf;

/// `collectors add | list | import`.
#[derive(Debug, Subcommand)]
pub enum CollectorsAction {
    /// List a collector for the regions of their notarised list, with the details the
    /// certification needs (adds regions and details if listed).
    #[command(group(
        clap::ArgGroup::new("what")
            .required(true)
            .multiple(true)
            .args(["regions", "birth_date", "address", "passport", "issued", "issuer"])
    ))]
    Add {
        /// Full name, as on the notarised list (quote it).
        name: String,
        /// Region codes separated by commas, e.g. 77,50 (abroad for foreign-state sheets);
        /// required for a collector not listed yet.
        #[arg(long)]
        regions: Option<String>,
        /// The details the certification on a sheet needs.
        #[command(flatten)]
        details: CollectorDetailArgs,
    },
    /// Print every collector and their regions.
    List,
    /// Add collectors from the notarised list as CSV: columns `name,regions` and optionally
    /// `birth_date,address,passport,issued_on,issuer_code` (regions separated by spaces or
    /// `;`); nothing is added unless every row is good.
    Import {
        /// The CSV file.
        file: PathBuf,
    },
}

/// `paper sample | list | mark | report`.
#[derive(Debug, Subcommand)]
pub enum PaperAction {
    /// Add lines drawn at random from the valid lines not yet sampled (lead PIN).
    Sample {
        /// Lines to draw.
        #[arg(long, default_value_t = 400, value_parser = clap::value_parser!(u64).range(1..))]
        size: u64,
        /// Seed of the draw: the same seed on the same data draws the same lines (default:
        /// random, printed).
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Print the sample in walk order: sheet, line, desk, operator, what was found.
    List {
        /// Print JSON (schema in README.md).
        #[arg(long)]
        json: bool,
    },
    /// Record what a sampled paper line shows: ok or a paper.* code (lead PIN).
    Mark {
        /// Sheet number.
        sheet: u32,
        /// Line number.
        line: u32,
        /// ok, paper.date_not_own_hand, paper.name_not_own_hand, paper.data_mismatch,
        /// paper.missing_field, paper.correction_not_certified, paper.no_signature or
        /// paper.other (the `paper.` may be left out).
        code: String,
        /// What is wrong (required with paper.other).
        #[arg(long)]
        note: Option<String>,
        /// The collection point of the line, when lines of several points share the
        /// sheet and line number.
        #[arg(long, value_name = "POINT")]
        origin: Option<String>,
    },
    /// The invalid share found, its 95% interval and the probability of refusal, overall
    /// and per desk, operator and collector.
    Report {
        /// Print JSON (schema in README.md).
        #[arg(long)]
        json: bool,
    },
}

/// Options of `protocol`.
#[derive(Debug, clap::Args)]
pub struct ProtocolArgs {
    /// Print JSON (schema in README.md) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Write the protocol to this file (mode 0600) instead of the terminal.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// A collector's details as typed on the command line (the shell keeps its history and
/// other users may see the arguments: prefer `collectors import` for a whole list).
#[derive(Debug, Default, clap::Args)]
pub struct CollectorDetailArgs {
    /// Birth date (YYYY-MM-DD or DD.MM.YYYY).
    #[arg(long, value_name = "DATE")]
    pub birth_date: Option<String>,
    /// Address of residence, as in the passport (quote it).
    #[arg(long)]
    pub address: Option<String>,
    /// Internal passport series and number, e.g. "4510 123456".
    #[arg(long, value_name = "SERIES NUMBER")]
    pub passport: Option<String>,
    /// Passport issue date (YYYY-MM-DD or DD.MM.YYYY).
    #[arg(long, value_name = "DATE")]
    pub issued: Option<String>,
    /// Issuing office code, NNN-NNN.
    #[arg(long, value_name = "NNN-NNN")]
    pub issuer: Option<String>,
}

/// `sheets [--json]` lists the sheets; `sheets close` / `sheets certify` change one.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SheetsArgs {
    /// Print the list as JSON (schema in README.md).
    #[arg(long)]
    pub json: bool,
    /// close or certify; without one the sheets are listed.
    #[command(subcommand)]
    pub action: Option<SheetsAction>,
}

/// What to do to a sheet.
#[derive(Debug, Subcommand)]
pub enum SheetsAction {
    /// Close a sheet by hand, or every open sheet at the end of the day.
    #[command(group(clap::ArgGroup::new("which").required(true).args(["number", "all_open"])))]
    Close {
        /// Sheet number.
        number: Option<u32>,
        /// Close every open sheet.
        #[arg(long)]
        all_open: bool,
    },
    /// Record the collector's certification of a closed sheet.
    Certify {
        /// Sheet number.
        number: u32,
        /// The collector's full name, as listed (`sigdesk collectors list`).
        #[arg(long)]
        collector: String,
        /// The date the collector wrote, YYYY-MM-DD.
        #[arg(long, value_parser = parse_iso_date)]
        date: chrono::NaiveDate,
    },
}
