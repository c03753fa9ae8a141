//! A point's day in real processes (issue 13): a door, two desks and a board, each a
//! `sigdesk` in its own 80×24 pseudo-terminal on one database file, typed at like the
//! volunteers would, in Russian and in English; then the file is checked with the library.

use crate::common::cli::{LEAD_PIN, Point};
use crate::common::db::all_entries;
use crate::common::desk::{IVANOV, PETROVA, Signer};
use crate::common::pty::Session;
use sigdesk::domain::queue::TicketStatus;
use sigdesk::i18n::Lang;

const CTRL_N: &str = "\x0e";
const CTRL_S: &str = "\x13";
const ESC: &str = "\x1b";
const F3: &str = "\x1bOR";
const F6: &str = "\x1b[17~";
/// The terminal every volunteer has in this journey.
const SIZE: (u16, u16) = (80, 24);

/// What a process says, in its language.
struct Words {
    lang: Lang,
    door_ready: &'static str,
    form: &'static str,
    issued_3: &'static str,
    serving_1: &'static str,
    serving_2: &'static str,
    saved: &'static str,
    erase: &'static str,
    waiting_1: &'static str,
    board_today: &'static str,
    do_not_sign: &'static str,
}

const EN: Words = Words {
    lang: Lang::En,
    door_ready: "Space: the next number",
    form: "New signer",
    issued_3: "Ticket 003 issued",
    serving_1: "now serving 001",
    serving_2: "now serving 002",
    saved: "Saved: sheet",
    erase: "Erase the typed signer from the form?",
    waiting_1: "· 1 waiting",
    board_today: "Today 2 valid",
    do_not_sign: "DO NOT SIGN YET",
};

const RU: Words = Words {
    lang: Lang::Ru,
    door_ready: "Пробел — следующий номер",
    form: "Новый подписант",
    issued_3: "Выдан талон 003",
    serving_1: "вызван 001",
    serving_2: "вызван 002",
    saved: "Сохранено: лист",
    erase: "Стереть набранного подписанта?",
    waiting_1: "· ждут 1",
    board_today: "Сегодня 2 действительные",
    do_not_sign: "ПОКА НЕ ПОДПИСЫВАТЬ",
};

fn lang_flag(words: &Words) -> &'static str {
    match words.lang {
        Lang::En => "en",
        Lang::Ru => "ru",
    }
}

/// `sigdesk --lang L --no-encrypt ARGS` at 80×24 on the point's training database.
fn volunteer(point: &Point, words: &Words, args: &[&str]) -> Session {
    let mut all = vec!["--lang", lang_flag(words), "--no-encrypt"];
    all.extend_from_slice(args);
    let envs = [("SIGDESK_PIN", "1234"), ("SIGDESK_LEAD_PIN", LEAD_PIN)];
    Session::start_sized(point.dir.path(), &all, &envs, SIZE)
}

/// Types a whole signer from the surname (Tab between fields) and Ctrl-S.
fn type_signer(desk: &mut Session, signer: &Signer) {
    desk.type_keys(&(signer.fields().join("\t") + CTRL_S));
}

/// The day: the door issues three tickets, each desk calls one and saves a signer, one
/// desk erases a half-typed signer with Esc and yes, the board counts two.
fn a_day_at_the_point(door_words: &Words, desk_1: &Words, desk_2: &Words, board_words: &Words) {
    let point = Point::training();
    let mut door = volunteer(&point, door_words, &["door", "--operator", "Olga"]);
    door.wait_for(door_words.door_ready);
    let mut first = volunteer(&point, desk_1, &["--desk", "desk-1", "--operator", "Anna"]);
    first.wait_for(desk_1.form);
    let mut second = volunteer(&point, desk_2, &["--desk", "desk-2", "--operator", "Boris"]);
    second.wait_for(desk_2.form);

    door.type_keys("   ");
    door.wait_for(door_words.issued_3);
    first.type_keys(CTRL_N);
    first.wait_for(desk_1.serving_1);
    second.type_keys(CTRL_N);
    second.wait_for(desk_2.serving_2);
    // The door's header follows the desks: one left waiting.
    door.wait_for(door_words.waiting_1);

    // A half-typed signer says not to sign; one Esc asks to erase, yes erases.
    second.type_keys("Сидоров");
    second.wait_for(desk_2.do_not_sign);
    second.type_keys(ESC);
    second.wait_for(desk_2.erase);
    second.type_keys("y");
    second.wait_gone("Сидоров");

    type_signer(&mut first, &IVANOV);
    first.wait_for(desk_1.saved);
    type_signer(&mut second, &PETROVA);
    second.wait_for(desk_2.saved);

    let mut board = volunteer(&point, board_words, &["board", "--operator", "Lead"]);
    board.wait_for(board_words.board_today);
    // The board and the door look at the queue screen and come back, no PIN asked.
    board.type_keys(F3);
    door.type_keys(F3);
    door.type_keys(F6);
    door.wait_for(door_words.waiting_1);

    for session in [first, second, door, board] {
        session.quit();
    }

    let store = point.store();
    let saved = all_entries(&store);
    let who: Vec<_> = saved
        .iter()
        .map(|e| {
            (
                e.signer.surname.as_str(),
                e.desk.as_str(),
                e.operator.as_str(),
            )
        })
        .collect();
    assert_eq!(
        who,
        [("Иванов", "desk-1", "Anna"), ("Петрова", "desk-2", "Boris")]
    );
    let day = store
        .campaign()
        .expect("campaign")
        .local_date(chrono::Utc::now());
    let tickets = store.tickets_of_day(day).expect("tickets");
    let served: Vec<_> = tickets
        .iter()
        .map(|t| (t.number, t.status, t.desk.as_deref()))
        .collect();
    assert_eq!(
        served,
        [
            (1, TicketStatus::Serving, Some("desk-1")),
            (2, TicketStatus::Serving, Some("desk-2")),
            (3, TicketStatus::Waiting, None),
        ]
    );
    assert_eq!(saved[0].ticket, Some(tickets[0].id));
    assert_eq!(saved[1].ticket, Some(tickets[1].id));
}

#[test]
fn a_russian_door_and_desk_an_english_desk_and_board_on_one_file_at_80x24() {
    a_day_at_the_point(&RU, &RU, &EN, &EN);
}

#[test]
fn an_english_door_and_desk_a_russian_desk_and_board_on_one_file_at_80x24() {
    a_day_at_the_point(&EN, &EN, &RU, &RU);
}
