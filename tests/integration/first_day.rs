//! A first day at a real point (issue 13), driven by keys through the real update loop
//! and drawn at 80×24: the door never idle-locks, a blocked signer is told not to sign,
//! a too-small terminal takes no key but quitting, one Esc closes the innermost thing and
//! every question says what yes does, and the texts volunteers tripped over.

use crate::common::db::{fixed_now, open_store};
use crate::common::desk::{
    Desk, IVANOV, PETROVA, Signer, fresh_desk, petrova_abroad, signed_in_as,
};
use crate::common::render::screen_text;
use chrono::Duration;
use ratatui::crossterm::event::KeyCode;
use sigdesk::domain::Field;
use sigdesk::i18n::{CheckText, Lang, LockText, Text};
use sigdesk::tui::SignInOptions;
use sigdesk::tui::model::{Confirm, Screen};
use sigdesk::tui::msg::Msg;
use sigdesk::tui::screens::{chrome, help};
use std::path::Path;

/// A door process on `db` signed in as Olga, in `lang`.
fn door(db: &Path, lang: Lang) -> Desk {
    let args = SignInOptions {
        operator: Some("Olga".into()),
        pin: Some("1234".into()),
        ..SignInOptions::default()
    };
    Desk::process(open_store(db), Screen::Door, lang, &args, fixed_now())
}

/// A desk process on `db` signed in as `desk`/Anna, in `lang`.
fn desk_in(db: &Path, desk: &str, lang: Lang) -> Desk {
    let args = signed_in_as(desk, "Anna");
    Desk::process(open_store(db), Screen::Desk, lang, &args, fixed_now())
}

fn screen(process: &Desk) -> String {
    screen_text(&process.model, 80, 24)
}

// Item 1 ---------------------------------------------------------------------------------

#[test]
fn the_door_never_idle_locks_and_space_after_a_long_wait_issues_a_ticket() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    let mut door = door(&db, Lang::En);
    door.press(KeyCode::Char(' '));
    door.press(KeyCode::Char(' '));
    let mut desk = desk_in(&db, "desk-2", Lang::En);
    desk.ctrl('n');
    door.send(Msg::DataChanged);
    let calls = |door: &Desk| door.model.queue.recent_calls.clone();
    assert_eq!(calls(&door).len(), 1);
    assert_eq!(
        (calls(&door)[0].0, calls(&door)[0].1.as_str()),
        (1, "desk-2")
    );
    // The body of the screen, below the top line and its clock.
    let body = |door: &Desk| screen(door).lines().skip(1).collect::<Vec<_>>().join("\n");
    let before = body(&door);

    // Far past idle_lock_min (5) without a key.
    let idle = i64::from(door.model.campaign.idle_lock_min);
    door.send(Msg::Tick(fixed_now() + Duration::minutes(idle * 6)));
    assert!(door.model.lock.is_none(), "the door locked itself");
    assert_eq!(
        body(&door),
        before,
        "the Called list the line watches changed"
    );
    assert!(!screen(&door).contains("Locked"));

    // Nor on the queue screen (F3), which shows no personal data either.
    door.press(KeyCode::F(3));
    door.send(Msg::Tick(fixed_now() + Duration::minutes(idle * 12)));
    assert!(
        door.model.lock.is_none(),
        "the door locked itself on the queue"
    );
    door.press(KeyCode::F(6));

    // The next arrival's Space issues a ticket; nothing goes into a PIN box.
    door.press(KeyCode::Char(' '));
    let issued = door.model.door.last_issued.as_ref().map(|t| t.number);
    assert_eq!(issued, Some(3));
    assert_eq!(door.model.queue.tickets.len(), 3);
}

// Item 4 ---------------------------------------------------------------------------------

