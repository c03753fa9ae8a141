//! Lead board benches on the 1,000,000-entry database: the figure refresh a board runs when
//! any desk commits (target < 50 ms), today's defects (the `check` rules over the day's
//! entries), and one board frame (target < 1 ms). "Today" is the last full day of the generated
//! entries (8,640 of them: one every 10 s), with a day of door tickets added.
//! Run: `cargo bench --bench board`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use common::db::{actor, lead, open_store, regions};
use common::desk::Desk;
use common::fresh_entry;
use common::measure::{Target, bench_frames};
use criterion::Criterion;
use rusqlite::params;
use sigdesk::domain::board::{board_figures, day_bounds};
use sigdesk::domain::queue::queue_figures;
use sigdesk::i18n::Lang;
use sigdesk::ops::defects::{DayDefects, defects_saved_between};
use sigdesk::tui::msg::Msg;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

/// Door tickets added to the benched day, one every 30 s before `now`.
const TICKETS: i64 = 1_000;

/// Sets the campaign (UTC, configured) and adds a day of tickets; returns `now` (the end of
/// the last full day of generated entries, 8,640 of them) and that day.
fn prepare(db: &Path) -> (DateTime<Utc>, NaiveDate) {
    let started = Instant::now();
    let mut store = open_store(db);
    eprintln!(
        "bench: opened and migrated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let conn = common::bare_connection(db);
    let last: String = conn
        .query_row("SELECT MAX(entered_at) FROM entries", [], |r| r.get(0))
        .unwrap();
    // The last generated day is cut short; bench the full day before it, at its last minute.
    let last_day = DateTime::parse_from_rfc3339(&last)
        .unwrap()
        .with_timezone(&Utc)
        .date_naive();
    let now = last_day.and_hms_opt(0, 0, 0).unwrap().and_utc() - Duration::seconds(5);
    let mut campaign = store.campaign().unwrap();
    campaign.set("timezone", "UTC").unwrap();
    campaign.set("election_date", "2026-12-20").unwrap();
    store.save_campaign(&campaign, &lead(), now).unwrap();
    let day = campaign.local_date(now);
    conn.execute("DELETE FROM tickets", []).unwrap();
    let tx = conn.unchecked_transaction().unwrap();
    for n in 0..TICKETS {
        let issued = now - Duration::seconds(30 * (TICKETS - n));
        let text = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        // The last 8 wait, the 3 before are served now, the rest are done.
        let (status, called, closed) = match TICKETS - n {
            1..=8 => ("waiting", None, None),
            9..=11 => ("serving", Some(issued + Duration::seconds(200)), None),
            _ => (
                "done",
                Some(issued + Duration::seconds(200)),
                Some(issued + Duration::seconds(290)),
            ),
        };
        let desk = called.map(|_| format!("desk-{}", n % 3 + 1));
        tx.execute(
            "INSERT INTO tickets(number, day, issued_at, called_at, desk, status, closed_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                n + 1,
                day.to_string(),
                text(issued),
                called.map(text),
                desk,
                status,
                closed.map(text)
            ],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    (now, day)
}

fn main() {
    if !common::measure::benchmarking() {
        return;
    }
    // The board does not remember its sign-in, but keep the config folder out of the way.
    let regions = regions();
    let db = common::working_copy("board");
    let (now, day) = prepare(&db);
    let mut store = open_store(&db);
    let campaign = store.campaign().unwrap();
    let (from, to) = day_bounds(&campaign, day);
    let desk = actor("desk-9", "bench");
    let data = store.board_data(from, to).unwrap();
    let defects = defects_saved_between(&store, regions, day, from, to).unwrap();
    println!(
        "benched day {day}: {} entries today, {} valid in total, {} regions, {} defect codes",
        data.today.len(),
        data.region_counts
            .values()
            .map(|&n| u64::from(n))
            .sum::<u64>(),
        data.region_counts.len(),
        defects.len(),
    );
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("board");
    group.bench_function("refresh_figures_1m", |b| {
        b.iter(|| {
            let data = store.board_data(from, to).unwrap();
            let tickets = store.tickets_of_day(day).unwrap();
            let queue = queue_figures(&tickets, day, now);
            board_figures(&campaign, black_box(&data), &queue, now)
        })
    });
    let tickets = store.tickets_of_day(day).unwrap();
    let queue = queue_figures(&tickets, day, now);
    group.bench_function("figures_only", |b| {
        b.iter(|| board_figures(&campaign, black_box(&data), &queue, now))
    });
    group.sample_size(10);
    group.bench_function("defects_today_1m", |b| {
        b.iter(|| defects_saved_between(&store, regions, day, from, to).unwrap())
    });
    group.sample_size(30);
    // What the board runs after a desk saves: the day's findings kept, one new entry to add.
    let mut kept = Some(DayDefects::refresh(None, &store, regions, day, from, to).unwrap());
    let mut n = 0;
    group.bench_function("defects_after_a_save_1m", |b| {
        b.iter_custom(|iterations| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iterations {
                // A signer nobody entered before: a new save of a person already entered
                // rightly checks the whole day again (the earlier entry gains a finding),
                // and the synthetic people repeat a name and birth date now and then.
                let entry = loop {
                    n += 1;
                    let entry = fresh_entry(n);
                    if !entered_before(&store, &entry) {
                        break entry;
                    }
                };
                store.save_entry(&entry, &desk, None, now).unwrap();
                let started = Instant::now();
                let fresh =
                    DayDefects::refresh(kept.take(), &store, regions, day, from, to).unwrap();
                spent += started.elapsed();
                assert_eq!(fresh.last_checked(), 1, "only the new save was checked");
                kept = Some(fresh);
            }
            spent
        })
    });
    group.finish();
    // A `sigdesk board` model at `now`, loaded through the real update and effects.
    let mut board = Desk::board(open_store(&db), Lang::En, now);
    board.send(Msg::DataChanged);
    assert!(board.model.board.figures.is_some() && board.model.board.defects.is_some());
    let mut group = c.benchmark_group("render");
    bench_frames(&mut group, "board", &board.model, &[(80, 24), (160, 48)]);
    group.finish();
    common::measure::summarise(
        &mut c,
        &[
            ("board/refresh_figures_1m", "", Target::Millis(50.0)),
            ("board/figures_only", "", Target::None),
            ("board/defects_today_1m", "", Target::None),
            ("board/defects_after_a_save_1m", "", Target::Millis(50.0)),
            ("render/board_80x24", "", Target::Millis(1.0)),
            ("render/board_160x48", "", Target::Millis(1.0)),
        ],
    );
}

/// Whether a valid entry of the same person (name and birth date) is in the store.
fn entered_before(store: &sigdesk::store::Store, entry: &sigdesk::domain::NewEntry) -> bool {
    let keys = sigdesk::domain::checks::lookup_keys(&entry.to_draft(entry.region_code.clone()));
    keys.person.is_some_and(|person| {
        store
            .find_same_person(&person, keys.document.as_ref())
            .unwrap()
            .is_some()
    })
}
