//! What encryption costs: a durable desk save on an encrypted database against the same save
//! on a plain one (both with the desk's checkpoint thread, so no save runs a checkpoint),
//! and opening the database with and without key derivation (PBKDF2, 256,000 iterations).
//! Both databases hold the same 100,000 entries (the plain one is generated, the encrypted
//! one made from it by `sigdesk encrypt`).
//! Run: `cargo bench --bench crypto`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use chrono::Utc;
use common::db::{actor, open_keyed, regions};
use common::measure::{Target, bench_alone};
use common::{fresh_entry, generate, remove_db, with_fresh_document};
use criterion::{BatchSize, Criterion};
use sigdesk::store::Actor;
use sigdesk::store::Key;
use sigdesk::store::cipher::encrypt_plain;
use std::path::Path;
use std::time::Duration;

/// Entries in both bench databases.
const ROWS: u64 = 100_000;
const PASSPHRASE: &str = "скамейка у подъезда 17";

/// Оля at desk-1, who saves and encrypts.
fn olya() -> Actor {
    actor("desk-1", "Оля")
}

/// `crypto/save_plain` and `crypto/save_encrypted`: one durable save each.
fn save(c: &mut Criterion, databases: &[(&str, &Path, Key)]) {
    let mut group = c.benchmark_group("crypto");
    group.sample_size(30);
    // A checked entry to save; its document is replaced at every save.
    let entry = fresh_entry(0);
    for (name, path, key) in databases {
        let mut store = open_keyed(path, key).expect("open");
        // As the desk runs: checkpoints on their own thread, never inside a save.
        store.checkpoint_in_background().expect("checkpoint thread");
        let mut n = 0u64;
        group.bench_function(format!("save_{name}"), |b| {
            b.iter_batched(
                || {
                    n += 1;
                    with_fresh_document(&entry, n)
                },
                |e| {
                    store
                        .save_entry(&e, &olya(), None, Utc::now())
                        .expect("save")
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

/// `crypto/open_plain` and `crypto/open_encrypted`: opening the database (with key
/// derivation when encrypted) and reading the campaign, as every start does.
fn open(c: &mut Criterion, databases: &[(&str, &Path, Key)]) {
    let mut group = c.benchmark_group("crypto");
    group.sample_size(20);
    for (name, path, key) in databases {
        bench_alone(&mut group, format!("open_{name}"), || {
            let store = open_keyed(path, key).expect("open");
            let campaign = store.campaign().expect("campaign");
            (store, campaign)
        });
    }
    group.finish();
}

fn main() {
    if !common::measure::benchmarking() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = dir.path().join("plain.db");
    let encrypted = dir.path().join("encrypted.db");
    eprintln!("bench: generating {ROWS} entries …");
    generate(&plain, ROWS);
    std::fs::copy(&plain, &encrypted).expect("copy");
    drop(
        encrypt_plain(&encrypted, PASSPHRASE, regions(), &olya(), Utc::now())
            .expect("encrypt the copy"),
    );
    let databases = [
        ("plain", plain.as_path(), Key::Plain),
        (
            "encrypted",
            encrypted.as_path(),
            Key::Passphrase(PASSPHRASE.into()),
        ),
    ];
    let mut c = common::measure::criterion(Duration::from_secs(3));
    save(&mut c, &databases);
    open(&mut c, &databases);
    common::measure::summarise(
        &mut c,
        &[
            (
                "crypto/save_encrypted",
                "crypto/save_plain",
                Target::Ratio(1.3),
            ),
            ("crypto/open_plain", "", Target::Millis(50.0)),
            (
                "crypto/open_encrypted",
                "crypto/open_plain",
                Target::Millis(500.0),
            ),
        ],
    );
    remove_db(&plain);
    remove_db(&encrypted);
}
