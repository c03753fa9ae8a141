//! Table tests of the board figures, with expectations computed by hand.

use super::*;
use crate::domain::queue::{DeskQueueFigures, queue_figures};
use chrono::{NaiveDate, TimeZone};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 10).unwrap()
}

/// `HH:MM` UTC on 2024-03-10.
fn at(time: &str) -> DateTime<Utc> {
    let t = chrono::NaiveTime::parse_from_str(time, "%H:%M").unwrap();
    Utc.from_utc_datetime(&day().and_time(t))
}

fn stamp(desk: &str, operator: &str, time: &str, valid: bool) -> EntryStamp {
    EntryStamp {
        desk: desk.into(),
        operator: operator.into(),
        entered_at: at(time),
        valid,
    }
}

fn valid(times: &[&str]) -> Vec<EntryStamp> {
    times.iter().map(|t| stamp("A", "op", t, true)).collect()
}

fn campaign() -> Campaign {
    let mut c = Campaign::defaults().unwrap();
    c.target = 100;
    c.region_cap = 2500;
    c.abroad_cap = 1000;
    c
}

fn counts(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
    pairs.iter().map(|(c, n)| (c.to_string(), *n)).collect()
}

/// The board at `now` (`HH:MM`) of the test campaign, with an empty queue.
fn figures_at(data: &BoardData, now: &str) -> BoardFigures {
    let queue = queue_figures(&[], day(), at(now));
    board_figures(&campaign(), data, &queue, at(now))
}

#[test]
fn day_bounds_follow_the_point_timezone() {
    let utc = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    #[rustfmt::skip]
    let rows = [
        // Moscow is UTC+3 all year.
        ("Europe/Moscow", date(2024, 3, 10), "2024-03-09T21:00:00Z", "2024-03-10T21:00:00Z"),
        ("UTC", date(2024, 3, 10), "2024-03-10T00:00:00Z", "2024-03-11T00:00:00Z"),
        // Berlin's clocks go forward on 31 March: a 23-hour day.
        ("Europe/Berlin", date(2024, 3, 31), "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z"),
        // Santiago skips midnight on 8 September 2024: that day starts at 01:00 (UTC-3).
        ("America/Santiago", date(2024, 9, 7), "2024-09-07T04:00:00Z", "2024-09-08T04:00:00Z"),
    ];
    for (zone, day, start, end) in rows {
        let mut c = campaign();
        c.timezone = zone.into();
        assert_eq!(day_bounds(&c, day), (utc(start), utc(end)), "{zone} {day}");
    }
}

#[test]
fn totals_pace_and_time_to_target() {
    // (case, valid counters, today's stamps, now, valid_last_hour, rate, eta)
    type Row = (
        &'static str,
        u32,
        Vec<EntryStamp>,
        &'static str,
        u32,
        Option<f64>,
        Option<u64>,
    );
    let mut mixed = valid(&["10:00", "11:10", "11:20", "11:40"]);
    mixed.push(stamp("A", "op", "11:30", false));
    #[rustfmt::skip]
    let rows: Vec<Row> = vec![
        // 3 in the last hour, the day is 2 h old: 3/h; 60 left → 20 h.
        ("a full hour", 40, mixed, "12:00", 3, Some(3.0), Some(72_000)),
        // First save 5 min ago: the pace is taken over 15 min: 3 × 4 = 12/h; 100 / 12 h.
        ("day just started", 0, valid(&["11:55", "11:56", "11:58"]), "12:00", 3, Some(12.0), Some(30_000)),
        // First save 30 min ago: 4 in 30 min = 8/h; 92 left → 11.5 h.
        ("half an hour", 8, valid(&["11:30", "11:45", "11:50", "11:59"]), "12:00", 4, Some(8.0), Some(41_400)),
        // Nothing in the last hour: 3 over the 4 h since 08:00 = 0.75/h; 3 left → 4 h.
        ("quiet hour", 97, valid(&["08:00", "09:00", "10:30"]), "12:00", 0, Some(0.75), Some(14_400)),
        // A save exactly an hour ago is out of the last hour.
        ("hour edge", 50, valid(&["11:00"]), "12:00", 0, Some(1.0), Some(180_000)),
        ("only voided today", 10, vec![stamp("A", "op", "11:00", false)], "12:00", 0, None, None),
        ("target reached", 120, vec![], "12:00", 0, None, Some(0)),
        // A desk clock ahead of ours: the save counts as just now, over 15 min.
        ("clock ahead", 0, valid(&["12:05"]), "12:00", 1, Some(4.0), Some(90_000)),
    ];
    for (case, total, today, now, last_hour, rate, eta) in rows {
        let data = BoardData {
            region_counts: counts(&[("77", total)]),
            today,
        };
        let t = figures_at(&data, now).totals;
        assert_eq!(t.valid_total, u64::from(total), "{case}");
        assert_eq!(
            t.remaining,
            100u64.saturating_sub(u64::from(total)),
            "{case}"
        );
        assert_eq!(t.valid_last_hour, last_hour, "{case}");
        assert_eq!(t.rate_per_hour, rate, "{case}");
        assert_eq!(t.eta_secs, eta, "{case}");
    }
}

