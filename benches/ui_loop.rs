//! Keys while the board checks the whole day: the real event loop (`tui::run_loop` on a
//! `TestBackend`, with the background worker the app starts) on a copy of the
//! 1,000,000-entry database whose last full day is moved to today (8,640 entries). Each
//! round starts a board with nothing checked yet, wakes it as a desk's commit would (the
//! counts reload and the whole day's defect check starts on the worker, 0.3–0.7 s), then
//! presses `?` every 10 ms while the check runs, opening and closing the help. A key's
//! wait is from the moment it is sent to the end of the first frame that shows it (the
//! help's box drawn, or gone). Target: no wait over 16 ms (one frame at 60 Hz).
//!
//! For comparison the same rounds run with the check on the loop (no worker), as it was
//! before issue 16: the keys then wait for the whole check.
//! Run: `cargo bench --bench ui_loop`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use chrono::{Duration as Days, Utc};
use common::db::{open_store, regions};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Size};
use sigdesk::i18n::Lang;
use sigdesk::store::Store;
use sigdesk::tui::model::Screen;
use sigdesk::tui::worker::Worker;
use sigdesk::tui::{SignInOptions, Wake, run_loop, start_model_at};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

/// Rounds of the experiment; each starts a fresh board whose whole-day check is pending.
const ROUNDS: usize = 12;
/// Pause between two keys.
const KEY_EVERY: Duration = Duration::from_millis(10);
/// Keys pressed each round (about as long as the whole-day check takes).
const KEYS_PER_ROUND: usize = 40;
/// The wait a key may have at most: one frame at 60 Hz.
const TARGET: Duration = Duration::from_millis(16);

/// A `TestBackend` that reports, at the end of each frame, whether the help is shown.
struct Watched {
    inner: TestBackend,
    frames: Sender<(Instant, bool, String)>,
}

impl Backend for Watched {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()?;
        let buffer = self.inner.buffer();
        let screen: String = buffer.content().iter().map(|cell| cell.symbol()).collect();
        let help = screen.contains("Keys ─");
        let _ = self.frames.send((Instant::now(), help, screen));
        Ok(())
    }
}

/// Moves the last full day of the generated entries to today (UTC), so the board the
/// real loop ticks with the real clock finds a busy day; returns how many moved.
fn move_a_day_to_today(db: &Path) -> usize {
    let mut store = open_store(db);
    let mut campaign = store.campaign().unwrap();
    campaign.set("timezone", "UTC").unwrap();
    campaign.set("election_date", "2027-03-20").unwrap();
    store
        .save_campaign(&campaign, &common::db::lead(), Utc::now())
        .unwrap();
    let conn = common::bare_connection(db);
    let last: String = conn
        .query_row("SELECT MAX(entered_at) FROM entries", [], |r| r.get(0))
        .unwrap();
    let last_day = chrono::DateTime::parse_from_rfc3339(&last)
        .unwrap()
        .date_naive();
    let day = last_day - Days::days(1);
    let shift = (Utc::now().date_naive() - day).num_days();
    conn.execute(
        "UPDATE entries SET entered_at = strftime('%Y-%m-%dT%H:%M:%fZ', entered_at, ?1) \
         WHERE entered_at >= ?2 AND entered_at < ?3",
        rusqlite::params![
            format!("{shift:+} days"),
            format!("{day}T00:00:00"),
            format!("{last_day}T00:00:00")
        ],
    )
    .unwrap()
}

/// What one round measured.
struct Round {
    waits: Vec<Duration>,
}

