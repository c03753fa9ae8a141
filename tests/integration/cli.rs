//! The real `sigdesk` binary, run the way a shift lead runs it: campaign settings, export,
//! import, check, and the one-line errors of DESIGN.md §2.

use crate::common::cli::{HEADER, Output, Point, days_ago, path_arg};
use chrono::{Duration, Utc};
use std::path::Path;

/// Data rows of `export` to stdout (header dropped).
fn exported_rows(point: &Point) -> Vec<String> {
    point
        .train(&["export"])
        .stdout_ok()
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect()
}

/// Imports `bytes` written to `name`: the import must be refused (exit 1) and add nothing.
/// Returns its stderr.
fn refused_import(point: &Point, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let file = point.path(name);
    std::fs::write(&file, bytes).expect("write");
    let err = point.train(&["import", path_arg(&file)]).stderr_of(1);
    assert_eq!(exported_rows(point).len(), 0, "nothing imported");
    err
}

/// A point with the three signers of [`good_csv`] imported.
fn point_with_good_rows() -> Point {
    let point = Point::new();
    let file = point.write("good.csv", &good_csv());
    point.train(&["import", path_arg(&file)]).assert().success();
    point
}

/// A new point that imported the three rows of `file`.
fn point_importing(file: &Path) -> Point {
    let point = Point::new();
    point
        .train(&["import", path_arg(file)])
        .succeeds_printing("imported 3 of 3 rows");
    point
}

/// Three valid signers from Moscow (region 77, OKATO 45), signed three days ago.
fn good_csv() -> String {
    let signed = days_ago(3);
    format!(
        "{HEADER}\n\
         0190a1b2-0000-7000-8000-000000000001,point-1,1,1,Иванов,Иван,Иванович,1985-05-15,internal_passport,4506,123456,77,Москва,,\"г. Москва, ул. Тверская, д. 7, кв. \"\"12\"\"\",{signed},desk-1,Anna,2024-03-10T09:30:00Z,valid,\n\
         0190a1b2-0000-7000-8000-000000000002,point-1,1,2,Петрова,Мария,Сергеевна,1990-12-31,internal_passport,4511,654321,77,Москва,,\"г. Москва, Ленинский пр-т, д. 30\",{signed},desk-1,Anna,2024-03-10T09:35:12.250Z,valid,\n\
         0190a1b2-0000-7000-8000-000000000003,point-1,1,3,Сидоров-Белый,Пётр,,1970-01-02,internal_passport,4516,111222,77,Москва,,\"Москва, ул. Арбат, д. 1\",{signed},desk-1,Anna,2024-03-10T09:40:00+03:00,valid,\n"
    )
}

/// One more valid row with a given id, line and birth date.
fn row(id_tail: u32, line: u32, birth: &str, doc_number: &str) -> String {
    format!(
        "0190a1b2-0000-7000-8000-{id_tail:012},point-1,2,{line},Смирнов,Олег,Петрович,{birth},internal_passport,4507,{doc_number},77,Москва,,\"Москва, ул. Ленина, д. 5\",{signed},desk-2,Boris,2024-03-10T10:00:00Z,valid,\n",
        signed = days_ago(2)
    )
}

#[test]
fn help_exits_zero() {
    let point = Point::new();
    point.train(&["--help"]).succeeds_printing("export");
    point
        .train(&["export", "--help"])
        .succeeds_printing("--delimiter");
}

#[test]
fn campaign_show_lists_the_region_cap() {
    Point::new()
        .train(&["campaign", "show"])
        .succeeds_printing("region_cap = 2500\n");
}

#[test]
fn campaign_set_rejects_a_bad_number_in_one_line() {
    let err = Point::new()
        .train(&["campaign", "set", "target", "abc"])
        .stderr_of(1);
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.contains("target") && err.contains("abc"), "{err}");
}