#[test]
fn a_form_that_cannot_be_saved_says_do_not_sign_yet_instead_of_a_line() {
    for (lang, stop, line) in [
        (Lang::En, "DO NOT SIGN YET", "line 1"),
        (Lang::Ru, "ПОКА НЕ ПОДПИСЫВАТЬ", "строка 1"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut desk = desk_in(&dir.path().join("s.db"), "desk-1", lang);
        desk.fill(&Signer {
            birth_date: "12.05.2010",
            ..IVANOV
        });
        desk.press(KeyCode::Tab);
        assert!(desk.finding_codes().contains(&"birth.under_18"));
        let shown = screen(&desk);
        assert!(shown.contains(stop), "{shown}");
        assert!(!shown.contains(line), "a line to write on:\n{shown}");

        // Fixed: the line to write on shows.
        for _ in 0..5 {
            desk.press(KeyCode::BackTab);
        }
        assert_eq!(desk.model.form.focus, Field::BirthDate);
        for _ in 0..10 {
            desk.press(KeyCode::Backspace);
        }
        desk.type_text("12.05.1980");
        desk.press(KeyCode::Tab);
        let shown = screen(&desk);
        assert!(shown.contains(line), "{shown}");
        assert!(!shown.contains(stop), "{shown}");
    }
}

// Item 5 ---------------------------------------------------------------------------------

#[test]
fn at_60x20_no_key_acts_but_quitting() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill(&IVANOV);
    desk.send(Msg::Resize(60, 20));
    assert!(screen_text(&desk.model, 60, 20).contains("too small"));

    desk.ctrl('s');
    desk.ctrl('s');
    assert_eq!(desk.totals(), (0, 0), "saved blind");
    let address = desk.model.form.text(Field::Address).to_string();
    desk.type_text("xyz");
    desk.press(KeyCode::Backspace);
    assert_eq!(desk.model.form.text(Field::Address), address);
    for key in [KeyCode::F(4), KeyCode::F(3), KeyCode::F(1), KeyCode::Esc] {
        desk.press(key);
    }
    desk.ctrl('l');
    desk.ctrl('n');
    assert_eq!(desk.model.screen, Screen::Desk);
    assert!(!desk.model.help && desk.model.lock.is_none() && desk.model.confirm.is_none());

    // Quitting asks, and the notice shows the question.
    desk.ctrl('q');
    assert_eq!(desk.model.confirm, Some(Confirm::Quit));
    let notice = screen_text(&desk.model, 60, 20);
    assert!(
        notice.contains("Quit? The typed signer is not saved"),
        "{notice}"
    );
    desk.press(KeyCode::Esc);
    assert!(!desk.model.quit);

    desk.send(Msg::Resize(80, 24));
    desk.ctrl('s');
    assert_eq!(desk.totals(), (1, 0));
    desk.send(Msg::Resize(60, 20));
    desk.ctrl('c');
    assert!(desk.model.quit, "Ctrl-C quits an empty form like Ctrl-Q");
}

// Item 6 ---------------------------------------------------------------------------------

#[test]
fn one_esc_then_yes_clears_a_filled_form_whatever_message_shows() {
    let (_dir, mut desk) = fresh_desk();
    for message in [false, true] {
        desk.fill(&Signer {
            address: "ул. Тверская",
            ..IVANOV
        });
        if message {
            desk.ctrl('s'); // a warning message now shows
            assert!(desk.model.status.is_some());
        }
        desk.press(KeyCode::Esc);
        assert_eq!(
            desk.model.confirm,
            Some(Confirm::ClearForm),
            "message {message}"
        );
        assert!(
            desk.model.status.is_none(),
            "the question replaces the message"
        );
        assert!(chrome::bottom_text(&desk.model).contains("Erase the typed signer"));
        desk.press(KeyCode::Char('y'));
        assert!(!desk.model.form.has_signer_data());
    }
    assert_eq!(desk.totals(), (0, 0));

    // An empty form: Esc only clears the message.
    desk.ctrl('t');
    assert!(desk.model.status.is_some());
    desk.press(KeyCode::Esc);
    assert!(desk.model.status.is_none() && desk.model.confirm.is_none());
}

#[test]
fn esc_closes_the_suggestions_or_the_help_first_and_nothing_else() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill_fields(&["Иванов", "Иван", "", "15.05.1985", "4506 123456", "Моск"]);
    assert!(!desk.model.form.suggestions.is_empty());
    desk.press(KeyCode::Esc);
    assert!(desk.model.form.suggestions.is_empty());
    assert!(desk.model.confirm.is_none());
    assert_eq!(desk.model.form.text(Field::Region), "Моск");

    desk.press(KeyCode::F(1));
    desk.press(KeyCode::Esc);
    assert!(!desk.model.help && desk.model.confirm.is_none());
    assert_eq!(desk.model.form.text(Field::Surname), "Иванов");
}

