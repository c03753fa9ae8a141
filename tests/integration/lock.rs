//! The session lock, driven by keys and an injected clock: idle time and Ctrl-L lock, the
//! locked screen shows nothing personal, the session PIN unlocks, and after 5 wrong PINs
//! only the database passphrase (or on a plain training database the lead PIN) does.

use crate::common::{Desk, IVANOV, fixed_now};
use chrono::Duration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use sigdesk::domain::RegionCatalog;
use sigdesk::store::{Actor, Key, Store};
use sigdesk::tui::msg::Msg;

/// Everything the rendered screen shows, at 80×24 and 120×40.
fn screen_text(desk: &Desk) -> String {
    [(80, 24), (120, 40)]
        .into_iter()
        .map(|(w, h)| {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|f| sigdesk::tui::screens::render(f, &desk.model))
                .expect("draw");
            let buffer = terminal.backend().buffer();
            (0..h)
                .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What of IVANOV must never show while locked.
const PERSONAL: [&str; 6] = ["Иванов", "Иван", "4506", "123456", "Тверская", "15.05.1985"];

fn desk_with_a_typed_signer(dir: &tempfile::TempDir) -> Desk {
    let mut desk = Desk::signed_in(&dir.path().join("s.db"), "desk-1", "Anna");
    desk.fill(&IVANOV);
    let shown = screen_text(&desk);
    assert!(PERSONAL.iter().all(|p| shown.contains(p)), "{shown}");
    desk
}

fn type_line(desk: &mut Desk, text: &str) {
    desk.type_text(text);
    desk.press(KeyCode::Enter);
}

#[test]
fn idle_time_locks_and_the_locked_screen_shows_nothing_personal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_with_a_typed_signer(&dir);
    let idle = i64::from(desk.model.campaign.idle_lock_min);
    assert_eq!(idle, 5, "default idle_lock_min");
    desk.send(Msg::Tick(
        fixed_now() + Duration::minutes(idle) - Duration::seconds(1),
    ));
    assert!(desk.model.lock.is_none(), "locked before the idle time");
    desk.send(Msg::Tick(fixed_now() + Duration::minutes(idle)));
    assert!(desk.model.lock.is_some(), "not locked after the idle time");
    let shown = screen_text(&desk);
    for p in PERSONAL {
        assert!(!shown.contains(p), "`{p}` visible while locked:\n{shown}");
    }
    assert!(shown.contains("Locked"), "{shown}");
}

#[test]
fn the_session_pin_unlocks_and_the_signer_is_still_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_with_a_typed_signer(&dir);
    desk.ctrl('l');
    assert!(desk.model.lock.is_some());
    // Keys do nothing else while locked: Ctrl-S does not save.
    desk.ctrl('s');
    assert_eq!(desk.totals(), (0, 0));
    type_line(&mut desk, "1234");
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
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_with_a_typed_signer(&dir);
    let lead = Actor {
        desk: "cli".into(),
        operator: "lead".into(),
    };
    desk.store
        .set_lead_pin("2468", &lead, fixed_now())
        .expect("lead PIN");
    desk.ctrl('l');
    for _ in 0..5 {
        type_line(&mut desk, "9999");
    }
    let lock = desk.model.lock.as_ref().expect("still locked");
    assert_eq!(lock.wrong, 5);
    assert!(screen_text(&desk).contains("lead PIN"));
    // The session PIN no longer unlocks.
    type_line(&mut desk, "1234");
    assert!(desk.model.lock.is_some());
    type_line(&mut desk, "2468");
    assert!(desk.model.lock.is_none());
}

#[test]
fn five_wrong_pins_need_the_passphrase_on_an_encrypted_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("enc.db");
    let regions = RegionCatalog::embedded().expect("regions");
    let key = Key::Passphrase("пароль стола 7".into());
    let store = Store::open_keyed(&path, &regions, &key).expect("encrypted store");
    let mut desk = Desk::signed_in_on(store, "desk-1", "Anna");
    assert!(desk.model.encrypted);
    desk.ctrl('l');
    for _ in 0..5 {
        type_line(&mut desk, "0000");
    }
    assert!(screen_text(&desk).contains("database passphrase"));
    type_line(&mut desk, "wrong passphrase");
    assert!(desk.model.lock.is_some());
    type_line(&mut desk, "пароль стола 7");
    assert!(desk.model.lock.is_none());
}

#[test]
fn a_pin_of_the_wrong_shape_is_refused_at_sign_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = Desk::at_sign_in(&dir.path().join("s.db"));
    desk.model.signin = Default::default();
    type_line(&mut desk, "desk-1");
    type_line(&mut desk, "Anna");
    type_line(&mut desk, "12");
    assert!(desk.model.actor.is_none());
    let problem = desk.model.signin.problem.clone().unwrap_or_default();
    assert!(problem.contains("4 to 8 digits"), "{problem}");
    type_line(&mut desk, "482913");
    assert!(desk.model.actor.is_some());
    assert_eq!(desk.model.session_pin.as_deref(), Some("482913"));
}

#[test]
fn a_plain_database_and_a_due_wipe_are_shown_on_every_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = Desk::signed_in(&dir.path().join("s.db"), "desk-1", "Anna");
    let top = |desk: &Desk| {
        screen_text(desk)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    for key in [KeyCode::F(2), KeyCode::F(3), KeyCode::F(4), KeyCode::F(6)] {
        desk.press(key);
        assert!(top(&desk).contains("NOT ENCRYPTED"), "{}", top(&desk));
        assert!(!top(&desk).contains("WIPE DUE"), "{}", top(&desk));
    }
    crate::common::set_campaign(&mut desk.store, "retain_until", "2024-03-01");
    desk.send(Msg::DataChanged);
    assert!(top(&desk).contains("WIPE DUE"), "{}", top(&desk));

    let regions = RegionCatalog::embedded().expect("regions");
    let key = Key::Passphrase("secret words".into());
    let store = Store::open_keyed(&dir.path().join("enc.db"), &regions, &key).expect("open");
    let encrypted = Desk::signed_in_on(store, "desk-2", "Boris");
    assert!(
        !top(&encrypted).contains("NOT ENCRYPTED"),
        "{}",
        top(&encrypted)
    );
}
