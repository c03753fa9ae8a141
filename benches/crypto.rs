//! What encryption costs: a durable desk save on an encrypted database against the same save
//! on a plain one, and opening the database with and without key derivation (PBKDF2,
//! 256,000 iterations). Both databases hold the same 100,000 entries (the plain one is
//! generated, the encrypted one made from it by `sigdesk encrypt`).
//! Run: `cargo bench --bench crypto`.

mod common;

use chrono::Utc;
use common::{Target, fresh_draft, generate, people, remove_db};
use criterion::{BatchSize, Criterion};
use sigdesk::domain::checks::{CheckContext, check_entry};
use sigdesk::domain::{NewEntry, RegionCatalog};
use sigdesk::store::cipher::encrypt_plain;
use sigdesk::store::{Actor, Key, Store};
use std::path::Path;
use std::time::Duration;

/// Entries in both bench databases.
const ROWS: u64 = 100_000;
const PASSPHRASE: &str = "скамейка у подъезда 17";

fn actor() -> Actor {
    Actor {
        desk: "desk-1".into(),
        operator: "Оля".into(),
    }
}

/// A checked entry to save (its document is replaced at every save).
fn template(store: &Store, regions: &RegionCatalog) -> NewEntry {
    let campaign = store.campaign().expect("campaign");
    let counts = store.region_counts().expect("counts");
    let draft = fresh_draft(0, &people(regions));
    let ctx = CheckContext {
        today: campaign.local_date(Utc::now()),
        campaign: &campaign,
        regions,
        region_counts: &counts,
        same_document: None,
        same_person: None,
    };
    check_entry(&draft, &ctx)
        .entry
        .expect("the bench draft passes the checks")
}

/// `crypto/save_plain` and `crypto/save_encrypted`: one durable save each.
fn save(c: &mut Criterion, databases: &[(&str, &Path, Key)], regions: &RegionCatalog) {
    let mut group = c.benchmark_group("crypto");
    group.sample_size(30);
    for (name, path, key) in databases {
        let mut store = Store::open_keyed(path, regions, key).expect("open");
        let entry = template(&store, regions);
        let mut n = 0u64;
        group.bench_function(format!("save_{name}"), |b| {
            b.iter_batched(
                || {
                    n += 1;
                    let mut e = entry.clone();
                    e.doc_series = format!("{}2{}", &entry.doc_series[..2], n / 1_000_000);
                    e.doc_number = format!("{:06}", n % 1_000_000);
                    e
                },
                |e| {
                    store
                        .save_entry(&e, &actor(), None, Utc::now())
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
fn open(c: &mut Criterion, databases: &[(&str, &Path, Key)], regions: &RegionCatalog) {
    let mut group = c.benchmark_group("crypto");
    group.sample_size(20);
    for (name, path, key) in databases {
        group.bench_function(format!("open_{name}"), |b| {
            b.iter_batched(
                || (),
                |()| {
                    let store = Store::open_keyed(path, regions, key).expect("open");
                    let campaign = store.campaign().expect("campaign");
                    (store, campaign)
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn main() {
    if !common::benchmarking() {
        return;
    }
    let regions = RegionCatalog::embedded().expect("regions");
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = dir.path().join("plain.db");
    let encrypted = dir.path().join("encrypted.db");
    eprintln!("bench: generating {ROWS} entries …");
    generate(&plain, ROWS);
    std::fs::copy(&plain, &encrypted).expect("copy");
    drop(
        encrypt_plain(&encrypted, PASSPHRASE, &regions, &actor(), Utc::now())
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
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    save(&mut criterion, &databases, &regions);
    open(&mut criterion, &databases, &regions);
    criterion.final_summary();
    common::print_ratio_table(&[
        (
            "crypto/save_encrypted",
            "crypto/save_plain",
            Target::Ratio(1.5),
        ),
        ("crypto/open_plain", "", Target::Millis(50.0)),
        (
            "crypto/open_encrypted",
            "crypto/open_plain",
            Target::Millis(500.0),
        ),
    ]);
    remove_db(&plain);
    remove_db(&encrypted);
}
