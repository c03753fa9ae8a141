//! The point's link to the campaign HQ (DESIGN.md §10): the address and the campaign
//! secret (kept only in this encrypted file), the state `sync` leaves behind, and the region
//! counts the cap check reads (this point's own plus the other points' from HQ).

use super::events::{Actor, append};
use super::values::{optional_time_col, time_text};
use super::{Store, StoreError};
use crate::domain::hq::{CampaignSecret, LinkState};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde_json::json;
use std::collections::HashMap;

/// What a point needs to talk to HQ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HqLink {
    /// HQ's PostgreSQL URL with this point's role and password; `None` when not set.
    pub url: Option<String>,
    /// The campaign secret; `None` when not set.
    pub secret: Option<CampaignSecret>,
}

impl HqLink {
    /// Whether an HQ is set at all (without one, sigdesk works as it always did).
    pub fn is_set(&self) -> bool {
        self.url.is_some()
    }
}

/// The URL with its password hidden, for `campaign show` and the audit log.
pub fn masked_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url
            .split_whitespace()
            .map(|pair| match pair.split_once('=') {
                Some(("password", _)) => "password=***".to_string(),
                _ => pair.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ");
    };
    let (authority, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split(':').next().unwrap_or_default();
            let hidden = if user_info.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{hidden}@{host}{tail}")
        }
        None => url.to_string(),
    }
}

/// Queues every entry for the next push (a new HQ, or new digests under a new secret).
fn queue_everything(tx: &Connection) -> rusqlite::Result<()> {
    tx.execute_batch(
        "DELETE FROM hq_outbox;
         INSERT INTO hq_outbox(entry_id) SELECT id FROM entries ORDER BY rowid;",
    )
}

impl Store {
    /// The HQ address and secret set at this point.
    pub fn hq_link(&self) -> Result<HqLink, StoreError> {
        let (url, secret): (String, String) = self
            .conn
            .prepare_cached("SELECT url, secret FROM hq_link WHERE id = 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(HqLink {
            url: (!url.is_empty()).then_some(url),
            secret: CampaignSecret::parse(&secret),
        })
    }

    /// Sets (or with an empty `url`, unsets) the HQ address. Every entry is queued for the
    /// next push, since a new HQ knows none of them; unsetting forgets what HQ said.
    pub fn set_hq_url(
        &mut self,
        url: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        let old: String = tx.query_row("SELECT url FROM hq_link WHERE id = 1", [], |r| r.get(0))?;
        tx.execute(
            "UPDATE hq_link SET url = ?1, last_good = NULL, offline_since = NULL,
                 last_error = '', collisions_checked = NULL WHERE id = 1",
            [url],
        )?;
        tx.execute_batch(
            "DELETE FROM hq_totals; DELETE FROM hq_settings; DELETE FROM hq_collisions;",
        )?;
        if url.is_empty() {
            tx.execute("DELETE FROM hq_outbox", [])?;
        } else {
            queue_everything(&tx)?;
        }
        let change = json!({"hq_url": [masked_url(&old), masked_url(url)]});
        append(&tx, now, actor, "campaign", None, &change)?;
        tx.commit()?;
        Ok(())
    }

    /// Sets the campaign secret. Every entry is queued again (its digests change) and
    /// collisions found under the old secret are forgotten. The audit log records that it
    /// changed, never the secret.
    pub fn set_hq_secret(
        &mut self,
        secret: &CampaignSecret,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute(
            "UPDATE hq_link SET secret = ?1, collisions_checked = NULL WHERE id = 1",
            [secret.text()],
        )?;
        tx.execute("DELETE FROM hq_collisions", [])?;
        let url_set: bool =
            tx.query_row("SELECT url <> '' FROM hq_link WHERE id = 1", [], |r| {
                r.get(0)
            })?;
        if url_set {
            queue_everything(&tx)?;
        }
        let change = json!({"hq_secret": ["", "***"]});
        append(&tx, now, actor, "campaign", None, &change)?;
        tx.commit()?;
        Ok(())
    }

    /// What the last sync rounds left: the last good round, since when they fail, why.
    pub fn hq_state(&self) -> Result<LinkState, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT last_good, offline_since, last_error FROM hq_link WHERE id = 1",
            )?
            .query_row([], |r| {
                Ok(LinkState {
                    last_good: optional_time_col(r, 0)?,
                    offline_since: optional_time_col(r, 1)?,
                    last_error: r.get(2)?,
                })
            })?)
    }

    /// Records a failed round: offline from the first failure on, with the reason.
    pub fn record_hq_failure(
        &mut self,
        now: DateTime<Utc>,
        reason: &str,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute(
            "UPDATE hq_link SET offline_since = COALESCE(offline_since, ?1), last_error = ?2
             WHERE id = 1",
            params![time_text(now), reason],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Valid entries per region as the cap check counts them: this point's own, plus the
    /// other points' as HQ last reported them (nothing more without an HQ).
    pub fn cap_counts(&self) -> Result<HashMap<String, u32>, StoreError> {
        let mut counts = self.region_counts()?;
        let others: Vec<(String, u32)> = self.rows(
            "SELECT region_code, others FROM hq_totals WHERE others > 0",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        for (region, n) in others {
            let count = counts.entry(region).or_default();
            *count = count.saturating_add(n);
        }
        Ok(counts)
    }

    /// Entries waiting to be pushed to HQ.
    pub fn hq_pending(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT COUNT(DISTINCT entry_id) FROM hq_outbox")?
            .query_row([], |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::masked_url;

    #[test]
    fn the_password_never_shows() {
        assert_eq!(
            masked_url("postgresql://p1:s3cr3t@hq.example.org:5432/hq?sslmode=require"),
            "postgresql://p1:***@hq.example.org:5432/hq?sslmode=require"
        );
        assert_eq!(
            masked_url("host=hq user=p1 password=s3cr3t dbname=hq"),
            "host=hq user=p1 password=*** dbname=hq"
        );
        assert_eq!(masked_url("postgres://hq/db"), "postgres://hq/db");
        assert_eq!(masked_url(""), "");
    }
}
