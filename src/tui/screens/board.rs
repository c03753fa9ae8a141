//! The lead board: valid signatures against the target, the queue in big digits, today's
//! defects, desks, regions against their caps, arrivals against served. Readable from two
//! metres on a large terminal, still whole at 80×24. It shows counts, desk and operator
//! names, region names and rule codes only: never a signer's data.

mod tables;

use super::chrome;
use crate::domain::queue::QueueFigures;
use crate::i18n::{BoardText, HqText, Lang, PaperText};
use crate::tui::model::Model;
use crate::tui::widgets::big_text::{NUMBER_ROWS, NUMBER_SIZES, render_centred};
use crate::tui::widgets::queue_chart::QueueChart;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph};
use tui_big_text::PixelSize;

/// Row heights of the bands, on a small terminal and on a large one.
struct Bands {
    /// A large terminal also shows the valid total in big digits.
    large: bool,
    target: u16,
    numbers: u16,
    chart: u16,
}

/// Small: 80×24 and up. Large: from 38 rows and 120 columns (the body of a 120×40 terminal),
/// for reading across a room.
fn bands(area: Rect) -> Bands {
    if area.height >= 38 && area.width >= 120 {
        Bands {
            large: true,
            target: 6,
            numbers: 12,
            chart: 9,
        }
    } else {
        Bands {
            large: false,
            target: 4,
            numbers: NUMBER_ROWS + 2,
            chart: 4,
        }
    }
}

/// Draws the board screen.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let b = bands(area);
    let across_points = model.board.across_points;
    let chart_rows = if across_points { 0 } else { b.chart };
    let [target, numbers, tables_area, chart, status] = Layout::vertical([
        Constraint::Length(b.target),
        Constraint::Length(b.numbers),
        Constraint::Fill(1),
        Constraint::Length(chart_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    let q = &model.queue.figures;
    render_target(f, target, model);
    if across_points {
        render_campaign_numbers(f, numbers, model);
    } else {
        render_numbers(f, numbers, model, q, b.large);
    }
    tables::render(f, tables_area, model);
    if !across_points {
        f.render_widget(
            QueueChart::new(&q.buckets, &model.campaign, model.lang),
            chart,
        );
    }
    render_paper_line(f, status, model);
    chrome::status_line(f, status, model);
}

/// The paper check's share at the right of the status row, once a line is checked (a
/// message on the status line writes over it).
fn render_paper_line(f: &mut Frame, area: Rect, model: &Model) {
    if let Some(share) = &model.board.paper {
        let text = format!("{} ", model.lang.t(PaperText::BoardLine(share)));
        f.render_widget(Paragraph::new(text).right_aligned(), area);
    }
}

fn render_target(f: &mut Frame, area: Rect, model: &Model) {
    let lang = model.lang;
    let mut block = super::titled(lang, BoardText::Target);
    if !model.campaign.is_configured() {
        let missing = if model.board.across_points {
            BoardText::HqNotConfigured
        } else {
            BoardText::NotConfigured
        };
        block = block.title_bottom(
            Line::from(format!(" {} ", lang.t(missing))).style(
                Style::default()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
            ),
        );
    }
    if let Some(link) = &model.hq {
        let status = format!(" {} ", lang.t(HqText::Status(link.status(model.now))));
        block = block.title_bottom(Line::from(status).right_aligned());
    }
    let inner = block.inner(area);
    f.render_widget(block, area);
    let Some(figures) = &model.board.figures else {
        return;
    };
    let [gauge, pace] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let totals = &figures.totals;
    f.render_widget(
        Gauge::default()
            .ratio(totals.share())
            .label(lang.t(BoardText::Gauge(totals)))
            .gauge_style(Style::default().fg(Color::Green).bg(Color::DarkGray))
            .style(Style::default().add_modifier(Modifier::BOLD)),
        gauge,
    );
    f.render_widget(
        Paragraph::new(format!(" {}", lang.t(BoardText::Pace(totals)))),
        pace,
    );
}

fn render_numbers(f: &mut Frame, area: Rect, model: &Model, q: &QueueFigures, large: bool) {
    let lang = model.lang;
    let boxes = if large { 5 } else { 4 };
    let width = (area.width / boxes).max(20);
    let [total, waiting, longest, defects] = Layout::horizontal([
        Constraint::Length(if large { width } else { 0 }),
        Constraint::Length(width),
        Constraint::Length(width),
        Constraint::Fill(1),
    ])
    .areas(area);
    if let Some(figures) = model.board.figures.as_ref().filter(|_| large) {
        big_number(
            f,
            total,
            lang,
            BoardText::ValidTotal,
            &figures.totals.valid_total.to_string(),
            Color::Green,
        );
    }
    let minutes = q.longest_wait_secs.map_or(0, |s| s / 60);
    let long_wait = if minutes >= 20 {
        Color::Red
    } else {
        Color::Cyan
    };
    big_number(
        f,
        waiting,
        lang,
        BoardText::Waiting,
        &q.waiting.to_string(),
        Color::Cyan,
    );
    big_number(
        f,
        longest,
        lang,
        BoardText::LongestWait,
        &minutes.to_string(),
        long_wait,
    );
    tables::render_defects(f, defects, model);
}

/// HQ's board: the campaign's valid total in big digits beside HQ's findings (there is no
/// queue at HQ).
fn render_campaign_numbers(f: &mut Frame, area: Rect, model: &Model) {
    let [total, findings] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Fill(1)]).areas(area);
    let valid = model
        .board
        .figures
        .as_ref()
        .map_or(0, |figures| figures.totals.valid_total);
    big_number(
        f,
        total,
        model.lang,
        BoardText::ValidTotal,
        &valid.to_string(),
        Color::Green,
    );
    tables::render_defects(f, findings, model);
}

/// A number in a titled box, as large as the box allows.
fn big_number(f: &mut Frame, area: Rect, lang: Lang, title: BoardText, digits: &str, color: Color) {
    let inner = super::framed(f, area, lang, title);
    let style = Style::default().fg(color).add_modifier(Modifier::BOLD);
    let sizes = [PixelSize::Full, NUMBER_SIZES[0], NUMBER_SIZES[1]];
    render_centred(f, inner, digits, &sizes, style);
}
