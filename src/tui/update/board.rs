//! The board half of `update`: what to reload, and the figures over what was loaded.

use super::{Effect, Model, Msg, Screen};
use crate::domain::board::{board_figures, day_bounds};
use crate::domain::queue::queue_figures;
use crossterm::event::{KeyCode, KeyEvent};

/// The effects that reload the board: its aggregates and today's defects.
pub fn reloads(model: &Model) -> Vec<Effect> {
    let today = model.today();
    let (from, to) = day_bounds(&model.campaign, today);
    vec![
        Effect::LoadBoard { from, to },
        Effect::CheckToday { today, from, to },
    ]
}

/// [`reloads`] when the board is on screen; nothing otherwise (desks do not pay for it).
pub fn reloads_if_shown(model: &Model) -> Vec<Effect> {
    if model.screen == Screen::Board {
        reloads(model)
    } else {
        Vec::new()
    }
}

/// Recomputes the board's figures from the loaded aggregates, the queue figures and the
/// clock (after a load, a tick or a campaign change). Pure; no query.
pub fn refresh_figures(model: &mut Model) {
    let Some(data) = &model.board.data else {
        return;
    };
    let empty;
    let queue = match &model.queue.figures {
        Some(q) => q,
        None => {
            empty = queue_figures(&[], model.today(), model.now);
            &empty
        }
    };
    model.board.figures = Some(board_figures(&model.campaign, data, queue, model.now));
}

/// Applies a board message; gives the message back when it is not about the board.
pub fn on_msg(model: &mut Model, msg: Msg) -> Result<Vec<Effect>, Msg> {
    match msg {
        Msg::BoardLoaded(data) => {
            model.board.data = Some(*data);
            refresh_figures(model);
        }
        Msg::DefectsToday(defects) => model.board.defects = Some(defects),
        other => return Err(other),
    }
    Ok(Vec::new())
}

/// Keys of the board screen: it only shows, so only help and going back.
pub fn on_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    match key.code {
        KeyCode::Char('?') => model.help = true,
        KeyCode::Esc => model.screen = model.home,
        _ => {}
    }
    Vec::new()
}
