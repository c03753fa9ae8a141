//! The key table seen from outside: the key bar and the help overlay of every screen are
//! the table's entries and fit 80×24 in both languages, README's keys table is the table, letters work in either keyboard
//! layout, yes/no questions follow DESIGN §6, and a key the table does not list changes
//! nothing where nothing is typed.

use crate::common::db::fixed_now;
use crate::common::desk::{Desk, IVANOV, fresh_desk};
use crate::common::render::{draw, screen_lines};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sigdesk::dev::keys::{ctrl, every_key, press, shifted};
use sigdesk::domain::RegionCatalog;
use sigdesk::i18n::{HelpLine, Lang};
use sigdesk::tui::keys::{self, Action, Answer, AppAction, Bar, Scope};
use sigdesk::tui::model::{LeadPrompt, Model, Screen};
use sigdesk::tui::msg::{LeadAction, Msg};
use sigdesk::tui::screens::{chrome, help};
use sigdesk::tui::update::update;
use std::collections::BTreeSet;

/// Scopes that cover a screen rather than belong to it.
const MODAL: [Scope; 5] = [
    Scope::Lock,
    Scope::LeadPin,
    Scope::Question,
    Scope::QuestionRu,
    Scope::HelpOpen,
];

/// The app in every state that has its own keys, each with a name.
fn every_state() -> Vec<(&'static str, Model)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut states = Vec::new();
    let mut signin = Desk::at_sign_in(&dir.path().join("signin.db"));
    states.push(("sign-in", signin.model.clone()));
    signin.press(KeyCode::F(1));
    states.push(("sign-in help", signin.model.clone()));

    let mut desk = Desk::signed_in(&dir.path().join("s.db"), "desk-1", "Anna");
    desk.fill(&IVANOV);
    desk.ctrl('s');
    desk.send(Msg::Tick(fixed_now()));
    states.push(("desk", desk.model.clone()));
    for _ in 0..4 {
        desk.press(KeyCode::Tab);
    }
    // Tab passes over the document kind; Shift-Tab from the document goes back to it.
    desk.press(KeyCode::BackTab);
    assert_eq!(desk.model.form.focus, sigdesk::domain::Field::DocKind);
    states.push(("desk: document kind", desk.model.clone()));
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Tab);
    desk.type_text("Моск");
    assert!(!desk.model.form.suggestions.is_empty());
    states.push(("desk: region suggestions", desk.model.clone()));
    for _ in 0..3 {
        if desk.model.confirm.is_none() {
            desk.press(KeyCode::Esc);
        }
    }
    assert!(desk.model.confirm.is_some());
    states.push(("desk: clear?", desk.model.clone()));
    desk.press(KeyCode::Esc);
    desk.ctrl('q');
    states.push(("desk: quit?", desk.model.clone()));
    desk.press(KeyCode::Esc);
    let mut lead = desk.model.clone();
    lead.lead_prompt = Some(LeadPrompt {
        typed: Default::default(),
        desk: "desk-2".into(),
        action: LeadAction::Void {
            id: "x".into(),
            reason: "y".into(),
        },
    });
    states.push(("lead PIN", lead));
    let mut locked = desk.model.clone();
    locked.lock = Some(Default::default());
    states.push(("locked", locked));

    for (name, help, key) in [
        ("entries", "entries help", KeyCode::F(4)),
        ("queue", "queue help", KeyCode::F(3)),
        ("door", "door help", KeyCode::F(6)),
        ("board", "board help", KeyCode::F(5)),
    ] {
        desk.press(key);
        states.push((name, desk.model.clone()));
        desk.press(KeyCode::F(1));
        states.push((help, desk.model.clone()));
        desk.press(KeyCode::Esc);
    }
    desk.press(KeyCode::F(4));
    desk.press(KeyCode::Char('v'));
    assert!(desk.model.entries.void_reason.is_some());
    states.push(("entries: void reason", desk.model.clone()));
    desk.press(KeyCode::F(6));
    desk.press(KeyCode::Char('l'));
    assert!(desk.model.door.leaving.is_some());
    states.push(("door: walkout", desk.model.clone()));
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Char('n'));
    assert!(desk.model.door.notice.is_some());
    states.push(("door: notice", desk.model.clone()));
    states
}

