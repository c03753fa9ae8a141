//! The session lock, driven by keys and an injected clock: idle time and Ctrl-L lock, the
//! locked screen shows nothing personal, the session PIN unlocks, and after 5 wrong PINs
//! only the database passphrase (or on a plain training database the lead PIN) does.

use crate::common::db::{fixed_now, lead, open_keyed, set_campaign};
use crate::common::desk::{Desk, IVANOV, fresh_desk};
use crate::common::render::{draw, screen_lines, shown_at_both_sizes};
use chrono::Duration;
use ratatui::crossterm::event::KeyCode;
use sigdesk::store::Key;
use sigdesk::tui::msg::Msg;
use tempfile::TempDir;

/// What of IVANOV must never show while locked.
const PERSONAL: [&str; 6] = ["Иванов", "Иван", "4506", "123456", "Тверская", "15.05.1985"];

fn desk_with_a_typed_signer() -> (TempDir, Desk) {
    let (dir, mut desk) = fresh_desk();
    desk.fill(&IVANOV);
    let shown = shown_at_both_sizes(&desk.model);
    assert!(PERSONAL.iter().all(|p| shown.contains(p)), "{shown}");
    (dir, desk)
}

/// Locks the desk with Ctrl-L and types five wrong session PINs: the lock screen asks for
/// `hint`, `refused` leaves it locked, `unlocks` opens it.
fn unlock_after_five_wrong_pins(desk: &mut Desk, hint: &str, refused: &str, unlocks: &str) {
    desk.ctrl('l');
    for _ in 0..5 {
        desk.type_line("9999");
    }
    let lock = desk.model.lock.as_ref().expect("still locked");
    assert_eq!(lock.wrong, 5);
    let shown = shown_at_both_sizes(&desk.model);
    assert!(shown.contains(hint), "{shown}");
    desk.type_line(refused);
    assert!(desk.model.lock.is_some());
    desk.type_line(unlocks);
    assert!(desk.model.lock.is_none());
}

/// A desk signed in on `enc.db` in `dir`, encrypted with `passphrase`.
fn encrypted_desk(dir: &TempDir, desk: &str, passphrase: &str) -> Desk {
    let key = Key::Passphrase(passphrase.into());
    let store = open_keyed(&dir.path().join("enc.db"), &key).expect("encrypted store");
    Desk::signed_in_on(store, desk, "Anna")
}

#[test]
fn idle_time_locks_and_the_locked_screen_shows_nothing_personal() {
    let (_dir, mut desk) = desk_with_a_typed_signer();
    let idle = i64::from(desk.model.campaign.idle_lock_min);
    assert_eq!(idle, 5, "default idle_lock_min");
    desk.send(Msg::Tick(
        fixed_now() + Duration::minutes(idle) - Duration::seconds(1),
    ));
    assert!(desk.model.lock.is_none(), "locked before the idle time");
    desk.send(Msg::Tick(fixed_now() + Duration::minutes(idle)));
    assert!(desk.model.lock.is_some(), "not locked after the idle time");
    let shown = shown_at_both_sizes(&desk.model);
    for p in PERSONAL {
        assert!(!shown.contains(p), "`{p}` visible while locked:\n{shown}");
    }
    assert!(shown.contains("Locked"), "{shown}");
}

#[test]
fn the_session_pin_unlocks_and_the_signer_is_still_there() {
    let (_dir, mut desk) = desk_with_a_typed_signer();
    desk.ctrl('l');
    assert!(desk.model.lock.is_some());
    // Keys do nothing else while locked: Ctrl-S does not save.
    desk.ctrl('s');
    assert_eq!(desk.totals(), (0, 0));
    desk.type_line("1234");
    assert!(desk.model.lock.is_none());
    assert_eq!(
        desk.model.form.text(sigdesk::domain::Field::Surname),
        "Иванов"
    );
    desk.ctrl('s');
    assert_eq!(desk.totals(), (1, 0));
}

#[test]
fn five_wrong_pins_need_the_lead_pin_on_a_training_database() {
    let (_dir, mut desk) = desk_with_a_typed_signer();
    desk.store
        .set_lead_pin("2468", &lead(), fixed_now())
        .expect("lead PIN");
    // The session PIN no longer unlocks.
    unlock_after_five_wrong_pins(&mut desk, "lead PIN", "1234", "2468");
}

#[test]
fn five_wrong_pins_need_the_passphrase_on_an_encrypted_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = encrypted_desk(&dir, "desk-1", "пароль стола 7");
    assert!(desk.model.encrypted);
    let hint = "database passphrase";
    unlock_after_five_wrong_pins(&mut desk, hint, "wrong passphrase", "пароль стола 7");
}

#[test]
fn a_pin_of_the_wrong_shape_is_refused_at_sign_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = Desk::at_sign_in(&dir.path().join("s.db"));
    desk.type_line("desk-1");
    desk.type_line("Anna");
    desk.type_line("12");
    assert!(desk.model.actor.is_none());
    let problem = desk.model.signin.problem.clone().unwrap_or_default();
    assert!(problem.contains("4 to 8 digits"), "{problem}");
    desk.type_line("482913");
    assert!(desk.model.actor.is_some());
    assert_eq!(desk.model.session_pin.as_deref(), Some("482913"));
}

#[test]
fn a_plain_database_and_a_due_wipe_are_shown_on_every_screen() {
    let (dir, mut desk) = fresh_desk();
    let top = |desk: &Desk| screen_lines(&draw(&desk.model, 80, 24))[0].clone();
    for key in [KeyCode::F(2), KeyCode::F(3), KeyCode::F(4), KeyCode::F(6)] {
        desk.press(key);
        assert!(top(&desk).contains("NOT ENCRYPTED"), "{}", top(&desk));
        assert!(!top(&desk).contains("WIPE DUE"), "{}", top(&desk));
    }
    set_campaign(&mut desk.store, "retain_until", "2024-03-01");
    desk.send(Msg::DataChanged);
    assert!(top(&desk).contains("WIPE DUE"), "{}", top(&desk));

    let encrypted = encrypted_desk(&dir, "desk-2", "secret words");
    assert!(
        !top(&encrypted).contains("NOT ENCRYPTED"),
        "{}",
        top(&encrypted)
    );
}
