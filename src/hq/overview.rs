//! What HQ's owner reads for `hq stats`, `hq check` and `hq board`: points, counters,
//! collisions, the day's stamps and the settings. Never a digest leaves this module.

use super::{Hq, HqError};
use crate::domain::Campaign;
use crate::domain::board::EntryStamp;
use crate::domain::hq::{Collision, CollisionKind, CollisionSide, HqOverview, PointFigures};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

/// Pairs of valid entries at two points sharing a digest, the earlier one first.
fn collisions_sql(digest: &str, kind: CollisionKind) -> String {
    let extra = match kind {
        CollisionKind::Document => "",
        CollisionKind::Person => "AND a.doc_digest <> b.doc_digest",
    };
    format!(
        "WITH shared AS (
             SELECT {digest} AS digest FROM hq.entries WHERE valid
             GROUP BY {digest} HAVING min(origin) <> max(origin))
         SELECT a.origin, a.sheet, a.line, a.signed_on, b.origin, b.sheet, b.line, b.signed_on
         FROM shared s
         JOIN hq.entries a ON a.{digest} = s.digest AND a.valid
         JOIN hq.entries b ON b.{digest} = s.digest AND b.valid AND b.origin <> a.origin
              AND (a.entered_at, a.id) < (b.entered_at, b.id) {extra}
         ORDER BY a.entered_at, a.id, b.entered_at, b.id"
    )
}

impl Hq {
    /// Points, their counters and pace; with `collisions`, every collision too (that reads
    /// every digest, so `hq stats` leaves it out).
    pub fn overview(&mut self, collisions: bool) -> Result<HqOverview, HqError> {
        self.require_schema()?;
        let client = &mut self.client;
        let mut tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(HqError::talking)?;
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        let mut points: Vec<PointFigures> = tx
            .query("SELECT name, last_sync FROM hq.points ORDER BY name", &[])
            .map_err(HqError::talking)?
            .iter()
            .map(|r| PointFigures {
                name: r.get(0),
                last_sync: r.get(1),
                valid: 0,
                voided: 0,
                last_hour: 0,
            })
            .collect();
        let point_regions: Vec<(String, String, u64, u64)> = tx
            .query(
                "SELECT origin, region_code, valid, voided FROM hq.tallies
                 WHERE valid > 0 OR voided > 0 ORDER BY origin, region_code",
                &[],
            )
            .map_err(HqError::talking)?
            .iter()
            .map(|r| (r.get(0), r.get(1), count(r.get(2)), count(r.get(3))))
            .collect();
        let last_hour: HashMap<String, u64> = tx
            .query(
                "SELECT origin, count(*) FROM hq.entries
                 WHERE valid AND entered_at > now() - interval '1 hour' GROUP BY origin",
                &[],
            )
            .map_err(HqError::talking)?
            .iter()
            .map(|r| (r.get(0), count(r.get(1))))
            .collect();
        for p in &mut points {
            for (_, _, valid, voided) in point_regions.iter().filter(|r| r.0 == p.name) {
                p.valid += valid;
                p.voided += voided;
            }
            p.last_hour = last_hour.get(&p.name).copied().unwrap_or(0);
        }
        let mut found = Vec::new();
        if collisions {
            // One ordered pass over the (digest, origin) index beats hashing a million
            // digests (0.3 s against 0.8 s at a million entries), but the planner's costs
            // prefer the hash: tell it.
            tx.batch_execute("SET LOCAL enable_hashagg = off")
                .map_err(HqError::talking)?;
            for (digest, kind) in [
                ("doc_digest", CollisionKind::Document),
                ("person_digest", CollisionKind::Person),
            ] {
                let rows = tx
                    .query(&collisions_sql(digest, kind), &[])
                    .map_err(HqError::talking)?;
                found.extend(rows.iter().map(|r| {
                    let side = |at: usize| CollisionSide {
                        point: r.get(at),
                        sheet: u32::try_from(r.get::<_, i32>(at + 1)).unwrap_or(0),
                        line: u32::try_from(r.get::<_, i32>(at + 2)).unwrap_or(0),
                        signed_on: r.get::<_, NaiveDate>(at + 3),
                    };
                    Collision {
                        kind,
                        first: side(0),
                        second: side(4),
                    }
                }));
            }
        }
        tx.commit().map_err(HqError::talking)?;
        Ok(HqOverview {
            points,
            point_regions: point_regions
                .into_iter()
                .map(|(point, region, valid, _)| (point, region, valid))
                .collect(),
            collisions: found,
        })
    }

    /// The campaign settings as HQ holds them, over the compiled-in defaults.
    pub fn campaign(&mut self) -> Result<Campaign, HqError> {
        self.require_schema()?;
        let mut campaign = Campaign::defaults()
            .map_err(|e| HqError::new(crate::domain::hq::HqFailure::Lost(e.to_string())))?;
        for row in self
            .client
            .query("SELECT key, value FROM hq.settings", &[])
            .map_err(HqError::talking)?
        {
            // A value this sigdesk cannot take (a newer one's) keeps the default.
            let _ = campaign.set(row.get(0), row.get(1));
        }
        campaign.point = "HQ".into();
        Ok(campaign)
    }

    /// Entries saved in `[from, to)` at every point, as the board counts them: the point
    /// stands where a point's board has the desk.
    pub fn stamps(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<EntryStamp>, HqError> {
        Ok(self
            .client
            .query(
                "SELECT origin, entered_at, valid FROM hq.entries
                 WHERE entered_at >= $1 AND entered_at < $2 ORDER BY entered_at",
                &[&from, &to],
            )
            .map_err(HqError::talking)?
            .iter()
            .map(|r| EntryStamp {
                desk: r.get(0),
                operator: String::new(),
                entered_at: r.get(1),
                valid: r.get(2),
            })
            .collect())
    }
}
