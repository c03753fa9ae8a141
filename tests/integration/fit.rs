//! Every screen's text fits 80×24 in both languages (issue 13 item 8): each screen and
//! overlay is drawn at 80×24 in English and Russian, and a word cut by the edge of the
//! screen or of its box fails the test, as does a phrase that shows only in part.
//!
//! A cut word is a letter in the last cell before a box's right border or the screen's
//! right edge: text is laid out with room to spare (boxes of wrapped text have a margin
//! inside the border), so a letter there is one whose word went on past the edge.

use crate::common::board_day::seed;
use crate::common::db::{fixed_now, open_store};
use crate::common::desk::{Desk, IVANOV, PETROVA, Signer, petrova_abroad, signed_in_as};
use crate::common::render::{draw, screen_lines};
use ratatui::crossterm::event::KeyCode;
use sigdesk::i18n::{GuardText, Lang, Phrase, QueueText, Text};
use sigdesk::tui::SignInOptions;
use sigdesk::tui::model::{Alarm, LeadPrompt, Model, Screen};
use sigdesk::tui::msg::{DeskClaim, LeadAction, Msg, ProtectMsg};
use std::path::Path;

/// Where a word is cut in the drawn lines: `row:column` and the line.
fn cut_words(lines: &[String]) -> Vec<String> {
    let grid: Vec<Vec<char>> = lines.iter().map(|l| l.chars().collect()).collect();
    let mut cuts = Vec::new();
    for (y, cells) in grid.iter().enumerate() {
        for x in 0..cells.len() {
            let edge = x + 1 == cells.len() || is_right_border(&grid, x + 1, y);
            if edge && cells[x].is_alphabetic() {
                cuts.push(format!("{y}:{x} `{}`", lines[y]));
            }
        }
    }
    cuts
}

/// Whether the cell at `(x, y)` closes a box on its right: a right corner or a vertical
/// line whose nearest corner above is a right one (a box drawn over another has its left
/// border next to the text below it, which is not cut).
fn is_right_border(grid: &[Vec<char>], x: usize, y: usize) -> bool {
    match grid[y].get(x) {
        Some('┐' | '┘' | '┤' | '╮' | '╯') => true,
        Some('│' | '║') => (0..y)
            .rev()
            .find_map(|up| match grid[up].get(x) {
                Some('┐' | '┤' | '╮') => Some(true),
                Some('┌' | '├' | '╭') => Some(false),
                _ => None,
            })
            .unwrap_or(false),
        _ => false,
    }
}

/// The words of `phrase` missing from `screen` (cut off by the width or the height of
/// their box).
fn missing_words<'a>(screen: &str, phrase: &'a str) -> Vec<&'a str> {
    let flat = screen.replace('\n', " ");
    phrase
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !flat.contains(w))
        .collect()
}

/// A state of the app to draw, and the phrases it must show whole.
struct State {
    name: String,
    model: Model,
    whole: Vec<String>,
}

/// Collects named states in one language.
struct States {
    lang: Lang,
    all: Vec<State>,
}

impl States {
    fn add(&mut self, name: &str, model: &Model, whole: &[&dyn Phrase]) {
        let whole = whole.iter().map(|p| self.lang.t(*p).into_owned()).collect();
        self.all.push(State {
            name: format!("{name} ({:?})", self.lang),
            model: model.clone(),
            whole,
        });
    }

    /// The state with its status line, which must show whole.
    fn add_status(&mut self, name: &str, model: &Model) {
        let status = model
            .status
            .clone()
            .map(|(_, text)| text)
            .unwrap_or_default();
        self.all.push(State {
            name: format!("{name} ({:?})", self.lang),
            model: model.clone(),
            whole: vec![status],
        });
    }
}

/// A process whose home is `home` on `db`, in `lang`.
fn process(db: &Path, home: Screen, lang: Lang, desk: &str) -> Desk {
    let args = match home {
        Screen::Desk => signed_in_as(desk, "Anna"),
        _ => SignInOptions {
            operator: Some("Olga".into()),
            pin: Some("1234".into()),
            ..SignInOptions::default()
        },
    };
    Desk::process(open_store(db), home, lang, &args, fixed_now())
}

