//! The help overlay: every key of the shown screen, written from the table in `keys`.

use crate::i18n::Text;
use crate::tui::keys::{self, Scope};
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph};

/// Width of the help box.
pub const WIDTH: u16 = 76;

/// Width of the key column.
const KEY_COLUMN: usize = 16;

/// The lines of the help box of the shown screen, without the frame.
pub fn lines(model: &Model) -> Vec<String> {
    keys::help(model.screen, model.opens_personal(), model.lang)
        .into_iter()
        .map(|(keys, what)| format!(" {keys:<KEY_COLUMN$}{what}"))
        .collect()
}

/// Draws the help box over the screen.
pub fn render(f: &mut Frame, area: Rect, model: &Model) {
    let lines = lines(model);
    let boxed = super::centred(area, WIDTH, lines.len() as u16 + 2);
    f.render_widget(Clear, boxed);
    f.render_widget(
        Paragraph::new(lines.join("\n")).block(
            super::titled(model.lang, Text::HelpTitle).title_bottom(format!(
                " {} ",
                keys::bar(&[Scope::HelpOpen], model.screen, model.lang)
            )),
        ),
        boxed,
    );
}
