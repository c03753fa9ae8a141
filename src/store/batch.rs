//! How a store call writes: one short `BEGIN IMMEDIATE` transaction of its own, or, inside a
//! batch (`demo` commits a simulated day at a time), straight into the batch's transaction.

use super::write_queue::{Turn, WriteQueue};
use super::{Store, StoreError};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::cell::Cell;
use std::time::{Duration, Instant};

impl Store {
    /// Starts one short write: a `BEGIN IMMEDIATE` transaction, so the write lock is taken
    /// before anything is read and two desks never act on the same state.
    /// Refuses when the database file or its WAL was deleted or replaced since it was
    /// opened: the commit would land in a file nobody will open again.
    /// Inside a batch ([`Store::begin_batch`]) the write goes into the batch's transaction.
    pub(super) fn write(&mut self) -> Result<Write<'_>, StoreError> {
        // Inside a batch the files were checked when it began and are checked again
        // before it commits: checking them at every write was 6 % of `demo`'s time.
        if !self.conn.is_autocommit() {
            return Ok(Write::InBatch(BatchWrite {
                conn: &self.conn,
                broken: &self.batch_broken,
                changes_before: self.conn.total_changes(),
                committed: false,
            }));
        }
        self.file_change()?;
        // While other writers are busy, wait for a turn in the queue first: SQLite's lock
        // is not fair (see `write_queue`). A writer alone (a save bench, an import) never
        // waited, so never queues, and makes no queue file.
        let contended = super::waited_for_lock_within(CONTENDED);
        let turn = if contended {
            super::waiting_for_turn_since(Some(Instant::now()));
            self.write_queue
                .get_or_init(|| WriteQueue::open(&self.path).ok())
                .as_ref()
                .and_then(|queue| queue.take_turn(super::BUSY_TIMEOUT).ok())
        } else {
            None
        };
        if turn.as_ref().is_some_and(|turn| turn.waited) {
            super::note_contention();
        }
        // Without a queue (its file could not be made), step back for longer than a
        // waiting writer's busy handler sleeps when writing again at once after a commit:
        // otherwise this desk would take the lock before a waiting desk's next try.
        if turn.is_none()
            && contended
            && let Some(since) = self.last_commit.get().map(|at| at.elapsed())
            && since < STEP_BACK
        {
            std::thread::sleep(STEP_BACK - since);
        }
        let begun = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate);
        super::waiting_for_turn_since(None);
        Ok(Write::Alone(begun?, &self.last_commit, turn))
    }

    /// Starts a batch: every write until [`Store::commit_batch`] lands in one `BEGIN
    /// IMMEDIATE` transaction, committed at once. Only for generated data (`demo` commits
    /// a simulated day at a time): other desks wait for the whole batch. A write that
    /// changed rows and then failed breaks the batch: it is rolled back as a whole.
    pub fn begin_batch(&mut self) -> Result<(), StoreError> {
        self.file_change()?;
        self.batch_broken.set(false);
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(())
    }

    /// Commits the batch begun by [`Store::begin_batch`]; rolls it back and fails when a
    /// write inside it failed halfway, or when the database file or its WAL was deleted or
    /// replaced meanwhile.
    pub fn commit_batch(&mut self) -> Result<(), StoreError> {
        if let Err(changed) = self.file_change() {
            self.batch_broken.set(false);
            self.conn.execute_batch("ROLLBACK")?;
            return Err(changed);
        }
        if self.batch_broken.replace(false) {
            self.conn.execute_batch("ROLLBACK")?;
            return Err(StoreError::Sqlite(
                "a write of the batch failed halfway; the whole batch was rolled back".into(),
            ));
        }
        self.conn.execute_batch("COMMIT")?;
        Ok(())
    }
}

/// How long a connection waits before writing again right after its own commit: longer
/// than the longest sleep of a waiting writer's busy handler.
const STEP_BACK: Duration = Duration::from_micros(600);

/// How recently this thread must have waited for the lock for a write to step back.
const CONTENDED: Duration = Duration::from_millis(100);

/// One write: its own `BEGIN IMMEDIATE` transaction (with where to note when it committed,
/// and its turn in the write queue, held until the transaction ends), or a part of a batch.
pub(super) enum Write<'a> {
    Alone(Transaction<'a>, &'a Cell<Option<Instant>>, Option<Turn<'a>>),
    InBatch(BatchWrite<'a>),
}

/// A write inside a batch. No savepoint: one costs a copy of every page the write touches
/// (a tenth of a demo signer's time). A write that returns before changing anything (a
/// refusal) needs no undo; one dropped after changing rows breaks the batch.
pub(super) struct BatchWrite<'a> {
    conn: &'a Connection,
    broken: &'a Cell<bool>,
    changes_before: u64,
    committed: bool,
}

impl Drop for BatchWrite<'_> {
    fn drop(&mut self) {
        if !self.committed && self.conn.total_changes() != self.changes_before {
            self.broken.set(true);
        }
    }
}

