//! The sign-in screen: desk name, operator name and the session PIN.

use crate::i18n::LockText;
use crate::i18n::Text;
use crate::tui::model::{Model, SignInField};
use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the sign-in box in the middle of the body.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let boxed = super::centred(area, 60, 14);
    let framed = super::framed(f, boxed, model.lang, Text::SignInTitle);
    // A margin inside the border, so wrapped text never touches it.
    let inner = framed.inner(Margin::new(1, 0));
    let s = &model.signin;
    let label = |text: &str, on: bool| super::field_label(text, 12, on);
    let lines = vec![
        Line::from(""),
        Line::from(vec![
            label(&model.lang.t(Text::DeskLabel), s.focus == SignInField::Desk),
            s.desk.value().to_string().into(),
        ]),
        Line::from(vec![
            label(
                &model.lang.t(Text::OperatorLabel),
                s.focus == SignInField::Operator,
            ),
            s.operator.value().to_string().into(),
        ]),
        Line::from(vec![
            label(
                &model.lang.t(LockText::PinLabel),
                s.focus == SignInField::Pin,
            ),
            "•".repeat(s.pin.value().chars().count()).into(),
        ]),
        Line::styled(
            s.problem.clone().unwrap_or_default(),
            Style::default().fg(Color::Red),
        ),
        Line::from(model.lang.t(Text::SignInHint)),
    ];
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    let (input, row) = match s.focus {
        SignInField::Desk => (&s.desk, 1),
        SignInField::Operator => (&s.operator, 2),
        SignInField::Pin => (&s.pin, 3),
    };
    if !model.help {
        let x = inner.x + 12 + input.visual_cursor() as u16;
        f.set_cursor_position(Position::new(
            x.min(inner.right().saturating_sub(1)),
            inner.y + row,
        ));
    }
}
