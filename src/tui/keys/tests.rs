//! Table tests of the key table: layouts, yes/no answers, one action per key and place.

use super::*;
use crate::domain::names::russian_on_key;
use crate::i18n::Lang;

const EVERY_SCOPE: [Scope; 26] = [
    Scope::Alarm,
    Scope::TooSmall,
    Scope::WriteOn,
    Scope::Lock,
    Scope::LeadPin,
    Scope::Question,
    Scope::QuestionRu,
    Scope::HelpOpen,
    Scope::SignIn,
    Scope::Suggestions,
    Scope::DocKind,
    Scope::Form,
    Scope::Entries,
    Scope::VoidReason,
    Scope::Queue,
    Scope::Door,
    Scope::Walkout,
    Scope::Notice,
    Scope::Board,
    Scope::Paper,
    Scope::PaperNote,
    Scope::Calling,
    Scope::Screens,
    Scope::PersonalScreens,
    Scope::Anywhere,
    Scope::Session,
];

/// Character `c` typed with `modifiers`.
fn typed(c: char, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), modifiers)
}

fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

#[test]
fn every_letter_key_of_every_scope_works_in_both_layouts_and_cases() {
    for scope in EVERY_SCOPE {
        if matches!(scope, Scope::Question | Scope::QuestionRu) {
            continue; // answers are read as typed: the next test
        }
        for latin in 'a'..='z' {
            let cyrillic = russian_on_key(latin).expect("every letter key has a Russian letter");
            let want = action(&[scope], &typed(latin, KeyModifiers::NONE));
            for typed in [
                typed(cyrillic, KeyModifiers::NONE),
                typed(upper(latin), KeyModifiers::SHIFT),
                typed(upper(cyrillic), KeyModifiers::SHIFT),
            ] {
                assert_eq!(
                    action(&[scope], &typed),
                    want,
                    "{scope:?}: {latin} vs {typed:?}"
                );
            }
            let want = action(&[scope], &typed(latin, KeyModifiers::CONTROL));
            assert_eq!(
                action(&[scope], &typed(cyrillic, KeyModifiers::CONTROL)),
                want,
                "{scope:?}: Ctrl-{latin}"
            );
        }
    }
}

#[test]
fn every_letter_in_the_table_is_a_key_with_a_russian_twin() {
    for binding in table() {
        for key in binding.keys {
            if let Key::Letter(c) | Key::Ctrl(c) = key {
                assert!(c.is_ascii_lowercase(), "{binding:?}");
                let twin = russian_on_key(*c).expect("a Russian letter on the key");
                let event = match key {
                    Key::Ctrl(_) => typed(twin, KeyModifiers::CONTROL),
                    _ => typed(twin, KeyModifiers::NONE),
                };
                assert_eq!(
                    action(&[binding.scope], &event),
                    Some(binding.action),
                    "{twin}"
                );
            }
        }
    }
}

#[test]
fn no_key_is_listed_twice_in_one_scope() {
    let keys = NAMED_KEYS
        .map(|(code, _)| code)
        .into_iter()
        .chain((1..=12).map(KeyCode::F))
        .chain((' '..='~').map(KeyCode::Char))
        .flat_map(|code| {
            [KeyModifiers::NONE, KeyModifiers::CONTROL, KeyModifiers::ALT]
                .map(|m| KeyEvent::new(code, m))
        });
    for key in keys {
        for scope in EVERY_SCOPE {
            let taking: Vec<_> = table()
                .iter()
                .filter(|b| b.scope == scope)
                .filter(|b| b.keys.iter().any(|k| *k != Key::Any && k.matches(&key)))
                .collect();
            assert!(taking.len() <= 1, "{key:?} in {scope:?}: {taking:?}");
        }
    }
}

#[test]
fn screen_keys_and_the_keys_of_every_screen_never_share_a_key() {
    let shared = [
        Scope::Calling,
        Scope::Screens,
        Scope::PersonalScreens,
        Scope::Anywhere,
        Scope::Session,
    ];
    // The alarm and the too-small notice are the only scopes active while they show.
    let alone = |s: &&Scope| matches!(**s, Scope::Alarm | Scope::TooSmall);
    for own in EVERY_SCOPE
        .iter()
        .filter(|s| !shared.contains(s) && !alone(s))
    {
        for binding in table().iter().filter(|b| b.scope == *own) {
            for key in binding.keys.iter().filter(|k| **k != Key::Any) {
                let clash = table()
                    .iter()
                    .filter(|b| shared.contains(&b.scope))
                    .find(|b| b.keys.contains(key));
                assert_eq!(clash, None, "{key:?} of {own:?}");
            }
        }
    }
}

#[test]
fn bar_items_share_a_label_and_name_their_first_keys() {
    let scopes = [
        Scope::Entries,
        Scope::Screens,
        Scope::PersonalScreens,
        Scope::Anywhere,
    ];
    assert_eq!(
        bar(&scopes, Screen::Entries, Lang::En),
        "↑↓ move · Enter edit · v void · a all desks · F2 form · F1 help"
    );
    let question = [Scope::Question, Scope::QuestionRu];
    assert_eq!(
        bar(&question, Screen::Desk, Lang::Ru),
        "Enter/y/д да · Esc/n/н нет"
    );
    assert_eq!(
        bar(&[Scope::Door], Screen::Door, Lang::Ru),
        "Пробел/Enter номер · Backspace отмена · l ушёл · n памятка"
    );
}
