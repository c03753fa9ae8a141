//! The sign-in form: desk name, operator name and a session PIN.

use super::lock::valid_pin;
use crate::i18n::LockText;
use crate::i18n::Text;
use crate::store::{Actor, SignInNames};
use crate::tui::keys::SignInAction;
use crate::tui::model::Model;
use crate::tui::model::SignInField;
use crate::tui::msg::Effect;
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

/// Keys of the sign-in form. Enter moves to the next field, as Tab does, and starts work
/// on the PIN (the last field): a name offered from the last sign-in is passed over, never
/// taken without the operator seeing it.
pub(super) fn on_action(model: &mut Model, action: SignInAction) -> Vec<Effect> {
    let s = &mut model.signin;
    let order = [SignInField::Desk, SignInField::Operator, SignInField::Pin];
    let here = order.iter().position(|f| *f == s.focus).unwrap_or(0);
    match action {
        SignInAction::NextField => s.focus = order[(here + 1) % order.len()],
        SignInAction::PreviousField => s.focus = order[(here + order.len() - 1) % order.len()],
        SignInAction::Start if here + 1 < order.len() => s.focus = order[here + 1],
        SignInAction::Start => {
            let desk = s.desk.value().trim().to_string();
            let operator = s.operator.value().trim().to_string();
            let pin = s.pin.value().to_string();
            let empty = [desk.is_empty(), operator.is_empty(), pin.is_empty()];
            if let Some(first) = empty.iter().position(|e| *e) {
                s.focus = order[first];
                s.problem = Some(model.lang.t(Text::SignInMissing).into());
                return Vec::new();
            }
            if !valid_pin(&pin) {
                s.focus = SignInField::Pin;
                s.pin = Default::default();
                s.problem = Some(model.lang.t(LockText::PinShape).into());
                return Vec::new();
            }
            return super::guard::begin_sign_in(model, desk, operator, pin);
        }
    }
    Vec::new()
}

/// A key typed into the focused field.
pub(super) fn typed(model: &mut Model, key: KeyEvent) {
    let s = &mut model.signin;
    let input = match s.focus {
        SignInField::Desk => &mut s.desk,
        SignInField::Operator => &mut s.operator,
        SignInField::Pin => &mut s.pin,
    };
    input.handle_event(&Event::Key(key));
    s.problem = None;
}

/// Starts work with these names and session PIN.
pub fn sign_in(model: &mut Model, desk: String, operator: String, pin: String) -> Vec<Effect> {
    model.actor = Some(Actor {
        desk: desk.clone(),
        operator: operator.clone(),
    });
    model.session_pin = Some(pin);
    model.signin.pin = Default::default();
    model.last_input = model.now;
    model.screen = model.home;
    model.status = None;
    let mut effects = Vec::new();
    effects.push(Effect::RememberSignIn(
        model.role(),
        SignInNames { desk, operator },
    ));
    effects.extend([
        Effect::LoadCampaign,
        Effect::LoadCounts,
        Effect::LoadServing,
        Effect::LoadTickets(model.today()),
    ]);
    effects.extend(super::board::reloads_if_shown(model));
    effects
}