fn sign_in_states(s: &mut States, dir: &Path) {
    let args = SignInOptions::default();
    let store = open_store(&dir.join("signin.db"));
    let mut signin = Desk::process(store, Screen::Desk, s.lang, &args, fixed_now());
    s.add("sign-in", &signin.model, &[&Text::SignInHint]);
    signin.type_line("desk-1");
    signin.type_line("Анна Сергеевна");
    signin.type_line("12");
    let problem = signin.model.signin.problem.clone().unwrap_or_default();
    s.all.push(State {
        name: format!("sign-in: PIN shape ({:?})", s.lang),
        model: signin.model.clone(),
        whole: vec![problem, s.lang.t(Text::SignInHint).into_owned()],
    });
    let held = GuardText::DeskHeld {
        desk: "desk-1",
        pid: 123_456,
        host: "laptop-of-olga",
    };
    signin.model.signin.problem = Some(s.lang.t(&held).into_owned());
    s.add(
        "sign-in: desk held",
        &signin.model,
        &[&held, &Text::SignInHint],
    );
}

fn desk_states(s: &mut States, dir: &Path) {
    let db = dir.join("desk.db");
    let mut desk = process(&db, Screen::Desk, s.lang, "desk-1");
    s.add("desk: empty", &desk.model, &[&Text::SaveBar]);
    desk.send(Msg::Protect(ProtectMsg::DeskClaimed(DeskClaim {
        desk: "desk-1".into(),
        operator: "Anna".into(),
        pin: "1234".into(),
        held: None,
        lost_signer: true,
    })));
    s.add_status("desk: signer lost", &desk.model);
    desk.type_text("Bdfyjd");
    desk.press(KeyCode::Tab);
    desk.ctrl('t');
    s.add_status("desk: layout fixed", &desk.model);
    desk.ctrl('n');
    s.add_status("desk: save first", &desk.model);
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Tab);
    // Tab passes over the kind; Shift-Tab from the number goes back to it.
    desk.press(KeyCode::BackTab);
    s.add("desk: document kind", &desk.model, &[&Text::KindHint]);
    desk.press(KeyCode::Tab);
    desk.press(KeyCode::Tab);
    desk.type_text("Моск");
    s.add("desk: suggestions", &desk.model, &[]);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Esc);
    s.add("desk: clear?", &desk.model, &[&Text::ConfirmClear]);
    desk.press(KeyCode::Esc);
    desk.ctrl('q');
    s.add("desk: quit?", &desk.model, &[&Text::ConfirmQuit]);
    desk.press(KeyCode::Esc);

    let mut errors = process(&db, Screen::Desk, s.lang, "desk-2");
    errors.fill(&Signer {
        birth_date: "31.02.2015",
        document: "4506 1234",
        address: "Москва, ул. Арбат, д. 1",
        ..IVANOV
    });
    errors.ctrl('s');
    s.add_status("desk: errors", &errors.model);
    s.add("desk: errors panel", &errors.model, &[&Text::DoNotSignYet]);

    let mut warnings = process(&db, Screen::Desk, s.lang, "desk-3");
    warnings.fill(&Signer {
        address: "ул. Тверская",
        ..IVANOV
    });
    warnings.ctrl('s');
    s.add_status("desk: warnings", &warnings.model);
    warnings.ctrl('s');
    s.add_status("desk: saved", &warnings.model);

    let mut abroad = process(&db, Screen::Desk, s.lang, "desk-4");
    abroad.fill_fields(&petrova_abroad(""));
    s.add("desk: abroad", &abroad.model, &[]);

    let mut long = process(&db, Screen::Desk, s.lang, "desk-6");
    long.fill(&Signer {
        address: "г. Москва, ул. Большая Пироговская, д. 53/55, стр. 5, кв. 117",
        ..IVANOV
    });
    long.press(KeyCode::Tab);
    s.add("desk: a long address", &long.model, &[]);

    // A duplicate opened with Ctrl-O over a typed signer: the edit and leaving it.
    let mut edit = process(&db, Screen::Desk, s.lang, "desk-5");
    edit.fill(&PETROVA);
    edit.ctrl('s');
    edit.fill(&Signer {
        surname: "Сидорова",
        ..PETROVA
    });
    edit.ctrl('o');
    s.add_status("desk: editing", &edit.model);
    edit.press(KeyCode::Esc);
    let unchanged = Text::ConfirmLeaveEdit { changed: false };
    s.add("desk: leave the edit?", &edit.model, &[&unchanged]);
    edit.press(KeyCode::Esc);
    edit.press(KeyCode::Tab);
    edit.type_text("а");
    edit.press(KeyCode::Esc);
    let changed = Text::ConfirmLeaveEdit { changed: true };
    s.add("desk: drop the changes?", &edit.model, &[&changed]);
    let mut lead = edit.model.clone();
    for void in [true, false] {
        let action = if void {
            LeadAction::Void {
                id: "x".into(),
                reason: "y".into(),
            }
        } else {
            LeadAction::Edit(sigdesk::store::EntryEdit {
                id: "x".into(),
                entry: lead.form.checked.clone().expect("checked"),
            })
        };
        lead.confirm = None;
        lead.lead_prompt = Some(LeadPrompt {
            typed: Default::default(),
            desk: "desk-12".into(),
            action,
        });
        s.add(&format!("lead PIN (void {void})"), &lead, &[]);
    }
    edit.press(KeyCode::Enter);
    s.add_status("desk: edit left", &edit.model);

    entries_states(s, &mut edit);
    lock_states(s, &mut desk);
    guard_states(s, &desk);
}

