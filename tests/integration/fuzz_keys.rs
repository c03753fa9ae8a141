//! Fuzzing the key handler: random key sequences (printable and Cyrillic letters, field and
//! screen keys, Ctrl and Alt chords, whole signers typed at once, resizes, clock ticks,
//! people arriving at the door) into a real `Model` through `tui::dispatch` on a
//! temp-database `Store`.
//!
//! After every key: nothing panicked; the database holds exactly the saves and voids the
//! status line reported; right after a save the form and the screen hold nothing of the
//! saved signer but, on a ticket, the place kept for the family (region, country, address,
//! signing date, exactly as saved); values are kept only for the ticket the desk serves; a
//! locked desk shows nothing personal; the desk's ticket is the one the database says it
//! serves; the model draws
//! at 80×24 and 120×40 (every 50th key and after every save; every key in the heavy run).
//!
//! Cases: `PROPTEST_CASES` (default 10, up to 100 actions each). The heavy variant runs 60 times
//! as many: `cargo test --release --test integration -- --ignored fuzz_keys::`.

use crate::common::db::{actor, all_entries, fixed_now, fresh_db, people};
use crate::common::desk::Desk;
use crate::common::fuzz::{cases, runner};
use crate::common::render::{screen_text, shown_at_both_sizes};
use chrono::Duration;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sigdesk::domain::{Entry, Field};
use sigdesk::tui::form::FIELDS;
use sigdesk::tui::model::{Screen, Tone};
use sigdesk::tui::msg::Msg;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One thing the operator (or the terminal, or the clock) does.
#[derive(Debug, Clone)]
enum Action {
    /// A key press.
    Key(KeyCode, KeyModifiers),
    /// A synthetic signer typed from the current field: fields with Tab between them.
    Signer(u32),
    /// What an operator does for a new signer: back to the form, clear it, go to the first
    /// field, type synthetic signer `n`, Ctrl-S twice (the second saves past warnings).
    CleanSigner(u32),
    /// Voiding from the entries screen: F4, a row, `v`, a reason, Enter.
    Void(u8),
    /// Opening an entry to edit it: F4, a row, Enter (the keys after it do the editing).
    Edit(u8),
    /// Typing the session PIN and Enter (unlocks a locked desk).
    Unlock,
    /// One field of a synthetic signer typed at once.
    Field(u32, usize),
    /// The terminal is resized (and the model drawn at that size).
    Resize(u16, u16),
    /// The clock moves on by some seconds.
    Tick(i64),
    /// Someone arrives at the door: a ticket is issued (Ctrl-N then has one to call).
    Arrival,
    /// Someone arrives and the desk calls them at once: a ticket issued, then Ctrl-N.
    Call,
}