#[test]
fn campaign_set_election_date_round_trips() {
    let point = Point::new();
    assert_eq!(
        point
            .train(&["campaign", "set", "election_date", "2024-03-17"])
            .stdout_ok(),
        "election_date = 2024-03-17\n"
    );
    point
        .train(&["campaign", "show"])
        .succeeds_printing("election_date = 2024-03-17\n");
}

#[test]
fn export_of_an_empty_database_is_just_the_header() {
    let out = Point::new().train(&["export"]).stdout_ok();
    assert_eq!(out, format!("{HEADER}\n"));
}

#[test]
fn import_adds_good_rows_once() {
    let point = Point::new();
    let file = point.write("good.csv", &good_csv());
    point
        .train(&["import", path_arg(&file)])
        .succeeds_printing("imported 3 of 3 rows");
    point
        .train(&["import", path_arg(&file)])
        .succeeds_printing("imported 0 of 3 rows (3 already present");
    let rows = exported_rows(&point);
    assert_eq!(rows.len(), 3);
    assert!(
        rows[0].contains(r#""г. Москва, ул. Тверская, д. 7, кв. ""12""""#),
        "address with comma and quotes survives: {}",
        rows[0]
    );
    assert!(rows[2].contains("Сидоров-Белый,Пётр,,1970-01-02"));
}

#[test]
fn export_import_export_round_trips() {
    let first = point_with_good_rows();
    let exported = first.path("out.csv");
    first
        .train(&["export", "--out", path_arg(&exported)])
        .assert()
        .success();

    let second = point_importing(&exported);
    let again = second.path("again.csv");
    second
        .train(&["export", "--out", path_arg(&again)])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&exported).expect("first export"),
        std::fs::read_to_string(&again).expect("second export")
    );
}

#[test]
fn a_bad_birth_date_rejects_the_whole_file() {
    let text = good_csv() + &row(10, 1, "1990-02-31", "100001");
    let err = refused_import(&Point::new(), "bad.csv", text);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("line 5") && err.contains("--skip-bad"),
        "{err}"
    );
}

#[test]
fn an_under_age_signer_rejects_the_whole_file() {
    let birth = (Utc::now().date_naive() - Duration::days(17 * 365)).to_string();
    let text = good_csv() + &row(11, 1, &birth, "100002");
    let err = refused_import(&Point::new(), "young.csv", text);
    assert!(err.contains("birth.under_18"), "{err}");
}

