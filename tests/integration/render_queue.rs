//! Snapshots of the door and queue screens at 80×24 and 120×40, on a seeded day of
//! tickets at a fixed clock, and what the desk's top line says about its ticket.

use crate::common::assert_frames;
use crate::common::db::{actor, fixed_now};
use crate::common::desk::{Desk, fresh_desk};
use crate::common::render::screen_text;
use chrono::{DateTime, Duration, Utc};
use ratatui::crossterm::event::KeyCode;
use sigdesk::domain::queue::{Ticket, TicketStatus};
use sigdesk::store::{Finish, Store};
use sigdesk::tui::msg::Msg;
use tempfile::TempDir;

/// A morning at the door: 14 tickets from 08:30, three desks at different speeds, one
/// no-show, one recalled no-show, one walkout. Returns the last ticket issued.
fn seed_day(store: &mut Store) -> Ticket {
    let day = fixed_now().date_naive();
    let start = fixed_now() - Duration::minutes(60);
    let at = |minutes: i64| -> DateTime<Utc> { start + Duration::minutes(minutes) };
    let door = actor("door", "op");
    let mut last = None;
    for i in 0..14 {
        last = Some(store.issue_ticket(&door, day, at(i * 4)).expect("issue"));
    }
    let plan: [(&str, Finish, i64); 9] = [
        ("desk-1", Finish::Done, 2),
        ("desk-2", Finish::Done, 5),
        ("desk-1", Finish::Done, 10),
        ("desk-3", Finish::Done, 14),
        ("desk-2", Finish::NoShow, 22),
        ("desk-1", Finish::Done, 25),
        ("desk-2", Finish::Done, 31),
        ("desk-1", Finish::Done, 40),
        ("desk-3", Finish::Done, 52),
    ];
    for (desk, finish, minute) in plan {
        store
            .call_next(&actor(desk, "op"), finish, day, at(minute))
            .expect("call");
    }
    let tickets = store.tickets_of_day(day).expect("tickets");
    let no_show = tickets
        .iter()
        .find(|t| t.status == TicketStatus::NoShow)
        .expect("a no-show");
    store
        .recall_ticket(&door, no_show.id, at(50))
        .expect("recall");
    let waiting = tickets
        .iter()
        .rev()
        .find(|t| t.status == TicketStatus::Waiting)
        .expect("waiting");
    store.mark_left(&door, waiting.id, at(55)).expect("left");
    last.expect("issued")
}

/// The two sizes the screens are snapshot at.
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The screen's lines at 80×24.
fn lines(desk: &Desk) -> Vec<String> {
    screen_text(&desk.model, 80, 24)
        .lines()
        .map(str::to_string)
        .collect()
}

/// A fresh desk on the seeded day; the last ticket issued.
fn seeded_desk() -> (TempDir, Desk, Ticket) {
    let (dir, mut desk) = fresh_desk();
    let last = seed_day(&mut desk.store);
    desk.send(Msg::DataChanged);
    desk.send(Msg::Tick(fixed_now()));
    (dir, desk, last)
}

#[test]
fn door_screen_shows_the_number_the_wait_and_the_last_calls() {
    let (_dir, mut desk, last) = seeded_desk();
    desk.press(KeyCode::F(6));
    desk.model.door.last_issued = Some(last);
    let screen = screen_text(&desk.model, 80, 24);
    assert!(screen.contains("Waiting"), "{screen}");
    assert_frames!("door", &desk.model, SIZES);
}

#[test]
fn queue_screen_lists_tickets_desks_and_figures() {
    let (_dir, mut desk, _) = seeded_desk();
    desk.press(KeyCode::F(3));
    let figures = desk.model.queue.figures.clone();
    assert_eq!(figures.issued_today, 14);
    assert_eq!(figures.left_today, 1);
    assert_frames!("queue", &desk.model, SIZES);
}

#[test]
fn every_queue_key_bar_fits_80_columns() {
    let (_dir, mut desk, _) = seeded_desk();
    for (key, last_item) in [(KeyCode::F(3), "F1 help"), (KeyCode::F(6), "F1 help")] {
        desk.press(key);
        let bottom = lines(&desk)[23].trim_end().to_string();
        assert!(bottom.ends_with(last_item), "{bottom}");
    }
}

#[test]
fn the_top_line_shows_the_ticket_the_desk_serves() {
    let (_dir, mut desk, _) = seeded_desk();
    let top = |desk: &Desk| lines(desk)[0].clone();
    assert!(top(&desk).contains("no ticket"), "{}", top(&desk));
    desk.ctrl('n');
    let serving = desk.model.ticket.clone().expect("called a ticket");
    assert!(
        top(&desk).contains(&format!("ticket {}", serving.label())),
        "{}",
        top(&desk)
    );
}

#[test]
fn the_door_shows_the_notice_to_signers_and_any_key_closes_it() {
    let (_dir, mut desk, _) = seeded_desk();
    desk.press(KeyCode::F(6));
    let issued = desk.model.queue.tickets.len();
    desk.press(KeyCode::Char('n'));
    let screen = screen_text(&desk.model, 80, 24);
    assert!(screen.contains("What happens to your data"), "{screen}");
    assert!(screen.contains("election commission"), "{screen}");
    desk.press(KeyCode::Char(' '));
    assert!(desk.model.door.notice.is_none());
    assert_eq!(
        desk.model.queue.tickets.len(),
        issued,
        "the key that closed it issued a ticket"
    );
}
