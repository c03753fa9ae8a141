//! `sigdesk import`: adds entries from a sigdesk CSV with the same checks as the form.

use super::Context;
use super::out;
use crate::cli::ImportArgs;
use crate::csvio::import::{ImportContext, import_with_progress};
use crate::csvio::{ImportOptions, rejects_path};
use crate::i18n::{HqText, ReportText};
use crate::progress::TerminalProgress;
use crate::store::Store;
use std::path::Path;

impl From<&ImportArgs> for ImportOptions {
    fn from(args: &ImportArgs) -> ImportOptions {
        ImportOptions {
            skip_bad: args.skip_bad,
            delimiter: args.delimiter,
        }
    }
}

/// Imports `file` with a progress bar on stderr and prints the summary, then the rejects
/// file when rows were rejected; exit 0.
pub fn run(
    store: &mut Store,
    ctx: &Context,
    file: &Path,
    options: ImportOptions,
) -> anyhow::Result<u8> {
    let campaign = store.campaign()?;
    let import = ImportContext {
        lang: ctx.lang,
        today: campaign.local_date(ctx.now),
        now: ctx.now,
        regions: &ctx.regions,
        actor: &ctx.actor,
    };
    let mut progress = TerminalProgress::on_stderr(ctx.lang);
    let report = import_with_progress(store, file, options, &import, &mut progress)?;
    let imported = ReportText::Imported {
        added: report.added,
        rows: report.rows,
        present: report.already_present,
        warned: report.with_warnings,
        rejected: report.rejected,
    };
    out::line(ctx.lang.t(imported));
    if report.hq_unchecked > 0 {
        out::note(ctx.lang.t(HqText::ImportUnchecked(report.hq_unchecked)));
    }
    if report.rejected > 0 {
        out::line(rejects_path(file).display());
    }
    Ok(0)
}
