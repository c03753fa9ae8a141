//! Messages of the protection commands: passphrase and PIN prompts, audit, backup, rekey,
//! encrypt, wipe and retention.

use super::{Lang, Phrase, en_plural, ru_plural};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::path::Path;

/// What a secret prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// The passphrase of an existing database.
    Passphrase,
    /// The passphrase of a database about to be created (or encrypted).
    NewPassphrase,
    /// A new passphrase replacing the old one (`rekey`).
    ChangedPassphrase,
    /// The passphrase again, to catch typos.
    RepeatPassphrase,
    /// The lead PIN, to allow a lead action.
    LeadPin,
    /// A new lead PIN.
    NewLeadPin,
    /// The new lead PIN again.
    RepeatLeadPin,
}

/// Why a secret typed twice on the terminal was not taken (asked again after this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Nothing was typed.
    Empty,
    /// The two inputs differ.
    Mismatch,
    /// A PIN that is not 4 to 8 digits.
    PinShape,
    /// The passphrase typed does not open the database; `left` more tries.
    WrongPassphrase {
        /// Tries left.
        left: u64,
    },
}

/// The line shown before asking again.
impl Phrase for Retry {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            Retry::Empty => say!(
                lang,
                "Empty: type at least one character.",
                "Пусто: введите хотя бы один символ.",
            ),
            Retry::Mismatch => say!(
                lang,
                "The two do not match; type them again.",
                "Введённые значения не совпадают; введите ещё раз.",
            ),
            Retry::PinShape => say!(
                lang,
                "A lead PIN is 4 to 8 digits; type it again.",
                "ПИН старшего — от 4 до 8 цифр; введите ещё раз.",
            ),
            Retry::WrongPassphrase { left } => {
                let tries = if *left == 1 { "try" } else { "tries" };
                let left_ru = ru_plural(*left, ["осталась", "осталось", "осталось"]);
                let tries_ru = ru_plural(*left, ["попытка", "попытки", "попыток"]);
                say!(
                    lang,
                    "Wrong passphrase; {left} {tries} left.",
                    "Неверная парольная фраза; {left_ru} {left} {tries_ru}.",
                )
            }
        }
    }
}

