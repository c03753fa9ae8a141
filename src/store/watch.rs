//! Noticing other processes' commits and the files under the database: a thread polls
//! `PRAGMA data_version` on its own connection and says when it changed, checks that the
//! database file and its WAL are still the ones opened, and renews this process's desk
//! leases (so the heartbeat never runs on the render path).

use super::Store;
use super::StoreError;
use super::desks::{HEARTBEAT_EVERY, Holder};
use super::files::FileChange;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How often the watcher looks (DESIGN.md §5: changes show within 0.5 s).
pub const WATCH_EVERY: Duration = Duration::from_millis(250);

/// What the watcher tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Another connection committed.
    Committed,
    /// The database file or its WAL was deleted or replaced (told once).
    Files(FileChange),
    /// A desk name this process held was taken over by another process (told once).
    LeaseLost,
}

/// Starts a thread that tells `told` whenever another connection commits to the database
/// of `store` (which must be a connection of its own, see `Store::open_sibling`), when its
/// files change, and when this process loses a desk lease. The thread ends when `told`
/// returns `false` (its receiver is gone) or when the returned [`Watcher`] is stopped.
pub fn watch(
    mut store: Store,
    every: Duration,
    mut told: impl FnMut(Change) -> bool + Send + 'static,
) -> Watcher {
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = Arc::clone(&stop);
    let thread = thread::spawn(move || {
        let me = Holder::this_process();
        let mut last = store.data_version().ok();
        let mut files_told = false;
        let mut held = 0;
        let mut beat_at = Instant::now();
        loop {
            thread::sleep(every);
            if stopped.load(Ordering::Relaxed) {
                return;
            }
            if !files_told && let Err(StoreError::FileChanged { change, .. }) = store.file_change()
            {
                files_told = true;
                if !told(Change::Files(change)) {
                    return;
                }
            }
            if !files_told && beat_at.elapsed() >= HEARTBEAT_EVERY {
                beat_at = Instant::now();
                // A busy database is beaten again next time, well within the lease.
                if let Ok(now_held) = store.beat_desks(&me, chrono::Utc::now()) {
                    if now_held < held && !told(Change::LeaseLost) {
                        return;
                    }
                    held = now_held;
                }
            }
            // A busy or briefly unreadable database is asked again on the next round.
            let Ok(version) = store.data_version() else {
                continue;
            };
            if last != Some(version) {
                last = Some(version);
                if !told(Change::Committed) {
                    return;
                }
            }
        }
    });
    Watcher {
        stop,
        thread: Some(thread),
    }
}

/// The watcher thread, stopped and waited for when this is dropped: its connection is
/// closed before the process exits, never cut off mid-read by the exit.
pub struct Watcher {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;
    use crate::domain::RegionCatalog;
    use std::sync::mpsc;

    #[test]
    fn dropping_the_watcher_ends_its_thread_before_it_returns() {
        let dir = tempfile::tempdir().unwrap();
        let regions = RegionCatalog::embedded().unwrap();
        let store = Store::open(&dir.path().join("w.db"), &regions).unwrap();
        let (tx, rx) = mpsc::channel::<Change>();
        let watcher = watch(store.open_sibling().unwrap(), WATCH_EVERY, move |change| {
            tx.send(change).is_ok()
        });
        drop(watcher);
        // Nothing changed, so only the stop ended the thread, and with it its sender.
        assert_eq!(
            rx.recv_timeout(Duration::ZERO).err(),
            Some(mpsc::RecvTimeoutError::Disconnected)
        );
    }
}
