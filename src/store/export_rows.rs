//! The export's hot path: every entry as the text of its CSV columns, straight from
//! SQLite, without building entries.

use super::{Store, StoreError};
use crate::domain::Column;
use crate::domain::columns::CSV_WIDTH;

/// The SQL of the export: one row per entry in paper order (point, sheet, line: the
/// unique index, so no sort), the CSV columns of DESIGN.md §9
/// in header order, every value as text: the region's name from the catalogue, the sheet
/// and line cast, every other column stored as text already (the benches run the same query through the
/// `sqlite3` shell as the export's baseline).
pub fn export_query(include_voided: bool) -> String {
    let select: Vec<String> = Column::exported()
        .map(|column| match column {
            Column::Region => "COALESCE(r.name_ru, '') AS region".to_string(),
            Column::Sheet | Column::Line => {
                format!("CAST(e.{0} AS TEXT) AS {0}", column.name())
            }
            text => format!("e.{}", text.name()),
        })
        .collect();
    let filter = if include_voided {
        ""
    } else {
        "WHERE e.status = 'valid'"
    };
    format!(
        "SELECT {} FROM entries e LEFT JOIN regions r ON r.code = e.region_code {filter} ORDER BY e.origin, e.sheet, e.line",
        select.join(", ")
    )
}

impl Store {
    /// Streams every entry as the text of its CSV columns, in header order
    /// ([`Column::exported`]); returns the number of rows.
    pub fn for_each_export_row(
        &self,
        include_voided: bool,
        mut visit: impl FnMut(&[&[u8]; CSV_WIDTH]) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        let mut stmt = self.conn.prepare(&export_query(include_voided))?;
        let mut rows = stmt.query([])?;
        let mut count = 0;
        while let Some(r) = rows.next()? {
            let mut fields: [&[u8]; CSV_WIDTH] = [b""; CSV_WIDTH];
            for (i, field) in fields.iter_mut().enumerate() {
                *field = match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Text(t) => t,
                    _ => b"",
                };
            }
            visit(&fields)?;
            count += 1;
        }
        Ok(count)
    }
}
