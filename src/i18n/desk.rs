//! Strings of the desk: sign-in, the form, the sheet panel and the entries list.

use super::{Lang, Phrase};
use crate::domain::{DocKind, Field};
use std::borrow::Cow;

/// What the desk screens say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text<'a> {
    /// Save bar reminder of what the signer writes by hand.
    SaveBar,
    /// Edit mode save bar.
    SaveBarEdit,
    /// An entry was saved on this sheet and line.
    Saved {
        /// Sheet number.
        sheet: u32,
        /// Line on it.
        line: u32,
    },
    /// Ctrl-T changed the field to this text.
    Fixed(&'a str),
    /// Errors (this many) block saving.
    ErrorsBlock(usize),
    /// Warnings (this many) need a second Ctrl-S.
    WarningsConfirm(usize),
    /// An edit was saved.
    EditSaved,
    /// An edit was abandoned.
    EditAbandoned,
    /// Shown when opening an entry to edit.
    EditingHint,
    /// Entry voided.
    Voided,
    /// Another desk saved the same document first.
    DuplicateRace,
    /// Sign-in with an empty field.
    SignInMissing,
    /// Ctrl-T with nothing to fix.
    NoFix,
    /// Void without reason.
    VoidNeedsReason,
    /// Editing a voided entry.
    VoidedNoEdit,
    /// Voiding a voided entry.
    AlreadyVoided,
    /// Sign-in screen title.
    SignInTitle,
    /// Desk name label.
    DeskLabel,
    /// Operator name label.
    OperatorLabel,
    /// Sign-in explanation.
    SignInHint,
    /// Form title for a new signer.
    NewSigner,
    /// Form title when editing.
    EditingTitle,
    /// "sheet 12" above the big number.
    SheetNo(u32),
    /// "line 4" above the big number.
    LineNo(u32),
    /// Sheet panel title.
    SheetTitle,
    /// Sheet panel when no region chosen.
    SheetUnknown,
    /// Sheet panel note when a new sheet starts.
    NewSheet,
    /// Entries screen title.
    EntriesTitle,
    /// Entries screen title when every desk's entries are shown.
    AllEntriesTitle,
    /// No entries yet.
    NoEntries,
    /// Column of the entries table: sheet and line.
    ColSheetLine,
    /// Column of the entries table: when it was saved.
    ColTime,
    /// Column of the entries table: the signer's name.
    ColName,
    /// Column of the entries table: the document.
    ColDocument,
    /// Column of the entries table: the region code.
    ColRegion,
    /// Column of the entries table: the desk (every desk's entries).
    ColDesk,
    /// Void reason prompt.
    VoidPrompt,
    /// Confirm quit question.
    ConfirmQuit,
    /// Confirm clear question.
    ConfirmClear,
    /// Help title.
    HelpTitle,
    /// Terminal too small.
    TooSmall,
    /// Kind cycle hint.
    KindHint,
    /// Duplicate: open it hint.
    OpenDuplicateHint,
    /// Voided marker in lists.
    VoidedMark,
}

