//! Reading sheets with their fill counts, closing them and writing the certification.

use super::events::{Actor, append};
use super::values::{damaged, optional_time_col, parse_date, time_col, time_text};
use super::{Store, StoreError};
use crate::domain::certify::{CertifyProblem, certification_problems};
use crate::domain::{Certification, LineDate, Sheet};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::json;

/// What `close_sheet` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CloseOutcome {
    /// The sheet is closed now.
    Closed,
    /// It was closed already, at that time.
    AlreadyClosed(DateTime<Utc>),
    /// No sheet has that number.
    NoSuchSheet,
}

/// What `certify_sheet` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertifyOutcome {
    /// The certification is stored; the sheet as it is now.
    Certified(Box<Sheet>),
    /// Refused; nothing written. Every reason is listed.
    Refused(Vec<CertifyProblem>),
    /// It is certified already (a certification is written on paper once).
    AlreadyCertified(Certification),
    /// No sheet has that number.
    NoSuchSheet,
}

/// The columns `sheet_from_row` reads: the sheet, then its valid/voided counts and the
/// line with the latest signing date among valid lines.
const SHEET_SELECT: &str = "SELECT s.number, s.origin, s.region_code, s.abroad_country, s.desk,
        s.opened_at, s.closed_at, s.lines_used, s.certified_on, s.collector,
        (SELECT COUNT(*) FROM entries e
          WHERE e.origin = s.origin AND e.sheet = s.number AND e.status = 'valid'),
        (SELECT COUNT(*) FROM entries e
          WHERE e.origin = s.origin AND e.sheet = s.number AND e.status = 'voided'),
        (SELECT e.line || ' ' || e.signed_on FROM entries e
          WHERE e.origin = s.origin AND e.sheet = s.number AND e.status = 'valid'
          ORDER BY e.signed_on DESC, e.line LIMIT 1)
     FROM sheets s";

/// Reads one row selected with [`SHEET_SELECT`].
fn sheet_from_row(r: &Row) -> rusqlite::Result<Sheet> {
    let certified_on: Option<String> = r.get(8)?;
    let collector: Option<String> = r.get(9)?;
    let latest: Option<String> = r.get(12)?;
    let latest_signature = match latest {
        None => None,
        Some(text) => {
            let (line, day) = text.split_once(' ').ok_or_else(|| damaged("line", &text))?;
            Some(LineDate {
                line: line.parse().map_err(|_| damaged("line", &text))?,
                signed_on: parse_date(day)?,
            })
        }
    };
    let certification = match certified_on {
        None => None,
        Some(on) => Some(Certification {
            collector: collector.unwrap_or_default(),
            on: parse_date(&on)?,
        }),
    };
    Ok(Sheet {
        number: r.get(0)?,
        origin: r.get(1)?,
        region_code: r.get(2)?,
        abroad_country: r.get(3)?,
        desk: r.get(4)?,
        opened_at: time_col(r, 5)?,
        closed_at: optional_time_col(r, 6)?,
        lines_used: r.get(7)?,
        valid_lines: r.get(10)?,
        voided_lines: r.get(11)?,
        latest_signature,
        certification,
    })
}

fn get_sheet(conn: &Connection, number: u32) -> rusqlite::Result<Option<Sheet>> {
    conn.prepare_cached(&format!("{SHEET_SELECT} WHERE s.number = ?1"))?
        .query_row([number], sheet_from_row)
        .optional()
}

impl Store {
    /// Every sheet opened in this database, by number, with its line counts.
    pub fn sheets(&self) -> Result<Vec<Sheet>, StoreError> {
        self.rows(
            &format!("{SHEET_SELECT} ORDER BY s.number"),
            [],
            sheet_from_row,
        )
    }

    /// The sheets numbered above `number`, by number, with their line counts: the sheets
    /// opened since `number` was the last (numbers only grow), without reading older ones.
    pub fn sheets_after(&self, number: u32) -> Result<Vec<Sheet>, StoreError> {
        self.rows(
            &format!("{SHEET_SELECT} WHERE s.number > ?1 ORDER BY s.number"),
            [number],
            sheet_from_row,
        )
    }

