//! Command-line definitions (clap): types only; `app::parse` parses, `lib.rs` dispatches.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod hq;
mod lead;

pub use hq::*;
pub use lead::*;

/// sigdesk: signature-collection desk, queue and lead board in one terminal app.
#[derive(Debug, Parser)]
#[command(name = "sigdesk", version, about, long_about = None)]
pub struct Cli {
    /// Database file (created on first run).
    #[arg(long, global = true, env = "SIGDESK_DB", default_value = "sigdesk.db")]
    pub db: PathBuf,
    /// Language of messages: ru or en (default: from LC_ALL/LANG).
    #[arg(long, global = true, value_parser = ["ru", "en"])]
    pub lang: Option<String>,
    /// Read the database passphrase from the first line of this file (else
    /// $SIGDESK_PASSPHRASE, else the terminal asks).
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// Create or open a plain, unencrypted database: for training and demos only.
    #[arg(long, global = true, conflicts_with = "passphrase_file")]
    pub no_encrypt: bool,
    /// Desk options when no command is given (the desk opens).
    #[command(flatten)]
    pub desk_args: DeskArgs,
    /// What to do; without a command the desk opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The sigdesk commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the desk form (the default).
    Desk(DeskArgs),
    /// Open the door screen: one key gives the next queue ticket.
    Door(DeskArgs),
    /// Open the lead board (counts, pace, desks, regions, defects; no personal data).
    /// Signs in as desk `board` unless --desk is given.
    Board(DeskArgs),
    /// Print the board figures (totals, pace, desks, regions, defects today) and the queue
    /// figures (waiting, waits, ETA); --json for scripts.
    Stats(StatsArgs),
    /// Write every entry to CSV (UTF-8, RFC 4180). The file is NOT encrypted: keep it safe.
    Export(ExportArgs),
    /// Add entries from a sigdesk CSV, with the same checks as the form.
    Import(ImportArgs),
    /// Re-check every valid entry and every sheet; report defects by rule; exit 3 if any
    /// error-level defect.
    Check(CheckArgs),
    /// Signature collectors and the regions their notarised list names.
    Collectors {
        /// add, list or import.
        #[command(subcommand)]
        action: CollectorsAction,
    },
    /// List the paper sheets (fill, certification, problems), or close / certify one.
    Sheets(SheetsArgs),
    /// Fill a new database with a realistic synthetic day for training (origin `demo`).
    Demo(DemoArgs),
    /// The paper check: draw a random sample of lines, mark what the paper shows, and
    /// forecast the authority's check (DESIGN.md §11).
    Paper {
        /// sample, list, mark or report.
        #[command(subcommand)]
        action: PaperAction,
    },
    /// The submission protocol: per federal subject the certified sheets and signatures
    /// that can be handed in, within the caps, and what is left out and why.
    Protocol(ProtocolArgs),
    /// Show or change the campaign settings.
    Campaign {
        /// show or set.
        #[command(subcommand)]
        action: CampaignAction,
    },
    /// Push this point's entries to the campaign HQ and pull the campaign-wide totals,
    /// HQ's settings and collisions, every 15 s (or once).
    Sync(SyncArgs),
    /// The campaign HQ on PostgreSQL: set it up, add points, read it (no point database).
    Hq {
        /// init, add-point, stats, check, board or campaign.
        #[command(subcommand)]
        action: HqAction,
    },
    /// Test writer: reads commands on stdin, prints one result line each (see `script.rs`).
    #[command(hide = true)]
    Script(ScriptArgs),
    /// Protection commands: audit, backup, verify, rekey, encrypt, wipe, notice, lead-pin.
    #[command(flatten)]
    Protect(ProtectCommand),
}

/// The commands that protect the signers (DESIGN.md §7).
#[derive(Debug, Subcommand)]
pub enum ProtectCommand {
    /// Print the audit log: time, desk, operator, action, entry, what changed.
    Audit(AuditArgs),
    /// Copy the database, encrypted with the same passphrase, while desks keep working.
    Backup {
        /// The backup file to write.
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Check a database or backup file: integrity and counts; exit 1 if it is damaged.
    Verify {
        /// The file to check.
        file: PathBuf,
    },
    /// Change the passphrase (close every desk first; $SIGDESK_NEW_PASSPHRASE for scripts).
    Rekey,
    /// Encrypt a plain (--no-encrypt) database in place.
    Encrypt,
    /// Delete the database, its WAL files and its backups (asks to type the point name).
    Wipe {
        /// The point name, to wipe without being asked.
        #[arg(long, value_name = "POINT")]
        confirm: Option<String>,
    },
    /// Print the notice for signers: what is recorded, who gets it, how long it is kept.
    Notice,
    /// Set or change the lead PIN ($SIGDESK_LEAD_PIN / $SIGDESK_NEW_LEAD_PIN for scripts).
    LeadPin,
}

/// Filters of `audit`.
#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// Only the events of this entry id.
    #[arg(long, value_name = "ID")]
    pub entry: Option<String>,
    /// Only events from this time on: RFC 3339 (2024-03-10T09:30:00+03:00) or a local date
    /// (2024-03-10).
    #[arg(long, value_name = "T")]
    pub since: Option<String>,
}

