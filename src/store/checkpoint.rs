//! Checkpointing off the write path: a thread with its own connection copies the WAL into
//! the database file once the log is long, so no save or call-next pays for a checkpoint
//! (with `synchronous=FULL` each one syncs the log and the database file; on an encrypted
//! database it also reads back and writes every page it copies).
//!
//! The desk's connection turns SQLite's automatic checkpoint off; the thread runs a
//! `PASSIVE` checkpoint (never waits for or blocks anyone) once the log is past
//! [`PASSIVE_AT`] and a `TRUNCATE` one past [`TRUNCATE_AT`], when readers kept the passive
//! ones from catching up. A checkpoint killed halfway loses nothing: the log still holds
//! every frame until the next writer restarts it.

use super::Store;
use super::StoreError;
use super::cipher::sidecars;
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Log length past which the thread checkpoints without waiting for anyone; also the length
/// the log is cut back to when a writer starts it again (`journal_size_limit`).
pub const PASSIVE_AT: u64 = 4 << 20;

/// Log length past which the thread waits for readers to finish and empties the log.
pub const TRUNCATE_AT: u64 = 32 << 20;

/// How often the thread looks at the length of the log (one `stat`).
const LOOK_EVERY: Duration = Duration::from_millis(20);

/// The running checkpoint thread; dropping it stops the thread and waits for it.
pub(super) struct Checkpointer {
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Closing the channel wakes the thread, which ends after its current checkpoint.
        self.stop.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Store {
    /// Moves WAL checkpoints to a thread of this store (a connection of its own) and turns
    /// SQLite's automatic checkpoint off on this connection, so its writes never pay for
    /// one. For the long-lived writers (desk, door, demo, script); stopped when the store
    /// is dropped. Calling it again does nothing.
    pub fn checkpoint_in_background(&mut self) -> Result<(), StoreError> {
        if self.checkpointer.is_some() {
            return Ok(());
        }
        let sibling = self.open_sibling()?;
        let [wal, _] = sidecars(&self.path);
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = thread::spawn(move || {
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(LOOK_EVERY) {
                // A busy or failed checkpoint is tried again on the next look.
                let _ = checkpoint_if_long(&sibling, &wal);
            }
        });
        self.checkpointer = Some(Checkpointer {
            stop: Some(stop),
            thread: Some(thread),
        });
        self.conn
            .query_row("PRAGMA wal_autocheckpoint=0", [], |r| r.get::<_, i64>(0))?;
        Ok(())
    }
}

/// Runs the checkpoint the length of the log `wal` calls for, if any.
fn checkpoint_if_long(store: &Store, wal: &Path) -> Result<(), StoreError> {
    let length = std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0);
    let mode = match length {
        n if n > TRUNCATE_AT => "TRUNCATE",
        n if n > PASSIVE_AT => "PASSIVE",
        _ => return Ok(()),
    };
    store
        .conn
        .query_row(&format!("PRAGMA wal_checkpoint({mode})"), [], |_| Ok(()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RegionCatalog;

    #[test]
    fn stops_when_the_store_is_dropped_and_leaves_the_log_checkpointed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("c.db");
        let regions = RegionCatalog::embedded().expect("regions");
        let mut store = Store::open(&path, &regions).expect("open");
        store.checkpoint_in_background().expect("start");
        store.checkpoint_in_background().expect("again");
        let auto: i64 = store
            .conn
            .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
            .expect("pragma");
        assert_eq!(auto, 0);
        drop(store);
        let [wal, _] = sidecars(&path);
        assert!(
            !wal.exists(),
            "the last connection closed checkpoints the log"
        );
    }

    /// Without the thread (automatic checkpoints are off) 5,000 saves grow the log to
    /// about 100 MiB; with it the log stays near [`TRUNCATE_AT`] at most.
    #[test]
    fn the_log_stays_bounded_over_5000_saves() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("w.db");
        let regions = RegionCatalog::embedded().expect("regions");
        let mut store = Store::open(&path, &regions).expect("open");
        // Commits without fsync come fastest: the hardest case for the thread to keep up.
        store.relax_durability_for_generated_data().expect("relax");
        store.checkpoint_in_background().expect("start");
        let people = crate::dev::people::People::embedded(&regions).expect("people");
        let actor = crate::store::Actor {
            desk: "desk-w".into(),
            operator: "wal".into(),
        };
        let [wal, _] = sidecars(&path);
        let mut script = crate::dev::script::Script::new(&mut store, &regions, people, actor);
        let mut longest = 0;
        for _ in 0..50 {
            let mut out = Vec::new();
            script.command("save 100", &mut out).expect("save");
            let out = String::from_utf8(out).expect("utf-8");
            assert!(out.lines().all(|l| l.starts_with("committed ")), "{out}");
            longest = longest.max(std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0));
        }
        drop(script);
        assert_eq!(store.entry_totals().expect("totals"), (5000, 0));
        assert!(
            longest < 40 << 20,
            "the log grew to {longest} bytes over 5,000 saves"
        );
    }
}
