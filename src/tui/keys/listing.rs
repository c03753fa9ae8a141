//! The table in words: the key bar of the active scopes and the help overlay of a screen.

use super::{Bar, Key, Scope, help_notes, help_scopes, table};
use crate::i18n::Lang;
use crate::i18n::{HelpLine, KeyLabel, KeyName};
use crate::tui::model::Screen;
use ratatui::crossterm::event::KeyCode;
use std::borrow::Cow;

impl Key {
    /// The key as the bar and the help write it.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Key::Plain(code) => code_name(code, lang),
            Key::Letter(c) | Key::Exact(c) => c.to_string(),
            Key::Ctrl(c) => lang.t(KeyName::Ctrl(c)).into_owned(),
            Key::Alt(c) => lang.t(KeyName::Alt(c)).into_owned(),
            Key::Any => lang.t(KeyName::AnyKey).into_owned(),
        }
    }
}

/// The keys other than characters and F-keys that have a name.
pub const NAMED_KEYS: [(KeyCode, KeyName); 14] = [
    (KeyCode::Enter, KeyName::Enter),
    (KeyCode::Esc, KeyName::Esc),
    (KeyCode::Tab, KeyName::Tab),
    (KeyCode::BackTab, KeyName::BackTab),
    (KeyCode::Up, KeyName::Up),
    (KeyCode::Down, KeyName::Down),
    (KeyCode::Left, KeyName::Left),
    (KeyCode::Right, KeyName::Right),
    (KeyCode::PageUp, KeyName::PageUp),
    (KeyCode::PageDown, KeyName::PageDown),
    (KeyCode::Home, KeyName::Home),
    (KeyCode::End, KeyName::End),
    (KeyCode::Backspace, KeyName::Backspace),
    (KeyCode::Delete, KeyName::Delete),
];

fn code_name(code: KeyCode, lang: Lang) -> String {
    let name = match code {
        KeyCode::Char(' ') => KeyName::Space,
        KeyCode::F(n) => KeyName::F(n),
        KeyCode::Char(c) => return c.to_string(),
        other => match NAMED_KEYS.iter().find(|(named, _)| *named == other) {
            Some((_, name)) => *name,
            None => return other.to_string(),
        },
    };
    lang.t(name).into_owned()
}

/// The key bar in the active `scopes` of `screen`: `Ctrl-S save · F1 help`. Entries with
/// the same label share one item (`↑↓ move`, `Enter/y yes`), written with the first key of
/// each.
pub fn bar(scopes: &[Scope], screen: Screen, lang: Lang) -> String {
    let mut shown: Vec<_> = table()
        .iter()
        .filter(|b| {
            scopes.contains(&b.scope)
                && match b.bar {
                    Bar::Hide => false,
                    Bar::Show => true,
                    Bar::On(screens) => screens.contains(&screen),
                }
        })
        .collect();
    shown.sort_by_key(|b| rank(scopes, b.scope));
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
            format!("{} {}", keys.join(glue), lang.t(label))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Where `scope`'s keys come among `scopes`: in their order, the personal screens' keys
/// with the other screens' (F2 … F6 read in order).
fn rank(scopes: &[Scope], scope: Scope) -> usize {
    let group = |s: Scope| match s {
        Scope::PersonalScreens => Scope::Screens,
        other => other,
    };
    scopes
        .iter()
        .position(|s| group(*s) == group(scope))
        .unwrap_or(usize::MAX)
}

/// Every key of the table, for the full list of keys (README's keys table): its keys,
/// where they work, what they do in the help overlay's words; one row per place and
/// label, in the table's order.
pub fn reference(lang: Lang) -> Vec<[String; 3]> {
    let mut rows: Vec<(Scope, KeyLabel, Vec<String>)> = Vec::new();
    for binding in table() {
        let place = binding.scope.place();
        let names = binding.keys.iter().map(|k| k.name(lang));
        match rows
            .iter_mut()
            .find(|(p, label, _)| *p == place && *label == binding.label)
        {
            Some((_, _, keys)) => keys.extend(names),
            None => rows.push((place, binding.label, names.collect())),
        }
    }
    rows.into_iter()
        .map(|(place, label, keys)| {
            [
                keys.join(", "),
                lang.t(place).into_owned(),
                lang.t(HelpLine(label)).into_owned(),
            ]
        })
        .collect()
}

/// The help overlay of `screen`: one line per label (its keys, what they do), the screen's
/// own keys first, then its notes (no keys), then the keys every screen has; the keys of
/// the personal screens only when the process may open them (`personal`).
pub fn help(screen: Screen, personal: bool, lang: Lang) -> Vec<(String, Cow<'static, str>)> {
    let common = [
        Scope::Calling,
        Scope::PersonalScreens,
        Scope::Screens,
        Scope::Session,
        Scope::Anywhere,
    ];
    let (own, shared): (Vec<Scope>, Vec<Scope>) = help_scopes(screen)
        .iter()
        .filter(|s| personal || **s != Scope::PersonalScreens)
        .partition(|s| !common.contains(s));
    let mut lines: Vec<(KeyLabel, Vec<String>)> = Vec::new();
    let order: Vec<Scope> = own.iter().chain(&shared).copied().collect();
    let mut bindings: Vec<_> = table()
        .iter()
        .filter(|b| order.contains(&b.scope))
        .collect();
    bindings.sort_by_key(|b| rank(&order, b.scope));
    let mut own_lines = None;
    for binding in bindings {
        if own_lines.is_none() && !own.contains(&binding.scope) {
            own_lines = Some(lines.len());
        }
        let names = binding.keys.iter().map(|k| k.name(lang));
        match lines.iter_mut().find(|(label, _)| *label == binding.label) {
            Some((_, keys)) => keys.extend(names),
            None => lines.push((binding.label, names.collect())),
        }
    }
    let own_lines = own_lines.unwrap_or(lines.len());
    let mut lines: Vec<(String, Cow<'static, str>)> = lines
        .into_iter()
        .map(|(label, keys)| (keys.join(" "), lang.t(HelpLine(label))))
        .collect();
    let notes = help_notes(screen)
        .iter()
        .map(|n| (String::new(), lang.t(n)));
    lines.splice(own_lines..own_lines, notes);
    lines
}
