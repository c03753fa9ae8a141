//! `export` as a lead meets it: a spreadsheet that a real spreadsheet reader opens with
//! every value as typed (series `0312`, numbers `045678`, dates as dates), CSV rows in paper
//! order, and no signer poured onto a terminal.

use crate::common::cli::{Output, Point};
use crate::common::db::{actor, fixed_now};
use crate::common::pty::Session;
use chrono::{Duration, NaiveDate};
use sigdesk::domain::{DocKind, NewEntry};
use std::process::Command;

fn signer(surname: &str, series: &str, number: &str, region: &str, address: &str) -> NewEntry {
    NewEntry {
        surname: surname.into(),
        given_name: "Анна".into(),
        patronymic: "Сергеевна".into(),
        birth_date: NaiveDate::from_ymd_opt(1990, 1, 2).expect("date"),
        doc_kind: DocKind::InternalPassport,
        doc_series: series.into(),
        doc_number: number.into(),
        region_code: region.into(),
        abroad_country: String::new(),
        address: address.into(),
        signed_on: NaiveDate::from_ymd_opt(2024, 3, 9).expect("date"),
    }
}

/// A training point with four lines saved out of paper order at two desks: series and
/// numbers with leading zeros, and one address that `check` warns about.
fn point_with_leading_zeros() -> Point {
    let point = Point::training();
    let mut store = point.store();
    let rows = [
        (
            "desk-2",
            signer(
                "Петрова",
                "0312",
                "045678",
                "23",
                "г. Краснодар, ул. Красная, д. 5, кв. 1",
            ),
        ),
        (
            "desk-1",
            signer(
                "Иванова",
                "0415",
                "000123",
                "24",
                "г. Красноярск, ул. Мира, д. 1",
            ),
        ),
        (
            "desk-1",
            signer("Сидорова", "0116", "123456", "22", "г. Барнаул, ул. Ленина"),
        ),
        (
            "desk-2",
            signer(
                "Котова",
                "0317",
                "000001",
                "23",
                "г. Сочи, ул. Горная, д. 3",
            ),
        ),
    ];
    for (i, (desk, entry)) in rows.iter().enumerate() {
        let at = fixed_now() + Duration::minutes(i as i64);
        store
            .save_entry(entry, &actor(desk, "Olga"), None, at)
            .expect("save");
    }
    point
}

/// Every cell of the first worksheet as openpyxl reads it: `[[type, value], …]` per row,
/// or `None` when python3 with openpyxl is not here (CI installs it and sets
/// `SIGDESK_REQUIRE_OPENPYXL=1`, which turns the skip into a failure).
fn read_with_openpyxl(file: &std::path::Path) -> Option<Vec<Vec<(String, String)>>> {
    const READER: &str = r#"
import json, sys, datetime, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = []
for row in sheet.iter_rows():
    cells = []
    for c in row:
        v = c.value
        if isinstance(v, datetime.datetime):
            kind, text = "date", v.isoformat()
        elif isinstance(v, (int, float)):
            kind, text = "number", repr(v)
        elif v is None:
            kind, text = "empty", ""
        else:
            kind, text = "text", str(v)
        cells.append([kind, text])
    rows.append(cells)
print(json.dumps({"rows": rows, "frozen": sheet.freeze_panes}))
"#;
    let output = Command::new("python3")
        .args(["-c", READER])
        .arg(file)
        .output();
    let required = std::env::var_os("SIGDESK_REQUIRE_OPENPYXL").is_some();
    let output = match output {
        Ok(out) if out.status.success() => out,
        Ok(out) if required => panic!("openpyxl failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(e) if required => panic!("python3 not found: {e}"),
        _ => {
            println!("skipped: python3 with openpyxl is needed to read the spreadsheet");
            return None;
        }
    };
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["frozen"], "A2", "the header row is frozen");
    let rows = json["rows"].as_array().expect("rows");
    Some(
        rows.iter()
            .map(|row| {
                row.as_array()
                    .expect("cells")
                    .iter()
                    .map(|cell| {
                        (
                            cell[0].as_str().expect("kind").to_string(),
                            cell[1].as_str().expect("text").to_string(),
                        )
                    })
                    .collect()
            })
            .collect(),
    )
}

