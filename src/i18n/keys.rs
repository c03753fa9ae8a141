//! What the keys do, in words: the short label of the key bar, the longer line of the
//! help overlay, and the few key names that are words.

use super::paper_keys::PaperKey;
use super::{Lang, Phrase};
use std::borrow::Cow;

/// What a key does, as the key bar and the help overlay name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyLabel {
    /// Unlock the locked screen.
    Unlock,
    /// Clear what was typed on the lock screen.
    ClearTyped,
    /// Check the lead PIN.
    CheckLeadPin,
    /// Leave a prompt without doing anything.
    Cancel,
    /// Yes to a question.
    Yes,
    /// No to a question.
    No,
    /// Open the help overlay.
    Help,
    /// Close the help overlay.
    CloseHelp,
    /// Quit the app.
    Quit,
    /// Lock the screen now.
    Lock,
    /// Go to the desk form.
    GoDesk,
    /// Go to the queue screen.
    GoQueue,
    /// Go to the entries list.
    GoEntries,
    /// Go to the board.
    GoBoard,
    /// Go to the door.
    GoDoor,
    /// Back to the screen work started on.
    GoHome,
    /// Back to the desk form.
    BackToForm,
    /// Close the current ticket as done and call the next.
    CallNext,
    /// Close the current ticket as a no-show and call the next.
    NoShowNext,
    /// Next field of the sign-in form.
    NextField,
    /// Next field of the desk form; on the last one, save.
    NextFieldOrSave,
    /// Previous field.
    PreviousField,
    /// Start work after sign-in.
    Start,
    /// Save the form.
    Save,
    /// Take the suggested fix (keyboard layout, region from the address).
    TakeFix,
    /// Open the earlier entry of a duplicate.
    OpenDuplicate,
    /// Clear the message, then the form.
    ClearForm,
    /// Move in or accept the region suggestions.
    Suggestions,
    /// Change the document kind.
    DocKind,
    /// Move up or down in a list.
    Move,
    /// Move a page up or down.
    Page,
    /// Jump to the first or last row.
    Ends,
    /// Edit the entry.
    Edit,
    /// Void the entry.
    Void,
    /// Type the void reason is done: void the line.
    VoidLine,
    /// This desk's entries or every desk's.
    AllDesks,
    /// Recall a no-show.
    Recall,
    /// Mark a waiting ticket as left.
    MarkLeft,
    /// Issue the next ticket at the door.
    Issue,
    /// Take back the last ticket.
    Undo,
    /// Type the number of a person who left.
    Walkout,
    /// The typed number is done: mark it as left.
    WalkoutDone,
    /// Show the notice to signers.
    Notice,
    /// Close the notice to signers.
    CloseNotice,
    /// Clear the message.
    ClearMessage,
    /// Quit at once (the database file changed: nothing can be saved).
    QuitNow,
    /// The signer writes on the line the warning shows.
    WriteOnDone,
    /// The paper check's keys.
    Paper(PaperKey),
}

/// The one or two words of the key bar.
impl Phrase for KeyLabel {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        let [en, ru, _, _] = self.texts();
        Cow::Borrowed(lang.pick(en, ru))
    }
}

/// The line of the help overlay that says what a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpLine(pub KeyLabel);

impl Phrase for HelpLine {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        let [_, _, en, ru] = self.0.texts();
        Cow::Borrowed(lang.pick(en, ru))
    }
}

