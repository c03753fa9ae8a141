//! The guards of a running desk: the desk lease claimed at sign-in, the alarm when the
//! database file changes under the app, and the write-on warning after a save that landed
//! on another line than the panel showed.

use crate::i18n::GuardText;
use crate::tui::model::{Alarm, Model, Screen, SignInField, Tone};
use crate::tui::msg::{DeskClaim, Effect};

/// Starts work with these names: a desk first claims its name (two live desks never share
/// one); a door or board signs in at once.
pub fn begin_sign_in(
    model: &mut Model,
    desk: String,
    operator: String,
    pin: String,
) -> Vec<Effect> {
    if model.home == Screen::Desk {
        vec![Effect::ClaimDesk {
            desk,
            operator,
            pin,
        }]
    } else {
        super::sign_in(model, desk, operator, pin)
    }
}

/// The claim's answer: signed in (told when the desk's last session stopped uncleanly
/// with a signer typed, so the operator asks that signer again), or told on the sign-in
/// form who holds the name.
pub(super) fn desk_claimed(model: &mut Model, claim: DeskClaim) -> Vec<Effect> {
    match claim.held {
        None => {
            let effects = super::sign_in(model, claim.desk, claim.operator, claim.pin);
            if claim.lost_signer {
                model.tell(Tone::Warning, GuardText::SignerLost);
            }
            effects
        }
        Some((pid, host)) => {
            let held = GuardText::DeskHeld {
                desk: &claim.desk,
                pid,
                host: &host,
            };
            model.signin.problem = Some(model.lang.t(held).into_owned());
            model.signin.pin = Default::default();
            model.signin.focus = SignInField::Pin;
            Vec::new()
        }
    }
}

/// The database file or its WAL changed: saving stops for good, the alarm shows, and what
/// the open connection can still read is copied beside the database.
pub(super) fn files_changed(model: &mut Model, path: String, wal: bool) -> Vec<Effect> {
    if matches!(model.alarm, Some(Alarm::Files { .. })) {
        return Vec::new();
    }
    model.alarm = Some(Alarm::Files {
        path,
        wal,
        rescued: None,
    });
    model.help = false;
    vec![Effect::Rescue]
}

/// Where the rescue copy went.
pub(super) fn rescued(model: &mut Model, copy: Option<String>) {
    if let Some(Alarm::Files { rescued, .. }) = &mut model.alarm {
        *rescued = copy;
    }
}

/// Another process took the desk's name over.
pub(super) fn lease_lost(model: &mut Model) {
    if model.alarm.is_none() {
        model.alarm = Some(Alarm::LeaseLost);
    }
}

/// A save landed on `(sheet, line)`: when the panel showed another line, the desk shows
/// the one to write on until a key is pressed.
pub(super) fn check_write_on(model: &mut Model, sheet: u32, line: u32) {
    let shown = model
        .form
        .preview
        .as_ref()
        .map(|(_, preview)| (preview.sheet, preview.line));
    if shown.is_some_and(|shown| shown != (sheet, line)) {
        model.write_on = Some((sheet, line));
    }
}
