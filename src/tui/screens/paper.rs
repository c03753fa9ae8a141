//! The paper check: one sampled line at a time, its sheet and line large so the lead finds
//! the paper, the database copy to compare it with, what was found, and the keys, one per
//! finding, from the key table (DESIGN.md §11).

use super::chrome;
use crate::domain::dates::day_text;
use crate::domain::{EntryStatus, Field};
use crate::i18n::{Lang, PaperText, RegionText, Text};
use crate::tui::keys::{Action, PaperAction, Scope, table};
use crate::tui::model::Model;
use crate::tui::widgets::big_text::{NUMBER_ROWS, NUMBER_SIZES, render_centred};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use tui_big_text::PixelSize;

/// Width of the field labels.
const LABEL_WIDTH: usize = 14;
/// Width of the sheet/line panel, and from 120 columns on.
const PANEL_WIDTH: [u16; 2] = [26, 40];
/// Rows of full-size digits (the 8×8 font), used when the panel is tall enough.
const FULL_ROWS: u16 = 8;

/// Draws the paper check screen.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let [main, status, prompt] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let panel_width = PANEL_WIDTH[usize::from(area.width >= 120)];
    let [copy, panel] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(panel_width)]).areas(main);
    render_copy(f, copy, model);
    render_panel(f, panel, model);
    chrome::status_line(f, status, model);
    render_note(f, prompt, model);
}

/// The database copy of the line on screen and what was found on it.
fn render_copy(f: &mut Frame, area: Rect, model: &Model) {
    let lang = model.lang;
    let view = &model.paper;
    let title = PaperText::ScreenTitle {
        checked: view.checked(),
        sampled: view.lines.len(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", lang.t(title)));
    let Some(line) = view.lines.get(view.selected) else {
        f.render_widget(
            Paragraph::new(format!(" {}", lang.t(PaperText::NoSample))).block(block),
            area,
        );
        return;
    };
    let e = &line.entry;
    let s = &e.signer;
    let date = day_text;
    let region = RegionText::Label {
        regions: &model.regions,
        code: &s.region_code,
        country: &s.abroad_country,
    };
    let place = PaperText::Place {
        position: view.selected + 1,
        sampled: view.lines.len(),
        origin: &e.origin,
        desk: &e.desk,
        operator: &e.operator,
    };
    let mut lines = vec![
        Line::from(format!(" {}", lang.t(place))).style(Style::default().fg(Color::Cyan)),
        Line::from(""),
    ];
    let fields = [
        (Field::Surname, s.surname.clone()),
        (Field::GivenName, s.given_name.clone()),
        (Field::Patronymic, s.patronymic.clone()),
        (Field::BirthDate, date(s.birth_date)),
        (Field::Document, s.document_text()),
        (Field::Region, lang.t(region).into_owned()),
        (Field::Address, s.address.clone()),
        (Field::SignedOn, date(s.signed_on)),
    ];
    let width = usize::from(area.width.saturating_sub(3)).saturating_sub(LABEL_WIDTH);
    for (field, value) in fields {
        for (i, part) in wrapped(&value, width).into_iter().enumerate() {
            let label = if i == 0 { lang.t(field) } else { "".into() };
            lines.push(Line::from(vec![
                Span::raw(format!(" {label:<LABEL_WIDTH$}")),
                Span::styled(part, Style::default().add_modifier(Modifier::BOLD)),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(found_line(lang, line));
    f.render_widget(Paragraph::new(lines).block(block), area);
}

/// `text` in lines of at most `width` characters, broken at spaces where it can be.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let Some(last) = lines.last_mut() else {
            break;
        };
        let len = last.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(String::new());
        } else if len > 0 {
            last.push(' ');
        }
        let mut rest: Vec<char> = word.chars().collect();
        while !rest.is_empty() {
            let Some(current) = lines.last_mut() else {
                break;
            };
            let room = width.saturating_sub(current.chars().count()).max(1);
            let take = rest.len().min(room);
            current.extend(rest.drain(..take));
            if !rest.is_empty() {
                lines.push(String::new());
            }
        }
    }
    lines
}

/// What was found on the line: not checked yet, the mark with its note, or voided since.
fn found_line(lang: Lang, line: &crate::store::SampledLine) -> Line<'static> {
    let label = format!(" {:<LABEL_WIDTH$}", lang.t(PaperText::Found));
    let (text, style) = match (&line.mark, line.entry.status) {
        (_, EntryStatus::Voided) => (
            format!(
                "{} ({})",
                lang.t(PaperText::VoidedSince),
                line.entry.void_reason
            ),
            Style::default().fg(Color::DarkGray),
        ),
        (None, EntryStatus::Valid) => (
            lang.t(PaperText::NotChecked).into_owned(),
            Style::default().fg(Color::Yellow),
        ),
        (Some(mark), EntryStatus::Valid) => {
            let color = if mark.code.is_finding() {
                Color::Red
            } else {
                Color::Green
            };
            let text = match mark.note.as_str() {
                "" => mark.code.code().to_string(),
                note => format!("{}: {note}", mark.code.code()),
            };
            (
                text,
                Style::default().fg(color).add_modifier(Modifier::BOLD),
            )
        }
    };
    Line::from(vec![Span::raw(label), Span::styled(text, style)])
}

/// Sheet and line in large digits, then the keys of the findings.
fn render_panel(f: &mut Frame, area: Rect, model: &Model) {
    let lang = model.lang;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", lang.t(PaperText::FindOnPaper)));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let legend = legend(lang);
    let keys_rows = legend.len() as u16;
    let full = inner.height > 2 * (FULL_ROWS + 1) + keys_rows;
    let (rows, sizes) = if full {
        (
            FULL_ROWS,
            &[PixelSize::Full, NUMBER_SIZES[0], NUMBER_SIZES[1]][..],
        )
    } else {
        (NUMBER_ROWS, &NUMBER_SIZES[..])
    };
    let [sheet_label, sheet, line_label, line, _, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(rows),
        Constraint::Length(1),
        Constraint::Length(rows),
        Constraint::Fill(1),
        Constraint::Length(keys_rows),
    ])
    .areas(inner);
    if let Some(l) = model.paper.lines.get(model.paper.selected) {
        let style = Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD);
        let centred = |text: String| Paragraph::new(text).centered();
        f.render_widget(
            centred(lang.t(Text::SheetNo(l.entry.sheet)).into_owned()),
            sheet_label,
        );
        render_centred(f, sheet, &l.entry.sheet.to_string(), sizes, style);
        f.render_widget(
            centred(lang.t(Text::LineNo(l.entry.line)).into_owned()),
            line_label,
        );
        render_centred(f, line, &l.entry.line.to_string(), sizes, style);
    }
    f.render_widget(Paragraph::new(legend), keys);
}

