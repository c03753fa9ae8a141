//! The entries half of `update`: the list of this desk's (or every desk's) lines, opening
//! one to edit, voiding one with a reason.

use super::{desk, lead};
use crate::domain::EntryStatus;
use crate::domain::checks::lookup_keys;
use crate::i18n::Text;
use crate::tui::form::Form;
use crate::tui::keys::{EntriesAction, Prompt};
use crate::tui::model::{Model, Screen, Tone};
use crate::tui::msg::{Effect, EntriesMsg, LeadAction};
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

/// Reload the entries list: this desk's, or every desk's when the lead asked for all.
pub(super) fn load(model: &Model) -> Effect {
    Effect::LoadEntries {
        all_desks: model.entries.all_desks,
    }
}

/// Applies a result for the entries list.
pub(super) fn on_msg(model: &mut Model, msg: EntriesMsg) -> Vec<Effect> {
    match msg {
        EntriesMsg::Loaded(items) => {
            model.entries.selected = model.entries.selected.min(items.len().saturating_sub(1));
            model.entries.items = items;
            Vec::new()
        }
        EntriesMsg::Opened(entry) => {
            let kept = model.form.has_signer_data() || model.form.carry.is_some();
            if model.form.editing.is_none() && kept {
                model.stashed = Some(model.form.clone());
            }
            let id = entry.id.clone();
            model.form = Form::editing(*entry, &model.regions, model.russian());
            model.screen = Screen::Desk;
            model.tell(Tone::Info, Text::EditingHint);
            let mut effects = desk::after_change(model);
            effects.retain(|e| !matches!(e, Effect::LookupDuplicates { .. }));
            effects.push(Effect::LookupDuplicates {
                keys: lookup_keys(&model.form.draft()),
                exclude: Some(id),
            });
            effects
        }
        EntriesMsg::Edited(_) => desk::finish_edit(model, Text::EditSaved),
        EntriesMsg::Voided(_) => {
            model.entries.void_reason = None;
            model.tell(Tone::Success, Text::Voided);
            vec![load(model), Effect::LoadCounts]
        }
    }
}

/// Keys of the list.
pub(super) fn on_action(model: &mut Model, action: EntriesAction) -> Vec<Effect> {
    let view = &mut model.entries;
    match action {
        EntriesAction::Move(step) => view.selected = step.from(view.selected, view.items.len()),
        EntriesAction::AllDesks => {
            view.all_desks = !view.all_desks;
            view.selected = 0;
            return vec![load(model)];
        }
        EntriesAction::Back => model.screen = Screen::Desk,
        EntriesAction::Edit => {
            if let Some(entry) = view.items.get(view.selected) {
                if entry.status == EntryStatus::Voided {
                    model.tell(Tone::Error, Text::VoidedNoEdit);
                } else {
                    return vec![Effect::OpenEntry(entry.id.clone())];
                }
            }
        }
        EntriesAction::Void => {
            if let Some(entry) = view.items.get(view.selected) {
                if entry.status == EntryStatus::Voided {
                    model.tell(Tone::Error, Text::AlreadyVoided);
                } else {
                    view.void_reason = Some(Default::default());
                }
            }
        }
    }
    Vec::new()
}

/// Enter or Esc on the void reason: void the highlighted line (the lead PIN first when it
/// is another desk's), or forget it.
pub(super) fn on_void_prompt(model: &mut Model, prompt: Prompt) -> Vec<Effect> {
    let view = &mut model.entries;
    let Some(reason) = view.void_reason.as_ref() else {
        return Vec::new();
    };
    match prompt {
        Prompt::Cancel => view.void_reason = None,
        Prompt::Submit => {
            let text = reason.value().trim().to_string();
            if text.is_empty() {
                model.tell(Tone::Error, Text::VoidNeedsReason);
                return Vec::new();
            }
            if let Some(entry) = view.items.get(view.selected) {
                let (id, desk) = (entry.id.clone(), entry.desk.clone());
                return lead::guard(model, &desk, LeadAction::Void { id, reason: text });
            }
        }
    }
    Vec::new()
}

/// A key typed into the void reason.
pub(super) fn typed(model: &mut Model, key: KeyEvent) {
    if let Some(reason) = model.entries.void_reason.as_mut() {
        reason.handle_event(&Event::Key(key));
    }
}
