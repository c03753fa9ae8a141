//! Sign-in memory (issue 13 item 2): names are remembered in the database, per role, so
//! another database or another role never offers them; a second desk on the same file is
//! offered its own name; Enter moves field by field and never skips a name it offers.

use crate::common::db::{fixed_now, open_store};
use crate::common::desk::Desk;
use ratatui::crossterm::event::KeyCode;
use sigdesk::i18n::Lang;
use sigdesk::store::desks::{Claim, Holder};
use sigdesk::tui::SignInOptions;
use sigdesk::tui::model::{Screen, SignInField};
use std::path::Path;

/// A process whose home is `home` at the sign-in screen on the database at `path`.
fn at_sign_in(path: &Path, home: Screen) -> Desk {
    let args = SignInOptions::default();
    Desk::process(open_store(path), home, Lang::En, &args, fixed_now())
}

/// Signs in from the sign-in screen: whatever the names offered, these are typed over
/// them, Enter after each field.
fn sign_in(process: &mut Desk, desk: Option<&str>, operator: &str) {
    let clear = |p: &mut Desk| {
        for _ in 0..40 {
            p.press(KeyCode::Backspace);
        }
    };
    if let Some(desk) = desk {
        assert_eq!(process.model.signin.focus, SignInField::Desk);
        clear(process);
        process.type_line(desk);
    }
    assert_eq!(process.model.signin.focus, SignInField::Operator);
    clear(process);
    process.type_line(operator);
    process.type_line("1234");
    assert!(process.model.actor.is_some(), "{:?}", process.model.signin);
    // Sign-ins a millisecond apart order the memory.
    std::thread::sleep(std::time::Duration::from_millis(2));
}

/// The names the sign-in screen offers.
fn offered(process: &Desk) -> (String, String) {
    let s = &process.model.signin;
    (s.desk.value().to_string(), s.operator.value().to_string())
}

fn names(desk: &str, operator: &str) -> (String, String) {
    (desk.into(), operator.into())
}

#[test]
fn the_door_and_the_board_never_offer_a_desks_operator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    sign_in(&mut at_sign_in(&db, Screen::Desk), Some("desk-1"), "Anna");

    let mut door = at_sign_in(&db, Screen::Door);
    assert_eq!(offered(&door), names("door", ""));
    // The door's desk is fixed: the cursor starts on the operator.
    assert_eq!(door.model.signin.focus, SignInField::Operator);
    sign_in(&mut door, None, "Olga");
    let board = at_sign_in(&db, Screen::Board);
    assert_eq!(offered(&board), names("board", ""));

    // Each role is offered what it last signed in with here.
    assert_eq!(
        offered(&at_sign_in(&db, Screen::Door)),
        names("door", "Olga")
    );
    assert_eq!(
        offered(&at_sign_in(&db, Screen::Desk)),
        names("desk-1", "Anna")
    );
}

#[test]
fn names_are_remembered_per_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    sign_in(&mut at_sign_in(&a, Screen::Desk), Some("desk-7"), "Anna");
    assert_eq!(offered(&at_sign_in(&b, Screen::Desk)), names("", ""));
    sign_in(&mut at_sign_in(&b, Screen::Desk), Some("desk-9"), "Boris");
    assert_eq!(
        offered(&at_sign_in(&a, Screen::Desk)),
        names("desk-7", "Anna")
    );
    assert_eq!(
        offered(&at_sign_in(&b, Screen::Desk)),
        names("desk-9", "Boris")
    );
}

#[test]
fn enter_moves_to_the_next_field_and_never_skips_an_offered_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    sign_in(&mut at_sign_in(&db, Screen::Desk), Some("desk-1"), "Anna");

    let mut desk = at_sign_in(&db, Screen::Desk);
    assert_eq!(offered(&desk), names("desk-1", "Anna"));
    desk.press(KeyCode::Enter);
    assert_eq!(desk.model.signin.focus, SignInField::Operator);
    // Another operator at this desk types their name over the offered one.
    for _ in 0.."Anna".len() {
        desk.press(KeyCode::Backspace);
    }
    desk.type_line("Boris");
    assert_eq!(desk.model.signin.focus, SignInField::Pin);
    desk.type_line("1234");
    let actor = desk.model.actor.clone().expect("signed in");
    assert_eq!(
        (actor.desk.as_str(), actor.operator.as_str()),
        ("desk-1", "Boris")
    );

    // Enter on an empty field moves on too; the PIN says what is missing.
    let mut fresh = at_sign_in(&dir.path().join("other.db"), Screen::Desk);
    fresh.press(KeyCode::Enter);
    assert_eq!(fresh.model.signin.focus, SignInField::Operator);
    fresh.press(KeyCode::Enter);
    fresh.type_line("1234");
    assert!(fresh.model.actor.is_none());
    assert_eq!(fresh.model.signin.focus, SignInField::Desk);
    assert!(fresh.model.signin.problem.is_some());
}

#[test]
fn a_second_desk_on_the_same_file_is_offered_a_name_no_live_desk_holds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    sign_in(&mut at_sign_in(&db, Screen::Desk), Some("desk-1"), "Anna");
    sign_in(&mut at_sign_in(&db, Screen::Desk), Some("desk-2"), "Boris");
    // desk-2 is open on another laptop, beating its lease.
    let laptop = Holder {
        pid: 4242,
        host: "laptop-of-boris".into(),
    };
    let mut store = open_store(&db);
    store
        .release_desks(&Holder::this_process())
        .expect("the test's desks quit");
    let claim = store.claim_desk("desk-2", &laptop, chrono::Utc::now());
    assert!(matches!(claim, Ok(Claim::Taken { .. })), "{claim:?}");
    assert_eq!(
        offered(&at_sign_in(&db, Screen::Desk)),
        names("desk-1", "Anna")
    );
    store.release_desks(&laptop).expect("release");
    assert_eq!(
        offered(&at_sign_in(&db, Screen::Desk)),
        names("desk-2", "Boris")
    );
}