impl KeyLabel {
    /// Short English, short Russian, long English, long Russian.
    fn texts(self) -> [&'static str; 4] {
        use KeyLabel::*;
        match self {
            Unlock => ["unlock", "разблокировать", "unlock", "разблокировать"],
            ClearTyped => [
                "clear",
                "очистить",
                "clear what was typed",
                "стереть набранное",
            ],
            CheckLeadPin => ["check", "проверить", "check the lead PIN", "проверить PIN"],
            Cancel => ["cancel", "отмена", "cancel", "отмена"],
            Yes => ["yes", "да", "yes", "да"],
            No => ["no", "нет", "no", "нет"],
            Help => ["help", "помощь", "this help", "эта справка"],
            CloseHelp => [
                "closes the help",
                "закрывает справку",
                "closes this help",
                "закрывает справку",
            ],
            Quit => [
                "quit",
                "выход",
                "quit (asks if the form has unsaved data)",
                "выход (спросит, если в форме несохранённые данные)",
            ],
            Lock => [
                "lock",
                "блокировка",
                "lock the screen now",
                "заблокировать экран",
            ],
            GoDesk => ["form", "форма", "desk form", "форма ввода"],
            GoQueue => [
                "queue",
                "очередь",
                "queue: tickets, desks, figures",
                "очередь: талоны, столы, цифры",
            ],
            GoEntries => [
                "entries",
                "записи",
                "entries: browse, edit, void",
                "записи: просмотр, правка, аннулирование",
            ],
            GoBoard => [
                "board",
                "табло",
                "board: counts, no personal data",
                "табло: счёт, без персональных данных",
            ],
            GoDoor => [
                "door",
                "вход",
                "door: issue tickets",
                "вход: выдача талонов",
            ],
            GoHome => [
                "back",
                "назад",
                "back to the screen work started on",
                "назад к начальному экрану",
            ],
            BackToForm => ["form", "форма", "back to the form", "назад к форме"],
            CallNext => [
                "next ticket",
                "вызвать",
                "current ticket done, call the next",
                "талон принят, вызвать следующего",
            ],
            NoShowNext => [
                "no-show",
                "не подошёл",
                "current ticket did not come, call the next",
                "талон не подошёл, вызвать следующего",
            ],
            NextField => ["next", "дальше", "next field", "следующее поле"],
            NextFieldOrSave => [
                "next",
                "дальше",
                "next field (Enter on the last saves)",
                "следующее поле (Enter в последнем — сохранить)",
            ],
            PreviousField => ["back", "назад", "previous field", "предыдущее поле"],
            Start => [
                "start",
                "начать",
                "next empty field, then start work",
                "следующее пустое поле, затем начать работу",
            ],
            Save => [
                "save",
                "сохранить",
                "save (twice when there are warnings)",
                "сохранить (дважды при предупреждениях)",
            ],
            TakeFix => [
                "layout",
                "раскладка",
                "take the fix: keyboard layout, region from the address",
                "принять исправление: раскладка, регион из адреса",
            ],
            OpenDuplicate => [
                "duplicate",
                "дубль",
                "open the earlier entry of a duplicate",
                "открыть прежнюю запись дубля",
            ],
            ClearForm => [
                "clear",
                "очистить",
                "clear the message, then the form (asks)",
                "убрать сообщение, затем очистить форму (спросит)",
            ],
            Suggestions => [
                "suggestions",
                "подсказки",
                "region suggestions: move, accept, close",
                "подсказки региона: выбор, принять, закрыть",
            ],
            DocKind => [
                "kind",
                "вид",
                "change the document kind (Shift-Tab back to it)",
                "сменить вид документа (Shift-Tab — назад к нему)",
            ],
            Move => ["move", "выбор", "move in the list", "выбор в списке"],
            Page => [
                "page",
                "страница",
                "a page up, down",
                "страница вверх, вниз",
            ],
            Ends => ["ends", "края", "first, last", "в начало, в конец"],
            Edit => ["edit", "править", "edit the entry", "править запись"],
            Void => [
                "void",
                "аннулировать",
                "void the entry with a reason",
                "аннулировать с причиной",
            ],
            VoidLine => [
                "void the line",
                "аннулировать строку",
                "void the line with the typed reason",
                "аннулировать строку с этой причиной",
            ],
            AllDesks => [
                "all desks",
                "все столы",
                "this desk's entries or every desk's",
                "записи этого стола или всех столов",
            ],
            Recall => [
                "recall",
                "вернуть",
                "recall a no-show to the front of the queue",
                "вернуть неподошедшего в начало очереди",
            ],
            MarkLeft => [
                "left",
                "ушёл",
                "mark a waiting ticket as left (walkout)",
                "отметить, что ждущий ушёл",
            ],
            Issue => [
                "next number",
                "номер",
                "issue the next ticket",
                "выдать следующий талон",
            ],
            Undo => [
                "undo",
                "отмена",
                "take back the last ticket (within 30 s)",
                "отменить последний талон (в течение 30 с)",
            ],
            Walkout => [
                "left",
                "ушёл",
                "type a number: that person left",
                "ввести номер ушедшего",
            ],
            WalkoutDone => [
                "mark as left",
                "отметить «ушёл»",
                "mark the typed number as left",
                "отметить набранный номер как ушедший",
            ],
            Notice => [
                "notice",
                "памятка",
                "show the notice to signers",
                "показать памятку подписантам",
            ],
            CloseNotice => [
                "closes the notice",
                "закрывает памятку",
                "closes the notice (issues nothing)",
                "закрывает памятку (талон не выдаёт)",
            ],
            ClearMessage => ["clear", "убрать", "clear the message", "убрать сообщение"],
            QuitNow => ["quit", "выход", "quit now", "выйти сейчас"],
            WriteOnDone => [
                "done",
                "готово",
                "written on that line",
                "записано на этой строке",
            ],
            Paper(key) => key.texts(),
        }
    }
}

