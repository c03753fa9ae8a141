//! `update`: the only function that changes the model. Messages in, effects out, no I/O.
//! A key becomes an [`Action`] through the table in `keys`; the screens' files act on
//! actions, and only keys the table leaves to a text field reach them raw.

use super::keys::{self, Action, Answer, AppAction, Scope};
use super::model::{Confirm, Model, Screen, Tone};
use super::msg::{Effect, Msg, ProtectMsg, WriteFailure};
use crate::i18n::{LockText, Text};
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

mod board;
mod carry;
mod desk;
mod door;
mod entries;
mod guard;
mod hq;
mod lead;
mod lock;
mod paper;
mod queue;
mod signin;

pub use door::UNDO_WINDOW;
pub use guard::begin_sign_in;
pub use hq::deadline as hq_deadline;
pub use lock::{PIN_TRIES, lock_deadline, valid_pin};
pub use signin::sign_in;

/// Applies one message to the model and returns the effects to run. A desk's lease is
/// marked whenever a typed, unsaved signer appears or goes, so the next start after an
/// unclean stop can say that signer was lost.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let was_typing = has_unsaved_signer(model);
    let mut effects = apply(model, msg);
    let typing = has_unsaved_signer(model);
    if typing != was_typing && model.actor.is_some() && model.home == Screen::Desk {
        effects.push(Effect::MarkTyping(typing));
    }
    effects
}

/// Whether a new signer is typed and not saved: on the form, or put aside for an edit.
fn has_unsaved_signer(model: &Model) -> bool {
    let new_signer = |form: &super::form::Form| form.editing.is_none() && form.has_signer_data();
    new_signer(&model.form) || model.stashed.as_ref().is_some_and(new_signer)
}

fn apply(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(model, key),
        Msg::Resize(w, h) => {
            model.size = (w, h);
            Vec::new()
        }
        Msg::Tick(now) => on_tick(model, now),
        Msg::DataChanged => data_changed(model),
        Msg::Campaign(campaign) => {
            model.campaign = *campaign;
            desk::recheck(model);
            board::refresh_figures(model);
            Vec::new()
        }
        Msg::WriteFailed(WriteFailure::Duplicate(first)) => desk::duplicate_race(model, first),
        Msg::WriteFailed(WriteFailure::Store(failure)) => {
            let message = model.lang.t(failure).into_owned();
            write_failed(model, message)
        }
        Msg::WriteFailed(WriteFailure::Other(message)) => write_failed(model, message),
        Msg::Desk(msg) => desk::on_msg(model, msg),
        Msg::Entries(msg) => entries::on_msg(model, msg),
        Msg::Queue(msg) => queue::on_msg(model, msg),
        Msg::Door(msg) => door::on_msg(model, msg),
        Msg::Board(msg) => board::on_msg(model, msg),
        Msg::Protect(ProtectMsg::LeadPinChecked(right, action)) => {
            lead::checked(model, right, *action)
        }
        Msg::Protect(ProtectMsg::PassphraseChecked(right)) => {
            lock::passphrase_checked(model, right);
            Vec::new()
        }
        Msg::Protect(ProtectMsg::DeskClaimed(claim)) => guard::desk_claimed(model, claim),
        Msg::Protect(ProtectMsg::FilesChanged { wal }) => {
            let path = model.db_path.clone();
            guard::files_changed(model, path, wal)
        }
        Msg::Protect(ProtectMsg::Rescued(copy)) => {
            guard::rescued(model, copy);
            Vec::new()
        }
        Msg::Protect(ProtectMsg::LeaseLost) => {
            guard::lease_lost(model);
            Vec::new()
        }
        Msg::Paper(msg) => paper::on_msg(model, msg),
        Msg::HqLink(state) => {
            hq::link_loaded(model, state);
            desk::recheck(model);
            hq::ask(model).into_iter().collect()
        }
        Msg::Protect(ProtectMsg::BackedUp(result)) => {
            if let Err(why) = result {
                model.tell(Tone::Warning, LockText::BackupFailed(&why));
            }
            Vec::new()
        }
    }
}

/// A write failed: the message on the status line, the void prompt closed.
fn write_failed(model: &mut Model, message: String) -> Vec<Effect> {
    model.entries.void_reason = None;
    model.status = Some((Tone::Error, message));
    Vec::new()
}

/// The clock moved on: figures on a new minute, the idle lock, a new day's tickets, the
/// automatic backup, a board check that was waiting for its pause.
fn on_tick(model: &mut Model, now: DateTime<Utc>) -> Vec<Effect> {
    let day = model.today();
    let new_minute = now.timestamp().div_euclid(60) != model.now.timestamp().div_euclid(60);
    model.now = now;
    // Every key is preceded by a tick; the figures count minutes, so they are
    // recomputed when the minute changes, not on every keystroke.
    if new_minute {
        queue::refresh_figures(model);
    }
    lock::lock_if_idle(model);
    hq::on_tick(model);
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
        Effect::LoadHqLink,
    ];
    if model.screen == Screen::Entries && model.entries.void_reason.is_none() {
        effects.push(entries::load(model));
    }
    // The write-on panel: another process may have taken the line it shows.
    if model.form.editing.is_none() && model.form.preview.take().is_some() {
        effects.extend(desk::after_change(model));
    }
    effects.extend(board::on_data_changed(model));
    effects.extend(paper::reload_if_shown(model));
    effects.extend(desk::lookups_again(model));
    effects
}

