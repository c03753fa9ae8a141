//! What the keys do, in words: the short label of the key bar and the longer line of the
//! help overlay.

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
    /// Clear the form (asks), or leave an edit (asks).
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
                "вызов",
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
                "next field; on the PIN, start work",
                "следующее поле; на PIN — начать работу",
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
                "clear the form, or leave an edit (asks first)",
                "очистить форму или выйти из правки (спросит)",
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
