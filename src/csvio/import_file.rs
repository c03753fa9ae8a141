//! The import file itself: opened for streaming past a byte-order mark, its delimiter
//! detected, a malformed row said with its line, and the rejects file written beside it.

use super::CsvError;
use super::formula::{guard, unguard};
use crate::store::ImportStage;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Bytes read from the file at a time.
const READ_BUFFER: usize = 256 * 1024;

/// The file opened for streaming, past a UTF-8 byte-order mark, and its delimiter (given,
/// or detected from the header line).
pub(super) fn open_csv(
    path: &Path,
    delimiter: Option<u8>,
) -> Result<(BufReader<std::fs::File>, u8), CsvError> {
    let file = std::fs::File::open(path).map_err(|e| CsvError::io(path, e))?;
    let mut text = BufReader::with_capacity(READ_BUFFER, file);
    let head = text.fill_buf().map_err(|e| CsvError::io(path, e))?;
    let bom = "\u{feff}".as_bytes();
    let skip = if head.starts_with(bom) { bom.len() } else { 0 };
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&head[skip..]));
    text.consume(skip);
    Ok((text, delimiter))
}

/// A CSV reading error as the lead reads it: the line and what to do.
pub(super) fn malformed(path: &Path, e: &csv::Error) -> CsvError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    let reason = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8 text; save the file as UTF-8".to_string(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("has {len} fields, the header has {expected_len}")
        }
        _ => e.to_string(),
    };
    CsvError::Malformed {
        path: path.display().to_string(),
        line,
        reason,
    }
}

/// `;` when the header line has more semicolons than commas, else `,`.
fn detect_delimiter(text: &[u8]) -> u8 {
    let first_line = text.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// Writes the staged rejected rows, each with its reason, beside `source`.
pub(super) fn write_rejects(
    source: &Path,
    header: &csv::StringRecord,
    stage: &mut ImportStage<'_>,
    delimiter: u8,
) -> Result<(), CsvError> {
    let target = super::rejects_path(source);
    super::write_whole(&target, ".sigdesk-rejects-", |file| {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(file);
        let io = |e: csv::Error| CsvError::io(&target, e);
        w.write_record(header.iter().chain(["reason"]))
            .map_err(io)?;
        stage.for_each_reject(|row, reason| {
            // The values as read (unguarded), guarded again: a re-import reads them back.
            let cells = row.iter().map(String::as_str).chain([reason]);
            w.write_record(cells.map(|cell| guard(unguard(cell).as_bytes())))
                .map_err(io)
        })?;
        w.flush().map_err(|e| CsvError::io(&target, e))
    })
}
