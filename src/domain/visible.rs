//! Text made safe to show on a terminal: a name, desk or file name from a hostile CSV must
//! not move the cursor, recolour the screen, ring the bell or reverse the text around it
//! (DESIGN.md §7). Every character that could do so is replaced by a visible stand-in.

use std::borrow::Cow;

/// Whether `c` could drive a terminal or reorder text: C0 and C1 controls, DEL, and the
/// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). A line
/// break is not counted: multi-line output keeps its lines.
pub fn is_unsafe(c: char) -> bool {
    c != '\n'
        && (c.is_control()
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c))
}

/// `text` with every unsafe character made visible: C0 controls as their Unicode control
/// pictures (ESC shows as `␛`, BEL as `␇`), DEL as `␡`, everything else as `⟨U+202E⟩`.
/// Safe text is returned as it is, without copying.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !is_unsafe(c) => shown.push(c),
            '\u{0}'..='\u{1F}' => {
                shown.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'))
            }
            '\u{7F}' => shown.push('␡'),
            other => shown.push_str(&format!("⟨U+{:04X}⟩", u32::from(other))),
        }
    }
    Cow::Owned(shown)
}

/// JSON text with every unsafe character that JSON leaves raw (C1 controls and the bidi
/// controls) written as a `\uXXXX` escape: the same JSON value, safe on a terminal.
pub fn json_escaped(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut escaped = String::with_capacity(json.len() + 12);
    for c in json.chars() {
        if is_unsafe(c) {
            escaped.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rustfmt::skip]
    const SHOWN: &[(&str, &str)] = &[
        ("Иванов", "Иванов"),
        ("two\nlines", "two\nlines"),
        ("\u{1b}[2J\u{1b}]0;pwned\u{7}", "␛[2J␛]0;pwned␇"),
        ("tab\there\r", "tab␉here␍"),
        ("del\u{7f}", "del␡"),
        ("csi\u{9b}31m", "csi⟨U+009B⟩31m"),
        ("evil\u{202e}gpj.exe", "evil⟨U+202E⟩gpj.exe"),
        ("\u{2066}isolate\u{2069}", "⟨U+2066⟩isolate⟨U+2069⟩"),
    ];

    #[test]
    fn unsafe_characters_are_made_visible() {
        for (text, want) in SHOWN {
            assert_eq!(visible(text), *want, "{text:?}");
        }
    }

    #[test]
    fn safe_text_is_not_copied() {
        assert!(matches!(visible("Москва, ул. Ленина"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_value() {
        let value = serde_json::json!({"name": "a\u{202e}b\u{9b}c\u{1b}"});
        let text = serde_json::to_string(&value).unwrap();
        let escaped = json_escaped(&text);
        assert!(!escaped.chars().any(is_unsafe), "{escaped}");
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, value);
    }
}
