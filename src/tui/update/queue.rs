//! The queue half of `update`: calling tickets at the desk, the queue screen, and the
//! figures over today's tickets.

use crate::domain::queue::{TicketStatus, queue_figures, recent_calls};
use crate::i18n::QueueText;
use crate::store::Finish;
use crate::tui::keys::QueueAction;
use crate::tui::model::{Model, Screen, Tone};
use crate::tui::msg::{Effect, QueueMsg, TicketMove};

/// How many recent calls the door shows.
const RECENT_CALLS: usize = 5;

/// Recomputes the figures over the loaded tickets (after a load or a clock tick).
pub(super) fn refresh_figures(model: &mut Model) {
    model.queue.figures = queue_figures(&model.queue.tickets, model.today(), model.now);
    model.queue.recent_calls = recent_calls(&model.queue.tickets, model.today(), RECENT_CALLS);
    let rows = model.queue.rows().len();
    model.queue.selected = model.queue.selected.min(rows.saturating_sub(1));
    // The board's desks show the tickets they serve.
    super::board::refresh_figures(model);
}

/// Ctrl-N / Ctrl-U at a desk: close the current ticket and call the next, unless a signer
/// is still on the form (saving it first keeps the line linked to the right ticket). What
/// the form kept from the last signer goes with the ticket.
pub(super) fn call_next(model: &mut Model, finish: Finish) -> Vec<Effect> {
    if model.form.has_signer_data() && model.form.editing.is_none() {
        model.tell(Tone::Warning, QueueText::SaveFirst);
        return Vec::new();
    }
    let mut effects = super::carry::next_ticket(model);
    effects.push(Effect::CallNext(finish, model.today()));
    effects
}

/// Applies a result for the queue.
pub(super) fn on_msg(model: &mut Model, msg: QueueMsg) -> Vec<Effect> {
    match msg {
        QueueMsg::Tickets(tickets) => {
            model.queue.tickets = tickets;
            refresh_figures(model);
            Vec::new()
        }
        QueueMsg::Serving(ticket) => {
            model.ticket = ticket;
            super::carry::ticket_changed(model)
        }
        QueueMsg::Called(outcome) => {
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
            model.tell(tone, QueueText::CalledNext { finished, called });
            model.ticket = outcome.called;
            let mut effects = super::carry::ticket_changed(model);
            effects.push(Effect::LoadTickets(model.today()));
            effects
        }
        QueueMsg::TicketMoved(change, number, ticket) => {
            let recall = change == TicketMove::Recall;
            let tone = if ticket.is_some() {
                Tone::Success
            } else {
                Tone::Error
            };
            model.tell(
                tone,
                QueueText::Moved {
                    recall,
                    number,
                    done: ticket.is_some(),
                },
            );
            vec![Effect::LoadTickets(model.today())]
        }
    }
}

/// Keys of the queue screen.
pub(super) fn on_action(model: &mut Model, action: QueueAction) -> Vec<Effect> {
    let rows = model.queue.rows();
    let count = rows.len();
    let selected = rows
        .get(model.queue.selected)
        .map(|t| (t.id, t.number, t.status));
    match action {
        QueueAction::Move(step) => model.queue.selected = step.from(model.queue.selected, count),
        QueueAction::Recall => {
            return match selected {
                Some((id, number, TicketStatus::NoShow)) => {
                    vec![Effect::MoveTicket(TicketMove::Recall, id, number)]
                }
                _ => nothing_selected(model),
            };
        }
        QueueAction::MarkLeft => {
            return match selected {
                Some((id, number, TicketStatus::Waiting)) => {
                    vec![Effect::MoveTicket(TicketMove::Left, id, number)]
                }
                _ => nothing_selected(model),
            };
        }
        QueueAction::Back => model.screen = Screen::Desk,
    }
    Vec::new()
}

fn nothing_selected(model: &mut Model) -> Vec<Effect> {
    model.tell(Tone::Error, QueueText::NothingSelected);
    Vec::new()
}