/// A desk with Петрова saved and Сидорова typed with the same passport, whose duplicate
/// line Ctrl-O has opened to edit.
fn editing_the_duplicate() -> (tempfile::TempDir, Desk) {
    let (dir, mut desk) = fresh_desk();
    desk.save_signer(&PETROVA);
    desk.fill(&Signer {
        surname: "Сидорова",
        ..PETROVA
    });
    desk.ctrl('o');
    assert!(desk.model.form.editing.is_some());
    (dir, desk)
}

#[test]
fn leaving_an_unchanged_edit_says_nothing_changes_and_the_typed_signer_comes_back() {
    let (_dir, mut desk) = editing_the_duplicate();
    desk.press(KeyCode::Esc);
    assert_eq!(
        desk.model.confirm,
        Some(Confirm::LeaveEdit { changed: false })
    );
    let bar = chrome::bottom_text(&desk.model);
    assert!(bar.contains("Leave the edit? Nothing changes"), "{bar}");
    assert!(!bar.contains("Clear the form"), "{bar}");
    desk.press(KeyCode::Enter);
    assert!(desk.model.form.editing.is_none());
    assert_eq!(desk.model.form.text(Field::Surname), "Сидорова");
}

#[test]
fn leaving_a_changed_edit_says_the_changes_are_dropped_and_drops_them() {
    let (_dir, mut desk) = editing_the_duplicate();
    desk.type_text("а");
    desk.press(KeyCode::Esc);
    assert_eq!(
        desk.model.confirm,
        Some(Confirm::LeaveEdit { changed: true })
    );
    let bar = chrome::bottom_text(&desk.model);
    assert!(
        bar.contains("Leave the edit? Your changes are dropped"),
        "{bar}"
    );
    desk.press(KeyCode::Char('y'));
    let saved = desk.store.desk_entries("desk-1", 5).expect("entries");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].signer.surname, "Петрова");
    assert_eq!(desk.model.form.text(Field::Surname), "Сидорова");
}

// Item 8 ---------------------------------------------------------------------------------

#[test]
fn counts_take_the_plural_they_need_in_both_languages() {
    let rows: [(&dyn sigdesk::i18n::Phrase, &str, &str); 8] = [
        (
            &LockText::WrongPin(1),
            "Wrong PIN; 1 try left",
            "Неверный PIN; осталась 1 попытка",
        ),
        (
            &LockText::WrongPin(3),
            "Wrong PIN; 3 tries left",
            "Неверный PIN; осталось 3 попытки",
        ),
        (
            &LockText::WrongPin(5),
            "Wrong PIN; 5 tries left",
            "Неверный PIN; осталось 5 попыток",
        ),
        (
            &Text::ErrorsBlock(1),
            "1 error marked ✗ — fix it first",
            "1 ошибка ✗",
        ),
        (
            &Text::ErrorsBlock(2),
            "2 errors marked ✗ — fix them first",
            "2 ошибки ✗",
        ),
        (&Text::ErrorsBlock(11), "11 errors", "11 ошибок ✗"),
        (
            &Text::WarningsConfirm(1),
            "1 warning marked",
            "1 предупреждение «!»",
        ),
        (
            &CheckText::Summary {
                checked: 1,
                defects: 1,
            },
            "checked 1 valid entry: 1 defect",
            "замечаний: 1",
        ),
    ];
    for (phrase, en, ru) in rows {
        assert!(Lang::En.t(phrase).contains(en), "{}", Lang::En.t(phrase));
        assert!(Lang::Ru.t(phrase).contains(ru), "{}", Lang::Ru.t(phrase));
    }
    let totals = sigdesk::domain::board::Totals {
        target: 100,
        valid_total: 1,
        remaining: 99,
        valid_today: 1,
        voided_today: 1,
        valid_last_hour: 1,
        rate_per_hour: None,
        eta_secs: None,
    };
    let pace = Lang::Ru.t(sigdesk::i18n::BoardText::Pace(&totals));
    assert!(
        pace.starts_with("Сегодня 1 действительная, 1 аннулирована"),
        "{pace}"
    );
}

