//! Consistency of a database file: SQLite's own check and the paper-sheet counters, for
//! crash tests and for a lead who wants to know the file is sound.

use super::{Store, StoreError};
use crate::domain::Sheet;

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
    /// Entries (valid or voided) on the sheet, of the point that opened it.
    pub entries: u32,
    /// Whether the sheet is closed (full).
    pub closed: bool,
}

impl Store {
    /// `PRAGMA integrity_check`: `["ok"]` when the file is sound, else what SQLite found.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        self.rows("PRAGMA integrity_check", [], |r| r.get(0))
    }

    /// Every sheet opened in this database, by number, with its counter and its entries
    /// (read as [`Store::sheets`] reads them).
    pub fn sheet_fill(&self) -> Result<Vec<SheetFill>, StoreError> {
        let fill = |sheet: Sheet| SheetFill {
            number: sheet.number,
            desk: sheet.desk,
            region_code: sheet.region_code,
            lines_used: sheet.lines_used,
            entries: sheet.valid_lines + sheet.voided_lines,
            closed: sheet.closed_at.is_some(),
        };
        Ok(self.sheets()?.into_iter().map(fill).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{NewEntry, RegionCatalog, fixtures};
    use crate::store::Actor;
    use chrono::Utc;

    /// A checked Moscow signer whose passport number is `n`.
    fn moscow_signer(n: u32) -> NewEntry {
        let number = format!("{:06}", 100_000 + n);
        fixtures::moscow_signer(number, "г. Москва, ул. Тверская, д. 1", 22)
    }

    #[test]
    fn a_full_sheet_is_closed_and_counted_and_the_next_one_is_open() {
        let dir = tempfile::tempdir().expect("temp dir");
        let regions = RegionCatalog::embedded().expect("catalogue");
        let mut store = Store::open(&dir.path().join("s.db"), &regions).expect("open");
        assert_eq!(store.integrity_check().expect("check"), ["ok"]);
        let actor = Actor {
            desk: "desk-1".into(),
            operator: "Anna".into(),
        };
        // 12 Moscow signers fill one sheet of 10 lines and start the next.
        for n in 0..12 {
            let entry = moscow_signer(n);
            store
                .save_entry(&entry, &actor, None, Utc::now())
                .expect("save");
        }
        let fill = store.sheet_fill().expect("sheets");
        let summary: Vec<(u32, &str, u32, u32, bool)> = fill
            .iter()
            .map(|s| {
                (
                    s.number,
                    s.region_code.as_str(),
                    s.lines_used,
                    s.entries,
                    s.closed,
                )
            })
            .collect();
        assert_eq!(summary, [(1, "77", 10, 10, true), (2, "77", 2, 2, false)]);
        assert!(fill.iter().all(|s| s.desk == "desk-1"));
        assert_eq!(store.integrity_check().expect("check"), ["ok"]);
    }
}
