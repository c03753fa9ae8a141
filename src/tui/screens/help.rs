//! The help overlay: every key of DESIGN.md §6 that works in this version.

use crate::i18n::Text;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Key, English, Russian.
const KEYS: [(&str, &str, &str); 15] = [
    ("F2 / Alt-1", "desk form", "форма ввода"),
    ("F4 / Alt-3", "entries of this desk", "записи этого стола"),
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
    ("Enter (entries)", "edit the entry", "править запись"),
    (
        "v (entries)",
        "void the entry with a reason",
        "аннулировать с причиной",
    ),
    ("F1", "this help", "эта справка"),
    ("Ctrl-Q", "quit", "выход"),
    (
        "",
        "any key closes this help",
        "любая клавиша закрывает справку",
    ),
];

/// Draws the help box over the screen.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(KEYS.len() as u16 + 2),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, boxed, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(72),
        Constraint::Fill(1),
    ])
    .areas(middle);
    let lines: Vec<String> = KEYS
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
