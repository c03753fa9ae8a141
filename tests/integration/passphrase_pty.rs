//! The passphrase and lead PIN typed at the terminal, before the TUI starts: the real binary
//! in a pseudo-terminal, as a lead starts the first desk of the day and the next one.

use crate::common::db::open_keyed;
use crate::common::pty::Session;
use sigdesk::store::Key;

const PASSPHRASE: &str = "ключ от двери 7";

/// `sigdesk --lang en` on `DIR/s.db` with no secrets in the environment.
fn start(dir: &std::path::Path) -> Session {
    Session::start(dir, &["--lang", "en"], &[])
}

#[test]
fn a_new_database_asks_passphrase_and_pin_twice_then_the_next_start_asks_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut first = start(dir.path());
    first.wait_for("choose a passphrase");
    first.type_line("один");
    first.wait_for("Type the passphrase again");
    let shown = first.contents();
    assert!(
        !shown.contains("один"),
        "typed secrets are not echoed: {shown}"
    );
    first.type_line("два");
    first.wait_for("do not match");
    first.wait_for_times("choose a passphrase", 2);
    first.type_line(PASSPHRASE);
    first.wait_for_times("Type the passphrase again", 2);
    first.type_line(PASSPHRASE);
    first.wait_for("New lead PIN");
    first.type_line("12");
    first.wait_for("4 to 8 digits; type it again");
    first.wait_for_times("New lead PIN", 2);
    first.type_line("2468");
    first.wait_for("Type the PIN again");
    first.type_line("2468");
    first.wait_for("Sign in");
    first.quit();

    let mut next = start(dir.path());
    next.wait_for("Passphrase for");
    next.type_line(PASSPHRASE);
    next.wait_for("Sign in");
    next.quit();

    let store = open_keyed(
        &dir.path().join("s.db"),
        &Key::Passphrase(PASSPHRASE.into()),
    )
    .expect("the typed passphrase opens it");
    assert!(store.verify_lead_pin("2468").expect("pin"));
}

#[test]
fn a_mistyped_passphrase_is_asked_again_three_times_in_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    let key = Key::Passphrase(PASSPHRASE.into());
    let mut store = open_keyed(&db, &key).expect("create");
    store
        .set_lead_pin(
            "2468",
            &crate::common::db::lead(),
            crate::common::db::fixed_now(),
        )
        .expect("pin");
    drop(store);

    let mut typo = start(dir.path());
    typo.wait_for("Passphrase for");
    typo.type_line("ключ от двери 8");
    typo.wait_for("Wrong passphrase; 2 tries left.");
    typo.type_line("ключ от двери");
    typo.wait_for("Wrong passphrase; 1 try left.");
    typo.type_line(PASSPHRASE);
    typo.wait_for("Sign in");
    typo.quit();

    let mut wrong = start(dir.path());
    for _ in 0..3 {
        wrong.wait_for("Passphrase for");
        wrong.type_line("не тот");
    }
    wrong.wait_for("wrong passphrase for");
    let shown = wrong.contents();
    assert_eq!(shown.matches("Passphrase for").count(), 3, "{shown}");
}
