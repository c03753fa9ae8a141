//! One frame of every screen at 80×24 and 200×60 on a `TestBackend`: sign-in, desk form
//! (filled, with findings), entries list (500 rows), queue (a day of 2,000 tickets, 4
//! desks), door, help overlay and lock screen. Each model is driven to its screen by key
//! presses through the real `dispatch`, against a real database. Target: every frame under
//! 1 ms. Run: `cargo bench --bench screens`.

mod common;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use common::{Target, gen_entry, people};
use criterion::Criterion;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sigdesk::domain::RegionCatalog;
use sigdesk::domain::queue::Ticket;
use sigdesk::i18n::Lang;
use sigdesk::store::{Actor, Finish, Store};
use sigdesk::tui::SignInOptions;
use sigdesk::tui::form::Form;
use sigdesk::tui::model::{Model, Screen, SignIn};
use sigdesk::tui::msg::Msg;
use sigdesk::tui::{dispatch, screens, start_model};
use std::hint::black_box;
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

/// A small deterministic generator, so every run benches the same day.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

fn actor(desk: &str) -> Actor {
    Actor {
        desk: desk.into(),
        operator: format!("op-{desk}"),
    }
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
    let door = actor("door");
    let desks: Vec<Actor> = (1..=DESKS).map(|d| actor(&format!("desk-{d}"))).collect();
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

/// A desk process on the bench database: its store and the model its keys drive.
struct Desk {
    store: Store,
    model: Model,
}

impl Desk {
    fn start(path: &Path, args: SignInOptions, now: DateTime<Utc>) -> Desk {
        let regions = RegionCatalog::embedded().unwrap();
        let mut store = Store::open(path, &regions).unwrap();
        let model = start_model(&mut store, regions, Lang::En, &args).unwrap();
        let mut desk = Desk { store, model };
        desk.send(Msg::Tick(now));
        // The empty form took the real date at start; the signer signs on the benched day.
        desk.model.form = Form::new(desk.model.today());
        desk
    }

    fn send(&mut self, msg: Msg) {
        dispatch(&mut self.model, &mut self.store, msg);
    }

    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.send(Msg::Key(KeyEvent::new(code, modifiers)));
    }

    fn press(&mut self, code: KeyCode) {
        self.key(code, KeyModifiers::NONE);
    }

    fn ctrl(&mut self, c: char) {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }
}

/// The bench database: `ENTRIES` generated entries, campaign in UTC, the day's tickets.
/// Returns the clock at the end of the day and the last ticket issued.
fn build_database(path: &Path, regions: &RegionCatalog) -> (DateTime<Utc>, Ticket) {
    common::generate(path, ENTRIES);
    let mut store = Store::open(path, regions).unwrap();
    let mut campaign = store.campaign().unwrap();
    campaign.set("timezone", "UTC").unwrap();
    store
        .save_campaign(&campaign, &actor("cli"), opening())
        .unwrap();
    store.relax_durability_for_generated_data().unwrap();
    seed_day(&mut store)
}

/// Drives desk models to every benched screen; returns (name, model) pairs.
fn screen_models(path: &Path, regions: &RegionCatalog) -> Vec<(&'static str, Model)> {
    let (now, last_ticket) = build_database(path, regions);
    let mut shots = Vec::new();

    let mut signing = Desk::start(path, SignInOptions::default(), now);
    signing.model.signin = SignIn::default();
    signing.type_text("desk-1");
    signing.press(KeyCode::Tab);
    signing.type_text("Оля");
    assert_eq!(signing.model.screen, Screen::SignIn);
    shots.push(("sign_in", signing.model.clone()));

    let args = SignInOptions {
        desk: Some("desk-1".into()),
        operator: Some("Оля".into()),
        pin: Some("1234".into()),
    };
    let mut desk = Desk::start(path, args, now);
    assert_eq!(desk.model.screen, Screen::Desk);
    // A signer typed with findings of every kind: a name in the Latin layout, a document
    // desk-1 saved earlier (duplicate), an address without a house number.
    let taken = gen_entry(0, false, &people(regions));
    assert_eq!(taken.desk, "desk-1");
    let document = taken.signer.document_text();
    for (i, text) in [
        "Bdfyjd",
        "Иван",
        "Иванович",
        "15.05.1985",
        "",
        &document,
        "77",
        "Москва, ул. Тверская",
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            desk.press(KeyCode::Tab);
        }
        desk.type_text(text);
    }
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
    desk.type_text("1234");
    desk.press(KeyCode::Enter);
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
    if !common::benchmarking() {
        return;
    }
    // Signing in remembers the names; keep that file away from the user's config folder.
    let config = tempfile::tempdir().unwrap();
    // SAFETY: set before any other thread is started.
    unsafe { std::env::set_var("SIGDESK_CONFIG_DIR", config.path()) };
    let regions = RegionCatalog::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let shots = screen_models(&dir.path().join("screens.db"), &regions);

    let mut c = Criterion::default()
        .warm_up_time(StdDuration::from_secs(1))
        .measurement_time(StdDuration::from_secs(3))
        .configure_from_args();
    let mut group = c.benchmark_group("screens");
    for (name, model) in &shots {
        for (width, height) in SIZES {
            let mut model = model.clone();
            model.size = (width, height);
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            group.bench_function(format!("{name}_{width}x{height}"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|f| screens::render(f, black_box(&model)))
                        .unwrap();
                })
            });
        }
    }
    group.finish();
    c.final_summary();
    let ids = ids();
    let rows: Vec<(&str, &str, Target)> = ids
        .iter()
        .map(|id| (id.as_str(), "", Target::Millis(1.0)))
        .collect();
    common::print_ratio_table(&rows);
}
