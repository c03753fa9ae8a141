//! The keystroke budget: the keys an operator presses besides the signer's data, through
//! the real update loop, for the three cases README's "Keystroke budget" lists: a typical
//! signer (ticket called, internal passport, Moscow), the second member of a family on the
//! same ticket (the place is kept from the first), and a voter abroad (international
//! passport, country). The lists are printed
//! (`cargo test --test integration keystrokes -- --nocapture`).

use crate::common::db::{actor, fixed_now};
use crate::common::desk::{Desk, fresh_desk};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use sigdesk::domain::{DocKind, Entry, Field};
use sigdesk::tui::model::Tone;

/// A typical signer, Ctrl-N included.
const TYPICAL_BUDGET: usize = 8;
/// The next member of a family on the same ticket.
const FAMILY_BUDGET: usize = 5;
/// A voter abroad: one field more than the typical signer (the country).
const ABROAD_BUDGET: usize = 9;

/// One step of the operator's work.
enum Step {
    /// The signer's data, typed character by character (not counted).
    Data(&'static str),
    /// A key that is not data (counted), with its name for the printed list.
    Key(&'static str, KeyCode, KeyModifiers),
}

use Step::{Data, Key};

const TAB: Step = Key("Tab", KeyCode::Tab, KeyModifiers::NONE);
const CTRL_N: Step = Key("Ctrl-N", KeyCode::Char('n'), KeyModifiers::CONTROL);
const CTRL_S: Step = Key("Ctrl-S", KeyCode::Char('s'), KeyModifiers::CONTROL);

/// A typical signer: internal passport, Moscow, full address; every field the law asks for.
fn typical_signer() -> Vec<Step> {
    vec![
        CTRL_N,
        Data("Иванов"),
        TAB,
        Data("Иван"),
        TAB,
        Data("Иванович"),
        TAB,
        Data("15.05.1985"),
        // The digits say the kind: Tab goes from the birth date straight to them.
        TAB,
        Data("4506 123456"),
        TAB,
        Data("77"),
        TAB,
        Data("г. Москва, ул. Тверская, д. 7, кв. 12"),
        CTRL_S,
    ]
}

/// The next member of the same family: the region, address and date are kept, so Ctrl-S
/// right after the document saves.
fn second_member() -> Vec<Step> {
    vec![
        Data("Иванова"),
        TAB,
        Data("Мария"),
        TAB,
        Data("Петровна"),
        TAB,
        Data("02.03.1987"),
        TAB,
        Data("4507 654321"),
        CTRL_S,
    ]
}

/// A voter living abroad: international passport (the kind follows its 2 + 7 digits),
/// region `abroad`, then the country the sheet is headed with.
fn voter_abroad() -> Vec<Step> {
    vec![
        CTRL_N,
        Data("Смирнов"),
        TAB,
        Data("Олег"),
        TAB,
        Data("Петрович"),
        TAB,
        Data("20.10.1979"),
        TAB,
        Data("75 1234567"),
        TAB,
        Data("за рубежом"),
        TAB,
        Data("Германия"),
        TAB,
        Data("Berlin, Hauptstraße 5"),
        CTRL_S,
    ]
}

/// Plays the steps and returns the names of the counted keys.
fn play(desk: &mut Desk, steps: Vec<Step>) -> Vec<&'static str> {
    let mut keys = Vec::new();
    for step in steps {
        match step {
            Data(text) => desk.type_text(text),
            Key(name, code, modifiers) => {
                keys.push(name);
                desk.key(code, modifiers);
            }
        }
    }
    keys
}

/// Fails unless the last key saved, and returns the newest entry.
#[track_caller]
fn saved(desk: &Desk, line: u32) -> Entry {
    let want = format!("Saved: sheet 1 line {line}");
    assert!(
        matches!(&desk.model.status, Some((Tone::Success, s)) if *s == want),
        "{:?}",
        desk.model.status
    );
    desk.store.desk_entries("desk-1", 1).expect("entries")[0].clone()
}

/// Fails when the keys go over budget; prints them.
#[track_caller]
fn within(case: &str, keys: &[&str], budget: usize) {
    println!(
        "{case}: {} keys besides the data: {}",
        keys.len(),
        keys.join(" ")
    );
    assert!(
        keys.len() <= budget,
        "{case}: {} keys, budget {budget}: {keys:?}",
        keys.len()
    );
}

/// The door issues a ticket; the steps call it with their Ctrl-N.
fn issue_ticket(desk: &mut Desk) -> i64 {
    let today = desk.model.today();
    desk.store
        .issue_ticket(&actor("door", "Olga"), today, fixed_now())
        .expect("issue a ticket")
        .id
}

#[test]
fn a_typical_signer_takes_8_keys_and_the_next_of_the_family_5() {
    let (_dir, mut desk) = fresh_desk();
    let ticket = issue_ticket(&mut desk);

    let keys = play(&mut desk, typical_signer());
    let first = saved(&desk, 1);
    assert_eq!(
        (
            first.signer.surname.as_str(),
            first.signer.doc_kind,
            first.signer.doc_number.as_str(),
            first.signer.region_code.as_str()
        ),
        ("Иванов", DocKind::InternalPassport, "123456", "77")
    );
    assert_eq!(first.ticket, Some(ticket));
    assert_eq!(desk.model.form.text(Field::Surname), "");
    assert_eq!(desk.model.form.focus, Field::Surname);
    within("typical signer", &keys, TYPICAL_BUDGET);

    let keys = play(&mut desk, second_member());
    let second = saved(&desk, 2);
    assert_eq!(second.signer.surname, "Иванова");
    assert_eq!(
        (
            second.signer.region_code.as_str(),
            second.signer.address.as_str(),
            second.signer.signed_on
        ),
        ("77", first.signer.address.as_str(), first.signer.signed_on)
    );
    assert_eq!(second.ticket, Some(ticket));
    within("second member of a family", &keys, FAMILY_BUDGET);
}

#[test]
fn a_voter_abroad_takes_one_key_more_for_the_country() {
    let (_dir, mut desk) = fresh_desk();
    let ticket = issue_ticket(&mut desk);
    let keys = play(&mut desk, voter_abroad());
    let entry = saved(&desk, 1);
    assert_eq!(
        (
            entry.signer.doc_kind,
            entry.signer.doc_series.as_str(),
            entry.signer.region_code.as_str(),
            entry.signer.abroad_country.as_str()
        ),
        (DocKind::ForeignPassport, "75", "abroad", "Германия")
    );
    assert_eq!(entry.ticket, Some(ticket));
    within("voter abroad", &keys, ABROAD_BUDGET);
}
