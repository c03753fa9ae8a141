//! `update`: the only function that changes the model. Keys and effect results in,
//! effects out. No I/O here.

use super::form::{Form, SUGGESTIONS};
use super::model::{Confirm, Model, Screen, Tone};
use super::msg::{Effect, LeadAction, Msg, WriteFailure};
use crate::domain::checks::lookup_keys;
use crate::domain::{DocKind, EntryStatus, Field, Severity, dates, names};
use crate::i18n::{self, Text};
use crate::store::EntryEdit;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::backend::crossterm::EventHandler;

mod board;
mod lead;
mod lock;
mod queue;
mod signin;

pub use lock::{PIN_TRIES, lock_deadline, valid_pin};
pub use queue::UNDO_WINDOW;
pub use signin::sign_in;

/// Applies one message to the model and returns the effects to run.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(model, key),
        Msg::Resize(w, h) => {
            model.size = (w, h);
            Vec::new()
        }
        Msg::Tick(now) => {
            let day = model.today();
            let new_minute = now.timestamp().div_euclid(60) != model.now.timestamp().div_euclid(60);
            model.now = now;
            // Every key is preceded by a tick; the figures count minutes, so they are
            // recomputed when the minute changes, not on every keystroke.
            if new_minute {
                queue::refresh_figures(model);
            }
            lock::lock_if_idle(model);
            let mut effects = Vec::new();
            if model.actor.is_some() {
                if model.today() != day {
                    effects.push(Effect::LoadTickets(model.today()));
                    effects.extend(board::reloads_if_shown(model));
                }
                if new_minute {
                    effects.push(Effect::AutoBackup);
                }
            }
            effects.extend(board::due_check(model));
            effects
        }
        Msg::BackedUp(result) => {
            if let Err(reason) = result {
                model.status = Some((
                    Tone::Warning,
                    i18n::lock::backup_failed(model.lang, &reason),
                ));
            }
            Vec::new()
        }
        Msg::DataChanged => data_changed(model),
        Msg::LeadPinChecked(right, action) => lead::checked(model, right, *action),
        Msg::PassphraseChecked(right) => {
            lock::passphrase_checked(model, right);
            Vec::new()
        }
        Msg::Duplicates(answer) => {
            if answer.keys == lookup_keys(&model.form.draft()) {
                model.form.looked_up = answer.keys;
                model.form.same_document = answer.same_document;
                model.form.same_person = answer.same_person;
                recheck(model);
            }
            Vec::new()
        }
        Msg::Preview { key, preview } => {
            model.form.preview = Some((key, preview));
            Vec::new()
        }
        Msg::Counts(counts) => {
            model.counts = counts;
            recheck(model);
            Vec::new()
        }
        Msg::Campaign(campaign) => {
            model.campaign = *campaign;
            recheck(model);
            board::refresh_figures(model);
            Vec::new()
        }
        Msg::Saved(saved) => {
            model.form = Form::new(model.today());
            model.status = Some((
                Tone::Success,
                i18n::saved(model.lang, saved.sheet, saved.line),
            ));
            vec![Effect::LoadCounts]
        }
        Msg::Edited(_) => finish_edit(model, Text::EditSaved),
        Msg::Voided(_) => {
            model.entries.void_reason = None;
            model.status = Some((Tone::Success, model.lang.text(Text::Voided).into()));
            vec![load_entries(model), Effect::LoadCounts]
        }
        Msg::WriteFailed(WriteFailure::Duplicate(first)) => {
            model.form.looked_up = lookup_keys(&model.form.draft());
            model.form.same_document = Some(first);
            model.form.visited.insert(Field::Document);
            recheck(model);
            model.status = Some((Tone::Error, model.lang.text(Text::DuplicateRace).into()));
            Vec::new()
        }
        Msg::WriteFailed(WriteFailure::Other(message)) => {
            model.entries.void_reason = None;
            model.status = Some((Tone::Error, message));
            Vec::new()
        }
        Msg::EntriesLoaded(items) => {
            model.entries.selected = model.entries.selected.min(items.len().saturating_sub(1));
            model.entries.items = items;
            Vec::new()
        }
        Msg::EntryOpened(entry) => {
            if model.form.editing.is_none() && model.form.has_signer_data() {
                model.stashed = Some(model.form.clone());
            }
            let id = entry.id.clone();
            model.form = Form::editing(*entry, &model.regions, model.russian());
            model.screen = Screen::Desk;
            model.status = Some((Tone::Info, model.lang.text(Text::EditingHint).into()));
            let mut effects = after_change(model);
            effects.retain(|e| !matches!(e, Effect::LookupDuplicates { .. }));
            effects.push(Effect::LookupDuplicates {
                keys: lookup_keys(&model.form.draft()),
                exclude: Some(id),
            });
            effects
        }
        // Listed one by one so that a new message fails to compile until it is handled.
        msg @ (Msg::Tickets(_)
        | Msg::Serving(_)
        | Msg::Notice(_)
        | Msg::Called(_)
        | Msg::Issued(_)
        | Msg::Undone(..)
        | Msg::TicketMoved(..)) => queue::on_msg(model, msg),
        msg @ (Msg::BoardLoaded(_) | Msg::DefectsToday(_)) => board::on_msg(model, msg),
    }
}

