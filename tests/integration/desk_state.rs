//! The desk as an operator drives it: keys only, through the real `dispatch`, against real
//! SQLite files in temp dirs.

use crate::common::db::{fixed_now, open_store, set_campaign};
use crate::common::desk::{Desk, IVANOV, PETROVA, SIDOROV, Signer, fresh_desk};
use crate::common::render::{draw, screen_lines};
use ratatui::crossterm::event::KeyCode;
use sigdesk::domain::{EntryStatus, Field, Severity};
use sigdesk::i18n::Lang;
use sigdesk::store::Actor;
use sigdesk::tui::form::FIELDS;
use sigdesk::tui::model::{Screen, Tone};
use tempfile::TempDir;

/// Desk A (Anna) and desk B (Boris) on one new database.
fn desks_a_and_b() -> (TempDir, Desk, Desk) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.db");
    let a = Desk::signed_in(&path, "desk-A", "Anna");
    let b = Desk::signed_in(&path, "desk-B", "Boris");
    (dir, a, b)
}

fn assert_form_is_empty(desk: &Desk) {
    for field in FIELDS {
        let expected = if field == Field::SignedOn {
            "10.03.2024"
        } else {
            ""
        };
        assert_eq!(
            desk.model.form.text(field),
            expected,
            "{field:?} after save"
        );
    }
    assert_eq!(desk.model.form.focus, Field::Surname);
    assert!(desk.model.form.editing.is_none());
}

#[test]
fn a_signer_typed_with_keys_only_is_saved_once_and_the_form_clears() {
    let (_dir, mut desk) = fresh_desk();
    assert_eq!(desk.model.screen, Screen::Desk);
    desk.fill(&IVANOV);
    assert_eq!(desk.finding_codes(), Vec::<&str>::new());
    desk.ctrl('s');

    assert_eq!(desk.totals(), (1, 0));
    let saved = desk.store.desk_entries("desk-1", 10).expect("entries");
    let e = &saved[0];
    assert_eq!(
        (
            e.signer.surname.as_str(),
            e.signer.given_name.as_str(),
            e.signer.patronymic.as_str()
        ),
        ("Иванов", "Иван", "Иванович")
    );
    assert_eq!(
        (e.signer.doc_series.as_str(), e.signer.doc_number.as_str()),
        ("4506", "123456")
    );
    assert_eq!(e.signer.region_code, "77");
    assert_eq!(e.signer.address, "г. Москва, ул. Тверская, д. 7, кв. 12");
    assert_eq!(e.signer.signed_on.to_string(), "2024-03-10");
    assert_eq!((e.desk.as_str(), e.operator.as_str()), ("desk-1", "Anna"));
    assert_eq!((e.sheet, e.line), (1, 1));
    assert!(matches!(desk.model.status, Some((Tone::Success, _))));
    desk.assert_status("sheet 1 line 1");
    assert_form_is_empty(&desk);

    desk.fill(&PETROVA);
    desk.ctrl('s');
    assert_eq!(desk.totals(), (2, 0));
    desk.assert_status("sheet 1 line 2");
    assert_form_is_empty(&desk);
}

#[test]
fn ctrl_s_with_an_error_saves_nothing() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill(&Signer {
        birth_date: "31.02.1990",
        ..IVANOV
    });
    desk.ctrl('s');
    assert_eq!(desk.totals(), (0, 0));
    assert!(matches!(desk.model.status, Some((Tone::Error, _))));
    assert!(
        desk.status().starts_with("Not saved: 1 error"),
        "{}",
        desk.status()
    );
    assert_eq!(
        desk.model.form.focus,
        Field::BirthDate,
        "cursor goes to the error"
    );
    let birth = desk.model.form.findings_for(Field::BirthDate);
    assert_eq!(birth[0].code(), "date.no_such_day");
    assert_eq!(desk.model.form.text(Field::Surname), "Иванов", "data kept");
}

