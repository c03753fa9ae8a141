//! `sigdesk export`: every entry to CSV (UTF-8, RFC 4180) or, for people, to a spreadsheet,
//! with a warning that the file is not encrypted.

use super::Context;
use super::out;
use crate::cli::ExportArgs;
use crate::csvio::export::export_with_progress;
use crate::csvio::xlsx::export_xlsx;
use crate::csvio::{CsvError, ExportOptions};
use crate::i18n::ReportText;
use crate::ops::defects::findings_by_entry;
use crate::progress::TerminalProgress;
use crate::store::Store;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Where the export goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// CSV into this file, or `-` for standard output.
    Csv(String),
    /// CSV to standard output because no `--out` was given (refused on a terminal).
    Unnamed,
    /// A spreadsheet into this file.
    Xlsx(PathBuf),
}

/// What `export` was asked for.
#[derive(Debug, Clone)]
pub struct Request {
    /// Where the rows go.
    pub target: Target,
    /// CSV options (the spreadsheet uses `include_voided` only).
    pub options: ExportOptions,
}

impl From<ExportArgs> for Request {
    fn from(args: ExportArgs) -> Request {
        let target = match (args.xlsx, args.out) {
            (Some(file), _) => Target::Xlsx(file),
            (None, Some(out)) => Target::Csv(out),
            (None, None) => Target::Unnamed,
        };
        Request {
            target,
            options: ExportOptions {
                delimiter: args.delimiter,
                bom: args.bom,
                include_voided: args.include_voided,
            },
        }
    }
}

/// Writes the entries where `request` says, with a progress bar on stderr, and warns that
/// the file holds personal data; exit 0. The export is recorded in the audit log before any
/// byte leaves; one that fails after it began is recorded too, with why, in an
/// `export_failed` event. With no `--out` and a terminal on stdout it refuses rather than
/// pour every signer onto the screen.
pub fn run(store: &mut Store, ctx: &Context, request: Request) -> anyhow::Result<u8> {
    let options = request.options;
    let shown = match &request.target {
        Target::Unnamed if std::io::stdout().is_terminal() => {
            anyhow::bail!(ctx.lang.t(ReportText::ExportNeedsOut))
        }
        Target::Unnamed => "-".to_string(),
        Target::Csv(file) => file.clone(),
        Target::Xlsx(file) => file.display().to_string(),
    };
    // The rows it is about to write: desks saving meanwhile may add a few.
    let (valid, voided) = store.entry_totals()?;
    let rows = valid + if options.include_voided { voided } else { 0 };
    let what = serde_json::json!({"out": shown, "rows": rows});
    store.record_event(ctx.now, &ctx.actor, "export", &what)?;
    let mut progress = TerminalProgress::on_stderr(ctx.lang);
    let written = match &request.target {
        Target::Xlsx(file) => {
            let today = store.campaign()?.local_date(ctx.now);
            findings_by_entry(store, &ctx.regions, today, ctx.lang)
                .map_err(CsvError::from)
                .and_then(|problems| {
                    export_xlsx(
                        store,
                        file,
                        options.include_voided,
                        &problems,
                        &mut progress,
                    )
                })
        }
        Target::Csv(_) | Target::Unnamed => {
            export_with_progress(store, &shown, options, &mut progress)
        }
    };
    let rows = match written {
        Ok(rows) => rows,
        Err(e) => {
            let why = serde_json::json!({"out": shown, "reason": e.to_string()});
            // The export's own event is in already; losing this one only loses the reason.
            let _ = store.record_event(chrono::Utc::now(), &ctx.actor, "export_failed", &why);
            return Err(e.into());
        }
    };
    let said = match request.target {
        Target::Xlsx(_) => ReportText::ExportedSheet { rows, out: &shown },
        Target::Csv(_) | Target::Unnamed => ReportText::Exported { rows, out: &shown },
    };
    out::note(ctx.lang.t(said));
    Ok(0)
}
