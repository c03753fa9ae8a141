//! The desk's side of the queue, driven by keys: call next, a family on one ticket, no-show,
//! an empty queue, and a signer still on the form.

use crate::common::db::{actor, fixed_now, open_store};
use crate::common::desk::{Desk, IVANOV, PETROVA, SIDOROV, fresh_desk};
use sigdesk::domain::queue::TicketStatus;
use sigdesk::store::Store;
use sigdesk::tui::model::Tone;
use tempfile::TempDir;

/// Issues `count` tickets at the door, now.
fn issue(store: &mut Store, count: usize) {
    let door = actor("door", "Olga");
    for _ in 0..count {
        store
            .issue_ticket(&door, fixed_now().date_naive(), fixed_now())
            .expect("issue");
    }
}

/// A fresh desk with `tickets` waiting.
fn desk_with_tickets(tickets: usize) -> (TempDir, Desk) {
    let (dir, mut desk) = fresh_desk();
    issue(&mut desk.store, tickets);
    (dir, desk)
}

#[test]
fn a_family_of_three_is_saved_on_one_ticket_and_ctrl_n_calls_the_next() {
    let (_dir, mut desk) = desk_with_tickets(2);
    desk.ctrl('n');
    let first = desk.model.ticket.clone().expect("ticket 1 called");
    assert_eq!(first.number, 1);
    desk.assert_status("now serving 001");

    for signer in [&IVANOV, &PETROVA, &SIDOROV] {
        desk.fill(signer);
        desk.ctrl('s');
        if !desk.status().starts_with("Saved") {
            desk.ctrl('s'); // confirm warnings
        }
        assert!(desk.status().starts_with("Saved"), "{}", desk.status());
    }
    let saved = desk.store.desk_entries("desk-1", 10).expect("entries");
    assert_eq!(saved.len(), 3);
    assert!(
        saved.iter().all(|e| e.ticket == Some(first.id)),
        "{saved:?}"
    );

    desk.ctrl('n');
    assert_eq!(desk.model.ticket.as_ref().map(|t| t.number), Some(2));
    desk.assert_status("001 done · now serving 002");
    let done = desk.store.ticket(first.id).expect("read").expect("ticket");
    assert_eq!(done.status, TicketStatus::Done);
}

#[test]
fn ctrl_u_marks_a_no_show_and_an_empty_queue_is_not_an_error() {
    let (_dir, mut desk) = desk_with_tickets(1);
    desk.ctrl('n');
    let first = desk.model.ticket.clone().expect("called");
    desk.ctrl('u');
    assert_eq!(desk.model.ticket, None);
    assert!(matches!(desk.model.status, Some((Tone::Info, _))));
    desk.assert_status("001 no-show · Nobody waiting");
    let ticket = desk.store.ticket(first.id).expect("read").expect("ticket");
    assert_eq!(ticket.status, TicketStatus::NoShow);
    desk.ctrl('n');
    assert_eq!(desk.status(), "Nobody waiting");
}

#[test]
fn ctrl_n_waits_until_the_signer_on_the_form_is_saved_or_cleared() {
    let (_dir, mut desk) = desk_with_tickets(2);
    desk.ctrl('n');
    desk.fill(&IVANOV);
    desk.ctrl('n');
    assert!(matches!(desk.model.status, Some((Tone::Warning, _))));
    desk.assert_status("save (Ctrl-S)");
    assert_eq!(desk.model.ticket.as_ref().map(|t| t.number), Some(1));
    assert_eq!(
        desk.model.form.text(sigdesk::domain::Field::Surname),
        "Иванов"
    );
}

#[test]
fn the_queue_figures_follow_other_processes_after_a_data_change() {
    let (dir, mut desk) = desk_with_tickets(0);
    let waiting = |d: &Desk| d.model.queue.figures.waiting;
    issue(&mut open_store(&dir.path().join("s.db")), 3);
    desk.send(sigdesk::tui::msg::Msg::DataChanged);
    assert_eq!(waiting(&desk), 3);
}

#[test]
fn the_door_undoes_within_30_seconds_and_marks_a_walkout_by_number() {
    use ratatui::crossterm::event::KeyCode;
    let (_dir, mut door) = desk_with_tickets(0);
    door.press(KeyCode::F(6));
    // Effects stamp tickets with the real clock; the model's clock jumps to it here, which
    // counts as idle time, but the door shows nothing personal and never locks by itself.
    door.send(sigdesk::tui::msg::Msg::Tick(chrono::Utc::now()));
    assert!(door.model.lock.is_none());
    door.press(KeyCode::Char(' '));
    door.press(KeyCode::Char(' '));
    door.assert_status("Ticket 002 issued");
    door.press(KeyCode::Backspace);
    door.assert_status("002 taken back");
    assert_eq!(door.model.queue.tickets.len(), 1);

    door.press(KeyCode::Enter);
    let later = chrono::Utc::now() + chrono::Duration::seconds(31);
    door.send(sigdesk::tui::msg::Msg::Tick(later));
    assert!(door.model.lock.is_none(), "31 s is not idle");
    door.press(KeyCode::Backspace);
    door.assert_status("Too late to undo ticket 002");
    assert_eq!(door.model.queue.tickets.len(), 2);

    door.press(KeyCode::Char('l'));
    door.type_text("x");
    door.press(KeyCode::Enter);
    door.assert_status("not a ticket number");
    door.press(KeyCode::Char('l'));
    door.type_text("2");
    door.press(KeyCode::Enter);
    door.assert_status("Ticket 002 marked as left");
    let statuses: Vec<TicketStatus> = door.model.queue.tickets.iter().map(|t| t.status).collect();
    assert_eq!(statuses, [TicketStatus::Waiting, TicketStatus::Left]);
}

#[test]
fn the_queue_screen_recalls_a_no_show_and_refuses_the_wrong_row() {
    use ratatui::crossterm::event::KeyCode;
    let (_dir, mut desk) = desk_with_tickets(2);
    desk.ctrl('n');
    desk.ctrl('u'); // 001 no-show, 002 called
    desk.press(KeyCode::F(3));
    // Rows: no-shows after the (empty) waiting list, then tickets at desks.
    let first = desk.model.queue.rows()[0].clone();
    assert_eq!((first.number, first.status), (1, TicketStatus::NoShow));
    desk.press(KeyCode::Char('l'));
    desk.assert_status("Select a waiting ticket");
    desk.press(KeyCode::Char('r'));
    desk.assert_status("Ticket 001 recalled");
    desk.ctrl('n');
    assert_eq!(
        desk.model.ticket.as_ref().map(|t| t.number),
        Some(1),
        "recalled first"
    );
}