#[test]
fn skip_bad_imports_good_rows_and_writes_rejects() {
    let point = Point::new();
    let text = good_csv() + &row(12, 1, "31.02.1990", "100003");
    let file = point.write("mixed.csv", &text);
    let out = point
        .train(&["import", "--skip-bad", path_arg(&file)])
        .stdout_ok();
    assert!(
        out.contains("imported 3 of 4 rows") && out.contains("1 rejected"),
        "{out}"
    );
    assert_eq!(exported_rows(&point).len(), 3);
    let rejects = std::fs::read_to_string(point.path("mixed.rejected.csv")).expect("rejects file");
    let mut reader = csv::Reader::from_reader(rejects.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(header.iter().next_back(), Some("reason"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "0190a1b2-0000-7000-8000-000000000012");
    let reason = rows[0].iter().next_back().expect("reason");
    assert!(reason.contains("date.no_such_day"), "{reason}");
}

#[test]
fn a_wrong_header_is_one_line_error() {
    let text = "name,passport\nИванов,4506 123456\n";
    let err = refused_import(&Point::new(), "wrong.csv", text);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("sigdesk export"), "{err}");
}

#[test]
fn bad_utf8_is_refused() {
    // A full row whose surname is "Иванов" saved in Windows-1251, not UTF-8.
    let good = good_csv();
    let first_row = good.lines().nth(1).expect("a row");
    let (before, after) = first_row.split_once("Иванов").expect("surname");
    let mut bytes = format!("{HEADER}\n{before}").into_bytes();
    bytes.extend_from_slice(b"\xc8\xe2\xe0\xed\xee\xe2");
    bytes.extend_from_slice(format!("{after}\n").as_bytes());
    let err = refused_import(&Point::new(), "cp1251.csv", bytes);
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn a_short_row_is_refused() {
    let text = good_csv() + "0190a1b2-0000-7000-8000-000000000009,point-1,1,4,Коротков\n";
    let err = refused_import(&Point::new(), "short.csv", text);
    assert!(err.contains("fields"), "{err}");
}

#[test]
fn a_text_file_is_not_a_database() {
    let point = Point::new();
    let notes = point.write(
        "notes.txt",
        &"shopping list: milk, bread, 2 pens\n".repeat(40),
    );
    point
        .train_on(&notes, &["campaign", "show"])
        .fails_saying(1, "not a sigdesk database");
}

#[test]
fn a_database_in_a_missing_folder_is_refused() {
    let point = Point::new();
    let missing = point.path("no-such-folder").join("s.db");
    point
        .train_on(&missing, &["campaign", "show"])
        .fails_saying(1, "cannot open");
    let file = point.write("plain-file", "x");
    point
        .train_on(&file.join("s.db"), &["campaign", "show"])
        .assert()
        .code(1);
}

#[test]
fn a_database_in_a_read_only_folder_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let point = Point::new();
    let locked = point.path("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    if std::fs::write(locked.join("probe"), "x").is_ok() {
        // Running as root: permissions do not stop us, so there is nothing to test here.
        return;
    }
    point
        .train_on(&locked.join("s.db"), &["campaign", "show"])
        .fails_saying(1, "cannot open");
}

#[test]
fn check_passes_clean_data() {
    let point = point_with_good_rows();
    point
        .train(&["check"])
        .succeeds_printing("checked 3 valid entries: 0 defects");
}

#[test]
fn check_finds_signatures_after_the_window_and_exits_3() {
    let point = point_with_good_rows();
    point.set("window_end", &days_ago(10));
    let out = point.train(&["check"]).stdout_of(3);
    assert!(out.contains("checked 3 valid entries: 3 defects"), "{out}");
    assert!(out.contains("\nsigned.after_window (error): 3\n"), "{out}");
    for line in 1..=3 {
        assert!(
            out.contains(&format!("  point-1 sheet 1 line {line} (desk desk-1): ")),
            "line {line} named: {out}"
        );
    }
}

#[test]
fn export_for_spreadsheets_has_bom_and_semicolons() {
    let point = point_with_good_rows();
    let out = point
        .train(&["export", "--delimiter", ";", "--bom"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.starts_with("\u{feff}".as_bytes()), "starts with BOM");
    let text = String::from_utf8(out[3..].to_vec()).expect("utf-8");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(HEADER.replace(',', ";").as_str()));
    let first = lines.next().expect("a row");
    assert!(
        first.contains(";Иванов;Иван;Иванович;1985-05-15;internal_passport;4506;123456;77;"),
        "{first}"
    );
    assert!(first.contains(r#";"г. Москва, ул. Тверская, д. 7, кв. ""12""";"#));
}

#[test]
fn export_to_a_file_is_complete_and_leaves_no_temp_files() {
    let point = point_with_good_rows();
    let out_dir = point.path("exports");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let target = out_dir.join("day.csv");
    let err = point
        .train(&["export", "--out", path_arg(&target)])
        .stderr_of(0);
    assert!(
        err.contains("exported 3 entries") && err.contains("NOT encrypted"),
        "{err}"
    );
    let text = std::fs::read_to_string(&target).expect("export file");
    assert!(text.starts_with(&format!("{HEADER}\n")));
    assert!(text.ends_with('\n'));
    assert_eq!(text.lines().count(), 4);
    let names: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["day.csv".to_string()]);
}

#[test]
fn a_spreadsheet_export_imports_back() {
    let first = point_with_good_rows();
    let sheet = first.path("excel.csv");
    first
        .train(&[
            "export",
            "--delimiter",
            ";",
            "--bom",
            "--out",
            path_arg(&sheet),
        ])
        .assert()
        .success();
    let second = point_importing(&sheet);
    assert_eq!(exported_rows(&second), exported_rows(&first));
}
