//! What went wrong with the database, in words: the store fails with a [`DbFailure`]
//! (plain data, so a screen can keep it), said in the operator's language on a screen;
//! [`OnCommandLine`] adds the flag or variable that fixes it on the command line.

use super::{Lang, Phrase};
use crate::domain::{DbFailure, EntrySummary, FileChange};
use std::borrow::Cow;

/// The failure as a screen shows it: what happened and what the person at the desk can do.
impl Phrase for DbFailure {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use DbFailure::*;
        match self {
            NotADatabase { path } => say!(
                lang,
                "{path} is not a sigdesk database (or it is encrypted)",
                "{path} — не база sigdesk (или она зашифрована)",
            ),
            Foreign { path } => say!(
                lang,
                "{path} is another program's SQLite database, not sigdesk's; it was left as it is",
                "{path} — база SQLite другой программы, не sigdesk; она оставлена как есть",
            ),
            NoDatabase { path } => say!(lang, "there is no database at {path}", "базы {path} нет",),
            NotAFile { path } => say!(
                lang,
                "{path} is a device or a pipe, not a file; give a file name",
                "{path} — устройство или канал, а не файл; укажите имя файла",
            ),
            CannotOpen { path, reason } => say!(
                lang,
                "cannot open {path} for writing: {reason}; check the folder exists and is writable",
                "не удаётся открыть {path} для записи: {reason}; проверьте, что папка есть и в неё можно писать",
            ),
            Busy => say!(
                lang,
                "the database is busy (another desk is writing); try again in a moment",
                "база занята (пишет другой стол); повторите через минуту",
            ),
            TooNew { found, supported } => say!(
                lang,
                "the database has schema version {found}, newer than this sigdesk ({supported}); update sigdesk",
                "версия схемы базы {found} новее этой программы sigdesk ({supported}); обновите sigdesk",
            ),
            DuplicateDocument(first) => {
                let EntrySummary {
                    sheet, line, desk, ..
                } = first;
                say!(
                    lang,
                    "document already entered: sheet {sheet} line {line} at desk {desk}",
                    "документ уже внесён: лист {sheet}, строка {line}, стол {desk}",
                )
            }
            NoSuchEntry(id) => say!(lang, "no entry with id {id}", "записи с id {id} нет"),
            RegionChange { sheet_region } => say!(
                lang,
                "the sheet of this entry is headed with region {sheet_region}; void it and enter the signer again on a sheet of the new region",
                "лист этой записи озаглавлен регионом {sheet_region}; аннулируйте её и внесите подписанта заново на лист нового региона",
            ),
            AlreadyVoided => say!(
                lang,
                "this entry is already voided",
                "запись уже аннулирована",
            ),
            Damaged(what) => say!(
                lang,
                "damaged value in the database: {what}",
                "повреждённое значение в базе: {what}",
            ),
            IsEncrypted { path } => say!(lang, "{path} is encrypted", "база {path} зашифрована"),
            NotEncrypted { path } => say!(
                lang,
                "{path} is not encrypted (a training database)",
                "база {path} не зашифрована (учебная база)",
            ),
            WrongPassphrase { path } => say!(
                lang,
                "wrong passphrase for {path} (or the file is damaged); nothing was changed, try again",
                "неверный пароль базы {path} (или файл повреждён); ничего не изменено, попробуйте ещё раз",
            ),
            EmptyPassphrase => say!(
                lang,
                "the passphrase is empty; type at least one character",
                "пароль пуст; введите хотя бы один символ",
            ),
            NoLeadPin => say!(
                lang,
                "this database has no lead PIN, so it was not made whole by sigdesk (a creation cut short, or a changed file); restore it from a backup",
                "у этой базы нет ПИН старшего: её создание sigdesk не завершилось или файл изменён; восстановите её из резервной копии",
            ),
            BadLeadPin => say!(
                lang,
                "the lead PIN must be 4 to 8 digits",
                "ПИН старшего — от 4 до 8 цифр",
            ),
            InUse { path } => say!(
                lang,
                "{path} is open in another sigdesk (a desk, door or board); close them all and try again",
                "база {path} открыта в другом sigdesk (стол, вход или табло); закройте их все и повторите",
            ),
            NoBackupDir => say!(
                lang,
                "no backup folder is set; set one with `sigdesk campaign set backup_dir /absolute/path`",
                "папка для копий не задана; задайте её: `sigdesk campaign set backup_dir /полный/путь`",
            ),
            FileChanged { path, change } => {
                let file = if *change == FileChange::Wal {
                    format!("{path}-wal")
                } else {
                    path.clone()
                };
                say!(
                    lang,
                    "{file} was deleted or replaced while sigdesk had it open; nothing was saved. Quit every sigdesk and restore the database (see the desk's alarm, or the latest backup)",
                    "файл {file} удалён или заменён, пока sigdesk работал с ним; ничего не сохранено. Закройте все sigdesk и восстановите базу (см. тревогу на столе или последнюю резервную копию)",
                )
            }
            Sqlite(what) => say!(lang, "database error: {what}", "ошибка базы: {what}"),
        }
    }
}

