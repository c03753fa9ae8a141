//! The shape of PINs: the session PIN chosen at sign-in and the lead PIN.

/// Whether `pin` is 4 to 8 ASCII digits.
pub fn is_valid_pin(pin: &str) -> bool {
    (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}
