//! Another desk's line can be changed only with the shift lead's PIN: voiding from the
//! all-desks list and saving an edit opened with Ctrl-O both ask for it; a desk's own lines
//! do not.

use crate::common::cli::LEAD_PIN;
use crate::common::db::{fixed_now, lead};
use crate::common::desk::{Desk, IVANOV, PETROVA, Signer, fresh_desk};
use ratatui::crossterm::event::KeyCode;
use sigdesk::domain::EntryStatus;
use tempfile::TempDir;

/// Desk 1 saved IVANOV; desk 2 works on the same database; the lead PIN is set.
fn two_desks() -> (TempDir, Desk, Desk) {
    let (dir, mut first) = fresh_desk();
    first
        .store
        .set_lead_pin(LEAD_PIN, &lead(), fixed_now())
        .expect("lead PIN");
    first.save_signer(&IVANOV);
    let second = Desk::signed_in(&dir.path().join("s.db"), "desk-2", "Boris");
    (dir, first, second)
}

fn void_first_listed(desk: &mut Desk, reason: &str) {
    desk.press(KeyCode::Char('v'));
    desk.type_text(reason);
    desk.press(KeyCode::Enter);
}

#[test]
fn voiding_another_desks_line_needs_the_lead_pin() {
    let (_dir, first, mut second) = two_desks();
    second.press(KeyCode::F(4));
    assert!(second.model.entries.items.is_empty(), "desk-2 has no lines");
    second.press(KeyCode::Char('a'));
    assert_eq!(second.model.entries.items.len(), 1);
    assert_eq!(second.model.entries.items[0].desk, "desk-1");

    void_first_listed(&mut second, "signed twice");
    assert!(second.model.lead_prompt.is_some(), "no lead PIN asked");
    second.type_text("1111");
    second.press(KeyCode::Enter);
    second.assert_status("Wrong lead PIN");
    assert_eq!(first.totals(), (1, 0));

    void_first_listed(&mut second, "signed twice");
    second.type_text(LEAD_PIN);
    second.press(KeyCode::Enter);
    assert_eq!(first.totals(), (0, 1));
    let entry = &second.store.recent_entries(1).expect("entries")[0];
    assert_eq!(entry.status, EntryStatus::Voided);
    let events = second.store.events_for_entry(&entry.id).expect("events");
    let void = events
        .iter()
        .find(|e| e.action == "void")
        .expect("void event");
    assert_eq!(
        (void.desk.as_str(), void.operator.as_str()),
        ("desk-2", "Boris")
    );
}

#[test]
fn an_edit_of_another_desks_line_waits_for_the_lead_pin_and_esc_cancels() {
    let (_dir, _first, mut second) = two_desks();
    // The same passport typed again at desk 2: Ctrl-O opens desk 1's line.
    second.fill(&Signer {
        document: "4506 123456",
        ..PETROVA
    });
    second.press(KeyCode::Tab);
    assert!(
        second.model.form.same_document.is_some(),
        "duplicate not found"
    );
    second.ctrl('o');
    let editing = second
        .model
        .form
        .editing
        .clone()
        .expect("editing desk-1's line");
    assert_eq!(editing.desk, "desk-1");
    second.ctrl('s');
    assert!(second.model.lead_prompt.is_some(), "no lead PIN asked");
    second.press(KeyCode::Esc);
    assert!(second.model.lead_prompt.is_none());
    second.ctrl('s');
    second.type_text(LEAD_PIN);
    second.press(KeyCode::Enter);
    second.assert_status("Changes saved");
    // Back to the signer that was being typed at desk 2.
    assert_eq!(
        second.model.form.text(sigdesk::domain::Field::Surname),
        "Петрова"
    );
}

#[test]
fn a_desk_voids_its_own_line_without_a_pin() {
    let (_dir, mut first, _second) = two_desks();
    first.press(KeyCode::F(4));
    void_first_listed(&mut first, "wrong person");
    assert!(first.model.lead_prompt.is_none());
    assert_eq!(first.totals(), (0, 1));
}
