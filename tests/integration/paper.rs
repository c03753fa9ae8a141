//! The paper check and the protocol through the real binary on a demo day: a sample of
//! 400 with 40 findings planted by `paper mark` gives the share a hand calculation gives,
//! the lead PIN guards drawing and marking, and the protocol keeps to a small cap.

use crate::common::cli::{LEAD_PIN, Output, Point};
use crate::common::db::{lead, open_store};
use chrono::Utc;
use serde_json::Value;
use sigdesk::domain::paper::PaperCode;

/// A point with a demo day of 600 signers (every line valid, every sheet but
/// Kaliningrad's certified).
fn demo_point() -> Point {
    let point = Point::new();
    point
        .train(&["demo", "--signers", "600", "--day", "2024-03-10"])
        .assert()
        .success();
    point
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

/// The 95% Wilson score interval worked out by hand: centre (p + z²/2n) / (1 + z²/n),
/// half-width z·√(p(1−p)/n + z²/4n²) / (1 + z²/n), z = 1.959964.
fn wilson_by_hand(invalid: f64, n: f64) -> (f64, f64) {
    let z: f64 = 1.959_964;
    let p = invalid / n;
    let denominator = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denominator;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denominator;
    (centre - half, centre + half)
}

#[test]
fn forty_findings_in_a_sample_of_400_give_the_hand_calculated_share() {
    let point = demo_point();
    point
        .train(&["paper", "sample", "--size", "400", "--seed", "7"])
        .succeeds_printing("drew 400 of 600 valid lines not yet sampled (seed 7)");
    let list = json(&point.train(&["paper", "list", "--json"]).stdout_ok());
    let lines = list.as_array().expect("array");
    assert_eq!(lines.len(), 400);
    let codes = [
        "paper.date_not_own_hand",
        "date_not_own_hand",
        "paper.name_not_own_hand",
        "paper.data_mismatch",
    ];
    // 40 findings typed by the lead on the command line: every tenth line.
    for (i, line) in lines.iter().enumerate().filter(|(i, _)| i % 10 == 0) {
        let (sheet, row) = (line["sheet"].to_string(), line["line"].to_string());
        let code = codes[i / 10 % codes.len()];
        point
            .train(&["paper", "mark", &sheet, &row, code])
            .succeeds_printing(&format!("sheet {sheet} line {row}: "));
    }
    // The other 360 are fine on paper (marked through the library: 360 processes are slow).
    let mut store = open_store(&point.db());
    for line in lines
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 10 != 0)
        .map(|(_, l)| l)
    {
        let id = line["entry_id"].as_str().expect("id");
        store
            .mark_paper_line(id, PaperCode::Ok, "", &lead(), Utc::now())
            .expect("mark");
    }
    let report = json(&point.train(&["paper", "report", "--json"]).stdout_ok());
    assert_eq!(report["sampled"], 400);
    assert_eq!(report["checked"], 400);
    assert_eq!(report["unchecked"], 0);
    assert_eq!(report["invalid"], 40);
    assert_eq!(
        report["by_code"],
        json(
            r#"{"paper.data_mismatch": 10, "paper.date_not_own_hand": 20,
                "paper.name_not_own_hand": 10}"#
        ),
        "no machine error on a clean demo day"
    );
    let number = |key: &str| report[key].as_f64().expect(key);
    let (low, high) = wilson_by_hand(40.0, 400.0);
    assert!((number("share") - 0.1).abs() < 1e-12);
    assert!((number("low") - low).abs() < 1e-6, "{report}");
    assert!((number("high") - high).abs() < 1e-6, "{report}");
    assert!((number("low") - 0.0743).abs() < 5e-5 && (number("high") - 0.1333).abs() < 5e-5);
    assert_eq!(report["cec_sample"], 60_000);
    assert_eq!(report["refusal_threshold"], 3_000);
    assert!((number("refusal_probability") - 0.999_983_800_547_644).abs() < 1e-9);
    let desks = report["desks"].as_array().expect("desks");
    let checked: u64 = desks
        .iter()
        .map(|d| d["checked"].as_u64().expect("n"))
        .sum();
    assert_eq!(checked, 400);
    let text = point.train(&["paper", "report"]).stdout_ok();
    assert!(
        text.contains("Invalid: 40 of 400 = 10.0% (95% interval 7.4–13.3%)"),
        "{text}"
    );
    assert!(text.contains("Probability of refusal: > 99.9%"), "{text}");
    let stats = json(&point.train(&["stats", "--json"]).stdout_ok());
    assert_eq!(stats["paper"]["checked"], 400);
    assert_eq!(stats["paper"]["invalid"], 40);
}