impl Phrase for Text<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use Text::*;
        match *self {
            SaveBar => say!(
                lang,
                "Ctrl-S — the signer has written the name, the date and the signature",
                "Ctrl-S — подписант сам написал ФИО, дату и поставил подпись",
            ),
            SaveBarEdit => say!(
                lang,
                "Ctrl-S save changes · Esc abandon the edit",
                "Ctrl-S сохранить правку · Esc отменить правку",
            ),
            Saved { sheet, line } => say!(
                lang,
                "Saved: sheet {sheet} line {line}",
                "Сохранено: лист {sheet}, строка {line}",
            ),
            Fixed(text) => say!(lang, "Changed to «{text}»", "Исправлено на «{text}»"),
            ErrorsBlock(n) => say!(
                lang,
                "Not saved: {n} error(s) marked ✗ — fix them first",
                "Не сохранено: ошибок ✗ — {n}, исправьте их",
            ),
            WarningsConfirm(n) => say!(
                lang,
                "{n} warning(s) marked ! — check with the signer, Ctrl-S again to save",
                "Предупреждений «!» — {n}: проверьте с подписантом, Ctrl-S ещё раз — сохранить",
            ),
            EditSaved => say!(lang, "Changes saved", "Изменения сохранены"),
            EditAbandoned => say!(
                lang,
                "Edit abandoned, nothing changed",
                "Правка отменена, ничего не изменено",
            ),
            EditingHint => say!(
                lang,
                "Editing a saved entry: fix it and press Ctrl-S",
                "Правка сохранённой записи: исправьте и нажмите Ctrl-S",
            ),
            Voided => say!(lang, "Entry voided", "Запись аннулирована"),
            DuplicateRace => say!(
                lang,
                "Not saved: another desk has just saved this document (see the document field)",
                "Не сохранено: другой стол только что сохранил этот документ (см. поле документа)",
            ),
            SignInMissing => say!(
                lang,
                "Type both the desk name and your name",
                "Введите название стола и своё имя",
            ),
            NoFix => say!(
                lang,
                "No suggested fix here",
                "Здесь нечего исправлять автоматически",
            ),
            VoidNeedsReason => say!(
                lang,
                "Type why this line is voided, then Enter",
                "Напишите причину аннулирования и нажмите Enter",
            ),
            VoidedNoEdit => say!(
                lang,
                "This entry is voided; it cannot be edited",
                "Запись аннулирована, её нельзя править",
            ),
            AlreadyVoided => say!(
                lang,
                "This entry is already voided",
                "Запись уже аннулирована"
            ),
            SignInTitle => say!(lang, "Sign in", "Вход"),
            DeskLabel => say!(lang, "Desk", "Стол"),
            OperatorLabel => say!(lang, "Operator", "Оператор"),
            SignInHint => say!(
                lang,
                "Name this desk and yourself (both go into the audit log of every line you save) and choose a 4–8 digit PIN: it unlocks this desk after a break (Ctrl-L locks it).",
                "Назовите стол и себя (оба имени попадают в журнал каждой строки) и задайте PIN из 4–8 цифр: им вы разблокируете стол после перерыва (Ctrl-L блокирует).",
            ),
            NewSigner => say!(lang, "New signer", "Новый подписант"),
            EditingTitle => say!(lang, "Editing entry", "Правка записи"),
            SheetNo(sheet) => say!(lang, "sheet {sheet}", "лист {sheet}"),
            LineNo(line) => say!(lang, "line {line}", "строка {line}"),
            SheetTitle => say!(lang, "Write on", "Пишет на"),
            SheetUnknown => say!(lang, "choose the region", "выберите регион"),
            NewSheet => say!(lang, "start a new sheet", "начните новый лист"),
            EntriesTitle => say!(lang, "Entries of this desk", "Записи этого стола"),
            AllEntriesTitle => say!(lang, "Entries of all desks", "Записи всех столов"),
            NoEntries => say!(
                lang,
                "No entries saved at this desk yet",
                "На этом столе ещё нет записей",
            ),
            // The entries table's columns have no Russian yet: the same words in both.
            ColSheetLine => say!(lang, "sheet/ln", "sheet/ln"),
            ColTime => say!(lang, "time", "time"),
            ColName => say!(lang, "name", "name"),
            ColDocument => say!(lang, "document", "document"),
            ColRegion => say!(lang, "region", "region"),
            ColDesk => say!(lang, "desk", "desk"),
            VoidPrompt => say!(lang, "Void reason", "Причина аннулирования"),
            ConfirmQuit => say!(
                lang,
                "The form has unsaved data. Quit?",
                "В форме несохранённые данные. Выйти?",
            ),
            ConfirmClear => say!(lang, "Clear the form?", "Очистить форму?"),
            HelpTitle => say!(lang, "Keys", "Клавиши"),
            TooSmall => say!(
                lang,
                "Terminal too small: sigdesk needs 80×24",
                "Терминал слишком мал: нужно 80×24",
            ),
            KindHint => say!(lang, "Space: change", "Пробел: сменить"),
            OpenDuplicateHint => say!(
                lang,
                "Ctrl-O opens the earlier entry",
                "Ctrl-O открывает прежнюю запись",
            ),
            VoidedMark => say!(lang, "VOID", "АННУЛ"),
        }
    }
}

/// The label of a form field.
impl Phrase for Field {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use Field::*;
        match self {
            Surname => say!(lang, "Surname", "Фамилия"),
            GivenName => say!(lang, "Given name", "Имя"),
            Patronymic => say!(lang, "Patronymic", "Отчество"),
            BirthDate => say!(lang, "Birth date", "Дата рождения"),
            DocKind => say!(lang, "Document", "Документ"),
            Document => say!(lang, "Series, no.", "Серия, номер"),
            Region => say!(lang, "Region", "Регион"),
            AbroadCountry => say!(lang, "Country", "Страна"),
            Address => say!(lang, "Address", "Адрес"),
            SignedOn => say!(lang, "Signed on", "Дата подписи"),
        }
    }
}

/// The name of a document kind, as the form's kind field shows it.
impl Phrase for DocKind {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            DocKind::InternalPassport => say!(lang, "RU internal passport", "паспорт РФ"),
            DocKind::ForeignPassport => say!(lang, "RU international passport", "загранпаспорт РФ"),
            DocKind::Other => say!(lang, "other document", "иной документ"),
        }
    }
}