/// A key: the table's action in the active scopes, or a character for the text field.
fn on_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let was_idle = lock::idle_passed(model);
    model.last_input = model.now;
    let scopes = keys::active(model);
    match keys::action(&scopes, &key) {
        Some(Action::App(AppAction::Go(screen))) => go_after_key(model, screen, was_idle),
        Some(action) => on_action(model, action),
        None => on_typed(model, &scopes, key),
    }
}

/// A key asked for `screen`. A board or door process never opens a personal screen; a desk
/// that was idle on a screen without personal data asks for the session PIN before it
/// shows one again (DESIGN.md §7).
fn go_after_key(model: &mut Model, screen: Screen, was_idle: bool) -> Vec<Effect> {
    if screen.is_personal() && !model.opens_personal() {
        return Vec::new();
    }
    let from_elsewhere = !model.screen.is_personal();
    let effects = go(model, screen);
    if screen.is_personal() && was_idle && from_elsewhere {
        lock::lock(model);
    }
    effects
}

/// Hands an action to the part of the app it belongs to.
fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::App(action) => on_app(model, action),
        Action::Answer(answer) => on_answer(model, answer),
        Action::Lock(prompt) => lock::on_prompt(model, prompt),
        Action::LeadPin(prompt) => lead::on_prompt(model, prompt),
        Action::SignIn(action) => signin::on_action(model, action),
        Action::Form(action) => desk::on_action(model, action),
        Action::Entries(action) => entries::on_action(model, action),
        Action::VoidReason(prompt) => entries::on_void_prompt(model, prompt),
        Action::Queue(action) => queue::on_action(model, action),
        Action::Door(action) => door::on_action(model, action),
        Action::Walkout(prompt) => door::on_walkout_prompt(model, prompt),
        Action::Paper(action) => paper::on_action(model, action),
        Action::PaperNote(prompt) => paper::on_note_prompt(model, prompt),
    }
}

/// A key no entry of the table took: typed into the text field of the innermost scope that
/// has one, or ignored.
fn on_typed(model: &mut Model, scopes: &[Scope], key: KeyEvent) -> Vec<Effect> {
    let Some(scope) = scopes.iter().find(|s| s.takes_text()) else {
        return Vec::new();
    };
    match scope {
        Scope::Alarm | Scope::TooSmall | Scope::WriteOn | Scope::PersonalScreens => {}
        Scope::Lock => lock::typed(model, key),
        Scope::LeadPin => lead::typed(model, key),
        Scope::SignIn => signin::typed(model, key),
        Scope::Form => return desk::typed(model, key),
        Scope::VoidReason => entries::typed(model, key),
        Scope::Walkout => door::typed(model, key),
        Scope::PaperNote => paper::typed(model, key),
        Scope::Question
        | Scope::QuestionRu
        | Scope::HelpOpen
        | Scope::Suggestions
        | Scope::DocKind
        | Scope::Entries
        | Scope::Queue
        | Scope::Door
        | Scope::Notice
        | Scope::Board
        | Scope::Paper
        | Scope::Calling
        | Scope::Screens
        | Scope::Anywhere
        | Scope::Session => {}
    }
    Vec::new()
}

/// Actions that work on every screen.
fn on_app(model: &mut Model, action: AppAction) -> Vec<Effect> {
    match action {
        AppAction::Help => model.help = true,
        AppAction::CloseHelp => model.help = false,
        AppAction::Quit if model.form.has_signer_data() => model.confirm = Some(Confirm::Quit),
        AppAction::Quit => model.quit = true,
        AppAction::Lock => lock::lock(model),
        AppAction::Go(screen) => return go(model, screen),
        AppAction::Home => model.screen = model.home,
        AppAction::CallNext(finish) => return queue::call_next(model, finish),
        AppAction::QuitNow => model.quit = true,
        AppAction::WriteOnSeen => model.write_on = None,
    }
    Vec::new()
}

/// Shows `screen` and reloads what it shows; the paper check asks for the lead PIN first.
fn go(model: &mut Model, screen: Screen) -> Vec<Effect> {
    if screen == Screen::Paper {
        return paper::ask_to_open(model);
    }
    if model.screen == Screen::Paper {
        model.paper = Default::default();
    }
    model.screen = screen;
    match screen {
        Screen::Desk => desk::refresh_lookups(model),
        Screen::Entries => {
            model.entries.void_reason = None;
            vec![entries::load(model)]
        }
        Screen::Board => {
            let mut effects = vec![Effect::LoadTickets(model.today())];
            effects.extend(board::reloads(model));
            effects
        }
        Screen::Queue | Screen::Door => vec![Effect::LoadTickets(model.today())],
        Screen::SignIn | Screen::Paper => Vec::new(),
    }
}

/// The answer to the pending question.
fn on_answer(model: &mut Model, answer: Answer) -> Vec<Effect> {
    let Some(question) = model.confirm.take() else {
        return Vec::new();
    };
    match (answer, question) {
        (Answer::No, _) => Vec::new(),
        (Answer::Yes, Confirm::Quit) => {
            model.quit = true;
            Vec::new()
        }
        (Answer::Yes, Confirm::LeaveEdit { .. }) => desk::finish_edit(model, Text::EditAbandoned),
        (Answer::Yes, Confirm::ClearForm) => {
            desk::clear(model);
            Vec::new()
        }
    }
}
