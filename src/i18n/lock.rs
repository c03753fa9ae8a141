//! Strings of the session PIN, the lock screen, the lead PIN prompt and the protection
//! badges.

use super::{Lang, Phrase, en_plural, ru_plural};
use crate::domain::DbFailure;
use std::borrow::Cow;

/// What the sign-in PIN, the lock screen and the lead PIN prompt say.
#[derive(Debug, Clone, Copy)]
pub enum LockText<'a> {
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
    /// A wrong PIN, with how many tries are left before the passphrase is needed.
    WrongPin(u32),
    /// Unlocked again.
    Unlocked,
    /// Badge of a plain (training) database on every screen.
    NotEncrypted,
    /// Badge once the campaign's `retain_until` day has come.
    WipeDue,
    /// An automatic backup failed (why); the desk goes on working.
    BackupFailed(&'a DbFailure),
    /// The prompt for the lead PIN before a change to another desk's line, with a dot per
    /// digit typed.
    LeadPinPrompt {
        /// Whether it voids the line (else it saves an edit of it).
        void: bool,
        /// The desk whose line it is.
        desk: &'a str,
        /// Digits typed so far.
        typed: usize,
    },
    /// The lead PIN was wrong; nothing changed.
    WrongLeadPin,
}

impl Phrase for LockText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use LockText::*;
        match *self {
            PinLabel => say!(lang, "PIN", "PIN"),
            PinShape => say!(
                lang,
                "The session PIN must be 4 to 8 digits; you will type it to unlock this desk",
                "PIN сеанса — от 4 до 8 цифр; им вы будете разблокировать стол",
            ),
            Locked => say!(lang, "Locked", "Заблокировано"),
            TypePin => say!(
                lang,
                "Type the session PIN and press Enter",
                "Введите PIN сеанса и нажмите Enter",
            ),
            TypePassphrase => say!(
                lang,
                "Too many wrong PINs: type the database passphrase and press Enter",
                "Слишком много неверных PIN: введите пароль базы и нажмите Enter",
            ),
            TypeLeadPin => say!(
                lang,
                "Too many wrong PINs: the shift lead types the lead PIN, then Enter",
                "Слишком много неверных PIN: руководитель вводит свой PIN и Enter",
            ),
            WrongPassphrase => say!(
                lang,
                "Wrong; ask the shift lead",
                "Неверно; обратитесь к руководителю смены",
            ),
            WrongPin(left) => {
                let count = u64::from(left);
                let tries = en_plural(count, "try", "tries");
                let left_ru = ru_plural(count, ["осталась", "осталось", "осталось"]);
                let tries_ru = ru_plural(count, ["попытка", "попытки", "попыток"]);
                say!(
                    lang,
                    "Wrong PIN; {left} {tries} left",
                    "Неверный PIN; {left_ru} {left} {tries_ru}",
                )
            }
            Unlocked => say!(lang, "Unlocked", "Разблокировано"),
            NotEncrypted => say!(lang, " NOT ENCRYPTED ", " НЕ ЗАШИФРОВАНО "),
            WipeDue => say!(
                lang,
                " WIPE DUE: sigdesk wipe ",
                " ПОРА УДАЛИТЬ: sigdesk wipe "
            ),
            BackupFailed(why) => say!(
                lang,
                "Automatic backup failed: {}. Work goes on; check the backup disk (campaign backup_dir)",
                "Автоматическая копия не сделана: {}. Работа продолжается; проверьте диск для копий (backup_dir)",
                why.say(lang),
            ),
            LeadPinPrompt {
                void: true,
                desk,
                typed,
            } => say!(
                lang,
                "Void a line of desk {desk}: lead PIN {}▏",
                "Аннулировать строку {desk}: PIN руководителя {}▏",
                "•".repeat(typed),
            ),
            LeadPinPrompt {
                void: false,
                desk,
                typed,
            } => say!(
                lang,
                "Save the edit of desk {desk}'s line: lead PIN {}▏",
                "Правка строки {desk}: PIN руководителя {}▏",
                "•".repeat(typed),
            ),
            WrongLeadPin => say!(
                lang,
                "Wrong lead PIN; nothing changed",
                "Неверный PIN руководителя; ничего не изменено",
            ),
        }
    }
}
