//! The door half of `update`: issuing tickets, taking one back, marking a walkout by its
//! number, the notice to signers.

use crate::i18n::QueueText;
use crate::tui::keys::{DoorAction, Prompt};
use crate::tui::model::{Model, Tone};
use crate::tui::msg::{DoorMsg, Effect, TicketMove};
use chrono::Duration;
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// How long the door can take back a ticket it issued by mistake.
pub const UNDO_WINDOW: Duration = Duration::seconds(30);

/// Applies a result for the door.
pub(super) fn on_msg(model: &mut Model, msg: DoorMsg) -> Vec<Effect> {
    match msg {
        DoorMsg::Notice(notice) => {
            model.door.notice = Some(notice);
            Vec::new()
        }
        DoorMsg::Issued(ticket) => {
            model.tell(Tone::Success, QueueText::Issued(ticket.number));
            model.door.last_issued = Some(ticket);
            vec![Effect::LoadTickets(model.today())]
        }
        DoorMsg::Undone(number, done) => {
            if done {
                model.door.last_issued = None;
            }
            let tone = if done { Tone::Success } else { Tone::Error };
            model.tell(tone, QueueText::Undone { number, done });
            vec![Effect::LoadTickets(model.today())]
        }
    }
}

/// Keys of the door screen.
pub(super) fn on_action(model: &mut Model, action: DoorAction) -> Vec<Effect> {
    match action {
        DoorAction::Issue => return vec![Effect::IssueTicket(model.today())],
        DoorAction::ShowNotice => return vec![Effect::LoadNotice(model.lang)],
        DoorAction::Undo => return undo_last(model),
        DoorAction::Walkout => model.door.leaving = Some(Input::default()),
        // Closing the notice does nothing else: the key that closed it issues no ticket.
        DoorAction::CloseNotice => model.door.notice = None,
        DoorAction::ClearMessage => model.status = None,
    }
    Vec::new()
}

/// Enter or Esc on the walkout number: mark that ticket as left, or forget it.
pub(super) fn on_walkout_prompt(model: &mut Model, prompt: Prompt) -> Vec<Effect> {
    let Some(typed) = model.door.leaving.take() else {
        return Vec::new();
    };
    match prompt {
        Prompt::Submit => mark_left_by_number(model, typed.value().trim()),
        Prompt::Cancel => Vec::new(),
    }
}

/// A key typed into the walkout number.
pub(super) fn typed(model: &mut Model, key: KeyEvent) {
    if let Some(typed) = model.door.leaving.as_mut() {
        typed.handle_event(&Event::Key(key));
    }
}

fn undo_last(model: &mut Model) -> Vec<Effect> {
    let Some(last) = model.door.last_issued.clone() else {
        return Vec::new();
    };
    if model.now - last.issued_at > UNDO_WINDOW {
        model.tell(Tone::Error, QueueText::UndoTooLate(last.number));
        return Vec::new();
    }
    vec![Effect::UndoTicket(last.id, last.number)]
}

fn mark_left_by_number(model: &mut Model, typed: &str) -> Vec<Effect> {
    let Ok(number) = typed.trim_start_matches('0').parse::<u32>() else {
        model.tell(Tone::Error, QueueText::NotATicket(typed));
        return Vec::new();
    };
    match model.queue.tickets.iter().find(|t| t.number == number) {
        Some(t) => vec![Effect::MoveTicket(TicketMove::Left, t.id, number)],
        None => {
            model.tell(
                Tone::Error,
                QueueText::Moved {
                    recall: false,
                    number,
                    done: false,
                },
            );
            Vec::new()
        }
    }
}
