//! The list of collectors, the regions each is notarised for, and the details their
//! certification on a sheet needs.

use super::events::{Actor, append};
use super::values::{parse_date, time_text};
use super::{Store, StoreError};
use crate::domain::Collector;
use crate::domain::collector::{CollectorDetails, collector_key, tidy_collector_name};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::json;
use std::collections::BTreeSet;

/// What adding a collector changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectorAdded {
    /// The collector as now listed (all regions, all details).
    pub collector: Collector,
    /// Whether the collector was new (else regions or details were added to one listed).
    pub new: bool,
    /// Regions that were not listed before this call.
    pub added_regions: BTreeSet<String>,
    /// Whether any detail was given or changed.
    pub details_changed: bool,
}

/// The columns [`details_from`] reads, starting at the column after `id, name`.
const DETAIL_COLUMNS: &str =
    "birth_date, address, passport_series, passport_number, issued_on, issuer_code";

/// The details of a row selected with `id, name, {DETAIL_COLUMNS}`.
fn details_from(r: &Row) -> rusqlite::Result<CollectorDetails> {
    let date = |i: usize| -> rusqlite::Result<_> {
        r.get::<_, Option<String>>(i)?
            .as_deref()
            .map(parse_date)
            .transpose()
    };
    let series: Option<String> = r.get(4)?;
    let number: Option<String> = r.get(5)?;
    Ok(CollectorDetails {
        birth_date: date(2)?,
        address: r.get(3)?,
        passport: series.zip(number),
        issued_on: date(6)?,
        issuer_code: r.get(7)?,
    })
}

/// The collector whose name matches `name` (whitespace, case and ё ignored).
fn find(conn: &Connection, name: &str) -> rusqlite::Result<Option<(i64, Collector)>> {
    let Some((id, stored, details)) = conn
        .prepare_cached(&format!(
            "SELECT id, name, {DETAIL_COLUMNS} FROM collectors WHERE name_key = ?1"
        ))?
        .query_row([collector_key(name)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                details_from(r)?,
            ))
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
            details,
        },
    )))
}

/// The listed collector of that name, inside any connection or transaction.
pub(super) fn find_collector(conn: &Connection, name: &str) -> rusqlite::Result<Option<Collector>> {
    Ok(find(conn, name)?.map(|(_, c)| c))
}

/// Writes the details `wanted` has over `before`'s; returns the fields changed, for the log.
fn update_details(
    conn: &Connection,
    id: i64,
    before: &CollectorDetails,
    wanted: &CollectorDetails,
) -> rusqlite::Result<serde_json::Map<String, serde_json::Value>> {
    let after = before.merged(wanted);
    let text = |d: &CollectorDetails| {
        [
            d.birth_date.map(|b| b.to_string()),
            d.address.clone(),
            d.passport.as_ref().map(|(s, _)| s.clone()),
            d.passport.as_ref().map(|(_, n)| n.clone()),
            d.issued_on.map(|i| i.to_string()),
            d.issuer_code.clone(),
        ]
    };
    let mut changes = serde_json::Map::new();
    let names = DETAIL_COLUMNS.split(", ");
    for ((column, old), new) in names.zip(text(before)).zip(text(&after)) {
        if old != new {
            conn.prepare_cached(&format!(
                "UPDATE collectors SET {column} = ?2 WHERE id = ?1"
            ))?
            .execute(params![id, new])?;
            changes.insert(column.to_string(), json!([old, new]));
        }
    }
    Ok(changes)
}

/// Adds a collector or extends one's regions and details inside the caller's transaction;
/// logs `collector_add` when anything changed.
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
            .execute(params![name, collector_key(&name), time_text(now)])?;
            let empty = Collector {
                name: name.clone(),
                regions: BTreeSet::new(),
                details: CollectorDetails::default(),
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
    let changes = update_details(conn, id, &before.details, &wanted.details)?;
    if new || !added_regions.is_empty() || !changes.is_empty() {
        let mut details = json!({"name": before.name, "regions": added_regions, "new": new});
        if !changes.is_empty() {
            details["details"] = serde_json::Value::Object(changes.clone());
        }
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
            details: before.details.merged(&wanted.details),
        },
        new,
        added_regions,
        details_changed: !changes.is_empty(),
    })
}

impl Store {
    /// Lists a collector for `collector.regions` (codes already checked against the
    /// catalogue) with the details given (already checked). An existing collector (same
    /// name ignoring case, spacing and ё) keeps its regions and details and gains the new
    /// ones.
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
        let mut stmt = self.conn.prepare(&format!(
            "SELECT c.id, c.name, {DETAIL_COLUMNS}, r.region_code FROM collectors c
             LEFT JOIN collector_regions r ON r.collector_id = c.id
             ORDER BY c.name_key, c.id, r.region_code"
        ))?;
        let mut rows = stmt.query([])?;
        let mut list: Vec<(i64, Collector)> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let region: Option<String> = r.get(8)?;
            if list.last().is_none_or(|(last, _)| *last != id) {
                let collector = Collector {
                    name: r.get(1)?,
                    regions: BTreeSet::new(),
                    details: details_from(r)?,
                };
                list.push((id, collector));
            }
            if let (Some(code), Some((_, last))) = (region, list.last_mut()) {
                last.regions.insert(code);
            }
        }
        Ok(list.into_iter().map(|(_, c)| c).collect())
    }
}
