//! The keystroke budget: the keys an operator presses besides the signer's data to call the
//! next ticket and enter and save one typical signer, through the real update loop.
//!
//! Budget: 11 keys for the form (Tab, Enter, Ctrl-S, …) plus Ctrl-N to call the ticket, 12
//! in all. The list is printed (`cargo test --test integration keystrokes -- --nocapture`)
//! and kept in the README under "Keystroke budget".

use crate::common::db::{actor, fixed_now};
use crate::common::desk::fresh_desk;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use sigdesk::domain::Field;
use sigdesk::tui::model::Tone;

/// Non-data keys allowed for one signer on the form.
const FORM_BUDGET: usize = 11;
/// With Ctrl-N, which calls the signer's ticket.
const BUDGET: usize = 12;

/// One step of the operator's work.
enum Step {
    /// The signer's data, typed character by character (not counted).
    Data(&'static str),
    /// A key that is not data (counted), with its name for the printed list.
    Key(&'static str, KeyCode, KeyModifiers),
}

use Step::{Data, Key};

const TAB: Step = Key("Tab", KeyCode::Tab, KeyModifiers::NONE);

/// A typical signer: internal passport, Moscow, full address; every field the law asks for.
fn one_signer() -> Vec<Step> {
    vec![
        Key("Ctrl-N", KeyCode::Char('n'), KeyModifiers::CONTROL),
        Data("Иванов"),
        TAB,
        Data("Иван"),
        TAB,
        Data("Иванович"),
        TAB,
        Data("15.05.1985"),
        TAB,
        // The document kind stays "internal passport".
        TAB,
        Data("4506 123456"),
        TAB,
        Data("77"),
        TAB,
        Data("г. Москва, ул. Тверская, д. 7, кв. 12"),
        Key("Ctrl-S", KeyCode::Char('s'), KeyModifiers::CONTROL),
    ]
}

#[test]
fn one_signer_fits_the_keystroke_budget() {
    let (_dir, mut desk) = fresh_desk();
    let door = actor("door", "Olga");
    let today = desk.model.today();
    let ticket = desk
        .store
        .issue_ticket(&door, today, fixed_now())
        .expect("issue a ticket");

    let mut keys = Vec::new();
    for step in one_signer() {
        match step {
            Data(text) => desk.type_text(text),
            Key(name, code, modifiers) => {
                keys.push(name);
                desk.key(code, modifiers);
            }
        }
    }
    println!("{} keys besides the data: {}", keys.len(), keys.join(" "));

    // It really was saved, on the called ticket, and the form is ready for the next signer.
    assert!(
        matches!(&desk.model.status, Some((Tone::Success, s)) if s == "Saved: sheet 1 line 1"),
        "{:?}",
        desk.model.status
    );
    let saved = &desk.store.desk_entries("desk-1", 1).expect("entries")[0];
    assert_eq!(
        (
            saved.signer.surname.as_str(),
            saved.signer.doc_number.as_str(),
            saved.signer.region_code.as_str()
        ),
        ("Иванов", "123456", "77")
    );
    assert_eq!(saved.ticket, Some(ticket.id));
    assert_eq!(desk.model.form.text(Field::Surname), "");
    assert_eq!(desk.model.form.focus, Field::Surname);

    let form_keys = keys.iter().filter(|k| **k != "Ctrl-N").count();
    assert!(
        form_keys <= FORM_BUDGET,
        "{form_keys} form keys, budget {FORM_BUDGET}: {keys:?}"
    );
    assert!(
        keys.len() <= BUDGET,
        "{} keys, budget {BUDGET}: {keys:?}",
        keys.len()
    );
}
