//! Issue 12 at the desk: the live desk lease (two processes never share a desk name, and
//! the next start after a kill says when a typed signer was lost), the
//! write-on panel that follows other processes and warns when a save landed elsewhere, the
//! alarm when the database or its WAL is deleted under running processes, and the board
//! and door that never open a screen with personal data.

use crate::common::cli::{LEAD_PIN, Point, sibling};
use crate::common::db::{fixed_now, open_store};
use crate::common::desk::{Desk, IVANOV, KUZNETSOVA, PETROVA, SIDOROV};
use crate::common::pty::Session;
use chrono::Duration;
use ratatui::crossterm::event::KeyCode;
use sigdesk::i18n::Lang;
use sigdesk::store::desks::{Claim, Holder};
use sigdesk::tui::model::Screen;
use sigdesk::tui::msg::Msg;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const F2: &str = "\x1bOQ";
const F4: &str = "\x1bOS";
const LEAD_PIN_ENV: (&str, &str) = ("SIGDESK_LEAD_PIN", LEAD_PIN);

fn desk_process(point: &Point, desk: &str) -> Session {
    let args = ["--no-encrypt", "--desk", desk, "--operator", "Anna"];
    Session::start(
        point.dir.path(),
        &args,
        &[("SIGDESK_PIN", "1234"), LEAD_PIN_ENV],
    )
}

#[test]
fn two_desk_processes_never_share_a_desk_name() {
    let point = Point::training();
    let mut first = desk_process(&point, "desk-1");
    first.wait_for("New signer");
    let mut second = desk_process(&point, "desk-1");
    second.wait_for("desk desk-1 is open in another sigdesk");
    let other = desk_process(&point, "desk-2");
    other.wait_for("New signer");
    // kill -9: no clean-up; this host sees the process is gone and gives the name over.
    first.kill();
    second.type_keys("1234\r");
    second.wait_for("New signer");
    second.quit();
    other.quit();
}

#[test]
fn a_lease_without_a_heartbeat_for_30_seconds_is_taken_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open_store(&dir.path().join("s.db"));
    let away = Holder {
        pid: 4242,
        host: "laptop-of-olga".into(),
    };
    let me = Holder::this_process();
    let t0 = fixed_now();
    assert_eq!(
        store.claim_desk("desk-1", &away, t0).unwrap(),
        Claim::Taken { lost_signer: false }
    );
    assert_eq!(
        store
            .claim_desk("desk-1", &me, t0 + Duration::seconds(29))
            .unwrap(),
        Claim::HeldBy(away.clone())
    );
    assert_eq!(
        store.beat_desks(&away, t0 + Duration::seconds(20)).unwrap(),
        1
    );
    assert_eq!(
        store
            .claim_desk("desk-1", &me, t0 + Duration::seconds(49))
            .unwrap(),
        Claim::HeldBy(away.clone())
    );
    assert_eq!(
        store
            .claim_desk("desk-1", &me, t0 + Duration::seconds(51))
            .unwrap(),
        Claim::Taken { lost_signer: false }
    );
    assert_eq!(
        store.beat_desks(&away, t0 + Duration::seconds(52)).unwrap(),
        0
    );
}

