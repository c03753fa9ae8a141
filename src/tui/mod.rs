//! The terminal UI: Elm-style loop of key → `Msg` → `update` → effects → render.

pub mod effects;
pub mod form;
pub mod hq_board;
pub mod hq_lane;
pub mod keys;
pub mod model;
pub mod msg;
pub mod screens;
pub mod update;
pub mod widgets;
pub mod worker;

use crate::domain::RegionCatalog;
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::desks::Holder;
use crate::store::watch;
use chrono::{Timelike, Utc};
use hq_lane::HqLane;
use model::Model;
use model::Screen;
use msg::{Msg, ProtectMsg};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;
use worker::Worker;

/// Who signs in when the app opens: desk and operator given together skip asking for
/// them, and a valid PIN with them signs in straight away.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignInOptions {
    /// Desk name.
    pub desk: Option<String>,
    /// Operator name.
    pub operator: Option<String>,
    /// Session PIN, 4–8 digits.
    pub pin: Option<String>,
}

/// Applies a message and runs every effect it causes, until the model is settled.
pub fn dispatch(model: &mut Model, store: &mut Store, msg: Msg) {
    settle(model, store, None, msg);
}

/// [`dispatch`], but effects that read over many rows go to `worker` (when there is one)
/// and come back later as messages, so the loop is free for the next key at once.
pub fn settle(model: &mut Model, store: &mut Store, worker: Option<&Worker>, msg: Msg) {
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        for effect in update::update(model, msg) {
            let effect = match worker {
                Some(worker) if effect.runs_in_background() => {
                    match worker.submit(effect, model.actor.clone()) {
                        None => continue,
                        Some(returned) => returned,
                    }
                }
                _ => effect,
            };
            let now = Utc::now();
            if let Some(reply) = effects::run(effect, store, model.actor.as_ref(), now) {
                queue.push_back(reply);
            }
        }
    }
}

/// A desk model ready for work: signed in straight away when both names were given.
pub fn start_model(
    store: &mut Store,
    regions: RegionCatalog,
    lang: Lang,
    args: &SignInOptions,
) -> anyhow::Result<Model> {
    start_model_at(store, regions, lang, args, Screen::Desk)
}

/// A model that opens on `home` after sign-in (desk, door, queue or board).
pub fn start_model_at(
    store: &mut Store,
    regions: RegionCatalog,
    lang: Lang,
    args: &SignInOptions,
    home: Screen,
) -> anyhow::Result<Model> {
    let campaign = store.campaign()?;
    let mut model = Model::new(lang, campaign, regions, Utc::now());
    model.home = home;
    model.encrypted = store.is_encrypted();
    model.db_path = store.path().display().to_string();
    if store.hq_link()?.is_set() {
        model.hq = Some(store.hq_state()?);
    }
    // The door and the board are one per point: they sign in as desk `door` or `board`
    // unless told otherwise. Each role offers the names it last signed in with here.
    let fixed_desk = match home {
        Screen::Door => Some("door"),
        Screen::Board => Some("board"),
        _ => None,
    };
    let remembered = store
        .sign_in_to_offer(model.role(), &Holder::this_process(), Utc::now())
        .unwrap_or_default();
    let desk = match (&args.desk, fixed_desk) {
        (Some(desk), _) => desk.clone(),
        (None, Some(fixed)) => fixed.into(),
        (None, None) => remembered.desk,
    };
    let operator = args.operator.clone().unwrap_or(remembered.operator);
    model.signin.desk = desk.clone().into();
    model.signin.operator = operator.clone().into();
    let desk_given = args.desk.is_some() || fixed_desk.is_some();
    let named = desk_given && args.operator.is_some();
    match args.pin.clone().filter(|p| update::valid_pin(p)) {
        Some(pin) if named => {
            for effect in update::begin_sign_in(&mut model, desk, operator, pin) {
                if let Some(reply) = effects::run(effect, store, model.actor.as_ref(), Utc::now()) {
                    dispatch(&mut model, store, reply);
                }
            }
        }
        _ if named => model.signin.focus = model::SignInField::Pin,
        _ if desk_given => model.signin.focus = model::SignInField::Operator,
        _ => {}
    }
    Ok(model)
}

