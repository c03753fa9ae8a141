//! The keyboard the key tests walk, from the table's unit tests to the integration tests
//! of the whole app: key events as the terminal reports them, and every key a person can
//! press, more or less.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Named keys, F1 to F12, printable ASCII and the Russian alphabet with ё, each alone, with
/// Ctrl and with Alt.
pub fn every_key() -> Vec<KeyEvent> {
    let named = [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
    ];
    let chars = (' '..='~')
        .chain('а'..='я')
        .chain('А'..='Я')
        .chain(['ё', 'Ё']);
    let codes = named
        .into_iter()
        .chain((1..=12).map(KeyCode::F))
        .chain(chars.map(KeyCode::Char));
    codes
        .flat_map(|code| {
            [KeyModifiers::NONE, KeyModifiers::CONTROL, KeyModifiers::ALT]
                .map(|m| KeyEvent::new(code, m))
        })
        .collect()
}

/// A character key pressed alone.
pub fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// A character key pressed with Shift (`c` is the character it types).
pub fn shifted(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)
}

/// A character key pressed with Ctrl.
pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}
