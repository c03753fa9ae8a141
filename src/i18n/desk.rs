//! Strings of the desk: sign-in, the form, the sheet panel and the entries list.

use super::{Lang, Phrase, en_plural, ru_plural};
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
    /// Sheet panel while the form cannot be saved: the signer must not write yet.
    DoNotSignYet,
    /// Under it, when an error is shown.
    FixErrorsFirst,
    /// Under it, when the form is not complete yet.
    LineWhenComplete,
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
    /// Void reason prompt: what Enter voids.
    VoidPrompt {
        /// Sheet of the line.
        sheet: u32,
        /// The line.
        line: u32,
    },
    /// Confirm quit question.
    ConfirmQuit,
    /// Confirm clear question.
    ConfirmClear,
    /// Confirm leaving an edit: nothing changes, or the changes typed are dropped.
    ConfirmLeaveEdit {
        /// Whether something was changed.
        changed: bool,
    },
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
                "Ctrl-S save changes · Esc leave the edit",
                "Ctrl-S сохранить правку · Esc выйти из правки",
            ),
            Saved { sheet, line } => say!(
                lang,
                "Saved: sheet {sheet} line {line}",
                "Сохранено: лист {sheet}, строка {line}",
            ),
            Fixed(text) => say!(lang, "Changed to “{text}”", "Исправлено на «{text}»"),
            ErrorsBlock(n) => {
                let count = n as u64;
                let (errors, them) = (
                    en_plural(count, "error", "errors"),
                    en_plural(count, "it", "them"),
                );
                let errors_ru = ru_plural(count, ["ошибка", "ошибки", "ошибок"]);
                say!(
                    lang,
                    "Not saved: {n} {errors} marked ✗ — fix {them} first",
                    "Не сохранено: {n} {errors_ru} ✗ — исправьте",
                )
            }
            WarningsConfirm(n) => {
                let count = n as u64;
                let warnings = en_plural(count, "warning", "warnings");
                let forms = ["предупреждение", "предупреждения", "предупреждений"];
                let warnings_ru = ru_plural(count, forms);
                say!(
                    lang,
                    "{n} {warnings} marked ! — check with the signer, Ctrl-S again saves",
                    "{n} {warnings_ru} «!» — проверьте с подписантом, Ctrl-S ещё раз сохранит",
                )
            }
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
            DoNotSignYet => say!(lang, "DO NOT SIGN YET", "ПОКА НЕ ПОДПИСЫВАТЬ"),
            FixErrorsFirst => say!(
                lang,
                "fix the lines marked ✗ first",
                "сначала исправьте строки с ✗",
            ),
            LineWhenComplete => say!(
                lang,
                "the sheet and line show when the form is complete",
                "лист и строка появятся, когда форма заполнена",
            ),
            NewSheet => say!(lang, "start a new sheet", "начните новый лист"),
            EntriesTitle => say!(lang, "Entries of this desk", "Записи этого стола"),
            AllEntriesTitle => say!(lang, "Entries of all desks", "Записи всех столов"),
            NoEntries => say!(
                lang,
                "No entries saved at this desk yet",
                "На этом столе ещё нет записей",
            ),
            ColSheetLine => say!(lang, "sheet/ln", "лист/стр"),
            ColTime => say!(lang, "time", "время"),
            ColName => say!(lang, "name", "ФИО"),
            ColDocument => say!(lang, "document", "документ"),
            ColRegion => say!(lang, "region", "регион"),
            ColDesk => say!(lang, "desk", "стол"),
            VoidPrompt { sheet, line } => say!(
                lang,
                "Void sheet {sheet} line {line}, because: ",
                "Аннулировать лист {sheet}, строку {line}, причина: ",
            ),
            ConfirmQuit => say!(
                lang,
                "Quit? The typed signer is not saved",
                "Выйти? Набранный подписант не сохранён",
            ),
            ConfirmClear => say!(
                lang,
                "Erase the typed signer from the form?",
                "Стереть набранного подписанта?",
            ),
            ConfirmLeaveEdit { changed: false } => say!(
                lang,
                "Leave the edit? Nothing changes",
                "Выйти из правки? Ничего не изменится",
            ),
            ConfirmLeaveEdit { changed: true } => say!(
                lang,
                "Leave the edit? Your changes are dropped",
                "Выйти из правки? Исправления пропадут",
            ),
            HelpTitle => say!(lang, "Keys", "Клавиши"),
            TooSmall => say!(
                lang,
                "Terminal too small: sigdesk needs 80×24",
                "Терминал слишком мал: нужно 80×24",
            ),
            KindHint => say!(
                lang,
                "Space or ← → changes the kind of document",
                "Пробел или ← → меняют вид документа",
            ),
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
