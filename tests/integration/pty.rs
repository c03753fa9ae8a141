//! End to end: the real binary in a pseudo-terminal, typed at like an operator would, the
//! screen read back through vt100, then the database checked with the library.
//!
//! Journeys: first start on an encrypted database and sign-in with a session PIN (and the
//! names remembered in the database for the next start), a name typed in the wrong keyboard
//! layout fixed with Ctrl-T, a duplicate passport blocked, an entry edited and another voided
//! from the entries screen (F4). Each waits by polling the screen every 10 ms, never by fixed sleeps.

use crate::common::db::{all_entries, open_keyed};
use crate::common::desk::{IVANOV, KUZNETSOVA, PETROVA, Signer};
use crate::common::pty::Session;
use sigdesk::domain::{Entry, EntryStatus};
use sigdesk::store::{Key, Store};
use std::path::Path;
use std::time::{Duration, Instant};

const TAB: &str = "\t";
const ENTER: &str = "\r";
const BACKSPACE: &str = "\x7f";
const CTRL_S: &str = "\x13";
const CTRL_T: &str = "\x14";
const F4: &str = "\x1bOS";
/// The passphrase of the encrypted database of the first journey.
const PASSPHRASE: &str = "pty test passphrase";

/// A desk already signed in, on a plain (training) database.
pub(super) fn training_desk(dir: &Path) -> Session {
    let args = ["--no-encrypt", "--desk", "desk-1", "--operator", "Anna"];
    let session = Session::start(dir, &args, &[("SIGDESK_PIN", "1234"), LEAD_PIN_ENV]);
    session.wait_for("New signer");
    session
}

/// The door on the same training database.
fn training_door(dir: &Path) -> Session {
    let args = ["--no-encrypt", "door", "--operator", "Olga"];
    let door = Session::start(dir, &args, &[("SIGDESK_PIN", "1234"), LEAD_PIN_ENV]);
    door.wait_for("Space/Enter next number");
    door
}

const LEAD_PIN_ENV: (&str, &str) = ("SIGDESK_LEAD_PIN", crate::common::cli::LEAD_PIN);

/// The database the journey wrote, opened with the library.
pub(super) fn open(dir: &Path, key: &Key) -> Store {
    open_keyed(&dir.join("s.db"), key).expect("open the desk's database")
}

/// Every entry in the database, valid and voided, in save order.
pub(super) fn entries(dir: &Path, key: &Key) -> Vec<Entry> {
    all_entries(&open(dir, key))
}

/// Types a whole signer, saves with Ctrl-S and waits for the saved line `line` of sheet 1.
fn save(desk: &mut Session, signer: &Signer, line: u32) {
    desk.type_keys(&(signer_keys(signer) + CTRL_S));
    desk.wait_for(&format!("Saved: sheet 1 line {line}"));
}

/// The keys for a whole signer from the surname: Tab between fields (Tab passes over the
/// document kind), ending on the address.
fn signer_keys(signer: &Signer) -> String {
    signer.fields().join(TAB)
}

#[test]
fn first_start_asks_the_names_then_remembers_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let encrypted = [("SIGDESK_PASSPHRASE", PASSPHRASE), LEAD_PIN_ENV];
    let key = Key::Passphrase(PASSPHRASE.into());
    let mut desk = Session::start(dir.path(), &[], &encrypted);
    desk.wait_for("Sign in");
    desk.type_keys("desk-7\r");
    desk.wait_for("▶Operator");
    desk.type_keys("Anna\r");
    desk.wait_for("▶PIN");
    desk.type_keys("1234\r");
    desk.wait_for("New signer");

    // Enter on the last field saves.
    desk.type_keys(&(signer_keys(&IVANOV) + TAB + ENTER));
    desk.wait_for("Saved: sheet 1 line 1");
    let screen = desk.contents();
    assert!(
        !screen.contains("Иванов"),
        "the form still shows the signer:\n{screen}"
    );
    desk.quit();

    assert!(open(dir.path(), &key).is_encrypted());
    let saved = entries(dir.path(), &key);
    assert_eq!(saved.len(), 1, "{saved:?}");
    let e = &saved[0];
    assert_eq!(e.status, EntryStatus::Valid);
    assert_eq!(e.signer.surname, "Иванов");
    assert_eq!(
        (e.signer.doc_series.as_str(), e.signer.doc_number.as_str()),
        ("4506", "123456")
    );
    assert_eq!((e.desk.as_str(), e.operator.as_str()), ("desk-7", "Anna"));
    assert_eq!((e.sheet, e.line), (1, 1));

    // The next start on this database offers the same names; Enter passes each field
    // in turn to the PIN.
    let mut desk = Session::start(dir.path(), &[], &encrypted);
    desk.wait_for("Sign in");
    desk.wait_for("desk-7");
    desk.type_keys(ENTER);
    desk.wait_for("▶Operator   Anna");
    desk.type_keys(ENTER);
    desk.wait_for("▶PIN");
    desk.type_keys("1234\r");
    desk.wait_for("New signer");
    save(&mut desk, &PETROVA, 2);
    desk.quit();
    let saved = entries(dir.path(), &key);
    assert_eq!(saved.len(), 2);
    assert_eq!(
        (saved[1].signer.surname.as_str(), saved[1].desk.as_str()),
        ("Петрова", "desk-7")
    );
}

