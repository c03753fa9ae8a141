//! Reading the notarised list of collectors: CSV with the columns `name,regions` and,
//! optionally, the details the certification needs: `birth_date,address,passport,
//! issued_on,issuer_code` (any order; an empty cell is a detail not given). Regions are
//! separated by spaces, `;` or commas inside the field. Every row is checked before
//! anything is written, so one run reports every bad row.

use super::CsvError;
use crate::domain::collector::{
    CollectorDetails, CollectorError, DetailProblem, DetailsDraft, check_details, parse_collector,
};
use crate::domain::{Collector, RegionCatalog};
use chrono::NaiveDate;
use std::path::Path;

/// The columns a collectors file must have.
pub const REQUIRED_COLUMNS: [&str; 2] = ["name", "regions"];
/// The detail columns it may have.
pub const DETAIL_COLUMNS: [&str; 5] = [
    "birth_date",
    "address",
    "passport",
    "issued_on",
    "issuer_code",
];

/// A good row: the collector with the details it gives, and warnings about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedRow {
    /// Line in the file.
    pub line: u64,
    /// The collector (details checked).
    pub collector: Collector,
    /// Warnings about its details.
    pub warnings: Vec<DetailProblem>,
}

/// Why a row of a collectors file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectorRowError {
    /// The name is empty or a region code is unknown.
    Collector(CollectorError),
    /// A detail is wrong.
    Details(Vec<DetailProblem>),
    /// The row is not valid CSV (wrong number of fields, not UTF-8).
    Malformed(String),
}

/// Why a collectors file was refused as a whole.
#[derive(Debug)]
pub enum CollectorsFileError {
    /// The file cannot be read.
    Io(CsvError),
    /// The header lacks `name` or `regions`, or has a column not listed above.
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

/// Reads and checks every row of a collectors file; details are checked as on `today`.
pub fn read_collectors(
    path: &Path,
    regions: &RegionCatalog,
    today: NaiveDate,
) -> Result<Vec<ListedRow>, CollectorsFileError> {
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
    let known =
        |n: &String| REQUIRED_COLUMNS.contains(&n.as_str()) || DETAIL_COLUMNS.contains(&n.as_str());
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    let (Some(name_at), Some(regions_at), true, true) = (
        column("name"),
        column("regions"),
        names.iter().all(known),
        unique.len() == names.len(),
    ) else {
        return Err(CollectorsFileError::Header {
            found: header.iter().collect::<Vec<_>>().join(","),
        });
    };
    let detail_at = DETAIL_COLUMNS.map(column);
    let mut listed = Vec::new();
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
        let detail = |i: usize| detail_at[i].map(field).unwrap_or_default().to_string();
        let draft = DetailsDraft {
            birth_date: detail(0),
            address: detail(1),
            passport: detail(2),
            issued_on: detail(3),
            issuer_code: detail(4),
        };
        match read_row(field(name_at), field(regions_at), &draft, regions, today) {
            Ok((collector, warnings)) => listed.push(ListedRow {
                line,
                collector,
                warnings,
            }),
            Err(e) => errors.push((line, e)),
        }
    }
    if !errors.is_empty() {
        return Err(CollectorsFileError::Rows { rows, errors });
    }
    Ok(listed)
}

/// One row: name and regions, then its details (when it has any).
fn read_row(
    name: &str,
    regions_text: &str,
    draft: &DetailsDraft,
    regions: &RegionCatalog,
    today: NaiveDate,
) -> Result<(Collector, Vec<DetailProblem>), CollectorRowError> {
    let mut collector =
        parse_collector(name, regions_text, regions).map_err(CollectorRowError::Collector)?;
    if draft.is_empty() {
        return Ok((collector, Vec::new()));
    }
    let checked = check_details(
        &collector.name,
        draft,
        &CollectorDetails::default(),
        today,
        regions,
    )
    .map_err(CollectorRowError::Details)?;
    collector.details = checked.details;
    Ok((collector, checked.warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::collector::RegionListError;

    fn read(text: &str) -> Result<Vec<Collector>, CollectorsFileError> {
        read_rows(text).map(|rows| rows.into_iter().map(|r| r.collector).collect())
    }

    fn read_rows(text: &str) -> Result<Vec<ListedRow>, CollectorsFileError> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("collectors.csv");
        std::fs::write(&path, text).expect("write");
        let today = NaiveDate::from_ymd_opt(2024, 3, 10).expect("date");
        read_collectors(&path, &RegionCatalog::embedded().expect("catalogue"), today)
    }

    #[test]
    fn the_notarised_list_with_details_is_read_and_checked() {
        let rows = read_rows(
            "name,regions,birth_date,address,passport,issued_on,issuer_code\n\
             Петров Андрей Сергеевич,77 50,12.03.1985,\"г. Москва, ул. Ленина, д. 1\",4510 123456,2010-04-01,770-001\n\
             Сидорова Анна,78,,,,,\n\
             Орлов Олег,78,1990-01-01,\"СПб, Невский\",4009 000001,2010-02-01,780001\n",
        )
        .expect("good file");
        assert!(rows[0].collector.details.missing().is_empty());
        assert_eq!(
            rows[0].collector.details.issuer_code.as_deref(),
            Some("770-001")
        );
        assert_eq!(rows[1].collector.details, CollectorDetails::default());
        let warned: Vec<&str> = rows[2].warnings.iter().map(DetailProblem::code).collect();
        assert_eq!(warned, ["address.no_house"]);
        let Err(CollectorsFileError::Rows { errors, .. }) = read(
            "regions,name,passport,issuer_code\n77,Петров Андрей,4510 12345,770-01\n77,Сидоров Иван,4510 123456,770001\n",
        ) else {
            panic!("a bad passport must be refused");
        };
        assert_eq!(errors.len(), 1);
        let CollectorRowError::Details(problems) = &errors[0].1 else {
            panic!("{errors:?}");
        };
        let codes: Vec<&str> = problems.iter().map(DetailProblem::code).collect();
        assert_eq!(codes, ["doc.number_length", "collector.issuer_code"]);
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
            "name,regions,name\nПетров,77,Петров\n",
        ] {
            assert!(
                matches!(read(text), Err(CollectorsFileError::Header { .. })),
                "{text:?}"
            );
        }
    }
}