fn key() -> impl Strategy<Value = Action> {
    let plain = |code: KeyCode| Just(Action::Key(code, KeyModifiers::NONE));
    let ctrl = |c: char| Just(Action::Key(KeyCode::Char(c), KeyModifiers::CONTROL));
    prop_oneof![
        8 => prop::char::range(' ', '~').prop_map(|c| Action::Key(KeyCode::Char(c), KeyModifiers::NONE)),
        6 => prop::char::range('А', 'я').prop_map(|c| Action::Key(KeyCode::Char(c), KeyModifiers::NONE)),
        1 => prop::sample::select(vec!['ё', 'Ё', '№', 'ю', '—', '’']).prop_map(|c| Action::Key(KeyCode::Char(c), KeyModifiers::NONE)),
        6 => plain(KeyCode::Tab),
        2 => Just(Action::Key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        5 => plain(KeyCode::Enter),
        3 => plain(KeyCode::Esc),
        2 => plain(KeyCode::Up),
        2 => plain(KeyCode::Down),
        1 => plain(KeyCode::Left),
        1 => plain(KeyCode::Right),
        3 => plain(KeyCode::Backspace),
        1 => plain(KeyCode::Delete),
        1 => plain(KeyCode::Home),
        1 => plain(KeyCode::End),
        4 => ctrl('s'),
        2 => ctrl('t'),
        1 => ctrl('o'),
        2 => ctrl('n'),
        1 => ctrl('u'),
        1 => ctrl('q'),
        1 => ctrl('l'),
        3 => (1u8..7).prop_map(|n| Action::Key(KeyCode::F(n), KeyModifiers::NONE)),
        2 => prop::char::range('1', '5').prop_map(|c| Action::Key(KeyCode::Char(c), KeyModifiers::ALT)),
        2 => prop::sample::select(vec!['y', 'n', 'v', 'e', ' ']).prop_map(|c| Action::Key(KeyCode::Char(c), KeyModifiers::NONE)),
        3 => (0u32..12).prop_map(Action::Signer),
        3 => (0u32..12).prop_map(Action::CleanSigner),
        1 => (0u8..3).prop_map(Action::Void),
        1 => (0u8..3).prop_map(Action::Edit),
        2 => Just(Action::Unlock),
        4 => (0u32..12, 0usize..7).prop_map(|(n, f)| Action::Field(n, f)),
        1 => (1u16..200, 1u16..70).prop_map(|(w, h)| Action::Resize(w, h)),
        2 => prop_oneof![4 => 0i64..120, 1 => 0i64..4000].prop_map(Action::Tick),
        1 => Just(Action::Arrival),
        2 => Just(Action::Call),
    ]
}

/// A session: signed in or not, then up to 100 actions.
fn session() -> impl Strategy<Value = (bool, Vec<Action>)> {
    (
        prop::bool::weighted(0.8),
        prop::collection::vec(key(), 0..100),
    )
}

/// The fields of synthetic signer `n` in the order Tab visits them (it passes over the
/// document kind).
fn signer_fields(n: u32) -> [String; 7] {
    let d = people()
        .numbered_draft(5, n, fixed_now().date_naive())
        .expect("signer");
    [
        d.surname,
        d.given_name,
        d.patronymic,
        d.birth_date,
        d.document,
        d.region,
        d.address,
    ]
}

/// The keys of an action.
fn keys_of(action: &Action) -> Vec<KeyEvent> {
    let typed = |text: &str| -> Vec<KeyEvent> {
        text.chars()
            .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
            .collect()
    };
    match action {
        Action::Key(code, modifiers) => vec![KeyEvent::new(*code, *modifiers)],
        Action::Signer(n) => {
            let mut keys = Vec::new();
            for (i, text) in signer_fields(*n).iter().enumerate() {
                if i > 0 {
                    keys.push(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
                }
                keys.extend(typed(text));
            }
            keys
        }
        Action::CleanSigner(n) => {
            let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
            let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
            let mut keys = vec![
                plain(KeyCode::F(2)),
                plain(KeyCode::Esc),
                plain(KeyCode::Esc),
            ];
            keys.push(plain(KeyCode::Char('y')));
            keys.extend([KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT); 10]);
            keys.extend(keys_of(&Action::Signer(*n)));
            keys.extend([ctrl_s, ctrl_s]);
            keys
        }
        Action::Void(row) | Action::Edit(row) => {
            let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
            let mut keys = vec![plain(KeyCode::F(4))];
            keys.extend(vec![plain(KeyCode::Down); usize::from(*row)]);
            if matches!(action, Action::Void(_)) {
                keys.push(plain(KeyCode::Char('v')));
                keys.extend(typed("ошибка в дате"));
            }
            keys.push(plain(KeyCode::Enter));
            keys
        }
        Action::Unlock => {
            let mut keys = typed(PIN);
            keys.push(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
            keys
        }
        Action::Field(n, field) => typed(&signer_fields(*n)[*field]),
        Action::Call => vec![KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL)],
        Action::Resize(..) | Action::Tick(_) | Action::Arrival => Vec::new(),
    }
}

/// The session PIN `Desk::signed_in` signs in with.
const PIN: &str = "1234";

/// What the test has seen the desk report.
#[derive(Default)]
struct Seen {
    saves: u64,
    voids: u64,
    ids: HashSet<String>,
    /// Names, documents and addresses of saved entries (must never show while locked).
    personal: Vec<String>,
    /// Locked screens checked.
    locks: u64,
    /// Saves after which the form kept the place for the next of the family.
    kept: u64,
}

fn status_text(desk: &Desk) -> Option<String> {
    desk.model.status.as_ref().map(|(_, text)| text.clone())
}

/// Presses one key and checks every invariant.
fn press(
    desk: &mut Desk,
    seen: &mut Seen,
    key: KeyEvent,
    draw_now: bool,
) -> Result<(), TestCaseError> {
    let status_before = status_text(desk);
    let voiding = desk.model.entries.void_reason.is_some();
    let ticket_before = desk.model.ticket.as_ref().map(|t| t.id);
    let locked_before = desk.model.lock.is_some();
    desk.send(Msg::Key(key));
    if desk.model.lock.is_some() && (!locked_before || draw_now) {
        check_nothing_personal_shows(desk, seen)?;
    }

    let status = status_text(desk);
    let reported_save = status != status_before
        && matches!(desk.model.status, Some((Tone::Success, _)))
        && status.as_deref().is_some_and(|s| s.starts_with("Saved: "));
    let reported_void = voiding
        && key.code == KeyCode::Enter
        && desk.model.entries.void_reason.is_none()
        && status.as_deref() == Some("Entry voided");
    seen.saves += u64::from(reported_save);
    seen.kept += u64::from(reported_save && desk.model.form.carry.is_some());
    seen.voids += u64::from(reported_void);

    let (valid, voided) = desk.totals();
    prop_assert_eq!(
        valid,
        seen.saves - seen.voids,
        "valid entries vs saves reported"
    );
    prop_assert_eq!(voided, seen.voids, "voided entries vs voids reported");

    let new: Vec<Entry> = if valid + voided > seen.ids.len() as u64 {
        all_entries(&desk.store)
            .into_iter()
            .filter(|e| !seen.ids.contains(&e.id))
            .collect()
    } else {
        Vec::new()
    };
    prop_assert_eq!(
        new.len(),
        usize::from(reported_save),
        "entries added by one key"
    );
    for e in new {
        seen.ids.insert(e.id.clone());
        seen.personal.extend([
            e.signer.surname.clone(),
            e.signer.doc_number.clone(),
            e.signer.address.clone(),
        ]);
        check_form_forgot(desk, &e)?;
        prop_assert_eq!(
            e.ticket,
            ticket_before,
            "the entry links to the desk's ticket"
        );
    }

    check_kept_for_the_ticket(desk)?;
    if let Some(actor) = desk.model.actor.clone() {
        let serving = desk.store.serving_ticket(&actor.desk).expect("serving");
        prop_assert_eq!(
            serving.map(|t| t.id),
            desk.model.ticket.as_ref().map(|t| t.id),
            "the desk's ticket vs the database"
        );
    }
    if draw_now {
        shown_at_both_sizes(&desk.model);
    }
    Ok(())
}

/// While the desk is locked the screen shows nothing personal: no typed field, no saved entry.
fn check_nothing_personal_shows(desk: &Desk, seen: &mut Seen) -> Result<(), TestCaseError> {
    seen.locks += 1;
    let screen = shown_at_both_sizes(&desk.model);
    let form = |form: &sigdesk::tui::form::Form| -> Vec<String> {
        FIELDS
            .iter()
            .filter(|f| !matches!(f, Field::SignedOn | Field::DocKind))
            .map(|f| form.text(*f).trim().to_string())
            .collect()
    };
    let mut personal = form(&desk.model.form);
    if let Some(stashed) = &desk.model.stashed {
        personal.extend(form(stashed));
    }
    personal.extend(seen.personal.iter().cloned());
    let actor = desk
        .model
        .actor
        .as_ref()
        .expect("only a signed-in desk locks");
    for value in personal {
        // Short texts and the names on the top line may show by coincidence or by design.
        if value.chars().count() < 6
            || actor.desk.contains(&value)
            || actor.operator.contains(&value)
        {
            continue;
        }
        prop_assert!(
            !screen.contains(&value),
            "`{}` shows on the locked screen",
            value
        );
    }
    Ok(())
}

/// Fields a family shares: the only ones a form may keep from the last signer.
const SHARED: [Field; 4] = [
    Field::Region,
    Field::AbroadCountry,
    Field::Address,
    Field::SignedOn,
];

/// Values are kept only from the shared fields, and only while the desk serves the
/// ticket they were saved on (in the form and in a form put aside for an edit).
fn check_kept_for_the_ticket(desk: &Desk) -> Result<(), TestCaseError> {
    let serving = desk.model.ticket.as_ref().map(|t| t.id);
    for form in std::iter::once(&desk.model.form).chain(desk.model.stashed.as_ref()) {
        if let Some(carry) = &form.carry {
            prop_assert_eq!(Some(carry.ticket), serving, "kept for another ticket");
            prop_assert!(
                carry.fields.iter().all(|f| SHARED.contains(f)),
                "kept fields {:?}",
                carry.fields
            );
        }
    }
    Ok(())
}

/// Right after a save: the next signer must see nothing of the one just saved but, on a
/// ticket, the place kept for the family, exactly as saved.
fn check_form_forgot(desk: &Desk, saved: &Entry) -> Result<(), TestCaseError> {
    let form = &desk.model.form;
    prop_assert!(!form.has_signer_data(), "the form kept data after a save");
    prop_assert!(form.editing.is_none());
    prop_assert_eq!(desk.model.screen, Screen::Desk);
    if saved.ticket.is_none() {
        prop_assert!(form.carry.is_none(), "values kept without a ticket");
    }
    if form.is_carried(Field::Address) {
        prop_assert_eq!(form.text(Field::Address), saved.signer.address.as_str());
    }
    if form.is_carried(Field::Region) {
        let region = desk.model.regions.resolve(form.text(Field::Region));
        prop_assert_eq!(
            region.map(|r| r.code.as_str()),
            Some(saved.signer.region_code.as_str())
        );
    }
    let actor = desk.model.actor.as_ref().expect("signed in");
    let screen = shown_at_both_sizes(&desk.model);
    let kept_address = form.is_carried(Field::Address);
    for value in [
        &saved.signer.doc_number,
        &saved.signer.surname,
        &saved.signer.birth_date.format("%d.%m.%Y").to_string(),
    ]
    .into_iter()
    .chain((!kept_address).then_some(&saved.signer.address))
    {
        // Names typed into the sign-in fields show on the top line by design.
        if actor.desk.contains(value.as_str()) || actor.operator.contains(value.as_str()) {
            continue;
        }
        prop_assert!(
            !screen.contains(value.as_str()),
            "`{}` still on screen",
            value
        );
    }
    Ok(())
}

/// Plays one session on a fresh database, checking every invariant after every key;
/// returns what the desk reported and how many keys were pressed.
fn play(
    signed_in: bool,
    actions: &[Action],
    draw_every: usize,
) -> Result<(Seen, usize), TestCaseError> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fresh_db(dir.path());
    let mut desk = if signed_in {
        Desk::signed_in(&path, "desk-1", "Anna")
    } else {
        Desk::at_sign_in(&path)
    };
    let mut seen = Seen::default();
    let mut pressed = 0;
    for action in actions {
        match action {
            Action::Resize(w, h) => {
                desk.send(Msg::Resize(*w, *h));
                screen_text(&desk.model, *w, *h);
            }
            Action::Arrival | Action::Call => {
                let today = desk.model.today();
                let now = desk.model.now;
                desk.store
                    .issue_ticket(&actor("door", "Olga"), today, now)
                    .expect("issue a ticket");
            }
            Action::Tick(seconds) => {
                let now = desk.model.now + Duration::seconds(*seconds);
                let locked_before = desk.model.lock.is_some();
                desk.send(Msg::Tick(now));
                if desk.model.lock.is_some() && !locked_before {
                    check_nothing_personal_shows(&desk, &mut seen)?;
                }
            }
            _ => {}
        }
        for key in keys_of(action) {
            pressed += 1;
            press(&mut desk, &mut seen, key, pressed % draw_every == 0)?;
            if desk.model.quit {
                return Ok((seen, pressed));
            }
        }
    }
    shown_at_both_sizes(&desk.model);
    Ok((seen, pressed))
}

