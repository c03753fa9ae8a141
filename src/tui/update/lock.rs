//! The session lock: Ctrl-L or `idle_lock_min` without a key hides everything until the
//! session PIN is typed; after 5 wrong PINs only the database passphrase unlocks.

use crate::i18n::LockText;
use crate::tui::keys::Prompt;
use crate::tui::model::{Lock, Model, Tone};
use crate::tui::msg::Effect;
use chrono::{DateTime, Duration, Utc};
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

/// Wrong PINs allowed before the passphrase is needed.
pub const PIN_TRIES: u32 = 5;

pub use crate::domain::pin::is_valid_pin as valid_pin;

/// When the desk locks itself if no key comes; `None` when it cannot lock (not signed in,
/// locked already, or `idle_lock_min` is 0) or need not: a screen without personal data
/// (the board on its wall, the door and the "Called" list the line watches, the queue)
/// stays up, and a board or door process never locks by itself (Ctrl-L still locks).
pub fn lock_deadline(model: &Model) -> Option<DateTime<Utc>> {
    let idle = model.campaign.idle_lock_min;
    // A desk coming back to a personal screen after an idle spell asks for its PIN then.
    let public = !model.screen.is_personal() || !model.opens_personal();
    if model.actor.is_none() || model.lock.is_some() || idle == 0 || public {
        return None;
    }
    Some(model.last_input + Duration::minutes(i64::from(idle)))
}

/// Whether `idle_lock_min` has passed since the last key (the key being handled now does
/// not count yet).
pub fn idle_passed(model: &Model) -> bool {
    let idle = model.campaign.idle_lock_min;
    idle > 0
        && model.actor.is_some()
        && model.now - model.last_input >= Duration::minutes(i64::from(idle))
}

/// Locks now: the screen shows nothing personal until the PIN is typed.
pub fn lock(model: &mut Model) {
    if model.actor.is_some() && model.lock.is_none() {
        model.lock = Some(Lock::default());
        model.help = false;
    }
}

/// Locks when the idle time has passed (called on every clock tick).
pub fn lock_if_idle(model: &mut Model) {
    // A clock set back must not postpone the lock by the difference.
    if model.last_input > model.now {
        model.last_input = model.now;
    }
    if lock_deadline(model).is_some_and(|at| model.now >= at) {
        lock(model);
    }
}

/// Enter or Esc while locked: try what was typed (the PIN, or after too many wrong PINs
/// the passphrase), or clear it.
pub(super) fn on_prompt(model: &mut Model, prompt: Prompt) -> Vec<Effect> {
    let lang = model.lang;
    let session_pin = model.session_pin.clone();
    let Some(lock) = model.lock.as_mut() else {
        return Vec::new();
    };
    match prompt {
        Prompt::Cancel => {
            lock.typed = Default::default();
            lock.problem = None;
        }
        Prompt::Submit => {
            let typed = std::mem::take(&mut lock.typed).value().to_string();
            if lock.wrong >= PIN_TRIES {
                return vec![Effect::CheckPassphrase(typed)];
            }
            if session_pin.as_deref() == Some(typed.as_str()) {
                unlock(model);
            } else {
                lock.wrong += 1;
                // The last wrong PIN changes what the screen asks for; that says it all.
                lock.problem = (lock.wrong < PIN_TRIES).then(|| {
                    lang.t(LockText::WrongPin(PIN_TRIES - lock.wrong))
                        .into_owned()
                });
            }
        }
    }
    Vec::new()
}

/// A key typed into the PIN (or passphrase) while locked.
pub(super) fn typed(model: &mut Model, key: KeyEvent) {
    if let Some(lock) = model.lock.as_mut() {
        lock.typed.handle_event(&Event::Key(key));
    }
}

/// The answer to a passphrase typed on the lock screen.
pub fn passphrase_checked(model: &mut Model, right: bool) {
    if right {
        unlock(model);
    } else if let Some(lock) = model.lock.as_mut() {
        lock.problem = Some(model.lang.t(LockText::WrongPassphrase).into());
    }
}

fn unlock(model: &mut Model) {
    model.lock = None;
    model.last_input = model.now;
    model.tell(Tone::Info, LockText::Unlocked);
}