#[test]
fn a_warning_needs_a_second_ctrl_s() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill(&Signer {
        address: "ул. Тверская",
        ..IVANOV
    });
    assert_eq!(desk.finding_codes(), vec!["address.no_house"]);
    assert_eq!(desk.model.form.findings[0].severity, Severity::Warning);
    desk.ctrl('s');
    assert_eq!(desk.totals(), (0, 0), "first Ctrl-S only warns");
    assert!(matches!(desk.model.status, Some((Tone::Warning, _))));
    desk.assert_status("Ctrl-S again");
    desk.ctrl('s');
    assert_eq!(desk.totals(), (1, 0));
    desk.assert_status("sheet 1 line 1");
}

#[test]
fn ctrl_t_fixes_a_surname_typed_in_the_wrong_layout() {
    let (_dir, mut desk) = fresh_desk();
    desk.type_text("Bdfyjd");
    let layout = desk.model.form.findings_for(Field::Surname);
    assert_eq!(layout[0].code(), "name.layout");
    assert_eq!(layout[0].fix.as_deref(), Some("Иванов"));
    desk.ctrl('t');
    assert_eq!(desk.model.form.text(Field::Surname), "Иванов");
    assert!(desk.model.form.findings_for(Field::Surname).is_empty());
    desk.assert_status("Иванов");
}

#[test]
fn a_document_saved_at_another_desk_blocks_saving_here() {
    let (_dir, mut desk_a, mut desk_b) = desks_a_and_b();
    desk_a.fill(&IVANOV);
    desk_a.ctrl('s');
    assert_eq!(desk_a.totals(), (1, 0));

    desk_b.fill(&Signer {
        document: IVANOV.document,
        birth_date: IVANOV.birth_date,
        ..PETROVA
    });
    desk_b.ctrl('s');
    assert_eq!(desk_b.totals(), (1, 0), "nothing saved at desk B");
    let doc = desk_b.model.form.findings_for(Field::Document);
    assert_eq!(doc[0].code(), "dup.document");
    assert_eq!(doc[0].severity, Severity::Error);
    assert!(desk_b.model.form.shows_findings(Field::Document));
}

#[test]
fn a_document_saved_elsewhere_while_typing_is_refused_on_save() {
    let (_dir, mut desk_a, mut desk_b) = desks_a_and_b();
    // B has typed the signer (and looked the document up) before A saves the same document.
    desk_b.fill(&Signer {
        document: IVANOV.document,
        birth_date: IVANOV.birth_date,
        ..PETROVA
    });
    assert!(desk_b.finding_codes().is_empty());
    desk_a.fill(&IVANOV);
    desk_a.ctrl('s');

    desk_b.ctrl('s');
    assert_eq!(desk_b.totals(), (1, 0), "the store refuses the second copy");
    assert!(matches!(desk_b.model.status, Some((Tone::Error, _))));
    desk_b.assert_status("another desk");
    assert!(desk_b.finding_codes().contains(&"dup.document"));
    assert_eq!(
        desk_b.model.form.text(Field::Surname),
        "Петрова",
        "data kept"
    );
}

#[test]
fn editing_from_the_entries_screen_changes_the_row_and_logs_an_edit() {
    let (_dir, mut desk) = fresh_desk();
    let id = desk.save_signer(&IVANOV);

    desk.press(KeyCode::F(4));
    assert_eq!(desk.model.screen, Screen::Entries);
    assert_eq!(desk.model.entries.items.len(), 1);
    desk.press(KeyCode::Enter);
    assert_eq!(desk.model.screen, Screen::Desk);
    assert_eq!(
        desk.model.form.editing.as_ref().map(|e| e.id.as_str()),
        Some(id.as_str())
    );
    for _ in 0..6 {
        desk.press(KeyCode::Tab);
    }
    assert_eq!(desk.model.form.focus, Field::Address);
    desk.press(KeyCode::End);
    for _ in 0..desk.model.form.text(Field::Address).chars().count() {
        desk.press(KeyCode::Backspace);
    }
    desk.type_text("г. Москва, ул. Тверская, д. 9");
    desk.ctrl('s');

    let stored = desk.store.entry(&id).expect("read").expect("entry");
    assert_eq!(stored.signer.address, "г. Москва, ул. Тверская, д. 9");
    assert_eq!((stored.sheet, stored.line), (1, 1), "same paper line");
    assert_eq!(desk.totals(), (1, 0));
    let events = desk.store.events_for_entry(&id).expect("events");
    let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, vec!["create", "edit"]);
    assert!(events[1].details.contains("д. 9"), "{}", events[1].details);
    assert_eq!(desk.model.screen, Screen::Entries);
    assert_eq!(desk.status(), "Changes saved");
}

