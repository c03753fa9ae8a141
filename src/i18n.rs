//! Every string a person sees, in Russian and English.

pub mod board;
pub mod keys;
pub mod lead;
pub mod lock;
mod problems;
pub mod protect;
pub mod queue;

pub use problems::problem_message;

/// The language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Russian.
    Ru,
}

impl Lang {
    /// Picks the language: `--lang` if given, else `LC_ALL`/`LANG` (`ru*` means Russian).
    pub fn detect(flag: Option<&str>, lc_all: Option<&str>, lang: Option<&str>) -> Lang {
        let pick = |v: &str| {
            if v.to_ascii_lowercase().starts_with("ru") {
                Lang::Ru
            } else {
                Lang::En
            }
        };
        if let Some(f) = flag {
            return pick(f);
        }
        [lc_all, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty())
            .map(pick)
            .unwrap_or_default()
    }

    /// Chooses between the English and the Russian text.
    pub fn pick<'a>(self, en: &'a str, ru: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Ru => ru,
        }
    }
}

/// Fixed UI strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Save bar reminder of what the signer writes by hand.
    SaveBar,
    /// Edit mode save bar.
    SaveBarEdit,
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
    /// Sheet panel title.
    SheetTitle,
    /// Sheet panel when no region chosen.
    SheetUnknown,
    /// Sheet panel note when a new sheet starts.
    NewSheet,
    /// Entries screen title.
    EntriesTitle,
    /// No entries yet.
    NoEntries,
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

impl Lang {
    /// The fixed string for a key.
    pub fn text(self, text: Text) -> &'static str {
        use Text::*;
        let (en, ru) = match text {
            SaveBar => (
                "Ctrl-S — the signer has written the name, the date and the signature",
                "Ctrl-S — подписант сам написал ФИО, дату и поставил подпись",
            ),
            SaveBarEdit => (
                "Ctrl-S save changes · Esc abandon the edit",
                "Ctrl-S сохранить правку · Esc отменить правку",
            ),
            EditSaved => ("Changes saved", "Изменения сохранены"),
            EditAbandoned => (
                "Edit abandoned, nothing changed",
                "Правка отменена, ничего не изменено",
            ),
            EditingHint => (
                "Editing a saved entry: fix it and press Ctrl-S",
                "Правка сохранённой записи: исправьте и нажмите Ctrl-S",
            ),
            Voided => ("Entry voided", "Запись аннулирована"),
            DuplicateRace => (
                "Not saved: another desk has just saved this document (see the document field)",
                "Не сохранено: другой стол только что сохранил этот документ (см. поле документа)",
            ),
            SignInMissing => (
                "Type both the desk name and your name",
                "Введите название стола и своё имя",
            ),
            NoFix => (
                "No suggested fix here",
                "Здесь нечего исправлять автоматически",
            ),
            VoidNeedsReason => (
                "Type why this line is voided, then Enter",
                "Напишите причину аннулирования и нажмите Enter",
            ),
            VoidedNoEdit => (
                "This entry is voided; it cannot be edited",
                "Запись аннулирована, её нельзя править",
            ),
            AlreadyVoided => ("This entry is already voided", "Запись уже аннулирована"),
            SignInTitle => ("Sign in", "Вход"),
            DeskLabel => ("Desk", "Стол"),
            OperatorLabel => ("Operator", "Оператор"),
            SignInHint => (
                "Name this desk and yourself (both go into the audit log of every line you save) and choose a 4–8 digit PIN: it unlocks this desk after a break (Ctrl-L locks it).",
                "Назовите стол и себя (оба имени попадают в журнал каждой строки) и задайте PIN из 4–8 цифр: им вы разблокируете стол после перерыва (Ctrl-L блокирует).",
            ),
            NewSigner => ("New signer", "Новый подписант"),
            EditingTitle => ("Editing entry", "Правка записи"),
            SheetTitle => ("Write on", "Пишет на"),
            SheetUnknown => ("choose the region", "выберите регион"),
            NewSheet => ("start a new sheet", "начните новый лист"),
            EntriesTitle => ("Entries of this desk", "Записи этого стола"),
            NoEntries => (
                "No entries saved at this desk yet",
                "На этом столе ещё нет записей",
            ),
            VoidPrompt => ("Void reason", "Причина аннулирования"),
            ConfirmQuit => (
                "The form has unsaved data. Quit?",
                "В форме несохранённые данные. Выйти?",
            ),
            ConfirmClear => ("Clear the form?", "Очистить форму?"),
            HelpTitle => ("Keys", "Клавиши"),
            TooSmall => (
                "Terminal too small: sigdesk needs 80×24",
                "Терминал слишком мал: нужно 80×24",
            ),
            KindHint => ("Space: change", "Пробел: сменить"),
            OpenDuplicateHint => (
                "Ctrl-O opens the earlier entry",
                "Ctrl-O открывает прежнюю запись",
            ),
            VoidedMark => ("VOID", "АННУЛ"),
        };
        self.pick(en, ru)
    }

    /// The label of a form field.
    pub fn field(self, field: crate::domain::Field) -> &'static str {
        use crate::domain::Field::*;
        let (en, ru) = match field {
            Surname => ("Surname", "Фамилия"),
            GivenName => ("Given name", "Имя"),
            Patronymic => ("Patronymic", "Отчество"),
            BirthDate => ("Birth date", "Дата рождения"),
            DocKind => ("Document", "Документ"),
            Document => ("Series, no.", "Серия, номер"),
            Region => ("Region", "Регион"),
            AbroadCountry => ("Country", "Страна"),
            Address => ("Address", "Адрес"),
            SignedOn => ("Signed on", "Дата подписи"),
        };
        self.pick(en, ru)
    }

    /// The name of a document kind.
    pub fn doc_kind(self, kind: crate::domain::DocKind) -> &'static str {
        use crate::domain::DocKind::*;
        let (en, ru) = match kind {
            InternalPassport => ("RU internal passport", "паспорт РФ"),
            ForeignPassport => ("RU international passport", "загранпаспорт РФ"),
            Other => ("other document", "иной документ"),
        };
        self.pick(en, ru)
    }
}

