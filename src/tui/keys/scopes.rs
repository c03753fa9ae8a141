//! Which scopes of the table are active in a state of the app, and which the help of a
//! screen lists.

use super::Scope;
use crate::domain::Field;
use crate::i18n::HelpNote;
use crate::i18n::Lang;
use crate::tui::model::{Model, Screen};

impl Scope {
    /// Where the scope's keys work, as the full list of keys names it: the scope that
    /// names the places of the others active at the same keys.
    pub fn place(self) -> Scope {
        match self {
            Scope::QuestionRu => Scope::Question,
            Scope::PersonalScreens | Scope::Session => Scope::Screens,
            other => other,
        }
    }
}

/// The scopes active in this state of the app, the innermost first.
pub fn active(model: &Model) -> Vec<Scope> {
    if model.alarm.is_some() {
        return vec![Scope::Alarm];
    }
    if model.too_small() {
        return too_small_scopes(model);
    }
    if model.lock.is_some() {
        return vec![Scope::Lock];
    }
    if model.write_on.is_some() {
        return vec![Scope::WriteOn];
    }
    let session = model.actor.is_some().then_some(Scope::Session);
    let modal = if model.lead_prompt.is_some() {
        vec![Scope::LeadPin]
    } else if model.confirm.is_some() {
        question(model)
    } else if model.help {
        vec![Scope::HelpOpen]
    } else {
        Vec::new()
    };
    if !modal.is_empty() {
        return modal.into_iter().chain(session).collect();
    }
    let mut scopes = screen_scopes(model);
    if model.screen != Screen::SignIn {
        // Only a desk calls tickets (the door and the board see the queue screen too).
        let calls = matches!(model.screen, Screen::Desk | Screen::Entries | Screen::Queue);
        if calls && model.opens_personal() && model.entries.void_reason.is_none() {
            scopes.push(Scope::Calling);
        }
        scopes.push(Scope::Screens);
        if model.opens_personal() {
            scopes.push(Scope::PersonalScreens);
        }
    }
    scopes.push(Scope::Anywhere);
    scopes.extend(session);
    scopes
}

/// The scopes while the terminal is too small: quitting, and the answer to the question
/// quitting may ask.
pub fn too_small_scopes(model: &Model) -> Vec<Scope> {
    let mut scopes = question(model);
    scopes.push(Scope::TooSmall);
    scopes
}

/// The scopes of the pending yes/no question, if any.
fn question(model: &Model) -> Vec<Scope> {
    match (model.confirm, model.lang) {
        (None, _) => Vec::new(),
        (Some(_), Lang::Ru) => vec![Scope::Question, Scope::QuestionRu],
        (Some(_), Lang::En) => vec![Scope::Question],
    }
}

/// The shown screen's own scopes in this state.
fn screen_scopes(model: &Model) -> Vec<Scope> {
    let form = &model.form;
    match model.screen {
        Screen::SignIn => vec![Scope::SignIn],
        Screen::Desk if form.focus == Field::Region && !form.suggestions.is_empty() => {
            vec![Scope::Suggestions, Scope::Form]
        }
        Screen::Desk if form.focus == Field::DocKind => vec![Scope::DocKind, Scope::Form],
        Screen::Desk => vec![Scope::Form],
        Screen::Entries if model.entries.void_reason.is_some() => vec![Scope::VoidReason],
        Screen::Entries => vec![Scope::Entries],
        Screen::Queue => vec![Scope::Queue],
        Screen::Door if model.door.leaving.is_some() => vec![Scope::Walkout],
        Screen::Door if model.door.notice.is_some() => vec![Scope::Notice],
        Screen::Door => vec![Scope::Door],
        Screen::Board => vec![Scope::Board],
        Screen::Paper if model.paper.note.is_some() => vec![Scope::PaperNote],
        Screen::Paper => vec![Scope::Paper],
    }
}

/// Every scope the help overlay of `screen` lists, in its order (how to close the help
/// is its bottom edge).
pub fn help_scopes(screen: Screen) -> &'static [Scope] {
    use Scope::*;
    match screen {
        Screen::SignIn => &[SignIn, Anywhere],
        Screen::Desk => &[
            Form,
            Suggestions,
            DocKind,
            Calling,
            PersonalScreens,
            Screens,
            Session,
            Anywhere,
        ],
        Screen::Entries => &[
            Entries,
            VoidReason,
            Calling,
            PersonalScreens,
            Screens,
            Session,
            Anywhere,
        ],
        Screen::Queue => &[Queue, Calling, PersonalScreens, Screens, Session, Anywhere],
        Screen::Door => &[
            Door,
            Walkout,
            Notice,
            PersonalScreens,
            Screens,
            Session,
            Anywhere,
        ],
        Screen::Board => &[Board, PersonalScreens, Screens, Session, Anywhere],
        Screen::Paper => &[Paper, PersonalScreens, Screens, Session, Anywhere],
    }
}

/// Lines of the help overlay of `screen` that describe it rather than a key; they follow
/// the screen's own keys.
pub fn help_notes(screen: Screen) -> &'static [HelpNote] {
    match screen {
        Screen::SignIn => &[],
        Screen::Desk => &[HelpNote::TicketLink],
        Screen::Entries | Screen::Queue | Screen::Door => &[HelpNote::EitherLayout],
        Screen::Board => &[HelpNote::BoardRefresh, HelpNote::BoardNoPersonalData],
        Screen::Paper => &[HelpNote::PaperOneFinding, HelpNote::EitherLayout],
    }
}
