//! One frame of every screen at 80×24 and 200×60 on a `TestBackend`: sign-in, desk form
//! (filled, with findings), entries list (500 rows), queue (a day of 2,000 tickets, 4
//! desks), door, help overlay and lock screen. Each model is driven to its screen by key
//! presses through the real `dispatch`, against a real database. Target: every frame under
//! 1 ms. Run: `cargo bench --bench screens`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::db::{actor, open_store};
use common::desk::{Desk, signed_in_as};
use common::measure::{Target, bench_frames};
use common::{XorShift, gen_entry};
use ratatui::crossterm::event::KeyCode;
use sigdesk::domain::queue::Ticket;
use sigdesk::store::{Finish, Store};
use sigdesk::tui::SignInOptions;
use sigdesk::tui::model::{Model, Screen, SignIn};
use std::path::Path;
use std::time::Duration as StdDuration;

/// Entries in the bench database: desk-1 fills the sheets of every third home region, more
/// than the 500 rows its entries list loads.
const ENTRIES: u64 = 1_500;
/// Tickets issued on the benched day.
const TICKETS: u32 = 2_000;
/// Desks calling them.
const DESKS: usize = 4;
/// Terminal sizes every screen is drawn at.
const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// The benched day: the door opens at 08:00 UTC.
fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 2).unwrap()
}

fn opening() -> DateTime<Utc> {
    Utc.from_utc_datetime(&day().and_hms_opt(8, 0, 0).unwrap())
}

/// What happens next in the simulated day.
enum Event {
    Arrival,
    Call(usize),
    Leave(usize),
}

/// Plays a day through the store: an arrival every 1–16 s, each desk calls the next ticket
/// when its signer is done (20–50 s; 3% of the called do not come), 2% of arrivals give up
/// after 10 minutes if still waiting. Ends 30 s after the last arrival, with people waiting
/// and desks serving. Returns the clock at the end and the last ticket issued.
fn seed_day(store: &mut Store) -> (DateTime<Utc>, Ticket) {
    let mut rng = XorShift(0x5eed_f00d);
    let door = actor("door", "op-door");
    let desks: Vec<_> = (1..=DESKS)
        .map(|d| actor(&format!("desk-{d}"), &format!("op-desk-{d}")))
        .collect();
    let mut next_arrival = opening();
    let mut issued = 0u32;
    let mut last = None;
    let mut desk_next = [opening(); DESKS];
    let mut desk_finish = [Finish::Done; DESKS];
    let mut leaving: Vec<(DateTime<Utc>, i64)> = Vec::new();
    let mut end = None;
    loop {
        let (desk, desk_at) = desk_next
            .iter()
            .copied()
            .enumerate()
            .min_by_key(|(_, at)| *at)
            .unwrap();
        let leave = leaving
            .iter()
            .enumerate()
            .min_by_key(|(_, (at, _))| *at)
            .map(|(i, (at, _))| (i, *at));
        let mut next = (desk_at, Event::Call(desk));
        if let Some((i, at)) = leave
            && at < next.0
        {
            next = (at, Event::Leave(i));
        }
        if issued < TICKETS && next_arrival <= next.0 {
            next = (next_arrival, Event::Arrival);
        }
        let (at, event) = next;
        if end.is_some_and(|end| at > end) {
            break;
        }
        match event {
            Event::Arrival => {
                let ticket = store.issue_ticket(&door, day(), at).unwrap();
                if rng.below(100) < 2 {
                    leaving.push((at + Duration::minutes(10), ticket.id));
                }
                last = Some(ticket);
                issued += 1;
                next_arrival = at + Duration::seconds(1 + rng.below(16) as i64);
                if issued == TICKETS {
                    end = Some(at + Duration::seconds(30));
                }
            }
            Event::Leave(i) => {
                let (_, id) = leaving.swap_remove(i);
                store.mark_left(&door, id, at).unwrap();
            }
            Event::Call(d) => {
                let outcome = store
                    .call_next(&desks[d], desk_finish[d], day(), at)
                    .unwrap();
                desk_next[d] = if outcome.called.is_some() {
                    let no_show = rng.below(100) < 3;
                    desk_finish[d] = if no_show {
                        Finish::NoShow
                    } else {
                        Finish::Done
                    };
                    at + Duration::seconds(if no_show {
                        60
                    } else {
                        20 + rng.below(31) as i64
                    })
                } else {
                    // Idle until someone arrives.
                    next_arrival.max(at + Duration::seconds(1))
                };
            }
        }
    }
    (end.unwrap(), last.unwrap())
}

