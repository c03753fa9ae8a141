//! Strings of the queue, the door and the ticket line of the desk.

use super::Lang;

/// Fixed strings of the queue and door screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueText {
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
    /// Title of the arrivals/served chart.
    Chart,
    /// Title of the desks table.
    Desks,
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
}

impl QueueText {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use QueueText::*;
        let (en, ru) = match self {
            DoorTitle => ("Door", "Вход"),
            QueueTitle => ("Queue", "Очередь"),
            YourNumber => ("Your number", "Ваш номер"),
            NoneIssued => (
                "Space or Enter gives the next number",
                "Пробел или Enter выдаёт следующий номер",
            ),
            Waiting => ("Waiting", "Ждут"),
            Eta => ("Expected wait", "Ожидание"),
            NoEstimate => ("not known yet", "пока неизвестно"),
            Called => ("Called", "Вызваны"),
            NoneCalled => ("Nobody called yet", "Пока никого не вызвали"),
            LongestWait => ("Longest wait", "Дольше всех ждёт"),
            MedianWait => ("Median wait (1 h)", "Медиана ожидания (1 ч)"),
            ServiceTime => ("Service time (30 min)", "Время приёма (30 мин)"),
            ActiveDesks => ("Active desks", "Работают столов"),
            ServedPerHour => ("Served last hour", "Принято за час"),
            NoShowRate => ("No-show rate", "Не подошли"),
            Today => ("Today", "Сегодня"),
            Chart => (
                "Arrivals (yellow) and served (green) per 10 min",
                "Пришли (жёлтые) и приняты (зелёные) за 10 мин",
            ),
            Desks => ("Desks", "Столы"),
            Tickets => ("Tickets", "Талоны"),
            NobodyWaiting => ("Nobody waiting", "Никто не ждёт"),
            SaveFirst => (
                "A signer is still on the form: save it (Ctrl-S) or clear it (Esc) before calling the next ticket",
                "В форме ещё подписант: сохраните (Ctrl-S) или очистите (Esc), потом вызывайте следующего",
            ),
            LeavingPrompt => ("Number of the person who left: ", "Номер ушедшего: "),
            NoTicket => ("no ticket", "нет талона"),
            StatusWaiting => ("waiting", "ждёт"),
            StatusRecalled => ("recalled", "возвращён"),
            StatusNoShow => ("no-show", "не подошёл"),
            StatusServing => ("at desk", "у стола"),
            NothingSelected => (
                "Select a waiting ticket (l) or a no-show (r) first",
                "Сначала выберите ждущий талон (l) или неподошедший (r)",
            ),
        };
        lang.pick(en, ru)
    }
}

/// "Now serving 017" after a call, with what happened to the previous ticket.
pub fn called(lang: Lang, finished: Option<(u32, bool)>, called: Option<u32>) -> String {
    let before = match finished {
        Some((_, true)) => lang.pick("{n} done · ", "{n} принят · "),
        Some((_, false)) => lang.pick("{n} no-show · ", "{n} не подошёл · "),
        None => "",
    }
    .replace("{n}", &label(finished.map_or(0, |f| f.0)));
    let after = match called {
        Some(n) => lang
            .pick("now serving {n}", "вызван {n}")
            .replace("{n}", &label(n)),
        None => QueueText::NobodyWaiting.text(lang).to_string(),
    };
    before + &after
}

/// "Ticket 017 issued" at the door.
pub fn issued(lang: Lang, number: u32, waiting: u32) -> String {
    lang.pick(
        "Ticket {n} issued · {w} waiting",
        "Выдан талон {n} · ждут {w}",
    )
    .replace("{n}", &label(number))
    .replace("{w}", &waiting.to_string())
}

/// The door's undo: taken back, or already called.
pub fn undone(lang: Lang, number: u32, done: bool) -> String {
    let text = if done {
        lang.pick(
            "Ticket {n} taken back; it will be issued again",
            "Талон {n} отменён; номер выдадут снова",
        )
    } else {
        lang.pick(
            "Ticket {n} was already called and cannot be undone",
            "Талон {n} уже вызван, отменить нельзя",
        )
    };
    text.replace("{n}", &label(number))
}

/// Undo asked for too late.
pub fn undo_too_late(lang: Lang, number: u32) -> String {
    lang.pick(
        "Too late to undo ticket {n} (more than 30 s ago); mark it as left with l instead",
        "Отменить талон {n} уже нельзя (прошло больше 30 с); отметьте «ушёл» клавишей l",
    )
    .replace("{n}", &label(number))
}

/// A recall or walkout was done, or could not be.
pub fn moved(lang: Lang, recall: bool, number: u32, done: bool) -> String {
    let text = match (recall, done) {
        (true, true) => lang.pick(
            "Ticket {n} recalled: it is called next",
            "Талон {n} возвращён: его вызовут следующим",
        ),
        (true, false) => lang.pick(
            "Ticket {n} is not a no-show any more; nothing changed",
            "Талон {n} уже не «не подошёл»; ничего не изменено",
        ),
        (false, true) => lang.pick("Ticket {n} marked as left", "Талон {n} отмечен: ушёл"),
        (false, false) => lang.pick(
            "Ticket {n} is not waiting today; only a waiting ticket can be marked as left",
            "Талон {n} сегодня не ждёт; «ушёл» можно отметить только ждущему",
        ),
    };
    text.replace("{n}", &label(number))
}

/// A typed ticket number that is not a number.
pub fn not_a_ticket(lang: Lang, typed: &str) -> String {
    lang.pick(
        "`{t}` is not a ticket number; type the digits on the ticket, e.g. 17",
        "`{t}` — не номер талона; введите цифры с талона, например 17",
    )
    .replace("{t}", typed)
}

/// The desk's ticket on the top line: "ticket 017".
pub fn ticket_on_top(lang: Lang, number: Option<u32>) -> String {
    match number {
        Some(n) => lang
            .pick("ticket {n}", "талон {n}")
            .replace("{n}", &label(n)),
        None => QueueText::NoTicket.text(lang).to_string(),
    }
}

/// The queue length on the top line: "5 waiting".
pub fn waiting_on_top(lang: Lang, waiting: u32) -> String {
    lang.pick("{w} waiting", "ждут {w}")
        .replace("{w}", &waiting.to_string())
}

fn label(n: u32) -> String {
    crate::domain::queue::ticket_label(n)
}
