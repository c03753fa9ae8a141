//! The board's tables: desks today, regions against their caps, today's defects by rule.

use crate::domain::Severity;
use crate::domain::board::{BoardFigures, CapLevel, min_sec};
use crate::i18n::BoardText;
use crate::tui::model::Model;
use crate::tui::screens::{column_room, ellipsized, titled};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Padding, Paragraph, Row, Table};
use std::borrow::Cow;

/// The desks table on the left, the regions table on the right.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let [desks, regions] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    render_desks(f, desks, model);
    render_regions(f, regions, model);
}

fn header(model: &Model, columns: &[BoardText], right_from: usize) -> Row<'static> {
    let cells = columns.iter().enumerate().map(|(i, c)| {
        let text = model.lang.t(c);
        if i >= right_from {
            Cell::from(Line::from(text).right_aligned())
        } else {
            Cell::from(text)
        }
    });
    Row::new(cells).style(Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED))
}

fn right(text: impl Into<Cow<'static, str>>) -> Cell<'static> {
    Cell::from(Line::from(text.into()).right_aligned())
}

/// One list of the board's figures; empty before they are computed.
fn listed<T>(model: &Model, list: impl Fn(&BoardFigures) -> &[T]) -> &[T] {
    model.board.figures.as_ref().map(list).unwrap_or_default()
}

/// A titled table with its header, or the line that says it has no rows.
fn render_table(f: &mut Frame, area: Rect, model: &Model, table: BoardTable<'_>) {
    let block = table.block;
    if table.rows.is_empty() {
        let empty = format!(" {}", model.lang.t(table.empty));
        f.render_widget(Paragraph::new(empty).block(block), area);
        return;
    }
    f.render_widget(
        Table::new(table.rows, table.widths)
            .header(header(model, table.columns, table.right_from))
            .flex(Flex::Start)
            .block(block),
        area,
    );
}

/// What a board table shows.
struct BoardTable<'a> {
    /// The titled frame.
    block: Block<'static>,
    /// Said instead of the table when it has no rows.
    empty: BoardText<'static>,
    /// One row per desk or region.
    rows: Vec<Row<'static>>,
    /// The header.
    columns: &'a [BoardText<'static>],
    /// The first column aligned right (numbers).
    right_from: usize,
    /// Column widths.
    widths: &'a [Constraint],
}

fn render_desks(f: &mut Frame, area: Rect, model: &Model) {
    if model.board.across_points {
        return render_points(f, area, model);
    }
    let lang = model.lang;
    let widths = [
        Constraint::Max(12),
        Constraint::Max(16),
        Constraint::Length(2),
        Constraint::Length(5),
        Constraint::Length(7),
        Constraint::Length(6),
    ];
    // A cell of margin on the right, so the right-aligned ticket never runs into the border.
    let block = titled(model.lang, BoardText::Desks).padding(Padding::right(1));
    let room = column_room(block.inner(area), &widths);
    let rows = listed(model, |b| &b.desks).iter().map(|d| {
        let style = if d.active {
            Style::default()
        } else {
            Style::default().fg(Color::DarkGray)
        };
        let operator = d.operator.clone().unwrap_or_else(|| "—".into());
        Row::new([
            Cell::from(ellipsized(d.desk.clone(), room[0])),
            Cell::from(ellipsized(operator, room[1])),
            right(d.signers_last_hour.to_string()),
            right(d.avg_secs_per_signer.map_or_else(|| "—".into(), min_sec)),
            right(lang.t(BoardText::Count(u64::from(d.entries_today)))),
            right(
                d.serving
                    .map_or_else(|| "—".into(), crate::domain::queue::ticket_label),
            ),
        ])
        .style(style)
    });
    let table = BoardTable {
        block,
        empty: BoardText::NoDesks,
        rows: rows.collect(),
        columns: &[
            BoardText::ColDesk,
            BoardText::ColOperator,
            BoardText::ColPerHour,
            BoardText::ColPerSigner,
            BoardText::ColToday,
            BoardText::ColTicket,
        ],
        right_from: 2,
        widths: &widths,
    };
    render_table(f, area, model, table);
}

