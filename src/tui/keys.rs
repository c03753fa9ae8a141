//! Every key the app acts on, in one table (DESIGN §6): where it works, what [`Action`]
//! it asks for, and how the key bar and the help overlay name it, so the three never
//! disagree. Letter keys work in either keyboard layout (`a` and `ф` are one key).

mod action;
mod listing;
mod scopes;

pub use crate::domain::KeyScope as Scope;
pub use action::{
    Action, Answer, AppAction, DoorAction, EntriesAction, FormAction, PaperAction, Prompt,
    QueueAction, SignInAction, Step,
};
pub use listing::{NAMED_KEYS, bar, help, reference};
pub use scopes::{active, help_notes, help_scopes, too_small_scopes};

use super::model::Screen;
use crate::domain::names::key_of_russian;
use crate::domain::paper::PaperCode;
use crate::i18n::KeyLabel;
use crate::i18n::KeyLabel as L;
use crate::i18n::PaperKey;
use crate::store::Finish;
use Bar::{Hide, On, Show};
use Key::{Alt, Any, Ctrl, Exact, Letter, Plain};
use Scope as S;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This key without Ctrl or Alt (Shift allowed: Shift-Tab, `?`). Keys other than
    /// characters match with any modifier, as the terminal may add some.
    Plain(KeyCode),
    /// A letter key in either layout and either case: `Letter('a')` is `a`, `A`, `ф`, `Ф`.
    Letter(char),
    /// Exactly this character in either case, in no other layout (the y/n/д/н answers:
    /// `y` is yes even though it shares a key with `н`).
    Exact(char),
    /// Ctrl and a letter key (either layout).
    Ctrl(char),
    /// Alt and a digit.
    Alt(char),
    /// Any key no other active entry takes.
    Any,
}

/// Which key bars show an entry (the help overlay shows every entry of its screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bar {
    /// Help only.
    Hide,
    /// The bar of every screen where the entry is active.
    Show,
    /// The bars of these screens only.
    On(&'static [Screen]),
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// Where the keys work.
    pub scope: Scope,
    /// The keys, the one the bar shows first.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// How the bar and the help name it.
    pub label: KeyLabel,
    /// Which bars show it.
    pub bar: Bar,
}

/// Every binding, in the order the bar and the help list them.
pub fn table() -> &'static [Binding] {
    TABLE
}

const fn row(scope: Scope, keys: &'static [Key], action: Action, label: L, bar: Bar) -> Binding {
    Binding {
        scope,
        keys,
        action,
        label,
        bar,
    }
}

const ENTER: Key = Plain(KeyCode::Enter);
const ESC: Key = Plain(KeyCode::Esc);
const UP: Key = Plain(KeyCode::Up);
const DOWN: Key = Plain(KeyCode::Down);
const HELP: Key = Plain(KeyCode::Char('?'));

const fn app(a: AppAction) -> Action {
    Action::App(a)
}
const fn form(a: FormAction) -> Action {
    Action::Form(a)
}
const fn entries(a: EntriesAction) -> Action {
    Action::Entries(a)
}
const fn queue(a: QueueAction) -> Action {
    Action::Queue(a)
}
const fn door(a: DoorAction) -> Action {
    Action::Door(a)
}
const fn paper(a: PaperAction) -> Action {
    Action::Paper(a)
}
const fn mark(code: PaperCode) -> Action {
    Action::Paper(PaperAction::Mark(code))
}
const fn paper_label(code: PaperCode) -> L {
    L::Paper(PaperKey::Mark(code))
}

