//! The family carry-over: a family shares one ticket and one place, so after a save on a
//! ticket the next signer's form offers the place the last one gave (region, country
//! abroad, address, signing date), dimmed, until the ticket changes. Typing replaces a
//! kept value, Tab keeps it; the checks read it as typed. Names, birth date and document
//! are never kept: the next signer sees none of them.

use super::desk;
use crate::domain::dates::day_text;
use crate::domain::{Field, NewEntry};
use crate::tui::form::{Carry, Form};
use crate::tui::model::Model;
use crate::tui::msg::Effect;
use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyEvent};
use std::collections::BTreeSet;
use tui_input::backend::crossterm::EventHandler;

/// The form for the signer after `saved`: empty, or with the place kept when the desk
/// serves a ticket (without a ticket nothing says the next person came with this one).
pub(super) fn next_form(model: &Model, saved: Option<&NewEntry>) -> Form {
    let mut form = Form::new(model.today());
    let (Some(ticket), Some(entry)) = (&model.ticket, saved) else {
        return form;
    };
    let region = model.regions.by_code(&entry.region_code).map_or_else(
        || entry.region_code.clone(),
        |r| r.display_name(model.russian()).to_string(),
    );
    let kept = [
        (Field::Region, region),
        (Field::AbroadCountry, entry.abroad_country.clone()),
        (Field::Address, entry.address.clone()),
        (Field::SignedOn, day_text(entry.signed_on)),
    ];
    let mut fields = BTreeSet::new();
    for (field, value) in kept {
        if !value.is_empty() && value != form.text(field) {
            form.set_text(field, &value);
            fields.insert(field);
        }
    }
    if !fields.is_empty() {
        form.carry = Some(Carry {
            ticket: ticket.id,
            number: ticket.number,
            fields,
        });
    }
    form
}

/// A key typed into a field that shows a kept value: a key that changes the text replaces
/// the value (the first character typed clears it); one that only moves the cursor makes
/// the value the operator's own, to edit. Returns whether the text changed.
pub(super) fn type_over(form: &mut Form, field: Field, key: KeyEvent) -> bool {
    let event = Event::Key(key);
    let mut trial = form.input_mut(field).clone();
    let Some(change) = trial.handle_event(&event) else {
        return false;
    };
    if change.value {
        form.set_text(field, "");
        form.input_mut(field).handle_event(&event);
    } else {
        *form.input_mut(field) = trial;
    }
    form.uncarry(field);
    change.value
}

/// Ctrl-N: the next ticket's people get nothing of this one's.
pub(super) fn next_ticket(model: &mut Model) -> Vec<Effect> {
    let today = model.today();
    if forget(&mut model.form, today) {
        desk::after_change(model)
    } else {
        Vec::new()
    }
}

/// The desk's ticket changed (called, resumed, or none): values kept for another ticket
/// go, from the form and from a form put aside for an edit.
pub(super) fn ticket_changed(model: &mut Model) -> Vec<Effect> {
    let today = model.today();
    let serving = model.ticket.as_ref().map(|t| t.id);
    let stale = |form: &Form| {
        form.carry
            .as_ref()
            .is_some_and(|c| Some(c.ticket) != serving)
    };
    if let Some(stashed) = model.stashed.as_mut().filter(|f| stale(f)) {
        forget(stashed, today);
    }
    if stale(&model.form) && forget(&mut model.form, today) {
        desk::after_change(model)
    } else {
        Vec::new()
    }
}

/// Puts every field still showing a kept value back to what an empty form holds; says
/// whether there was any.
fn forget(form: &mut Form, today: NaiveDate) -> bool {
    let Some(carry) = form.carry.take() else {
        return false;
    };
    let empty = Form::new(today);
    for field in carry.fields {
        form.set_text(field, empty.text(field));
    }
    true
}
