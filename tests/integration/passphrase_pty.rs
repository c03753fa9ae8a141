//! The passphrase and lead PIN typed at the terminal, before the TUI starts: the real binary
//! in a pseudo-terminal, as a lead starts the first desk of the day and the next one.

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use sigdesk::domain::RegionCatalog;
use sigdesk::store::{Key, Store};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 30;
const COLS: u16 = 120;
const DEADLINE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);
const PASSPHRASE: &str = "ключ от двери 7";

/// sigdesk running in a pseudo-terminal, with the screen parsed as it draws.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    keys: Box<dyn Write + Send>,
}

impl Session {
    /// Starts `sigdesk --db DB --lang en` with no secrets in the environment.
    fn start(dir: &Path, db: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sigdesk"));
        cmd.args(["--lang", "en", "--db"]);
        cmd.arg(db);
        cmd.cwd(dir);
        cmd.env("SIGDESK_CONFIG_DIR", dir.join("config"));
        cmd.env("LANG", "C.UTF-8");
        cmd.env("TERM", "xterm-256color");
        for var in [
            "LC_ALL",
            "SIGDESK_DB",
            "SIGDESK_PASSPHRASE",
            "SIGDESK_LEAD_PIN",
        ] {
            cmd.env_remove(var);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn sigdesk");
        drop(pty.slave);
        let size = |n: u16| NonZeroU16::new(n).expect("non-zero size");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLS), 0)));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().expect("screen lock").process(&buf[..n]);
            }
        });
        let keys = pty.master.take_writer().expect("pty writer");
        Session {
            child,
            screen,
            keys,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    /// Waits until the screen shows `wanted` `times` times (prompts repeat line by line).
    fn wait_for(&self, wanted: &str, times: usize) {
        let start = Instant::now();
        loop {
            let contents = self.contents();
            if contents.matches(wanted).count() >= times {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "`{wanted}` ×{times} not on screen after {DEADLINE:?}:\n{contents}"
            );
            std::thread::sleep(POLL);
        }
    }

    fn type_line(&mut self, text: &str) {
        self.keys
            .write_all(format!("{text}\r").as_bytes())
            .expect("type");
        self.keys.flush().expect("flush");
    }

    /// Quits the TUI with Ctrl-Q and waits for a clean exit.
    fn quit(mut self) {
        self.keys.write_all(b"\x11").expect("type");
        self.keys.flush().expect("flush");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                assert!(status.success(), "exit status {status:?}");
                return;
            }
            assert!(start.elapsed() < DEADLINE, "sigdesk did not quit");
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}

#[test]
fn a_new_database_asks_passphrase_and_pin_twice_then_the_next_start_asks_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");

    let mut first = Session::start(dir.path(), &db);
    first.wait_for("choose a passphrase", 1);
    first.type_line("один");
    first.wait_for("Type the passphrase again", 1);
    let shown = first.contents();
    assert!(
        !shown.contains("один"),
        "typed secrets are not echoed: {shown}"
    );
    first.type_line("два");
    first.wait_for("do not match", 1);
    first.wait_for("choose a passphrase", 2);
    first.type_line(PASSPHRASE);
    first.wait_for("Type the passphrase again", 2);
    first.type_line(PASSPHRASE);
    first.wait_for("New lead PIN", 1);
    first.type_line("12");
    first.wait_for("4 to 8 digits; type it again", 1);
    first.wait_for("New lead PIN", 2);
    first.type_line("2468");
    first.wait_for("Type the PIN again", 1);
    first.type_line("2468");
    first.wait_for("Sign in", 1);
    first.quit();

    let mut next = Session::start(dir.path(), &db);
    next.wait_for("Passphrase for", 1);
    next.type_line(PASSPHRASE);
    next.wait_for("Sign in", 1);
    next.quit();

    let regions = RegionCatalog::embedded().expect("regions");
    let store = Store::open_keyed(&db, &regions, &Key::Passphrase(PASSPHRASE.into()))
        .expect("the typed passphrase opens it");
    assert!(store.verify_lead_pin("2468").expect("pin"));
}