fn entries_states(s: &mut States, desk: &mut Desk) {
    desk.model.status = None;
    desk.press(KeyCode::F(4));
    s.add("entries", &desk.model, &[]);
    desk.press(KeyCode::Char('a'));
    s.add("entries: all desks", &desk.model, &[]);
    desk.press(KeyCode::Char('v'));
    desk.type_text("подпись не та");
    let prompt = Text::VoidPrompt { sheet: 1, line: 1 };
    s.add("entries: void reason", &desk.model, &[&prompt]);
    desk.press(KeyCode::Enter);
    s.add("entries: voided", &desk.model, &[]);
    desk.press(KeyCode::F(1));
    s.add("entries: help", &desk.model, &[]);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::F(2));
}

fn lock_states(s: &mut States, desk: &mut Desk) {
    desk.ctrl('l');
    s.add("lock", &desk.model, &[&sigdesk::i18n::LockText::TypePin]);
    desk.type_line("9999");
    let wrong = sigdesk::i18n::LockText::WrongPin(4);
    s.add("lock: wrong PIN", &desk.model, &[&wrong]);
    for _ in 0..4 {
        desk.type_line("9999");
    }
    let ask = desk.model.passphrase_prompt();
    s.add("lock: passphrase", &desk.model, &[&ask]);
    desk.type_line("wrong");
    s.add("lock: wrong passphrase", &desk.model, &[&ask]);
    desk.model.lock = None;
    desk.model.status = None;
}

fn guard_states(s: &mut States, desk: &Desk) {
    let mut model = desk.model.clone();
    model.db_path = "/srv/point/s.db".into();
    for (wal, rescued) in [
        (false, None),
        (true, Some("/srv/point/s.db.rescued-4242.db")),
    ] {
        model.alarm = Some(Alarm::Files {
            path: model.db_path.clone(),
            wal,
            rescued: rescued.map(String::from),
        });
        let what = GuardText::AlarmWhat {
            path: "/srv/point/s.db",
            wal,
        };
        let todo = GuardText::AlarmDo { rescued };
        s.add(&format!("alarm (wal {wal})"), &model, &[&what, &todo]);
    }
    model.alarm = Some(Alarm::LeaseLost);
    s.add("alarm: lease lost", &model, &[&GuardText::LeaseLost]);
    model.alarm = None;
    model.write_on = Some((12, 4));
    let write_on = GuardText::WriteOn { sheet: 12, line: 4 };
    s.add("write on", &model, &[&write_on, &GuardText::WriteOnDismiss]);
}

