//! A new database is made whole or not at all (DESIGN.md §3): schema, key and lead PIN are
//! written into a temporary file beside it, which is synced and then linked to the
//! database's name. A link never replaces a file, so of two processes creating at once
//! one wins and the other opens the winner's database; nobody ever sees a half-made file.

use super::cipher::{folder_of, io_error, sync_folder};
use super::{Actor, Key, RegionCatalog, Store, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::OpenFlags;
use std::path::Path;

/// Whether this process made the database or found one already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Creation {
    /// This process built it, with its lead PIN.
    Made,
    /// Another process made it first; this one's build was thrown away.
    FoundMade,
}

impl Store {
    /// Builds a new database for `path` with `key` and `lead_pin`, then gives it the name
    /// `path` unless a file has taken that name meanwhile. The database is left closed.
    pub fn create_whole(
        path: &Path,
        regions: &RegionCatalog,
        key: &Key,
        lead_pin: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Creation, StoreError> {
        let dir = folder_of(path);
        let temp = tempfile::Builder::new()
            .prefix(".sigdesk-new-")
            .suffix(".db")
            .tempfile_in(&dir)
            .map_err(|e| io_error(path, e))?;
        let mut store = Store::connect(temp.path(), key, OpenFlags::empty())?;
        super::schema::migrate(&mut store.conn, regions)
            .map_err(|e| StoreError::from_open(path, e))?;
        store.set_lead_pin(lead_pin, actor, now)?;
        // Out of WAL mode and closed: the file holds everything, with no log beside it.
        store.close_alone()?;
        temp.as_file().sync_all().map_err(|e| io_error(path, e))?;
        match std::fs::hard_link(temp.path(), path) {
            Ok(()) => {
                sync_folder(&dir);
                Ok(Creation::Made)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(Creation::FoundMade),
            Err(e) => Err(io_error(path, e)),
        }
    }
}
