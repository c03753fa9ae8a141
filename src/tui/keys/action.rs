//! What a key asks for, grouped by the part of the app that does it: `update` matches each
//! group whole, so a new action fails to compile until it is handled.

use crate::domain::paper::PaperCode;
use crate::store::Finish;
use crate::tui::model::Screen;

/// What a key asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Works on every screen: help, quit, lock, switching screens, calling tickets.
    App(AppAction),
    /// An answer to the pending yes/no question.
    Answer(Answer),
    /// The lock screen's PIN (or passphrase) prompt.
    Lock(Prompt),
    /// The lead PIN prompt before a change to another desk's line.
    LeadPin(Prompt),
    /// The sign-in form.
    SignIn(SignInAction),
    /// The desk form.
    Form(FormAction),
    /// The entries list.
    Entries(EntriesAction),
    /// The void reason prompt of the entries list.
    VoidReason(Prompt),
    /// The queue screen.
    Queue(QueueAction),
    /// The door screen.
    Door(DoorAction),
    /// The door's prompt for the number of a person who left.
    Walkout(Prompt),
    /// The paper check screen.
    Paper(PaperAction),
    /// The note typed for `paper.other`.
    PaperNote(Prompt),
}

/// Actions that work wherever their keys are active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppAction {
    /// Open the help overlay.
    Help,
    /// Close the help overlay.
    CloseHelp,
    /// Quit (asks first when the form has unsaved data).
    Quit,
    /// Lock the screen now.
    Lock,
    /// Show this screen (and reload what it shows).
    Go(Screen),
    /// Back to the screen work started on.
    Home,
    /// Close the desk's current ticket this way and call the next.
    CallNext(Finish),
    /// Quit without asking: the database file changed, nothing can be saved any more.
    QuitNow,
    /// The signer was told the line the save landed on: the warning goes.
    WriteOnSeen,
}

/// An answer to a yes/no question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Do it.
    Yes,
    /// Leave things as they are.
    No,
}

/// The two keys of a one-line prompt: what was typed is done, or forget it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// Use what was typed.
    Submit,
    /// Close the prompt (or clear what was typed).
    Cancel,
}

/// Keys of the sign-in form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInAction {
    /// Next field, round to the first.
    NextField,
    /// Previous field, round to the last.
    PreviousField,
    /// Next field; on the last (the PIN), start work.
    Start,
}

/// Keys of the desk form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    /// Next field; on the last field, save.
    NextField,
    /// Previous field.
    PreviousField,
    /// Save (twice when there are warnings).
    Save,
    /// Take the suggested fix of the current field (a keyboard-layout fix, the region the
    /// address names).
    TakeFix,
    /// Open the earlier entry of a duplicate document.
    OpenDuplicate,
    /// Clear the message, and ask to clear a filled form or to leave an edit.
    Escape,
    /// Highlight the next region suggestion.
    SuggestionDown,
    /// Highlight the previous region suggestion.
    SuggestionUp,
    /// Take the highlighted suggestion and move on.
    AcceptSuggestion,
    /// Close the suggestions.
    CloseSuggestions,
    /// The next document kind.
    NextKind,
    /// The previous document kind.
    PreviousKind,
}

/// A move of the highlighted row of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// One row up.
    Up,
    /// One row down.
    Down,
    /// Ten rows up.
    PageUp,
    /// Ten rows down.
    PageDown,
    /// The first row.
    First,
    /// The last row.
    Last,
}

impl Step {
    /// The row this step leads to from `row` in a list of `len` rows.
    pub fn from(self, row: usize, len: usize) -> usize {
        let last = len.saturating_sub(1);
        match self {
            Step::Up => row.saturating_sub(1),
            Step::Down => (row + 1).min(last),
            Step::PageUp => row.saturating_sub(10),
            Step::PageDown => (row + 10).min(last),
            Step::First => 0,
            Step::Last => last,
        }
    }
}

/// Keys of the entries list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntriesAction {
    /// Move the highlight.
    Move(Step),
    /// Edit the highlighted entry.
    Edit,
    /// Start voiding the highlighted entry (a reason is typed next).
    Void,
    /// Switch between this desk's entries and every desk's.
    AllDesks,
    /// Back to the desk form.
    Back,
}

/// Keys of the queue screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueAction {
    /// Move the highlight.
    Move(Step),
    /// Recall the highlighted no-show.
    Recall,
    /// Mark the highlighted waiting ticket as left.
    MarkLeft,
    /// Back to the desk form.
    Back,
}

/// Keys of the door screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoorAction {
    /// Issue the next ticket.
    Issue,
    /// Take back the last ticket (within the undo window).
    Undo,
    /// Start typing the number of a person who left.
    Walkout,
    /// Show the notice to signers.
    ShowNotice,
    /// Close the notice to signers.
    CloseNotice,
    /// Clear the message.
    ClearMessage,
}

/// Keys of the paper check screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperAction {
    /// Move to another sampled line.
    Move(Step),
    /// Record what the paper shows on the current line (`paper.other` asks for a note).
    Mark(PaperCode),
    /// Back to the screen work started on.
    Back,
}