#[test]
fn a_spreadsheet_program_reads_every_value_as_typed() {
    let point = point_with_leading_zeros();
    point
        .train(&["export", "--xlsx", "lines.xlsx"])
        .assert()
        .success()
        .stderr(predicates::str::contains("NOT encrypted"));
    let csv = point.train(&["export", "--out", "-"]).stdout_ok();
    let Some(rows) = read_with_openpyxl(&point.path("lines.xlsx")) else {
        return;
    };
    let mut csv = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = csv
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let mut want_header: Vec<(String, String)> =
        header.iter().map(|h| ("text".into(), h.clone())).collect();
    want_header.push(("text".into(), "problems".into()));
    assert_eq!(rows[0], want_header);
    let records: Vec<csv::StringRecord> = csv.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), records.len() + 1);
    for (sheet_row, record) in rows[1..].iter().zip(&records) {
        for ((kind, value), (name, text)) in sheet_row.iter().zip(header.iter().zip(record)) {
            match name.as_str() {
                "sheet" | "line" => {
                    assert_eq!((kind.as_str(), value.as_str()), ("number", text), "{name}")
                }
                "birth_date" | "signed_on" => {
                    assert_eq!(kind, "date", "{name}");
                    assert_eq!(value, &format!("{text}T00:00:00"), "{name}");
                }
                "entered_at" => {
                    assert_eq!(kind, "date", "{name}");
                    let at = chrono::DateTime::parse_from_rfc3339(text).expect("time");
                    assert_eq!(
                        value,
                        &at.naive_utc().format("%Y-%m-%dT%H:%M:%S").to_string()
                    );
                }
                _ if text.is_empty() => {
                    assert!(
                        kind == "empty" || (kind == "text" && value.is_empty()),
                        "{name}"
                    )
                }
                _ => assert_eq!((kind.as_str(), value.as_str()), ("text", text), "{name}"),
            }
        }
    }
    let series: Vec<&str> = rows[1..].iter().map(|r| r[9].1.as_str()).collect();
    assert_eq!(
        series,
        ["0312", "0317", "0415", "0116"],
        "leading zeros stay"
    );
    let numbers: Vec<&str> = rows[1..].iter().map(|r| r[10].1.as_str()).collect();
    assert_eq!(numbers, ["045678", "000001", "000123", "123456"]);
    let problems: Vec<&str> = rows[1..].iter().map(|r| r[21].1.as_str()).collect();
    assert!(problems[..3].iter().all(|p| p.is_empty()), "{problems:?}");
    assert!(problems[3].contains("address.no_house"), "{problems:?}");
}

#[test]
fn csv_rows_come_in_paper_order() {
    let point = point_with_leading_zeros();
    let csv = point.train(&["export", "--out", "-"]).stdout_ok();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let lines: Vec<(u32, u32)> = reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            (r[2].parse().expect("sheet"), r[3].parse().expect("line"))
        })
        .collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(
        lines, sorted,
        "saved out of order at two desks, exported in paper order"
    );
    assert_eq!(lines, [(1, 1), (1, 2), (2, 1), (3, 1)]);
}

#[test]
fn export_without_out_refuses_to_fill_a_terminal() {
    let point = point_with_leading_zeros();
    let session = Session::start(
        point.dir.path(),
        &["--no-encrypt", "export"],
        &[("SIGDESK_LEAD_PIN", "2468")],
    );
    session.wait_for("give --out FILE");
    let screen = session.contents();
    assert!(!screen.contains("Петрова"), "{screen}");
    assert!(!screen.contains("045678"), "{screen}");
    // Piped, the same command writes the CSV.
    let piped = point.train(&["export"]).stdout_ok();
    assert!(piped.contains("045678"));
}

#[test]
fn a_pipe_or_device_is_written_into_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let point = point_with_leading_zeros();
    let fifo = point.path("lines.pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the pipe"))
    };
    point
        .train(&["export", "--out", fifo.to_str().expect("utf-8")])
        .assert()
        .success();
    // Checked before waiting for the reader: a file renamed over the pipe would leave the
    // reader blocked for ever.
    let still = std::fs::metadata(&fifo).expect("pipe").file_type();
    assert!(
        still.is_fifo(),
        "the pipe is still a pipe, not a file renamed over it"
    );
    let csv = reader.join().expect("reader");
    assert!(csv.contains("045678"), "{csv}");

    point
        .train(&["backup", "--out", fifo.to_str().expect("utf-8")])
        .assert()
        .failure()
        .stderr(predicates::str::contains("not a file"));
    let still = std::fs::metadata(&fifo).expect("pipe").file_type();
    assert!(still.is_fifo());
}
