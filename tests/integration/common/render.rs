//! Frames on ratatui's `TestBackend`: the model drawn at a size, as text. Benches include
//! this file with `#[path]` and time [`render_into`] on the terminals [`terminal`] makes.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sigdesk::tui::model::Model;

/// A test terminal of this size.
pub fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("terminal")
}

/// Renders one frame of the model into the terminal, as the app's loop does.
pub fn render_into(terminal: &mut Terminal<TestBackend>, model: &Model) {
    terminal
        .draw(|f| sigdesk::tui::screens::render(f, model))
        .expect("draw");
}

/// The model drawn on a new terminal of this size.
pub fn draw(model: &Model, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = terminal(width, height);
    render_into(&mut terminal, model);
    terminal
}

/// The drawn screen's text lines.
pub fn screen_lines(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// What the model shows at 80×24 and at 120×40, the sizes every screen must work at, as
/// one text.
pub fn shown_at_both_sizes(model: &Model) -> String {
    screen_text(model, 80, 24) + "\n" + &screen_text(model, 120, 40)
}

/// The model drawn at this size, as one text with a line per row.
pub fn screen_text(model: &Model, width: u16, height: u16) -> String {
    screen_lines(&draw(model, width, height)).join("\n")
}
