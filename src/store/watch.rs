//! Noticing other processes' commits: a thread polls `PRAGMA data_version` on its own
//! connection and says when it changed.

use super::Store;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How often the watcher looks (DESIGN.md §5: changes show within 0.5 s).
pub const WATCH_EVERY: Duration = Duration::from_millis(250);

/// Starts a thread that calls `changed` whenever another connection commits to the
/// database of `store` (which must be a connection of its own, see `Store::open_sibling`).
/// The thread ends when `changed` returns `false` (its receiver is gone).
pub fn watch(
    store: Store,
    every: Duration,
    mut changed: impl FnMut() -> bool + Send + 'static,
) -> JoinHandle<()> {
    thread::spawn(move || {
        let mut last = store.data_version().ok();
        loop {
            thread::sleep(every);
            // A busy or briefly unreadable database is asked again on the next round.
            let Ok(version) = store.data_version() else {
                continue;
            };
            if last != Some(version) {
                last = Some(version);
                if !changed() {
                    return;
                }
            }
        }
    })
}
