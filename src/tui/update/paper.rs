//! The paper check half of `update`: the lead walks the sample one line at a time and
//! presses one key per line for what the paper shows (DESIGN.md §11).

use super::lead;
use crate::domain::EntryStatus;
use crate::domain::paper::PaperCode;
use crate::i18n::PaperText;
use crate::tui::keys::{PaperAction, Prompt};
use crate::tui::model::{Model, Screen, Tone};
use crate::tui::msg::{Effect, LeadAction, PaperMsg};
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

/// F7 / Alt-6: the lead PIN first, every time the screen is opened.
pub(super) fn ask_to_open(model: &mut Model) -> Vec<Effect> {
    if model.screen != Screen::Paper {
        lead::ask(model, "", LeadAction::OpenPaper);
    }
    Vec::new()
}

/// The PIN was right: show the screen and load the sample.
pub(super) fn open(model: &mut Model) -> Vec<Effect> {
    model.screen = Screen::Paper;
    model.paper.note = None;
    vec![Effect::LoadPaper]
}

/// The sample again after another process changed the database, while it is shown.
pub(super) fn reload_if_shown(model: &Model) -> Option<Effect> {
    (model.screen == Screen::Paper).then_some(Effect::LoadPaper)
}

/// Applies a result for the paper check.
pub(super) fn on_msg(model: &mut Model, msg: PaperMsg) -> Vec<Effect> {
    let view = &mut model.paper;
    match msg {
        PaperMsg::Loaded(lines) => {
            let first_load = view.lines.is_empty();
            view.lines = lines;
            view.selected = view.selected.min(view.lines.len().saturating_sub(1));
            if first_load
                && view
                    .lines
                    .get(view.selected)
                    .is_some_and(|l| l.mark.is_some())
                && let Some(next) = view.next_unchecked()
            {
                view.selected = next;
            }
        }
        PaperMsg::Marked {
            entry_id,
            code,
            note,
        } => {
            let Some(index) = view.lines.iter().position(|l| l.entry.id == entry_id) else {
                return Vec::new();
            };
            let line = &mut view.lines[index];
            line.mark = Some(crate::store::PaperMark {
                code,
                note,
                at: model.now,
            });
            let (sheet, line) = (line.entry.sheet, line.entry.line);
            view.selected = index;
            if let Some(next) = view.next_unchecked() {
                view.selected = next;
            }
            let before = None;
            model.tell(
                Tone::Success,
                PaperText::Marked {
                    sheet,
                    line,
                    code,
                    before,
                },
            );
        }
        PaperMsg::Share(share) => model.board.paper = share,
    }
    Vec::new()
}

/// Keys of the paper check.
pub(super) fn on_action(model: &mut Model, action: PaperAction) -> Vec<Effect> {
    let view = &mut model.paper;
    match action {
        PaperAction::Move(step) => view.selected = step.from(view.selected, view.lines.len()),
        PaperAction::Back => {
            model.screen = model.home;
            model.paper = Default::default();
        }
        PaperAction::Mark(code) => {
            let Some(line) = view.lines.get(view.selected) else {
                return Vec::new();
            };
            if line.entry.status == EntryStatus::Voided {
                model.tell(Tone::Warning, PaperText::VoidedSince);
                return Vec::new();
            }
            if code.needs_note() {
                view.note = Some(Default::default());
                return Vec::new();
            }
            return vec![mark(line.entry.id.clone(), code, String::new())];
        }
    }
    Vec::new()
}

/// Enter or Esc on the note of `paper.other`: record it, or forget it.
pub(super) fn on_note_prompt(model: &mut Model, prompt: Prompt) -> Vec<Effect> {
    let view = &mut model.paper;
    let Some(note) = view.note.take() else {
        return Vec::new();
    };
    let text = note.value().trim().to_string();
    match prompt {
        Prompt::Cancel => Vec::new(),
        Prompt::Submit if text.is_empty() => {
            view.note = Some(note);
            model.tell(Tone::Error, PaperText::NoteNeeded);
            Vec::new()
        }
        Prompt::Submit => match view.lines.get(view.selected) {
            Some(line) => vec![mark(line.entry.id.clone(), PaperCode::Other, text)],
            None => Vec::new(),
        },
    }
}

/// A key typed into the note.
pub(super) fn typed(model: &mut Model, key: KeyEvent) {
    if let Some(note) = model.paper.note.as_mut() {
        note.handle_event(&Event::Key(key));
    }
}

fn mark(entry_id: String, code: PaperCode, note: String) -> Effect {
    Effect::MarkPaper {
        entry_id,
        code,
        note,
    }
}
