//! Consistency of a database file: SQLite's own check and the paper-sheet counters, for
//! crash tests and for a lead who wants to know the file is sound.

use super::{Store, StoreError};

/// A sheet's stored fill counter beside the entries that really sit on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetFill {
    /// Sheet number.
    pub number: u32,
    /// Desk that fills it.
    pub desk: String,
    /// Region code it is headed with.
    pub region_code: String,
    /// The `lines_used` counter the next line is taken from.
    pub lines_used: u32,
    /// Entries (valid or voided) of this point on the sheet.
    pub entries: u32,
    /// Whether the sheet is closed (full).
    pub closed: bool,
}

impl Store {
    /// `PRAGMA integrity_check`: `["ok"]` when the file is sound, else what SQLite found.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every sheet opened at this point, by number, with its counter and its entries.
    pub fn sheet_fill(&self) -> Result<Vec<SheetFill>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.number, s.desk, s.region_code, s.lines_used, s.closed_at IS NOT NULL,
                    (SELECT COUNT(*) FROM entries e WHERE e.origin = c.point AND e.sheet = s.number)
             FROM sheets s, campaign c ORDER BY s.number",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SheetFill {
                number: r.get(0)?,
                desk: r.get(1)?,
                region_code: r.get(2)?,
                lines_used: r.get(3)?,
                closed: r.get(4)?,
                entries: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
