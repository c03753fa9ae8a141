//! Where keys work and what the keys are called, as the key bar, the help overlay and the
//! full list of keys write them, and the help overlay's notes on a screen.

use super::{Lang, Phrase};
use crate::domain::KeyScope;
use std::borrow::Cow;

/// Where a key works, as the full list of keys (README's keys table) names it: scopes
/// that differ only in when they are active share a name.
impl Phrase for KeyScope {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use KeyScope::*;
        match self {
            Alarm => say!(lang, "database alarm", "тревога о файле базы"),
            TooSmall => say!(lang, "terminal under 80×24", "терминал меньше 80×24"),
            WriteOn => say!(lang, "write-on warning", "предупреждение «пишите на»"),
            Lock => say!(lang, "locked screen", "экран заблокирован"),
            LeadPin => say!(lang, "lead PIN prompt", "запрос PIN руководителя"),
            Question | QuestionRu => say!(lang, "yes/no question", "вопрос да/нет"),
            HelpOpen => say!(lang, "help", "справка"),
            SignIn => say!(lang, "sign-in", "начало работы"),
            Form => say!(lang, "form", "форма"),
            Suggestions => say!(lang, "region suggestions", "подсказки региона"),
            DocKind => say!(lang, "document kind", "вид документа"),
            Entries => say!(lang, "entries", "записи"),
            VoidReason => say!(lang, "void reason", "причина аннулирования"),
            Queue => say!(lang, "queue", "очередь"),
            Door => say!(lang, "door", "вход (талоны)"),
            Walkout => say!(lang, "walkout number", "номер ушедшего"),
            Notice => say!(lang, "notice to signers", "памятка"),
            Board => say!(lang, "board", "табло"),
            Paper => say!(lang, "paper check", "проверка бумаги"),
            PaperNote => say!(lang, "finding note", "заметка к находке"),
            Calling => say!(lang, "form, entries, queue", "форма, записи, очередь"),
            Screens | PersonalScreens | Session => {
                say!(lang, "any, after sign-in", "везде после входа")
            }
            Anywhere => say!(lang, "any", "везде"),
        }
    }
}

/// Names of keys as the key bar and the help write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyName {
    /// The space bar.
    Space,
    /// Whatever key is pressed.
    AnyKey,
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift and Tab.
    BackTab,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Ctrl and a letter.
    Ctrl(char),
    /// Alt and a key.
    Alt(char),
    /// A function key.
    F(u8),
}

impl Phrase for KeyName {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use KeyName::*;
        match *self {
            Space => say!(lang, "Space", "Пробел"),
            AnyKey => say!(lang, "any key", "любая клавиша"),
            Enter => say!(lang, "Enter", "Enter"),
            Esc => say!(lang, "Esc", "Esc"),
            Tab => say!(lang, "Tab", "Tab"),
            BackTab => say!(lang, "Shift-Tab", "Shift-Tab"),
            Up => say!(lang, "↑", "↑"),
            Down => say!(lang, "↓", "↓"),
            Left => say!(lang, "←", "←"),
            Right => say!(lang, "→", "→"),
            PageUp => say!(lang, "PgUp", "PgUp"),
            PageDown => say!(lang, "PgDn", "PgDn"),
            Home => say!(lang, "Home", "Home"),
            End => say!(lang, "End", "End"),
            Backspace => say!(lang, "Backspace", "Backspace"),
            Delete => say!(lang, "Del", "Del"),
            Ctrl(c) => say!(lang, "Ctrl-{}", "Ctrl-{}", c.to_ascii_uppercase()),
            Alt(c) => say!(lang, "Alt-{c}", "Alt-{c}"),
            F(n) => say!(lang, "F{n}", "F{n}"),
        }
    }
}

/// Lines of the help overlay that describe a screen rather than a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpNote {
    /// A saved line is linked to the desk's current ticket.
    TicketLink,
    /// Letter keys work in either keyboard layout.
    EitherLayout,
    /// The board refreshes by itself.
    BoardRefresh,
    /// The board shows no personal data.
    BoardNoPersonalData,
    /// The paper check records one finding per line.
    PaperOneFinding,
}

impl Phrase for HelpNote {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            HelpNote::TicketLink => say!(
                lang,
                "a saved line links to the desk's current ticket",
                "сохранённая строка связана с текущим талоном",
            ),
            HelpNote::EitherLayout => say!(
                lang,
                "letter keys work in either keyboard layout (a = ф)",
                "буквы работают в любой раскладке (a = ф)",
            ),
            HelpNote::BoardRefresh => say!(
                lang,
                "figures refresh whenever a desk or the door saves",
                "цифры обновляются после каждой записи столов и входа",
            ),
            HelpNote::BoardNoPersonalData => say!(
                lang,
                "no personal data: counts, desks, regions, rule codes",
                "без персональных данных: счёт, столы, регионы, правила",
            ),
            HelpNote::PaperOneFinding => say!(
                lang,
                "one key per line: ok, or the finding that sinks it",
                "одна клавиша на строку: верно или главный дефект",
            ),
        }
    }
}