/// The finding keys of the table, one a line: `d  date`.
fn legend(lang: Lang) -> Vec<Line<'static>> {
    table()
        .iter()
        .filter(|b| b.scope == Scope::Paper)
        .filter(|b| matches!(b.action, Action::Paper(PaperAction::Mark(_))))
        .map(|b| {
            let key = b.keys.first().map(|k| k.name(lang)).unwrap_or_default();
            Line::from(vec![
                Span::styled(
                    format!(" {key}"),
                    Style::default().add_modifier(Modifier::BOLD),
                ),
                Span::raw(format!("  {}", lang.t(b.label))),
            ])
        })
        .collect()
}

/// The note prompt of `paper.other`, with the cursor.
fn render_note(f: &mut Frame, area: Rect, model: &Model) {
    let Some(note) = &model.paper.note else {
        return;
    };
    let label = format!(" {}: ", model.lang.t(PaperText::NotePrompt));
    let width = label.chars().count() as u16;
    f.render_widget(
        Paragraph::new(format!("{label}{}", note.value()))
            .style(Style::default().fg(Color::Yellow)),
        area,
    );
    if model.lock.is_none() && !model.help {
        f.set_cursor_position(Position::new(
            area.x + width + note.visual_cursor() as u16,
            area.y,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::wrapped;

    #[test]
    fn long_values_wrap_at_spaces_and_long_words_are_cut() {
        assert_eq!(
            wrapped("г. Москва, ул. Ленина, д. 1", 12),
            ["г. Москва,", "ул. Ленина,", "д. 1"]
        );
        assert_eq!(
            wrapped("Константинопольский", 8),
            ["Констант", "инопольс", "кий"]
        );
        assert_eq!(wrapped("", 8), [""]);
        assert_eq!(wrapped("a b", 0), ["a", "b"]);
    }
}