/// The table: `action` takes the first row of the innermost active scope that has the key.
#[rustfmt::skip] // one row per line, so the table reads as a table
const TABLE: &[Binding] = &[
    // The alarm after the database file changed, and the write-on warning after a save.
    row(S::Alarm, &[Ctrl('q'), Ctrl('c')], app(AppAction::QuitNow), L::QuitNow, Show),
    row(S::TooSmall, &[Ctrl('q'), Ctrl('c')], app(AppAction::Quit), L::Quit, Show),
    row(S::WriteOn, &[ENTER, ESC], app(AppAction::WriteOnSeen), L::WriteOnDone, Show),
    // The lock screen: anything else is typed into the PIN.
    row(S::Lock, &[ENTER], Action::Lock(Prompt::Submit), L::Unlock, Show),
    row(S::Lock, &[ESC], Action::Lock(Prompt::Cancel), L::ClearTyped, Show),
    // The lead PIN prompt: the bar shows the prompt, then these.
    row(S::LeadPin, &[ENTER], Action::LeadPin(Prompt::Submit), L::CheckLeadPin, Show),
    row(S::LeadPin, &[ESC], Action::LeadPin(Prompt::Cancel), L::Cancel, Show),
    // Yes/no (DESIGN §6): Enter and Esc, the letters of the prompt's language. A letter is
    // read as typed, not by its key: `y` is yes although `н` shares its key.
    row(S::Question, &[ENTER], Action::Answer(Answer::Yes), L::Yes, Show),
    row(S::Question, &[Exact('y')], Action::Answer(Answer::Yes), L::Yes, Show),
    row(S::QuestionRu, &[Exact('д')], Action::Answer(Answer::Yes), L::Yes, Show),
    row(S::Question, &[ESC], Action::Answer(Answer::No), L::No, Show),
    row(S::Question, &[Exact('n')], Action::Answer(Answer::No), L::No, Show),
    row(S::QuestionRu, &[Exact('н')], Action::Answer(Answer::No), L::No, Show),
    // The help overlay: its bottom edge and the bar say how to close it.
    row(S::HelpOpen, &[Any], app(AppAction::CloseHelp), L::CloseHelp, Show),
    // Sign-in: anything else is typed into the focused field.
    row(S::SignIn, &[Plain(KeyCode::Tab), DOWN], Action::SignIn(SignInAction::NextField), L::NextField, Show),
    row(S::SignIn, &[Plain(KeyCode::BackTab), UP], Action::SignIn(SignInAction::PreviousField), L::PreviousField, Hide),
    row(S::SignIn, &[ENTER], Action::SignIn(SignInAction::Start), L::Start, Show),
    // The desk form: anything else is typed into the focused field.
    row(S::Form, &[Plain(KeyCode::Tab), ENTER, DOWN], form(FormAction::NextField), L::NextFieldOrSave, Hide),
    row(S::Form, &[Plain(KeyCode::BackTab), UP], form(FormAction::PreviousField), L::PreviousField, Hide),
    row(S::Form, &[Ctrl('s')], form(FormAction::Save), L::Save, Show),
    row(S::Form, &[Ctrl('t')], form(FormAction::TakeFix), L::TakeFix, Show),
    row(S::Form, &[Ctrl('o')], form(FormAction::OpenDuplicate), L::OpenDuplicate, Hide),
    row(S::Form, &[ESC], form(FormAction::Escape), L::ClearForm, Hide),
    row(S::Suggestions, &[UP], form(FormAction::SuggestionUp), L::Suggestions, Hide),
    row(S::Suggestions, &[DOWN], form(FormAction::SuggestionDown), L::Suggestions, Hide),
    row(S::Suggestions, &[ENTER], form(FormAction::AcceptSuggestion), L::Suggestions, Hide),
    row(S::Suggestions, &[ESC], form(FormAction::CloseSuggestions), L::Suggestions, Hide),
    row(S::DocKind, &[Plain(KeyCode::Char(' ')), Plain(KeyCode::Right)], form(FormAction::NextKind), L::DocKind, Hide),
    row(S::DocKind, &[Plain(KeyCode::Left)], form(FormAction::PreviousKind), L::DocKind, Hide),
    // The entries list.
    row(S::Entries, &[UP, Letter('k')], entries(EntriesAction::Move(Step::Up)), L::Move, Show),
    row(S::Entries, &[DOWN, Letter('j')], entries(EntriesAction::Move(Step::Down)), L::Move, Show),
    row(S::Entries, &[Plain(KeyCode::PageUp)], entries(EntriesAction::Move(Step::PageUp)), L::Page, Hide),
    row(S::Entries, &[Plain(KeyCode::PageDown)], entries(EntriesAction::Move(Step::PageDown)), L::Page, Hide),
    row(S::Entries, &[Plain(KeyCode::Home)], entries(EntriesAction::Move(Step::First)), L::Ends, Hide),
    row(S::Entries, &[Plain(KeyCode::End)], entries(EntriesAction::Move(Step::Last)), L::Ends, Hide),
    row(S::Entries, &[ENTER, Letter('e')], entries(EntriesAction::Edit), L::Edit, Show),
    row(S::Entries, &[Letter('v'), Plain(KeyCode::Delete)], entries(EntriesAction::Void), L::Void, Show),
    row(S::Entries, &[Letter('a')], entries(EntriesAction::AllDesks), L::AllDesks, Show),
    row(S::Entries, &[ESC], entries(EntriesAction::Back), L::BackToForm, Hide),
    row(S::Entries, &[HELP], app(AppAction::Help), L::Help, Hide),
    // The void reason prompt: anything else is typed into the reason.
    row(S::VoidReason, &[ENTER], Action::VoidReason(Prompt::Submit), L::VoidLine, Show),
    row(S::VoidReason, &[ESC], Action::VoidReason(Prompt::Cancel), L::Cancel, Show),
    // The queue screen.
    row(S::Queue, &[UP, Letter('k')], queue(QueueAction::Move(Step::Up)), L::Move, Show),
    row(S::Queue, &[DOWN, Letter('j')], queue(QueueAction::Move(Step::Down)), L::Move, Show),
    row(S::Queue, &[Plain(KeyCode::Home)], queue(QueueAction::Move(Step::First)), L::Ends, Hide),
    row(S::Queue, &[Plain(KeyCode::End)], queue(QueueAction::Move(Step::Last)), L::Ends, Hide),
    row(S::Queue, &[Letter('r')], queue(QueueAction::Recall), L::Recall, Show),
    row(S::Queue, &[Letter('l')], queue(QueueAction::MarkLeft), L::MarkLeft, Show),
    row(S::Queue, &[ESC], queue(QueueAction::Back), L::BackToForm, Hide),
    row(S::Queue, &[HELP], app(AppAction::Help), L::Help, Hide),
    // The door.
    row(S::Door, &[Plain(KeyCode::Char(' '))], door(DoorAction::Issue), L::Issue, Show),
    row(S::Door, &[ENTER], door(DoorAction::Issue), L::Issue, Show),
    row(S::Door, &[Plain(KeyCode::Backspace), Letter('u')], door(DoorAction::Undo), L::Undo, Show),
    row(S::Door, &[Letter('l')], door(DoorAction::Walkout), L::Walkout, Show),
    row(S::Door, &[Letter('n')], door(DoorAction::ShowNotice), L::Notice, Show),
    row(S::Door, &[ESC], door(DoorAction::ClearMessage), L::ClearMessage, Hide),
    row(S::Door, &[HELP], app(AppAction::Help), L::Help, Hide),
    // The door's walkout prompt: anything else is typed into the number.
    row(S::Walkout, &[ENTER], Action::Walkout(Prompt::Submit), L::WalkoutDone, Show),
    row(S::Walkout, &[ESC], Action::Walkout(Prompt::Cancel), L::Cancel, Show),
    // The notice to signers: any key closes it and does nothing else.
    row(S::Notice, &[Any], door(DoorAction::CloseNotice), L::CloseNotice, Show),
    // The board.
    row(S::Board, &[ESC], app(AppAction::Home), L::GoHome, Hide),
    row(S::Board, &[HELP], app(AppAction::Help), L::Help, Hide),
    // The paper check: one key per finding; the screen lists them beside the line.
    row(S::Paper, &[Letter('o')], mark(PaperCode::Ok), paper_label(PaperCode::Ok), Hide),
    row(S::Paper, &[Letter('d')], mark(PaperCode::DateNotOwnHand), paper_label(PaperCode::DateNotOwnHand), Hide),
    row(S::Paper, &[Letter('n')], mark(PaperCode::NameNotOwnHand), paper_label(PaperCode::NameNotOwnHand), Hide),
    row(S::Paper, &[Letter('m')], mark(PaperCode::DataMismatch), paper_label(PaperCode::DataMismatch), Hide),
    row(S::Paper, &[Letter('f')], mark(PaperCode::MissingField), paper_label(PaperCode::MissingField), Hide),
    row(S::Paper, &[Letter('c')], mark(PaperCode::CorrectionNotCertified), paper_label(PaperCode::CorrectionNotCertified), Hide),
    row(S::Paper, &[Letter('s')], mark(PaperCode::NoSignature), paper_label(PaperCode::NoSignature), Hide),
    row(S::Paper, &[Letter('x')], mark(PaperCode::Other), paper_label(PaperCode::Other), Hide),
    row(S::Paper, &[UP, Letter('k')], paper(PaperAction::Move(Step::Up)), L::Move, Show),
    row(S::Paper, &[DOWN, Letter('j')], paper(PaperAction::Move(Step::Down)), L::Move, Show),
    row(S::Paper, &[ESC], paper(PaperAction::Back), L::GoHome, Show),
    row(S::Paper, &[HELP], app(AppAction::Help), L::Help, Hide),
    // The note for paper.other: anything else is typed into it.
    row(S::PaperNote, &[ENTER], Action::PaperNote(Prompt::Submit), L::Paper(PaperKey::NoteDone), Show),
    row(S::PaperNote, &[ESC], Action::PaperNote(Prompt::Cancel), L::Cancel, Show),
    // Desks call tickets from the form, the entries and the queue.
    row(S::Calling, &[Ctrl('n')], app(AppAction::CallNext(Finish::Done)), L::CallNext, On(&[Screen::Desk, Screen::Queue])),
    row(S::Calling, &[Ctrl('u')], app(AppAction::CallNext(Finish::NoShow)), L::NoShowNext, Hide),
    // Screens, after sign-in.
    row(S::PersonalScreens, &[Plain(KeyCode::F(2)), Alt('1')], app(AppAction::Go(Screen::Desk)), L::GoDesk, On(&[Screen::Entries, Screen::Queue, Screen::Board])),
    row(S::Screens, &[Plain(KeyCode::F(3)), Alt('2')], app(AppAction::Go(Screen::Queue)), L::GoQueue, On(&[Screen::Desk, Screen::Board])),
    row(S::PersonalScreens, &[Plain(KeyCode::F(4)), Alt('3')], app(AppAction::Go(Screen::Entries)), L::GoEntries, On(&[Screen::Board])),
    row(S::Screens, &[Plain(KeyCode::F(5)), Alt('4')], app(AppAction::Go(Screen::Board)), L::GoBoard, Hide),
    row(S::Screens, &[Plain(KeyCode::F(6)), Alt('5')], app(AppAction::Go(Screen::Door)), L::GoDoor, On(&[Screen::Queue, Screen::Board])),
    row(S::PersonalScreens, &[Plain(KeyCode::F(7)), Alt('6')], app(AppAction::Go(Screen::Paper)), L::Paper(PaperKey::Open), Hide),
    row(S::Session, &[Ctrl('l')], app(AppAction::Lock), L::Lock, Hide),
    // Every screen.
    row(S::Anywhere, &[Plain(KeyCode::F(1))], app(AppAction::Help), L::Help, Show),
    row(S::Anywhere, &[Ctrl('q'), Ctrl('c')], app(AppAction::Quit), L::Quit, On(&[Screen::SignIn, Screen::Board])),
];