#[test]
fn totals_count_valid_and_voided_saves_of_today() {
    let today = vec![
        stamp("A", "op", "09:00", true),
        stamp("B", "op", "09:05", false),
        stamp("B", "op", "09:10", true),
    ];
    let data = BoardData {
        region_counts: counts(&[("77", 30), ("50", 20), ("abroad", 5)]),
        today,
    };
    let t = figures_at(&data, "09:30").totals;
    assert_eq!((t.valid_total, t.valid_today, t.voided_today), (55, 2, 1));
    assert!((t.share() - 0.55).abs() < 1e-9);
}

#[test]
fn regions_are_sorted_by_count_with_their_cap_level() {
    let data = BoardData {
        region_counts: counts(&[
            ("01", 2249),
            ("02", 2250),
            ("03", 2499),
            ("77", 2500),
            ("78", 2600),
            ("50", 0),
            ("abroad", 900),
        ]),
        today: vec![],
    };
    let regions = figures_at(&data, "09:00").regions;
    let got: Vec<(&str, u32, u32, CapLevel)> = regions
        .iter()
        .map(|r| (r.code.as_str(), r.valid, r.cap, r.level))
        .collect();
    assert_eq!(
        got,
        [
            ("78", 2600, 2500, CapLevel::Reached),
            ("77", 2500, 2500, CapLevel::Reached),
            ("03", 2499, 2500, CapLevel::Near),
            ("02", 2250, 2500, CapLevel::Near),
            ("01", 2249, 2500, CapLevel::Below),
            // 900 of the abroad cap of 1000 is 90 %.
            ("abroad", 900, 1000, CapLevel::Near),
        ]
    );
}

#[test]
fn desks_speed_operator_and_ticket() {
    let today = vec![
        stamp("A", "Оля", "11:00", true),
        stamp("A", "Оля", "11:02", true),
        stamp("B", "Коля", "11:55", true),
        stamp("A", "Оля", "11:05", false),
        stamp("A", "Петя", "11:30", true),
        stamp("A", "Петя", "11:31", true),
    ];
    let mut queue = queue_figures(&[], day(), at("12:00"));
    let in_queue = |desk: &str, serving: Option<u32>, active: bool| DeskQueueFigures {
        desk: desk.into(),
        serving,
        served_today: 0,
        served_last_hour: 0,
        avg_service_secs: None,
        last_call: None,
        active,
    };
    queue.desks = vec![in_queue("A", Some(17), true), in_queue("C", None, false)];
    let data = BoardData {
        region_counts: BTreeMap::new(),
        today,
    };
    let desks = board_figures(&campaign(), &data, &queue, at("12:00")).desks;
    let row =
        |desk: &str, operator: Option<&str>, last_hour, avg, today, serving, active| DeskFigures {
            desk: desk.into(),
            operator: operator.map(String::from),
            signers_last_hour: last_hour,
            avg_secs_per_signer: avg,
            entries_today: today,
            serving,
            active,
        };
    assert_eq!(
        desks,
        [
            // Gaps 120, 180 and 60 s; the 25-minute gap is a pause. 11:00 is not in the
            // last hour at 12:00. Last save 29 min ago, but it serves ticket 17.
            row("A", Some("Петя"), 3, Some(120), 4, Some(17), true),
            // One save: no gap yet; saved 5 min ago.
            row("B", Some("Коля"), 1, None, 1, None, true),
            // Only in the queue figures.
            row("C", None, 0, None, 0, None, false),
        ]
    );
}

#[test]
fn defects_are_tallied_errors_first_then_by_count() {
    let findings = [
        ("name.layout", Severity::Warning),
        ("region.cap", Severity::Warning),
        ("birth.under_18", Severity::Error),
        ("name.layout", Severity::Warning),
        ("address.no_house", Severity::Warning),
        ("region.cap", Severity::Warning),
        ("name.layout", Severity::Warning),
    ];
    let got: Vec<(String, Severity, u32)> = tally_defects(findings)
        .into_iter()
        .map(|d| (d.code, d.severity, d.count))
        .collect();
    let want = [
        ("birth.under_18", Severity::Error, 1),
        ("name.layout", Severity::Warning, 3),
        ("region.cap", Severity::Warning, 2),
        ("address.no_house", Severity::Warning, 1),
    ];
    let want: Vec<(String, Severity, u32)> = want
        .into_iter()
        .map(|(c, s, n)| (c.to_string(), s, n))
        .collect();
    assert_eq!(got, want);
    assert!(tally_defects([]).is_empty());
}

#[test]
fn time_per_signer_reads_as_minutes_and_seconds() {
    assert_eq!(min_sec(0), "0:00");
    assert_eq!(min_sec(204), "3:24");
}
