//! The only module that talks to SQLite: open, migrations, entries, sheets, events.
//!
//! Every connection runs in WAL mode with `synchronous=FULL`, foreign keys on and a
//! 5-second busy timeout. Every write is one short `BEGIN IMMEDIATE` transaction.

mod batch;
mod board;
mod campaign;
mod chain;
mod checkpoint;
mod collectors;
mod create;
pub mod desks;
mod entries;
mod entry_rows;
mod error;
mod events;
mod export_rows;
mod files;
mod findings;
mod health;
mod hq_link;
mod hq_sync;
mod identity;
mod import_stage;
mod paper;
mod same_person;
mod schema;
mod scratch;
mod sheet_status;
mod sheets;
mod signins;
mod tickets;
mod values;
pub mod watch;
pub mod write_queue;

pub mod audit;
pub mod backup;
pub mod cipher;
pub mod key;
pub mod lead_pin;
pub mod verify;

pub use board::AuditMark;
pub use chain::{ChainBreak, ChainReport};
pub use collectors::CollectorAdded;
pub use create::Creation;
pub use entries::{EntryEdit, SavedEntry};
pub use error::StoreError;
pub use events::{Actor, EventRecord};
pub use export_rows::export_query;
pub use files::{FileChange, FileWatch, is_special};
pub use findings::FindingLog;
pub use health::SheetFill;
pub use hq_link::{HqLink, masked_url};
pub use hq_sync::{HQ_SETTINGS, HqPull, KnownCollision, PullSaved};
pub use identity::APPLICATION_ID;
pub use import_stage::{DocumentKey, FoldedPerson, ImportStage};
pub use key::{DbFile, Key, probe};
pub use paper::{PaperMark, SampleDrawn, SampledLine};
pub use sheet_status::{CertifyOutcome, CloseOutcome};
pub use sheets::SheetPreview;
pub use signins::{Role, SignInNames};
pub use tickets::{CallOutcome, Finish};

use crate::domain::{Campaign, RegionCatalog};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Params, Row};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another desk's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_millis(5000);

/// An open sigdesk database.
pub struct Store {
    /// First, so the thread stops before this connection closes (the last one to close
    /// checkpoints what is left).
    checkpointer: Option<checkpoint::Checkpointer>,
    conn: Connection,
    /// Set when a write inside a batch changed rows and then failed: the batch must not
    /// commit (see `batch.rs`).
    batch_broken: std::cell::Cell<bool>,
    /// When this connection last committed a write of its own (see `batch.rs`).
    last_commit: std::cell::Cell<Option<Instant>>,
    path: PathBuf,
    key: Key,
    files: FileWatch,
    /// The write queue (see `write_queue.rs`), opened at the first contended write; `None`
    /// when its file cannot be made (a read-only folder).
    write_queue: std::cell::OnceCell<Option<write_queue::WriteQueue>>,
}

impl Store {
    /// Opens the plain (unencrypted) database at `path`, creating and migrating it if needed.
    pub fn open(path: &Path, regions: &RegionCatalog) -> Result<Store, StoreError> {
        Store::open_keyed(path, regions, &Key::Plain)
    }

