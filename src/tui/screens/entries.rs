//! This desk's entries, newest first, to edit or void.

use super::chrome;
use crate::domain::EntryStatus;
use crate::i18n::Text;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};
use std::borrow::Cow;
use std::ops::Range;

/// Draws the entries table, the status line and the void prompt.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let [table_area, status, prompt] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let view = &model.entries;
    let title = model.lang.t(if view.all_desks {
        Text::AllEntriesTitle
    } else {
        Text::EntriesTitle
    });
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} ({}) ", view.items.len()));
    if view.items.is_empty() {
        f.render_widget(
            Paragraph::new(model.lang.t(Text::NoEntries)).block(block),
            table_area,
        );
    } else {
        let mut widths = vec![
            Constraint::Length(8),
            Constraint::Length(11),
            Constraint::Fill(2),
            Constraint::Length(12),
            Constraint::Length(7),
            Constraint::Fill(1),
        ];
        if view.all_desks {
            widths.insert(2, Constraint::Length(8));
        }
        // The table's own layout, so free text is cut with `…`, never mid-word unseen.
        let room = super::column_room(block.inner(table_area), &widths);
        let fit = |text: String, column: usize| super::ellipsized(text, room[column]);
        let name_column = if view.all_desks { 3 } else { 2 };
        // Only the rows that fit are built (500 loaded rows cost a millisecond a frame).
        let shown = shown_rows(view.items.len(), view.selected, table_area.height);
        let rows = view.items[shown.clone()].iter().map(|e| {
            let local = model
                .campaign
                .local_time(e.entered_at)
                .format("%d.%m %H:%M")
                .to_string();
            let mut cells = vec![
                Cell::from(format!("{:>4}/{:<2}", e.sheet, e.line)),
                Cell::from(local),
                Cell::from(fit(e.signer.short_name(), name_column)),
                Cell::from(e.signer.document_text()),
                Cell::from(e.signer.region_code.clone()),
                Cell::from(match e.status {
                    EntryStatus::Valid => String::new(),
                    EntryStatus::Voided => fit(
                        format!("{} {}", model.lang.t(Text::VoidedMark), e.void_reason),
                        room.len() - 1,
                    ),
                }),
            ];
            if view.all_desks {
                cells.insert(2, Cell::from(fit(e.desk.clone(), 2)));
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
        let mut header: Vec<_> = [
            Text::ColSheetLine,
            Text::ColTime,
            Text::ColName,
            Text::ColDocument,
            Text::ColRegion,
        ]
        .map(|column| model.lang.t(column))
        .into();
        header.push(Cow::Borrowed(""));
        if view.all_desks {
            header.insert(2, model.lang.t(Text::ColDesk));
        }
        let table = Table::new(rows, widths)
            .flex(Flex::Start)
            .header(Row::new(header).style(Style::default().add_modifier(Modifier::BOLD)))
            .block(block)
            .row_highlight_style(Style::default().bg(Color::Cyan).fg(Color::Black));
        let selected = view.selected.min(shown.end - 1) - shown.start;
        let mut state = TableState::default().with_selected(Some(selected));
        f.render_stateful_widget(table, table_area, &mut state);
    }
    chrome::status_line(f, status, model);
    let voided = view.items.get(view.selected);
    if let (Some(reason), Some(entry)) = (&view.void_reason, voided) {
        let (sheet, line) = (entry.sheet, entry.line);
        let label = format!(" {}", model.lang.t(Text::VoidPrompt { sheet, line }));
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

/// The rows of a list of `len` (not empty) that a table `height` high (borders and header
/// included) shows with `selected` highlighted: the first page, or the page that ends with
/// the selected row, as `Table` itself scrolls from offset 0.
fn shown_rows(len: usize, selected: usize, height: u16) -> Range<usize> {
    let page = usize::from(height.saturating_sub(3)).max(1);
    let start = (selected.min(len - 1) + 1).saturating_sub(page);
    start..(start + page).min(len)
}

#[cfg(test)]
mod tests {
    use super::shown_rows;

    #[test]
    fn the_page_ends_with_the_selected_row_once_it_is_below_the_first_page() {
        // A table 21 rows high shows 18 rows (borders and header take 3).
        for (len, selected, expected) in [
            (500, 0, 0..18),
            (500, 17, 0..18),
            (500, 18, 1..19),
            (500, 300, 283..301),
            (500, 499, 482..500),
            (500, 900, 482..500),
            (5, 3, 0..5),
            (1, 0, 0..1),
        ] {
            assert_eq!(shown_rows(len, selected, 21), expected, "{len} {selected}");
        }
    }

    #[test]
    fn a_table_too_low_for_any_row_still_shows_the_selected_one() {
        assert_eq!(shown_rows(10, 4, 2), 4..5);
    }
}