/// What the protection commands say.
#[derive(Debug, Clone, Copy)]
pub enum ProtectText<'a> {
    /// The text before a hidden input on the terminal.
    Ask {
        /// What is asked for.
        prompt: Prompt,
        /// The database it is for.
        db: &'a Path,
    },
    /// `wipe` asks to type the point name.
    WipeQuestion {
        /// The point name.
        point: &'a str,
        /// The database.
        db: &'a Path,
    },
    /// `wipe` got another name than the point's.
    NotThePoint {
        /// What was typed.
        typed: &'a str,
        /// The database.
        db: &'a Path,
    },
    /// `wipe` without `--confirm` and without a terminal.
    WipeNeedsPoint,
    /// A file `wipe` could not delete.
    CannotDelete(&'a Path),
    /// One file `wipe` deleted.
    WipedFile(&'a Path),
    /// The closing line of `wipe`: this many files deleted.
    Wiped(usize),
    /// The reminder every command prints once `retain_until` has come.
    RetentionReminder(NaiveDate),
    /// The `check` report line when retention has run out.
    RetentionDefect(NaiveDate),
    /// `backup` finished.
    BackupWritten {
        /// The copy.
        out: &'a Path,
        /// Whether it is encrypted.
        encrypted: bool,
    },
    /// `rekey` finished.
    Rekeyed(&'a Path),
    /// `encrypt` on a database that is encrypted already.
    AlreadyEncrypted(&'a Path),
    /// `encrypt` finished.
    Encrypted(&'a Path),
    /// `lead-pin` finished.
    LeadPinSet,
    /// A lead action refused: the lead PIN typed was wrong.
    WrongLeadPin,
    /// `audit --since` that is neither a date nor a time.
    SinceUnreadable(&'a str),
    /// Column of `audit`.
    ColTime,
    /// Column of `audit`.
    ColDesk,
    /// Column of `audit`.
    ColOperator,
    /// Column of `audit`.
    ColAction,
    /// Column of `audit`.
    ColEntry,
    /// Column of `audit`.
    ColDetails,
}

impl Phrase for ProtectText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use ProtectText::*;
        match *self {
            Ask { prompt, db } => ask(lang, prompt, &db.display().to_string()),
            WipeQuestion { point, db } => say!(
                lang,
                "This deletes {} and every backup of it. Type the point name `{point}` to go on: ",
                "Будут удалены {} и все её резервные копии. Введите название точки `{point}`, чтобы продолжить: ",
                db.display(),
            ),
            // These refusals have no Russian yet: the same words in both languages.
            NotThePoint { typed, db } => say!(
                lang,
                "`{typed}` is not the point name of {} (`campaign show` lists it); nothing was deleted",
                "`{typed}` is not the point name of {} (`campaign show` lists it); nothing was deleted",
                db.display(),
            ),
            WipeNeedsPoint => say!(
                lang,
                "wipe needs the point name: add --confirm POINT (there is no terminal to ask on)",
                "wipe needs the point name: add --confirm POINT (there is no terminal to ask on)",
            ),
            CannotDelete(path) => {
                say!(lang, "cannot delete {}", "cannot delete {}", path.display())
            }
            WipedFile(path) => say!(lang, "deleted {}", "удалён {}", path.display()),
            Wiped(files) => {
                let noun = en_plural(files as u64, "file", "files");
                say!(
                    lang,
                    "wiped: {files} {noun} deleted. Copies elsewhere (exports, USB sticks, disk snapshots) are not touched",
                    "стёрто файлов: {files}. Копии в других местах (выгрузки, флешки, снимки диска) не затронуты",
                )
            }
            RetentionReminder(until) => say!(
                lang,
                "sigdesk: REMINDER: the data was to be kept until {until}; hand it over and wipe it with `sigdesk wipe`",
                "sigdesk: НАПОМИНАНИЕ: данные хранятся до {until}; передайте их и сотрите командой `sigdesk wipe`",
            ),
            RetentionDefect(until) => say!(
                lang,
                "\nretention (error): the data is kept past retain_until = {until}; wipe it with `sigdesk wipe`",
                "\nretention (ошибка): данные хранятся дольше retain_until = {until}; сотрите их командой `sigdesk wipe`",
            ),
            BackupWritten {
                out,
                encrypted: true,
            } => say!(
                lang,
                "backup written to {} (encrypted with the same passphrase)",
                "резервная копия записана в {} (зашифрована тем же паролем)",
                out.display(),
            ),
            BackupWritten {
                out,
                encrypted: false,
            } => say!(
                lang,
                "backup written to {}. WARNING: this database is NOT encrypted, nor is the copy",
                "резервная копия записана в {}. ВНИМАНИЕ: эта база НЕ зашифрована, копия тоже",
                out.display(),
            ),
            Rekeyed(db) => say!(
                lang,
                "passphrase of {} changed; old backups still open with the old passphrase",
                "пароль базы {} изменён; старые резервные копии открываются старым паролем",
                db.display(),
            ),
            AlreadyEncrypted(db) => say!(
                lang,
                "{} is already encrypted; `sigdesk rekey` changes its passphrase",
                "{} is already encrypted; `sigdesk rekey` changes its passphrase",
                db.display(),
            ),
            Encrypted(db) => say!(
                lang,
                "{} is now encrypted; copies made before (backups, exports) are not",
                "база {} теперь зашифрована; сделанные раньше копии (резервные, выгрузки) — нет",
                db.display(),
            ),
            LeadPinSet => say!(lang, "lead PIN set", "ПИН старшего установлен"),
            WrongLeadPin => say!(
                lang,
                "wrong lead PIN; nothing was changed",
                "wrong lead PIN; nothing was changed",
            ),
            SinceUnreadable(text) => say!(
                lang,
                "--since `{text}` is neither a date (2024-03-10) nor an RFC 3339 time (2024-03-10T09:30:00+03:00)",
                "--since `{text}` is neither a date (2024-03-10) nor an RFC 3339 time (2024-03-10T09:30:00+03:00)",
            ),
            ColTime => say!(lang, "time", "время"),
            ColDesk => say!(lang, "desk", "стол"),
            ColOperator => say!(lang, "operator", "оператор"),
            ColAction => say!(lang, "action", "действие"),
            ColEntry => say!(lang, "entry", "запись"),
            ColDetails => say!(lang, "details", "подробности"),
        }
    }
}

/// The text before a hidden input on the terminal, for database `db`.
fn ask(lang: Lang, prompt: Prompt, db: &str) -> Cow<'static, str> {
    match prompt {
        Prompt::Passphrase => say!(lang, "Passphrase for {db}: ", "Пароль базы {db}: "),
        Prompt::NewPassphrase => say!(
            lang,
            "New database {db}: choose a passphrase (it encrypts the signers' data; lose it and the data is lost): ",
            "Новая база {db}: придумайте пароль (он шифрует данные подписантов; без него данные не открыть): ",
        ),
        Prompt::ChangedPassphrase => {
            say!(
                lang,
                "New passphrase for {db}: ",
                "Новый пароль базы {db}: "
            )
        }
        Prompt::RepeatPassphrase => {
            say!(lang, "Type the passphrase again: ", "Повторите пароль: ")
        }
        Prompt::LeadPin => say!(lang, "Lead PIN: ", "ПИН старшего: "),
        Prompt::NewLeadPin => say!(
            lang,
            "New lead PIN, 4 to 8 digits (needed for campaign settings and other lead actions): ",
            "Новый ПИН старшего, от 4 до 8 цифр (нужен для настроек кампании и других действий старшего): ",
        ),
        Prompt::RepeatLeadPin => say!(lang, "Type the PIN again: ", "Повторите ПИН: "),
    }
}
