//! Issue 16: `import` streams its file through a scratch database and `check` streams its
//! report, with the same all-or-nothing import, the same messages and the same report as
//! before, and no scratch file left behind.

use crate::common::cli::{HEADER, Output, Point, days_ago, path_arg, signers_csv};

/// Files in the point's folder whose name says they are sigdesk scratch files.
fn scratch_files(point: &Point) -> Vec<String> {
    std::fs::read_dir(point.dir.path())
        .expect("read folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("scratch"))
        .collect()
}

/// Valid entries exported (header dropped).
fn exported(point: &Point) -> usize {
    point.train(&["export"]).stdout_ok().lines().skip(1).count()
}

/// One row of point-9 with the given id number, sheet line, names, birth date and document.
fn signer_row(n: u32, surname: &str, birth: &str, number: &str) -> String {
    format!(
        "0190a1b2-0000-7000-8000-{n:012},point-9,{sheet},{line},{surname},Анна,Сергеевна,{birth},internal_passport,4506,{number},77,Москва,,\"г. Москва, ул. Тверская, д. 7\",{signed},desk-1,Anna,2024-03-10T09:30:00Z,valid,\n",
        sheet = 900 + n / 10,
        line = n % 10 + 1,
        signed = days_ago(3),
    )
}

#[test]
fn a_rejected_row_late_in_a_big_file_leaves_nothing_and_no_scratch_file() {
    let point = Point::training();
    let mut text = signers_csv(1, 3000);
    text.push_str(&signer_row(5000, "Поздняя", "1990-02-31", "812345"));
    let file = point.write("late.csv", &text);
    let err = point.train(&["import", path_arg(&file)]).stderr_of(1);
    assert!(
        err.contains("line 3002") && err.contains("--skip-bad"),
        "{err}"
    );
    assert_eq!(exported(&point), 0, "all or nothing");
    assert_eq!(scratch_files(&point), Vec::<String>::new());
    point
        .train(&["import", "--skip-bad", path_arg(&file)])
        .succeeds_printing("imported 3000 of 3001 rows");
    assert_eq!(exported(&point), 3000);
    assert_eq!(scratch_files(&point), Vec::<String>::new());
}

#[test]
fn a_document_or_an_id_twice_in_one_file_is_caught_with_its_row_number() {
    let point = Point::training();
    let text = format!(
        "{HEADER}\n{}{}{}",
        signer_row(1, "Орлова", "1980-02-01", "811111"),
        signer_row(2, "Соколова", "1981-03-02", "811111"),
        signer_row(1, "Орлова", "1980-02-01", "822222").replace(",900,2,", ",900,3,"),
    );
    let file = point.write("twice.csv", &text);
    let err = point.train(&["import", path_arg(&file)]).stderr_of(1);
    assert!(err.contains("2 of 3 rows"), "{err}");
    assert!(err.contains("line 3: dup.document"), "{err}");
    point
        .train(&["import", "--skip-bad", path_arg(&file)])
        .succeeds_printing("imported 1 of 3 rows");
    let rejects = std::fs::read_to_string(point.path("twice.rejected.csv")).expect("rejects file");
    assert!(rejects.contains("line 3: dup.document"), "{rejects}");
    assert!(
        rejects.contains("line 4: id 0190a1b2-0000-7000-8000-000000000001 appears twice"),
        "{rejects}"
    );
    assert_eq!(scratch_files(&point), Vec::<String>::new());
}

#[test]
fn an_encrypted_import_and_check_leave_no_scratch_file() {
    let point = Point::encrypted();
    point.import_signers("enc.csv", 1, 50);
    point.run(&["check"]).assert().code(0);
    point.run(&["check", "--json"]).assert().code(0);
    assert_eq!(scratch_files(&point), Vec::<String>::new());
}

/// A small database with defects of four codes: two people entered twice with other
/// documents (`dup.person` on all four), old passport blanks, and every signature after
/// the window's end.
fn defective_point() -> Point {
    let point = Point::training();
    let text = format!(
        "{HEADER}\n{}{}{}{}{}",
        signer_row(1, "Орлова", "1980-02-01", "811111"),
        signer_row(2, "Соколова", "1981-03-02", "811112"),
        signer_row(3, "Орлова", "1980-02-01", "811113"),
        signer_row(4, "Соколова", "1981-03-02", "811114"),
        signer_row(5, "Юная", "1999-03-02", "811115"),
    );
    let file = point.write("defects.csv", &text);
    point.train(&["import", path_arg(&file)]).assert().success();
    point
        .train(&["campaign", "set", "election_date", "2017-03-02"])
        .assert()
        .success();
    point
        .train(&["campaign", "set", "window_end", &days_ago(10)])
        .assert()
        .success();
    point
}

/// `YYYY-MM-DD` as the report writes a date, `DD.MM.YYYY`.
fn dotted(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    format!("{}.{}.{}", parts[2], parts[1], parts[0])
}

#[test]
fn check_groups_defects_by_code_in_save_order() {
    let point = defective_point();
    let out = point.train(&["check"]).stdout_of(3);
    let closed = dotted(&days_ago(10));
    let expired = "probably expired (blank of 2006, not replaced at 45): ask for the new one";
    let same = "same name+birth date: sheet 900 line";
    let at = "point-9 desk desk-1, 10.03 09:30 UTC";
    let after = format!("signed after collection closed on {closed}; check the date");
    let mut expected =
        String::from("checked 5 valid entries: 14 defects\n\ndoc.passport_expired (warning): 4\n");
    for line in 2..=5 {
        expected += &format!("  point-9 sheet 900 line {line} (desk desk-1): {expired}\n");
    }
    expected += "\ndoc.series_before_14 (warning): 1\n  point-9 sheet 900 line 6 (desk desk-1): \
                 blank made in 2006, holder turned 14 in 2013; check series and birth date\n";
    expected += "\ndup.person (warning): 4\n";
    for (line, other) in [(2, 4), (3, 5), (4, 2), (5, 3)] {
        expected +=
            &format!("  point-9 sheet 900 line {line} (desk desk-1): {same} {other}, {at}\n");
    }
    expected += "\nsigned.after_window (error): 5\n";
    for line in 2..=6 {
        expected += &format!("  point-9 sheet 900 line {line} (desk desk-1): {after}\n");
    }
    let (report, chain) = out.split_at(out.find("audit log:").expect("chain line"));
    assert_eq!(report, expected);
    assert!(
        chain.starts_with("audit log: 4 events, chain ok"),
        "{chain}"
    );
}

#[test]
fn check_json_parses_and_agrees_with_the_text() {
    let point = defective_point();
    let text = point.train(&["check", "--json"]).stdout_of(3);
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["checked"], 5);
    assert_eq!(
        json["sheets_checked"], 0,
        "imported lines open no sheet here"
    );
    let defects = json["defects"].as_array().expect("defects");
    assert_eq!(defects.len(), 14);
    let codes: Vec<&str> = defects
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted, "by code");
    assert_eq!(json["by_code"]["dup.person"], 4);
    assert_eq!(json["by_code"]["signed.after_window"], 5);
    assert!(json["audit_chain"]["broken"].is_null());
}

#[test]
fn check_of_many_findings_lists_every_one() {
    let point = Point::training();
    point.train_signers(1, 1200);
    point
        .train(&["campaign", "set", "window_end", &days_ago(10)])
        .assert()
        .success();
    let out = point.train(&["check"]).stdout_of(3);
    assert!(
        out.contains("\nsigned.after_window (error): 1200\n"),
        "{out}"
    );
    let block = out
        .split("\nsigned.after_window (error): 1200\n")
        .nth(1)
        .expect("the block");
    assert_eq!(
        block
            .lines()
            .take_while(|l| l.starts_with("  point-9 sheet"))
            .count(),
        1200
    );
    let json = point.train(&["check", "--json"]).stdout_of(3);
    let json: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(json["by_code"]["signed.after_window"], 1200);
    assert_eq!(scratch_files(&point), Vec::<String>::new());
}