/// One round: a fresh board, a commit's wake, then keys every [`KEY_EVERY`].
fn round(db: &Path, with_worker: bool) -> Round {
    let (wake, wakes) = mpsc::channel::<Wake>();
    let (frame_tx, frames) = mpsc::channel();
    let store = Store::open_existing(db).unwrap();
    let background = store.open_sibling().unwrap();
    let replies = wake.clone();
    let looping = thread::spawn(move || {
        let mut store = store;
        let args = SignInOptions {
            desk: None,
            operator: Some("lead".into()),
            pin: Some("1234".into()),
        };
        let mut model = start_model_at(
            &mut store,
            regions().clone(),
            Lang::En,
            &args,
            Screen::Board,
        )
        .unwrap();
        // Signing in may have checked the day already: start from nothing checked, as a
        // board opened in the morning of a busy day that has not yet seen a commit.
        model.board.kept = None;
        model.board.defects = None;
        model.board.checked_at = None;
        let worker = with_worker.then(|| {
            Worker::start(background, move |msg| {
                replies.send(Wake::Reply(msg)).is_ok()
            })
        });
        let backend = Watched {
            inner: TestBackend::new(80, 24),
            frames: frame_tx,
        };
        let mut terminal = Terminal::new(backend).unwrap();
        model.size = (80, 24);
        run_loop(
            &mut terminal,
            &mut model,
            &mut store,
            &wakes,
            worker.as_ref(),
        )
        .unwrap();
    });
    let (_, help, screen) = frames.recv().unwrap();
    assert!(
        !help && screen.contains("desk board"),
        "a signed-in board without the help: {screen}"
    );
    wake.send(Wake::Changed(sigdesk::store::watch::Change::Committed))
        .unwrap();
    let mut shown = false;
    let mut waits = Vec::with_capacity(KEYS_PER_ROUND);
    for n in 0..KEYS_PER_ROUND {
        let sent = Instant::now();
        wake.send(key(KeyCode::Char('?'), KeyModifiers::NONE))
            .unwrap();
        shown = !shown;
        let wait = wait_for(&frames, shown) - sent;
        if wait > TARGET {
            println!("  key {n} of the round (worker: {with_worker}) waited {wait:.2?}");
        }
        waits.push(wait);
        thread::sleep(KEY_EVERY);
    }
    wake.send(key(KeyCode::Char('q'), KeyModifiers::CONTROL))
        .unwrap();
    looping.join().unwrap();
    Round { waits }
}

/// The time of the first frame whose help is `shown`.
fn wait_for(frames: &Receiver<(Instant, bool, String)>, shown: bool) -> Instant {
    let mut last = String::new();
    loop {
        let Ok((at, help, screen)) = frames.recv_timeout(Duration::from_secs(10)) else {
            panic!("no frame with the help {shown} in 10 s; the last frame:\n{last}");
        };
        if help == shown {
            return at;
        }
        last = screen;
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Wake {
    Wake::Input(Event::Key(KeyEvent::new(code, modifiers)))
}

/// Prints the distribution of `waits` under `label`; returns the longest.
fn report(label: &str, mut waits: Vec<Duration>) -> Duration {
    waits.sort();
    let at = |q: f64| waits[((waits.len() - 1) as f64 * q).round() as usize];
    let over = waits.iter().filter(|w| **w > TARGET).count();
    let max = *waits.last().unwrap();
    println!(
        "{label}: {} keys, median {:.2?}, p90 {:.2?}, p99 {:.2?}, max {:.2?}, {over} over {TARGET:?}",
        waits.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        max,
    );
    max
}

fn main() {
    if !common::measure::benchmarking() {
        return;
    }
    let db = common::working_copy("ui_loop");
    let moved = move_a_day_to_today(&db);
    println!("{moved} entries moved to today; {ROUNDS} rounds of {KEYS_PER_ROUND} keys");
    let mut with_worker = Vec::new();
    let mut on_the_loop = Vec::new();
    for _ in 0..ROUNDS {
        with_worker.extend(round(&db, true).waits);
        on_the_loop.extend(round(&db, false).waits);
    }
    let max = report("keys, checks on the worker", with_worker);
    report("keys, checks on the loop (before)", on_the_loop);
    println!(
        "target: no key waits over {TARGET:?}: {}",
        if max <= TARGET { "met" } else { "NOT MET" }
    );
}
