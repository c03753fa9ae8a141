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
