//! The lead PIN: 4–8 digits that guard lead actions, kept only as an argon2 hash (PHC string).
//!
//! A database created by `Store::open` (tests, benches) has no PIN until `set_lead_pin`;
//! `verify_lead_pin` then fails with [`StoreError::NoLeadPin`] rather than letting anyone in.

use super::{Store, StoreError};
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

/// Whether `pin` has the shape of a lead PIN: 4 to 8 ASCII digits.
pub fn is_valid_lead_pin(pin: &str) -> bool {
    crate::domain::pin::is_valid_pin(pin)
}

impl Store {
    /// Sets (or replaces) the lead PIN; records a `lead_pin` event without the PIN.
    pub fn set_lead_pin(
        &mut self,
        pin: &str,
        actor: &super::Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if !is_valid_lead_pin(pin) {
            return Err(StoreError::BadLeadPin);
        }
        let phc = Argon2::default()
            .hash_password(pin.as_bytes())
            .map_err(|e| StoreError::Damaged(format!("cannot hash the lead PIN: {e}")))?
            .to_string();
        let tx = self.write()?;
        let replaced = tx
            .query_row("SELECT 1 FROM lead_pin WHERE id = 1", [], |_| Ok(()))
            .optional()?
            .is_some();
        tx.execute(
            "INSERT INTO lead_pin(id, phc, set_at) VALUES (1, ?1, ?2)
             ON CONFLICT(id) DO UPDATE SET phc = excluded.phc, set_at = excluded.set_at",
            params![phc, super::values::time_text(now)],
        )?;
        super::events::append(
            &tx,
            now,
            actor,
            "lead_pin",
            None,
            &serde_json::json!({ "replaced": replaced }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Whether a lead PIN is set.
    pub fn has_lead_pin(&self) -> Result<bool, StoreError> {
        Ok(self.stored_pin()?.is_some())
    }

    /// Whether `pin` is the lead PIN. Fails with [`StoreError::NoLeadPin`] when none is set.
    pub fn verify_lead_pin(&self, pin: &str) -> Result<bool, StoreError> {
        let phc = self.stored_pin()?.ok_or(StoreError::NoLeadPin)?;
        let hash = PasswordHash::new(&phc)
            .map_err(|e| StoreError::Damaged(format!("lead PIN hash: {e}")))?;
        Ok(Argon2::default()
            .verify_password(pin.as_bytes(), &hash)
            .is_ok())
    }

    fn stored_pin(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT phc FROM lead_pin WHERE id = 1", [], |r| r.get(0))
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_shape() {
        for good in ["1234", "00000000", "908172"] {
            assert!(is_valid_lead_pin(good), "{good}");
        }
        for bad in ["", "123", "123456789", "12a4", "12 34", "١٢٣٤"] {
            assert!(!is_valid_lead_pin(bad), "{bad}");
        }
    }
}