/// Another process changed the database: reload what the screens show and ask the
/// duplicate lookups again (another desk may have just saved this signer).
fn data_changed(model: &mut Model) -> Vec<Effect> {
    if model.actor.is_none() {
        return Vec::new();
    }
    let mut effects = vec![
        Effect::LoadTickets(model.today()),
        Effect::LoadCounts,
        Effect::LoadCampaign,
    ];
    if model.screen == Screen::Entries && model.entries.void_reason.is_none() {
        effects.push(load_entries(model));
    }
    effects.extend(board::on_data_changed(model));
    if model.form.has_signer_data() {
        let exclude = model.form.editing.as_ref().map(|e| e.id.clone());
        let keys = lookup_keys(&model.form.draft());
        if keys.document.is_some() || keys.person.is_some() {
            effects.push(Effect::LookupDuplicates { keys, exclude });
        }
    }
    effects
}

/// Reload the entries list: this desk's, or every desk's when the lead asked for all.
fn load_entries(model: &Model) -> Effect {
    Effect::LoadEntries {
        all_desks: model.entries.all_desks,
    }
}

/// After an edit is saved or abandoned: back to the stashed signer, or to the list.
fn finish_edit(model: &mut Model, message: Text) -> Vec<Effect> {
    model.status = Some((Tone::Success, model.lang.text(message).into()));
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
            vec![load_entries(model), Effect::LoadCounts]
        }
    }
}

fn recheck(model: &mut Model) {
    let today = model.today();
    model
        .form
        .recheck(today, &model.campaign, &model.regions, &model.counts);
    if model.form.warnings_seen.as_ref() != Some(&model.form.warning_codes()) {
        model.form.warnings_seen = None;
    }
}

/// Forgets what the duplicate lookups said (the database changed) and asks again.
fn refresh_lookups(model: &mut Model) -> Vec<Effect> {
    model.form.looked_up = Default::default();
    model.form.same_document = None;
    model.form.same_person = None;
    model.form.preview = None;
    after_change(model)
}

/// Re-checks the form and asks for the lookups its current values need.
fn after_change(model: &mut Model) -> Vec<Effect> {
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

fn ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

fn alt_digit(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::ALT) && c.is_ascii_digit() => {
            Some(c)
        }
        _ => None,
    }
}

fn on_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    model.last_input = model.now;
    if model.lock.is_some() {
        return lock::on_lock_key(model, key);
    }
    if ctrl(&key, 'l') && model.actor.is_some() {
        lock::lock(model);
        return Vec::new();
    }
    if model.lead_prompt.is_some() {
        return lead::on_prompt_key(model, key);
    }
    if let Some(question) = model.confirm {
        return on_confirm(model, question, key);
    }
    if model.help {
        model.help = false;
        return Vec::new();
    }
    if ctrl(&key, 'q') {
        if model.form.has_signer_data() {
            model.confirm = Some(Confirm::Quit);
        } else {
            model.quit = true;
        }
        return Vec::new();
    }
    if key.code == KeyCode::F(1) {
        model.help = true;
        return Vec::new();
    }
    if model.screen == Screen::SignIn {
        return signin::on_signin_key(model, key);
    }
    match (key.code, alt_digit(&key)) {
        (KeyCode::F(2), _) | (_, Some('1')) => {
            model.screen = Screen::Desk;
            return refresh_lookups(model);
        }
        (KeyCode::F(3), _) | (_, Some('2')) => {
            model.screen = Screen::Queue;
            return vec![Effect::LoadTickets(model.today())];
        }
        (KeyCode::F(4), _) | (_, Some('3')) => {
            model.screen = Screen::Entries;
            model.entries.void_reason = None;
            return vec![load_entries(model)];
        }
        (KeyCode::F(5), _) | (_, Some('4')) => {
            model.screen = Screen::Board;
            let mut effects = vec![Effect::LoadTickets(model.today())];
            effects.extend(board::reloads(model));
            return effects;
        }
        (KeyCode::F(6), _) | (_, Some('5')) => {
            model.screen = Screen::Door;
            return vec![Effect::LoadTickets(model.today())];
        }
        _ => {}
    }
    let calls_tickets = !matches!(model.screen, Screen::Door | Screen::Board);
    if calls_tickets && model.entries.void_reason.is_none() {
        if ctrl(&key, 'n') {
            return queue::call_next(model, crate::store::Finish::Done);
        }
        if ctrl(&key, 'u') {
            return queue::call_next(model, crate::store::Finish::NoShow);
        }
    }
    match model.screen {
        Screen::Desk => on_form_key(model, key),
        Screen::Entries => on_entries_key(model, key),
        Screen::Queue => queue::on_queue_key(model, key),
        Screen::Door => queue::on_door_key(model, key),
        Screen::Board => board::on_key(model, key),
        Screen::SignIn => Vec::new(),
    }
}