fn key_sessions(cases: u32, draw_every: usize) {
    let saves = AtomicUsize::new(0);
    let kept = AtomicUsize::new(0);
    let voids = AtomicUsize::new(0);
    let keys = AtomicUsize::new(0);
    runner(cases)
        .run(&session(), |(signed_in, actions)| {
            let (seen, pressed) = play(signed_in, &actions, draw_every)?;
            saves.fetch_add(seen.saves as usize, Ordering::Relaxed);
            kept.fetch_add(seen.kept as usize, Ordering::Relaxed);
            voids.fetch_add(seen.voids as usize, Ordering::Relaxed);
            keys.fetch_add(pressed, Ordering::Relaxed);
            Ok(())
        })
        .unwrap();
    println!(
        "{cases} sessions, {} keys, {} saves ({} kept the place), {} voids",
        keys.into_inner(),
        saves.into_inner(),
        kept.into_inner(),
        voids.into_inner()
    );
}

/// The checker itself sees saves, voids, locks and kept places: a fixed session with four
/// saves on one ticket, a void, an edit and a lock with a half-typed signer.
#[test]
fn the_invariants_see_saves_voids_and_edits() {
    let ctrl_s = Action::Key(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let actions = [
        Action::Call,
        Action::CleanSigner(0),
        Action::CleanSigner(1),
        Action::Void(1),
        Action::Edit(0),
        Action::Key(KeyCode::Char('а'), KeyModifiers::NONE),
        ctrl_s,
        Action::CleanSigner(2),
        Action::Field(3, 0),
        Action::Key(KeyCode::Char('l'), KeyModifiers::CONTROL),
        Action::Unlock,
        Action::CleanSigner(4),
    ];
    let (seen, _) = play(true, &actions, 25).expect("a clean session");
    assert_eq!((seen.saves, seen.voids, seen.ids.len()), (4, 1, 4));
    assert_eq!(seen.locks, 1);
    assert!(seen.kept >= 1, "no save kept the place");
}

#[test]
fn random_keys_never_panic_and_never_leak_a_saved_signer() {
    key_sessions(cases(10), 50);
}

#[test]
#[ignore = "heavy; run with `cargo test --release --test integration -- --ignored fuzz_keys::`"]
fn heavy() {
    key_sessions(cases(10) * 60, 1);
}
