//! The lead PIN gate: a desk may change its own lines; another desk's line (opened with
//! Ctrl-O or from the all-desks list) needs the shift lead's PIN first.

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
        return vec![action.effect()];
    }
    model.lead_prompt = Some(LeadPrompt {
        typed: Default::default(),
        desk: line_desk.to_string(),
        action,
    });
    Vec::new()
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
        return vec![action.effect()];
    }
    model.entries.void_reason = None;
    model.tell(Tone::Error, LockText::WrongLeadPin);
    Vec::new()
}