fn on_confirm(model: &mut Model, question: Confirm, key: KeyEvent) -> Vec<Effect> {
    let yes = matches!(key.code, KeyCode::Char('y' | 'Y' | 'д' | 'Д' | 'l' | 'L'));
    let no = matches!(
        key.code,
        KeyCode::Char('n' | 'N' | 'н' | 'Н' | 'y' | 'Y') | KeyCode::Esc
    );
    if yes {
        model.confirm = None;
        match question {
            Confirm::Quit => model.quit = true,
            Confirm::ClearForm => {
                if model.form.editing.is_some() {
                    return finish_edit(model, Text::EditAbandoned);
                }
                model.form = Form::new(model.today());
                model.status = None;
            }
        }
    } else if no {
        model.confirm = None;
    }
    Vec::new()
}

fn move_focus(model: &mut Model, forward: bool) {
    let fields = model.form.active_fields(&model.regions);
    let here = fields
        .iter()
        .position(|f| *f == model.form.focus)
        .unwrap_or(0);
    let next = if forward {
        (here + 1).min(fields.len() - 1)
    } else {
        here.saturating_sub(1)
    };
    leave_field(model);
    model.form.focus = fields[next];
    model.form.suggestions.clear();
}

/// What happens when the cursor leaves a field: its findings show, a 9-digit document
/// switches the kind to the international passport unless chosen by hand, a region
/// prefix takes the highlighted suggestion.
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
                form.set_text(form.focus, &date.format("%d.%m.%Y").to_string());
            }
        }
        Field::Document if !form.kind_chosen => {
            // Only the international passport's own shape (2 + 7 digits) switches the kind, so a
            // mistyped internal passport (4 + 5 digits) still says its number is short.
            let groups: Vec<usize> = typed
                .split_whitespace()
                .map(|g| g.chars().count())
                .collect();
            let digits_only = typed
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace());
            let international = digits_only && (groups == [2, 7] || groups == [9]);
            form.doc_kind = if international {
                DocKind::ForeignPassport
            } else {
                DocKind::InternalPassport
            };
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
        _ => {}
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
            .suggest(&typed, SUGGESTIONS)
            .into_iter()
            .map(|r| r.code.clone())
            .collect()
    };
}

fn on_form_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let suggesting = model.form.focus == Field::Region && !model.form.suggestions.is_empty();
    if ctrl(&key, 's') {
        return save(model);
    }
    if ctrl(&key, 't') {
        apply_fix(model);
        return after_change(model);
    }
    if ctrl(&key, 'o') {
        return match &model.form.same_document {
            Some(first) => vec![Effect::OpenEntry(first.id.clone())],
            None => Vec::new(),
        };
    }
    match key.code {
        KeyCode::Esc => {
            if suggesting {
                model.form.suggestions.clear();
            } else if model.status.is_some() {
                model.status = None;
            } else if model.form.has_signer_data() || model.form.editing.is_some() {
                model.confirm = Some(Confirm::ClearForm);
            }
            Vec::new()
        }
        KeyCode::Down if suggesting => {
            model.form.suggestion =
                (model.form.suggestion + 1).min(model.form.suggestions.len() - 1);
            Vec::new()
        }
        KeyCode::Up if suggesting => {
            model.form.suggestion = model.form.suggestion.saturating_sub(1);
            Vec::new()
        }
        KeyCode::Enter if suggesting => {
            if let Some(code) = model.form.suggestions.get(model.form.suggestion).cloned() {
                accept_region(model, &code);
            }
            move_focus(model, true);
            after_change(model)
        }
        KeyCode::Enter => {
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
        KeyCode::Tab | KeyCode::Down => {
            move_focus(model, true);
            after_change(model)
        }
        KeyCode::BackTab | KeyCode::Up => {
            move_focus(model, false);
            after_change(model)
        }
        KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
            if model.form.focus == Field::DocKind =>
        {
            model.form.doc_kind = if key.code == KeyCode::Left {
                model.form.doc_kind.next().next()
            } else {
                model.form.doc_kind.next()
            };
            model.form.kind_chosen = true;
            after_change(model)
        }
        _ if model.form.focus == Field::DocKind => Vec::new(),
        _ => {
            let focus = model.form.focus;
            let changed = model
                .form
                .input_mut(focus)
                .handle_event(&Event::Key(key))
                .is_some_and(|c| c.value);
            if changed {
                model.form.warnings_seen = None;
                if focus == Field::Region {
                    refresh_suggestions(model);
                }
            }
            after_change(model)
        }
    }
}

