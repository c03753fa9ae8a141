//! Strings of the session PIN, the lock screen and the protection badges.

use super::Lang;

/// Fixed strings of the sign-in PIN and the lock screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockText {
    /// Label of the PIN field at sign-in.
    PinLabel,
    /// The PIN is not 4–8 digits.
    PinShape,
    /// Lock screen title.
    Locked,
    /// What to do on the lock screen.
    TypePin,
    /// What to do after too many wrong PINs.
    TypePassphrase,
    /// On a plain (training) database the lead PIN stands in for the passphrase.
    TypeLeadPin,
    /// The passphrase (or lead PIN) was wrong.
    WrongPassphrase,
    /// Unlocked again.
    Unlocked,
    /// Badge of a plain (training) database on every screen.
    NotEncrypted,
    /// Badge once the campaign's `retain_until` day has come.
    WipeDue,
}

impl LockText {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use LockText::*;
        let (en, ru) = match self {
            PinLabel => ("PIN", "PIN"),
            PinShape => (
                "The session PIN must be 4 to 8 digits; you will type it to unlock this desk",
                "PIN сеанса — от 4 до 8 цифр; им вы будете разблокировать стол",
            ),
            Locked => ("Locked", "Заблокировано"),
            TypePin => (
                "Type the session PIN and press Enter",
                "Введите PIN сеанса и нажмите Enter",
            ),
            TypePassphrase => (
                "Too many wrong PINs: type the database passphrase and press Enter",
                "Слишком много неверных PIN: введите пароль базы и нажмите Enter",
            ),
            TypeLeadPin => (
                "Too many wrong PINs: the shift lead types the lead PIN and presses Enter",
                "Слишком много неверных PIN: руководитель смены вводит свой PIN и Enter",
            ),
            WrongPassphrase => (
                "Wrong; ask the shift lead",
                "Неверно; обратитесь к руководителю смены",
            ),
            Unlocked => ("Unlocked", "Разблокировано"),
            NotEncrypted => (" NOT ENCRYPTED ", " НЕ ЗАШИФРОВАНО "),
            WipeDue => (" WIPE DUE: sigdesk wipe ", " ПОРА УДАЛИТЬ: sigdesk wipe "),
        };
        lang.pick(en, ru)
    }
}

/// A wrong PIN, with how many tries are left before the passphrase is needed.
pub fn wrong_pin(lang: Lang, tries_left: u32) -> String {
    lang.pick(
        "Wrong PIN; {n} tries left before the passphrase is needed",
        "Неверный PIN; осталось попыток до ввода пароля: {n}",
    )
    .replace("{n}", &tries_left.to_string())
}

/// An automatic backup failed; the desk goes on working.
pub fn backup_failed(lang: Lang, reason: &str) -> String {
    lang.pick(
        "Automatic backup failed: {r}. Work goes on; check the backup disk (campaign backup_dir)",
        "Автоматическая копия не сделана: {r}. Работа продолжается; проверьте диск для копий (backup_dir)",
    )
    .replace("{r}", reason)
}

/// The prompt for the lead PIN before a change to another desk's line.
pub fn lead_pin_prompt(lang: Lang, desk: &str, typed_len: usize) -> String {
    lang.pick(
        "Line of desk {d}: the shift lead's PIN {p}",
        "Строка стола {d}: PIN руководителя {p}",
    )
    .replace("{d}", desk)
    .replace("{p}", &format!("{}▏", "•".repeat(typed_len)))
}

/// The lead PIN was wrong; nothing changed.
pub fn wrong_lead_pin(lang: Lang) -> &'static str {
    lang.pick(
        "Wrong lead PIN; nothing changed",
        "Неверный PIN руководителя; ничего не изменено",
    )
}
