//! Encrypted page size (issue 16): new databases have 1 KiB cipher pages, which any
//! SQLCipher 4 opens with `cipher_page_size = 1024`; files encrypted before, with
//! SQLCipher's default 4 KiB pages, still open, save, back up and verify as they are.

use crate::common::cli::{Output, PASSPHRASE, Point, path_arg, signers_csv};
use crate::common::db::open_keyed;
use rusqlite::{Connection, params};
use sigdesk::store::{Key, StoreError, backup::backup_to};
use std::path::Path;

fn passphrase() -> Key {
    Key::Passphrase(PASSPHRASE.into())
}

/// The entries SQLCipher itself counts in `db` keyed with the passphrase and `page`-byte
/// cipher pages (its documented pragmas, nothing of sigdesk's).
fn entries_read_by_sqlcipher(db: &Path, page: u32) -> rusqlite::Result<i64> {
    let conn = Connection::open(db)?;
    conn.pragma_update(None, "key", PASSPHRASE)?;
    conn.pragma_update(None, "cipher_page_size", page)?;
    conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
}

/// Encrypts the plain database `db` in place as `sigdesk encrypt` did before issue 16:
/// `sqlcipher_export` into a file with SQLCipher's default settings.
fn encrypt_with_default_pages(db: &Path) {
    let copy = db.with_extension("old-style");
    let conn = Connection::open(db).expect("open plain");
    conn.execute_batch("PRAGMA journal_mode=DELETE")
        .expect("leave WAL");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    conn.execute(
        "ATTACH DATABASE ?1 AS encrypted KEY ?2",
        params![copy.to_string_lossy(), PASSPHRASE],
    )
    .expect("attach");
    conn.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))
        .expect("export");
    conn.pragma_update(Some("encrypted"), "user_version", version)
        .expect("version");
    conn.execute_batch("DETACH DATABASE encrypted")
        .expect("detach");
    drop(conn);
    std::fs::rename(&copy, db).expect("replace");
}

#[test]
fn a_new_encrypted_database_has_1_kib_pages_that_sqlcipher_itself_opens() {
    let point = Point::encrypted();
    point.import_signers("signers.csv", 1, 5);
    let store = open_keyed(&point.db(), &passphrase()).expect("open");
    assert_eq!(store.cipher_page_size().expect("page size"), Some(1024));
    drop(store);
    assert_eq!(
        entries_read_by_sqlcipher(&point.db(), 1024).expect("read"),
        5
    );
    // The size is really in the file: SQLCipher's default does not read it.
    assert!(entries_read_by_sqlcipher(&point.db(), 4096).is_err());
}

#[test]
fn encrypt_makes_1_kib_pages() {
    let point = Point::new();
    point.train_signers(1, 4);
    point
        .run(&["encrypt"])
        .succeeds_printing("is now encrypted");
    assert_eq!(
        entries_read_by_sqlcipher(&point.db(), 1024).expect("read"),
        4
    );
}

#[test]
fn a_database_encrypted_with_4_kib_pages_still_opens_saves_backs_up_and_verifies() {
    let point = Point::new();
    point.train_signers(1, 6);
    encrypt_with_default_pages(&point.db());
    assert_eq!(
        entries_read_by_sqlcipher(&point.db(), 4096).expect("read"),
        6
    );

    // The real binary: reads it, adds to it, checks it.
    let more = point.write("more.csv", &signers_csv(7, 2));
    point.run(&["import", path_arg(&more)]).assert().success();
    let exported = point.run(&["export"]).stdout_ok();
    assert_eq!(exported.lines().count(), 1 + 8, "{exported}");
    point
        .run(&["verify", path_arg(&point.db())])
        .assert()
        .success();

    // It keeps its pages; a backup of it is made with the same.
    let store = open_keyed(&point.db(), &passphrase()).expect("open");
    assert_eq!(store.cipher_page_size().expect("page size"), Some(4096));
    assert!(store.verify().expect("verify").problems.is_empty());
    let copy = point.path("copy.db");
    backup_to(&store, &copy).expect("backup");
    drop(store);
    let backup = open_keyed(&copy, &passphrase()).expect("open the backup");
    assert_eq!(backup.cipher_page_size().expect("page size"), Some(4096));
    assert_eq!(backup.entry_totals().expect("totals"), (8, 0));

    // A wrong passphrase fits neither size and is named as such.
    assert!(matches!(
        open_keyed(&point.db(), &Key::Passphrase("не та".into())),
        Err(StoreError::WrongPassphrase { .. })
    ));
}

#[test]
fn a_backup_of_a_new_database_keeps_its_1_kib_pages() {
    let point = Point::encrypted();
    point.import_signers("signers.csv", 1, 3);
    let store = open_keyed(&point.db(), &passphrase()).expect("open");
    let copy = point.path("copy.db");
    backup_to(&store, &copy).expect("backup");
    assert_eq!(entries_read_by_sqlcipher(&copy, 1024).expect("read"), 3);
}
