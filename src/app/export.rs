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

/// Writes the entries to `out` (`-` for standard output) with a progress bar on stderr,
/// logs the export and warns that the file holds personal data; exit 0.
pub fn run(
    store: &mut Store,
    ctx: &Context,
    out: &str,
    options: ExportOptions,
) -> anyhow::Result<u8> {
    let mut progress = TerminalProgress::on_stderr(ctx.lang);
    let rows = export_with_progress(store, out, options, &mut progress)?;
    store.record_event(
        ctx.now,
        &ctx.actor,
        "export",
        &serde_json::json!({"out": out, "rows": rows}),
    )?;
    out::note(ctx.lang.t(ReportText::Exported { rows, out }));
    Ok(0)
}