/// Options of `demo`.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Signers to save; more than the desks manage in a day spread over earlier days.
    #[arg(long, default_value_t = 600)]
    pub signers: u32,
    /// Desks working, each slower than the one before.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=20))]
    pub desks: u32,
    /// Seed: the same seed makes the same day.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The (last) demo day, YYYY-MM-DD (default: today at the point).
    #[arg(long, value_parser = parse_iso_date)]
    pub day: Option<chrono::NaiveDate>,
}

/// Options of `check`.
#[derive(Debug, Default, clap::Args)]
pub struct CheckArgs {
    /// Print the report as JSON (schema in README.md).
    #[arg(long)]
    pub json: bool,
}

pub(crate) fn parse_iso_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("expected a date YYYY-MM-DD, got `{text}`"))
}

/// Options of the desk screen.
#[derive(Debug, Default, clap::Args)]
pub struct DeskArgs {
    /// Desk name (skips asking when given with --operator).
    #[arg(long)]
    pub desk: Option<String>,
    /// Operator name.
    #[arg(long)]
    pub operator: Option<String>,
    /// Read the session PIN (4–8 digits) from the first line of this file; else
    /// $SIGDESK_PIN, else the sign-in screen asks. Never on the command line, where `ps`
    /// would show it.
    #[arg(long, value_name = "FILE")]
    pub pin_file: Option<PathBuf>,
}

/// Options of `stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Print JSON (schema in README) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Compute the figures as at this instant (RFC 3339) instead of now: reproducible
    /// output for tests and for looking back at a past day.
    #[arg(long, hide = true, value_parser = parse_instant)]
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

/// Options of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Output CSV file, or - for standard output (refused on a terminal unless given).
    #[arg(long, short)]
    pub out: Option<String>,
    /// Write a spreadsheet (.xlsx) for people to read instead of CSV: values stay as typed
    /// (series 0312 as text, dates as dates), with a `problems` column per line.
    #[arg(long, value_name = "F", conflicts_with_all = ["out", "delimiter", "bom"])]
    pub xlsx: Option<std::path::PathBuf>,
    /// Field delimiter: , or ;
    #[arg(long, default_value = ",", value_parser = parse_delimiter)]
    pub delimiter: u8,
    /// Start the file with a UTF-8 byte order mark (for spreadsheet programs).
    #[arg(long)]
    pub bom: bool,
    /// Also write voided entries.
    #[arg(long)]
    pub include_voided: bool,
}

/// Options of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The CSV file to import.
    pub file: PathBuf,
    /// Import the good rows and write the bad ones to FILE.rejected.csv with a reason.
    #[arg(long)]
    pub skip_bad: bool,
    /// Field delimiter: , or ; (default: detected from the header).
    #[arg(long, value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
}

/// Options of the hidden `script` writer.
#[derive(Debug, clap::Args)]
pub struct ScriptArgs {
    /// Desk the entries are saved at.
    #[arg(long, default_value = "script")]
    pub desk: String,
    /// Operator the entries are saved by.
    #[arg(long, default_value = "script")]
    pub operator: String,
}

/// `campaign show` or `campaign set KEY VALUE`.
#[derive(Debug, Subcommand)]
pub enum CampaignAction {
    /// Print every setting.
    Show,
    /// Change one setting (dates as YYYY-MM-DD, empty to unset).
    Set {
        /// Setting name, e.g. election_date.
        key: String,
        /// New value.
        value: String,
    },
}

fn parse_instant(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| format!("expected an RFC 3339 time such as 2024-03-10T09:30:00Z ({e})"))
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "\\t" | "tab" => Ok(b'\t'),
        other => Err(format!("delimiter must be , or ; (got `{other}`)")),
    }
}
