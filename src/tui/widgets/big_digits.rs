//! Digits five rows high, readable across a desk (and, later, across a room).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Rows of each glyph, 3 columns wide.
const GLYPHS: [[&str; 5]; 10] = [
    ["███", "█ █", "█ █", "█ █", "███"],
    [" ██", "  █", "  █", "  █", "  █"],
    ["███", "  █", "███", "█  ", "███"],
    ["███", "  █", "███", "  █", "███"],
    ["█ █", "█ █", "███", "  █", "  █"],
    ["███", "█  ", "███", "  █", "███"],
    ["███", "█  ", "███", "█ █", "███"],
    ["███", "  █", "  █", "  █", "  █"],
    ["███", "█ █", "███", "█ █", "███"],
    ["███", "█ █", "███", "  █", "███"],
];

/// Height of the digits in rows.
pub const HEIGHT: u16 = 5;

/// A number drawn in large block digits; other characters are skipped.
#[derive(Debug, Clone)]
pub struct BigDigits {
    text: String,
    style: Style,
}

impl BigDigits {
    /// Big digits of `text` (its ASCII digits).
    pub fn new(text: impl Into<String>) -> BigDigits {
        BigDigits {
            text: text.into(),
            style: Style::default(),
        }
    }

    /// Sets the style of the blocks.
    pub fn style(mut self, style: Style) -> BigDigits {
        self.style = style;
        self
    }

    /// Columns needed to draw the text.
    pub fn width(&self) -> u16 {
        let digits = self.text.chars().filter(char::is_ascii_digit).count() as u16;
        (digits * 4).saturating_sub(1)
    }
}

impl Widget for BigDigits {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = self.width();
        let x0 = area.x + area.width.saturating_sub(width) / 2;
        let digits = self.text.chars().filter_map(|c| c.to_digit(10));
        for (i, digit) in digits.enumerate() {
            let x = x0 + i as u16 * 4;
            if x + 3 > area.right() {
                break;
            }
            for (row, pattern) in GLYPHS[digit as usize].iter().enumerate() {
                let y = area.y + row as u16;
                if y >= area.bottom() {
                    break;
                }
                buf.set_string(x, y, pattern, self.style);
            }
        }
    }
}