#[test]
fn a_save_the_database_refuses_is_explained_in_the_operators_language() {
    let (_dir, mut desk) = fresh_desk();
    desk.model.lang = Lang::Ru;
    desk.fill(&IVANOV);
    desk.ctrl('s');
    let id = desk.store.desk_entries("desk-1", 1).expect("entries")[0]
        .id
        .clone();
    desk.press(KeyCode::F(4));
    desk.press(KeyCode::Enter);
    assert!(desk.model.form.editing.is_some());
    // While the line is open here, the shift lead voids it from another terminal.
    let lead = Actor {
        desk: "cli".into(),
        operator: "lead".into(),
    };
    desk.store
        .void_entry(&id, "дубль", &lead, fixed_now())
        .expect("void");
    desk.ctrl('s');

    assert_eq!(desk.status(), "запись уже аннулирована");
    assert_eq!(
        desk.model.screen,
        Screen::Desk,
        "the edit stays on the form"
    );
    let screen = screen_lines(&draw(&desk.model, 80, 24)).join("\n");
    assert!(screen.contains("запись уже аннулирована"), "{screen}");
    assert!(!screen.contains("already voided"), "{screen}");
}

#[test]
fn voiding_an_entry_frees_its_document() {
    let (_dir, mut desk) = fresh_desk();
    let id = desk.save_signer(&IVANOV);

    desk.press(KeyCode::F(4));
    desk.press(KeyCode::Char('v'));
    desk.type_text("подпись не та");
    desk.press(KeyCode::Enter);
    let stored = desk.store.entry(&id).expect("read").expect("entry");
    assert_eq!(stored.status, EntryStatus::Voided);
    assert_eq!(stored.void_reason, "подпись не та");
    assert_eq!(desk.totals(), (0, 1));
    assert_eq!(desk.status(), "Entry voided");

    desk.press(KeyCode::F(2));
    desk.fill(&IVANOV);
    assert_eq!(desk.finding_codes(), Vec::<&str>::new());
    desk.ctrl('s');
    assert_eq!(desk.totals(), (1, 1));
    desk.assert_status("sheet 1 line 2");
}

#[test]
fn a_full_sheet_sends_the_next_signer_of_the_region_to_a_new_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.db");
    set_campaign(&mut open_store(&path), "lines_per_sheet", "2");
    let mut desk = Desk::signed_in(&path, "desk-1", "Anna");
    for signer in [IVANOV, PETROVA] {
        desk.fill(&signer);
        desk.ctrl('s');
    }
    desk.assert_status("sheet 1 line 2");

    desk.fill(&SIDOROV);
    let preview = desk.model.form.preview.as_ref().expect("preview").1;
    assert_eq!(
        (preview.sheet, preview.line, preview.new_sheet),
        (2, 1, true)
    );
    desk.ctrl('s');
    desk.assert_status("sheet 2 line 1");
    let newest = &desk.store.desk_entries("desk-1", 1).expect("entries")[0];
    assert_eq!(
        (newest.signer.surname.as_str(), newest.sheet, newest.line),
        ("Сидоров", 2, 1)
    );
}

#[test]
fn ctrl_q_asks_before_losing_a_typed_signer() {
    let (_dir, mut desk) = fresh_desk();
    desk.type_text("Иванов");
    desk.ctrl('q');
    assert!(!desk.model.quit, "asks first");
    desk.press(KeyCode::Char('n'));
    assert!(!desk.model.quit);
    assert_eq!(desk.model.form.text(Field::Surname), "Иванов");
    desk.ctrl('q');
    desk.press(KeyCode::Char('y'));
    assert!(desk.model.quit);
}

#[test]
fn a_prefix_of_moscow_takes_the_city_not_the_oblast() {
    let (_dir, mut desk) = fresh_desk();
    let mut typed = IVANOV;
    typed.region = "Моск";
    desk.fill(&typed);
    assert_eq!(
        desk.model.form.text(Field::Region),
        "Moscow",
        "the city (77), not Moscow Oblast"
    );
}