#[test]
fn the_russian_entries_list_has_russian_headers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_in(&dir.path().join("s.db"), "desk-1", Lang::Ru);
    desk.fill(&IVANOV);
    desk.ctrl('s');
    desk.press(KeyCode::F(4));
    let shown = screen(&desk);
    for header in ["лист/стр", "время", "ФИО", "документ", "регион"] {
        assert!(shown.contains(header), "{shown}");
    }
    for english in ["sheet/ln", "time", "name", "document", "region"] {
        assert!(!shown.contains(english), "{english}:\n{shown}");
    }
}

#[test]
fn the_help_of_every_screen_after_sign_in_lists_ctrl_l_in_both_languages() {
    let (_dir, mut desk) = fresh_desk();
    for lang in [Lang::En, Lang::Ru] {
        for screen in [
            Screen::Desk,
            Screen::Entries,
            Screen::Queue,
            Screen::Door,
            Screen::Board,
        ] {
            desk.model.lang = lang;
            desk.model.screen = screen;
            desk.model.help = true;
            let lines = help::lines(&desk.model);
            assert!(lines.iter().any(|l| l.contains("Ctrl-L")), "{lines:?}");
            assert!(screen_text(&desk.model, 80, 24).contains("Ctrl-L"));
        }
    }
}

#[test]
fn the_abroad_panel_names_the_country() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill_fields(&petrova_abroad("Сергеевна"));
    let shown = screen(&desk);
    assert!(shown.contains("abroad: Германия"), "{shown}");
    assert!(!shown.contains("abroad Abroad"), "{shown}");
}

#[test]
fn the_door_says_nobody_waits_and_names_the_ticket_without_a_count_that_goes_stale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    let mut door = door(&db, Lang::En);
    let mut desk = desk_in(&db, "desk-1", Lang::En);
    desk.ctrl('n');
    door.send(Msg::DataChanged);
    let shown = screen(&door);
    assert!(
        shown.contains("Expected wait: none, nobody waits"),
        "{shown}"
    );
    assert!(!shown.contains("~<"), "{shown}");

    for _ in 0..3 {
        door.press(KeyCode::Char(' '));
    }
    door.assert_status("Ticket 003 issued");
    // A desk calls one: the door's header says 2, and no line says 3.
    desk.ctrl('n');
    door.send(Msg::DataChanged);
    let shown = screen(&door);
    assert!(shown.contains("· 2 waiting"), "{shown}");
    assert!(!shown.contains("3 waiting"), "{shown}");
}

#[test]
fn ctrl_c_quits_as_ctrl_q_does() {
    let (dir, mut desk) = fresh_desk();
    desk.type_text("Иванов");
    desk.ctrl('c');
    assert_eq!(desk.model.confirm, Some(Confirm::Quit), "asks like Ctrl-Q");
    desk.press(KeyCode::Esc);
    desk.model.alarm = Some(sigdesk::tui::model::Alarm::LeaseLost);
    desk.ctrl('c');
    assert!(desk.model.quit, "the alarm quits at once");

    let mut board = Desk::board(open_store(&dir.path().join("s.db")), Lang::Ru, fixed_now());
    board.key(
        KeyCode::Char('с'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    assert!(board.model.quit, "Ctrl-C on the Russian layout");
}

#[test]
fn after_five_wrong_pins_the_lock_asks_for_the_passphrase_once_and_whole() {
    for lang in [Lang::En, Lang::Ru] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut desk = desk_in(&dir.path().join("s.db"), "desk-1", lang);
        desk.ctrl('l');
        for _ in 0..5 {
            desk.type_line("9999");
        }
        let ask = lang.t(desk.model.passphrase_prompt()).into_owned();
        let shown = screen(&desk);
        let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(flat.matches(ask.as_str()).count(), 1, "{ask}\n{shown}");
    }
}
