//! Messages of the protection commands: passphrase and PIN prompts, audit, backup, verify,
//! rekey, encrypt, wipe and retention.

use super::Lang;
use chrono::NaiveDate;
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

/// The text before a hidden input on the terminal.
pub fn prompt(lang: Lang, prompt: Prompt, db: &Path) -> String {
    let db = db.display();
    match (prompt, lang) {
        (Prompt::Passphrase, Lang::En) => format!("Passphrase for {db}: "),
        (Prompt::Passphrase, Lang::Ru) => format!("Пароль базы {db}: "),
        (Prompt::NewPassphrase, Lang::En) => format!(
            "New database {db}: choose a passphrase (it encrypts the signers' data; lose it and the data is lost): "
        ),
        (Prompt::NewPassphrase, Lang::Ru) => format!(
            "Новая база {db}: придумайте пароль (он шифрует данные подписантов; без него данные не открыть): "
        ),
        (Prompt::ChangedPassphrase, Lang::En) => format!("New passphrase for {db}: "),
        (Prompt::ChangedPassphrase, Lang::Ru) => format!("Новый пароль базы {db}: "),
        (Prompt::RepeatPassphrase, Lang::En) => "Type the passphrase again: ".into(),
        (Prompt::RepeatPassphrase, Lang::Ru) => "Повторите пароль: ".into(),
        (Prompt::LeadPin, Lang::En) => "Lead PIN: ".into(),
        (Prompt::LeadPin, Lang::Ru) => "ПИН старшего: ".into(),
        (Prompt::NewLeadPin, Lang::En) => {
            "New lead PIN, 4 to 8 digits (needed for campaign settings and other lead actions): "
                .into()
        }
        (Prompt::NewLeadPin, Lang::Ru) => {
            "Новый ПИН старшего, от 4 до 8 цифр (нужен для настроек кампании и других действий старшего): "
                .into()
        }
        (Prompt::RepeatLeadPin, Lang::En) => "Type the PIN again: ".into(),
        (Prompt::RepeatLeadPin, Lang::Ru) => "Повторите ПИН: ".into(),
    }
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
}

/// The line shown before asking again.
pub fn retry(lang: Lang, why: Retry) -> &'static str {
    match why {
        Retry::Empty => lang.pick(
            "Empty: type at least one character.",
            "Пусто: введите хотя бы один символ.",
        ),
        Retry::Mismatch => lang.pick(
            "The two do not match; type them again.",
            "Введённые значения не совпадают; введите ещё раз.",
        ),
        Retry::PinShape => lang.pick(
            "A lead PIN is 4 to 8 digits; type it again.",
            "ПИН старшего — от 4 до 8 цифр; введите ещё раз.",
        ),
    }
}

/// `wipe` asks to type the point name.
pub fn wipe_question(lang: Lang, point: &str, db: &Path) -> String {
    match lang {
        Lang::En => format!(
            "This deletes {} and every backup of it. Type the point name `{point}` to go on: ",
            db.display()
        ),
        Lang::Ru => format!(
            "Будут удалены {} и все её резервные копии. Введите название точки `{point}`, чтобы продолжить: ",
            db.display()
        ),
    }
}

/// One file `wipe` deleted.
pub fn wiped_file(lang: Lang, path: &Path) -> String {
    format!("{} {}", lang.pick("deleted", "удалён"), path.display())
}

/// The closing line of `wipe`.
pub fn wiped(lang: Lang, files: usize) -> String {
    match lang {
        Lang::En => format!(
            "wiped: {files} file(s) deleted. Copies elsewhere (exports, USB sticks, disk snapshots) are not touched"
        ),
        Lang::Ru => format!(
            "стёрто файлов: {files}. Копии в других местах (выгрузки, флешки, снимки диска) не затронуты"
        ),
    }
}

/// The reminder every command prints once `retain_until` has come.
pub fn retention_reminder(lang: Lang, until: NaiveDate) -> String {
    match lang {
        Lang::En => format!(
            "sigdesk: REMINDER: the data was to be kept until {until}; hand it over and wipe it with `sigdesk wipe`"
        ),
        Lang::Ru => format!(
            "sigdesk: НАПОМИНАНИЕ: данные хранятся до {until}; передайте их и сотрите командой `sigdesk wipe`"
        ),
    }
}

/// The `check` report line when retention has run out.
pub fn retention_defect(lang: Lang, until: NaiveDate) -> String {
    match lang {
        Lang::En => format!(
            "\nretention (error): the data is kept past retain_until = {until}; wipe it with `sigdesk wipe`"
        ),
        Lang::Ru => format!(
            "\nretention (ошибка): данные хранятся дольше retain_until = {until}; сотрите их командой `sigdesk wipe`"
        ),
    }
}

/// `backup` finished.
pub fn backup_written(lang: Lang, out: &Path, encrypted: bool) -> String {
    let out = out.display();
    match (lang, encrypted) {
        (Lang::En, true) => format!("backup written to {out} (encrypted with the same passphrase)"),
        (Lang::Ru, true) => {
            format!("резервная копия записана в {out} (зашифрована тем же паролем)")
        }
        (Lang::En, false) => format!(
            "backup written to {out}. WARNING: this database is NOT encrypted, nor is the copy"
        ),
        (Lang::Ru, false) => format!(
            "резервная копия записана в {out}. ВНИМАНИЕ: эта база НЕ зашифрована, копия тоже"
        ),
    }
}

/// `rekey` finished.
pub fn rekeyed(lang: Lang, db: &Path) -> String {
    match lang {
        Lang::En => format!(
            "passphrase of {} changed; old backups still open with the old passphrase",
            db.display()
        ),
        Lang::Ru => format!(
            "пароль базы {} изменён; старые резервные копии открываются старым паролем",
            db.display()
        ),
    }
}

/// `encrypt` finished.
pub fn encrypted(lang: Lang, db: &Path) -> String {
    match lang {
        Lang::En => format!(
            "{} is now encrypted; copies made before (backups, exports) are not",
            db.display()
        ),
        Lang::Ru => format!(
            "база {} теперь зашифрована; сделанные раньше копии (резервные, выгрузки) — нет",
            db.display()
        ),
    }
}

/// `lead-pin` finished.
pub fn lead_pin_set(lang: Lang) -> &'static str {
    lang.pick("lead PIN set", "ПИН старшего установлен")
}

/// Column titles of `audit`: time, desk, operator, action, entry, details.
pub fn audit_titles(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => ["time", "desk", "operator", "action", "entry", "details"],
        Lang::Ru => [
            "время",
            "стол",
            "оператор",
            "действие",
            "запись",
            "подробности",
        ],
    }
}
