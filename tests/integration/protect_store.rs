//! The protection parts of the store, on real database files: append-only events, the lead
//! PIN, keyed second connections, automatic backups, and what the schema never holds.

use crate::common::db::{lead, open_keyed, open_store, query_texts};
use chrono::{TimeZone, Utc};
use rusqlite::Connection;
use sigdesk::store::backup::{backup_due, backup_into_folder, parse_backup_file_name};
use sigdesk::store::{Key, Store, StoreError};

fn noon() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 10, 12, 0, 0)
        .single()
        .expect("time")
}

#[test]
fn events_cannot_be_changed_or_deleted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    let mut store = open_store(&db);
    store
        .record_event(noon(), &lead(), "export", &serde_json::json!({"rows": 3}))
        .expect("append");
    drop(store);
    let conn = Connection::open(&db).expect("raw connection");
    for sql in [
        "UPDATE events SET operator = 'someone else'",
        "DELETE FROM events",
        "DELETE FROM events WHERE action = 'export'",
    ] {
        let err = conn.execute(sql, []).expect_err(sql);
        assert!(
            err.to_string().contains("events are append-only"),
            "{sql}: {err}"
        );
    }
    let count: i64 = conn
        .query_row(
            "SELECT count(*) FROM events WHERE action = 'export'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(count, 1);
    conn.execute(
        "INSERT INTO events(at, desk, operator, action) VALUES ('2024-03-10T12:00:00.000Z', 'd', 'o', 'ticket_call')",
        [],
    )
    .expect("appending still works");
}

#[test]
fn the_schema_has_no_phone_email_or_photo_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    drop(open_store(&db));
    let mut columns = Vec::new();
    for table in query_texts(&db, "SELECT name FROM sqlite_master WHERE type = 'table'") {
        let sql = format!("SELECT name FROM pragma_table_info('{table}')");
        columns.extend(
            query_texts(&db, &sql)
                .into_iter()
                .map(|c| format!("{table}.{c}")),
        );
    }
    assert!(
        columns.contains(&"entries.doc_number".to_string()),
        "{columns:?}"
    );
    for column in &columns {
        let lower = column.to_lowercase();
        for banned in ["phone", "mail", "photo", "image", "picture", "signature"] {
            assert!(!lower.contains(banned), "{column} looks like {banned}");
        }
    }
}

#[test]
fn the_lead_pin_is_hashed_and_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    let mut store = open_store(&db);
    assert!(!store.has_lead_pin().expect("has"));
    assert!(matches!(
        store.verify_lead_pin("1234"),
        Err(StoreError::NoLeadPin)
    ));
    for bad in ["123", "123456789", "12a4", ""] {
        assert!(
            matches!(
                store.set_lead_pin(bad, &lead(), noon()),
                Err(StoreError::BadLeadPin)
            ),
            "{bad}"
        );
    }
    store.set_lead_pin("482916", &lead(), noon()).expect("set");
    assert!(store.verify_lead_pin("482916").expect("verify"));
    assert!(!store.verify_lead_pin("482917").expect("verify"));
    assert!(!store.verify_lead_pin("").expect("verify"));
    drop(store);
    let conn = Connection::open(&db).expect("raw connection");
    let phc: String = conn
        .query_row("SELECT phc FROM lead_pin", [], |r| r.get(0))
        .expect("stored");
    assert!(phc.starts_with("$argon2id$"), "{phc}");
    assert!(!phc.contains("482916"));
}

#[test]
fn a_sibling_connection_has_the_same_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    let key = Key::Passphrase("сиблинг".into());
    let store = open_keyed(&db, &key).expect("create encrypted");
    assert!(store.is_encrypted());
    let sibling = store.open_sibling().expect("second connection");
    assert!(sibling.is_encrypted());
    assert_eq!(sibling.campaign().expect("campaign").point, "point-1");
    assert!(!open_store(&dir.path().join("plain.db")).is_encrypted());
    assert!(matches!(
        Store::open_existing_keyed(&dir.path().join("none.db"), &key),
        Err(StoreError::NoDatabase { .. })
    ));
}

#[test]
fn automatic_backups_go_to_the_campaign_folder_with_a_dated_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    let key = Key::Passphrase("авто".into());
    let mut store = open_keyed(&db, &key).expect("create");
    assert!(matches!(
        backup_into_folder(&store, noon()),
        Err(StoreError::NoBackupDir)
    ));
    let folder = dir.path().join("backups");
    let mut campaign = store.campaign().expect("campaign");
    campaign
        .set("backup_dir", folder.to_str().expect("utf-8"))
        .expect("absolute path");
    campaign.set("timezone", "Europe/Moscow").expect("tz");
    store
        .save_campaign(&campaign, &lead(), noon())
        .expect("save");
    assert!(
        backup_into_folder(&store, noon()).is_err(),
        "a missing folder is not created"
    );
    std::fs::create_dir(&folder).expect("mkdir");
    let written = backup_into_folder(&store, noon()).expect("backup");
    let name = written
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert_eq!(name, "sigdesk-point-1-20240310-150000.db");
    assert!(parse_backup_file_name(&name).is_some());
    let copy = Store::open_existing_keyed(&written, &key).expect("opens with the same key");
    assert_eq!(
        copy.campaign().expect("campaign").backup_dir,
        campaign.backup_dir
    );
    assert!(copy.verify().expect("verify").is_sound());
    assert!(!backup_due(
        Some(noon()),
        noon() + chrono::Duration::minutes(29),
        30
    ));
    assert!(backup_due(
        Some(noon()),
        noon() + chrono::Duration::minutes(30),
        30
    ));
}

#[test]
fn events_from_before_the_chain_are_covered_by_its_first_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("s.db");
    drop(open_store(&db));
    let conn = Connection::open(&db).expect("raw connection");
    // Two events as an older sigdesk wrote them: no hash.
    for action in ["create", "void"] {
        conn.execute(
            "INSERT INTO events(at, desk, operator, action) VALUES ('2024-03-10T12:00:00.000Z', 'd', 'o', ?1)",
            [action],
        )
        .expect("old event");
    }
    let mut store = open_store(&db);
    store
        .record_event(noon(), &lead(), "export", &serde_json::json!({}))
        .expect("append");
    let chain = store.audit_chain().expect("chain");
    assert_eq!((chain.events, chain.broken), (3, None));
    conn.execute_batch(
        "DROP TRIGGER events_no_update; UPDATE events SET desk = 'x' WHERE id = 1;
         CREATE TRIGGER events_no_update BEFORE UPDATE ON events
         BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;",
    )
    .expect("change an old event");
    assert_eq!(
        store.audit_chain().expect("chain").broken,
        Some(sigdesk::store::ChainBreak::Mismatch(3))
    );
}