/// The action of `key` in the active `scopes`: the first scope with an entry for the key
/// wins; entries for any key come last.
pub fn action(scopes: &[Scope], key: &KeyEvent) -> Option<Action> {
    let active = || {
        scopes
            .iter()
            .flat_map(|s| table().iter().filter(move |b| b.scope == *s))
    };
    let exact = active().find(|b| b.keys.iter().any(|k| *k != Key::Any && k.matches(key)));
    exact
        .or_else(|| active().find(|b| b.keys.contains(&Key::Any)))
        .map(|b| b.action)
}

impl Key {
    /// Whether a key press is this key.
    pub fn matches(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let plain = !ctrl && !alt;
        match (self, key.code) {
            (Key::Plain(KeyCode::Char(want)), KeyCode::Char(typed)) => plain && typed == want,
            (Key::Plain(KeyCode::Char(_)), _) => false,
            (Key::Plain(want), code) => code == want,
            (Key::Letter(want), KeyCode::Char(typed)) => plain && fold(typed) == want,
            (Key::Exact(want), KeyCode::Char(typed)) => plain && lower(typed) == want,
            (Key::Ctrl(want), KeyCode::Char(typed)) => ctrl && fold(typed) == want,
            (Key::Alt(want), KeyCode::Char(typed)) => alt && typed == want,
            (Key::Letter(_) | Key::Exact(_) | Key::Ctrl(_) | Key::Alt(_), _) => false,
            (Key::Any, _) => true,
        }
    }
}

/// A typed character as the key it is on, lower case: `ф`, `Ф` and `A` are all `a`.
fn fold(c: char) -> char {
    key_of_russian(c).unwrap_or_else(|| lower(c))
}

fn lower(c: char) -> char {
    let mut lowered = c.to_lowercase();
    match (lowered.next(), lowered.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests;
