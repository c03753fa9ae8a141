//! The lead PIN gate: a desk may change its own lines; another desk's line (opened with
//! Ctrl-O or from the all-desks list) needs the shift lead's PIN first, and so does
//! opening the paper check.

use super::paper;
use crate::i18n::LockText;
use crate::tui::keys::Prompt;
use crate::tui::model::{LeadPrompt, Model, Tone};
use crate::tui::msg::{Effect, LeadAction};
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

/// Runs `action` at once when the line is this desk's, or asks for the lead PIN first.
pub(super) fn guard(model: &mut Model, line_desk: &str, action: LeadAction) -> Vec<Effect> {
    let own = model.actor.as_ref().is_some_and(|a| a.desk == line_desk);
    if own {
        return granted(model, action);
    }
    ask(model, line_desk, action);
    Vec::new()
}

/// Asks for the lead PIN before `action` (`desk` names the line's desk in the prompt).
pub(super) fn ask(model: &mut Model, desk: &str, action: LeadAction) {
    model.lead_prompt = Some(LeadPrompt {
        typed: Default::default(),
        desk: desk.to_string(),
        action,
    });
}

/// Enter or Esc while the lead PIN is asked for: check it, or give up the change.
pub(super) fn on_prompt(model: &mut Model, prompt: Prompt) -> Vec<Effect> {
    let Some(asked) = model.lead_prompt.take() else {
        return Vec::new();
    };
    match prompt {
        Prompt::Submit => vec![Effect::CheckLeadPin(
            asked.typed.value().to_string(),
            asked.action,
        )],
        Prompt::Cancel => Vec::new(),
    }
}

/// A key typed into the lead PIN.
pub(super) fn typed(model: &mut Model, key: KeyEvent) {
    if let Some(asked) = model.lead_prompt.as_mut() {
        asked.typed.handle_event(&Event::Key(key));
    }
}

/// The lead PIN was checked: do the change, or say it was wrong.
pub(super) fn checked(model: &mut Model, right: bool, action: LeadAction) -> Vec<Effect> {
    if right {
        return granted(model, action);
    }
    model.entries.void_reason = None;
    model.tell(Tone::Error, LockText::WrongLeadPin);
    Vec::new()
}

/// What the PIN (or the line being this desk's) lets happen.
fn granted(model: &mut Model, action: LeadAction) -> Vec<Effect> {
    match action {
        LeadAction::OpenPaper => paper::open(model),
        LeadAction::Void { id, reason } => vec![Effect::Void { id, reason }],
        LeadAction::Edit(edit) => vec![Effect::SaveEdit(edit)],
    }
}
