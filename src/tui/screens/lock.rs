//! The lock screen: nothing personal, only what to type to unlock.

use crate::i18n::LockText;
use crate::tui::model::Model;
use crate::tui::update::PIN_TRIES;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Clear;

/// Draws the lock box over an empty body.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    f.render_widget(Clear, area);
    let Some(lock) = &model.lock else {
        return;
    };
    let boxed = super::centred(area, area.width.min(72), 9);
    let lang = model.lang;
    let ask = if lock.wrong >= PIN_TRIES {
        model.passphrase_prompt()
    } else {
        LockText::TypePin
    };
    let lines = vec![
        Line::from(""),
        Line::from(lang.t(ask)),
        Line::styled(
            format!("▶ {}", "•".repeat(lock.typed.value().chars().count())),
            Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
        ),
        Line::from(""),
        Line::styled(
            lock.problem.clone().unwrap_or_default(),
            Style::default().fg(Color::Red),
        ),
    ];
    let block =
        super::titled(lang, LockText::Locked).border_style(Style::default().fg(Color::Yellow));
    f.render_widget(super::boxed_text(lines, block), boxed);
}
