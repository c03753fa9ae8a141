//! Snapshots of every screen at 80×24 and 120×40, drawn with `TestBackend` from a model
//! driven by keys, at a fixed clock in UTC.

use crate::common::assert_frames;
use crate::common::db::{actor, fixed_now};
use crate::common::desk::{Desk, IVANOV, PETROVA, Signer, fresh_desk};
use crate::common::render::{draw, screen_lines};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use sigdesk::domain::{DocKind, NewEntry};
use sigdesk::i18n::Lang;
use tempfile::TempDir;

/// The two sizes every screen is snapshot at.
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A fresh desk after `signer` was typed and Ctrl-S pressed once.
fn after_ctrl_s(signer: &Signer) -> (TempDir, Desk) {
    let (dir, mut desk) = fresh_desk();
    desk.fill(signer);
    desk.ctrl('s');
    (dir, desk)
}

#[test]
fn sign_in_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = Desk::at_sign_in(&dir.path().join("s.db"));
    desk.type_text("desk-1");
    assert_frames!("sign_in", &desk.model, SIZES);
}

#[test]
fn empty_desk_form() {
    let (_dir, desk) = fresh_desk();
    assert_frames!("desk_empty", &desk.model, SIZES);
}

#[test]
fn desk_form_with_errors() {
    let (_dir, desk) = after_ctrl_s(&Signer {
        birth_date: "31.02.1990",
        document: "4506 1234",
        address: "Москва, ул. Арбат, д. 1",
        ..IVANOV
    });
    assert_frames!("desk_errors", &desk.model, SIZES);
}

#[test]
fn desk_form_with_warnings() {
    let (_dir, desk) = after_ctrl_s(&Signer {
        address: "ул. Тверская",
        ..IVANOV
    });
    assert_frames!("desk_warnings", &desk.model, SIZES);
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
    let (_dir, mut desk) = fresh_desk();
    let anna = actor("desk-1", "Anna");
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let first = desk
        .store
        .save_entry(
            &new_entry(&IVANOV, "4506", "123456", date(1985, 5, 15)),
            &anna,
            None,
            fixed_now(),
        )
        .expect("save");
    desk.store
        .save_entry(
            &new_entry(&PETROVA, "4511", "654321", date(1990, 12, 31)),
            &anna,
            None,
            fixed_now() + chrono::Duration::minutes(4),
        )
        .expect("save");
    desk.store
        .void_entry(&first.id, "signed twice", &anna, fixed_now())
        .expect("void");
    desk.press(KeyCode::F(4));
    assert_eq!(desk.model.entries.items.len(), 2);
    assert_frames!("entries", &desk.model, SIZES);
}

/// The form after the first of a family was saved on the desk's ticket: the place kept,
/// grey, with its hint, and the next member's surname typed.
fn kept_for_the_family(lang: Lang) -> (TempDir, Desk) {
    let (dir, mut desk) = fresh_desk();
    desk.model.lang = lang;
    desk.call_a_ticket();
    desk.fill(&IVANOV);
    desk.ctrl('s');
    assert!(desk.model.form.carry.is_some(), "{}", desk.status());
    desk.type_text("Иванова");
    (dir, desk)
}

#[test]
fn desk_form_with_values_kept_for_the_family() {
    let (_dir, desk) = kept_for_the_family(Lang::En);
    assert_frames!("desk_kept", &desk.model, [(80, 24)]);
    let (_dir, desk) = kept_for_the_family(Lang::Ru);
    assert_frames!("desk_kept_ru", &desk.model, [(80, 24)]);
}

#[test]
fn desk_form_offering_the_region_the_address_names() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill(&Signer {
        region: "",
        ..IVANOV
    });
    assert_frames!("desk_region_offer", &desk.model, [(80, 24)]);
}

#[test]
fn help_overlay() {
    let (_dir, mut desk) = fresh_desk();
    desk.press(KeyCode::F(1));
    assert!(desk.model.help);
    assert_frames!("help", &desk.model, SIZES);
}

#[test]
fn too_small_terminal_shows_a_notice() {
    let (_dir, desk) = fresh_desk();
    assert_frames!("too_small", &desk.model, [(79, 24), (60, 20)]);
}

#[test]
fn an_address_that_fits_is_shown_from_its_start_when_not_focused() {
    let (_dir, mut desk) = fresh_desk();
    // 37 characters: exactly the room right of the labels at 80×24.
    desk.fill(&IVANOV);
    desk.press(KeyCode::Tab);
    assert_eq!(desk.model.form.focus, sigdesk::domain::Field::SignedOn);
    let lines = screen_lines(&draw(&desk.model, 80, 24));
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
    let (_dir, desk) = fresh_desk();
    let lines = screen_lines(&draw(&desk.model, 80, 24));
    assert!(lines[23].trim_end().ends_with("F1 help"), "{}", lines[23]);
}
