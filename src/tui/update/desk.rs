//! The desk form half of `update`: moving between fields, checking, saving, the region
//! suggestions, and the results that come back for the form.

use super::carry;
use super::entries;
use super::lead;
use crate::domain::checks::lookup_keys;
use crate::domain::dates::day_text;
use crate::domain::{EntrySummary, Field, Severity, dates, names};
use crate::i18n::Text;
use crate::store::EntryEdit;
use crate::tui::form::{Form, SUGGESTIONS};
use crate::tui::keys::FormAction;
use crate::tui::model::{Confirm, Model, Screen, Tone};
use crate::tui::msg::{DeskMsg, Effect, LeadAction};
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

/// Applies a result for the form.
pub(super) fn on_msg(model: &mut Model, msg: DeskMsg) -> Vec<Effect> {
    match msg {
        DeskMsg::Duplicates(answer) => {
            if answer.keys == lookup_keys(&model.form.draft()) {
                model.form.looked_up = answer.keys;
                model.form.same_document = answer.same_document;
                model.form.same_person = answer.same_person;
                recheck(model);
            }
        }
        DeskMsg::Preview { key, preview } => model.form.preview = Some((key, preview)),
        DeskMsg::Counts(counts) => {
            model.counts = counts;
            recheck(model);
        }
        DeskMsg::HqAnswer { keys, answer } => {
            if super::hq::answered(model, keys, answer) {
                recheck(model);
            }
        }
        DeskMsg::Saved(saved) => {
            super::guard::check_write_on(model, saved.sheet, saved.line);
            let entry = model.form.checked.take();
            model.form = carry::next_form(model, entry.as_ref());
            let (sheet, line) = (saved.sheet, saved.line);
            model.tell(Tone::Success, Text::Saved { sheet, line });
            let mut effects = match model.form.carry {
                Some(_) => after_change(model),
                None => Vec::new(),
            };
            effects.push(Effect::LoadCounts);
            return effects;
        }
    }
    Vec::new()
}

/// Another desk saved the same document first: show it as the duplicate it now is.
pub(super) fn duplicate_race(model: &mut Model, first: EntrySummary) -> Vec<Effect> {
    model.form.looked_up = lookup_keys(&model.form.draft());
    model.form.same_document = Some(first);
    model.form.visited.insert(Field::Document);
    recheck(model);
    model.tell(Tone::Error, Text::DuplicateRace);
    Vec::new()
}

/// The database changed: ask the duplicate lookups again for a form with a signer on it.
pub(super) fn lookups_again(model: &Model) -> Option<Effect> {
    if !model.form.has_signer_data() {
        return None;
    }
    let exclude = model.form.editing.as_ref().map(|e| e.id.clone());
    let keys = lookup_keys(&model.form.draft());
    (keys.document.is_some() || keys.person.is_some())
        .then_some(Effect::LookupDuplicates { keys, exclude })
}

/// Clears the form for the next signer (the question to clear was answered yes).
pub(super) fn clear(model: &mut Model) {
    model.form = Form::new(model.today());
    model.status = None;
}

/// Keys of the form that the table names.
pub(super) fn on_action(model: &mut Model, action: FormAction) -> Vec<Effect> {
    match action {
        FormAction::Save => save(model),
        FormAction::TakeFix => {
            apply_fix(model);
            after_change(model)
        }
        FormAction::OpenDuplicate => match &model.form.same_document {
            Some(first) => vec![Effect::OpenEntry(first.id.clone())],
            None => Vec::new(),
        },
        FormAction::Escape => {
            // One Esc: the message goes, and a filled form or an edit asks what it says.
            model.status = None;
            if model.form.editing.is_some() {
                let changed = model.form.edit_changed(&model.regions, model.russian());
                model.confirm = Some(Confirm::LeaveEdit { changed });
            } else if model.form.has_signer_data() {
                model.confirm = Some(Confirm::ClearForm);
            }
            Vec::new()
        }
        FormAction::CloseSuggestions => {
            model.form.suggestions.clear();
            Vec::new()
        }
        FormAction::SuggestionDown => {
            let last = model.form.suggestions.len().saturating_sub(1);
            model.form.suggestion = (model.form.suggestion + 1).min(last);
            Vec::new()
        }
        FormAction::SuggestionUp => {
            model.form.suggestion = model.form.suggestion.saturating_sub(1);
            Vec::new()
        }
        FormAction::AcceptSuggestion => {
            if let Some(code) = model.form.suggestions.get(model.form.suggestion).cloned() {
                accept_region(model, &code);
            }
            move_focus(model, true);
            after_change(model)
        }
        FormAction::NextField => {
            let fields = model.form.active_fields(&model.regions);
            if fields.last() == Some(&model.form.focus) {
                leave_field(model);
                let mut effects = after_change(model);
                effects.extend(save(model));
                return effects;
            }
            move_focus(model, true);
            after_change(model)
        }
        FormAction::PreviousField => {
            move_focus(model, false);
            after_change(model)
        }
        FormAction::NextKind | FormAction::PreviousKind => {
            model.form.doc_kind = if action == FormAction::PreviousKind {
                model.form.doc_kind.next().next()
            } else {
                model.form.doc_kind.next()
            };
            model.form.kind_chosen = true;
            after_change(model)
        }
    }
}

