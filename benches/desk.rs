//! Desk benches on a 1,000,000-entry database: save, duplicate lookup, render, startup.
//! Each sigdesk figure has a bare-rusqlite baseline measured in the same run; the ratio
//! table is printed at the end. Run: `cargo bench --bench desk`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use chrono::Utc;
use common::db::{actor, open_store, regions};
use common::desk::{Desk, signed_in_as};
use common::measure::{Target, bench_alone, bench_frames};
use common::render::{render_into, terminal};
use common::{
    bare_connection, fresh_draft, fresh_entry, gen_entry, insert_entry_sql, with_fresh_document,
};
use criterion::{BatchSize, Criterion};
use rusqlite::{TransactionBehavior, params, params_from_iter};
use sigdesk::domain::checks::{CheckContext, check_entry};
use sigdesk::domain::{Column, DocKind, RegionCatalog};
use sigdesk::i18n::Lang;
use sigdesk::store::Store;
use sigdesk::tui::start_model;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

/// Terminal size of the render and startup benches.
const SIZE: (u16, u16) = (200, 60);

/// `group/save`: a complete desk save, the checks, and a bare durable insert.
fn save(c: &mut Criterion, db: &Path) {
    let mut store = open_store(db);
    let campaign = store.campaign().unwrap();
    let counts = store.region_counts().unwrap();
    let anna = actor("desk-1", "Оля");
    let draft = fresh_draft(0);
    let ctx = CheckContext {
        today: campaign.local_date(Utc::now()),
        campaign: &campaign,
        regions: regions(),
        region_counts: &counts,
        same_document: None,
        same_person: None,
    };
    let template = fresh_entry(0);

    let mut group = c.benchmark_group("save");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));

    group.bench_function("checks_one_draft", |b| {
        b.iter(|| check_entry(black_box(&draft), black_box(&ctx)))
    });

    let mut n = 0u64;
    group.bench_function("sigdesk_save_entry", |b| {
        b.iter_batched(
            || {
                // A fresh document each save (setup is not timed).
                n += 1;
                with_fresh_document(&template, n)
            },
            |e| store.save_entry(&e, &anna, None, Utc::now()).expect("save"),
            BatchSize::SmallInput,
        )
    });
    drop(store);

    // Bare: BEGIN IMMEDIATE + one INSERT + COMMIT, WAL, synchronous=FULL, into the same
    // `entries` table (same indexes and counter trigger) of the same file, every column of
    // the list bound as the text prepared beforehand.
    let mut conn = bare_connection(db);
    let row = gen_entry(0, false);
    let stored: Vec<Column> = Column::stored().collect();
    let insert = insert_entry_sql(&stored);
    let mut m = 0u32;
    group.bench_function("bare_insert_commit", |b| {
        b.iter_batched(
            || {
                m += 1;
                let mut e = row.clone();
                e.id = format!("0190ab00-0000-7000-8fff-{m:012x}");
                e.origin = "bare".into();
                e.sheet = m;
                e.line = 1;
                e.signer.doc_series = format!("{}24", &row.signer.doc_series[..2]);
                e.signer.doc_number = format!("{:06}", m % 1_000_000);
                stored
                    .iter()
                    .map(|c| e.column_text(*c).map(|t| t.into_owned()))
                    .collect::<Vec<_>>()
            },
            |values| {
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .unwrap();
                tx.prepare_cached(&insert)
                    .unwrap()
                    .execute(params_from_iter(&values))
                    .unwrap();
                tx.commit().unwrap();
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

/// `lookup`: the duplicate check against a bare point lookup on the unique index.
fn lookup(c: &mut Criterion, db: &Path) {
    let store = open_store(db);
    let conn = bare_connection(db);
    // Documents held by generated entries, spread over the table.
    let hits: Vec<(String, String)> = (0..4096u64)
        .map(|k| {
            let r = gen_entry((k * 7_919_993) % common::ROWS, false);
            (r.signer.doc_series, r.signer.doc_number)
        })
        .collect();
    // Documents nobody holds (blank year 25 is used by no fixture).
    let misses: Vec<(String, String)> = (0..4096u64)
        .map(|k| {
            let okato = &hits[k as usize].0[..2];
            (format!("{okato}25"), format!("{:06}", k * 211))
        })
        .collect();
    assert!(
        store
            .find_by_document(DocKind::InternalPassport, &hits[0].0, &hits[0].1)
            .unwrap()
            .is_some(),
        "generated documents are found"
    );

    let mut group = c.benchmark_group("lookup");
    for (name, keys) in [("hit", &hits), ("miss", &misses)] {
        let mut i = 0usize;
        group.bench_function(format!("sigdesk_find_by_document_{name}"), |b| {
            b.iter(|| {
                i = (i + 1) % keys.len();
                let (series, number) = &keys[i];
                store
                    .find_by_document(DocKind::InternalPassport, series, number)
                    .unwrap()
            })
        });
        let mut i = 0usize;
        group.bench_function(format!("bare_point_lookup_{name}"), |b| {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT id FROM entries WHERE doc_kind = 'internal_passport' \
                     AND doc_series = ?1 AND doc_number = ?2 AND status = 'valid'",
                )
                .unwrap();
            b.iter(|| {
                i = (i + 1) % keys.len();
                let (series, number) = &keys[i];
                let mut rows = stmt.query(params![series, number]).unwrap();
                rows.next().unwrap().map(|r| r.get::<_, String>(0).unwrap())
            })
        });
    }
    group.finish();
}

/// `render`: the desk screen at 200×60 on a TestBackend.
fn render(c: &mut Criterion, db: &Path) {
    let desk = Desk::start(open_store(db), &signed_in_as("desk-1", "Оля"), Utc::now());
    let mut group = c.benchmark_group("render");
    bench_frames(&mut group, "desk", &desk.model, &[SIZE]);
    group.finish();
}

/// `startup`: catalogue + `Store::open` + `start_model` (desk and operator given) + one
/// drawn frame, on the 1M-entry database.
fn startup(c: &mut Criterion, db: &Path) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(30);
    // Every iteration is the only connection (as at a real start); closing the store (its
    // WAL checkpoint) happens after the timing.
    bench_alone(&mut group, "open_to_drawn_desk", || {
        let regions = RegionCatalog::embedded().unwrap();
        let mut store = Store::open(db, &regions).unwrap();
        let args = signed_in_as("desk-1", "Оля");
        let mut model = start_model(&mut store, regions, Lang::En, &args).unwrap();
        model.size = SIZE;
        let mut terminal = terminal(SIZE.0, SIZE.1);
        render_into(&mut terminal, &model);
        (store, terminal)
    });
    group.finish();
}

fn main() {
    if !common::measure::benchmarking() {
        return;
    }
    // Signing in remembers the names; keep that file away from the user's config folder.
    let db = common::working_copy("desk");
    let mut c = common::measure::criterion(Duration::from_secs(3));
    startup(&mut c, &db);
    render(&mut c, &db);
    lookup(&mut c, &db);
    save(&mut c, &db);
    common::measure::summarise(
        &mut c,
        &[
            (
                "save/sigdesk_save_entry",
                "save/bare_insert_commit",
                Target::Ratio(2.0),
            ),
            ("save/checks_one_draft", "", Target::None),
            (
                "lookup/sigdesk_find_by_document_hit",
                "lookup/bare_point_lookup_hit",
                Target::Ratio(2.0),
            ),
            (
                "lookup/sigdesk_find_by_document_miss",
                "lookup/bare_point_lookup_miss",
                Target::Ratio(2.0),
            ),
            ("render/desk_200x60", "", Target::Millis(1.0)),
            ("startup/open_to_drawn_desk", "", Target::Millis(50.0)),
        ],
    );
}