/// HQ's board: each point's saves today where a point's board has its desks.
fn render_points(f: &mut Frame, area: Rect, model: &Model) {
    let lang = model.lang;
    let rows = listed(model, |b| &b.desks).iter().map(|d| {
        let style = if d.active {
            Style::default()
        } else {
            Style::default().fg(Color::DarkGray)
        };
        Row::new([
            Cell::from(d.desk.clone()),
            right(d.signers_last_hour.to_string()),
            right(d.avg_secs_per_signer.map_or_else(|| "—".into(), min_sec)),
            right(lang.t(BoardText::Count(u64::from(d.entries_today)))),
        ])
        .style(style)
    });
    let table = BoardTable {
        block: titled(model.lang, BoardText::Points),
        empty: BoardText::NoPoints,
        rows: rows.collect(),
        columns: &[
            BoardText::ColPoint,
            BoardText::ColPerHour,
            BoardText::ColPerSigner,
            BoardText::ColToday,
        ],
        right_from: 1,
        widths: &[
            Constraint::Max(24),
            Constraint::Length(4),
            Constraint::Length(5),
            Constraint::Length(8),
        ],
    };
    render_table(f, area, model, table);
}

fn render_regions(f: &mut Frame, area: Rect, model: &Model) {
    let lang = model.lang;
    let legend = Line::from(format!(" {} ", lang.t(BoardText::CapLegend)));
    let widths = [
        Constraint::Max(32),
        Constraint::Length(7),
        Constraint::Length(6),
        Constraint::Length(4),
        Constraint::Length(2),
    ];
    let block = titled(model.lang, BoardText::Regions).title_bottom(legend.right_aligned());
    let room = column_room(block.inner(area), &widths);
    let rows = listed(model, |b| &b.regions).iter().map(|r| {
        let name = model.regions.by_code(&r.code).map_or_else(
            || r.code.clone(),
            |region| region.display_name(model.russian()).to_string(),
        );
        let (marker, style) = match r.level {
            CapLevel::Below => ("", Style::default()),
            CapLevel::Near => ("!", Style::default().fg(Color::Yellow)),
            CapLevel::Reached => (
                "!!",
                Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            ),
        };
        let percent = u64::from(r.valid) * 100 / u64::from(r.cap.max(1));
        Row::new([
            Cell::from(ellipsized(name, room[0])),
            right(lang.t(BoardText::Count(u64::from(r.valid)))),
            right(lang.t(BoardText::Count(u64::from(r.cap)))),
            right(format!("{percent}%")),
            Cell::from(marker),
        ])
        .style(style)
    });
    let table = BoardTable {
        block,
        empty: BoardText::NoRegions,
        rows: rows.collect(),
        columns: &[BoardText::ColRegion, BoardText::ColValid, BoardText::ColCap],
        right_from: 1,
        widths: &widths,
    };
    render_table(f, area, model, table);
}

/// Today's defects by rule code: errors (✗) first, then warnings (!), most frequent first.
pub fn render_defects(f: &mut Frame, area: Rect, model: &Model) {
    let lang = model.lang;
    let (title, nothing_found) = if model.board.across_points {
        (BoardText::HqFindings, BoardText::NoHqFindings)
    } else {
        (BoardText::Defects, BoardText::NoDefects)
    };
    let block = titled(model.lang, title);
    let lines: Vec<Line> = match &model.board.defects {
        None => vec![Line::styled(
            format!(" {}", lang.t(BoardText::Checking)),
            Style::default().fg(Color::DarkGray),
        )],
        Some(defects) if defects.is_empty() => vec![Line::styled(
            format!(" {}", lang.t(nothing_found)),
            Style::default().fg(Color::Green),
        )],
        Some(defects) => {
            let width = block.inner(area).width as usize;
            defects
                .iter()
                .map(|d| {
                    let (mark, style) = match d.severity {
                        Severity::Error => ("✗", Style::default().fg(Color::Red)),
                        Severity::Warning => ("!", Style::default().fg(Color::Yellow)),
                    };
                    let count = lang.t(BoardText::Count(u64::from(d.count)));
                    let code_width = width.saturating_sub(count.chars().count() + 4);
                    Line::styled(
                        format!(" {mark} {:<code_width$.code_width$}{count} ", d.code),
                        style,
                    )
                })
                .collect()
        }
    };
    f.render_widget(Paragraph::new(lines).block(block), area);
}
