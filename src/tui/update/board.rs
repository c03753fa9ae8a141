//! The board half of `update`: what to reload, and the figures over what was loaded.

use crate::domain::board::{board_figures, day_bounds};
use crate::tui::model::{Model, Screen};
use crate::tui::msg::{BoardMsg, Effect};
use chrono::Duration;

/// Today's entries are re-checked at most this often: the check re-runs every rule over
/// the whole day (thousands of entries on a busy day), while the counts reload on every
/// commit.
pub const CHECK_EVERY: Duration = Duration::seconds(30);

/// The effects that reload the board: its aggregates and, now, today's defects and the
/// paper check's share.
pub fn reloads(model: &mut Model) -> Vec<Effect> {
    vec![
        load(model),
        check(model),
        Effect::LoadPaperShare(model.today()),
    ]
}

/// [`reloads`] when the board is on screen; nothing otherwise (desks do not pay for it).
pub fn reloads_if_shown(model: &mut Model) -> Vec<Effect> {
    if model.screen == Screen::Board {
        reloads(model)
    } else {
        Vec::new()
    }
}

/// The database changed: reload the counts now; re-check today's entries now if the last
/// check is [`CHECK_EVERY`] old, else once it is (on a later tick).
pub fn on_data_changed(model: &mut Model) -> Vec<Effect> {
    if model.screen != Screen::Board {
        return Vec::new();
    }
    model.board.recheck_due = true;
    let mut effects = vec![load(model)];
    effects.extend(due_check(model));
    effects
}

/// The pending re-check of today's entries and of the paper check's share, if the board
/// shows and its pause is over.
pub fn due_check(model: &mut Model) -> Vec<Effect> {
    let rested = model
        .board
        .checked_at
        .is_none_or(|at| model.now - at >= CHECK_EVERY);
    if model.screen == Screen::Board && model.board.recheck_due && rested {
        vec![check(model), Effect::LoadPaperShare(model.today())]
    } else {
        Vec::new()
    }
}

fn load(model: &Model) -> Effect {
    let (from, to) = day_bounds(&model.campaign, model.today());
    Effect::LoadBoard { from, to }
}

fn check(model: &mut Model) -> Effect {
    let today = model.today();
    let (from, to) = day_bounds(&model.campaign, today);
    model.board.checked_at = Some(model.now);
    model.board.recheck_due = false;
    Effect::CheckToday {
        today,
        from,
        to,
        kept: model.board.kept.take(),
    }
}

/// Recomputes the board's figures from the loaded aggregates, the queue figures and the
/// clock (after a load, a tick or a campaign change). Pure; no query.
pub fn refresh_figures(model: &mut Model) {
    let Some(data) = &model.board.data else {
        return;
    };
    let queue = &model.queue.figures;
    model.board.figures = Some(board_figures(&model.campaign, data, queue, model.now));
}

/// Applies a result for the board.
pub(super) fn on_msg(model: &mut Model, msg: BoardMsg) -> Vec<Effect> {
    match msg {
        BoardMsg::Loaded(data) => {
            model.board.data = Some(*data);
            refresh_figures(model);
        }
        BoardMsg::DefectsToday(day) => {
            model.board.defects = Some(day.counts().to_vec());
            model.board.kept = Some(day);
        }
    }
    Vec::new()
}