#[test]
fn a_name_typed_in_the_english_layout_is_fixed_with_ctrl_t() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = training_desk(dir.path());
    desk.type_keys(&format!("Bdfyjd{TAB}"));
    desk.wait_for("typed in the English layout? Ctrl-T makes it “Иванов”");
    // Ctrl-T on the next field fixes the nearest earlier one.
    desk.type_keys(CTRL_T);
    desk.wait_for("Changed to “Иванов”");
    desk.wait_gone("English layout");
    desk.type_keys(&(IVANOV.fields()[1..].join(TAB) + CTRL_S));
    desk.wait_for("Saved: sheet 1 line 1");
    desk.quit();

    let saved = entries(dir.path(), &Key::Plain);
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert_eq!(
        (
            saved[0].signer.surname.as_str(),
            saved[0].signer.given_name.as_str()
        ),
        ("Иванов", "Иван")
    );
}

#[test]
fn a_passport_already_signed_with_is_blocked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = training_desk(dir.path());
    save(&mut desk, &IVANOV, 1);

    desk.type_keys(&signer_keys(&Signer {
        document: IVANOV.document,
        birth_date: IVANOV.birth_date,
        ..PETROVA
    }));
    desk.wait_for("already signed with it: sheet 1 line 1, point-1 desk desk-1");
    desk.type_keys(CTRL_S);
    desk.wait_for("Not saved: 1 error marked ✗ — fix it first");
    desk.wait_for("Петрова");

    let saved = entries(dir.path(), &Key::Plain);
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert_eq!(saved[0].signer.surname, "Иванов");
}

#[test]
fn an_entry_is_edited_and_another_voided_from_the_entries_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = training_desk(dir.path());
    save(&mut desk, &IVANOV, 1);
    save(&mut desk, &PETROVA, 2);

    // Newest first: Enter opens Петрова in the form.
    desk.type_keys(F4);
    desk.wait_for("Иванов");
    desk.type_keys(ENTER);
    desk.wait_for("Editing a saved entry");
    let address = PETROVA.address;
    let backspaces = BACKSPACE.repeat(address.chars().count());
    let new_address = "Москва, Ленинский пр-т, д. 32, кв. 5";
    desk.type_keys(&format!(
        "{}{backspaces}{new_address}{CTRL_S}",
        TAB.repeat(6)
    ));
    desk.wait_for("Changes saved");

    // Back on the list: the second row is Иванов; v asks a reason, Enter voids.
    desk.type_keys("\x1b[B"); // Down
    desk.type_keys("v");
    desk.type_keys("подпись не та\r");
    desk.wait_for("Entry voided");
    desk.type_keys("\x1b"); // Esc: back to the form, which is empty
    desk.wait_for("New signer");
    desk.quit();

    let saved = entries(dir.path(), &Key::Plain);
    assert_eq!(saved.len(), 2, "{saved:?}");
    let (ivanov, petrova) = (&saved[0], &saved[1]);
    assert_eq!(petrova.signer.address, new_address);
    assert_eq!((petrova.sheet, petrova.line), (1, 2), "same paper line");
    assert_eq!(petrova.status, EntryStatus::Valid);
    assert_eq!(ivanov.status, EntryStatus::Voided);
    assert_eq!(ivanov.void_reason, "подпись не та");

    let store = open(dir.path(), &Key::Plain);
    let actions = |id: &str| -> Vec<String> {
        store
            .events_for_entry(id)
            .expect("events")
            .into_iter()
            .map(|e| e.action)
            .collect()
    };
    assert_eq!(actions(&petrova.id), ["create", "edit"]);
    assert_eq!(actions(&ivanov.id), ["create", "void"]);
}

#[test]
fn a_family_of_three_signs_on_one_ticket_called_from_the_door() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = training_desk(dir.path());
    let mut door = training_door(dir.path());
    door.type_keys("  ");
    door.wait_for("Ticket 002 issued");
    desk.wait_for("2 waiting");

    desk.type_keys("\x0e"); // Ctrl-N
    desk.wait_for("now serving 001");
    for (line, signer) in (1..).zip([IVANOV, PETROVA, KUZNETSOVA]) {
        save(&mut desk, &signer, line);
    }
    desk.type_keys("\x0e");
    desk.wait_for("001 done · now serving 002");
    door.wait_for("0 waiting");

    let store = open(dir.path(), &Key::Plain);
    let day = store
        .campaign()
        .expect("campaign")
        .local_date(chrono::Utc::now());
    let tickets = store.tickets_of_day(day).expect("tickets");
    assert_eq!(tickets.len(), 2);
    assert_eq!(
        tickets[0].status,
        sigdesk::domain::queue::TicketStatus::Done
    );
    assert_eq!(tickets[1].desk.as_deref(), Some("desk-1"));
    let saved = entries(dir.path(), &Key::Plain);
    assert_eq!(saved.len(), 3, "{saved:?}");
    assert!(
        saved.iter().all(|e| e.ticket == Some(tickets[0].id)),
        "{saved:?}"
    );
    drop(door);
    desk.quit();
}

#[test]
fn a_ticket_issued_at_the_door_shows_at_a_desk_within_a_second() {
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = training_desk(dir.path());
    desk.wait_for("0 waiting");
    let mut door = training_door(dir.path());
    door.type_keys(" ");
    door.wait_for("Ticket 001 issued");
    let issued = Instant::now();
    desk.wait_for("1 waiting");
    let seen = issued.elapsed();
    assert!(
        seen < Duration::from_secs(1),
        "the desk saw the ticket after {seen:?}"
    );
    eprintln!("the desk saw the new ticket after {seen:?}");
}