fn queue_states(s: &mut States, dir: &Path) {
    let db = dir.join("day.db");
    seed(&mut open_store(&db), true);
    let mut door = process(&db, Screen::Door, s.lang, "door");
    s.add("door", &door.model, &[&QueueText::NoneIssued]);
    door.press(KeyCode::Char(' '));
    s.add_status("door: issued", &door.model);
    door.send(Msg::Tick(fixed_now() + chrono::Duration::minutes(1)));
    door.press(KeyCode::Backspace);
    s.add_status("door: too late to undo", &door.model);
    door.press(KeyCode::Char('l'));
    door.type_text("17");
    s.add("door: walkout", &door.model, &[&QueueText::LeavingPrompt]);
    door.press(KeyCode::Enter);
    s.add_status("door: walkout refused", &door.model);
    door.press(KeyCode::Char('l'));
    door.type_line("x1");
    s.add_status("door: not a ticket", &door.model);
    door.press(KeyCode::Char('n'));
    s.add("door: notice", &door.model, &[]);
    door.press(KeyCode::Esc);
    door.press(KeyCode::F(1));
    s.add("door: help", &door.model, &[]);
    door.press(KeyCode::Esc);
    door.press(KeyCode::F(3));
    s.add("door: queue", &door.model, &[]);

    let mut desk = process(&db, Screen::Desk, s.lang, "desk-9");
    desk.ctrl('n');
    s.add_status("desk: called", &desk.model);
    desk.press(KeyCode::F(3));
    s.add("queue", &desk.model, &[]);
    desk.press(KeyCode::F(1));
    s.add("queue: help", &desk.model, &[]);
    desk.press(KeyCode::Esc);
    desk.press(KeyCode::Char('r'));
    s.add_status("queue: recall", &desk.model);

    let mut board = Desk::board(open_store(&db), s.lang, fixed_now());
    s.add("board", &board.model, &[]);
    board.press(KeyCode::F(1));
    s.add("board: help", &board.model, &[]);
}

fn help_states(s: &mut States, dir: &Path) {
    let mut desk = process(&dir.join("help.db"), Screen::Desk, s.lang, "desk-1");
    for screen in [Screen::SignIn, Screen::Desk] {
        desk.model.screen = screen;
        desk.model.help = true;
        s.add(&format!("help {screen:?}"), &desk.model, &[]);
    }
}

fn every_state(lang: Lang, dir: &Path) -> Vec<State> {
    let mut s = States {
        lang,
        all: Vec::new(),
    };
    sign_in_states(&mut s, dir);
    desk_states(&mut s, dir);
    queue_states(&mut s, dir);
    help_states(&mut s, dir);
    s.all
}

#[test]
fn every_screen_fits_80x24_in_both_languages_without_a_cut_word() {
    let mut failures = Vec::new();
    for lang in [Lang::En, Lang::Ru] {
        let dir = tempfile::tempdir().expect("temp dir");
        for state in every_state(lang, dir.path()) {
            let lines = screen_lines(&draw(&state.model, 80, 24));
            for cut in cut_words(&lines) {
                failures.push(format!("{}: cut at {cut}", state.name));
            }
            let screen = lines.join("\n");
            if lang == Lang::En && screen.contains('«') {
                failures.push(format!(
                    "{}: Russian quotes in English:\n{screen}",
                    state.name
                ));
            }
            for phrase in &state.whole {
                let missing = missing_words(&screen, phrase);
                if !missing.is_empty() {
                    failures.push(format!(
                        "{}: {missing:?} of “{phrase}” not shown:\n{screen}",
                        state.name
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_cut_word_finder_finds_cut_words_and_only_them() {
    let lines = [
        "┌ Door ────────────────────────────┐┌ Called ───────────────┐".to_string(),
        "│Space or Enter gives the next numb││Nobody called yet      │".to_string(),
        "│Waiting 3               ┌ Keys ───────────────┐            │".to_string(),
        "│help over a word, which is│ F1 this help    │            │".to_string(),
        " Ctrl-S save · F1 he".to_string(),
        " 09:30 ".to_string(),
    ];
    let cuts = cut_words(&lines);
    assert_eq!(cuts.len(), 2, "{cuts:?}");
    assert!(cuts[0].starts_with("1:34"), "{cuts:?}");
    assert!(cuts[1].starts_with("4:19"), "{cuts:?}");
    let screen = lines.join("\n");
    assert!(missing_words(&screen, "Nobody called yet").is_empty());
    assert_eq!(missing_words(&screen, "the next number"), ["number"]);
}
