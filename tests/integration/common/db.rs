//! Temp databases and the fixed facts tests and benches build on: the clock, the region
//! catalogue, the synthetic signers, stores opened on a path, campaign settings and the
//! people who act on them. Benches include this file with `#[path]`, so it uses nothing
//! else of `common`.

use chrono::{DateTime, TimeZone, Utc};
use sigdesk::dev::people::People;
use sigdesk::domain::{Entry, RegionCatalog};
use sigdesk::store::{Actor, Key, Store, StoreError};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The fixed instant every desk test runs at: Sunday 10 March 2024, 09:30 UTC.
pub fn fixed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 10, 9, 30, 0)
        .single()
        .expect("valid time")
}

/// The embedded region catalogue, read once.
pub fn regions() -> &'static RegionCatalog {
    static REGIONS: OnceLock<RegionCatalog> = OnceLock::new();
    REGIONS.get_or_init(|| RegionCatalog::embedded().expect("embedded regions"))
}

/// The synthetic signers of the demo, the tests and the benches, read once.
pub fn people() -> &'static People {
    static PEOPLE: OnceLock<People> = OnceLock::new();
    PEOPLE.get_or_init(|| People::embedded(regions()).expect("embedded signer lists"))
}

/// Someone acting on the store: a desk (or `door`, `board`, `cli`) and its operator.
pub fn actor(desk: &str, operator: &str) -> Actor {
    Actor {
        desk: desk.into(),
        operator: operator.into(),
    }
}

/// The shift lead at the command line, as `sigdesk campaign set` records them.
pub fn lead() -> Actor {
    actor("cli", "lead")
}

/// Opens (creating) the plain database at `path`.
pub fn open_store(path: &Path) -> Store {
    Store::open(path, regions()).expect("open store")
}

/// Opens (creating) the plain database at `path` with the lead PIN the command lines are
/// given, as the binary needs (it refuses a database without one).
pub fn open_store_for_cli(path: &Path, lead_pin: &str) -> Store {
    let mut store = open_store(path);
    if !store.has_lead_pin().expect("lead PIN") {
        store
            .set_lead_pin(lead_pin, &lead(), Utc::now())
            .expect("set the lead PIN");
    }
    store
}

/// Opens (creating) the database at `path` with `key`; the error is the test's to check.
pub fn open_keyed(path: &Path, key: &Key) -> Result<Store, StoreError> {
    Store::open_keyed(path, regions(), key)
}

/// A new database at `dir/s.db`, copied from one created once per process: much faster
/// than creating the schema for every case of a fuzz test.
pub fn fresh_db(dir: &Path) -> PathBuf {
    static TEMPLATE: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = TEMPLATE.get_or_init(|| {
        let template = tempfile::tempdir().expect("temp dir");
        let path = template.path().join("template.db");
        // Closing the only connection checkpoints the log into the file.
        drop(open_store(&path));
        std::fs::read(&path).expect("read the template")
    });
    let path = dir.join("s.db");
    std::fs::write(&path, bytes).expect("write a fresh database");
    path
}

/// Changes one campaign setting, as `sigdesk campaign set` does.
pub fn set_campaign(store: &mut Store, key: &str, value: &str) {
    let mut campaign = store.campaign().expect("campaign");
    campaign.set(key, value).expect("valid setting");
    store
        .save_campaign(&campaign, &lead(), fixed_now())
        .expect("save campaign");
}

/// Every entry in the database, valid and voided, in save order.
pub fn all_entries(store: &Store) -> Vec<Entry> {
    let mut entries = Vec::new();
    store
        .for_each_entry(true, |e| {
            entries.push(e.clone());
            Ok(())
        })
        .expect("read entries");
    entries
}

/// The text of the first column of every row `sql` returns, read with a raw connection to
/// the plain database at `db`.
pub fn query_texts(db: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn.prepare(sql).expect("prepare");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// The audit log's actions in order.
pub fn audit_actions(db: &Path) -> Vec<String> {
    query_texts(db, "SELECT action FROM events ORDER BY id")
}
