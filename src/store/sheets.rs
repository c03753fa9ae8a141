//! Paper sheets: one open sheet per region (and foreign state) per desk, filled line by line.

use super::StoreError;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

/// Where the next signer of a region will write, as the form shows it before saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetPreview {
    /// Sheet number (for a sheet not opened yet: the next free number, which may still change).
    pub sheet: u32,
    /// Line on that sheet.
    pub line: u32,
    /// Whether a new sheet must be started for this signer.
    pub new_sheet: bool,
}

/// The open sheet of this desk for a region, as (id, number, lines used).
fn open_sheet(
    conn: &Connection,
    desk: &str,
    region: &str,
    country: &str,
) -> rusqlite::Result<Option<(i64, u32, u32)>> {
    conn.prepare_cached(
        "SELECT id, number, lines_used FROM sheets
         WHERE desk = ?1 AND region_code = ?2 AND abroad_country = ?3 AND closed_at IS NULL
         ORDER BY number LIMIT 1",
    )?
    .query_row(params![desk, region, country], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })
    .optional()
}

/// The next free sheet number of this point (sheets opened here or imported with its name).
fn next_sheet_number(conn: &Connection, origin: &str) -> rusqlite::Result<u32> {
    let opened: u32 = conn
        .prepare_cached("SELECT COALESCE(MAX(number), 0) FROM sheets")?
        .query_row([], |r| r.get(0))?;
    let used: u32 = conn
        .prepare_cached("SELECT COALESCE(MAX(sheet), 0) FROM entries WHERE origin = ?1")?
        .query_row([origin], |r| r.get(0))?;
    Ok(opened.max(used) + 1)
}

/// The highest line of sheet `number` of this point that an entry holds (0 when none).
fn last_line_taken(conn: &Connection, origin: &str, number: u32) -> rusqlite::Result<u32> {
    conn.prepare_cached(
        "SELECT COALESCE(MAX(line), 0) FROM entries WHERE origin = ?1 AND sheet = ?2",
    )?
    .query_row(params![origin, number], |r| r.get(0))
}

/// Takes the next line for a region inside the caller's write transaction; opens a new sheet
/// when none is open or the open one is full, and closes a sheet when its last line is taken.
pub(super) fn take_line(
    conn: &Connection,
    origin: &str,
    desk: &str,
    region: &str,
    country: &str,
    lines_per_sheet: u32,
    now: DateTime<Utc>,
) -> rusqlite::Result<(u32, u32)> {
    let at = super::values::time_text(now);
    // Lines of the open sheet may already be taken by entries imported from another file of
    // this point (a desk that worked standalone numbers its sheets the same way): skip them.
    let open = match open_sheet(conn, desk, region, country)? {
        Some((id, number, used)) => {
            let taken = last_line_taken(conn, origin, number)?;
            Some((id, number, used.max(taken)))
        }
        None => None,
    };
    let (id, number, used) = match open {
        Some((id, number, used)) if used < lines_per_sheet => (id, number, used),
        other => {
            if let Some((full_id, _, _)) = other {
                conn.prepare_cached("UPDATE sheets SET closed_at = ?1 WHERE id = ?2")?
                    .execute(params![at, full_id])?;
            }
            let number = next_sheet_number(conn, origin)?;
            conn.prepare_cached(
                "INSERT INTO sheets(number, region_code, abroad_country, desk, opened_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![number, region, country, desk, at, origin])?;
            (conn.last_insert_rowid(), number, 0)
        }
    };
    let line = used + 1;
    // `closed_at` is written only when the sheet fills: setting it, even to NULL again,
    // would rewrite the open-sheets index at every save.
    if line >= lines_per_sheet {
        conn.prepare_cached("UPDATE sheets SET lines_used = ?1, closed_at = ?2 WHERE id = ?3")?
            .execute(params![line, at, id])?;
    } else {
        conn.prepare_cached("UPDATE sheets SET lines_used = ?1 WHERE id = ?2")?
            .execute(params![line, id])?;
    }
    Ok((number, line))
}

impl super::Store {
    /// The sheet and line the next signer of `region` would get at `desk` (no write).
    pub fn sheet_preview(
        &self,
        desk: &str,
        region: &str,
        country: &str,
    ) -> Result<SheetPreview, StoreError> {
        let campaign = self.campaign()?;
        let open = match open_sheet(&self.conn, desk, region, country)? {
            Some((id, number, used)) => {
                let taken = last_line_taken(&self.conn, &campaign.point, number)?;
                Some((id, number, used.max(taken)))
            }
            None => None,
        };
        match open {
            Some((_, number, used)) if used < campaign.lines_per_sheet => Ok(SheetPreview {
                sheet: number,
                line: used + 1,
                new_sheet: false,
            }),
            _ => Ok(SheetPreview {
                sheet: next_sheet_number(&self.conn, &campaign.point)?,
                line: 1,
                new_sheet: true,
            }),
        }
    }
}
