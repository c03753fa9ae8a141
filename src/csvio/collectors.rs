//! Reading a list of collectors: CSV with the header `name,regions` (any order), regions
//! separated by spaces, `;` or commas inside the field. Every row is checked before
//! anything is written, so one run reports every bad row.

use super::CsvError;
use crate::domain::collector::{CollectorError, parse_collector};
use crate::domain::{Collector, RegionCatalog};
use std::path::Path;

/// Why a row of a collectors file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectorRowError {
    /// The name is empty or a region code is unknown.
    Collector(CollectorError),
    /// The row is not valid CSV (wrong number of fields, not UTF-8).
    Malformed(String),
}

/// Why a collectors file was refused as a whole.
#[derive(Debug)]
pub enum CollectorsFileError {
    /// The file cannot be read.
    Io(CsvError),
    /// The header is not `name,regions`.
    Header {
        /// The header as found.
        found: String,
    },
    /// Some rows are bad; nothing may be imported.
    Rows {
        /// Data rows read.
        rows: usize,
        /// The bad rows: 1-based line in the file and why.
        errors: Vec<(u64, CollectorRowError)>,
    },
}

/// Reads and checks every row of a collectors file.
pub fn read_collectors(
    path: &Path,
    regions: &RegionCatalog,
) -> Result<Vec<Collector>, CollectorsFileError> {
    let bytes = std::fs::read(path).map_err(|e| CollectorsFileError::Io(CsvError::io(path, e)))?;
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new().from_reader(text);
    let header = reader
        .headers()
        .map_err(|e| CollectorsFileError::Header {
            found: e.to_string(),
        })?
        .clone();
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let column = |wanted: &str| names.iter().position(|n| n == wanted);
    let (Some(name_at), Some(regions_at), 2) = (column("name"), column("regions"), names.len())
    else {
        return Err(CollectorsFileError::Header {
            found: header.iter().collect::<Vec<_>>().join(","),
        });
    };
    let mut collectors = Vec::new();
    let mut errors = Vec::new();
    let mut rows = 0;
    for (index, record) in reader.records().enumerate() {
        rows += 1;
        let fallback_line = index as u64 + 2;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(fallback_line, |p| p.line());
                errors.push((line, CollectorRowError::Malformed(e.to_string())));
                continue;
            }
        };
        let line = record.position().map_or(fallback_line, |p| p.line());
        let field = |i: usize| record.get(i).unwrap_or_default();
        match parse_collector(field(name_at), field(regions_at), regions) {
            Ok(collector) => collectors.push(collector),
            Err(e) => errors.push((line, CollectorRowError::Collector(e))),
        }
    }
    if !errors.is_empty() {
        return Err(CollectorsFileError::Rows { rows, errors });
    }
    Ok(collectors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::collector::RegionListError;

    fn read(text: &str) -> Result<Vec<Collector>, CollectorsFileError> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("collectors.csv");
        std::fs::write(&path, text).expect("write");
        read_collectors(&path, &RegionCatalog::embedded().expect("catalogue"))
    }

    #[test]
    fn reads_rows_in_any_column_order_with_any_separator() {
        let list = read(
            "\u{feff}regions,name\n77 50,Петров Андрей Сергеевич\n\"78;47\",\"Сидорова  Анна\"\nabroad,Smith John\n",
        )
        .expect("good file");
        let shown: Vec<(String, Vec<String>)> = list
            .into_iter()
            .map(|c| (c.name, c.regions.into_iter().collect()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "Петров Андрей Сергеевич".into(),
                    vec!["50".into(), "77".into()]
                ),
                ("Сидорова Анна".into(), vec!["47".into(), "78".into()]),
                ("Smith John".into(), vec!["abroad".into()]),
            ]
        );
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let Err(CollectorsFileError::Rows { rows, errors }) =
            read("name,regions\nПетров,77\n,50\nИванов,80\nКозлов\nОрлов,\n")
        else {
            panic!("bad rows must be refused");
        };
        assert_eq!(rows, 5);
        let lines: Vec<u64> = errors.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [3, 4, 5, 6]);
        assert_eq!(
            errors[0].1,
            CollectorRowError::Collector(CollectorError::EmptyName)
        );
        assert!(matches!(errors[2].1, CollectorRowError::Malformed(_)));
        assert_eq!(
            errors[3].1,
            CollectorRowError::Collector(CollectorError::Regions(RegionListError::Empty))
        );
    }

    #[test]
    fn a_wrong_header_is_refused() {
        for text in [
            "name\nПетров\n",
            "name,regions,phone\nПетров,77,1\n",
            "fio,regions\n",
        ] {
            assert!(
                matches!(read(text), Err(CollectorsFileError::Header { .. })),
                "{text:?}"
            );
        }
    }
}
