//! Two real processes in pseudo-terminals on one database: the door issues a ticket and
//! the desk sees it waiting, then calls it, within the watcher's half second.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use sigdesk::domain::RegionCatalog;
use sigdesk::domain::queue::TicketStatus;
use sigdesk::store::Store;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 24;
const COLS: u16 = 80;
const POLL: Duration = Duration::from_millis(10);

/// One `sigdesk` process in its own pseudo-terminal, its screen parsed by vt100.
struct Terminal {
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    keys: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
}

impl Terminal {
    fn start(dir: &Path, args: &[&str]) -> Terminal {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sigdesk"));
        cmd.arg("--db");
        cmd.arg(dir.join("s.db"));
        cmd.arg("--no-encrypt");
        cmd.args(args);
        cmd.env("SIGDESK_LEAD_PIN", "2468");
        cmd.env("SIGDESK_PIN", "1234");
        cmd.cwd(dir);
        cmd.env("SIGDESK_CONFIG_DIR", dir.join("config"));
        cmd.env("LANG", "C.UTF-8");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("SIGDESK_DB");
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
        Terminal {
            child,
            screen,
            keys,
            _master: pty.master,
        }
    }

    fn type_keys(&mut self, text: &str) {
        self.keys.write_all(text.as_bytes()).expect("type");
        self.keys.flush().expect("flush");
    }

    fn contents(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    /// How long until `wanted` shows; fails with the screen after `deadline`.
    fn wait_for(&self, wanted: &str, deadline: Duration) -> Duration {
        let start = Instant::now();
        loop {
            if self.contents().contains(wanted) {
                return start.elapsed();
            }
            assert!(
                start.elapsed() < deadline,
                "`{wanted}` not on screen after {deadline:?}:\n{}",
                self.contents()
            );
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}

#[test]
fn a_ticket_issued_at_the_door_shows_at_the_desk_within_a_second() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = Terminal::start(dir.path(), &["--desk", "desk-1", "--operator", "Anna"]);
    desk.wait_for("0 waiting", Duration::from_secs(10));
    let mut door = Terminal::start(dir.path(), &["door", "--operator", "Olga"]);
    door.wait_for("Space/Enter next number", Duration::from_secs(10));

    door.type_keys(" ");
    door.wait_for("Ticket 001 issued", Duration::from_secs(2));
    let seen = desk.wait_for("1 waiting", Duration::from_secs(1));
    eprintln!("the desk saw the new ticket after {seen:?}");

    desk.type_keys("\x0e"); // Ctrl-N
    desk.wait_for("now serving 001", Duration::from_secs(2));
    desk.wait_for("ticket 001", Duration::from_secs(1));
    // The door sees the queue empty again (its call list is drawn in big letters).
    let shown = door.wait_for("0 waiting", Duration::from_secs(1));
    eprintln!("the door showed the call after {shown:?}");

    let regions = RegionCatalog::embedded().expect("regions");
    let store = Store::open(&dir.path().join("s.db"), &regions).expect("open");
    let serving = store
        .serving_ticket("desk-1")
        .expect("query")
        .expect("serving");
    assert_eq!((serving.number, serving.status), (1, TicketStatus::Serving));
}
