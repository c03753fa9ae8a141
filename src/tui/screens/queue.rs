//! The queue screen: figures, the ticket list (recall no-shows, mark walkouts), desks,
//! and arrivals vs served per 10 minutes.

use super::chrome;
use crate::domain::queue::{QueueFigures, TicketStatus, ticket_label};
use crate::i18n::{QueueFigure, QueueText, queue_time};
use crate::tui::model::Model;
use crate::tui::widgets::queue_chart::QueueChart;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};
use std::borrow::Cow;

/// Height of the figures block.
const FIGURES_HEIGHT: u16 = 7;
/// Height of the chart.
const CHART_HEIGHT: u16 = 6;
/// Width of the desks table.
const DESKS_WIDTH: u16 = 40;

/// Draws the queue screen.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let [figures, middle, chart, status] = Layout::vertical([
        Constraint::Length(FIGURES_HEIGHT),
        Constraint::Fill(1),
        Constraint::Length(CHART_HEIGHT),
        Constraint::Length(1),
    ])
    .areas(area);
    let [tickets, desks] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(DESKS_WIDTH)]).areas(middle);
    let q = &model.queue.figures;
    render_figures(f, figures, model, q);
    render_tickets(f, tickets, model);
    render_desks(f, desks, model, q);
    f.render_widget(
        QueueChart::new(&q.buckets, &model.campaign, model.lang),
        chart,
    );
    chrome::status_line(f, status, model);
}

fn render_figures(f: &mut Frame, area: Rect, model: &Model, q: &QueueFigures) {
    let lang = model.lang;
    let t = |x: QueueText| lang.t(x);
    let inner = super::framed(f, area, lang, QueueText::QueueTitle);
    use QueueFigure::*;
    let pairs = [
        Waiting,
        LongestWait,
        Eta,
        MedianWait,
        ActiveDesks,
        ServiceTime,
        ServedPerHour,
        NoShowRate,
    ]
    .map(|figure| figure.row(lang, q));
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let column = |items: Vec<&(Cow<str>, String)>| -> Vec<Line> {
        items
            .into_iter()
            .map(|(label, value)| {
                Line::from(vec![
                    Span::raw(format!(" {label}: ")),
                    Span::styled(value.clone(), bold),
                ])
            })
            .collect()
    };
    f.render_widget(
        Paragraph::new(column(pairs.iter().step_by(2).collect())),
        left,
    );
    f.render_widget(
        Paragraph::new(column(pairs.iter().skip(1).step_by(2).collect())),
        right,
    );
    let today = t(QueueText::TodayCounts {
        figures: q,
        labelled: true,
    });
    let last = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    f.render_widget(Paragraph::new(today), last);
}

fn render_tickets(f: &mut Frame, area: Rect, model: &Model) {
    let lang = model.lang;
    let rows = model.queue.rows();
    let block = Block::default().borders(Borders::ALL).title(format!(
        " {} ({}) ",
        lang.t(QueueText::Tickets),
        rows.len()
    ));
    let items: Vec<ListItem> = rows
        .iter()
        .map(|t| {
            let (label, style, detail) = match t.status {
                TicketStatus::Waiting if t.called_at.is_some() => (
                    QueueText::StatusRecalled,
                    Style::default().fg(Color::Yellow),
                    String::new(),
                ),
                TicketStatus::Waiting => {
                    (QueueText::StatusWaiting, Style::default(), String::new())
                }
                TicketStatus::NoShow => (
                    QueueText::StatusNoShow,
                    Style::default().fg(Color::Red),
                    String::new(),
                ),
                _ => (
                    QueueText::StatusServing,
                    Style::default().fg(Color::Green),
                    format!(" → {}", t.desk.as_deref().unwrap_or("?")),
                ),
            };
            let since = match t.status {
                TicketStatus::Waiting => Some(t.issued_at),
                _ => t.called_at,
            };
            let wait = since
                .map(|at| (model.now - at).num_seconds().max(0) as u32)
                .map(|s| lang.t(QueueText::Duration(s)))
                .unwrap_or_default();
            ListItem::new(format!(
                " {}  {:<11} {:>10}{detail}",
                ticket_label(t.number),
                lang.t(label),
                wait
            ))
            .style(style)
        })
        .collect();
    let mut state = ListState::default();
    if !rows.is_empty() {
        state.select(Some(model.queue.selected));
    }
    let list = List::new(items)
        .block(block)
        .highlight_style(Style::default().add_modifier(Modifier::REVERSED));
    f.render_stateful_widget(list, area, &mut state);
}

fn render_desks(f: &mut Frame, area: Rect, model: &Model, q: &QueueFigures) {
    let lang = model.lang;
    let block = super::titled(lang, QueueText::Desks);
    let header = Line::styled(
        lang.t(QueueText::DesksHeader),
        Style::default().add_modifier(Modifier::BOLD),
    );
    let rows = q.desks.iter().map(|d| {
        let serving = d.serving.map_or_else(|| "—".into(), ticket_label);
        let style = if d.active {
            Style::default()
        } else {
            Style::default().fg(Color::DarkGray)
        };
        Line::styled(
            format!(
                " {:<10.10} {serving:>5} {:>6} {:>10}",
                d.desk,
                d.served_today,
                queue_time(model.lang, d.avg_service_secs)
            ),
            style,
        )
    });
    let lines: Vec<Line> = std::iter::once(header).chain(rows).collect();
    f.render_widget(Paragraph::new(lines).block(block), area);
}