/// A key typed into the focused field (the document kind takes none; a kept value is
/// replaced by the first character typed).
pub(super) fn typed(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let focus = model.form.focus;
    if focus == Field::DocKind {
        return Vec::new();
    }
    let changed = if model.form.is_carried(focus) {
        carry::type_over(&mut model.form, focus, key)
    } else {
        model
            .form
            .input_mut(focus)
            .handle_event(&Event::Key(key))
            .is_some_and(|c| c.value)
    };
    if changed {
        model.form.warnings_seen = None;
        if focus == Field::Region {
            refresh_suggestions(model);
        } else if focus == Field::Document {
            model.form.read_kind();
        }
    }
    after_change(model)
}

/// After an edit is saved or abandoned: back to the stashed signer, or to the list.
pub(super) fn finish_edit(model: &mut Model, message: Text<'static>) -> Vec<Effect> {
    model.tell(Tone::Success, message);
    match model.stashed.take() {
        Some(form) => {
            model.form = form;
            model.screen = Screen::Desk;
            let mut effects = after_change(model);
            effects.push(Effect::LoadCounts);
            effects
        }
        None => {
            model.form = Form::new(model.today());
            model.screen = Screen::Entries;
            vec![entries::load(model), Effect::LoadCounts]
        }
    }
}

/// Runs the checks over the form again and forgets warnings seen if they changed.
pub(super) fn recheck(model: &mut Model) {
    let today = model.today();
    model
        .form
        .recheck(today, &model.campaign, &model.regions, &model.counts);
    if model.form.warnings_seen.as_ref() != Some(&model.form.warning_codes()) {
        model.form.warnings_seen = None;
    }
}

/// Forgets what the duplicate lookups said (the database changed) and asks again.
pub(super) fn refresh_lookups(model: &mut Model) -> Vec<Effect> {
    model.form.looked_up = Default::default();
    model.form.same_document = None;
    model.form.same_person = None;
    model.form.preview = None;
    after_change(model)
}

/// Re-checks the form and asks for the lookups its current values need.
pub(super) fn after_change(model: &mut Model) -> Vec<Effect> {
    recheck(model);
    let mut effects = Vec::new();
    let keys = lookup_keys(&model.form.draft());
    if keys != model.form.looked_up {
        if keys.document.is_none() && keys.person.is_none() {
            model.form.looked_up = keys;
            model.form.same_document = None;
            model.form.same_person = None;
            recheck(model);
        } else {
            effects.push(Effect::LookupDuplicates {
                keys,
                exclude: model.form.editing.as_ref().map(|e| e.id.clone()),
            });
        }
    }
    effects.extend(super::hq::ask(model));
    if let Some(region) = model.regions.resolve(model.form.text(Field::Region)) {
        let country = if region.code == crate::domain::ABROAD {
            model.form.text(Field::AbroadCountry).trim().to_string()
        } else {
            String::new()
        };
        let key = (region.code.clone(), country);
        let known = model.form.preview.as_ref().is_some_and(|(k, _)| *k == key);
        if !known && model.form.editing.is_none() {
            effects.push(Effect::LoadPreview(key.0, key.1));
        }
    } else {
        model.form.preview = None;
    }
    effects
}

/// Moves the cursor to the next or previous field. Forward it passes over the document
/// kind, which the digits decide; back from the document it stops there, to change it.
fn move_focus(model: &mut Model, forward: bool) {
    let fields = model.form.active_fields(&model.regions);
    let here = fields
        .iter()
        .position(|f| *f == model.form.focus)
        .unwrap_or(0);
    let next = if forward {
        let step = if fields.get(here + 1) == Some(&Field::DocKind) {
            2
        } else {
            1
        };
        (here + step).min(fields.len() - 1)
    } else {
        here.saturating_sub(1)
    };
    leave_field(model);
    model.form.focus = fields[next];
    model.form.suggestions.clear();
}

