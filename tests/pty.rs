//! End to end: the real binary in a pseudo-terminal, typed at like an operator would, then
//! the database checked with the library.

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use sigdesk::domain::{EntryStatus, RegionCatalog};
use sigdesk::store::{Key, Store};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const DEADLINE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);

/// Kills the TUI if the test fails before it quits.
struct KillOnDrop(Box<dyn Child + Send + Sync>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            let _ = self.0.kill();
        }
    }
}

/// Polls the parsed screen until `wanted` shows, or fails with the screen at the deadline.
fn wait_for_text(screen: &Arc<Mutex<vt100::Parser>>, wanted: &str) {
    let start = Instant::now();
    loop {
        let contents = screen.lock().expect("screen lock").screen().contents();
        if contents.contains(wanted) {
            return;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "`{wanted}` not on screen after {DEADLINE:?}:\n{contents}"
        );
        std::thread::sleep(POLL);
    }
}

#[test]
fn an_operator_signs_in_types_a_signer_saves_and_quits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
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
    cmd.arg(&db);
    cmd.cwd(dir.path());
    cmd.env("SIGDESK_CONFIG_DIR", dir.path().join("config"));
    cmd.env("LANG", "C.UTF-8");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("LC_ALL");
    cmd.env_remove("SIGDESK_DB");
    cmd.env("SIGDESK_PASSPHRASE", "pty test passphrase");
    cmd.env("SIGDESK_LEAD_PIN", "2468");
    let mut child = KillOnDrop(pty.slave.spawn_command(cmd).expect("spawn sigdesk"));
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
    let mut keys = pty.master.take_writer().expect("pty writer");
    let mut type_keys = |text: &str| {
        keys.write_all(text.as_bytes()).expect("type");
        keys.flush().expect("flush");
    };

    wait_for_text(&screen, "Sign in");
    type_keys("desk-7\r");
    wait_for_text(&screen, "▶Operator");
    type_keys("Anna\r");
    wait_for_text(&screen, "▶PIN");
    type_keys("1234\r");
    wait_for_text(&screen, "New signer");

    // Tab between fields (the document kind is passed over); Enter on the last one saves.
    type_keys(
        "Иванов\tИван\tИванович\t15.05.1985\t\t4506 123456\t77\tг. Москва, ул. Тверская, д. 7\t\r",
    );
    wait_for_text(&screen, "Saved: sheet 1 line 1");

    type_keys("\x11"); // Ctrl-Q: the form is empty again, so it quits at once.
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.0.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < DEADLINE, "sigdesk did not quit on Ctrl-Q");
        std::thread::sleep(POLL);
    };
    assert!(status.success(), "exit status {status:?}");

    let regions = RegionCatalog::embedded().expect("regions");
    let key = Key::Passphrase("pty test passphrase".into());
    let store = Store::open_keyed(&db, &regions, &key).expect("open the desk's database");
    assert!(store.is_encrypted());
    let mut entries = Vec::new();
    store
        .for_each_entry(true, |e| {
            entries.push(e.clone());
            Ok(())
        })
        .expect("read entries");
    assert_eq!(entries.len(), 1, "{entries:?}");
    let e = &entries[0];
    assert_eq!(e.status, EntryStatus::Valid);
    assert_eq!(e.surname, "Иванов");
    assert_eq!(
        (e.doc_series.as_str(), e.doc_number.as_str()),
        ("4506", "123456")
    );
    assert_eq!((e.desk.as_str(), e.operator.as_str()), ("desk-7", "Anna"));
    assert_eq!((e.sheet, e.line), (1, 1));
}
