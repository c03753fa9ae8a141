//! The desk form: fields with their findings, the sheet/line panel, the save bar.

use super::chrome;
use crate::domain::{Field, Problem, Severity};
use crate::i18n::{HqText, RegionText, Text};
use crate::tui::form::HqCheck;
use crate::tui::model::Model;
use crate::tui::widgets::big_text::{NUMBER_ROWS, NUMBER_SIZES, render_centred};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};
use std::borrow::Cow;

mod carry;

/// Width of the field labels.
const LABEL_WIDTH: u16 = 15;
/// Width of the sheet/line panel.
const PANEL_WIDTH: u16 = 26;

/// Draws the desk screen.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let [main, status, save_bar] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [form_area, panel_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(PANEL_WIDTH)]).areas(main);
    render_form(f, form_area, model);
    render_sheet_panel(f, panel_area, model);
    chrome::status_line(f, status, model);
    render_save_bar(f, save_bar, model);
}

fn render_form(f: &mut Frame, area: Rect, model: &Model) {
    let form = &model.form;
    let title = match &form.editing {
        Some(e) => format!(
            " {} · {} {} ",
            model.lang.t(Text::EditingTitle),
            model.lang.t(Text::SheetNo(e.sheet)),
            model.lang.t(Text::LineNo(e.line)),
        ),
        None => format!(" {} ", model.lang.t(Text::NewSigner)),
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let input_width = inner.width.saturating_sub(LABEL_WIDTH) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    let mut region_row = None;
    for field in form.active_fields(&model.regions) {
        let focused = field == form.focus;
        let label = super::field_label(&model.lang.t(field), LABEL_WIDTH.into(), focused);
        let value = field_value(model, field, input_width);
        if focused && field != Field::DocKind {
            if let Some(input) = form.input(field) {
                let scroll = input.visual_scroll(input_width);
                let x =
                    inner.x + LABEL_WIDTH + (input.visual_cursor().saturating_sub(scroll)) as u16;
                cursor = Some(Position::new(x, inner.y + lines.len() as u16));
            } else {
                cursor = Some(Position::new(
                    inner.x + LABEL_WIDTH,
                    inner.y + lines.len() as u16,
                ));
            }
        }
        if field == Field::Region {
            region_row = Some(lines.len() as u16);
        }
        lines.push(Line::from(vec![label, value]));
        if focused && field == Field::DocKind {
            lines.push(Line::styled(
                format!("   {}", model.lang.t(Text::KindHint)),
                Style::default().fg(Color::DarkGray),
            ));
        }
        if form.shows_findings(field) {
            lines.extend(finding_lines(model, field, inner.width as usize));
        }
        if field == Field::Region {
            lines.extend(carry::region_offer(model, inner.width as usize));
        }
    }
    lines.extend(carry::kept_hint(model, inner.width as usize));
    // Keep the focused field visible when findings push the form past the bottom.
    let focus_row = cursor.map(|c| c.y - inner.y).unwrap_or(0);
    let skip = focus_row.saturating_sub(inner.height.saturating_sub(2));
    f.render_widget(Paragraph::new(lines).scroll((skip, 0)), inner);
    if let Some(c) = cursor
        && model.confirm.is_none()
        && !model.help
        && c.y >= inner.y + skip
    {
        f.set_cursor_position(Position::new(
            c.x.min(inner.right().saturating_sub(1)),
            c.y - skip,
        ));
    }
    if let Some(row) =
        region_row.filter(|_| form.focus == Field::Region && !form.suggestions.is_empty())
    {
        let y = inner.y + row + 1 - skip.min(row + 1);
        render_suggestions(
            f,
            Rect::new(
                inner.x + LABEL_WIDTH,
                y,
                inner.width.saturating_sub(LABEL_WIDTH),
                0,
            ),
            model,
        );
    }
}

/// The value part of a field's line.
fn field_value(model: &Model, field: Field, width: usize) -> Span<'static> {
    let form = &model.form;
    if field == Field::DocKind {
        let text = format!("‹ {} ›", model.lang.t(form.doc_kind));
        let shown: String = text.chars().take(width).collect();
        return Span::styled(shown, Style::default().fg(Color::White));
    }
    let Some(input) = form.input(field) else {
        return Span::raw("");
    };
    // Only the field with the cursor scrolls to it; the others show their text from the
    // start, ending in `…` when it goes on past the border.
    let shown: String = if form.focus == field {
        let scroll = input.visual_scroll(width);
        input.value().chars().skip(scroll).take(width).collect()
    } else {
        super::ellipsized(input.value().to_string(), width)
    };
    let style = match form
        .findings_for(field)
        .first()
        .filter(|_| form.shows_findings(field))
    {
        Some(f) if f.severity == Severity::Error => Style::default().fg(Color::Red),
        Some(_) => Style::default().fg(Color::Yellow),
        None if form.is_carried(field) => carry::kept_style(),
        None => Style::default().add_modifier(Modifier::BOLD),
    };
    Span::styled(shown, style)
}

