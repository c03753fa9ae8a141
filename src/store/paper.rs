//! The paper sample: lines drawn at random for the lead to compare with the paper, and
//! what the lead found on each (DESIGN.md §11). Every draw and every mark is an event.

use super::entry_rows::ColumnsAt;
use super::events::{Actor, append};
use super::values::{optional_time_col, time_text};
use super::{Store, StoreError};
use crate::domain::paper::{PaperCode, draw_positions};
use crate::domain::{Column, Entry};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde_json::json;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// What one `paper sample` added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleDrawn {
    /// Which draw this was (1 for the first).
    pub draw: u32,
    /// The seed of the draw.
    pub seed: u64,
    /// Valid lines not yet in the sample when it was drawn from.
    pub population: u64,
    /// Lines it added.
    pub drawn: u64,
    /// Lines in the sample now.
    pub total: u64,
}

/// What the lead found on a sampled line, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperMark {
    /// `ok` or the finding.
    pub code: PaperCode,
    /// The lead's words (required for `paper.other`).
    pub note: String,
    /// When it was marked.
    pub at: DateTime<Utc>,
}

/// One line of the sample: its place in the walk, the database copy, the certifying
/// collector of its sheet, the lead's mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampledLine {
    /// Its place in the walk, from 1.
    pub position: u32,
    /// The draw that added it.
    pub draw: u32,
    /// The entry as stored now (it may have been voided since).
    pub entry: Entry,
    /// The collector named in its sheet's certification, if any.
    pub collector: Option<String>,
    /// What the lead found, once checked.
    pub mark: Option<PaperMark>,
}

/// Valid lines not in the sample, in id order (UUID v7: the order lines were saved, the
/// same in every copy of the database).
const UNSAMPLED: &str = "FROM entries WHERE status = 'valid'
     AND id NOT IN (SELECT entry_id FROM paper_sample)";

/// The sample with its entries and their sheets' collectors, in walk order.
static SAMPLE_SELECT: LazyLock<String> = LazyLock::new(|| {
    let entry: Vec<String> = Column::stored()
        .map(|c| format!("e.{}", c.name()))
        .collect();
    format!(
        "SELECT p.position, p.draw, p.code, p.note, p.marked_at, s.collector, {}
         FROM paper_sample p JOIN entries e ON e.id = p.entry_id
         LEFT JOIN sheets s ON s.origin = e.origin AND s.number = e.sheet",
        entry.join(", ")
    )
});

impl Store {
    /// Adds `size` lines drawn at random (seeded by `seed`) from the valid lines not yet in
    /// the sample, after those already in it, in one write; records the draw.
    pub fn draw_paper_sample(
        &mut self,
        size: u64,
        seed: u64,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<SampleDrawn, StoreError> {
        let tx = self.write()?;
        let population: i64 =
            tx.query_row(&format!("SELECT COUNT(*) {UNSAMPLED}"), [], |r| r.get(0))?;
        let population = population.max(0).unsigned_abs();
        let wanted: BTreeSet<u64> = draw_positions(population, size, seed).into_iter().collect();
        let (last_position, last_draw): (u32, u32) = tx.query_row(
            "SELECT COALESCE(MAX(position), 0), COALESCE(MAX(draw), 0) FROM paper_sample",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let draw = last_draw + 1;
        let mut chosen: Vec<(String, u32, u32, String)> = Vec::with_capacity(wanted.len());
        {
            let sql = format!("SELECT id, origin, sheet, line {UNSAMPLED} ORDER BY id");
            let mut stmt = tx.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            let mut index = 0u64;
            while let Some(r) = rows.next()? {
                if wanted.contains(&index) {
                    chosen.push((r.get(1)?, r.get(2)?, r.get(3)?, r.get(0)?));
                }
                index += 1;
            }
        }
        // Walked in paper order: the lead takes the sheets from the pile one after another.
        chosen.sort();
        let ids: Vec<String> = chosen.into_iter().map(|(_, _, _, id)| id).collect();
        for (position, id) in (last_position + 1..).zip(&ids) {
            tx.prepare_cached(
                "INSERT INTO paper_sample(entry_id, position, draw, drawn_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id, position, draw, time_text(now)])?;
        }
        let drawn = ids.len() as u64;
        let total = u64::from(last_position) + drawn;
        let details = json!({
            "draw": draw, "seed": seed.to_string(), "size": size,
            "population": population, "drawn": drawn, "total": total,
        });
        append(&tx, now, actor, "paper_sample", None, &details)?;
        tx.commit()?;
        Ok(SampleDrawn {
            draw,
            seed,
            population,
            drawn,
            total,
        })
    }

    /// Every sampled line, in walk order.
    pub fn paper_sample(&self) -> Result<Vec<SampledLine>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{} ORDER BY p.position", *SAMPLE_SELECT))?;
        let at = ColumnsAt::of(&stmt);
        let rows = stmt.query_map([], |r| sampled_line(&at, r))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The sampled lines written on sheet `sheet`, line `line` (one per point whose
    /// entries are in this database).
    pub fn paper_lines_at(&self, sheet: u32, line: u32) -> Result<Vec<SampledLine>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{} WHERE e.sheet = ?1 AND e.line = ?2 ORDER BY e.origin",
            *SAMPLE_SELECT
        ))?;
        let at = ColumnsAt::of(&stmt);
        let rows = stmt.query_map(params![sheet, line], |r| sampled_line(&at, r))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records what the lead found on the sampled line of entry `entry_id` (replacing an
    /// earlier mark) and logs it; returns the earlier mark's code, or
    /// [`StoreError::NoSuchEntry`] when the line is not in the sample.
    pub fn mark_paper_line(
        &mut self,
        entry_id: &str,
        code: PaperCode,
        note: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Option<PaperCode>, StoreError> {
        let tx = self.write()?;
        let found: Option<(Option<String>, u32, u32)> = tx
            .prepare_cached(
                "SELECT p.code, e.sheet, e.line FROM paper_sample p
                 JOIN entries e ON e.id = p.entry_id WHERE p.entry_id = ?1",
            )?
            .query_row([entry_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((before, sheet, line)) = found else {
            return Err(StoreError::NoSuchEntry(entry_id.to_string()));
        };
        tx.prepare_cached(
            "UPDATE paper_sample SET code = ?2, note = ?3, marked_at = ?4, marked_desk = ?5,
                 marked_by = ?6 WHERE entry_id = ?1",
        )?
        .execute(params![
            entry_id,
            code.code(),
            note,
            time_text(now),
            actor.desk,
            actor.operator
        ])?;
        let details = json!({
            "sheet": sheet, "line": line, "code": [before, code.code()], "note": note,
        });
        append(&tx, now, actor, "paper_mark", Some(entry_id), &details)?;
        tx.commit()?;
        Ok(before.as_deref().and_then(PaperCode::parse))
    }
}

/// One row of [`SAMPLE_SELECT`].
fn sampled_line(at: &ColumnsAt, r: &Row) -> rusqlite::Result<SampledLine> {
    let code: Option<String> = r.get(2)?;
    let mark = match (
        code.as_deref().and_then(PaperCode::parse),
        optional_time_col(r, 4)?,
    ) {
        (Some(code), Some(at)) => Some(PaperMark {
            code,
            note: r.get(3)?,
            at,
        }),
        _ => None,
    };
    Ok(SampledLine {
        position: r.get(0)?,
        draw: r.get(1)?,
        entry: at.entry(r)?,
        collector: r.get(5)?,
        mark,
    })
}

#[cfg(test)]
mod tests;
