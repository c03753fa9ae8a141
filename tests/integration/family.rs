//! The faster desk, driven in process: a family on one ticket gets the place kept (region,
//! address, signing date) and nothing else of the last signer; typing replaces a kept
//! value, Tab keeps it, Ctrl-N and a ticket change forget it, the checks read it as typed.

use crate::common::desk::{Desk, IVANOV, PETROVA, Signer, WIFE, fresh_desk};
use crate::common::render::{draw, screen_text};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use sigdesk::domain::Field;
use sigdesk::tui::msg::{Msg, QueueMsg};
use std::collections::BTreeSet;
use tempfile::TempDir;

/// A desk serving a ticket it called with Ctrl-N; returns the ticket's id.
fn serving() -> (TempDir, Desk, i64) {
    let (dir, mut desk) = fresh_desk();
    let ticket = desk.call_a_ticket();
    (dir, desk, ticket)
}

fn kept(desk: &Desk) -> BTreeSet<Field> {
    desk.model
        .form
        .carry
        .as_ref()
        .map(|c| c.fields.clone())
        .unwrap_or_default()
}

/// The names, birth date and document of the first five fields.
fn own_fields(desk: &Desk) -> Vec<&str> {
    [
        Field::Surname,
        Field::GivenName,
        Field::Patronymic,
        Field::BirthDate,
        Field::Document,
    ]
    .into_iter()
    .map(|f| desk.model.form.text(f))
    .collect()
}

#[test]
fn the_next_signer_of_a_ticket_is_offered_the_place_and_nothing_else() {
    let (_dir, mut desk, ticket) = serving();
    desk.save_signer(&IVANOV);

    let form = &desk.model.form;
    assert_eq!(form.focus, Field::Surname);
    assert_eq!(own_fields(&desk), ["", "", "", "", ""]);
    assert_eq!(form.text(Field::Region), "Moscow");
    assert_eq!(form.text(Field::Address), IVANOV.address);
    assert_eq!(kept(&desk), BTreeSet::from([Field::Region, Field::Address]));
    assert_eq!(form.carry.as_ref().map(|c| c.ticket), Some(ticket));
    assert!(
        !form.has_signer_data(),
        "kept values are not a typed signer"
    );

    let screen = screen_text(&desk.model, 80, 24);
    for private in ["Иванов ", "Иван ", "Иванович", "15.05.1985", "123456"] {
        assert!(!screen.contains(private), "{private} shows:\n{screen}");
    }
    assert!(screen.contains(IVANOV.address), "{screen}");
    assert!(screen.contains("kept from the last signer of ticket 001"));
    // The name is still to type: no line to write on yet (DESIGN.md §6).
    assert!(screen.contains("DO NOT SIGN YET"), "{screen}");

    // Ctrl-S right after the document saves the next member with the kept place.
    desk.fill_fields(&WIFE.fields()[..5]);
    desk.ctrl('s');
    desk.assert_status("Saved: sheet 1 line 2");
    let saved = &desk.store.desk_entries("desk-1", 1).expect("entries")[0];
    assert_eq!(
        (
            saved.signer.surname.as_str(),
            saved.signer.region_code.as_str()
        ),
        ("Иванова", "77")
    );
    assert_eq!(saved.signer.address, IVANOV.address);
    assert_eq!(saved.ticket, Some(ticket));
}

#[test]
fn without_a_ticket_nothing_is_kept() {
    let (_dir, mut desk) = fresh_desk();
    desk.save_signer(&IVANOV);
    assert!(desk.model.form.carry.is_none());
    assert_eq!(desk.model.form.text(Field::Address), "");
    assert_eq!(desk.model.form.text(Field::Region), "");
}