/// The lines under a field: its first finding (and how many more there are).
fn finding_lines(model: &Model, field: Field, width: usize) -> Vec<Line<'static>> {
    let found = model.form.findings_for(field);
    let Some(first) = found.first() else {
        return Vec::new();
    };
    let (mark, style) = match first.severity {
        Severity::Error => ("✗", Style::default().fg(Color::Red)),
        Severity::Warning => ("!", Style::default().fg(Color::Yellow)),
    };
    let mut text = format!("{mark} {}", model.lang.t(&first.problem));
    if matches!(first.problem, Problem::DuplicateDocument { .. }) {
        text.push_str(" · ");
        text.push_str(&model.lang.t(Text::OpenDuplicateHint));
    }
    if first.fix.is_some() && !text.contains("Ctrl-T") {
        text.push_str(" · Ctrl-T");
    }
    if found.len() > 1 {
        text.push_str(&format!(" (+{})", found.len() - 1));
    }
    // Indented by up to 5 and a cell short of the border.
    wrap_words(&text, width.saturating_sub(6).max(10))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let indent = if i == 0 { "   " } else { "     " };
            Line::from(Span::styled(format!("{indent}{part}"), style))
        })
        .collect()
}

/// Splits text into lines of at most `width` characters, at spaces where possible.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        let needed = current.chars().count() + word.chars().count() + 1;
        if !current.is_empty() && needed > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        let mut rest: Vec<char> = word.chars().collect();
        while rest.len() > width {
            lines.push(rest.drain(..width).collect());
        }
        current.extend(rest);
    }
    lines.push(current);
    lines
}

fn render_suggestions(f: &mut Frame, anchor: Rect, model: &Model) {
    let form = &model.form;
    let items: Vec<ListItem> = form
        .suggestions
        .iter()
        .filter_map(|code| model.regions.by_code(code))
        .map(|r| ListItem::new(format!("{:<7}{}", r.code, r.display_name(model.russian()))))
        .collect();
    let height = items.len() as u16 + 2;
    let width = anchor.width.min(44);
    let frame = f.area();
    let y = if anchor.y + height <= frame.bottom() {
        anchor.y
    } else {
        anchor.y.saturating_sub(height + 1)
    };
    let area = Rect::new(anchor.x, y, width, height).intersection(frame);
    let list = List::new(items)
        .block(Block::default().borders(Borders::ALL))
        .highlight_style(Style::default().bg(Color::Cyan).fg(Color::Black));
    let mut state = ListState::default().with_selected(Some(form.suggestion));
    f.render_widget(Clear, area);
    f.render_stateful_widget(list, area, &mut state);
}

