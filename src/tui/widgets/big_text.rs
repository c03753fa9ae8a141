//! Large text for reading across a desk or a room (sheet and line, the door's numbers, the
//! board's counts), from `tui-big-text`.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// Sizes for a number in a narrow box: half-height letters (8×4, only the ▀ ▄ █ blocks
/// every terminal font has) while they fit, else quadrant letters (4×4).
pub const NUMBER_SIZES: [PixelSize; 2] = [PixelSize::HalfHeight, PixelSize::Quadrant];

/// Rows of the letters of [`NUMBER_SIZES`].
pub const NUMBER_ROWS: u16 = 4;

/// Columns and rows one character takes at `size` (the font is 8×8 pixels).
pub fn cell_size(size: PixelSize) -> (u16, u16) {
    match size {
        PixelSize::Full => (8, 8),
        PixelSize::HalfHeight => (8, 4),
        PixelSize::HalfWidth => (4, 8),
        _ => (4, 4),
    }
}

/// Whether the 8×8 font draws every character of `text` (it has no Cyrillic).
pub fn drawable(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_graphic() || c == ' ')
}

/// `text` in big letters of `size`.
pub fn big(text: &str, size: PixelSize, style: Style) -> BigText<'static> {
    BigText::builder()
        .pixel_size(size)
        .style(style)
        .lines(vec![Line::from(text.to_string())])
        .build()
}

/// The largest of `sizes` (largest first) at which `chars` characters fit `width`×`height`.
pub fn fitting(chars: u16, width: u16, height: u16, sizes: &[PixelSize]) -> Option<PixelSize> {
    sizes.iter().copied().find(|s| {
        let (w, h) = cell_size(*s);
        chars * w <= width && h <= height
    })
}

/// Draws `text` centred in `area` in the largest of `sizes` that fits, or as plain text
/// when none does.
pub fn render_centred(f: &mut Frame, area: Rect, text: &str, sizes: &[PixelSize], style: Style) {
    let chars = text.chars().count() as u16;
    let Some(size) = fitting(chars, area.width, area.height, sizes) else {
        let plain = Paragraph::new(text.to_string()).alignment(Alignment::Center);
        f.render_widget(plain.style(style), area);
        return;
    };
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(cell_size(size).1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let mut letters = big(text, size, style);
    letters.alignment = Alignment::Center;
    f.render_widget(letters, middle);
}
