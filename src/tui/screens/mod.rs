//! Pure render functions: each takes `&Model` and an area and draws. No queries, no clock.

pub mod board;
pub mod chrome;
pub mod desk;
pub mod door;
pub mod entries;
pub mod guard;
pub mod help;
pub mod lock;
pub mod paper;
pub mod queue;
pub mod signin;

use super::model::{Model, Screen};
use crate::domain::visible::is_unsafe;
use crate::i18n::{Lang, Phrase, Text};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};

/// Smallest terminal every screen fits.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Draws the whole app for the current model, then makes sure no cell holds a character
/// that could drive the terminal (DESIGN.md §7; ratatui already drops most of them).
pub fn render(f: &mut Frame, model: &Model) {
    draw(f, model);
    scrub(f.buffer_mut());
}

/// Replaces every cell whose symbol holds a control or bidi character with `�`.
pub(super) fn scrub(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(is_unsafe) {
            cell.set_symbol("\u{FFFD}");
        }
    }
}

fn draw(f: &mut Frame, model: &Model) {
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        render_too_small(f, area, model);
        return;
    }
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::top_bar(f, top, model);
    if model.alarm.is_some() {
        guard::render_alarm(f, body, model);
        chrome::bottom_bar(f, bottom, model);
        return;
    }
    if model.lock.is_some() {
        lock::render(f, body, model);
        chrome::bottom_bar(f, bottom, model);
        return;
    }
    match model.screen {
        Screen::SignIn => signin::render(f, body, model),
        Screen::Desk => desk::render(f, body, model),
        Screen::Entries => entries::render(f, body, model),
        Screen::Queue => queue::render(f, body, model),
        Screen::Door => door::render(f, body, model),
        Screen::Board => board::render(f, body, model),
        Screen::Paper => paper::render(f, body, model),
    }
    chrome::bottom_bar(f, bottom, model);
    if model.help {
        help::render(f, area, model);
    }
    guard::render_write_on(f, body, model);
}

/// The notice of a terminal too small for every screen: its size, and the keys that still
/// act (quitting, and the answer to the question quitting may ask).
fn render_too_small(f: &mut Frame, area: Rect, model: &Model) {
    let keys = chrome::bar_text(model, &crate::tui::keys::too_small_scopes(model));
    let notice = format!(
        "{}\n{}×{}\n\n{}",
        model.lang.t(Text::TooSmall),
        area.width,
        area.height,
        keys.trim(),
    );
    let middle = centred(area, area.width, 6);
    f.render_widget(
        Paragraph::new(notice)
            .alignment(Alignment::Center)
            .wrap(ratatui::widgets::Wrap { trim: true }),
        middle,
    );
}

/// A bordered block titled ` title ` in the operator's language.
pub fn titled(lang: Lang, title: impl Phrase) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", lang.t(title)))
}

/// Draws a [`titled`] box over `area` and returns the area inside it.
pub fn framed(f: &mut Frame, area: Rect, lang: Lang, title: impl Phrase) -> Rect {
    let block = titled(lang, title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}

/// A form field's label padded to `width`, marked `▶` and bold cyan when it has the cursor
/// (the sign-in and desk forms).
pub fn field_label(text: &str, width: usize, focused: bool) -> Span<'static> {
    let (marker, style) = if focused {
        (
            "▶",
            Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
        )
    } else {
        (" ", Style::default())
    };
    let pad = width.saturating_sub(1);
    Span::styled(format!("{marker}{text:<pad$}"), style)
}

/// The widths a `Table` with these column `widths` gives its columns inside `area`
/// (column spacing 1, laid out from the start), so free text can be cut with `…`.
pub fn column_room(area: Rect, widths: &[Constraint]) -> Vec<usize> {
    Layout::horizontal(widths.iter().copied())
        .flex(Flex::Start)
        .spacing(1)
        .split(area)
        .iter()
        .map(|column| usize::from(column.width))
        .collect()
}

/// `text` cut to `width` characters, its last one `…` when it was longer.
pub fn ellipsized(text: String, width: usize) -> String {
    if text.chars().count() <= width {
        return text;
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    kept + "…"
}

/// `lines` inside `block`, padded one column each side, long lines wrapped (the lock box,
/// the alarm and the write-on warning).
fn boxed_text<'a>(lines: Vec<Line<'a>>, block: Block<'a>) -> Paragraph<'a> {
    Paragraph::new(lines)
        .block(block.padding(Padding::horizontal(1)))
        .wrap(Wrap { trim: false })
}

/// A box `width` × `height` in the middle of `area` (the sign-in, lock and help boxes).
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, boxed, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width),
        Constraint::Fill(1),
    ])
    .areas(middle);
    boxed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_cell_keeps_a_terminal_control() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 1));
        for (x, symbol) in ["\u{1b}", "\u{202e}", "\u{9b}", "я"]
            .into_iter()
            .enumerate()
        {
            if let Some(cell) = buffer.cell_mut((x as u16, 0)) {
                cell.set_symbol(symbol);
            }
        }
        scrub(&mut buffer);
        let shown: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(shown, "\u{FFFD}\u{FFFD}\u{FFFD}я");
    }
}
