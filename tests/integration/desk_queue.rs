//! The desk's side of the queue, driven by keys: call next, a family on one ticket, no-show,
//! an empty queue, and a signer still on the form.

use crate::common::{Desk, IVANOV, PETROVA, SIDOROV, fixed_now};
use sigdesk::domain::queue::TicketStatus;
use sigdesk::store::Actor;
use sigdesk::tui::model::Tone;

fn door() -> Actor {
    Actor {
        desk: "door".into(),
        operator: "Olga".into(),
    }
}

fn desk_with_tickets(dir: &tempfile::TempDir, tickets: usize) -> Desk {
    let mut desk = Desk::signed_in(&dir.path().join("s.db"), "desk-1", "Anna");
    for _ in 0..tickets {
        desk.store
            .issue_ticket(&door(), fixed_now().date_naive(), fixed_now())
            .expect("issue");
    }
    desk
}

#[test]
fn a_family_of_three_is_saved_on_one_ticket_and_ctrl_n_calls_the_next() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_with_tickets(&dir, 2);
    desk.ctrl('n');
    let first = desk.model.ticket.clone().expect("ticket 1 called");
    assert_eq!(first.number, 1);
    assert!(
        desk.status().contains("now serving 001"),
        "{}",
        desk.status()
    );

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
    assert!(
        desk.status().contains("001 done · now serving 002"),
        "{}",
        desk.status()
    );
    let done = desk.store.ticket(first.id).expect("read").expect("ticket");
    assert_eq!(done.status, TicketStatus::Done);
}

#[test]
fn ctrl_u_marks_a_no_show_and_an_empty_queue_is_not_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_with_tickets(&dir, 1);
    desk.ctrl('n');
    let first = desk.model.ticket.clone().expect("called");
    desk.ctrl('u');
    assert_eq!(desk.model.ticket, None);
    assert!(matches!(desk.model.status, Some((Tone::Info, _))));
    assert!(
        desk.status().contains("001 no-show · Nobody waiting"),
        "{}",
        desk.status()
    );
    let ticket = desk.store.ticket(first.id).expect("read").expect("ticket");
    assert_eq!(ticket.status, TicketStatus::NoShow);
    desk.ctrl('n');
    assert_eq!(desk.status(), "Nobody waiting");
}

#[test]
fn ctrl_n_waits_until_the_signer_on_the_form_is_saved_or_cleared() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_with_tickets(&dir, 2);
    desk.ctrl('n');
    desk.fill(&IVANOV);
    desk.ctrl('n');
    assert!(matches!(desk.model.status, Some((Tone::Warning, _))));
    assert!(
        desk.status().contains("save it (Ctrl-S)"),
        "{}",
        desk.status()
    );
    assert_eq!(desk.model.ticket.as_ref().map(|t| t.number), Some(1));
    assert_eq!(
        desk.model.form.text(sigdesk::domain::Field::Surname),
        "Иванов"
    );
}

#[test]
fn the_queue_figures_follow_other_processes_after_a_data_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_with_tickets(&dir, 0);
    let waiting = |d: &Desk| d.model.queue.figures.waiting;
    let mut other = crate::common::open_store(&dir.path().join("s.db"));
    for _ in 0..3 {
        other
            .issue_ticket(&door(), fixed_now().date_naive(), fixed_now())
            .expect("issue");
    }
    desk.send(sigdesk::tui::msg::Msg::DataChanged);
    assert_eq!(waiting(&desk), 3);
}

#[test]
fn the_door_undoes_within_30_seconds_and_marks_a_walkout_by_number() {
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut door = desk_with_tickets(&dir, 0);
    door.press(KeyCode::F(6));
    // Effects stamp tickets with the real clock; the model's clock jumps to it here, which
    // counts as idle time and locks the screen: the session PIN opens it again.
    door.send(sigdesk::tui::msg::Msg::Tick(chrono::Utc::now()));
    door.type_text("1234");
    door.press(KeyCode::Enter);
    assert!(door.model.lock.is_none());
    door.press(KeyCode::Char(' '));
    door.press(KeyCode::Char(' '));
    assert!(
        door.status().contains("Ticket 002 issued"),
        "{}",
        door.status()
    );
    door.press(KeyCode::Backspace);
    assert!(
        door.status().contains("002 taken back"),
        "{}",
        door.status()
    );
    assert_eq!(door.model.queue.tickets.len(), 1);

    door.press(KeyCode::Enter);
    let later = chrono::Utc::now() + chrono::Duration::seconds(31);
    door.send(sigdesk::tui::msg::Msg::Tick(later));
    assert!(door.model.lock.is_none(), "31 s is not idle");
    door.press(KeyCode::Backspace);
    assert!(
        door.status().contains("Too late to undo ticket 002"),
        "{}",
        door.status()
    );
    assert_eq!(door.model.queue.tickets.len(), 2);

    door.press(KeyCode::Char('l'));
    door.type_text("x");
    door.press(KeyCode::Enter);
    assert!(
        door.status().contains("not a ticket number"),
        "{}",
        door.status()
    );
    door.press(KeyCode::Char('l'));
    door.type_text("2");
    door.press(KeyCode::Enter);
    assert!(
        door.status().contains("Ticket 002 marked as left"),
        "{}",
        door.status()
    );
    let statuses: Vec<TicketStatus> = door.model.queue.tickets.iter().map(|t| t.status).collect();
    assert_eq!(statuses, [TicketStatus::Waiting, TicketStatus::Left]);
}

#[test]
fn the_queue_screen_recalls_a_no_show_and_refuses_the_wrong_row() {
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = desk_with_tickets(&dir, 2);
    desk.ctrl('n');
    desk.ctrl('u'); // 001 no-show, 002 called
    desk.press(KeyCode::F(3));
    // Rows: no-shows after the (empty) waiting list, then tickets at desks.
    let first = desk.model.queue.rows()[0].clone();
    assert_eq!((first.number, first.status), (1, TicketStatus::NoShow));
    desk.press(KeyCode::Char('l'));
    assert!(
        desk.status().contains("Select a waiting ticket"),
        "{}",
        desk.status()
    );
    desk.press(KeyCode::Char('r'));
    assert!(
        desk.status().contains("Ticket 001 recalled"),
        "{}",
        desk.status()
    );
    desk.ctrl('n');
    assert_eq!(
        desk.model.ticket.as_ref().map(|t| t.number),
        Some(1),
        "recalled first"
    );
}
