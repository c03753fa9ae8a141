//! The alarm that stops a desk for good (its database file changed, or its desk name was
//! taken over) and the write-on warning after a save landed on another line than shown.

use crate::i18n::GuardText;
use crate::tui::model::{Alarm, Model};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Clear;

/// Draws the alarm over an empty body: what happened and what to do.
pub fn render_alarm(f: &mut Frame, area: Rect, model: &Model) {
    f.render_widget(Clear, area);
    let Some(alarm) = &model.alarm else {
        return;
    };
    let lang = model.lang;
    let mut lines = vec![Line::from("")];
    match alarm {
        Alarm::Files { path, wal, rescued } => {
            lines.push(Line::from(lang.t(GuardText::AlarmWhat { path, wal: *wal })));
            lines.push(Line::from(""));
            let rescued = rescued.as_deref();
            lines.push(Line::from(lang.t(GuardText::AlarmDo { rescued })));
        }
        Alarm::LeaseLost => lines.push(Line::from(lang.t(GuardText::LeaseLost))),
    }
    let boxed = super::centred(area, area.width.min(76), area.height.min(14));
    let block = super::titled(lang, GuardText::AlarmTitle)
        .border_style(Style::default().fg(Color::Red).add_modifier(Modifier::BOLD));
    f.render_widget(super::boxed_text(lines, block), boxed);
}

/// Draws the write-on warning over the screen.
pub fn render_write_on(f: &mut Frame, area: Rect, model: &Model) {
    let Some((sheet, line)) = model.write_on else {
        return;
    };
    let lang = model.lang;
    let boxed = super::centred(area, area.width.min(64), 7);
    f.render_widget(Clear, boxed);
    let lines = vec![
        Line::from(""),
        Line::styled(
            lang.t(GuardText::WriteOn { sheet, line }),
            Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
        ),
        Line::from(""),
        Line::from(lang.t(GuardText::WriteOnDismiss)),
    ];
    let block = super::titled(lang, GuardText::WriteOn { sheet, line })
        .border_style(Style::default().fg(Color::Yellow));
    f.render_widget(super::boxed_text(lines, block).centered(), boxed);
}
