//! The only module that talks to SQLite: open, migrations, entries, sheets, events.
//!
//! Every connection runs in WAL mode with `synchronous=FULL`, foreign keys on and a
//! 5-second busy timeout. Every write is one short `BEGIN IMMEDIATE` transaction.

mod board;
mod campaign;
mod chain;
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
use rusqlite::{Connection, OpenFlags, Params, Row, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another desk's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_millis(5000);

/// An open sigdesk database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    key: Key,
    files: FileWatch,
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
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | extra,
        )
        .map_err(|e| StoreError::from_open(path, e))?;
        key::apply(&conn, path, key)?;
        // Another program's database is refused before the pragmas below change it.
        identity::check(&conn, path)?;
        configure(&mut conn).map_err(|e| StoreError::from_open(path, e))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            key: key.clone(),
            files: FileWatch::of(path),
        })
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

    /// Starts one short write: a `BEGIN IMMEDIATE` transaction, so the write lock is taken
    /// before anything is read and two desks never act on the same state.
    /// Refuses when the database file or its WAL was deleted or replaced since it was
    /// opened: the commit would land in a file nobody will open again.
    fn write(&mut self) -> Result<Transaction<'_>, StoreError> {
        self.file_change()?;
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
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

/// Sleep between tries while another process holds the write lock.
const BUSY_RETRY: Duration = Duration::from_millis(1);

/// Waits for the write lock in short, even steps up to [`BUSY_TIMEOUT`]. SQLite's own
/// busy timeout backs off to 100 ms sleeps, so under contention a waiting desk keeps
/// losing the lock to newcomers and can wait seconds; short steps keep the queue fair.
fn wait_for_lock(tries: i32) -> bool {
    let waited = BUSY_RETRY * u32::try_from(tries).unwrap_or(u32::MAX);
    if waited >= BUSY_TIMEOUT {
        return false;
    }
    std::thread::sleep(BUSY_RETRY);
    true
}

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 64;

/// The pragmas of DESIGN.md §3, set on every connection.
fn configure(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_handler(Some(wait_for_lock))?;
    // rusqlite keeps 16 prepared statements by default; an import's row checks use more,
    // and every miss parses its SQL again (a third of an import's time).
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // Reading the header fails here, with a clear error, when the file is not a database.
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidQuery);
    }
    // 32 MiB of page cache (SQLite's default is 2 MiB): imports and checks read the same
    // index pages again and again on databases of hundreds of megabytes.
    conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768;")
}
