//! The door: the number just issued, how many wait and for how long, and the last
//! tickets called with the desk each went to, all large enough to read in a noisy line.

use super::chrome;
use crate::domain::queue::{TicketStatus, ticket_label};
use crate::i18n::QueueText;
use crate::tui::model::Model;
use crate::tui::widgets::big_text::{
    NUMBER_ROWS, NUMBER_SIZES, big, cell_size, drawable, fitting, render_centred,
};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph};
use tui_big_text::PixelSize;

/// Width of the left column (issued number, waiting, ETA).
const LEFT_WIDTH: u16 = 36;

/// Draws the door screen.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Length(LEFT_WIDTH), Constraint::Fill(1)]).areas(main);
    render_issued(f, left, model);
    render_called(f, right, model);
    chrome::status_line(f, status, model);
    if let Some(notice) = &model.door.notice {
        render_notice(f, main, notice);
    }
}

/// The notice to signers over the door screen, for a person to read before signing.
fn render_notice(f: &mut Frame, area: Rect, notice: &str) {
    let text: Vec<Line> = notice
        .lines()
        .map(|l| {
            let plain = l.replace("**", "");
            if l.starts_with('#') {
                Line::styled(
                    plain.trim_start_matches('#').trim().to_string(),
                    Style::default().add_modifier(Modifier::BOLD),
                )
            } else {
                Line::from(plain)
            }
        })
        .collect();
    f.render_widget(ratatui::widgets::Clear, area);
    f.render_widget(
        Paragraph::new(text)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .padding(Padding::horizontal(1)),
            ),
        area,
    );
}

fn render_issued(f: &mut Frame, area: Rect, model: &Model) {
    let lang = model.lang;
    let inner = super::framed(f, area, lang, QueueText::DoorTitle);
    let waiting = model.queue.figures.waiting;
    let eta = lang.t(QueueText::ExpectedWait {
        waiting,
        eta_secs: model.queue.figures.eta_secs,
    });
    let [
        label,
        number,
        _,
        waiting_label,
        waiting_digits,
        eta_line,
        _,
        prompt,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(8),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(NUMBER_ROWS),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    match &model.door.last_issued {
        Some(ticket) => {
            f.render_widget(
                Paragraph::new(lang.t(QueueText::YourNumber)).style(bold),
                label,
            );
            let text = ticket.label();
            let size = fitting(3, number.width, number.height, &[PixelSize::Full])
                .unwrap_or(PixelSize::HalfHeight);
            f.render_widget(big(&text, size, Style::default().fg(Color::Yellow)), number);
        }
        None => f.render_widget(
            Paragraph::new(lang.t(QueueText::NoneIssued)).style(bold),
            label,
        ),
    }
    f.render_widget(
        Paragraph::new(lang.t(QueueText::Waiting)).style(bold),
        waiting_label,
    );
    let style = Style::default().fg(Color::Cyan);
    render_centred(
        f,
        waiting_digits,
        &waiting.to_string(),
        &NUMBER_SIZES,
        style,
    );
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{}: ", lang.t(QueueText::Eta)), bold),
            Span::raw(eta),
        ])),
        eta_line,
    );
    if let Some(typed) = &model.door.leaving {
        f.render_widget(
            Paragraph::new(format!(
                "{}{}▏",
                lang.t(QueueText::LeavingPrompt),
                typed.value()
            ))
            .style(Style::default().fg(Color::Black).bg(Color::Yellow)),
            prompt,
        );
    }
}

fn render_called(f: &mut Frame, area: Rect, model: &Model) {
    let lang = model.lang;
    let inner = super::framed(f, area, lang, QueueText::Called);
    let calls = &model.queue.recent_calls;
    if calls.is_empty() {
        f.render_widget(Paragraph::new(lang.t(QueueText::NoneCalled)), inner);
        return;
    }
    // Four rows a call while they fit; the rest as one plain line each.
    let big_rows = (inner.height / 4) as usize;
    let mut y = inner.y;
    for (i, (number, desk, status)) in calls.iter().cloned().enumerate() {
        let style = match status {
            TicketStatus::Serving if i == 0 => Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            TicketStatus::Serving => Style::default().fg(Color::White),
            _ => Style::default().fg(Color::DarkGray),
        };
        let height = if i < big_rows { 4 } else { 1 };
        if y + height > inner.bottom() {
            break;
        }
        let row = Rect::new(inner.x, y, inner.width, height);
        y += height;
        if height == 1 {
            let text = format!("{} → {desk}", ticket_label(number));
            f.render_widget(Paragraph::new(text).style(style), row);
            continue;
        }
        let chars = desk.chars().count() as u16;
        // Wider letters when the whole call fits in them.
        let size = if drawable(&desk) {
            fitting(
                chars + 3,
                row.width.saturating_sub(3),
                4,
                &[PixelSize::HalfHeight],
            )
        } else {
            None
        }
        .unwrap_or(PixelSize::Quadrant);
        let number_width = 3 * cell_size(size).0;
        let [num, arrow, name] = Layout::horizontal([
            Constraint::Length(number_width),
            Constraint::Length(3),
            Constraint::Fill(1),
        ])
        .areas(row);
        f.render_widget(big(&ticket_label(number), size, style), num);
        let middle = |r: Rect| Rect::new(r.x, r.y + 1, r.width, 1);
        f.render_widget(Paragraph::new(" →").style(style), middle(arrow));
        match fitting(chars, name.width, name.height, &[size]) {
            Some(size) if drawable(&desk) => f.render_widget(big(&desk, size, style), name),
            _ => f.render_widget(
                Paragraph::new(desk).style(style.add_modifier(Modifier::BOLD)),
                middle(name),
            ),
        }
    }
}
