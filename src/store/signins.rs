//! The names each role last signed in with on this database, for the next sign-in to offer:
//! a desk, the door and the board each remember their own, so a door never offers a desk's
//! operator and another database's names never show. Holds no signer data.

use super::desks::Holder;
use super::{Store, StoreError, values::time_text};
use chrono::{DateTime, Utc};
use rusqlite::params;

/// What a process signs in as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A desk that types signers.
    Desk,
    /// The door that issues tickets.
    Door,
    /// The lead board.
    Board,
}

impl Role {
    fn as_str(self) -> &'static str {
        match self {
            Role::Desk => "desk",
            Role::Door => "door",
            Role::Board => "board",
        }
    }
}

/// A desk name and the operator who signed in at it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignInNames {
    /// Desk name.
    pub desk: String,
    /// Operator name.
    pub operator: String,
}

/// How many sign-ins of a role are kept (the oldest go).
const KEPT: i64 = 32;

impl Store {
    /// Remembers that `names` signed in as `role`, replacing that desk's earlier operator.
    pub fn remember_sign_in(
        &mut self,
        role: Role,
        names: &SignInNames,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO signins(role, desk, operator, at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(role, desk) DO UPDATE SET operator = excluded.operator, at = excluded.at",
            params![role.as_str(), names.desk, names.operator, time_text(now)],
        )?;
        tx.execute(
            "DELETE FROM signins WHERE role = ?1 AND desk NOT IN
                 (SELECT desk FROM signins WHERE role = ?1 ORDER BY at DESC LIMIT ?2)",
            params![role.as_str(), KEPT],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The names to offer a new sign-in as `role`: the latest whose desk no live process
    /// other than `me` holds (a second desk on the same host is offered its own name, not
    /// the first one's), or empty names.
    pub fn sign_in_to_offer(
        &self,
        role: Role,
        me: &Holder,
        now: DateTime<Utc>,
    ) -> Result<SignInNames, StoreError> {
        let recent: Vec<SignInNames> = self.rows(
            "SELECT desk, operator FROM signins WHERE role = ?1 ORDER BY at DESC",
            [role.as_str()],
            |r| {
                Ok(SignInNames {
                    desk: r.get(0)?,
                    operator: r.get(1)?,
                })
            },
        )?;
        for names in recent {
            if !self.desk_held(&names.desk, me, now)? {
                return Ok(names);
            }
        }
        Ok(SignInNames::default())
    }
}
