//! The desk and `import` asking HQ (DESIGN.md §10): a document signed at another point is
//! a `dup.document` error naming the point and the date, the same person a `dup.person`
//! warning; without an answer the form says "HQ check pending" and the save goes ahead.
//! The top line and the boards show the HQ state; nothing changes without an HQ.

use crate::common::cli::{Output, path_arg, signers_csv};
use crate::common::db::fixed_now;
use crate::common::desk::{Desk, IVANOV, Signer, fresh_desk};
use crate::common::hq::TestHq;
use crate::common::render::{screen_lines, screen_text, terminal};
use chrono::Duration;
use sigdesk::domain::board::{BoardData, DefectCount, EntryStamp};
use sigdesk::domain::hq::LinkState;
use sigdesk::domain::{Campaign, Severity};
use sigdesk::tui::form::HqCheck;
use sigdesk::tui::hq_board::{HqBoardData, apply, draw, hq_board_model};
use sigdesk::tui::msg::Msg;

#[test]
fn a_signer_of_another_point_is_caught_at_the_desk() {
    let Some(hq) = TestHq::new("desk_duplicate") else {
        return;
    };
    let secret = hq.init();
    let london = hq.point("London", &secret);
    let mut desk = Desk::signed_in(&london.db(), "d1", "Anna");
    desk.save_signer(&IVANOV);
    drop(desk);
    london.sync_once().assert().success();
    let berlin = hq.point("Berlin", &secret);
    let mut desk = Desk::signed_in(&berlin.db(), "d1", "Boris");
    desk.fill(&IVANOV);
    assert!(desk.finding_codes().contains(&"dup.document"));
    desk.assert_shows("already signed at point London, 10.03");
    desk.ctrl('s');
    desk.ctrl('s');
    assert_eq!(desk.totals(), (0, 0), "an error blocks the save");
    // The same person with another document: a warning, saved on the second Ctrl-S.
    // One Esc asks to erase the typed signer, Enter says yes.
    desk.press(ratatui::crossterm::event::KeyCode::Esc);
    desk.press(ratatui::crossterm::event::KeyCode::Enter);
    let other_passport = Signer {
        document: "4506 999999",
        ..IVANOV
    };
    desk.fill(&other_passport);
    assert_eq!(desk.finding_codes(), ["dup.person"]);
    let shown = screen_text(&desk.model, 120, 40);
    assert!(
        shown.contains("same name+birth date signed at point London, 10.03"),
        "{shown}"
    );
    desk.ctrl('s');
    desk.ctrl('s');
    desk.assert_status("Saved");
    assert_eq!(desk.totals(), (1, 0));
}

#[test]
fn without_an_answer_the_check_is_pending_and_the_save_goes_ahead() {
    let Some(hq) = TestHq::new("desk_pending") else {
        return;
    };
    let secret = hq.init();
    let point = hq.point("Perm", &secret);
    // HQ moved away: nothing answers at the stored address.
    point.set("hq_url", "postgresql://x@127.0.0.1:1/x");
    let mut desk = Desk::signed_in(&point.db(), "d1", "Anna");
    desk.fill(&IVANOV);
    assert!(matches!(desk.model.form.hq, HqCheck::Pending { .. }));
    let shown = screen_text(&desk.model, 80, 24);
    assert!(shown.contains("HQ check pending"), "{shown}");
    desk.ctrl('s');
    desk.assert_status("Saved");
    assert_eq!(desk.totals(), (1, 0));
    // An answer slower than 2 s: pending once the clock passes it.
    let keys = sigdesk::domain::checks::LookupKeys::default();
    let asked = desk.model.now;
    desk.model.form.hq = HqCheck::Asked { keys, at: asked };
    desk.send(Msg::Tick(asked + Duration::milliseconds(1900)));
    assert!(matches!(desk.model.form.hq, HqCheck::Asked { .. }));
    desk.send(Msg::Tick(asked + Duration::milliseconds(2000)));
    assert!(matches!(desk.model.form.hq, HqCheck::Pending { .. }));
}