/// The failure as the command line prints it: the screen's words, and for a failure that
/// a flag or variable fixes, which one.
#[derive(Debug, Clone, Copy)]
pub struct OnCommandLine<'a>(pub &'a DbFailure);

impl Phrase for OnCommandLine<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use DbFailure::*;
        let advice = match self.0 {
            NotADatabase { .. } | NoDatabase { .. } | Foreign { .. } => {
                say!(lang, "; check the --db path", "; проверьте путь --db")
            }
            IsEncrypted { .. } => say!(
                lang,
                "; open it without --no-encrypt and give its passphrase (SIGDESK_PASSPHRASE, --passphrase-file or the terminal)",
                "; откройте её без --no-encrypt и дайте пароль (SIGDESK_PASSPHRASE, --passphrase-file или терминал)",
            ),
            NotEncrypted { path } => say!(
                lang,
                "; open it with --no-encrypt, or encrypt it with `sigdesk --db {path} encrypt`",
                "; откройте её с --no-encrypt или зашифруйте: `sigdesk --db {path} encrypt`",
            ),
            NotAFile { .. }
            | CannotOpen { .. }
            | Busy
            | TooNew { .. }
            | DuplicateDocument(_)
            | NoSuchEntry(_)
            | RegionChange { .. }
            | AlreadyVoided
            | Damaged(_)
            | WrongPassphrase { .. }
            | EmptyPassphrase
            | NoLeadPin
            | BadLeadPin
            | InUse { .. }
            | NoBackupDir
            | FileChanged { .. }
            | Sqlite(_) => return self.0.say(lang),
        };
        Cow::Owned(self.0.say(lang).into_owned() + &advice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    /// One of each variant.
    fn samples() -> Vec<DbFailure> {
        use DbFailure::*;
        let path = || "/srv/point.db".to_string();
        let first = EntrySummary {
            id: "e1".into(),
            origin: "point-1".into(),
            sheet: 3,
            line: 7,
            desk: "12".into(),
            entered_at: Utc.timestamp_opt(0, 0).single().unwrap_or_default(),
        };
        let all = vec![
            NotADatabase { path: path() },
            Foreign { path: path() },
            NoDatabase { path: path() },
            CannotOpen {
                path: path(),
                reason: "unable to open database file".into(),
            },
            Busy,
            TooNew {
                found: 9,
                supported: 8,
            },
            DuplicateDocument(first),
            NoSuchEntry("e9".into()),
            RegionChange {
                sheet_region: "77".into(),
            },
            AlreadyVoided,
            Damaged("status `x`".into()),
            IsEncrypted { path: path() },
            NotEncrypted { path: path() },
            WrongPassphrase { path: path() },
            EmptyPassphrase,
            NoLeadPin,
            BadLeadPin,
            InUse { path: path() },
            NoBackupDir,
            FileChanged {
                path: path(),
                change: FileChange::Wal,
            },
            Sqlite("disk I/O error".into()),
        ];
        all
    }

    #[test]
    fn every_failure_is_said_in_both_languages() {
        let samples = samples();
        assert_eq!(samples.len(), 21, "one sample per variant");
        for failure in samples {
            let (en, ru) = (Lang::En.t(&failure), Lang::Ru.t(&failure));
            assert_ne!(en, ru, "{failure:?} is not translated");
            assert!(
                ru.chars().any(|c| ('а'..='я').contains(&c)),
                "{failure:?}: {ru}"
            );
            for lang in [Lang::En, Lang::Ru] {
                let cli = lang.t(OnCommandLine(&failure));
                assert!(cli.starts_with(&*lang.t(&failure)), "{cli}");
            }
        }
    }

    #[test]
    fn command_line_advice_stays_off_the_screen() {
        let missing = DbFailure::NoDatabase {
            path: "s.db".into(),
        };
        assert_eq!(Lang::En.t(&missing), "there is no database at s.db");
        assert_eq!(
            Lang::En.t(OnCommandLine(&missing)),
            "there is no database at s.db; check the --db path"
        );
        let plain = DbFailure::NotEncrypted {
            path: "s.db".into(),
        };
        assert!(!Lang::Ru.t(&plain).contains("--no-encrypt"));
        assert!(Lang::Ru.t(OnCommandLine(&plain)).contains("--no-encrypt"));
    }
}
