//! First come, first served among the sigdesk connections writing one database.
//!
//! SQLite's write lock is taken by polling: a writer that finds it held sleeps and tries
//! again, so among several waiting desks whoever tries at the right moment wins, and one
//! desk can lose many turns in a row (four desks calling next back to back: one call in a
//! hundred waited 14 ms for a lock that is held about 0.6 ms at a time). Once a connection
//! has had to wait for the lock, its writes first take a numbered turn here and wait for
//! the turn before theirs to end, then begin as before. The queue is made of
//! open-file-description byte-range locks on a small file beside the database
//! (`<db>-queue`, 0600, holding only the turn counter):
//!
//! - byte 0 guards the counter (the file's first 8 bytes, little-endian);
//! - the writer of turn `n` holds byte `SLOTS + n` from taking its turn until its
//!   transaction has ended;
//! - the writer of turn `n + 1` waits until it can lock byte `SLOTS + n`, lets it go, and
//!   begins.
//!
//! A process that dies releases its locks with its descriptors, so a dead desk never jams
//! the queue. A writer that waits longer than the busy timeout for its turn goes on to
//! SQLite's lock anyway. The queue only orders sigdesk's own short writes; SQLite's lock
//! still decides who writes and guards the data.

use nix::fcntl::{FcntlArg, fcntl};
use nix::libc;
use std::fs::File;
use std::io;
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where the per-turn bytes start (past the counter's lock byte).
const SLOTS: i64 = 1 << 32;
/// Turns are numbered modulo this, which keeps every slot's offset positive.
const TURNS: u64 = 1 << 40;
/// The first pause while the turn before is still running; doubled up to [`LONGEST_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_micros(20);
const LONGEST_PAUSE: Duration = Duration::from_micros(100);

/// The queue file of the database at `db` (`wipe` removes it with the database).
pub fn queue_file(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-queue");
    PathBuf::from(name)
}

/// The queue of one database, as one connection sees it.
pub(super) struct WriteQueue {
    file: File,
}

/// A turn taken: the writer's slot stays locked until this is dropped.
pub(super) struct Turn<'a> {
    file: &'a File,
    slot: i64,
    /// The slot of the turn before.
    before: i64,
    /// Whether the turn before was still running when this one was taken.
    pub(super) waited: bool,
}

impl WriteQueue {
    /// Opens (or creates, 0600) the queue file of the database at `db`.
    pub(super) fn open(db: &Path) -> io::Result<WriteQueue> {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(queue_file(db))?;
        Ok(WriteQueue { file })
    }

    /// Takes the next turn and waits, up to `patience`, for the turn before it to end.
    /// Waiting in vain is not an error: the caller writes anyway, under SQLite's lock.
    pub(super) fn take_turn(&self, patience: Duration) -> io::Result<Turn<'_>> {
        let deadline = Instant::now() + patience;
        let mut turn = self.number(deadline)?;
        turn.waited = turn.wait_for_the_one_before(deadline);
        Ok(turn)
    }

    /// Takes the next number under the counter's lock and locks its slot.
    fn number(&self, deadline: Instant) -> io::Result<Turn<'_>> {
        let _counter = Held::wait(&self.file, 0, deadline).0?;
        let mut bytes = [0u8; 8];
        let read = self.file.read_at(&mut bytes, 0)?;
        let turn = if read == bytes.len() {
            u64::from_le_bytes(bytes) % TURNS
        } else {
            0
        };
        self.file
            .write_all_at(&((turn + 1) % TURNS).to_le_bytes(), 0)?;
        let slot = slot_of(turn);
        // Free: its last holder took it TURNS turns ago.
        lock(&self.file, slot, libc::F_WRLCK)?;
        Ok(Turn {
            file: &self.file,
            slot,
            before: slot_of((turn + TURNS - 1) % TURNS),
            waited: false,
        })
    }
}

impl Turn<'_> {
    /// Returns once the turn before has ended (or its writer died), or at `deadline`;
    /// says whether it had to wait.
    fn wait_for_the_one_before(&self, deadline: Instant) -> bool {
        let (held, waited) = Held::wait(self.file, self.before, deadline);
        drop(held);
        waited
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        // Closing the file would release it too; a failed unlock leaves that to the close.
        let _ = lock(self.file, self.slot, libc::F_UNLCK);
    }
}

/// A byte of the queue file locked by this connection until dropped.
struct Held<'a> {
    file: &'a File,
    offset: i64,
}