#[test]
fn a_save_on_another_line_than_shown_blocks_until_a_key_and_the_panel_follows_commits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    let mut one = Desk::signed_in(&db, "desk-1", "Anna");
    let mut two = Desk::signed_in(&db, "desk-2", "Boris");
    one.fill(&IVANOV);
    two.fill(&PETROVA);
    let shown = |d: &Desk| {
        d.model
            .form
            .preview
            .as_ref()
            .map(|(_, p)| (p.sheet, p.line))
    };
    assert_eq!(shown(&one), Some((1, 1)));
    assert_eq!(shown(&two), Some((1, 1)), "both would start sheet 1");
    one.ctrl('s');
    assert_eq!(one.model.write_on, None);
    // desk-2 has not heard of the commit yet: its save lands on sheet 2.
    two.ctrl('s');
    assert_eq!(two.model.write_on, Some((2, 1)));
    two.type_text("x");
    two.press(KeyCode::F(4));
    assert_eq!(
        two.model.write_on,
        Some((2, 1)),
        "only Enter or Esc dismiss it"
    );
    assert_eq!(two.model.screen, Screen::Desk);
    two.press(KeyCode::Enter);
    assert_eq!(two.model.write_on, None);

    // A commit elsewhere reloads the panel of a desk with a signer on its form.
    let mut three = Desk::signed_in(&db, "desk-3", "Vera");
    three.fill(&SIDOROV);
    assert_eq!(shown(&three), Some((3, 1)));
    let mut four = Desk::signed_in(&db, "desk-4", "Gleb");
    four.fill(&KUZNETSOVA);
    four.ctrl('s');
    assert_eq!(
        shown(&three),
        Some((3, 1)),
        "no reload without a change message"
    );
    three.send(Msg::DataChanged);
    assert_eq!(shown(&three), Some((4, 1)));
}

/// A `sigdesk script` writer on the point's training database, and its answer lines.
fn writer(
    point: &Point,
) -> (
    std::process::Child,
    std::process::ChildStdin,
    impl FnMut() -> String,
) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sigdesk"))
        .args(["--no-encrypt", "--db"])
        .arg(point.db())
        .args(["script", "--desk", "w", "--operator", "o"])
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let input = child.stdin.take().expect("stdin");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let next = move || lines.next().expect("a line").expect("read");
    (child, input, next)
}

#[test]
fn a_deleted_database_or_wal_stops_every_writer() {
    for removed in ["", "-wal"] {
        let point = Point::training();
        let (mut child, mut input, mut answer) = writer(&point);
        writeln!(input, "save 2 1").expect("write");
        assert!(answer().starts_with("committed"));
        assert!(answer().starts_with("committed"));
        std::fs::remove_file(sibling(&point.db(), removed)).expect("rm");
        writeln!(input, "save 3 1").expect("write");
        for _ in 0..3 {
            let line = answer();
            assert!(
                line.starts_with("error") && line.contains("deleted or replaced"),
                "after rm s.db{removed}: {line}"
            );
        }
        drop(input);
        child.wait().expect("wait");
    }
}

#[test]
fn a_deleted_database_shows_the_alarm_at_the_desk_and_the_door() {
    let point = Point::training();
    let desk = desk_process(&point, "desk-1");
    desk.wait_for("New signer");
    let door = Session::start(
        point.dir.path(),
        &["--no-encrypt", "door", "--operator", "Olga"],
        &[("SIGDESK_PIN", "1234"), LEAD_PIN_ENV],
    );
    door.wait_for("Space/Enter next number");
    std::fs::remove_file(point.db()).expect("rm");
    for session in [&desk, &door] {
        session.wait_for("THE DATABASE FILE CHANGED");
        session.wait_for("was copied to");
    }
    let rescued: Vec<_> = std::fs::read_dir(point.dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".rescued-"))
        .collect();
    assert_eq!(rescued.len(), 2, "one rescue copy per process");
    let copy = open_store(&rescued[0].path());
    assert_eq!(copy.integrity_check().expect("check"), ["ok"]);
    desk.quit();
    door.quit();
}