/// Ctrl-T: takes the suggested fix of the current field, or of the nearest field before it.
fn apply_fix(model: &mut Model) {
    let order = model.form.active_fields(&model.regions);
    let here = order
        .iter()
        .position(|f| *f == model.form.focus)
        .unwrap_or(0);
    let fix = order[..=here].iter().rev().find_map(|field| {
        model
            .form
            .findings_for(*field)
            .into_iter()
            .find_map(|f| f.fix.clone().map(|fix| (*field, fix)))
    });
    match fix {
        Some((field, text)) => {
            model.form.set_text(field, &text);
            model.status = Some((Tone::Info, i18n::fixed(model.lang, &text)));
        }
        None => model.status = Some((Tone::Info, model.lang.text(Text::NoFix).into())),
    }
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
        model.status = Some((Tone::Error, i18n::errors_block(model.lang, errors)));
        return Vec::new();
    }
    let warnings = model.form.warning_codes();
    if !warnings.is_empty() && model.form.warnings_seen.as_ref() != Some(&warnings) {
        model.status = Some((
            Tone::Warning,
            i18n::warnings_confirm(model.lang, warnings.len()),
        ));
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

fn on_entries_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let view = &mut model.entries;
    if let Some(reason) = view.void_reason.as_mut() {
        match key.code {
            KeyCode::Esc => view.void_reason = None,
            KeyCode::Enter => {
                let text = reason.value().trim().to_string();
                if text.is_empty() {
                    model.status =
                        Some((Tone::Error, model.lang.text(Text::VoidNeedsReason).into()));
                    return Vec::new();
                }
                if let Some(entry) = view.items.get(view.selected) {
                    let (id, desk) = (entry.id.clone(), entry.desk.clone());
                    return lead::guard(model, &desk, LeadAction::Void { id, reason: text });
                }
            }
            _ => {
                reason.handle_event(&Event::Key(key));
            }
        }
        return Vec::new();
    }
    let last = view.items.len().saturating_sub(1);
    match key.code {
        KeyCode::Down | KeyCode::Char('j') => view.selected = (view.selected + 1).min(last),
        KeyCode::Up | KeyCode::Char('k') => view.selected = view.selected.saturating_sub(1),
        KeyCode::PageDown => view.selected = (view.selected + 10).min(last),
        KeyCode::PageUp => view.selected = view.selected.saturating_sub(10),
        KeyCode::Home => view.selected = 0,
        KeyCode::End => view.selected = last,
        KeyCode::Char('?') => model.help = true,
        KeyCode::Char('a' | 'ф') => {
            view.all_desks = !view.all_desks;
            view.selected = 0;
            return vec![load_entries(model)];
        }
        KeyCode::Esc => model.screen = Screen::Desk,
        KeyCode::Enter | KeyCode::Char('e') => {
            if let Some(entry) = view.items.get(view.selected) {
                if entry.status == EntryStatus::Voided {
                    model.status = Some((Tone::Error, model.lang.text(Text::VoidedNoEdit).into()));
                } else {
                    return vec![Effect::OpenEntry(entry.id.clone())];
                }
            }
        }
        KeyCode::Char('v') | KeyCode::Delete => {
            if let Some(entry) = view.items.get(view.selected) {
                if entry.status == EntryStatus::Voided {
                    model.status = Some((Tone::Error, model.lang.text(Text::AlreadyVoided).into()));
                } else {
                    view.void_reason = Some(Default::default());
                }
            }
        }
        _ => {}
    }
    Vec::new()
}