impl<'a> Held<'a> {
    /// Locks byte `offset`, trying again after short pauses until `deadline`; says whether
    /// it had to wait.
    fn wait(file: &'a File, offset: i64, deadline: Instant) -> (io::Result<Held<'a>>, bool) {
        let mut pause = FIRST_PAUSE;
        let mut waited = false;
        loop {
            match lock(file, offset, libc::F_WRLCK) {
                Ok(()) => return (Ok(Held { file, offset }), waited),
                Err(e) if is_contended(&e) && Instant::now() < deadline => {
                    waited = true;
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(LONGEST_PAUSE);
                }
                Err(e) => return (Err(e), waited),
            }
        }
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        let _ = lock(self.file, self.offset, libc::F_UNLCK);
    }
}

fn slot_of(turn: u64) -> i64 {
    SLOTS + i64::try_from(turn % TURNS).unwrap_or(0)
}

/// Sets (`F_WRLCK`) or clears (`F_UNLCK`) this descriptor's lock on one byte, without
/// waiting.
fn lock(file: &File, offset: i64, kind: libc::c_int) -> io::Result<()> {
    let range = libc::flock {
        l_type: kind as libc::c_short,
        l_whence: libc::SEEK_SET as libc::c_short,
        l_start: offset,
        l_len: 1,
        l_pid: 0,
    };
    fcntl(file, FcntlArg::F_OFD_SETLK(&range))
        .map(|_| ())
        .map_err(io::Error::from)
}

fn is_contended(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EAGAIN) | Some(libc::EACCES) | Some(libc::EINTR)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    const PATIENCE: Duration = Duration::from_secs(5);

    /// A folder for a database that is never made: only its queue file is.
    fn database_path() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("q.db");
        (dir, db)
    }

    #[test]
    fn writers_get_their_turns_in_the_order_they_took_them() {
        let (_dir, db) = database_path();
        let first = WriteQueue::open(&db).expect("queue");
        let turn = first.take_turn(PATIENCE).expect("first turn");
        // Three more connections take turns in order while the first is still writing.
        let order = Arc::new(Mutex::new(Vec::new()));
        let mut writers = Vec::new();
        for n in 1..=3 {
            let queue = WriteQueue::open(&db).expect("queue");
            let order = Arc::clone(&order);
            let (taken_tx, taken_rx) = std::sync::mpsc::channel();
            writers.push(std::thread::spawn(move || {
                let deadline = Instant::now() + PATIENCE;
                let turn = queue.number(deadline).expect("number");
                taken_tx.send(()).expect("numbered");
                turn.wait_for_the_one_before(deadline);
                order.lock().expect("order").push(n);
                std::thread::sleep(Duration::from_millis(5));
                drop(turn);
            }));
            taken_rx.recv().expect("numbered");
        }
        std::thread::sleep(Duration::from_millis(20));
        assert!(
            order.lock().expect("order").is_empty(),
            "all wait for the first"
        );
        drop(turn);
        for writer in writers {
            writer.join().expect("writer");
        }
        assert_eq!(*order.lock().expect("order"), vec![1, 2, 3]);
    }

    #[test]
    fn a_turn_whose_writer_is_gone_does_not_block_the_next() {
        let (_dir, db) = database_path();
        let gone = WriteQueue::open(&db).expect("queue");
        let turn = gone.take_turn(PATIENCE).expect("turn");
        std::mem::forget(turn);
        // Its descriptor closes, as when a process dies: the lock goes with it.
        drop(gone);
        let next = WriteQueue::open(&db).expect("queue");
        let started = Instant::now();
        drop(next.take_turn(PATIENCE).expect("turn"));
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn a_writer_that_waits_too_long_goes_on_anyway() {
        let (_dir, db) = database_path();
        let stuck = WriteQueue::open(&db).expect("queue");
        let _held = stuck.take_turn(PATIENCE).expect("turn");
        let next = WriteQueue::open(&db).expect("queue");
        let started = Instant::now();
        drop(next.take_turn(Duration::from_millis(50)).expect("turn"));
        let waited = started.elapsed();
        assert!(waited >= Duration::from_millis(50) && waited < Duration::from_secs(1));
    }

    #[test]
    fn the_queue_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, db) = database_path();
        drop(WriteQueue::open(&db).expect("queue"));
        let mode = std::fs::metadata(queue_file(&db))
            .expect("queue file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
