//! The Paper check screen driven by keys through the real update loop and store: the lead
//! PIN opens it, five keys mark five lines, the report and the board show them.

use crate::common::assert_frames;
use crate::common::cli::LEAD_PIN;
use crate::common::db::{actor, fixed_now, lead, open_store, people};
use crate::common::desk::Desk;
use crate::common::render::screen_text;
use ratatui::crossterm::event::KeyCode;
use sigdesk::domain::RegionCatalog;
use sigdesk::domain::paper::PaperCode;
use sigdesk::ops::paper::paper_status;
use sigdesk::tui::model::Screen;
use std::path::{Path, PathBuf};

/// A database with a lead PIN, 30 signers at two desks and a sample of 8 (seed 3).
fn sampled(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("p.db");
    let mut store = open_store(&path);
    let now = fixed_now();
    store
        .set_lead_pin(LEAD_PIN, &lead(), now)
        .expect("lead PIN");
    for counter in 0..30 {
        let signer = people()
            .numbered(11, counter, now.date_naive())
            .expect("signer");
        let desk = if counter % 2 == 0 { "desk-1" } else { "desk-2" };
        store
            .save_entry(&signer, &actor(desk, "Оля"), None, now)
            .expect("save");
    }
    store.draw_paper_sample(8, 3, &lead(), now).expect("sample");
    path
}

/// A desk on `path` with the paper check opened by the lead PIN.
fn open_paper(path: &Path) -> Desk {
    let mut desk = Desk::signed_in(path, "desk-1", "Оля");
    desk.press(KeyCode::F(7));
    assert_eq!(
        desk.model.screen,
        Screen::Desk,
        "nothing shows before the PIN"
    );
    assert!(desk.model.lead_prompt.is_some());
    desk.type_line(LEAD_PIN);
    assert_eq!(desk.model.screen, Screen::Paper);
    desk
}

#[test]
fn the_paper_check_at_80x24_and_120x40() {
    let dir = tempfile::tempdir().expect("dir");
    let desk = open_paper(&sampled(&dir));
    assert_eq!(desk.model.paper.lines.len(), 8);
    assert_frames!("paper", &desk.model, [(80, 24), (120, 40)]);
}

#[test]
fn five_keys_mark_five_lines_and_the_report_shows_them() {
    let dir = tempfile::tempdir().expect("dir");
    let path = sampled(&dir);
    let mut desk = open_paper(&path);
    let ids: Vec<String> = desk
        .model
        .paper
        .lines
        .iter()
        .map(|l| l.entry.id.clone())
        .collect();
    desk.press(KeyCode::Char('o'));
    desk.press(KeyCode::Char('в')); // d in the Russian layout: the date
    desk.press(KeyCode::Char('N')); // n, typed with Shift: the name
    desk.press(KeyCode::Char('x')); // other: a note first
    assert!(desk.model.paper.note.is_some());
    desk.press(KeyCode::Enter);
    desk.assert_status("paper.other needs a note");
    desk.type_line("карандаш");
    desk.assert_status(": paper.other");
    desk.press(KeyCode::Char('s'));
    assert_eq!(desk.model.paper.selected, 5, "on to the next line to check");
    let marks: Vec<Option<PaperCode>> = desk
        .store
        .paper_sample()
        .expect("sample")
        .iter()
        .map(|l| l.mark.as_ref().map(|m| m.code))
        .collect();
    assert_eq!(
        marks,
        [
            Some(PaperCode::Ok),
            Some(PaperCode::DateNotOwnHand),
            Some(PaperCode::NameNotOwnHand),
            Some(PaperCode::Other),
            Some(PaperCode::NoSignature),
            None,
            None,
            None,
        ]
    );
    let regions = RegionCatalog::embedded().expect("catalogue");
    let status = paper_status(&desk.store, &regions, fixed_now().date_naive()).expect("report");
    let e = status.report.estimate.expect("checked");
    assert_eq!((e.checked, e.invalid, status.unchecked), (5, 4, 3));
    assert_eq!(
        status.report.by_code.into_iter().collect::<Vec<_>>(),
        [
            ("paper.date_not_own_hand", 1),
            ("paper.name_not_own_hand", 1),
            ("paper.no_signature", 1),
            ("paper.other", 1),
        ]
    );
    let events = desk.store.events_for_entry(&ids[3]).expect("events");
    assert!(
        events
            .iter()
            .any(|e| e.action == "paper_mark" && e.details.contains("карандаш"))
    );
    // Up goes back to a marked line, which shows what was found.
    desk.press(KeyCode::Up);
    assert!(screen_text(&desk.model, 80, 24).contains("paper.no_signature"));
    desk.press(KeyCode::Esc);
    assert_eq!(desk.model.screen, Screen::Desk);
    assert!(
        desk.model.paper.lines.is_empty(),
        "nothing personal kept after leaving"
    );
    desk.press(KeyCode::F(5));
    desk.assert_shows("paper check: 80.0% (37.6–96.4%), 5 lines");
}

#[test]
fn a_wrong_pin_keeps_the_paper_check_closed_and_locking_hides_it() {
    let dir = tempfile::tempdir().expect("dir");
    let path = sampled(&dir);
    let mut desk = Desk::signed_in(&path, "desk-1", "Оля");
    desk.press(KeyCode::F(7));
    desk.type_line("1111");
    assert_eq!(desk.model.screen, Screen::Desk);
    desk.assert_status("Wrong lead PIN");
    let mut desk = open_paper(&path);
    let surname = desk.model.paper.lines[0].entry.signer.surname.clone();
    assert!(screen_text(&desk.model, 80, 24).contains(&surname));
    desk.ctrl('l');
    assert!(!screen_text(&desk.model, 80, 24).contains(&surname));
}