    /// How many sheets were opened in this database.
    pub fn sheet_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM sheets", [], |r| r.get::<_, i64>(0))
            .map(|n| u64::try_from(n).unwrap_or(0))?)
    }

    /// The highest sheet number used (0 before the first sheet).
    pub fn last_sheet_number(&self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(number), 0) FROM sheets", [], |r| {
                r.get(0)
            })?)
    }

    /// Calls `visit` with every sheet, by number, streaming (`check` on a big database).
    pub fn for_each_sheet(
        &self,
        mut visit: impl FnMut(Sheet) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SHEET_SELECT} ORDER BY s.number"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            visit(sheet_from_row(r)?)?;
        }
        Ok(())
    }

    /// One sheet by number.
    pub fn sheet(&self, number: u32) -> Result<Option<Sheet>, StoreError> {
        Ok(get_sheet(&self.conn, number)?)
    }

    /// Closes a sheet by hand (the desk's next signer of that region starts a new one).
    pub fn close_sheet(
        &mut self,
        number: u32,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<CloseOutcome, StoreError> {
        self.change_sheet(number, CloseOutcome::NoSuchSheet, |tx, sheet| {
            if let Some(at) = sheet.closed_at {
                return Ok(CloseOutcome::AlreadyClosed(at));
            }
            tx.execute(
                "UPDATE sheets SET closed_at = ?1 WHERE number = ?2",
                params![time_text(now), number],
            )?;
            let details = json!({"sheet": number});
            append(tx, now, actor, "sheet_close", None, &details)?;
            Ok(CloseOutcome::Closed)
        })
    }

    /// Closes every open sheet (end of the day); returns their numbers.
    pub fn close_open_sheets(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<u32>, StoreError> {
        let tx = self.write()?;
        let closed: Vec<u32> = tx
            .prepare("UPDATE sheets SET closed_at = ?1 WHERE closed_at IS NULL RETURNING number")?
            .query_map([time_text(now)], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut sorted = closed;
        sorted.sort_unstable();
        for number in &sorted {
            append(
                &tx,
                now,
                actor,
                "sheet_close",
                None,
                &json!({"sheet": number, "all_open": true}),
            )?;
        }
        tx.commit()?;
        Ok(sorted)
    }

    /// Writes the collector's certification of a closed sheet after the rules of
    /// [`certification_problems`] pass, checked inside the write transaction so no edit
    /// slips in between. `today` is the point's local date (for the future-date rule).
    pub fn certify_sheet(
        &mut self,
        number: u32,
        collector_name: &str,
        date: NaiveDate,
        today: NaiveDate,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<CertifyOutcome, StoreError> {
        self.change_sheet(number, CertifyOutcome::NoSuchSheet, |tx, sheet| {
            if let Some(done) = sheet.certification {
                return Ok(CertifyOutcome::AlreadyCertified(done));
            }
            let collector = super::collectors::find_collector(tx, collector_name)?;
            let problems =
                certification_problems(&sheet, collector_name, collector.as_ref(), date, today);
            if !problems.is_empty() {
                return Ok(CertifyOutcome::Refused(problems));
            }
            let name = collector.map(|c| c.name).unwrap_or_default();
            tx.execute(
                "UPDATE sheets SET certified_on = ?1, collector = ?2 WHERE number = ?3",
                params![date.to_string(), name, number],
            )?;
            let details =
                json!({"sheet": number, "collector": name, "certified_on": date.to_string()});
            append(tx, now, actor, "sheet_certify", None, &details)?;
            let certified = get_sheet(tx, number)?
                .ok_or_else(|| StoreError::Damaged(format!("sheet {number} vanished")))?;
            Ok(CertifyOutcome::Certified(Box::new(certified)))
        })
    }

    /// Runs `change` on sheet `number` inside one write and commits what it did; gives
    /// `missing` when no sheet has that number.
    fn change_sheet<T>(
        &mut self,
        number: u32,
        missing: T,
        change: impl FnOnce(&Connection, Sheet) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self.write()?;
        let Some(sheet) = get_sheet(&tx, number)? else {
            return Ok(missing);
        };
        let outcome = change(&tx, sheet)?;
        tx.commit()?;
        Ok(outcome)
    }
}
