//! `sigdesk export`: every entry to CSV (UTF-8, RFC 4180), with a warning that the file is
//! not encrypted.

use super::Context;
use super::out;
use crate::cli::ExportArgs;
use crate::csvio::ExportOptions;
use crate::csvio::export::export_with_progress;
use crate::i18n::ReportText;
use crate::progress::TerminalProgress;
use crate::store::Store;

impl From<&ExportArgs> for ExportOptions {
    fn from(args: &ExportArgs) -> ExportOptions {
        ExportOptions {
            delimiter: args.delimiter,
            bom: args.bom,
            include_voided: args.include_voided,
        }
    }
}

/// Records the export in the audit log before any byte leaves, then writes the entries to
/// `out` (`-` for standard output) with a progress bar on stderr and warns that the file
/// holds personal data; exit 0. An export that fails after it began is recorded too, with
/// why, in an `export_failed` event.
pub fn run(
    store: &mut Store,
    ctx: &Context,
    out: &str,
    options: ExportOptions,
) -> anyhow::Result<u8> {
    // The rows it is about to write: desks saving meanwhile may add a few.
    let (valid, voided) = store.entry_totals()?;
    let rows = valid + if options.include_voided { voided } else { 0 };
    let what = serde_json::json!({"out": out, "rows": rows});
    store.record_event(ctx.now, &ctx.actor, "export", &what)?;
    let mut progress = TerminalProgress::on_stderr(ctx.lang);
    let rows = match export_with_progress(store, out, options, &mut progress) {
        Ok(rows) => rows,
        Err(e) => {
            let why = serde_json::json!({"out": out, "reason": e.to_string()});
            // The export's own event is in already; losing this one only loses the reason.
            let _ = store.record_event(chrono::Utc::now(), &ctx.actor, "export_failed", &why);
            return Err(e.into());
        }
    };
    out::note(ctx.lang.t(ReportText::Exported { rows, out }));
    Ok(0)
}
