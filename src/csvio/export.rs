//! Streaming export: every entry as one CSV row, written to a temp file and renamed.

use super::CsvError;
use crate::domain::Column;
use crate::progress::{Phase, Progress, Silent};
use crate::store::Store;
use std::io::Write;
use std::path::Path;

/// How to write the CSV.
#[derive(Debug, Clone, Copy)]
pub struct ExportOptions {
    /// Field delimiter (`,` or `;`).
    pub delimiter: u8,
    /// Start with a UTF-8 byte order mark.
    pub bom: bool,
    /// Also write voided entries.
    pub include_voided: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            delimiter: b',',
            bom: false,
            include_voided: false,
        }
    }
}

/// Rows between two progress updates (keeps the hook off the hot path).
const PROGRESS_EVERY: u64 = 1024;

/// Writes the CSV to `out` (any writer); returns the number of rows.
pub fn write_csv(store: &Store, out: impl Write, options: ExportOptions) -> Result<u64, CsvError> {
    write_csv_with_progress(store, out, options, &mut Silent)
}

/// [`write_csv`], telling `progress` how many rows are written.
pub fn write_csv_with_progress(
    store: &Store,
    mut out: impl Write,
    options: ExportOptions,
    progress: &mut dyn Progress,
) -> Result<u64, CsvError> {
    let (valid, voided) = store.entry_totals()?;
    let total = if options.include_voided {
        valid + voided
    } else {
        valid
    };
    progress.start(Phase::Export, total);
    let stdout_path = Path::new("-");
    if options.bom {
        out.write_all("\u{feff}".as_bytes())
            .map_err(|e| CsvError::io(stdout_path, e))?;
    }
    let mut writer = csv::WriterBuilder::new()
        .buffer_capacity(1 << 16)
        .delimiter(options.delimiter)
        .from_writer(out);
    writer
        .write_record(Column::exported().map(Column::name))
        .map_err(|e| CsvError::io(stdout_path, e))?;
    let mut failure = None;
    let mut written = 0;
    let rows = store.for_each_export_row(options.include_voided, |fields| {
        written += 1;
        if written % PROGRESS_EVERY == 0 {
            progress.advance(written);
        }
        let guarded = fields.iter().map(|field| super::formula::guard(field));
        writer.write_record(guarded).map_err(|e| {
            failure = Some(e.to_string());
            crate::store::StoreError::Damaged("export stopped".into())
        })
    });
    progress.finish();
    if let Some(reason) = failure {
        return Err(CsvError::Io {
            path: "output".into(),
            reason,
        });
    }
    let rows = rows?;
    writer.flush().map_err(|e| CsvError::io(stdout_path, e))?;
    Ok(rows)
}

/// Exports to a file (atomically: a temp file beside it, renamed when complete) or to
/// standard output for `-`. Returns the number of rows.
pub fn export(store: &Store, target: &str, options: ExportOptions) -> Result<u64, CsvError> {
    export_with_progress(store, target, options, &mut Silent)
}

/// [`export`], telling `progress` how many rows are written.
pub fn export_with_progress(
    store: &Store,
    target: &str,
    options: ExportOptions,
    progress: &mut dyn Progress,
) -> Result<u64, CsvError> {
    if target == "-" {
        let stdout = std::io::stdout();
        return write_csv_with_progress(store, stdout.lock(), options, progress);
    }
    super::write_whole(Path::new(target), ".sigdesk-export-", |file| {
        write_csv_with_progress(store, file, options, progress)
    })
}
