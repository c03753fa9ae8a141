//! The table in words: the key bar of the active scopes and the help overlay of a screen.

use super::{Bar, Key, Scope, help_notes, help_scopes, table};
use crate::i18n::Lang;
use crate::i18n::keys::{KeyLabel, KeyName};
use crate::tui::model::Screen;
use ratatui::crossterm::event::KeyCode;

impl Key {
    /// The key as the bar and the help write it.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Key::Plain(code) => code_name(code, lang),
            Key::Letter(c) | Key::Exact(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Alt(c) => format!("Alt-{c}"),
            Key::Any => KeyName::AnyKey.text(lang).into(),
        }
    }
}

fn code_name(code: KeyCode, lang: Lang) -> String {
    let name = match code {
        KeyCode::Enter => "Enter",
        KeyCode::Esc => "Esc",
        KeyCode::Tab => "Tab",
        KeyCode::BackTab => "Shift-Tab",
        KeyCode::Up => "↑",
        KeyCode::Down => "↓",
        KeyCode::Left => "←",
        KeyCode::Right => "→",
        KeyCode::PageUp => "PgUp",
        KeyCode::PageDown => "PgDn",
        KeyCode::Home => "Home",
        KeyCode::End => "End",
        KeyCode::Backspace => "Backspace",
        KeyCode::Delete => "Del",
        KeyCode::Char(' ') => KeyName::Space.text(lang),
        KeyCode::F(n) => return format!("F{n}"),
        KeyCode::Char(c) => return c.to_string(),
        other => return other.to_string(),
    };
    name.to_string()
}

/// The key bar in the active `scopes` of `screen`: `Ctrl-S save · F1 help`. Entries with
/// the same label share one item (`↑↓ move`, `Enter/y yes`), written with the first key of
/// each.
pub fn bar(scopes: &[Scope], screen: Screen, lang: Lang) -> String {
    let shown = scopes.iter().flat_map(|s| {
        table().iter().filter(move |b| {
            b.scope == *s
                && match b.bar {
                    Bar::Hide => false,
                    Bar::Show => true,
                    Bar::On(screens) => screens.contains(&screen),
                }
        })
    });
    let mut items: Vec<(KeyLabel, Vec<String>)> = Vec::new();
    for binding in shown {
        let first = binding
            .keys
            .first()
            .map(|k| k.name(lang))
            .unwrap_or_default();
        match items.iter_mut().find(|(label, _)| *label == binding.label) {
            Some((_, keys)) => keys.push(first),
            None => items.push((binding.label, vec![first])),
        }
    }
    items
        .into_iter()
        .map(|(label, keys)| {
            let glue = if keys.iter().all(|k| k.chars().count() == 1) {
                ""
            } else {
                "/"
            };
            format!("{} {}", keys.join(glue), label.short(lang))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The help overlay of `screen`: one line per label (its keys, what they do), the screen's
/// own keys first, then its notes (no keys), then the keys every screen has.
pub fn help(screen: Screen, lang: Lang) -> Vec<(String, &'static str)> {
    let common = [
        Scope::Calling,
        Scope::Screens,
        Scope::Session,
        Scope::Anywhere,
    ];
    let (own, shared): (Vec<Scope>, Vec<Scope>) = help_scopes(screen)
        .iter()
        .partition(|s| !common.contains(s));
    let mut lines: Vec<(KeyLabel, Vec<String>)> = Vec::new();
    let mut own_lines = 0;
    for (i, scope) in own.iter().chain(&shared).enumerate() {
        if i == own.len() {
            own_lines = lines.len();
        }
        for binding in table().iter().filter(|b| b.scope == *scope) {
            let names = binding.keys.iter().map(|k| k.name(lang));
            match lines.iter_mut().find(|(label, _)| *label == binding.label) {
                Some((_, keys)) => keys.extend(names),
                None => lines.push((binding.label, names.collect())),
            }
        }
    }
    let mut lines: Vec<(String, &'static str)> = lines
        .into_iter()
        .map(|(label, keys)| (keys.join(" "), label.long(lang)))
        .collect();
    let notes = help_notes(screen)
        .iter()
        .map(|n| (String::new(), n.text(lang)));
    lines.splice(own_lines..own_lines, notes);
    lines
}
