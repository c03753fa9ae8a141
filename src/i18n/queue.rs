//! Strings of the queue, the door and the ticket line of the desk.

use super::{Lang, Phrase};
use crate::domain::queue::{QueueFigures, ticket_label};
use std::borrow::Cow;

/// What the queue and door screens say.
#[derive(Debug, Clone, Copy)]
pub enum QueueText<'a> {
    /// Door screen title.
    DoorTitle,
    /// Queue screen title.
    QueueTitle,
    /// Label above the number just issued.
    YourNumber,
    /// Nothing issued yet at this door.
    NoneIssued,
    /// Label of the waiting count.
    Waiting,
    /// Label of the estimated wait.
    Eta,
    /// No estimate possible yet.
    NoEstimate,
    /// The expected wait of a newcomer: none when nobody waits, `~12 min`, `< 1 min`, or
    /// not known yet.
    ExpectedWait {
        /// People waiting.
        waiting: u32,
        /// The estimate, seconds.
        eta_secs: Option<u32>,
    },
    /// Title of the recently called list.
    Called,
    /// Nobody called yet today.
    NoneCalled,
    /// Label of the longest current wait.
    LongestWait,
    /// Label of the median wait.
    MedianWait,
    /// Label of the average service time.
    ServiceTime,
    /// Label of the active desks.
    ActiveDesks,
    /// Label of the served-per-hour figure.
    ServedPerHour,
    /// Label of the no-show rate.
    NoShowRate,
    /// Label of today's issued/served/left counts.
    Today,
    /// Today's issued, served, no-show and left counts: the queue screen's line
    /// (`labelled` with "Today"), or the bare counts of `sigdesk stats`.
    TodayCounts {
        /// The figures.
        figures: &'a QueueFigures,
        /// With the "Today" label in front.
        labelled: bool,
    },
    /// Title of the arrivals/served chart.
    Chart,
    /// Title of the desks table.
    Desks,
    /// Header of the queue screen's desks table.
    DesksHeader,
    /// Title of the ticket list.
    Tickets,
    /// Nobody is waiting (not an error).
    NobodyWaiting,
    /// Ctrl-N with a signer still on the form.
    SaveFirst,
    /// Prompt for the number of a person who left.
    LeavingPrompt,
    /// Desk has no ticket.
    NoTicket,
    /// Status shown in the ticket list.
    StatusWaiting,
    /// Status shown in the ticket list.
    StatusRecalled,
    /// Status shown in the ticket list.
    StatusNoShow,
    /// Status shown in the ticket list.
    StatusServing,
    /// Nothing to recall or mark on the selected row.
    NothingSelected,
    /// A wait or service time: "< 1 min", "12 min", "2 h 05 min".
    Duration(u32),
    /// After a call: what happened to the previous ticket, and the one called now.
    CalledNext {
        /// The previous ticket and whether it was served (false: no-show).
        finished: Option<(u32, bool)>,
        /// The ticket called, `None` when nobody waits.
        called: Option<u32>,
    },
    /// The door issued this ticket (how many wait is on the screen, always current).
    Issued(u32),
    /// The door's undo: taken back (`done`), or already called.
    Undone {
        /// The ticket.
        number: u32,
        /// Whether it was taken back.
        done: bool,
    },
    /// Undo asked for too late.
    UndoTooLate(u32),
    /// A recall (`recall`) or walkout was done, or could not be.
    Moved {
        /// A recall (else a walkout).
        recall: bool,
        /// The ticket.
        number: u32,
        /// Whether it was done.
        done: bool,
    },
    /// A typed ticket number that is not a number.
    NotATicket(&'a str),
    /// The desk's ticket on the top line: "ticket 017".
    TicketOnTop(Option<u32>),
    /// The queue length on the top line: "5 waiting".
    WaitingOnTop(u32),
}

