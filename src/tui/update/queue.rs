//! The queue half of `update`: calling tickets at the desk, the door, the queue screen.

use super::{Effect, Model, Msg, Screen, Tone};
use crate::domain::queue::{TicketStatus, queue_figures, recent_calls};
use crate::i18n::queue::{self as text, QueueText};
use crate::store::Finish;
use crate::tui::msg::TicketMove;
use chrono::Duration;
use crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// How many recent calls the door shows.
pub const RECENT_CALLS: usize = 5;

/// How long the door can take back a ticket it issued by mistake.
pub const UNDO_WINDOW: Duration = Duration::seconds(30);

/// Recomputes the figures over the loaded tickets (after a load or a clock tick).
pub fn refresh_figures(model: &mut Model) {
    model.queue.figures = queue_figures(&model.queue.tickets, model.today(), model.now);
    model.queue.recent_calls = recent_calls(&model.queue.tickets, model.today(), RECENT_CALLS);
    let rows = model.queue.rows().len();
    model.queue.selected = model.queue.selected.min(rows.saturating_sub(1));
    // The board's desks show the tickets they serve.
    super::board::refresh_figures(model);
}

/// Ctrl-N / Ctrl-U at a desk: close the current ticket and call the next, unless a signer
/// is still on the form (saving it first keeps the line linked to the right ticket).
pub fn call_next(model: &mut Model, finish: Finish) -> Vec<Effect> {
    if model.form.has_signer_data() && model.form.editing.is_none() {
        model.status = Some((Tone::Warning, QueueText::SaveFirst.text(model.lang).into()));
        return Vec::new();
    }
    vec![Effect::CallNext(finish, model.today())]
}

/// Applies a queue message (`update` routes the queue's messages here).
pub fn on_msg(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let lang = model.lang;
    match msg {
        Msg::Tickets(tickets) => {
            model.queue.tickets = tickets;
            refresh_figures(model);
        }
        Msg::Serving(ticket) => model.ticket = ticket,
        Msg::Notice(text) => model.door.notice = Some(text),
        Msg::Called(outcome) => {
            let finished = outcome
                .finished
                .as_ref()
                .map(|t| (t.number, t.status == TicketStatus::Done));
            let called = outcome.called.as_ref().map(|t| t.number);
            let tone = if called.is_some() {
                Tone::Success
            } else {
                Tone::Info
            };
            model.status = Some((tone, text::called(lang, finished, called)));
            model.ticket = outcome.called;
            return vec![Effect::LoadTickets(model.today())];
        }
        Msg::Issued(ticket) => {
            let waiting = model.queue.figures.waiting.saturating_add(1);
            model.status = Some((Tone::Success, text::issued(lang, ticket.number, waiting)));
            model.door.last_issued = Some(ticket);
            return vec![Effect::LoadTickets(model.today())];
        }
        Msg::Undone(number, done) => {
            if done {
                model.door.last_issued = None;
            }
            let tone = if done { Tone::Success } else { Tone::Error };
            model.status = Some((tone, text::undone(lang, number, done)));
            return vec![Effect::LoadTickets(model.today())];
        }
        Msg::TicketMoved(change, number, ticket) => {
            let recall = change == TicketMove::Recall;
            let tone = if ticket.is_some() {
                Tone::Success
            } else {
                Tone::Error
            };
            model.status = Some((tone, text::moved(lang, recall, number, ticket.is_some())));
            return vec![Effect::LoadTickets(model.today())];
        }
        // `update` routes only the messages above here.
        _ => {}
    }
    Vec::new()
}

/// Keys of the door screen.
pub fn on_door_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let Some(typed) = model.door.leaving.as_mut() {
        match key.code {
            KeyCode::Esc => model.door.leaving = None,
            KeyCode::Enter => {
                let number = typed.value().trim().to_string();
                model.door.leaving = None;
                return mark_left_by_number(model, &number);
            }
            _ => {
                typed.handle_event(&Event::Key(key));
            }
        }
        return Vec::new();
    }
    if model.door.notice.is_some() {
        // Any key closes the notice; it does not issue a ticket.
        model.door.notice = None;
        return Vec::new();
    }
    match key.code {
        KeyCode::Char(' ') | KeyCode::Enter => vec![Effect::IssueTicket(model.today())],
        KeyCode::Char('n' | 'т') => vec![Effect::LoadNotice(model.lang)],
        KeyCode::Backspace | KeyCode::Char('u') => undo_last(model),
        KeyCode::Char('l' | 'д') => {
            model.door.leaving = Some(Input::default());
            Vec::new()
        }
        KeyCode::Char('?') => {
            model.help = true;
            Vec::new()
        }
        KeyCode::Esc => {
            model.status = None;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn undo_last(model: &mut Model) -> Vec<Effect> {
    let Some(last) = model.door.last_issued.clone() else {
        return Vec::new();
    };
    if model.now - last.issued_at > UNDO_WINDOW {
        model.status = Some((Tone::Error, text::undo_too_late(model.lang, last.number)));
        return Vec::new();
    }
    vec![Effect::UndoTicket(last.id, last.number)]
}

fn mark_left_by_number(model: &mut Model, typed: &str) -> Vec<Effect> {
    let Ok(number) = typed.trim_start_matches('0').parse::<u32>() else {
        model.status = Some((Tone::Error, text::not_a_ticket(model.lang, typed)));
        return Vec::new();
    };
    match model.queue.tickets.iter().find(|t| t.number == number) {
        Some(t) => vec![Effect::MoveTicket(TicketMove::Left, t.id, number)],
        None => {
            model.status = Some((Tone::Error, text::moved(model.lang, false, number, false)));
            Vec::new()
        }
    }
}

/// Keys of the queue screen.
pub fn on_queue_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let rows = model.queue.rows();
    let last = rows.len().saturating_sub(1);
    let selected = rows
        .get(model.queue.selected)
        .map(|t| (t.id, t.number, t.status));
    match key.code {
        KeyCode::Down | KeyCode::Char('j') => {
            model.queue.selected = (model.queue.selected + 1).min(last)
        }
        KeyCode::Up | KeyCode::Char('k') => {
            model.queue.selected = model.queue.selected.saturating_sub(1)
        }
        KeyCode::Home => model.queue.selected = 0,
        KeyCode::End => model.queue.selected = last,
        KeyCode::Char('r' | 'к') => {
            return match selected {
                Some((id, number, TicketStatus::NoShow)) => {
                    vec![Effect::MoveTicket(TicketMove::Recall, id, number)]
                }
                _ => nothing_selected(model),
            };
        }
        KeyCode::Char('l' | 'д') => {
            return match selected {
                Some((id, number, TicketStatus::Waiting)) => {
                    vec![Effect::MoveTicket(TicketMove::Left, id, number)]
                }
                _ => nothing_selected(model),
            };
        }
        KeyCode::Char('?') => model.help = true,
        KeyCode::Esc => model.screen = Screen::Desk,
        _ => {}
    }
    Vec::new()
}

fn nothing_selected(model: &mut Model) -> Vec<Effect> {
    model.status = Some((
        Tone::Error,
        QueueText::NothingSelected.text(model.lang).into(),
    ));
    Vec::new()
}