fn render_sheet_panel(f: &mut Frame, area: Rect, model: &Model) {
    let inner = super::framed(f, area, model.lang, Text::SheetTitle);
    let form = &model.form;
    let (sheet, line, new_sheet) = match (&form.editing, &form.preview) {
        (Some(e), _) => (e.sheet, e.line, false),
        // A form that cannot be saved gives no line to write on (DESIGN.md §6).
        (None, Some((_, p))) if form.checked.is_some() => (p.sheet, p.line, p.new_sheet),
        (None, preview) => {
            render_do_not_sign(f, inner, model, preview.is_some());
            return;
        }
    };
    let sheet_label = model.lang.t(Text::SheetNo(sheet));
    let line_label = model.lang.t(Text::LineNo(line));
    let big = Style::default()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD);
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(NUMBER_ROWS),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(NUMBER_ROWS),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .split(inner);
    let centered = |text: Cow<'static, str>| {
        Paragraph::new(text).alignment(ratatui::layout::Alignment::Center)
    };
    f.render_widget(
        centered(sheet_label).style(Style::default().add_modifier(Modifier::BOLD)),
        rows[0],
    );
    render_centred(f, rows[1], &sheet.to_string(), &NUMBER_SIZES, big);
    f.render_widget(
        centered(line_label).style(Style::default().add_modifier(Modifier::BOLD)),
        rows[3],
    );
    render_centred(f, rows[4], &line.to_string(), &NUMBER_SIZES, big);
    let mut notes: Vec<Line> = hq_pending(model).into_iter().collect();
    if new_sheet {
        notes.push(Line::from(Span::styled(
            model.lang.t(Text::NewSheet),
            Style::default().fg(Color::Cyan),
        )));
    }
    if let Some(region) = model.regions.resolve(form.text(Field::Region)) {
        let label = RegionText::Label {
            regions: &model.regions,
            code: &region.code,
            country: form.text(Field::AbroadCountry).trim(),
        };
        notes.push(Line::from(model.lang.t(label)));
    }
    f.render_widget(
        Paragraph::new(notes)
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(ratatui::widgets::Wrap { trim: true }),
        rows[6],
    );
}

/// The panel while the form cannot be saved: the signer must not write yet, and why.
fn render_do_not_sign(f: &mut Frame, area: Rect, model: &Model, region_known: bool) {
    let form = &model.form;
    let shown_error = form
        .findings
        .iter()
        .any(|finding| finding.severity == Severity::Error && form.shows_findings(finding.field));
    let why = match (shown_error, region_known) {
        (true, _) => Text::FixErrorsFirst,
        (false, false) => Text::SheetUnknown,
        (false, true) => Text::LineWhenComplete,
    };
    let lines = vec![
        Line::from(""),
        Line::styled(
            model.lang.t(Text::DoNotSignYet),
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
        Line::from(""),
        Line::styled(model.lang.t(why), Style::default().fg(Color::DarkGray)),
    ];
    let lines: Vec<Line> = lines.into_iter().chain(hq_pending(model)).collect();
    f.render_widget(
        Paragraph::new(lines)
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(ratatui::widgets::Wrap { trim: true }),
        area.inner(Margin::new(1, 0)),
    );
}

/// "HQ check pending" while HQ has not answered about this signer within 2 s.
fn hq_pending(model: &Model) -> Option<Line<'static>> {
    matches!(model.form.hq, HqCheck::Pending { .. }).then(|| {
        Line::styled(
            model.lang.t(HqText::CheckPending),
            Style::default().fg(Color::Yellow),
        )
    })
}

fn render_save_bar(f: &mut Frame, area: Rect, model: &Model) {
    let text = if model.form.editing.is_some() {
        model.lang.t(Text::SaveBarEdit)
    } else {
        model.lang.t(Text::SaveBar)
    };
    let style = Style::default()
        .fg(Color::Black)
        .bg(Color::Green)
        .add_modifier(Modifier::BOLD);
    f.render_widget(Paragraph::new(format!(" {text}")).style(style), area);
}
