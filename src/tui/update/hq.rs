//! The desk's questions to the campaign HQ (DESIGN.md §10): asked whenever the form's
//! lookup keys change (the document field left with a whole document, or the person's
//! names and birth date complete), answered on a thread of their own; after 2 s without an
//! answer the form says "HQ check pending" and the save goes ahead.

use crate::domain::checks::LookupKeys;
use crate::domain::checks::lookup_keys;
use crate::domain::hq::{HqAnswer, LinkState};
use crate::tui::form::HqCheck;
use crate::tui::model::Model;
use crate::tui::msg::Effect;
use chrono::{DateTime, Duration, Utc};

/// How long the form waits for HQ before it says the check is pending.
const HQ_PATIENCE: Duration = Duration::seconds(2);

/// The question for the form's keys when an HQ is set and they changed since the last one.
pub(super) fn ask(model: &mut Model) -> Option<Effect> {
    model.hq.as_ref()?;
    let keys = lookup_keys(&model.form.draft());
    if keys.document.is_none() && keys.person.is_none() {
        model.form.hq = HqCheck::Idle;
        return None;
    }
    if model.form.hq.keys() == Some(&keys) {
        return None;
    }
    model.form.hq = HqCheck::Asked {
        keys: keys.clone(),
        at: model.now,
    };
    let exclude = model.form.editing.as_ref().map(|e| e.id.clone());
    Some(Effect::LookupHq { keys, exclude })
}

/// HQ answered (or could not): kept when the form still has the keys asked about.
pub(super) fn answered(model: &mut Model, keys: LookupKeys, answer: Option<HqAnswer>) -> bool {
    if model.form.hq.keys() != Some(&keys) {
        return false;
    }
    model.form.hq = match answer {
        Some(answer) => HqCheck::Answered { keys, answer },
        None => HqCheck::Pending { keys },
    };
    true
}

/// The clock moved on: a question unanswered for [`HQ_PATIENCE`] is pending.
pub(super) fn on_tick(model: &mut Model) {
    if let HqCheck::Asked { keys, at } = &model.form.hq
        && model.now - *at >= HQ_PATIENCE
    {
        model.form.hq = HqCheck::Pending { keys: keys.clone() };
    }
}

/// When the form's question turns pending, if one is waiting (the loop wakes for it).
pub fn deadline(model: &Model) -> Option<DateTime<Utc>> {
    match &model.form.hq {
        HqCheck::Asked { at, .. } => Some(*at + HQ_PATIENCE),
        HqCheck::Idle | HqCheck::Answered { .. } | HqCheck::Pending { .. } => None,
    }
}

/// The link's state as `sync` left it (`None`: no HQ is set).
pub(super) fn link_loaded(model: &mut Model, state: Option<LinkState>) {
    if state.is_none() {
        model.form.hq = HqCheck::Idle;
    }
    model.hq = state;
}
