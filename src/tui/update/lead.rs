//! The lead PIN gate: a desk may change its own lines; another desk's line (opened with
//! Ctrl-O or from the all-desks list) needs the shift lead's PIN first.

use super::{Effect, Model, Tone};
use crate::i18n::lock as text;
use crate::tui::model::LeadPrompt;
use crate::tui::msg::LeadAction;
use crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

/// Runs `action` at once when the line is this desk's, or asks for the lead PIN first.
pub fn guard(model: &mut Model, line_desk: &str, action: LeadAction) -> Vec<Effect> {
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

/// Keys while the lead PIN is asked for.
pub fn on_prompt_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Some(prompt) = model.lead_prompt.as_mut() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Esc => model.lead_prompt = None,
        KeyCode::Enter => {
            if let Some(prompt) = model.lead_prompt.take() {
                return vec![Effect::CheckLeadPin(
                    prompt.typed.value().to_string(),
                    prompt.action,
                )];
            }
        }
        _ => {
            prompt.typed.handle_event(&Event::Key(key));
        }
    }
    Vec::new()
}

/// The lead PIN was checked: do the change, or say it was wrong.
pub fn checked(model: &mut Model, right: bool, action: LeadAction) -> Vec<Effect> {
    if right {
        return vec![action.effect()];
    }
    model.entries.void_reason = None;
    model.status = Some((Tone::Error, text::wrong_lead_pin(model.lang).into()));
    Vec::new()
}