/// What happens when the cursor leaves a field: its findings show (leaving the document
/// shows those of its kind too, which the digits decided), a region prefix takes the
/// highlighted suggestion.
fn leave_field(model: &mut Model) {
    let form = &mut model.form;
    form.visited.insert(form.focus);
    let typed = form.text(form.focus).to_string();
    match form.focus {
        Field::Surname | Field::GivenName | Field::Patronymic => {
            form.set_text(form.focus, &names::normalise_name(&typed));
        }
        Field::BirthDate | Field::SignedOn => {
            if let Ok(date) = dates::parse_date(&typed) {
                form.set_text(form.focus, &day_text(date));
            }
        }
        Field::Document => {
            form.visited.insert(Field::DocKind);
        }
        Field::Region => match model.regions.resolve(&typed) {
            Some(region) => {
                let code = region.code.clone();
                accept_region(model, &code);
            }
            None => {
                if let Some(code) = form.suggestions.get(form.suggestion).cloned() {
                    accept_region(model, &code);
                }
            }
        },
        // Nothing to tidy: a choice, free text.
        Field::DocKind | Field::AbroadCountry | Field::Address => {}
    }
}

fn accept_region(model: &mut Model, code: &str) {
    if let Some(region) = model.regions.by_code(code) {
        let name = region.display_name(model.russian()).to_string();
        model.form.set_text(Field::Region, &name);
    }
    model.form.suggestions.clear();
}

fn refresh_suggestions(model: &mut Model) {
    let typed = model.form.text(Field::Region).trim().to_string();
    model.form.suggestion = 0;
    model.form.suggestions = if typed.is_empty() {
        Vec::new()
    } else {
        model
            .regions
            .suggest_ranked(&typed, SUGGESTIONS, &model.counts)
            .into_iter()
            .map(|r| r.code.clone())
            .collect()
    };
}

/// Ctrl-T: takes the suggested fix of the current field, or of the nearest field before it;
/// on the region, the region the address names while the region is empty.
fn apply_fix(model: &mut Model) {
    let order = model.form.active_fields(&model.regions);
    let here = order
        .iter()
        .position(|f| *f == model.form.focus)
        .unwrap_or(0);
    let offer = model
        .form
        .region_offer(&model.regions)
        .map(|r| r.code.clone());
    let fix = order[..=here]
        .iter()
        .rev()
        .find_map(|field| match (field, &offer) {
            (Field::Region, Some(code)) => Some(Fix::Region(code.clone())),
            _ => model
                .form
                .findings_for(*field)
                .into_iter()
                .find_map(|f| f.fix.clone().map(|fix| Fix::Text(*field, fix))),
        });
    match fix {
        Some(Fix::Text(field, text)) => {
            model.form.set_text(field, &text);
            model.tell(Tone::Info, Text::Fixed(&text));
        }
        Some(Fix::Region(code)) => {
            accept_region(model, &code);
            let name = model.form.text(Field::Region).to_string();
            model.tell(Tone::Info, Text::Fixed(&name));
        }
        None => model.tell(Tone::Info, Text::NoFix),
    }
}

/// What Ctrl-T puts in a field.
enum Fix {
    /// A finding's replacement text.
    Text(Field, String),
    /// The region (by code) the address names.
    Region(String),
}

fn save(model: &mut Model) -> Vec<Effect> {
    let fields = model.form.active_fields(&model.regions);
    model.form.visited.extend(fields.iter().copied());
    recheck(model);
    let errors = model.form.count(Severity::Error);
    if errors > 0 {
        if let Some(first) = model
            .form
            .findings
            .iter()
            .find(|f| f.severity == Severity::Error)
        {
            model.form.focus = if fields.contains(&first.field) {
                first.field
            } else {
                Field::Region
            };
        }
        model.form.warnings_seen = None;
        model.tell(Tone::Error, Text::ErrorsBlock(errors));
        return Vec::new();
    }
    let warnings = model.form.warning_codes();
    if !warnings.is_empty() && model.form.warnings_seen.as_ref() != Some(&warnings) {
        model.tell(Tone::Warning, Text::WarningsConfirm(warnings.len()));
        model.form.warnings_seen = Some(warnings);
        return Vec::new();
    }
    let Some(entry) = model.form.checked.clone() else {
        return Vec::new();
    };
    match &model.form.editing {
        Some(old) => {
            let desk = old.desk.clone();
            let edit = EntryEdit {
                id: old.id.clone(),
                entry,
            };
            lead::guard(model, &desk, LeadAction::Edit(edit))
        }
        None => vec![Effect::Save(entry, model.ticket.as_ref().map(|t| t.id))],
    }
}