impl Phrase for QueueText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use QueueText::*;
        match *self {
            DoorTitle => say!(lang, "Door", "Вход"),
            QueueTitle => say!(lang, "Queue", "Очередь"),
            YourNumber => say!(lang, "Your number", "Ваш номер"),
            NoneIssued => say!(lang, "Space: the next number", "Пробел — следующий номер",),
            Waiting => say!(lang, "Waiting", "Ждут"),
            Eta => say!(lang, "Expected wait", "Ожидание"),
            NoEstimate => say!(lang, "not known yet", "пока неизвестно"),
            ExpectedWait {
                waiting: 0,
                eta_secs: _,
            } => say!(lang, "none, nobody waits", "нет, никто не ждёт"),
            ExpectedWait {
                eta_secs: None,
                waiting: _,
            } => NoEstimate.say(lang),
            ExpectedWait {
                eta_secs: Some(secs),
                waiting: _,
            } if secs < 60 => Duration(secs).say(lang),
            ExpectedWait {
                eta_secs: Some(secs),
                waiting: _,
            } => Cow::Owned(format!("~{}", Duration(secs).say(lang))),
            Called => say!(lang, "Called", "Вызваны"),
            NoneCalled => say!(lang, "Nobody called yet", "Пока никого не вызвали"),
            LongestWait => say!(lang, "Longest wait", "Дольше всех ждёт"),
            MedianWait => say!(lang, "Median wait (1 h)", "Медиана ожидания (1 ч)"),
            ServiceTime => say!(lang, "Service time (30 min)", "Время приёма (30 мин)"),
            ActiveDesks => say!(lang, "Active desks", "Работают столов"),
            ServedPerHour => say!(lang, "Served last hour", "Принято за час"),
            NoShowRate => say!(lang, "No-show rate", "Не подошли"),
            Today => say!(lang, "Today", "Сегодня"),
            TodayCounts {
                figures: q,
                labelled,
            } => {
                let (i, s, n, l) = (
                    q.issued_today,
                    q.served_today,
                    q.no_shows_today,
                    q.left_today,
                );
                if !labelled {
                    return say!(
                        lang,
                        "{i} issued · {s} served · {n} no-show · {l} left",
                        "{i} выдано · {s} принято · {n} не подошли · {l} ушли",
                    );
                }
                let label = Today.say(lang);
                say!(
                    lang,
                    " {label}: {i} issued · {s} served · {n} no-show · {l} left",
                    " {label}: выдано {i} · принято {s} · не подошли {n} · ушли {l}",
                )
            }
            Chart => say!(
                lang,
                "Arrivals (yellow) and served (green) per 10 min",
                "Пришли (жёлтые) и приняты (зелёные) за 10 мин",
            ),
            Desks => say!(lang, "Desks", "Столы"),
            DesksHeader => say!(
                lang,
                " desk      ticket served per person",
                " стол       талон принято на чел.",
            ),
            Tickets => say!(lang, "Tickets", "Талоны"),
            NobodyWaiting => say!(lang, "Nobody waiting", "Никто не ждёт"),
            SaveFirst => say!(
                lang,
                "A signer is on the form: save (Ctrl-S) or clear (Esc), then call the next",
                "В форме подписант: сохраните (Ctrl-S) или очистите (Esc), потом вызывайте",
            ),
            LeavingPrompt => say!(lang, "Number of the person who left: ", "Номер ушедшего: "),
            NoTicket => say!(lang, "no ticket", "нет талона"),
            StatusWaiting => say!(lang, "waiting", "ждёт"),
            StatusRecalled => say!(lang, "recalled", "возвращён"),
            StatusNoShow => say!(lang, "no-show", "не подошёл"),
            StatusServing => say!(lang, "at desk", "у стола"),
            NothingSelected => say!(
                lang,
                "Select a waiting ticket (l) or a no-show (r) first",
                "Сначала выберите ждущий талон (l) или неподошедший (r)",
            ),
            Duration(secs) => {
                let minutes = secs / 60;
                match (minutes / 60, minutes % 60) {
                    (0, 0) => say!(lang, "< 1 min", "< 1 мин"),
                    (0, m) => say!(lang, "{m} min", "{m} мин"),
                    (h, m) => say!(lang, "{h} h {m:02} min", "{h} ч {m:02} мин"),
                }
            }
            CalledNext { finished, called } => {
                let before = match finished {
                    Some((n, true)) => say!(lang, "{} done · ", "{} принят · ", ticket_label(n)),
                    Some((n, false)) => {
                        say!(lang, "{} no-show · ", "{} не подошёл · ", ticket_label(n))
                    }
                    None => Cow::Borrowed(""),
                };
                let after = match called {
                    Some(n) => say!(lang, "now serving {}", "вызван {}", ticket_label(n)),
                    None => NobodyWaiting.say(lang),
                };
                Cow::Owned(before.into_owned() + &after)
            }
            Issued(number) => say!(
                lang,
                "Ticket {} issued",
                "Выдан талон {}",
                ticket_label(number),
            ),
            Undone { number, done: true } => say!(
                lang,
                "Ticket {} taken back; it will be issued again",
                "Талон {} отменён; номер выдадут снова",
                ticket_label(number),
            ),
            Undone {
                number,
                done: false,
            } => say!(
                lang,
                "Ticket {} was already called and cannot be undone",
                "Талон {} уже вызван, отменить нельзя",
                ticket_label(number),
            ),
            UndoTooLate(number) => say!(
                lang,
                "Too late to undo ticket {} (more than 30 s ago); mark it as left with l instead",
                "Отменить талон {} уже нельзя (прошло больше 30 с); отметьте «ушёл» клавишей l",
                ticket_label(number),
            ),
            Moved {
                recall,
                number,
                done,
            } => moved(lang, recall, &ticket_label(number), done),
            NotATicket(typed) => say!(
                lang,
                "`{typed}` is not a ticket number; type the digits on the ticket, e.g. 17",
                "`{typed}` — не номер талона; введите цифры с талона, например 17",
            ),
            TicketOnTop(Some(n)) => say!(lang, "ticket {}", "талон {}", ticket_label(n)),
            TicketOnTop(None) => NoTicket.say(lang),
            WaitingOnTop(waiting) => say!(lang, "{waiting} waiting", "ждут {waiting}"),
        }
    }
}

