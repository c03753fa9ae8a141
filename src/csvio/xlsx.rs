//! `export --xlsx`: the entries as a spreadsheet a lead opens without a spreadsheet program
//! changing them (DESIGN.md §9). Every value stays as typed: passport series `0312` and
//! numbers `045678` are text cells, dates are date cells, sheet and line are whole numbers.
//! A `problems` column says what `check` found on each line. It is for people, not for
//! `import` (the CSV is).

use super::{CsvError, write_whole};
use crate::domain::Column;
use crate::domain::columns::CSV_WIDTH;
use crate::progress::{Phase, Progress};
use crate::store::Store;
use chrono::{DateTime, NaiveDate};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use std::path::Path;

/// The most data rows one worksheet holds (Excel's limit, less the header row).
pub const MAX_ROWS: u64 = 1_048_575;

/// Header of the extra column with each line's findings.
pub const PROBLEMS_HEADER: &str = "problems";

/// Writes the spreadsheet to `target` whole or not at all (a temp file beside it, synced
/// and renamed). `problems` maps an entry id to the findings of its line, already in the
/// reader's language. Returns the number of rows.
pub fn export_xlsx(
    store: &Store,
    target: &Path,
    include_voided: bool,
    problems: &HashMap<String, Vec<String>>,
    progress: &mut dyn Progress,
) -> Result<u64, CsvError> {
    let (valid, voided) = store.entry_totals()?;
    let total = if include_voided {
        valid + voided
    } else {
        valid
    };
    if total > MAX_ROWS {
        return Err(CsvError::TooManyRows {
            rows: total,
            limit: MAX_ROWS,
        });
    }
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let cells = Cells::new();
    write_header(sheet, &cells).map_err(|e| CsvError::io(target, e))?;
    progress.start(Phase::Export, total);
    let mut failure = None;
    let mut row = 0;
    let rows = store.for_each_export_row(include_voided, |fields| {
        row += 1;
        if row % 1024 == 0 {
            progress.advance(u64::from(row));
        }
        write_row(sheet, &cells, row, fields, problems).map_err(|e| {
            failure = Some(e.to_string());
            crate::store::StoreError::Damaged("spreadsheet export stopped".into())
        })
    });
    progress.finish();
    if let Some(reason) = failure {
        return Err(CsvError::Io {
            path: target.display().to_string(),
            reason,
        });
    }
    let rows = rows?;
    write_whole(target, ".sigdesk-export-", |file| {
        workbook
            .save_to_writer(file)
            .map_err(|e| CsvError::io(target, e))
    })?;
    Ok(rows)
}

/// The cell formats: text, date, date and time, whole number, the bold header.
struct Cells {
    text: Format,
    date: Format,
    time: Format,
    number: Format,
    header: Format,
}

impl Cells {
    fn new() -> Cells {
        Cells {
            text: Format::new().set_num_format("@"),
            date: Format::new().set_num_format("dd.mm.yyyy"),
            time: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            number: Format::new().set_num_format("0"),
            header: Format::new().set_bold().set_num_format("@"),
        }
    }
}

/// How a column is typed in the spreadsheet, and how wide it is shown.
fn column_kind(column: Column) -> (Kind, f64) {
    match column {
        Column::Sheet | Column::Line => (Kind::Number, 7.0),
        Column::BirthDate | Column::SignedOn => (Kind::Date, 11.0),
        Column::EnteredAt => (Kind::Time, 19.0),
        Column::Id => (Kind::Text, 38.0),
        Column::Address => (Kind::Text, 40.0),
        Column::Region => (Kind::Text, 24.0),
        Column::DocSeries | Column::RegionCode | Column::Status => (Kind::Text, 10.0),
        _ => (Kind::Text, 16.0),
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Text,
    Number,
    Date,
    Time,
}

fn write_header(sheet: &mut Worksheet, cells: &Cells) -> Result<(), XlsxError> {
    let mut last = 0;
    for (col, column) in Column::exported().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, column.name(), &cells.header)?;
        sheet.set_column_width(col, column_kind(column).1)?;
        last = col;
    }
    let problems = last + 1;
    sheet.write_string_with_format(0, problems, PROBLEMS_HEADER, &cells.header)?;
    sheet.set_column_width(problems, 60.0)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_row(
    sheet: &mut Worksheet,
    cells: &Cells,
    row: u32,
    fields: &[&[u8]; CSV_WIDTH],
    problems: &HashMap<String, Vec<String>>,
) -> Result<(), XlsxError> {
    let mut id = "";
    for ((col, column), raw) in Column::exported().enumerate().zip(fields) {
        let col = col as u16;
        let value = std::str::from_utf8(raw).unwrap_or_default();
        if column == Column::Id {
            id = value;
        }
        let (kind, _) = column_kind(column);
        let typed = match kind {
            Kind::Number => value
                .parse::<u32>()
                .ok()
                .map(|n| sheet.write_number_with_format(row, col, f64::from(n), &cells.number)),
            Kind::Date => NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .ok()
                .map(|d| sheet.write_date_with_format(row, col, d, &cells.date)),
            Kind::Time => DateTime::parse_from_rfc3339(value)
                .ok()
                .map(|t| sheet.write_datetime_with_format(row, col, t.naive_utc(), &cells.time)),
            Kind::Text => None,
        };
        match typed {
            Some(written) => {
                written?;
            }
            // Text, and anything that does not parse as its type, stays exactly as stored.
            None => {
                sheet.write_string_with_format(row, col, value, &cells.text)?;
            }
        }
    }
    let found = problems.get(id).map(|p| p.join("; ")).unwrap_or_default();
    sheet.write_string_with_format(row, CSV_WIDTH as u16, found, &cells.text)?;
    Ok(())
}