#[test]
fn drawing_and_marking_need_the_lead_pin_and_are_logged() {
    let point = demo_point();
    point
        .bare(&["--no-encrypt", "paper", "sample", "--size", "5"])
        .assert()
        .code(1);
    let mut wrong = point.bare(&["--no-encrypt", "paper", "sample", "--size", "5"]);
    wrong
        .env("SIGDESK_LEAD_PIN", "0000")
        .fails_saying(1, "lead PIN");
    point
        .train(&["paper", "list"])
        .succeeds_printing("no sample yet: sigdesk paper sample --size 400");
    point
        .train(&["paper", "report"])
        .succeeds_printing("No line checked yet, so no forecast");
    point
        .train(&["paper", "sample", "--size", "5", "--seed", "1"])
        .assert()
        .success();
    let list = json(&point.train(&["paper", "list", "--json"]).stdout_ok());
    let (sheet, line) = (list[0]["sheet"].to_string(), list[0]["line"].to_string());
    let mark = |args: &[&str]| {
        let mut cmd = point.bare(&["--no-encrypt", "paper", "mark", &sheet, &line]);
        cmd.args(args);
        cmd
    };
    mark(&["ok"]).fails_saying(1, "lead PIN");
    mark(&["forged"])
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .fails_saying(
            1,
            "`forged` is not a paper code; use one of: ok, paper.date_not_own_hand",
        );
    mark(&["other"])
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .fails_saying(1, "paper.other needs a note");
    mark(&["paper.other", "--note", "карандаш"])
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .succeeds_printing(&format!("sheet {sheet} line {line}: paper.other"));
    mark(&["ok"])
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .succeeds_printing("paper.other");
    point
        .train(&["paper", "mark", "999", "1", "ok"])
        .fails_saying(1, "sheet 999 line 1 is not in the paper sample");
    let table = point.train(&["paper", "list"]).stdout_ok();
    assert!(table.starts_with("#  sheet  line  point  desk"), "{table}");
    assert_eq!(table.matches("not checked").count(), 4, "{table}");
    let audit = point.train(&["audit"]).stdout_ok();
    assert_eq!(audit.matches("paper_sample").count(), 1, "{audit}");
    assert_eq!(audit.matches("paper_mark").count(), 2, "{audit}");
}

#[test]
fn the_paper_commands_need_an_existing_database() {
    let point = Point::new();
    point
        .train(&["paper", "report"])
        .fails_saying(1, "no database");
    point.train(&["protocol"]).fails_saying(1, "no database");
    assert!(!point.db().exists());
}

#[test]
fn the_protocol_never_passes_a_cap_and_lists_what_is_left_out() {
    let point = demo_point();
    point.set("region_cap", "40");
    point.set("abroad_cap", "20");
    let out = point.path("protocol.json");
    let note = point
        .train(&["protocol", "--json", "--out", out.to_str().expect("path")])
        .stderr_of(0);
    assert!(note.contains("protocol written to"), "{note}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&out).expect("file").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let p = json(&std::fs::read_to_string(&out).expect("read"));
    let regions = p["regions"].as_array().expect("regions");
    let mut total = 0;
    for r in regions {
        let cap = if r["region_code"] == "abroad" { 20 } else { 40 };
        let signatures = r["signatures"].as_u64().expect("n");
        assert!(signatures <= cap, "{r}");
        let sheets: u64 = r["submitted"]
            .as_array()
            .expect("sheets")
            .iter()
            .map(|s| s["signatures"].as_u64().expect("n"))
            .sum();
        assert_eq!(sheets, signatures);
        total += signatures;
    }
    assert_eq!(p["signatures"], total);
    let left = p["left_out"].as_array().expect("left out");
    let over: Vec<&Value> = left.iter().filter(|l| l["reason"] == "over_cap").collect();
    assert!(
        over.iter().any(|l| l["region_code"] == "77"),
        "Moscow is over its cap"
    );
    assert!(
        left.iter()
            .any(|l| l["region_code"] == "39" && l["reason"] == "uncertified"),
        "Kaliningrad's collector is not listed"
    );
    let moscow = regions
        .iter()
        .find(|r| r["region_code"] == "77")
        .expect("77");
    assert_eq!(moscow["cap"], 40);
    let text = point.train(&["protocol"]).stdout_ok();
    assert!(text.starts_with("Protocol of point demo on "), "{text}");
    assert!(text.contains("over the region's cap"), "{text}");
    assert!(text.contains("not certified by a collector"), "{text}");
    let ru = point.train(&["--lang", "ru", "protocol"]).stdout_ok();
    assert!(ru.contains("сверх предела субъекта"), "{ru}");
}
