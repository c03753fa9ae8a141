//! The help overlay: every key of DESIGN.md §6 that works in this version.

use crate::i18n::Text;
use crate::tui::model::{Model, Screen};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Key, English, Russian.
type KeyHelp = (&'static str, &'static str, &'static str);

/// Keys that work on every screen.
const COMMON: [KeyHelp; 5] = [
    (
        "F2 F3 F4 F5 F6",
        "form · queue · entries · board · door (or Alt-1 … 5)",
        "форма · очередь · записи · табло · вход (или Alt-1 … 5)",
    ),
    (
        "Ctrl-N",
        "current ticket done, call the next",
        "талон принят, вызвать следующего",
    ),
    (
        "Ctrl-U",
        "current ticket did not come, call the next",
        "талон не подошёл, вызвать следующего",
    ),
    ("F1", "this help", "эта справка"),
    ("Ctrl-Q", "quit", "выход"),
];

/// Keys of the desk form.
const FORM: [KeyHelp; 9] = [
    (
        "Tab Enter ↓",
        "next field (Enter on the last saves)",
        "следующее поле (Enter в последнем — сохранить)",
    ),
    ("Shift-Tab ↑", "previous field", "предыдущее поле"),
    (
        "↑ ↓ Enter",
        "region suggestions: move, accept",
        "подсказки региона: выбор",
    ),
    (
        "Space ← →",
        "change the document kind",
        "сменить вид документа",
    ),
    (
        "Ctrl-S",
        "save (twice when there are warnings)",
        "сохранить (дважды при предупреждениях)",
    ),
    (
        "Ctrl-T",
        "accept the keyboard-layout fix",
        "принять исправление раскладки",
    ),
    (
        "Ctrl-O",
        "open the earlier entry of a duplicate",
        "открыть прежнюю запись дубля",
    ),
    (
        "Esc",
        "close list / clear message / clear form",
        "закрыть список / сообщение / очистить",
    ),
    (
        "",
        "a saved line links to the desk's current ticket",
        "сохранённая строка связана с текущим талоном",
    ),
];

/// Keys of the entries list.
const ENTRIES: [KeyHelp; 3] = [
    ("↑ ↓ PgUp PgDn", "move", "выбор"),
    ("Enter", "edit the entry", "править запись"),
    (
        "v",
        "void the entry with a reason",
        "аннулировать с причиной",
    ),
];

/// Keys of the queue screen.
const QUEUE: [KeyHelp; 3] = [
    ("↑ ↓", "move in the ticket list", "выбор в списке талонов"),
    (
        "r",
        "recall a no-show to the front of the queue",
        "вернуть неподошедшего в начало очереди",
    ),
    (
        "l",
        "mark a waiting ticket as left (walkout)",
        "отметить, что ждущий ушёл",
    ),
];

/// Keys of the door screen.
const DOOR: [KeyHelp; 4] = [
    (
        "Space Enter",
        "issue the next ticket",
        "выдать следующий талон",
    ),
    (
        "Backspace u",
        "take back the last ticket (within 30 s)",
        "отменить последний талон (в течение 30 с)",
    ),
    (
        "l",
        "type a number: that person left",
        "ввести номер ушедшего",
    ),
    (
        "n",
        "show the notice to signers (any key closes it)",
        "показать памятку подписантам (любая клавиша закрывает)",
    ),
];

/// What the board screen does by itself (it has no keys of its own but Esc).
const BOARD: [KeyHelp; 3] = [
    (
        "",
        "figures refresh whenever a desk or the door saves",
        "цифры обновляются после каждой записи столов и входа",
    ),
    (
        "",
        "no personal data: counts, desks, regions, rule codes",
        "без персональных данных: счёт, столы, регионы, коды правил",
    ),
    (
        "Esc",
        "back to the screen work started on",
        "назад к начальному экрану",
    ),
];

const CLOSE: KeyHelp = (
    "",
    "any key closes this help",
    "любая клавиша закрывает справку",
);

/// The keys of the shown screen, then the common ones.
fn keys(screen: Screen) -> Vec<KeyHelp> {
    let own: &[KeyHelp] = match screen {
        Screen::Desk | Screen::SignIn => &FORM,
        Screen::Entries => &ENTRIES,
        Screen::Queue => &QUEUE,
        Screen::Door => &DOOR,
        Screen::Board => &BOARD,
    };
    own.iter().chain(&COMMON).chain([&CLOSE]).copied().collect()
}

/// Draws the help box over the screen.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let keys = keys(model.screen);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(keys.len() as u16 + 2),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, boxed, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(76),
        Constraint::Fill(1),
    ])
    .areas(middle);
    let lines: Vec<String> = keys
        .iter()
        .map(|(key, en, ru)| format!(" {key:<16}{}", model.lang.pick(en, ru)))
        .collect();
    f.render_widget(Clear, boxed);
    f.render_widget(
        Paragraph::new(lines.join("\n")).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", model.lang.text(Text::HelpTitle))),
        ),
        boxed,
    );
}