impl Write<'_> {
    /// Commits the transaction, or leaves the write in the batch.
    pub(super) fn commit(self) -> rusqlite::Result<()> {
        match self {
            Write::Alone(tx, last_commit, turn) => {
                tx.commit()?;
                last_commit.set(Some(Instant::now()));
                drop(turn);
                Ok(())
            }
            Write::InBatch(mut write) => {
                write.committed = true;
                Ok(())
            }
        }
    }
}

impl std::ops::Deref for Write<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match self {
            Write::Alone(tx, _, _) => tx,
            Write::InBatch(write) => write.conn,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::RegionCatalog;
    use crate::store::{Actor, Store};

    fn door() -> Actor {
        Actor {
            desk: "door".into(),
            operator: "batch".into(),
        }
    }

    /// Two connections on one new database (the folder holds it while kept).
    fn two_stores() -> (tempfile::TempDir, Store, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let regions = RegionCatalog::embedded().expect("regions");
        let path = dir.path().join("b.db");
        let store = Store::open(&path, &regions).expect("open");
        let other = Store::open(&path, &regions).expect("open again");
        (dir, store, other)
    }

    #[test]
    fn a_writer_that_waited_for_the_lock_is_known_to_have_rivals() {
        let (_dir, mut store, mut other) = two_stores();
        let now = chrono::Utc::now();
        let day = now.date_naive();
        // Alone, a writer never waits: it never steps back.
        store.issue_ticket(&door(), day, now).expect("issue");
        store.issue_ticket(&door(), day, now).expect("issue");
        assert!(!super::super::waited_for_lock_within(super::CONTENDED));
        // Another thread holds the lock for a moment: this one waits, and knows it.
        other.begin_batch().expect("hold the lock");
        let holder = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            other.commit_batch().expect("release");
        });
        store
            .issue_ticket(&door(), day, now)
            .expect("issue after the wait");
        holder.join().expect("holder");
        assert!(super::super::waited_for_lock_within(super::CONTENDED));
    }

    #[test]
    fn a_batch_commits_its_writes_at_once_and_a_refusal_does_not_break_it() {
        let (_dir, mut store, mut other) = two_stores();
        let now = chrono::Utc::now();
        let day = now.date_naive();
        store.begin_batch().expect("begin");
        let first = store.issue_ticket(&door(), day, now).expect("issue");
        store.issue_ticket(&door(), day, now).expect("issue");
        // An undo of an unknown ticket refuses without writing: the batch goes on.
        assert!(
            !store
                .undo_ticket(&door(), first.id + 100, now)
                .expect("undo")
        );
        assert!(other.tickets_of_day(day).expect("read").is_empty());
        store.commit_batch().expect("commit");
        assert_eq!(other.tickets_of_day(day).expect("read").len(), 2);
        other
            .issue_ticket(&door(), day, now)
            .expect("the lock is free again");
    }

    #[test]
    fn a_batch_whose_file_was_moved_away_is_rolled_back_at_commit() {
        let (dir, mut store, other) = two_stores();
        drop(other);
        let now = chrono::Utc::now();
        let day = now.date_naive();
        store.begin_batch().expect("begin");
        store.issue_ticket(&door(), day, now).expect("issue");
        let moved = dir.path().join("moved.db");
        std::fs::rename(dir.path().join("b.db"), &moved).expect("move");
        assert!(matches!(
            store.commit_batch(),
            Err(crate::store::StoreError::FileChanged { .. })
        ));
        // The writes went nowhere: the file (wherever it is now) has no ticket.
        assert!(store.tickets_of_day(day).expect("tickets").is_empty());
    }

    #[test]
    fn a_write_waits_for_its_turn_and_the_lock_no_longer_than_the_busy_timeout() {
        let (dir, mut store, mut other) = two_stores();
        let now = chrono::Utc::now();
        let day = now.date_naive();
        // A writer that seems stuck holds its turn in the queue, and the lock.
        let stuck = super::WriteQueue::open(&dir.path().join("b.db")).expect("queue");
        let _turn = stuck
            .take_turn(std::time::Duration::ZERO)
            .expect("its turn");
        other.begin_batch().expect("hold the lock");
        // This thread has rivals, so its write queues behind the stuck one.
        super::super::note_contention();
        let started = std::time::Instant::now();
        let written = store.issue_ticket(&door(), day, now);
        let waited = started.elapsed();
        assert!(
            matches!(written, Err(crate::store::StoreError::Busy)),
            "{written:?}"
        );
        // 5 s in all: not 5 s for the turn and 5 more for the lock.
        let limit = super::super::BUSY_TIMEOUT;
        assert!(
            waited >= limit && waited < limit + std::time::Duration::from_secs(2),
            "{waited:?}"
        );
        other.commit_batch().expect("release");
    }
}
