//! Live desk leases (DESIGN.md §3): a desk name is held by one running process, which
//! renews its heartbeat every few seconds. Two processes with one desk name would share its
//! paper sheets and number lines the paper does not have, so sign-in refuses a name held by
//! a live process and takes over one whose holder is gone (no heartbeat for
//! [`LEASE_STALE`], or a process of this host that no longer exists, e.g. after kill -9).
//! A lease also says whether its holder has a signer typed and not yet saved (never what
//! was typed): a lease taken over with that mark is an unclean stop that lost a signer.

use super::{Store, StoreError, values::time_text};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

/// A lease without a heartbeat for this long belongs to a process that is gone.
pub const LEASE_STALE: chrono::Duration = chrono::Duration::seconds(30);
/// How often a holder renews its heartbeat.
pub const HEARTBEAT_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

/// A process that holds desk names: its id and host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// Process id.
    pub pid: i64,
    /// Host name.
    pub host: String,
}

impl Holder {
    /// This process.
    pub fn this_process() -> Holder {
        Holder {
            pid: i64::from(std::process::id()),
            host: nix::unistd::gethostname()
                .ok()
                .and_then(|h| h.into_string().ok())
                .unwrap_or_else(|| "?".into()),
        }
    }

    /// Whether this holder may still be running: a process of another host is taken to be
    /// (only its heartbeat tells); one of this host is asked.
    pub(super) fn may_be_alive(&self, here: &Holder) -> bool {
        if self.host != here.host {
            return true;
        }
        let Ok(pid) = i32::try_from(self.pid) else {
            return false;
        };
        let probe = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None);
        !matches!(probe, Err(nix::errno::Errno::ESRCH))
    }
}

/// The answer to a sign-in's claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The desk name is this process's now.
    Taken {
        /// The holder before stopped without quitting while a signer was typed and not
        /// saved: that signer was lost and must be asked again.
        lost_signer: bool,
    },
    /// A live process holds it.
    HeldBy(Holder),
}

impl Store {
    /// Claims `desk` for `me`: refused while another live holder renews it, taken over
    /// when its holder is gone.
    pub fn claim_desk(
        &mut self,
        desk: &str,
        me: &Holder,
        now: DateTime<Utc>,
    ) -> Result<Claim, StoreError> {
        let tx = self.write()?;
        let held = lease(&tx, desk)?;
        let mut lost_signer = false;
        if let Some((holder, beat, typing)) = held {
            if holder != *me && is_live(&holder, &beat, me, now) {
                return Ok(Claim::HeldBy(holder));
            }
            lost_signer = typing && holder != *me;
        }
        tx.execute(
            "INSERT INTO desks(name, pid, host, heartbeat, typing) VALUES (?1, ?2, ?3, ?4, 0)
             ON CONFLICT(name) DO UPDATE SET pid = excluded.pid, host = excluded.host,
                 heartbeat = excluded.heartbeat, typing = 0",
            params![desk, me.pid, me.host, time_text(now)],
        )?;
        tx.commit()?;
        Ok(Claim::Taken { lost_signer })
    }

    /// Marks whether `me` has a signer typed and not saved at `desk` (only that fact).
    pub fn mark_typing(&mut self, desk: &str, me: &Holder, typing: bool) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute(
            "UPDATE desks SET typing = ?1 WHERE name = ?2 AND pid = ?3 AND host = ?4",
            params![typing, desk, me.pid, me.host],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Whether a live process other than `me` holds `desk` now.
    pub fn desk_held(
        &self,
        desk: &str,
        me: &Holder,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        Ok(lease(&self.conn, desk)?
            .is_some_and(|(holder, beat, _)| holder != *me && is_live(&holder, &beat, me, now)))
    }

    /// Renews the heartbeat of every desk `me` holds; returns how many it holds.
    pub fn beat_desks(&mut self, me: &Holder, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let renewed = tx.execute(
            "UPDATE desks SET heartbeat = ?1 WHERE pid = ?2 AND host = ?3",
            params![time_text(now), me.pid, me.host],
        )?;
        tx.commit()?;
        Ok(renewed)
    }

    /// Gives back every desk `me` holds (on quit).
    pub fn release_desks(&mut self, me: &Holder) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute(
            "DELETE FROM desks WHERE pid = ?1 AND host = ?2",
            params![me.pid, me.host],
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// The lease of `desk`: its holder, last heartbeat and typing mark.
fn lease(
    conn: &rusqlite::Connection,
    desk: &str,
) -> rusqlite::Result<Option<(Holder, String, bool)>> {
    conn.query_row(
        "SELECT pid, host, heartbeat, typing FROM desks WHERE name = ?1",
        [desk],
        |r| {
            let holder = Holder {
                pid: r.get(0)?,
                host: r.get(1)?,
            };
            Ok((holder, r.get(2)?, r.get(3)?))
        },
    )
    .optional()
}

/// Whether a lease beaten at `beat` still belongs to a running holder.
fn is_live(holder: &Holder, beat: &str, me: &Holder, now: DateTime<Utc>) -> bool {
    let fresh = DateTime::parse_from_rfc3339(beat)
        .is_ok_and(|at| now.signed_duration_since(at) < LEASE_STALE);
    fresh && holder.may_be_alive(me)
}
