//! The real `sigdesk` binary, run the way a shift lead runs it: campaign settings, export,
//! import, check, and the one-line errors of DESIGN.md §2.

use assert_cmd::Command;
use chrono::{Duration, Utc};
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The header of DESIGN.md §9, exactly.
const HEADER: &str = "id,origin,sheet,line,surname,given_name,patronymic,birth_date,doc_kind,doc_series,doc_number,region_code,region,abroad_country,address,signed_on,desk,operator,entered_at,status,void_reason";

/// A fresh temp dir with a database path inside it (the file is created on first use).
struct Desk {
    dir: TempDir,
}

impl Desk {
    fn new() -> Desk {
        Desk {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("s.db")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `sigdesk --db <tmp>/s.db ARGS`, in English, with no settings from the host.
    fn run(&self, args: &[&str]) -> Command {
        let mut cmd = bare_command(self.dir.path());
        cmd.arg("--db").arg(self.db()).args(args);
        cmd
    }

    fn stdout(&self, args: &[&str]) -> String {
        let out = self
            .run(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).expect("utf-8 stdout")
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write file");
        path
    }

    /// Data rows of `export` to stdout (header dropped).
    fn exported_rows(&self) -> Vec<String> {
        self.stdout(&["export"])
            .lines()
            .skip(1)
            .map(str::to_string)
            .collect()
    }
}

/// The binary with a clean environment: English messages, no `$SIGDESK_DB`.
fn bare_command(cwd: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sigdesk"));
    cmd.current_dir(cwd)
        .env_remove("SIGDESK_DB")
        .env_remove("LC_ALL")
        .env("LANG", "C.UTF-8")
        .env("SIGDESK_CONFIG_DIR", cwd.join("config"))
        .arg("--no-encrypt")
        .env("SIGDESK_LEAD_PIN", "2468");
    cmd
}

fn path_arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A date `days` before today, as ISO text.
fn days_ago(days: i64) -> String {
    (Utc::now().date_naive() - Duration::days(days)).to_string()
}

/// Three valid signers from Moscow (region 77, OKATO 45), signed three days ago.
fn good_csv() -> String {
    let signed = days_ago(3);
    format!(
        "{HEADER}\n\
         0190a1b2-0000-7000-8000-000000000001,point-1,1,1,Иванов,Иван,Иванович,1985-05-15,internal_passport,4506,123456,77,Москва,,\"г. Москва, ул. Тверская, д. 7, кв. \"\"12\"\"\",{signed},desk-1,Anna,2024-03-10T09:30:00Z,valid,\n\
         0190a1b2-0000-7000-8000-000000000002,point-1,1,2,Петрова,Мария,Сергеевна,1990-12-31,internal_passport,4511,654321,77,Москва,,\"г. Москва, Ленинский пр-т, д. 30\",{signed},desk-1,Anna,2024-03-10T09:35:12.250Z,valid,\n\
         0190a1b2-0000-7000-8000-000000000003,point-1,1,3,Сидоров-Белый,Пётр,,1970-01-02,internal_passport,4502,111222,77,Москва,,\"Москва, ул. Арбат, д. 1\",{signed},desk-1,Anna,2024-03-10T09:40:00+03:00,valid,\n"
    )
}

/// One more valid row with a given id, line and birth date.
fn row(id_tail: u32, line: u32, birth: &str, doc_number: &str) -> String {
    format!(
        "0190a1b2-0000-7000-8000-{id_tail:012},point-1,2,{line},Смирнов,Олег,Петрович,{birth},internal_passport,4507,{doc_number},77,Москва,,\"Москва, ул. Ленина, д. 5\",{signed},desk-2,Boris,2024-03-10T10:00:00Z,valid,\n",
        signed = days_ago(2)
    )
}

fn count_rows(desk: &Desk) -> usize {
    desk.exported_rows().len()
}

#[test]
fn help_exits_zero() {
    let desk = Desk::new();
    desk.run(&["--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("export"));
    desk.run(&["export", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--delimiter"));
}

#[test]
fn campaign_show_lists_the_region_cap() {
    let desk = Desk::new();
    desk.run(&["campaign", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("region_cap = 2500\n"));
}

#[test]
fn campaign_set_rejects_a_bad_number_in_one_line() {
    let desk = Desk::new();
    let out = desk
        .run(&["campaign", "set", "target", "abc"])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("utf-8");
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.contains("target") && err.contains("abc"), "{err}");
}

#[test]
fn campaign_set_election_date_round_trips() {
    let desk = Desk::new();
    desk.run(&["campaign", "set", "election_date", "2024-03-17"])
        .assert()
        .success()
        .stdout("election_date = 2024-03-17\n");
    desk.run(&["campaign", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("election_date = 2024-03-17\n"));
}

#[test]
fn export_of_an_empty_database_is_just_the_header() {
    let desk = Desk::new();
    desk.run(&["export"])
        .assert()
        .success()
        .stdout(format!("{HEADER}\n"));
}

#[test]
fn import_adds_good_rows_once() {
    let desk = Desk::new();
    let file = desk.write("good.csv", &good_csv());
    desk.run(&["import", path_arg(&file)])
        .assert()
        .success()
        .stdout(predicate::str::contains("imported 3 of 3 rows"));
    desk.run(&["import", path_arg(&file)])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "imported 0 of 3 rows (3 already present",
        ));
    let rows = desk.exported_rows();
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
    let first = Desk::new();
    let file = first.write("good.csv", &good_csv());
    first.run(&["import", path_arg(&file)]).assert().success();
    let exported = first.path("out.csv");
    first
        .run(&["export", "--out", path_arg(&exported)])
        .assert()
        .success();

    let second = Desk::new();
    second
        .run(&["import", path_arg(&exported)])
        .assert()
        .success()
        .stdout(predicate::str::contains("imported 3 of 3 rows"));
    let again = second.path("again.csv");
    second
        .run(&["export", "--out", path_arg(&again)])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&exported).expect("first export"),
        std::fs::read_to_string(&again).expect("second export")
    );
}

#[test]
fn a_bad_birth_date_rejects_the_whole_file() {
    let desk = Desk::new();
    let text = good_csv() + &row(10, 1, "1990-02-31", "100001");
    let file = desk.write("bad.csv", &text);
    let err = desk
        .run(&["import", path_arg(&file)])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).expect("utf-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("line 5") && err.contains("--skip-bad"),
        "{err}"
    );
    assert_eq!(count_rows(&desk), 0);
}

#[test]
fn an_under_age_signer_rejects_the_whole_file() {
    let desk = Desk::new();
    let birth = (Utc::now().date_naive() - Duration::days(17 * 365)).to_string();
    let text = good_csv() + &row(11, 1, &birth, "100002");
    let file = desk.write("young.csv", &text);
    desk.run(&["import", path_arg(&file)])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("birth.under_18"));
    assert_eq!(count_rows(&desk), 0);
}

#[test]
fn skip_bad_imports_good_rows_and_writes_rejects() {
    let desk = Desk::new();
    let text = good_csv() + &row(12, 1, "31.02.1990", "100003");
    let file = desk.write("mixed.csv", &text);
    desk.run(&["import", "--skip-bad", path_arg(&file)])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("imported 3 of 4 rows")
                .and(predicate::str::contains("1 rejected")),
        );
    assert_eq!(count_rows(&desk), 3);
    let rejects = std::fs::read_to_string(desk.path("mixed.rejected.csv")).expect("rejects file");
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
    let desk = Desk::new();
    let file = desk.write("wrong.csv", "name,passport\nИванов,4506 123456\n");
    let err = desk
        .run(&["import", path_arg(&file)])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).expect("utf-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("sigdesk export"), "{err}");
}

