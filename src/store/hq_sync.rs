//! The point's side of a sync round: the entries waiting to be pushed (the outbox the
//! triggers fill), acknowledging them once HQ committed, and keeping what a pull brought.

use super::entry_rows::{ColumnsAt, ENTRY_COLUMNS};
use super::events::Actor;
use super::values::{parse_date, time_text};
use super::{Store, StoreError, campaign};
use crate::domain::hq::{CollisionKind, HqHit, LateCollision};
use crate::domain::{Entry, EntrySummary};
use chrono::{DateTime, Duration, Utc};
use rusqlite::params;
use std::collections::HashSet;

/// What one pull brought from HQ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HqPull {
    /// Per region: valid entries at the other points, and over the whole campaign.
    pub totals: Vec<(String, u32, u32)>,
    /// The campaign settings HQ holds (`key`, `value`).
    pub settings: Vec<(String, String)>,
    /// Collisions of this point's entries HQ found.
    pub collisions: Vec<LateCollision>,
    /// HQ's clock when it looked for them (the next look starts a little before it).
    pub checked_at: DateTime<Utc>,
}

/// The campaign settings HQ may hold; a point takes them over on every pull.
pub const HQ_SETTINGS: [&str; 6] = [
    "election_date",
    "window_start",
    "window_end",
    "region_cap",
    "abroad_cap",
    "target",
];

/// A round that changes nothing is written at most this often (every write wakes the
/// desks to reload, and the top line counts whole minutes).
const QUIET_WRITE_SECS: i64 = 60;

/// What keeping a pull changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PullSaved {
    /// A campaign setting HQ holds differed from the point's and was taken over.
    pub settings_changed: bool,
    /// Collisions not known before this pull.
    pub new_collisions: Vec<LateCollision>,
}

/// A collision this point learnt of, with where its own entry stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownCollision {
    /// This point's entry.
    pub entry: EntrySummary,
    /// Document or person.
    pub kind: CollisionKind,
    /// The other point's entry.
    pub other: HqHit,
}

impl Store {
    /// Up to `limit` entries waiting to be pushed, oldest change first, each once, with
    /// the queue position to acknowledge once HQ committed them (0: nothing waits).
    pub fn hq_outbox(&self, limit: usize) -> Result<(i64, Vec<Entry>), StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT o.seq AS hq_seq, {} FROM hq_outbox o JOIN entries e ON e.id = o.entry_id
             ORDER BY o.seq LIMIT ?1",
            *ENTRY_COLUMNS
        ))?;
        let at = ColumnsAt::of(&stmt);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut rows = stmt.query([limit])?;
        let (mut last, mut seen, mut entries) = (0, HashSet::new(), Vec::new());
        while let Some(r) = rows.next()? {
            last = r.get(0)?;
            let entry = at.entry(r)?;
            if seen.insert(entry.id.clone()) {
                entries.push(entry);
            }
        }
        Ok((last, entries))
    }

    /// Forgets the queue up to position `upto`: HQ has committed those entries.
    pub fn hq_acknowledge(&mut self, upto: i64) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute("DELETE FROM hq_outbox WHERE seq <= ?1", [upto])?;
        tx.commit()?;
        Ok(())
    }

    /// Keeps what a pull brought and marks the round good: totals and HQ's settings
    /// replace the old ones, the settings are taken over into the campaign (audited as
    /// `actor`), collisions are added. A round that changes nothing writes at most once a
    /// minute.
    pub fn save_hq_pull(
        &mut self,
        pull: &HqPull,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PullSaved, StoreError> {
        let tx = self.write()?;
        let old_totals: Vec<(String, u32, u32)> = {
            let mut stmt = tx.prepare_cached(
                "SELECT region_code, others, campaign FROM hq_totals ORDER BY region_code",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut totals = pull.totals.clone();
        totals.sort();
        let (quiet_since, offline): (Option<String>, bool) = tx.query_row(
            "SELECT last_good, offline_since IS NOT NULL FROM hq_link WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let recent = quiet_since
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .is_some_and(|t| (now - t.with_timezone(&Utc)).num_seconds() < QUIET_WRITE_SECS);
        let mut campaign = campaign::load(&tx)?;
        let before = campaign.clone();
        for (key, value) in &pull.settings {
            // A value this sigdesk cannot take (a newer HQ's) leaves the point's own.
            let _ = campaign.set(key, value);
        }
        let settings_changed = campaign != before;
        let mut new_collisions = Vec::new();
        for c in &pull.collisions {
            let added = tx.execute(
                "INSERT OR IGNORE INTO hq_collisions(entry_id, kind, point, signed_on, found_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    c.entry_id,
                    c.kind.as_str(),
                    c.other.point,
                    c.other.signed_on.to_string(),
                    time_text(now)
                ],
            )?;
            if added > 0 {
                new_collisions.push(c.clone());
            }
        }
        let saved = PullSaved {
            settings_changed,
            new_collisions,
        };
        if totals == old_totals && saved == PullSaved::default() && recent && !offline {
            return Ok(saved);
        }
        tx.execute("DELETE FROM hq_totals", [])?;
        for (region, others, all) in &totals {
            tx.execute(
                "INSERT INTO hq_totals(region_code, others, campaign) VALUES (?1, ?2, ?3)",
                params![region, others, all],
            )?;
        }
        tx.execute("DELETE FROM hq_settings", [])?;
        for (key, value) in &pull.settings {
            tx.execute(
                "INSERT OR REPLACE INTO hq_settings(key, value) VALUES (?1, ?2)",
                params![key, value],
            )?;
        }
        if settings_changed {
            campaign::replace(&tx, &campaign, actor, now)?;
        }
        // Rows committed at HQ just before its clock read may show up only now.
        let next_look = pull.checked_at - Duration::minutes(1);
        tx.execute(
            "UPDATE hq_link SET last_good = ?1, offline_since = NULL, last_error = '',
                 collisions_checked = ?2 WHERE id = 1",
            params![time_text(now), time_text(next_look)],
        )?;
        tx.commit()?;
        Ok(saved)
    }

    /// From when HQ should look for new collisions (`None`: look at everything).
    pub fn hq_collisions_checked(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let text: Option<String> = self.conn.query_row(
            "SELECT collisions_checked FROM hq_link WHERE id = 1",
            [],
            |r| r.get(0),
        )?;
        Ok(text
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc)))
    }

    /// Every collision HQ reported for this point's entries that are still valid, in save
    /// order of the entries.
    pub fn hq_collisions(&self) -> Result<Vec<KnownCollision>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.kind, c.point, c.signed_on, e.id, e.origin, e.sheet, e.line, e.desk,
                    e.entered_at
             FROM hq_collisions c JOIN entries e ON e.id = c.entry_id
             WHERE e.status = 'valid' ORDER BY e.rowid, c.kind",
        )?;
        let at = ColumnsAt::of(&stmt);
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(0)?;
            let signed_on: String = r.get(2)?;
            Ok(KnownCollision {
                entry: at.summary(r)?,
                kind: CollisionKind::parse(&kind)
                    .ok_or_else(|| super::values::damaged("collision kind", &kind))?,
                other: HqHit {
                    point: r.get(1)?,
                    signed_on: parse_date(&signed_on)?,
                },
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