fn in_both_languages(states: Vec<(&'static str, Model)>) -> Vec<(String, Model)> {
    states
        .into_iter()
        .flat_map(|(name, model)| {
            [Lang::En, Lang::Ru].map(|lang| {
                let mut model = model.clone();
                model.lang = lang;
                (format!("{name} ({lang:?})"), model)
            })
        })
        .collect()
}

#[test]
fn every_key_bar_is_the_tables_and_fits_80_columns() {
    for (name, model) in in_both_languages(every_state()) {
        let text = chrome::bottom_text(&model);
        assert!(text.chars().count() <= 80, "{name}: {text}");
        let drawn = screen_lines(&draw(&model, 120, 40))[39]
            .trim_end()
            .to_string();
        assert_eq!(drawn, text.trim_end(), "{name}");
        let scopes = keys::active(&model);
        let shown: BTreeSet<_> = keys::table()
            .iter()
            .filter(|b| scopes.contains(&b.scope))
            .filter(|b| match b.bar {
                Bar::Hide => false,
                Bar::Show => true,
                Bar::On(screens) => screens.contains(&model.screen),
            })
            .map(|b| model.lang.t(b.label))
            .collect();
        for label in &shown {
            assert!(text.contains(label.as_ref()), "{name}: {label} in `{text}`");
        }
        let asking =
            model.lock.is_none() && (model.lead_prompt.is_some() || model.confirm.is_some());
        let items = text.split(" · ").count();
        assert_eq!(items, shown.len() + usize::from(asking), "{name}: `{text}`");
    }
}

#[test]
fn every_active_scope_is_in_the_help_of_its_screen() {
    for (name, model) in every_state() {
        let listed = keys::help_scopes(model.screen);
        for scope in keys::active(&model) {
            assert!(
                MODAL.contains(&scope) || listed.contains(&scope),
                "{name}: {scope:?} is not in the help"
            );
        }
    }
}

#[test]
fn every_help_overlay_lists_exactly_the_tables_entries_and_fits_80x24() {
    let (_dir, mut desk) = fresh_desk();
    let screens = [
        Screen::SignIn,
        Screen::Desk,
        Screen::Entries,
        Screen::Queue,
        Screen::Door,
        Screen::Board,
    ];
    for lang in [Lang::En, Lang::Ru] {
        for screen in screens {
            desk.model.lang = lang;
            desk.model.screen = screen;
            desk.model.help = true;
            let scopes = keys::help_scopes(screen);
            let labels: BTreeSet<_> = keys::table()
                .iter()
                .filter(|b| scopes.contains(&b.scope))
                .map(|b| lang.t(HelpLine(b.label)))
                .collect();
            let notes = keys::help_notes(screen);
            let lines = help::lines(&desk.model);
            assert_eq!(lines.len(), labels.len() + notes.len(), "{screen:?}");
            assert!(
                lines.len() + 2 <= 24,
                "{screen:?} {lang:?}: {}",
                lines.len()
            );
            let drawn = screen_lines(&draw(&desk.model, 80, 24)).join("\n");
            for line in &lines {
                assert!(line.chars().count() < help::WIDTH as usize - 1, "{line}");
                assert!(drawn.contains(line.trim_end()), "{line}\n{drawn}");
            }
            for label in labels {
                assert!(lines.iter().any(|l| l.ends_with(label.as_ref())), "{label}");
            }
            for note in notes {
                assert!(lines.iter().any(|l| l.ends_with(&*lang.t(note))));
            }
        }
    }
}

#[test]
fn a_key_the_table_does_not_list_changes_nothing_where_nothing_is_typed() {
    let keys = every_key();
    for (name, model) in every_state() {
        let scopes = keys::active(&model);
        if scopes.iter().any(|s| s.takes_text()) {
            continue;
        }
        let mut base = model.clone();
        base.regions = RegionCatalog::default();
        base.last_input = base.now;
        let before = format!("{base:?}");
        for key in keys.iter().filter(|k| keys::action(&scopes, k).is_none()) {
            let mut after = base.clone();
            let effects = update(&mut after, Msg::Key(*key));
            assert!(effects.is_empty(), "{name}: {key:?} → {effects:?}");
            assert_eq!(
                format!("{after:?}"),
                before,
                "{name}: {key:?} changed the model"
            );
        }
    }
}

#[test]
fn letters_act_the_same_in_the_russian_layout() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill(&IVANOV);
    desk.ctrl('ы'); // Ctrl-S on the Russian layout
    assert_eq!(desk.totals(), (1, 0), "{}", desk.status());
    desk.press(KeyCode::F(4));
    desk.press(KeyCode::Char('ф')); // a: every desk's entries
    assert!(desk.model.entries.all_desks);
    desk.press(KeyCode::Char('Ф'));
    assert!(!desk.model.entries.all_desks);
    desk.press(KeyCode::Char('м')); // v: void
    assert!(desk.model.entries.void_reason.is_some());
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::F(6));
    desk.press(KeyCode::Char(' '));
    assert!(desk.model.door.last_issued.is_some());
    desk.press(KeyCode::Char('г')); // u: undo, which had no Russian twin before
    assert!(desk.model.door.last_issued.is_none(), "{}", desk.status());
    desk.press(KeyCode::Char('д')); // l: walkout
    assert!(desk.model.door.leaving.is_some());
}

fn asking_to_quit(lang: Lang) -> Desk {
    let (_dir, mut desk) = fresh_desk();
    desk.model.lang = lang;
    desk.type_text("Иванов");
    desk.ctrl('q');
    assert!(desk.model.confirm.is_some());
    desk
}

/// What a key does to the question whether to quit and lose the typed signer.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reply {
    /// Yes: the desk quits.
    Quits,
    /// No: the question closes and the signer stays on the form.
    Stays,
    /// Not an answer: the question stays open.
    StillAsks,
}

