//! The lead board: snapshots at 80×24 and 160×48 on a seeded day at a fixed clock, no
//! personal data at any size, live reload when another process saves, the keys that open it.

use crate::common::assert_frames;
use crate::common::board_day::{personal, seed};
use crate::common::cli::Point;
use crate::common::db::{actor, fixed_now, open_store};
use crate::common::desk::Desk;
use crate::common::render::{draw, screen_lines, screen_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use sigdesk::i18n::Lang;
use sigdesk::tui::model::Screen;
use sigdesk::tui::msg::Msg;
use std::path::Path;

/// The two sizes the board is snapshot at.
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

/// The board on the database at `path`, at the fixed morning.
fn open_board(path: &Path, lang: Lang) -> Desk {
    Desk::board(open_store(path), lang, fixed_now())
}

fn seeded(dir: &tempfile::TempDir, configured: bool) -> std::path::PathBuf {
    let path = dir.path().join("b.db");
    seed(&mut open_store(&path), configured);
    path
}

#[test]
fn board_snapshots_at_80x24_and_160x48() {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = open_board(&seeded(&dir, true), Lang::En);
    assert_eq!(board.model.screen, Screen::Board);
    assert_eq!(
        board.model.actor.as_ref().map(|a| a.desk.as_str()),
        Some("board")
    );
    let figures = board.model.board.figures.clone().expect("figures");
    assert_eq!(
        (figures.totals.valid_total, figures.totals.valid_today),
        (24, 14)
    );
    assert_frames!("board", &board.model, SIZES);
    let russian = open_board(&dir.path().join("b.db"), Lang::Ru);
    assert_frames!("board_ru", &russian.model, [(80, 24)]);
}

#[test]
fn no_personal_data_on_the_board_at_any_size_or_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = seeded(&dir, true);
    let secrets = personal();
    assert!(secrets.len() > 100, "the seed has personal data to hide");
    for lang in [Lang::En, Lang::Ru] {
        let mut board = open_board(&path, lang);
        for help in [false, true] {
            board.model.help = help;
            for (width, height) in [(80, 24), (100, 30), (120, 40), (160, 48), (240, 70)] {
                let screen = screen_text(&board.model, width, height);
                assert!(help || screen.contains("desk-1"), "{screen}");
                for secret in &secrets {
                    assert!(
                        !screen.contains(secret.as_str()),
                        "`{secret}` shown at {width}×{height}:\n{screen}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_board_shows_the_defects_of_today_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = open_board(&seeded(&dir, true), Lang::En);
    let defects = board.model.board.defects.clone().expect("checked");
    let codes: Vec<(&str, u32)> = defects.iter().map(|d| (d.code.as_str(), d.count)).collect();
    // The under-18 signer (an error) first; the 11th Moscow signature is over the cap of 10.
    assert_eq!(codes.first(), Some(&("birth.under_18", 1)), "{codes:?}");
    for expected in [
        ("address.no_house", 1),
        ("name.layout", 1),
        ("region.cap", 1),
    ] {
        assert!(codes.contains(&expected), "{codes:?}");
    }
    let screen = screen_text(&board.model, 80, 24);
    assert!(screen.contains("birth.under_18"), "{screen}");
}

#[test]
fn an_unconfigured_campaign_is_said_on_the_board() {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = open_board(&seeded(&dir, false), Lang::En);
    board.assert_shows("Campaign not configured: sigdesk campaign set election_date YYYY-MM-DD");
    let configured = open_board(&seeded(&tempfile::tempdir().expect("dir"), true), Lang::En);
    let screen = screen_text(&configured.model, 80, 24);
    assert!(!screen.contains("not configured"), "{screen}");
}

/// A signer another desk saves while the board runs: 17 on the election day (an error).
fn late_signer() -> sigdesk::domain::NewEntry {
    sigdesk::domain::NewEntry {
        surname: "Новосёлова".into(),
        given_name: "Ия".into(),
        patronymic: String::new(),
        birth_date: chrono::NaiveDate::from_ymd_opt(2006, 6, 1).expect("date"),
        doc_kind: sigdesk::domain::DocKind::InternalPassport,
        doc_series: "4510".into(),
        doc_number: "999001".into(),
        region_code: "50".into(),
        abroad_country: String::new(),
        address: "ул. Новая, д. 1".into(),
        signed_on: fixed_now().date_naive(),
    }
}

fn save_at_desk_4(path: &Path) {
    open_store(path)
        .save_entry(&late_signer(), &actor("desk-4", "Лёша"), None, fixed_now())
        .expect("save");
}

fn under_18(board: &Desk) -> u32 {
    let defects = board.model.board.defects.as_ref().expect("checked");
    defects
        .iter()
        .find(|d| d.code == "birth.under_18")
        .map_or(0, |d| d.count)
}

#[test]
fn another_desk_saving_updates_the_board() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = seeded(&dir, true);
    let mut board = open_board(&path, Lang::En);
    let before = board.model.board.figures.clone().expect("figures").totals;
    save_at_desk_4(&path);
    board.send(Msg::DataChanged);
    let after = board.model.board.figures.clone().expect("figures");
    assert_eq!(after.totals.valid_total, before.valid_total + 1);
    assert_eq!(after.totals.valid_today, before.valid_today + 1);
    assert!(
        after
            .desks
            .iter()
            .any(|d| d.desk == "desk-4" && d.entries_today == 1)
    );
    let screen = screen_text(&board.model, 80, 24);
    assert!(screen.contains("25 of 60"), "{screen}");
    assert!(!screen.contains("Новосёлова"), "{screen}");
}

#[test]
fn todays_defects_are_rechecked_at_most_every_30_seconds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = seeded(&dir, true);
    let mut board = open_board(&path, Lang::En);
    assert_eq!(under_18(&board), 1);
    save_at_desk_4(&path);
    // The counts reload at once; the check ran when the board opened, so it waits.
    board.send(Msg::DataChanged);
    assert_eq!(
        board
            .model
            .board
            .figures
            .as_ref()
            .map(|f| f.totals.valid_today),
        Some(15)
    );
    assert_eq!(under_18(&board), 1);
    board.send(Msg::Tick(fixed_now() + chrono::Duration::seconds(29)));
    assert_eq!(under_18(&board), 1);
    board.send(Msg::Tick(fixed_now() + chrono::Duration::seconds(30)));
    assert_eq!(under_18(&board), 2);
    // Nothing changed since: later ticks do not check again.
    board.send(Msg::Tick(fixed_now() + chrono::Duration::seconds(90)));
    assert_eq!(
        board.model.board.checked_at,
        Some(fixed_now() + chrono::Duration::seconds(30))
    );
}

#[test]
fn f5_and_alt_4_open_the_board_from_a_desk_and_esc_goes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = seeded(&dir, true);
    let mut desk = Desk::signed_in(&path, "desk-1", "Оля");
    desk.press(KeyCode::F(5));
    assert_eq!(desk.model.screen, Screen::Board);
    let figures = desk.model.board.figures.clone().expect("loaded on opening");
    assert_eq!(figures.totals.valid_total, 24);
    // Ctrl-N calls tickets at a desk, not on the board: desk-1 keeps the ticket it serves.
    let serving = desk.model.ticket.clone().expect("desk-1 serves a ticket");
    desk.ctrl('n');
    assert_eq!(desk.model.ticket.as_ref(), Some(&serving));
    assert_eq!(
        desk.store.serving_ticket("desk-1").expect("serving"),
        Some(serving)
    );
    desk.press(KeyCode::Esc);
    assert_eq!(desk.model.screen, Screen::Desk);
    desk.key(KeyCode::Char('4'), KeyModifiers::ALT);
    assert_eq!(desk.model.screen, Screen::Board);
}

#[test]
fn the_board_key_bar_fits_80_columns_in_both_languages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = seeded(&dir, true);
    for (lang, last) in [(Lang::En, "Ctrl-Q quit"), (Lang::Ru, "Ctrl-Q выход")] {
        let mut board = open_board(&path, lang);
        let bottom = screen_lines(&draw(&board.model, 80, 24))[23]
            .trim_end()
            .to_string();
        assert!(bottom.ends_with(last), "{bottom}");
        board.key(KeyCode::F(1), KeyModifiers::NONE);
        assert!(board.model.help);
    }
}

#[test]
fn board_on_a_demo_day_at_the_end_of_the_day() {
    let point = Point::new();
    for args in [
        &["campaign", "set", "timezone", "UTC"][..],
        &["campaign", "set", "election_date", "2024-03-17"],
        &[
            "demo",
            "--signers",
            "400",
            "--seed",
            "7",
            "--day",
            "2024-03-10",
        ],
    ] {
        point.train(args).assert().success();
    }
    let mut board = open_board(&point.db(), Lang::En);
    let evening = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2024, 3, 10, 19, 0, 0)
        .single()
        .expect("time");
    board.send(Msg::Tick(evening));
    board.send(Msg::DataChanged);
    assert_frames!("board_demo", &board.model, SIZES);
}
