//! The one-row `campaign` table.

use super::StoreError;
use crate::domain::Campaign;
use rusqlite::{Connection, OptionalExtension, params};

/// Writes the campaign row for a new database.
pub(super) fn insert(conn: &Connection, c: &Campaign) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO campaign(id, point, election_date, target, region_cap, abroad_cap,
             window_start, window_end, lines_per_sheet, timezone, idle_lock_min,
             backup_dir, backup_every_min, retain_until, notice_file,
             cec_sample, reject_limit_pct)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            c.point,
            c.get("election_date").unwrap_or_default(),
            c.target,
            c.region_cap,
            c.abroad_cap,
            c.get("window_start").unwrap_or_default(),
            c.get("window_end").unwrap_or_default(),
            c.lines_per_sheet,
            c.timezone,
            c.idle_lock_min,
            c.backup_dir,
            c.backup_every_min,
            c.get("retain_until").unwrap_or_default(),
            c.notice_file,
            c.cec_sample,
            c.reject_limit_pct
        ],
    )?;
    Ok(())
}

/// Reads the campaign row.
pub(super) fn load(conn: &Connection) -> Result<Campaign, StoreError> {
    let mut c = Campaign::defaults().map_err(|e| StoreError::Damaged(e.to_string()))?;
    let row = conn
        .query_row(
            "SELECT point, election_date, target, region_cap, abroad_cap, window_start,
                    window_end, lines_per_sheet, timezone, idle_lock_min,
                    backup_dir, backup_every_min, retain_until, notice_file,
                    cec_sample, reject_limit_pct
             FROM campaign WHERE id = 1",
            [],
            |r| {
                let mut values = Vec::with_capacity(Campaign::KEYS.len());
                for i in 0..Campaign::KEYS.len() {
                    let v: rusqlite::types::Value = r.get(i)?;
                    values.push(match v {
                        rusqlite::types::Value::Integer(n) => n.to_string(),
                        rusqlite::types::Value::Text(t) => t,
                        _ => String::new(),
                    });
                }
                Ok(values)
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::Damaged("the campaign row is missing".into()))?;
    for (key, value) in Campaign::KEYS.iter().zip(row) {
        c.set(key, &value)
            .map_err(|e| StoreError::Damaged(e.to_string()))?;
    }
    Ok(c)
}

impl super::Store {
    /// Saves the whole campaign row (after `Campaign::set` validated a change).
    pub fn save_campaign(
        &mut self,
        c: &Campaign,
        actor: &super::Actor,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        replace(&tx, c, actor, now)?;
        tx.commit()?;
        Ok(())
    }
}

/// Replaces the campaign row inside the caller's transaction and records what changed;
/// returns whether anything did.
pub(super) fn replace(
    tx: &Connection,
    c: &Campaign,
    actor: &super::Actor,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, StoreError> {
    let old = load(tx)?;
    tx.execute("DELETE FROM campaign WHERE id = 1", [])?;
    insert(tx, c)?;
    let mut changes = serde_json::Map::new();
    for key in Campaign::KEYS {
        let (before, after) = (
            old.get(key).unwrap_or_default(),
            c.get(key).unwrap_or_default(),
        );
        if before != after {
            changes.insert(key.to_string(), serde_json::json!([before, after]));
        }
    }
    let changed = !changes.is_empty();
    super::events::append(
        tx,
        now,
        actor,
        "campaign",
        None,
        &serde_json::Value::Object(changes),
    )?;
    Ok(changed)
}