    /// Opens an existing plain database without creating or migrating it.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        Store::open_existing_keyed(path, &Key::Plain)
    }

    /// Opens the database at `path` with `key`, creating (encrypted when the key is a
    /// passphrase) and migrating it if needed. A wrong key fails before anything is written.
    /// Made in place and without a lead PIN: for tests and benches; the command line makes
    /// a new database whole with [`Store::create_whole`].
    pub fn open_keyed(
        path: &Path,
        regions: &RegionCatalog,
        key: &Key,
    ) -> Result<Store, StoreError> {
        key::check_fits(path, key)?;
        let mut store = Store::connect(path, key, OpenFlags::SQLITE_OPEN_CREATE)?;
        schema::migrate(&mut store.conn, regions).map_err(|e| StoreError::from_open(path, e))?;
        Ok(store)
    }

    /// Opens the existing database at `path` with `key` and brings its schema up to date;
    /// never creates one (a new database is made whole by [`Store::create_whole`]).
    pub fn open_migrated(
        path: &Path,
        regions: &RegionCatalog,
        key: &Key,
    ) -> Result<Store, StoreError> {
        let mut store = Store::open_existing_keyed(path, key)?;
        schema::migrate(&mut store.conn, regions).map_err(|e| StoreError::from_open(path, e))?;
        Ok(store)
    }

    /// Opens an existing database with `key`, without creating or migrating it (for
    /// watchers and readers).
    pub fn open_existing_keyed(path: &Path, key: &Key) -> Result<Store, StoreError> {
        if key::check_fits(path, key)? == DbFile::Missing {
            return Err(StoreError::NoDatabase {
                path: path.display().to_string(),
            });
        }
        Store::connect(path, key, OpenFlags::empty())
    }

    /// A second connection to the same database (same key), e.g. for a watcher thread.
    pub fn open_sibling(&self) -> Result<Store, StoreError> {
        Store::open_existing_keyed(&self.path, &self.key)
    }

    /// A 2 MiB page cache instead of 32 MiB, for a connection that reads each page once
    /// (a walk of the whole audit log): a bigger cache would only hold memory.
    pub fn with_small_cache(self) -> Result<Store, StoreError> {
        self.conn.execute_batch("PRAGMA cache_size=-2048")?;
        Ok(self)
    }

    /// The size of the encrypted pages of this database (1 KiB for databases made since
    /// issue 16, 4 KiB for older ones); `None` for a plain training database.
    pub fn cipher_page_size(&self) -> Result<Option<u32>, StoreError> {
        if self.key.encrypts() {
            key::cipher_page_of(&self.conn).map(Some)
        } else {
            Ok(None)
        }
    }

    /// The page size a page-by-page copy of this database is keyed with (see
    /// [`Store::cipher_page_size`]; any for a plain one, which ignores it).
    fn cipher_page(&self) -> Result<u32, StoreError> {
        Ok(self.cipher_page_size()?.unwrap_or(key::NEW_CIPHER_PAGE))
    }

    /// Whether the database is encrypted (false for `--no-encrypt` training databases).
    pub fn is_encrypted(&self) -> bool {
        self.key.encrypts()
    }

    /// Whether `typed` unlocks a desk locked after too many wrong PINs: the database
    /// passphrase, or on a plain training database (which has none) the lead PIN.
    pub fn unlock_secret_matches(&self, typed: &str) -> Result<bool, StoreError> {
        match &self.key {
            Key::Passphrase(passphrase) => Ok(same_secret(passphrase, typed)),
            Key::Plain => self.verify_lead_pin(typed),
        }
    }

    /// Connects, applies the key (checking it), then sets the pragmas of DESIGN.md §3.
    fn connect(path: &Path, key: &Key, extra: OpenFlags) -> Result<Store, StoreError> {
        let mut conn = key::connect(path, key, || {
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | extra,
            )
            .map_err(|e| StoreError::from_open(path, e))
        })?;
        // Another program's database is refused before the pragmas below change it.
        identity::check(&conn, path)?;
        configure(&mut conn).map_err(|e| StoreError::from_open(path, e))?;
        Ok(Store::around(conn, path, key))
    }

    /// A store on `conn`, already open, keyed and checked, on the database at `path`.
    fn around(conn: Connection, path: &Path, key: &Key) -> Store {
        Store {
            checkpointer: None,
            conn,
            batch_broken: Default::default(),
            last_commit: Default::default(),
            path: path.to_path_buf(),
            key: key.clone(),
            files: FileWatch::of(path),
            write_queue: std::cell::OnceCell::new(),
        }
    }

    /// The database file this store is on.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The campaign settings stored in this database.
    pub fn campaign(&self) -> Result<Campaign, StoreError> {
        campaign::load(&self.conn)
    }

    /// Lets commits on this connection skip waiting for the disk (WAL `synchronous=NORMAL`):
    /// a power cut may lose the last commits but never damages the file. Only for generated
    /// training data (`demo`), where nothing is irreplaceable and 100,000 fsyncs would take
    /// many minutes.
    pub fn relax_durability_for_generated_data(&self) -> Result<(), StoreError> {
        self.conn.execute_batch("PRAGMA synchronous=NORMAL")?;
        Ok(())
    }

    /// Keeps up to `mebibytes` of database pages in memory on this connection (every
    /// connection keeps 32 MiB): for bulk writers on a large database (`demo`), whose index
    /// pages would otherwise be read from the file again and again.
    pub fn set_cache_mib(&self, mebibytes: u32) -> Result<(), StoreError> {
        self.conn.execute_batch(&format!(
            "PRAGMA cache_size=-{}",
            u64::from(mebibytes) * 1024
        ))?;
        Ok(())
    }

    /// Fails with [`StoreError::FileChanged`] when the files under this connection are no
    /// longer the ones it opened (the watcher asks every round, every write asks first).
    pub fn file_change(&mut self) -> Result<(), StoreError> {
        self.files
            .check()
            .map_err(|change| StoreError::FileChanged {
                path: self.path.display().to_string(),
                change,
            })
    }

    /// Every row `sql` selects with `params`, each read by `read`.
    fn rows<T, C: FromIterator<T>>(
        &self,
        sql: &str,
        params: impl Params,
        read: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<C, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params, read)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A counter that changes whenever another connection commits (PRAGMA data_version).
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

