//! Streaming export: every entry as one CSV row, written to a temp file and renamed.

use super::CsvError;
use crate::store::{EXPORT_COLUMNS, Store};
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

/// Writes the CSV to `out` (any writer); returns the number of rows.
pub fn write_csv(
    store: &Store,
    mut out: impl Write,
    options: ExportOptions,
) -> Result<u64, CsvError> {
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
        .write_record(EXPORT_COLUMNS)
        .map_err(|e| CsvError::io(stdout_path, e))?;
    let mut failure = None;
    let rows = store.for_each_export_row(options.include_voided, |fields| {
        writer.write_record(fields).map_err(|e| {
            failure = Some(e.to_string());
            crate::store::StoreError::Damaged("export stopped".into())
        })
    });
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
    if target == "-" {
        let stdout = std::io::stdout();
        return write_csv(store, stdout.lock(), options);
    }
    let path = Path::new(target);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".sigdesk-export-")
        .tempfile_in(dir)
        .map_err(|e| CsvError::io(path, e))?;
    let rows = write_csv(store, temp.as_file_mut(), options)?;
    temp.as_file()
        .sync_all()
        .map_err(|e| CsvError::io(path, e))?;
    temp.persist(path)
        .map_err(|e| CsvError::io(path, e.error))?;
    Ok(rows)
}
