//! The list of collectors and the regions each is notarised for.

use super::events::{Actor, append};
use super::{Store, StoreError};
use crate::domain::Collector;
use crate::domain::collector::{collector_key, tidy_collector_name};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;
use std::collections::BTreeSet;

/// What adding a collector changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectorAdded {
    /// The collector as now listed (all regions).
    pub collector: Collector,
    /// Whether the collector was new (else regions were added to an existing one).
    pub new: bool,
    /// Regions that were not listed before this call.
    pub added_regions: BTreeSet<String>,
}

/// The collector whose name matches `name` (whitespace, case and ё ignored).
fn find(conn: &Connection, name: &str) -> rusqlite::Result<Option<(i64, Collector)>> {
    let Some((id, stored)) = conn
        .prepare_cached("SELECT id, name FROM collectors WHERE name_key = ?1")?
        .query_row([collector_key(name)], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })
        .optional()?
    else {
        return Ok(None);
    };
    let regions = conn
        .prepare_cached(
            "SELECT region_code FROM collector_regions WHERE collector_id = ?1 ORDER BY region_code",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<BTreeSet<String>>>()?;
    Ok(Some((
        id,
        Collector {
            name: stored,
            regions,
        },
    )))
}

/// The listed collector of that name, inside any connection or transaction.
pub(super) fn find_collector(conn: &Connection, name: &str) -> rusqlite::Result<Option<Collector>> {
    Ok(find(conn, name)?.map(|(_, c)| c))
}

/// Adds a collector or extends one's regions inside the caller's transaction; logs
/// `collector_add` when anything changed.
fn add(
    conn: &Connection,
    wanted: &Collector,
    actor: &Actor,
    now: DateTime<Utc>,
    source: Option<&str>,
) -> rusqlite::Result<CollectorAdded> {
    let name = tidy_collector_name(&wanted.name);
    let (id, before, new) = match find(conn, &name)? {
        Some((id, existing)) => (id, existing, false),
        None => {
            conn.prepare_cached(
                "INSERT INTO collectors(name, name_key, added_at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![
                name,
                collector_key(&name),
                super::values::time_text(now)
            ])?;
            let empty = Collector {
                name: name.clone(),
                regions: BTreeSet::new(),
            };
            (conn.last_insert_rowid(), empty, true)
        }
    };
    let added_regions: BTreeSet<String> = wanted
        .regions
        .difference(&before.regions)
        .cloned()
        .collect();
    for code in &added_regions {
        conn.prepare_cached(
            "INSERT INTO collector_regions(collector_id, region_code) VALUES (?1, ?2)",
        )?
        .execute(params![id, code])?;
    }
    if new || !added_regions.is_empty() {
        let mut details = json!({"name": before.name, "regions": added_regions, "new": new});
        if let Some(file) = source {
            details["file"] = json!(file);
        }
        append(conn, now, actor, "collector_add", None, &details)?;
    }
    let mut regions = before.regions;
    regions.extend(added_regions.iter().cloned());
    Ok(CollectorAdded {
        collector: Collector {
            name: before.name,
            regions,
        },
        new,
        added_regions,
    })
}

impl Store {
    /// Lists a collector for `collector.regions` (codes already checked against the
    /// catalogue). An existing collector (same name ignoring case, spacing and ё) keeps
    /// its regions and gains the new ones.
    pub fn add_collector(
        &mut self,
        collector: &Collector,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<CollectorAdded, StoreError> {
        let tx = self.write()?;
        let added = add(&tx, collector, actor, now, None)?;
        tx.commit()?;
        Ok(added)
    }

    /// Adds every collector of an imported list in one transaction: all or nothing.
    pub fn import_collectors(
        &mut self,
        collectors: &[Collector],
        actor: &Actor,
        now: DateTime<Utc>,
        source: &str,
    ) -> Result<Vec<CollectorAdded>, StoreError> {
        let tx = self.write()?;
        let added = collectors
            .iter()
            .map(|c| add(&tx, c, actor, now, Some(source)))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(added)
    }

    /// The collector of that name (case, spacing and ё ignored), if listed.
    pub fn collector(&self, name: &str) -> Result<Option<Collector>, StoreError> {
        Ok(find_collector(&self.conn, name)?)
    }

    /// Every listed collector, by name.
    pub fn collectors(&self) -> Result<Vec<Collector>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.name, r.region_code FROM collectors c
             LEFT JOIN collector_regions r ON r.collector_id = c.id
             ORDER BY c.name_key, c.id, r.region_code",
        )?;
        let mut rows = stmt.query([])?;
        let mut list: Vec<Collector> = Vec::new();
        while let Some(r) = rows.next()? {
            let name: String = r.get(0)?;
            let region: Option<String> = r.get(1)?;
            if list.last().is_none_or(|c| c.name != name) {
                list.push(Collector {
                    name,
                    regions: BTreeSet::new(),
                });
            }
            if let (Some(code), Some(last)) = (region, list.last_mut()) {
                last.regions.insert(code);
            }
        }
        Ok(list)
    }
}