/// Compares two secrets in time that depends only on their lengths, not on where they differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The first sleep while another process holds the write lock; each further try sleeps
/// twice as long, up to [`BUSY_RETRY_MAX`].
const BUSY_RETRY_MIN: Duration = Duration::from_micros(50);

/// The longest sleep between tries: a transaction of another desk takes about a millisecond.
const BUSY_RETRY_MAX: Duration = Duration::from_micros(200);

thread_local! {
    /// When this thread's current wait for the write lock began.
    static WAITING_SINCE: std::cell::Cell<Option<Instant>> = const { std::cell::Cell::new(None) };
    /// When this thread's current write began waiting for its turn in the write queue: the
    /// wait for the lock counts from there, so the two together last at most
    /// [`BUSY_TIMEOUT`].
    static TURN_SINCE: std::cell::Cell<Option<Instant>> = const { std::cell::Cell::new(None) };
}

/// Waits for the write lock in short steps (50 µs growing to 200 µs) up to [`BUSY_TIMEOUT`]
/// of real time. SQLite's own busy timeout backs off to 100 ms sleeps, so under contention
/// a waiting desk keeps losing the lock to newcomers and can wait seconds; short steps keep
/// the queue fair. A plain `fn` (SQLite's handler has no state), so the start of the wait
/// is kept per thread: a connection is used by one thread at a time.
fn wait_for_lock(tries: i32) -> bool {
    let now = Instant::now();
    let since = WAITING_SINCE.with(|since| match since.get() {
        Some(at) if tries > 0 => at,
        _ => {
            let began = TURN_SINCE.with(|turn| turn.get()).unwrap_or(now);
            since.set(Some(began));
            began
        }
    });
    if now.duration_since(since) >= BUSY_TIMEOUT {
        return false;
    }
    let doublings = u32::try_from(tries.clamp(0, 5)).unwrap_or(0);
    std::thread::sleep((BUSY_RETRY_MIN * (1 << doublings)).min(BUSY_RETRY_MAX));
    true
}

/// Notes that this thread's write began waiting for its turn in the write queue at `at`
/// (`None` once the write has its transaction or gave up).
pub(super) fn waiting_for_turn_since(at: Option<Instant>) {
    TURN_SINCE.with(|turn| turn.set(at));
}

/// Notes that this thread waited for another writer (in the write queue): as a wait for
/// the lock would, it keeps [`waited_for_lock_within`] true.
pub(super) fn note_contention() {
    WAITING_SINCE.with(|since| since.set(Some(Instant::now())));
}

/// Whether this thread began waiting for the write lock less than `recent` ago: other
/// writers are busy on the same database.
pub(super) fn waited_for_lock_within(recent: Duration) -> bool {
    WAITING_SINCE.with(|since| since.get().is_some_and(|at| at.elapsed() < recent))
}

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 256;

/// The pragmas of DESIGN.md §3, set on every connection.
fn configure(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_handler(Some(wait_for_lock))?;
    // rusqlite keeps 16 prepared statements; a desk's save and call-next, and an import's
    // row checks, use more, so with 16 they pushed each other out and were parsed and
    // planned again every time.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // Without the planner's stability guarantee a statement whose plan looked at a bound
    // value (a partial index's `WHERE`) is parsed and planned again whenever it is bound:
    // most of a call-next's and a save's time. Every query here names its partial index
    // conditions as literals, so the plans stay the same.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    // Reading the header fails here, with a clear error, when the file is not a database.
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidQuery);
    }
    // 32 MiB of page cache (SQLite's default is 2 MiB): imports and checks read the same
    // index pages again and again on databases of hundreds of megabytes.
    conn.execute_batch(
        "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768;",
    )?;
    // A log grown long by a burst of writes is cut back when the next writer restarts it.
    conn.query_row(
        &format!("PRAGMA journal_size_limit={}", checkpoint::PASSIVE_AT),
        [],
        |r| r.get::<_, i64>(0),
    )?;
    Ok(())
}
