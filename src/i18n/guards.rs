//! Words of the guards of issue 12: the audit log's chain, the desk lease, the alarm when
//! the database file is removed or replaced, and the write-on warning.

use super::{Lang, Phrase};
use std::borrow::Cow;

/// A sentence of the guards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuardText<'a> {
    /// The chain holds: how many events, and the last hash (the anchor to write down).
    ChainSound {
        /// Events read.
        events: u64,
        /// Hash of the last event (hex), if any is chained.
        head: Option<&'a str>,
    },
    /// An event's hash does not match.
    ChainMismatch(i64),
    /// An event has no hash after chained ones.
    ChainUnchained(i64),
    /// An append-only trigger is missing or changed.
    TriggerMissing(&'a str),
    /// Sign-in refused: a live process holds the desk name.
    DeskHeld {
        /// Desk name.
        desk: &'a str,
        /// Its process id.
        pid: i64,
        /// Its host.
        host: &'a str,
    },
    /// The database file is gone or replaced: the alarm's title.
    AlarmTitle,
    /// What happened to the database file.
    AlarmWhat {
        /// The database file.
        path: &'a str,
        /// Which file changed: the database, or its write-ahead log.
        wal: bool,
    },
    /// What to do.
    AlarmDo {
        /// Where this process copied what it could still read, if it could.
        rescued: Option<&'a str>,
    },
    /// The desk lost its lease to another process (it was thought gone).
    LeaseLost,
    /// At sign-in: this desk's last session stopped without quitting (killed, power lost)
    /// while a signer was typed, so that signer was not saved.
    SignerLost,
    /// The save landed on another line than the panel showed.
    WriteOn {
        /// Sheet.
        sheet: u32,
        /// Line.
        line: u32,
    },
    /// Under the write-on warning: how to go on.
    WriteOnDismiss,
}

impl Phrase for GuardText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use GuardText::*;
        match self {
            ChainSound { events, head } => match head {
                Some(head) => say!(
                    lang,
                    "audit log: {events} events, chain ok, last hash {head}",
                    "журнал: событий {events}, цепочка цела, последний хеш {head}",
                ),
                None => say!(
                    lang,
                    "audit log: {events} events, none chained yet",
                    "журнал: событий {events}, цепочки ещё нет",
                ),
            },
            ChainMismatch(id) => say!(
                lang,
                "audit log BROKEN at event {id}: its hash does not match (it was changed, or an event before it removed); compare with a backup",
                "журнал НАРУШЕН на событии {id}: хеш не совпадает (событие изменено или удалено предыдущее); сверьте с резервной копией",
            ),
            ChainUnchained(id) => say!(
                lang,
                "audit log BROKEN at event {id}: it has no hash although earlier events have one (added by hand)",
                "журнал НАРУШЕН на событии {id}: у него нет хеша, хотя у предыдущих есть (добавлено вручную)",
            ),
            TriggerMissing(name) => say!(
                lang,
                "audit log BROKEN: the trigger {name} that keeps it append-only is missing or changed",
                "журнал НАРУШЕН: триггер {name}, запрещающий правку журнала, удалён или изменён",
            ),
            DeskHeld { desk, pid, host } => say!(
                lang,
                "desk {desk} is open in another sigdesk (process {pid} on {host}); pick another desk name, or quit that one first",
                "стол {desk} уже открыт в другом sigdesk (процесс {pid} на {host}); выберите другое имя стола или закройте тот",
            ),
            AlarmTitle => say!(
                lang,
                "STOP — THE DATABASE FILE CHANGED",
                "СТОП — ФАЙЛ БАЗЫ ИЗМЕНИЛСЯ",
            ),
            AlarmWhat { path, wal } => {
                if *wal {
                    say!(
                        lang,
                        "The write-ahead log {path}-wal was deleted or replaced while sigdesk had it open. Saving is stopped: new lines would be lost.",
                        "Журнал записи {path}-wal удалён или заменён, пока sigdesk работал с ним. Сохранение остановлено: новые строки были бы потеряны.",
                    )
                } else {
                    say!(
                        lang,
                        "The database {path} was deleted, replaced or cut short while sigdesk had it open. Saving is stopped: new lines would be lost.",
                        "База {path} удалена, заменена или обрезана, пока sigdesk работал с ней. Сохранение остановлено: новые строки были бы потеряны.",
                    )
                }
            }
            AlarmDo { rescued } => match rescued {
                Some(copy) => say!(
                    lang,
                    "Everything this desk could still read was copied to {copy}. Keep the paper sheets, quit every sigdesk (Ctrl-Q), delete the old -wal and -shm files beside the database, then put that copy in the database's place (or restore the latest backup) and check it with `sigdesk verify`.",
                    "Всё, что этот стол ещё мог прочитать, скопировано в {copy}. Сохраните бумажные листы, закройте все sigdesk (Ctrl-Q), удалите старые файлы -wal и -shm рядом с базой, затем положите эту копию на место базы (или восстановите последнюю резервную копию) и проверьте её: `sigdesk verify`.",
                ),
                None => say!(
                    lang,
                    "Keep the paper sheets, quit every sigdesk (Ctrl-Q), delete the old -wal and -shm files beside the database, restore the latest backup in its place and check it with `sigdesk verify`; then enter the lines written since that backup again.",
                    "Сохраните бумажные листы, закройте все sigdesk (Ctrl-Q), удалите старые файлы -wal и -shm рядом с базой, восстановите последнюю резервную копию на её место и проверьте её: `sigdesk verify`; затем внесите строки, записанные после этой копии, заново.",
                ),
            },
            LeaseLost => say!(
                lang,
                "Another sigdesk took this desk's name because this one looked gone (no heartbeat for 30 s). Quit this one: two desks with one name would share sheets.",
                "Другой sigdesk занял имя этого стола, потому что этот не отвечал 30 с. Закройте этот: два стола с одним именем делили бы листы.",
            ),
            SignerLost => say!(
                lang,
                "The last session here stopped uncleanly: its typed signer is lost, ask again",
                "Прошлый сеанс прервался: набранный подписант не сохранён, спросите снова",
            ),
            WriteOn { sheet, line } => say!(
                lang,
                "WRITE ON SHEET {sheet} LINE {line}",
                "ПИШИТЕ НА ЛИСТЕ {sheet}, СТРОКА {line}",
            ),
            WriteOnDismiss => say!(
                lang,
                "The line was saved on another line than the panel showed. Have the signer write on this one. Enter: done",
                "Запись сохранена не на той строке, что была на панели. Пусть подписант пишет на этой. Enter — готово",
            ),
        }
    }
}