/// Names of keys as the key bar and the help write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyName {
    /// The space bar.
    Space,
    /// Whatever key is pressed.
    AnyKey,
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift and Tab.
    BackTab,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Ctrl and a letter.
    Ctrl(char),
    /// Alt and a key.
    Alt(char),
    /// A function key.
    F(u8),
}

impl Phrase for KeyName {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use KeyName::*;
        match *self {
            Space => say!(lang, "Space", "Пробел"),
            AnyKey => say!(lang, "any key", "любая клавиша"),
            Enter => say!(lang, "Enter", "Enter"),
            Esc => say!(lang, "Esc", "Esc"),
            Tab => say!(lang, "Tab", "Tab"),
            BackTab => say!(lang, "Shift-Tab", "Shift-Tab"),
            Up => say!(lang, "↑", "↑"),
            Down => say!(lang, "↓", "↓"),
            Left => say!(lang, "←", "←"),
            Right => say!(lang, "→", "→"),
            PageUp => say!(lang, "PgUp", "PgUp"),
            PageDown => say!(lang, "PgDn", "PgDn"),
            Home => say!(lang, "Home", "Home"),
            End => say!(lang, "End", "End"),
            Backspace => say!(lang, "Backspace", "Backspace"),
            Delete => say!(lang, "Del", "Del"),
            Ctrl(c) => say!(lang, "Ctrl-{}", "Ctrl-{}", c.to_ascii_uppercase()),
            Alt(c) => say!(lang, "Alt-{c}", "Alt-{c}"),
            F(n) => say!(lang, "F{n}", "F{n}"),
        }
    }
}

/// Lines of the help overlay that describe a screen rather than a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpNote {
    /// A saved line is linked to the desk's current ticket.
    TicketLink,
    /// Letter keys work in either keyboard layout.
    EitherLayout,
    /// The board refreshes by itself.
    BoardRefresh,
    /// The board shows no personal data.
    BoardNoPersonalData,
    /// The paper check records one finding per line.
    PaperOneFinding,
}

impl Phrase for HelpNote {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            HelpNote::TicketLink => say!(
                lang,
                "a saved line links to the desk's current ticket",
                "сохранённая строка связана с текущим талоном",
            ),
            HelpNote::EitherLayout => say!(
                lang,
                "letter keys work in either keyboard layout (a = ф)",
                "буквы работают в любой раскладке (a = ф)",
            ),
            HelpNote::BoardRefresh => say!(
                lang,
                "figures refresh whenever a desk or the door saves",
                "цифры обновляются после каждой записи столов и входа",
            ),
            HelpNote::BoardNoPersonalData => say!(
                lang,
                "no personal data: counts, desks, regions, rule codes",
                "без персональных данных: счёт, столы, регионы, правила",
            ),
            HelpNote::PaperOneFinding => say!(
                lang,
                "one key per line: ok, or the finding that sinks it",
                "одна клавиша на строку: верно или главный дефект",
            ),
        }
    }
}
