//! This desk's entries, newest first, to edit or void.

use super::chrome;
use crate::domain::EntryStatus;
use crate::i18n::Text;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};

/// Draws the entries table, the status line and the void prompt.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let [table_area, status, prompt] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let view = &model.entries;
    let title = if view.all_desks {
        model
            .lang
            .pick("Entries of all desks", "Записи всех столов")
    } else {
        model.lang.text(Text::EntriesTitle)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} ({}) ", view.items.len()));
    if view.items.is_empty() {
        f.render_widget(
            Paragraph::new(model.lang.text(Text::NoEntries)).block(block),
            table_area,
        );
    } else {
        let rows = view.items.iter().map(|e| {
            let local = model
                .campaign
                .local_time(e.entered_at)
                .format("%d.%m %H:%M")
                .to_string();
            let mut cells = vec![
                Cell::from(format!("{:>4}/{:<2}", e.sheet, e.line)),
                Cell::from(local),
                Cell::from(e.short_name()),
                Cell::from(e.document_text()),
                Cell::from(e.region_code.clone()),
                Cell::from(match e.status {
                    EntryStatus::Valid => String::new(),
                    EntryStatus::Voided => {
                        format!("{} {}", model.lang.text(Text::VoidedMark), e.void_reason)
                    }
                }),
            ];
            if view.all_desks {
                cells.insert(2, Cell::from(e.desk.clone()));
            }
            let mut row = Row::new(cells);
            if e.status == EntryStatus::Voided {
                row = row.style(
                    Style::default()
                        .fg(Color::DarkGray)
                        .add_modifier(Modifier::CROSSED_OUT),
                );
            }
            row
        });
        let mut widths = vec![
            Constraint::Length(8),
            Constraint::Length(11),
            Constraint::Fill(2),
            Constraint::Length(12),
            Constraint::Length(7),
            Constraint::Fill(1),
        ];
        let mut header = vec!["sheet/ln", "time", "name", "document", "region", ""];
        if view.all_desks {
            widths.insert(2, Constraint::Length(8));
            header.insert(2, "desk");
        }
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(Style::default().add_modifier(Modifier::BOLD)))
            .block(block)
            .row_highlight_style(Style::default().bg(Color::Cyan).fg(Color::Black));
        let mut state = TableState::default().with_selected(Some(view.selected));
        f.render_stateful_widget(table, table_area, &mut state);
    }
    chrome::status_line(f, status, model);
    if let Some(reason) = &view.void_reason {
        let label = format!(" {}: ", model.lang.text(Text::VoidPrompt));
        let width = label.chars().count() as u16;
        f.render_widget(
            Paragraph::new(format!("{label}{}", reason.value()))
                .style(Style::default().fg(Color::Yellow)),
            prompt,
        );
        f.set_cursor_position(Position::new(
            prompt.x + width + reason.visual_cursor() as u16,
            prompt.y,
        ));
    }
}
