//! Large text for reading across a room (the door's numbers), from `tui-big-text`.

use ratatui::style::Style;
use ratatui::text::Line;
use tui_big_text::{BigText, PixelSize};

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
