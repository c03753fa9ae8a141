//! Command-line definitions (clap). Parsing only; `lib.rs` dispatches.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

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
    /// Re-check every valid entry; report defects by rule; exit 3 if any error-level defect.
    Check,
    /// Show or change the campaign settings.
    Campaign {
        /// show or set.
        #[command(subcommand)]
        action: CampaignAction,
    },
    /// Test writer: reads commands on stdin, prints one result line each (see `script.rs`).
    #[command(hide = true)]
    Script(ScriptArgs),
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
    /// Output file, or - for standard output.
    #[arg(long, short, default_value = "-")]
    pub out: String,
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