#[test]
fn a_kept_signing_date_other_than_today_is_kept_too() {
    let (_dir, mut desk, _) = serving();
    desk.fill(&IVANOV);
    desk.press(KeyCode::Tab);
    assert_eq!(desk.model.form.focus, Field::SignedOn);
    desk.press(KeyCode::End);
    for _ in 0..10 {
        desk.press(KeyCode::Backspace);
    }
    desk.type_text("09.03.2024");
    desk.ctrl('s');
    desk.assert_status("Saved");
    assert_eq!(desk.model.form.text(Field::SignedOn), "09.03.2024");
    assert!(kept(&desk).contains(&Field::SignedOn));
}

#[test]
fn typing_replaces_a_kept_value_and_tab_keeps_it() {
    let (_dir, mut desk, _) = serving();
    desk.save_signer(&IVANOV);
    desk.fill_fields(&WIFE.fields()[..5]);
    desk.press(KeyCode::Tab);
    assert_eq!(desk.model.form.focus, Field::Region);
    desk.press(KeyCode::Tab);
    assert_eq!(desk.model.form.focus, Field::Address);
    assert_eq!(desk.model.form.text(Field::Region), "Moscow");
    assert_eq!(kept(&desk), BTreeSet::from([Field::Region, Field::Address]));

    // The first character typed clears the kept address.
    desk.type_text("Москва, Ленинский пр-т, д. 30");
    assert_eq!(
        desk.model.form.text(Field::Address),
        "Москва, Ленинский пр-т, д. 30"
    );
    assert_eq!(kept(&desk), BTreeSet::from([Field::Region]));

    // Backspace on a kept value clears it too; an arrow key takes it to edit.
    desk.press(KeyCode::BackTab);
    desk.press(KeyCode::Backspace);
    assert_eq!(desk.model.form.text(Field::Region), "");
    assert!(desk.model.form.carry.is_none());
    desk.ctrl('s');
    desk.assert_status("Not saved");
}

#[test]
fn an_arrow_key_makes_a_kept_value_the_operators_own_to_edit() {
    let (_dir, mut desk, _) = serving();
    desk.save_signer(&IVANOV);
    for _ in 0..6 {
        desk.press(KeyCode::Tab);
    }
    assert_eq!(desk.model.form.focus, Field::Address);
    desk.press(KeyCode::Left);
    desk.press(KeyCode::Backspace);
    desk.type_text("3");
    assert_eq!(
        desk.model.form.text(Field::Address),
        "г. Москва, ул. Тверская, д. 7, кв. 32"
    );
    assert_eq!(kept(&desk), BTreeSet::from([Field::Region]));
}

#[test]
fn ctrl_n_and_a_ticket_change_forget_the_kept_values() {
    let (_dir, mut desk, _) = serving();
    desk.save_signer(&IVANOV);
    assert!(desk.model.form.carry.is_some());
    desk.ctrl('n');
    assert!(desk.model.form.carry.is_none());
    assert_eq!(desk.model.form.text(Field::Address), "");
    assert_eq!(desk.model.form.text(Field::Region), "");
    assert!(
        desk.model.form.preview.is_none(),
        "the panel forgets the sheet"
    );

    let (_dir, mut desk, _) = serving();
    desk.save_signer(&IVANOV);
    desk.send(Msg::Queue(QueueMsg::Serving(None)));
    assert!(desk.model.form.carry.is_none());
    assert_eq!(desk.model.form.text(Field::Address), "");
    let screen = screen_text(&desk.model, 80, 24);
    assert!(!screen.contains(IVANOV.address), "{screen}");
}

#[test]
fn a_ticket_change_keeps_what_the_operator_typed_over_a_kept_value() {
    let (_dir, mut desk, _) = serving();
    desk.save_signer(&IVANOV);
    desk.fill_fields(&WIFE.fields()[..5]);
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Tab);
    desk.type_text(PETROVA.address);
    desk.send(Msg::Queue(QueueMsg::Serving(None)));
    assert_eq!(desk.model.form.text(Field::Address), PETROVA.address);
    assert_eq!(desk.model.form.text(Field::Region), "");
    assert_eq!(desk.model.form.text(Field::Surname), "Иванова");
}