#[test]
fn the_top_line_and_the_board_show_the_hq_state_and_nothing_without_one() {
    let (_dir, mut desk) = fresh_desk();
    let top =
        |desk: &Desk| screen_lines(&crate::common::render::draw(&desk.model, 80, 24))[0].clone();
    assert!(!top(&desk).contains("HQ"), "{}", top(&desk));
    let now = fixed_now();
    desk.model.hq = Some(LinkState::default());
    assert!(top(&desk).contains("HQ not synced yet"), "{}", top(&desk));
    desk.model.hq = Some(LinkState {
        last_good: Some(now - Duration::seconds(190)),
        ..LinkState::default()
    });
    assert!(top(&desk).contains("HQ 3 min ago"), "{}", top(&desk));
    desk.model.hq = Some(LinkState {
        last_good: Some(now - Duration::minutes(20)),
        offline_since: Some(now - Duration::minutes(14)),
        last_error: "HQ at x does not answer".into(),
    });
    assert!(top(&desk).contains("HQ offline 14 min"), "{}", top(&desk));
    desk.press(ratatui::crossterm::event::KeyCode::F(5));
    let board = screen_text(&desk.model, 120, 40);
    assert_eq!(board.matches("HQ offline 14 min").count(), 2, "{board}");
}

#[test]
fn import_rejects_documents_signed_at_another_point() {
    let Some(hq) = TestHq::new("import_duplicates") else {
        return;
    };
    let secret = hq.init();
    let london = hq.point("London", &secret);
    london
        .import_text("signers.csv", &signers_csv(0, 4))
        .assert()
        .success();
    london.sync_once().assert().success();
    let berlin = hq.point("Berlin", &secret);
    // The same passports under other ids, and one new signer.
    let copies = signers_csv(0, 5).replace("-8000-", "-9000-");
    berlin
        .import_text("copies.csv", &copies)
        .fails_saying(1, "already signed at point London");
    let file = berlin.write("copies.csv", &copies);
    let said = berlin
        .train(&["import", "--skip-bad", path_arg(&file)])
        .stdout_ok();
    assert!(said.contains("imported 1 of 5 rows"), "{said}");
    let rejects = std::fs::read_to_string(berlin.path("copies.rejected.csv")).unwrap();
    assert_eq!(
        rejects
            .matches("dup.document: already signed at point London")
            .count(),
        4
    );
    // HQ away: the rows go in, and the import says they were not checked.
    berlin.set("hq_url", "postgresql://x@127.0.0.1:1/x");
    let more = signers_csv(20, 2).replace("-8000-", "-9000-");
    let err = berlin.import_text("more.csv", &more).stderr_of(0);
    assert!(err.contains("2 rows were not checked"), "{err}");
}

/// HQ's board with three points, two regions and two findings.
fn hq_board_figures() -> HqBoardData {
    let now = fixed_now();
    let mut campaign = Campaign::defaults().unwrap();
    campaign.point = "HQ".into();
    campaign.timezone = "UTC".into();
    campaign.region_cap = 40;
    let stamp = |point: &str, minutes: i64| EntryStamp {
        desk: point.into(),
        operator: String::new(),
        entered_at: now - Duration::minutes(minutes),
        valid: true,
    };
    let mut today = Vec::new();
    for m in 0..12 {
        today.push(stamp("London", 5 * m));
        today.push(stamp("Berlin", 7 * m + 2));
    }
    today.push(stamp("Tbilisi", 300));
    HqBoardData {
        campaign,
        data: BoardData {
            region_counts: [("77".to_string(), 38), ("78".to_string(), 12)].into(),
            today,
        },
        findings: vec![
            DefectCount {
                code: "dup.document".into(),
                severity: Severity::Error,
                count: 2,
            },
            DefectCount {
                code: "point.silent".into(),
                severity: Severity::Warning,
                count: 1,
            },
        ],
    }
}

#[test]
fn hq_board_has_the_point_boards_look() {
    let regions = crate::common::db::regions().clone();
    let campaign = hq_board_figures().campaign;
    let mut model = hq_board_model(sigdesk::i18n::Lang::En, campaign, regions, fixed_now());
    apply(&mut model, Ok(hq_board_figures()), fixed_now());
    for (width, height) in [(80, 24), (120, 40)] {
        let mut screen = terminal(width, height);
        screen.draw(|f| draw(f, &model)).unwrap();
        insta::assert_snapshot!(format!("hq_board_{width}x{height}"), screen.backend());
    }
    apply(
        &mut model,
        Err("HQ at x does not answer".into()),
        fixed_now(),
    );
    let mut screen = terminal(80, 24);
    screen.draw(|f| draw(f, &model)).unwrap();
    let lines = screen_lines(&screen).join("\n");
    assert!(lines.contains("HQ at x does not answer"), "{lines}");
}
