//! The terminal UI: Elm-style loop of key → `Msg` → `update` → effects → render.

pub mod effects;
pub mod form;
pub mod model;
pub mod msg;
pub mod screens;
pub mod signin_memory;
pub mod update;
pub mod widgets;

use crate::cli::DeskArgs;
use crate::domain::RegionCatalog;
use crate::i18n::Lang;
use crate::store::Store;
use chrono::{Timelike, Utc};
use crossterm::event::{self, Event, KeyEventKind};
use model::Model;
use msg::Msg;
use std::collections::VecDeque;
use std::time::Duration;

/// Applies a message and runs every effect it causes, until the model is settled.
pub fn dispatch(model: &mut Model, store: &mut Store, msg: Msg) {
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        for effect in update::update(model, msg) {
            let now = Utc::now();
            if let Some(reply) = effects::run(effect, store, model.actor.as_ref(), now) {
                queue.push_back(reply);
            }
        }
    }
}

/// A model ready for work: signed in straight away when both names were given.
pub fn start_model(
    store: &mut Store,
    regions: RegionCatalog,
    lang: Lang,
    args: &DeskArgs,
) -> anyhow::Result<Model> {
    let campaign = store.campaign()?;
    let mut model = Model::new(lang, campaign, regions, Utc::now());
    let remembered = signin_memory::load();
    let desk = args.desk.clone().unwrap_or(remembered.desk);
    let operator = args.operator.clone().unwrap_or(remembered.operator);
    model.signin.desk = desk.clone().into();
    model.signin.operator = operator.clone().into();
    if args.desk.is_some() && args.operator.is_some() {
        for effect in update::sign_in(&mut model, desk, operator) {
            if let Some(reply) = effects::run(effect, store, model.actor.as_ref(), Utc::now()) {
                dispatch(&mut model, store, reply);
            }
        }
    }
    Ok(model)
}

/// Opens the desk screen in the terminal until the operator quits. The terminal is
/// restored on return, on error and on panic (ratatui's hook).
pub fn run_desk(
    mut store: Store,
    regions: RegionCatalog,
    lang: Lang,
    args: DeskArgs,
) -> anyhow::Result<()> {
    let mut model = start_model(&mut store, regions, lang, &args)?;
    let mut terminal = ratatui::try_init()?;
    if let Ok(size) = terminal.size() {
        model.size = (size.width, size.height);
    }
    let result = event_loop(&mut terminal, &mut model, &mut store);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    model: &mut Model,
    store: &mut Store,
) -> anyhow::Result<()> {
    terminal.draw(|f| screens::render(f, model))?;
    while !model.quit {
        let msg = if event::poll(until_next_minute())? {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => Msg::Key(key),
                Event::Resize(w, h) => Msg::Resize(w, h),
                _ => continue,
            }
        } else {
            Msg::Tick(Utc::now())
        };
        dispatch(model, store, msg);
        terminal.draw(|f| screens::render(f, model))?;
    }
    Ok(())
}

/// The clock on the top line shows minutes, so the idle loop wakes once a minute.
fn until_next_minute() -> Duration {
    let second = u64::from(Utc::now().second());
    Duration::from_secs(60 - second.min(59))
}
