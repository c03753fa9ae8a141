//! What encryption costs: a durable desk save on an encrypted database against the same save
//! on a plain one (both with the desk's checkpoint thread, so no save runs a checkpoint),
//! and opening the database with and without key derivation (PBKDF2, 256,000 iterations).
//! Both databases hold the same 100,000 entries (the plain one is generated, the encrypted
//! one made from it by `sigdesk encrypt`). The save ratio held against the target is the
//! paired one (the two databases take turns, see [`paired`]): criterion's two save rows are
//! measured seconds apart and shown for information.
//! Run: `cargo bench --bench crypto`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use chrono::Utc;
use common::db::{actor, open_keyed, regions};
use common::measure::{Target, bench_alone};
use common::{fresh_entry, generate, remove_db, with_fresh_document};
use criterion::{BatchSize, Criterion};
use sigdesk::domain::NewEntry;
use sigdesk::store::cipher::encrypt_plain;
use sigdesk::store::{Actor, Key, Store};
use std::path::Path;
use std::time::{Duration, Instant};

/// Entries in both bench databases.
const ROWS: u64 = 100_000;
const PASSPHRASE: &str = "скамейка у подъезда 17";

/// Оля at desk-1, who saves and encrypts.
fn olya() -> Actor {
    actor("desk-1", "Оля")
}

/// The bench databases open as the desk runs them: checkpoints on their own thread, never
/// inside a save. Each comes with the number of signers saved into it so far.
fn open_for_saves(databases: &[(&str, &Path, Key)]) -> Vec<(Store, u64)> {
    databases
        .iter()
        .map(|(_, path, key)| {
            let mut store = open_keyed(path, key).expect("open");
            store.checkpoint_in_background().expect("checkpoint thread");
            (store, 0)
        })
        .collect()
}

/// One durable save of a new signer (a fresh document each time) into `store`.
fn save_one(store: &mut Store, saved: &mut u64, entry: &NewEntry) {
    *saved += 1;
    let e = with_fresh_document(entry, *saved);
    store
        .save_entry(&e, &olya(), None, Utc::now())
        .expect("save");
}

/// `crypto/save_plain` and `crypto/save_encrypted`: one durable save each, one after the
/// other, as criterion measures.
fn save(c: &mut Criterion, databases: &[(&str, &Path, Key)], stores: &mut [(Store, u64)]) {
    let mut group = c.benchmark_group("crypto");
    group.sample_size(30);
    // A checked entry to save; its document is replaced at every save.
    let entry = fresh_entry(0);
    for ((name, _, _), (store, saved)) in databases.iter().zip(stores.iter_mut()) {
        group.bench_function(format!("save_{name}"), |b| {
            b.iter_batched(
                || {
                    *saved += 1;
                    with_fresh_document(&entry, *saved)
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

/// Rounds of the paired measure: in each, [`PAIRED_SAVES`] saves on each database.
const PAIRED_ROUNDS: usize = 60;
const PAIRED_SAVES: u32 = 50;

/// The ratio measured in pairs: a save costs mostly its fsync, whose time drifts over
/// seconds on a shared disk, so two figures taken one after the other (as criterion takes
/// `save_plain`, then `save_encrypted`) can differ by more than encryption adds. Here the
/// two databases take turns within each round of a fraction of a second (which goes first
/// alternates), and each round gives a ratio. Returns the median time per plain and per
/// encrypted save over the rounds and the median of the rounds' ratios.
fn paired(stores: &mut [(Store, u64)]) -> (f64, f64, f64) {
    let entry = fresh_entry(0);
    let [(plain, plain_saved), (encrypted, encrypted_saved)] = stores else {
        panic!("two databases: plain, encrypted");
    };
    let time = |store: &mut Store, saved: &mut u64| {
        let started = Instant::now();
        for _ in 0..PAIRED_SAVES {
            save_one(store, saved, &entry);
        }
        started.elapsed().as_nanos() as f64 / f64::from(PAIRED_SAVES)
    };
    let (mut plain_ns, mut encrypted_ns, mut ratios) = (vec![], vec![], vec![]);
    for round in 0..PAIRED_ROUNDS {
        let (p, e) = if round % 2 == 0 {
            let p = time(plain, plain_saved);
            (p, time(encrypted, encrypted_saved))
        } else {
            let e = time(encrypted, encrypted_saved);
            (time(plain, plain_saved), e)
        };
        plain_ns.push(p);
        encrypted_ns.push(e);
        ratios.push(e / p);
    }
    (median(plain_ns), median(encrypted_ns), median(ratios))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
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
    let mut stores = open_for_saves(&databases);
    save(&mut c, &databases, &mut stores);
    // Only when this run saves (criterion's filter lets `save` through).
    let pairs = common::measure::median_ns("crypto/save_encrypted")
        .is_some()
        .then(|| paired(&mut stores));
    drop(stores);
    open(&mut c, &databases);
    common::measure::summarise(
        &mut c,
        &[
            ("crypto/save_encrypted", "crypto/save_plain", Target::None),
            ("crypto/open_plain", "", Target::Millis(50.0)),
            (
                "crypto/open_encrypted",
                "crypto/open_plain",
                Target::Millis(500.0),
            ),
        ],
    );
    if let Some((plain_ns, encrypted_ns, ratio)) = pairs {
        common::measure::print_row(
            &format!("crypto/save_encrypted, paired ({PAIRED_ROUNDS} rounds)"),
            encrypted_ns,
            "crypto/save_plain, paired",
            Some(plain_ns),
            Some(ratio),
            &Target::Ratio(1.3),
        );
    }
    remove_db(&plain);
    remove_db(&encrypted);
}