#[test]
fn bad_utf8_is_refused() {
    let desk = Desk::new();
    // A full row whose surname is "Иванов" saved in Windows-1251, not UTF-8.
    let good = good_csv();
    let first_row = good.lines().nth(1).expect("a row");
    let (before, after) = first_row.split_once("Иванов").expect("surname");
    let mut bytes = format!("{HEADER}\n{before}").into_bytes();
    bytes.extend_from_slice(b"\xc8\xe2\xe0\xed\xee\xe2");
    bytes.extend_from_slice(format!("{after}\n").as_bytes());
    let file = desk.path("cp1251.csv");
    std::fs::write(&file, bytes).expect("write");
    desk.run(&["import", path_arg(&file)])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("UTF-8"));
    assert_eq!(count_rows(&desk), 0);
}

#[test]
fn a_short_row_is_refused() {
    let desk = Desk::new();
    let text = good_csv() + "0190a1b2-0000-7000-8000-000000000009,point-1,1,4,Коротков\n";
    let file = desk.write("short.csv", &text);
    desk.run(&["import", path_arg(&file)])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("fields"));
    assert_eq!(count_rows(&desk), 0);
}

#[test]
fn a_text_file_is_not_a_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "shopping list: milk, bread, 2 pens\n".repeat(40)).expect("write");
    bare_command(dir.path())
        .arg("--db")
        .arg(&notes)
        .args(["campaign", "show"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a sigdesk database"));
}

#[test]
fn a_database_in_a_missing_folder_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    bare_command(dir.path())
        .arg("--db")
        .arg(dir.path().join("no-such-folder").join("s.db"))
        .args(["campaign", "show"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot open"));
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "x").expect("write");
    bare_command(dir.path())
        .arg("--db")
        .arg(file.join("s.db"))
        .args(["campaign", "show"])
        .assert()
        .code(1);
}

#[test]
fn a_database_in_a_read_only_folder_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    if std::fs::write(locked.join("probe"), "x").is_ok() {
        // Running as root: permissions do not stop us, so there is nothing to test here.
        return;
    }
    bare_command(dir.path())
        .arg("--db")
        .arg(locked.join("s.db"))
        .args(["campaign", "show"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot open"));
}

#[test]
fn check_passes_clean_data() {
    let desk = Desk::new();
    let file = desk.write("good.csv", &good_csv());
    desk.run(&["import", path_arg(&file)]).assert().success();
    desk.run(&["check"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "checked 3 valid entries: 0 defects",
        ));
}

#[test]
fn check_finds_signatures_after_the_window_and_exits_3() {
    let desk = Desk::new();
    let file = desk.write("good.csv", &good_csv());
    desk.run(&["import", path_arg(&file)]).assert().success();
    desk.run(&["campaign", "set", "window_end", &days_ago(10)])
        .assert()
        .success();
    let out = desk
        .run(&["check"])
        .assert()
        .code(3)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("utf-8");
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
    let desk = Desk::new();
    let file = desk.write("good.csv", &good_csv());
    desk.run(&["import", path_arg(&file)]).assert().success();
    let out = desk
        .run(&["export", "--delimiter", ";", "--bom"])
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
    let desk = Desk::new();
    let file = desk.write("good.csv", &good_csv());
    desk.run(&["import", path_arg(&file)]).assert().success();
    let out_dir = desk.path("exports");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let target = out_dir.join("day.csv");
    desk.run(&["export", "--out", path_arg(&target)])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("exported 3 entries")
                .and(predicate::str::contains("NOT encrypted")),
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
    let first = Desk::new();
    let file = first.write("good.csv", &good_csv());
    first.run(&["import", path_arg(&file)]).assert().success();
    let sheet = first.path("excel.csv");
    first
        .run(&[
            "export",
            "--delimiter",
            ";",
            "--bom",
            "--out",
            path_arg(&sheet),
        ])
        .assert()
        .success();
    let second = Desk::new();
    second
        .run(&["import", path_arg(&sheet)])
        .assert()
        .success()
        .stdout(predicate::str::contains("imported 3 of 3 rows"));
    assert_eq!(second.exported_rows(), first.exported_rows());
}