#[test]
fn a_board_or_door_process_never_opens_a_personal_screen() {
    for home in [Screen::Board, Screen::Door] {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = open_store(&dir.path().join("s.db"));
        let mut lead = Desk::board(store, Lang::En, fixed_now());
        if home == Screen::Door {
            lead.model.home = Screen::Door;
            lead.press(KeyCode::F(6));
        }
        for key in [KeyCode::F(2), KeyCode::F(4)] {
            lead.press(key);
            lead.type_text("a");
            assert_eq!(lead.model.screen, home, "{key:?}");
        }
        let help = sigdesk::tui::keys::help(home, lead.model.opens_personal(), Lang::En);
        for (keys, _) in &help {
            assert!(
                !keys.contains("F2") && !keys.contains("F4"),
                "{home:?} help: {help:?}"
            );
        }
        lead.model.screen = home;
        let scopes = sigdesk::tui::keys::active(&lead.model);
        let bar = sigdesk::tui::keys::bar(&scopes, home, Lang::En);
        assert!(!bar.contains("F2") && !bar.contains("F4"), "{bar}");
    }
    let point = Point::training();
    point.train_signers(1, 2);
    let mut board = Session::start(
        point.dir.path(),
        &["--no-encrypt", "board", "--operator", "Olga"],
        &[("SIGDESK_PIN", "1234"), LEAD_PIN_ENV],
    );
    board.wait_for("Valid signatures");
    board.type_keys(&format!("{F4}a{F2}"));
    board.type_keys("\x1bOP");
    board.wait_for("this help");
    let screen = board.contents();
    assert!(
        !screen.contains("Иванов") && !screen.contains("desk form"),
        "{screen}"
    );
    board.type_keys("\r");
    board.quit();
}

#[test]
fn a_desk_back_from_an_idle_spell_on_the_board_asks_for_the_pin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = Desk::signed_in(&dir.path().join("s.db"), "desk-1", "Anna");
    desk.fill(&IVANOV);
    desk.press(KeyCode::F(5));
    let idle = i64::from(desk.model.campaign.idle_lock_min) + 1;
    desk.send(Msg::Tick(fixed_now() + Duration::minutes(idle)));
    assert!(desk.model.lock.is_none(), "the board never idle-locks");
    desk.press(KeyCode::F(2));
    assert!(desk.model.lock.is_some(), "the form showed without the PIN");
    desk.type_line("1234");
    assert!(desk.model.lock.is_none());
    assert_eq!(desk.model.screen, Screen::Desk);
    assert_eq!(
        desk.model.form.text(sigdesk::domain::Field::Surname),
        IVANOV.surname
    );
    // Back and forth without an idle spell asks nothing.
    desk.press(KeyCode::F(5));
    desk.press(KeyCode::F(4));
    assert!(desk.model.lock.is_none());
}

/// Whether desk-1's lease says a signer is typed and not saved, polled until it says
/// `want` (the mark is written in the background, a moment after the key).
fn wait_for_typing_mark(point: &Point, want: bool) {
    let start = std::time::Instant::now();
    let sql = "SELECT CAST(typing AS TEXT) FROM desks WHERE name = 'desk-1'";
    let want_text = if want { "1" } else { "0" };
    while crate::common::db::query_texts(&point.db(), sql) != [want_text] {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "typing mark never became {want}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn after_a_kill_with_a_signer_typed_the_next_start_says_that_signer_was_lost() {
    const LOST: &str = "its typed signer is lost, ask again";
    let point = Point::training();
    let mut desk = desk_process(&point, "desk-1");
    desk.wait_for("New signer");
    desk.type_keys("Иванов");
    wait_for_typing_mark(&point, true);
    desk.kill();

    let mut desk = desk_process(&point, "desk-1");
    desk.wait_for(LOST);
    // Saved signers leave nothing lost: a kill after a save says nothing.
    let keys = IVANOV.fields().join("\t") + "\x13";
    desk.type_keys(&keys);
    desk.wait_for("Saved: sheet 1 line 1");
    wait_for_typing_mark(&point, false);
    desk.kill();

    let desk = desk_process(&point, "desk-1");
    desk.wait_for("New signer");
    desk.wait_for("0 waiting");
    assert!(!desk.contents().contains(LOST), "{}", desk.contents());
    // A signer typed, then a clean quit (the operator said yes): nothing to tell either.
    let mut desk = desk;
    desk.type_keys("Петрова");
    wait_for_typing_mark(&point, true);
    desk.type_keys("\x11");
    desk.wait_for("Quit?");
    desk.type_keys("y");
    desk.wait_exit();
    let desk = desk_process(&point, "desk-1");
    desk.wait_for("New signer");
    desk.wait_for("0 waiting");
    assert!(!desk.contents().contains(LOST), "{}", desk.contents());
    desk.quit();
}