#[test]
fn an_edit_in_between_comes_back_to_the_kept_place() {
    let (_dir, mut desk, _) = serving();
    desk.save_signer(&IVANOV);
    desk.press(KeyCode::F(4));
    desk.press(KeyCode::Enter);
    assert!(desk.model.form.editing.is_some());
    desk.ctrl('s');
    desk.assert_status("Changes saved");
    assert_eq!(kept(&desk), BTreeSet::from([Field::Region, Field::Address]));
    assert_eq!(desk.model.form.text(Field::Address), IVANOV.address);
}

#[test]
fn kept_values_are_checked_exactly_like_typed_ones() {
    let no_house = Signer {
        address: "г. Москва, ул. Тверская",
        ..IVANOV
    };
    let (_dir, mut desk, _) = serving();
    desk.fill(&no_house);
    desk.ctrl('s');
    desk.assert_status("1 warning marked");
    desk.ctrl('s');
    desk.assert_status("Saved: sheet 1 line 1");

    // The kept address has no house number either: the same warning, the same two Ctrl-S.
    desk.fill_fields(&WIFE.fields()[..5]);
    desk.ctrl('s');
    desk.assert_status("1 warning marked");
    let with_kept = (desk.model.form.draft(), desk.finding_codes());

    // The same values typed on a fresh form check the same.
    let (_other_dir, mut typed) = fresh_desk();
    typed.fill(&Signer {
        region: "Moscow",
        address: no_house.address,
        ..WIFE
    });
    typed.ctrl('s');
    assert_eq!(with_kept.0, typed.model.form.draft());
    assert_eq!(with_kept.1, typed.finding_codes());
    desk.ctrl('s');
    desk.assert_status("Saved: sheet 1 line 2");
}

#[test]
fn the_kept_values_are_grey_and_typed_ones_are_not() {
    let (_dir, mut desk, _) = serving();
    desk.save_signer(&IVANOV);
    desk.type_text("Иванова");
    let terminal = draw(&desk.model, 80, 24);
    let buffer = terminal.backend().buffer();
    let row_of = |label: &str| {
        (0..buffer.area.height)
            .find(|&y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
                    .contains(label)
            })
            .expect("row")
    };
    // The value starts right of the 15-column label, inside the border.
    let value = |y: u16| &buffer[(16, y)];
    assert_eq!(value(row_of(" Address ")).fg, Color::DarkGray);
    assert_eq!(value(row_of(" Region ")).fg, Color::DarkGray);
    assert_ne!(value(row_of("Surname ")).fg, Color::DarkGray);
}

#[test]
fn a_family_abroad_keeps_the_country_with_the_region() {
    let (_dir, mut desk, _) = serving();
    let abroad = Signer {
        document: "75 1234567",
        region: "за рубежом",
        address: "Berlin, Hauptstraße 5",
        ..IVANOV
    };
    desk.fill_fields(&abroad.fields()[..6]);
    desk.press(KeyCode::Tab);
    assert_eq!(desk.model.form.focus, Field::AbroadCountry);
    desk.fill_fields(&["Германия", abroad.address]);
    desk.ctrl('s');
    desk.assert_status("Saved: sheet 1 line 1");
    assert_eq!(
        kept(&desk),
        BTreeSet::from([Field::Region, Field::AbroadCountry, Field::Address])
    );
    let hint = screen_text(&desk.model, 80, 24);
    assert!(hint.contains("(region, country, address)"), "{hint}");

    desk.fill_fields(&["Иванова", "Мария", "Петровна", "02.03.1987", "76 7654321"]);
    desk.ctrl('s');
    desk.assert_status("Saved: sheet 1 line 2");
    let saved = &desk.store.desk_entries("desk-1", 1).expect("entries")[0];
    assert_eq!(
        (
            saved.signer.region_code.as_str(),
            saved.signer.abroad_country.as_str(),
            saved.signer.address.as_str()
        ),
        ("abroad", "Германия", abroad.address)
    );
}
