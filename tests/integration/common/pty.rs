//! The real binary in a pseudo-terminal, its screen parsed by vt100 as it draws: typed at
//! like an operator would, waited on by polling the screen every 10 ms, never by sleeps.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The terminal most tests run in: roomy, so a screen's text is never cut.
const ROOMY: (u16, u16) = (120, 40);
const DEADLINE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(10);

/// Ctrl-Q as the terminal sends it.
pub const CTRL_Q: &str = "\x11";

/// One `sigdesk` process in a pseudo-terminal, its screen parsed by vt100.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    keys: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// Starts `sigdesk --db DIR/s.db ARGS` in English in a 120×40 terminal, no secrets in
    /// its environment but `envs`.
    pub fn start(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Session {
        Session::start_sized(dir, args, envs, ROOMY)
    }

    /// [`Session::start`] in a terminal of `(columns, rows)`.
    pub fn start_sized(
        dir: &Path,
        args: &[&str],
        envs: &[(&str, &str)],
        (cols, rows): (u16, u16),
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sigdesk"));
        cmd.arg("--db");
        cmd.arg(dir.join("s.db"));
        cmd.args(args);
        cmd.cwd(dir);
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
        for (name, value) in envs {
            cmd.env(name, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn sigdesk");
        drop(pty.slave);
        let size = |n: u16| NonZeroU16::new(n).expect("non-zero size");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
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
            _master: pty.master,
        }
    }

    /// Types keys (text and control sequences) as the terminal would send them.
    pub fn type_keys(&mut self, text: &str) {
        self.keys.write_all(text.as_bytes()).expect("type");
        self.keys.flush().expect("flush");
    }

    /// Types a line and Enter.
    pub fn type_line(&mut self, text: &str) {
        self.type_keys(&format!("{text}\r"));
    }

    /// The screen as text.
    pub fn contents(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    /// Polls the screen until `wanted` shows; fails with the screen at the deadline.
    pub fn wait_for(&self, wanted: &str) {
        self.wait_for_times(wanted, 1);
    }

    /// Polls the screen until it shows `wanted` `times` times (prompts repeat line by line).
    pub fn wait_for_times(&self, wanted: &str, times: usize) {
        self.wait_until(&format!("`{wanted}` ×{times}"), |screen| {
            screen.matches(wanted).count() >= times
        });
    }

    /// Polls the screen until `gone` no longer shows.
    pub fn wait_gone(&self, gone: &str) {
        self.wait_until(&format!("no `{gone}`"), |screen| !screen.contains(gone));
    }

    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let contents = self.contents();
            if done(&contents) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "{what} not on screen after {DEADLINE:?}:\n{contents}"
            );
            std::thread::sleep(POLL);
        }
    }

    /// Kills the process at once, as `kill -9` would (no clean-up of any kind).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Ctrl-Q (on an empty form), then waits for a clean exit.
    pub fn quit(mut self) {
        self.type_keys(CTRL_Q);
        self.wait_exit();
    }

    /// Waits for a clean exit (after a key that quits).
    pub fn wait_exit(mut self) {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            assert!(start.elapsed() < DEADLINE, "sigdesk did not quit");
            std::thread::sleep(POLL);
        };
        assert!(status.success(), "exit status {status:?}");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}