/// The bench database: `ENTRIES` generated entries, campaign in UTC, the day's tickets.
/// Returns the clock at the end of the day and the last ticket issued.
fn build_database(path: &Path) -> (DateTime<Utc>, Ticket) {
    common::generate(path, ENTRIES);
    let mut store = open_store(path);
    let mut campaign = store.campaign().unwrap();
    campaign.set("timezone", "UTC").unwrap();
    store
        .save_campaign(&campaign, &actor("cli", "op-cli"), opening())
        .unwrap();
    store.relax_durability_for_generated_data().unwrap();
    seed_day(&mut store)
}

/// Drives desk models to every benched screen; returns (name, model) pairs.
fn screen_models(path: &Path) -> Vec<(&'static str, Model)> {
    let (now, last_ticket) = build_database(path);
    let mut shots = Vec::new();

    let mut signing = Desk::start(open_store(path), &SignInOptions::default(), now);
    signing.model.signin = SignIn::default();
    signing.type_text("desk-1");
    signing.press(KeyCode::Tab);
    signing.type_text("Оля");
    assert_eq!(signing.model.screen, Screen::SignIn);
    shots.push(("sign_in", signing.model.clone()));

    let mut desk = Desk::start(open_store(path), &signed_in_as("desk-1", "Оля"), now);
    assert_eq!(desk.model.screen, Screen::Desk);
    // A signer typed with findings of every kind: a name in the Latin layout, a document
    // desk-1 saved earlier (duplicate; with its holder's birth date, so that the passport
    // was issued after 14), an address without a house number.
    let taken = gen_entry(0, false);
    assert_eq!(taken.desk, "desk-1");
    let document = taken.signer.document_text();
    let birth = taken.signer.birth_date.format("%d.%m.%Y").to_string();
    desk.fill_fields(&[
        "Bdfyjd",
        "Иван",
        "Иванович",
        &birth,
        &document,
        "77",
        "Москва, ул. Тверская",
    ]);
    desk.ctrl('s');
    let codes: Vec<&str> = desk.model.form.findings.iter().map(|f| f.code()).collect();
    assert_eq!(
        codes,
        ["name.layout", "dup.document", "address.no_house"],
        "the typed signer shows one finding of each kind"
    );
    shots.push(("desk_form", desk.model.clone()));

    desk.press(KeyCode::F(1));
    assert!(desk.model.help);
    shots.push(("help", desk.model.clone()));
    desk.press(KeyCode::F(1));
    assert!(!desk.model.help);

    desk.ctrl('l');
    assert!(desk.model.lock.is_some());
    shots.push(("lock", desk.model.clone()));
    desk.type_line("1234");
    assert!(desk.model.lock.is_none());

    desk.press(KeyCode::F(4));
    assert_eq!(desk.model.screen, Screen::Entries);
    assert_eq!(desk.model.entries.items.len(), 500);
    shots.push(("entries_500", desk.model.clone()));

    desk.press(KeyCode::F(3));
    assert_eq!(desk.model.screen, Screen::Queue);
    let figures = desk.model.queue.figures.clone();
    assert_eq!(figures.issued_today, TICKETS);
    println!(
        "benched day: {} issued, {} waiting, {} served, {} no-shows, {} left",
        figures.issued_today,
        figures.waiting,
        figures.served_today,
        figures.no_shows_today,
        figures.left_today
    );
    shots.push(("queue_2000", desk.model.clone()));

    desk.press(KeyCode::F(6));
    assert_eq!(desk.model.screen, Screen::Door);
    desk.model.door.last_issued = Some(last_ticket);
    shots.push(("door", desk.model.clone()));
    shots
}

/// The criterion ids this bench writes, with the 1 ms target.
fn ids() -> Vec<String> {
    [
        "sign_in",
        "desk_form",
        "entries_500",
        "queue_2000",
        "door",
        "help",
        "lock",
    ]
    .iter()
    .flat_map(|name| SIZES.map(|(w, h)| format!("screens/{name}_{w}x{h}")))
    .collect()
}

fn main() {
    if !common::measure::benchmarking() {
        return;
    }
    // Signing in remembers the names; keep that file away from the user's config folder.
    let dir = tempfile::tempdir().unwrap();
    let shots = screen_models(&dir.path().join("screens.db"));

    let mut c = common::measure::criterion(StdDuration::from_secs(3));
    let mut group = c.benchmark_group("screens");
    for (name, model) in &shots {
        bench_frames(&mut group, name, model, &SIZES);
    }
    group.finish();
    let ids = ids();
    let rows: Vec<(&str, &str, Target)> = ids
        .iter()
        .map(|id| (id.as_str(), "", Target::Millis(1.0)))
        .collect();
    common::measure::summarise(&mut c, &rows);
}