/// Opens the app in the terminal on the `home` screen until the person quits. The
/// terminal is restored on return, on error and on panic (ratatui's hook).
pub fn run_app(
    mut store: Store,
    regions: RegionCatalog,
    lang: Lang,
    args: SignInOptions,
    home: Screen,
) -> anyhow::Result<()> {
    let watcher = store.open_sibling()?;
    let background = store.open_sibling()?;
    let mut model = start_model_at(&mut store, regions, lang, &args, home)?;
    let (tx, wakes) = mpsc::channel();
    let changes = tx.clone();
    let watching = watch::watch(watcher, watch::WATCH_EVERY, move |change| {
        changes.send(Wake::Changed(change)).is_ok()
    });
    let replies = tx.clone();
    let mut worker = Worker::start(background, move |msg| {
        replies.send(Wake::Reply(msg)).is_ok()
    });
    // Only a point linked to an HQ pays for the lane's connection (and its key derivation).
    if store.hq_link()?.is_set() {
        let hq_replies = tx.clone();
        let lane = HqLane::start(store.open_sibling()?, move |msg| {
            hq_replies.send(Wake::Reply(msg)).is_ok()
        });
        worker = worker.with_hq_lane(lane);
    }
    let mut terminal = ratatui::try_init()?;
    if let Ok(size) = terminal.size() {
        model.size = (size.width, size.height);
    }
    thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(Wake::Input(event)).is_err() {
                return;
            }
        }
    });
    let result = run_loop(&mut terminal, &mut model, &mut store, &wakes, Some(&worker));
    ratatui::restore();
    // The threads that hold connections end, and close them, before the process exits.
    drop(worker);
    drop(watching);
    // Best effort: a lease left behind goes stale in 30 s.
    let _ = store.release_desks(&Holder::this_process());
    result
}

/// What wakes the event loop.
#[derive(Debug)]
pub enum Wake {
    /// A terminal event.
    Input(Event),
    /// The database changed, or its files did, or this desk's lease was lost.
    Changed(watch::Change),
    /// The worker finished an effect.
    Reply(Msg),
}

/// The event loop: waits for a wake (a key, another process's commit, a worker's result,
/// or the next timer), settles the model and redraws, until the person quits or every
/// sender is gone. Generic over the backend so benches and tests drive the real loop.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    store: &mut Store,
    wakes: &Receiver<Wake>,
    worker: Option<&Worker>,
) -> anyhow::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    terminal.draw(|f| screens::render(f, model))?;
    while !model.quit {
        let msg = match wakes.recv_timeout(until_next_wake(model)) {
            Ok(Wake::Input(Event::Key(key))) if key.kind != KeyEventKind::Release => Msg::Key(key),
            Ok(Wake::Input(Event::Resize(w, h))) => Msg::Resize(w, h),
            Ok(Wake::Input(_)) => continue,
            Ok(Wake::Changed(watch::Change::Committed)) => Msg::DataChanged,
            Ok(Wake::Changed(watch::Change::Files(change))) => {
                Msg::Protect(ProtectMsg::FilesChanged {
                    wal: change == crate::store::FileChange::Wal,
                })
            }
            Ok(Wake::Changed(watch::Change::LeaseLost)) => Msg::Protect(ProtectMsg::LeaseLost),
            Ok(Wake::Reply(msg)) => msg,
            Err(RecvTimeoutError::Timeout) => Msg::Tick(Utc::now()),
            Err(RecvTimeoutError::Disconnected) => break,
        };
        if !matches!(msg, Msg::Tick(_)) {
            // Keys and reloads act on the current time (the door's undo window, waits).
            settle(model, store, worker, Msg::Tick(Utc::now()));
        }
        settle(model, store, worker, msg);
        terminal.draw(|f| screens::render(f, model))?;
    }
    Ok(())
}

/// The loop sleeps until the clock on the top line changes, the door's undo window closes,
/// the idle lock falls or the desk's HQ question turns pending, whichever is first.
fn until_next_wake(model: &Model) -> Duration {
    let now = Utc::now();
    let second = u64::from(now.second());
    let minute = Duration::from_secs(60 - second.min(59));
    let undo_closes = model
        .door
        .last_issued
        .as_ref()
        .map(|t| t.issued_at + update::UNDO_WINDOW - now)
        .and_then(|d| d.to_std().ok())
        .map(|d| d + Duration::from_millis(50));
    let lock_at = update::lock_deadline(model)
        .map(|at| at - now)
        .and_then(|d| d.to_std().ok())
        .map(|d| d + Duration::from_millis(50));
    let hq_pending = update::hq_deadline(model)
        .map(|at| at - now)
        .and_then(|d| d.to_std().ok())
        .map(|d| d + Duration::from_millis(50));
    [undo_closes, lock_at, hq_pending]
        .into_iter()
        .flatten()
        .fold(minute, Duration::min)
}
