//! Snapshots of every screen at 80×24 and 120×40, drawn with `TestBackend` from a model
//! driven by keys, at a fixed clock in UTC.

use crate::common::{Desk, IVANOV, PETROVA, Signer, fixed_now};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use sigdesk::domain::{DocKind, NewEntry};
use sigdesk::store::Actor;
use sigdesk::tui::model::SignIn;

/// Draws the desk's model at both sizes and compares with `render__{name}_{w}x{h}.snap`.
fn assert_screens(name: &str, desk: &Desk) {
    for (width, height) in [(80, 24), (120, 40)] {
        assert_screen(&format!("{name}_{width}x{height}"), desk, width, height);
    }
}

fn assert_screen(name: &str, desk: &Desk, width: u16, height: u16) {
    insta::assert_snapshot!(name, draw(desk, width, height).backend());
}

fn draw(desk: &Desk, width: u16, height: u16) -> Terminal<TestBackend> {
    crate::common::draw(&desk.model, width, height)
}

use crate::common::screen_lines;

fn desk_in(dir: &tempfile::TempDir) -> Desk {
    Desk::signed_in(&dir.path().join("s.db"), "desk-1", "Anna")
}

#[test]
fn sign_in_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = Desk::at_sign_in(&dir.path().join("s.db"));
    // Names remembered by other tests of this binary must not show.
    desk.model.signin = SignIn::default();
    desk.type_text("desk-1");
    assert_screens("sign_in", &desk);
}

#[test]
fn empty_desk_form() {
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = desk_in(&dir);
    assert_screens("desk_empty", &desk);
}

#[test]
fn desk_form_with_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_in(&dir);
    desk.fill(&Signer {
        birth_date: "31.02.1990",
        document: "4506 1234",
        address: "Москва, ул. Арбат, д. 1",
        ..IVANOV
    });
    desk.ctrl('s');
    assert_screens("desk_errors", &desk);
}

#[test]
fn desk_form_with_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_in(&dir);
    desk.fill(&Signer {
        address: "ул. Тверская",
        ..IVANOV
    });
    desk.ctrl('s');
    assert_screens("desk_warnings", &desk);
}

/// The checked values of a typed signer, for saving through the store at a fixed time.
fn new_entry(s: &Signer, series: &str, number: &str, birth: NaiveDate) -> NewEntry {
    NewEntry {
        surname: s.surname.into(),
        given_name: s.given_name.into(),
        patronymic: s.patronymic.into(),
        birth_date: birth,
        doc_kind: DocKind::InternalPassport,
        doc_series: series.into(),
        doc_number: number.into(),
        region_code: "77".into(),
        abroad_country: String::new(),
        address: s.address.into(),
        signed_on: fixed_now().date_naive(),
    }
}

#[test]
fn entries_list_with_a_voided_entry() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_in(&dir);
    let actor = Actor {
        desk: "desk-1".into(),
        operator: "Anna".into(),
    };
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let first = desk
        .store
        .save_entry(
            &new_entry(&IVANOV, "4506", "123456", date(1985, 5, 15)),
            &actor,
            None,
            fixed_now(),
        )
        .expect("save");
    desk.store
        .save_entry(
            &new_entry(&PETROVA, "4511", "654321", date(1990, 12, 31)),
            &actor,
            None,
            fixed_now() + chrono::Duration::minutes(4),
        )
        .expect("save");
    desk.store
        .void_entry(&first.id, "signed twice", &actor, fixed_now())
        .expect("void");
    desk.press(KeyCode::F(4));
    assert_eq!(desk.model.entries.items.len(), 2);
    assert_screens("entries", &desk);
}

#[test]
fn help_overlay() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_in(&dir);
    desk.press(KeyCode::F(1));
    assert!(desk.model.help);
    assert_screens("help", &desk);
}

#[test]
fn too_small_terminal_shows_a_notice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = desk_in(&dir);
    assert_screen("too_small_79x24", &desk, 79, 24);
    assert_screen("too_small_60x20", &desk, 60, 20);
}

#[test]

fn an_address_that_fits_is_shown_from_its_start_when_not_focused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_in(&dir);
    // 37 characters: exactly the room right of the labels at 80×24.
    desk.fill(&IVANOV);
    desk.press(KeyCode::Tab);
    assert_eq!(desk.model.form.focus, sigdesk::domain::Field::SignedOn);
    let lines = screen_lines(&draw(&desk, 80, 24));
    let address = lines
        .iter()
        .find(|l| l.contains(" Address "))
        .expect("address line");
    assert!(
        address.contains("│ Address       г. Москва, ул. Тверская, д. 7, кв. 12"),
        "{address}"
    );
}

#[test]

fn the_form_key_bar_fits_80_columns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = desk_in(&dir);
    let lines = screen_lines(&draw(&desk, 80, 24));
    assert!(lines[23].trim_end().ends_with("F1 help"), "{}", lines[23]);
}