#[test]
fn yes_no_questions_take_enter_esc_and_the_letters_of_the_language() {
    use Reply::{Quits, Stays, StillAsks};
    // The keys of д and н on the English layout, and other letters, are no answer.
    let cases = [
        (Lang::En, KeyCode::Enter, Quits),
        (Lang::En, KeyCode::Char('y'), Quits),
        (Lang::Ru, KeyCode::Enter, Quits),
        (Lang::Ru, KeyCode::Char('д'), Quits),
        (Lang::Ru, KeyCode::Char('y'), Quits),
        (Lang::En, KeyCode::Esc, Stays),
        (Lang::En, KeyCode::Char('n'), Stays),
        (Lang::Ru, KeyCode::Esc, Stays),
        (Lang::Ru, KeyCode::Char('н'), Stays),
        (Lang::Ru, KeyCode::Char('n'), Stays),
        (Lang::Ru, KeyCode::Char('l'), StillAsks),
        (Lang::Ru, KeyCode::Char('т'), StillAsks),
        (Lang::En, KeyCode::Char('д'), StillAsks),
        (Lang::En, KeyCode::Char('н'), StillAsks),
        (Lang::En, KeyCode::Char('q'), StillAsks),
    ];
    for (lang, key, want) in cases {
        let mut desk = asking_to_quit(lang);
        desk.press(key);
        let reply = match (desk.model.quit, desk.model.confirm.is_some()) {
            (true, _) => Quits,
            (false, false) => Stays,
            (false, true) => StillAsks,
        };
        assert_eq!(reply, want, "{lang:?} {key:?}");
        if want == Stays {
            assert_eq!(
                desk.model.form.text(sigdesk::domain::Field::Surname),
                "Иванов"
            );
        }
    }
}

fn answer(lang: Lang, key: KeyEvent) -> Option<Action> {
    let scopes = match lang {
        Lang::En => vec![Scope::Question, Scope::Session],
        Lang::Ru => vec![Scope::Question, Scope::QuestionRu, Scope::Session],
    };
    keys::action(&scopes, &key)
}

#[test]
fn yes_no_keys_are_read_as_typed_not_by_their_key() {
    let yes = Some(Action::Answer(Answer::Yes));
    let no = Some(Action::Answer(Answer::No));
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let cases = [
        // English: Enter, y yes; Esc, n no; Russian letters are not English answers.
        (Lang::En, enter, yes),
        (Lang::En, press('y'), yes),
        (Lang::En, shifted('Y'), yes),
        (Lang::En, esc, no),
        (Lang::En, press('n'), no),
        (Lang::En, shifted('N'), no),
        (Lang::En, press('д'), None),
        (Lang::En, press('н'), None),
        // Russian: д/н, and y/n too.
        (Lang::Ru, enter, yes),
        (Lang::Ru, press('д'), yes),
        (Lang::Ru, shifted('Д'), yes),
        (Lang::Ru, press('y'), yes),
        (Lang::Ru, esc, no),
        (Lang::Ru, press('н'), no),
        (Lang::Ru, shifted('Н'), no),
        (Lang::Ru, press('n'), no),
        // Answers are read as typed, not by key: the key of д (`l`) is no answer, the
        // key of н (`y`) is yes above, the key of n in the Russian layout (`т`) is none.
        (Lang::Ru, press('l'), None),
        (Lang::Ru, press('т'), None),
        (Lang::En, press('т'), None),
    ];
    for (lang, key, want) in cases {
        assert_eq!(answer(lang, key), want, "{lang:?} {key:?}");
    }
    for lang in [Lang::En, Lang::Ru] {
        for c in ('a'..='z').chain('а'..='я').chain(['1', ' ', '?']) {
            if !"ynдн".contains(c) {
                assert_eq!(answer(lang, press(c)), None, "{lang:?} {c}");
            }
        }
        assert_eq!(answer(lang, ctrl('l')), Some(Action::App(AppAction::Lock)));
    }
}

/// The README's keys table as the key table writes it.
fn readme_keys_table() -> String {
    let mut table = String::from("| key | where | does |\n|---|---|---|\n");
    for [keys, place, does] in keys::reference(Lang::En) {
        table.push_str(&format!("| {keys} | {place} | {does} |\n"));
    }
    table
}

#[test]
fn the_readme_keys_table_is_the_key_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let after_heading = readme
        .split_once("### Keys\n")
        .map(|(_, rest)| rest)
        .expect("a ### Keys section");
    let shown: String = after_heading
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(|l| format!("{l}\n"))
        .collect();
    let wanted = readme_keys_table();
    assert!(
        shown == wanted,
        "README's keys table is not the table in src/tui/keys.rs; it should read:\n{wanted}"
    );
    // Every key of the table is in it, in every place it works.
    for binding in keys::table() {
        let place = Lang::En.t(binding.scope.place());
        for key in binding.keys {
            let name = key.name(Lang::En);
            assert!(
                wanted
                    .lines()
                    .any(|row| row.contains(&format!("| {place} |")) && row.contains(&name)),
                "{name} in {place}"
            );
        }
    }
}