/// "Saved sheet 12 line 4".
pub fn saved(lang: Lang, sheet: u32, line: u32) -> String {
    match lang {
        Lang::En => format!("Saved: sheet {sheet} line {line}"),
        Lang::Ru => format!("Сохранено: лист {sheet}, строка {line}"),
    }
}

/// Ctrl-T applied a fix.
pub fn fixed(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => format!("Changed to «{text}»"),
        Lang::Ru => format!("Исправлено на «{text}»"),
    }
}

/// Errors block saving.
pub fn errors_block(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Not saved: {n} error(s) marked ✗ — fix them first"),
        Lang::Ru => format!("Не сохранено: ошибок ✗ — {n}, исправьте их"),
    }
}

/// Warnings need a second Ctrl-S.
pub fn warnings_confirm(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => {
            format!("{n} warning(s) marked ! — check with the signer, Ctrl-S again to save")
        }
        Lang::Ru => {
            format!("Предупреждений «!» — {n}: проверьте с подписантом, Ctrl-S ещё раз — сохранить")
        }
    }
}

/// Sheet and line, for the big panel.
pub fn sheet_line(lang: Lang, sheet: u32, line: u32) -> (String, String) {
    match lang {
        Lang::En => (format!("sheet {sheet}"), format!("line {line}")),
        Lang::Ru => (format!("лист {sheet}"), format!("строка {line}")),
    }
}

/// The one line `export` prints.
pub fn exported(lang: Lang, rows: u64, out: &str) -> String {
    let target = if out == "-" { "stdout" } else { out };
    match lang {
        Lang::En => format!(
            "exported {rows} entries to {target}. WARNING: this CSV is NOT encrypted and holds signers' personal data; keep it on an encrypted disk and delete it when done"
        ),
        Lang::Ru => format!(
            "выгружено записей: {rows} в {target}. ВНИМАНИЕ: CSV НЕ зашифрован и содержит персональные данные; храните на зашифрованном диске и удалите после использования"
        ),
    }
}