/// A recall or walkout of ticket `n`, done or not.
fn moved(lang: Lang, recall: bool, n: &str, done: bool) -> Cow<'static, str> {
    match (recall, done) {
        (true, true) => say!(
            lang,
            "Ticket {n} recalled: it is called next",
            "Талон {n} возвращён: его вызовут следующим",
        ),
        (true, false) => say!(
            lang,
            "Ticket {n} is not a no-show any more; nothing changed",
            "Талон {n} уже не «не подошёл»; ничего не изменено",
        ),
        (false, true) => say!(lang, "Ticket {n} marked as left", "Талон {n} отмечен: ушёл"),
        (false, false) => say!(
            lang,
            "Ticket {n} is not waiting today; only a waiting ticket can be marked as left",
            "Талон {n} сегодня не ждёт; «ушёл» можно отметить только ждущему",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_whole_minutes() {
        let rows = [
            (0, "< 1 min", "< 1 мин"),
            (59, "< 1 min", "< 1 мин"),
            (60, "1 min", "1 мин"),
            (239, "3 min", "3 мин"),
            (240, "4 min", "4 мин"),
            (3599, "59 min", "59 мин"),
            (3600, "1 h 00 min", "1 ч 00 мин"),
            (3900, "1 h 05 min", "1 ч 05 мин"),
            (36_000 + 43 * 60, "10 h 43 min", "10 ч 43 мин"),
            (u32::MAX, "1193046 h 28 min", "1193046 ч 28 мин"),
        ];
        for (secs, en, ru) in rows {
            assert_eq!(Lang::En.t(QueueText::Duration(secs)), en, "{secs}");
            assert_eq!(Lang::Ru.t(QueueText::Duration(secs)), ru, "{secs}");
        }
    }
}
