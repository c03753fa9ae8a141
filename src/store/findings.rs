//! `check`'s findings written to a scratch database as they are found, then read back
//! grouped by rule code in check order: the report's memory does not grow with the number
//! of defects.

use super::scratch::{SCRATCH, ScratchFile};
use super::{Store, StoreError};
use crate::domain::{Defect, Severity};
use rusqlite::{Connection, Statement, params};
use std::sync::LazyLock;

static FINDINGS_SCHEMA: LazyLock<String> = LazyLock::new(|| {
    format!(
        "CREATE TABLE {SCRATCH}.findings (code TEXT NOT NULL, ord INTEGER NOT NULL,
             entry_id TEXT, origin TEXT NOT NULL, sheet INTEGER NOT NULL, line INTEGER,
             desk TEXT NOT NULL, error INTEGER NOT NULL, message TEXT NOT NULL,
             PRIMARY KEY (code, ord)) WITHOUT ROWID;"
    )
});

/// The findings of one `check` run, in a scratch file removed when this is dropped.
pub struct FindingLog<'s> {
    conn: &'s Connection,
    file: Option<ScratchFile>,
    /// The insert of [`FindingLog::push`], prepared once (it runs once per finding).
    insert: Option<Statement<'s>>,
}

impl Store {
    /// A new, empty finding log beside this database (encrypted when it is). Until it is
    /// dropped, this connection reads one snapshot of the database.
    pub fn finding_log(&self) -> Result<FindingLog<'_>, StoreError> {
        let file = ScratchFile::attach(&self.conn, &self.path, &self.key, &FINDINGS_SCHEMA)?;
        let mut log = FindingLog {
            conn: &self.conn,
            file: Some(file),
            insert: None,
        };
        // One read snapshot for the whole check, and the findings written in one go.
        self.conn.execute_batch("BEGIN")?;
        log.insert = Some(self.conn.prepare(&format!(
            "INSERT INTO {SCRATCH}.findings
             (code, ord, entry_id, origin, sheet, line, desk, error, message)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        ))?);
        Ok(log)
    }
}

impl FindingLog<'_> {
    /// Writes one defect of rule `code`; `ord` places it among the defects of its code
    /// (each (code, ord) once).
    pub fn push(&mut self, code: &str, ord: i64, d: &Defect) -> Result<(), StoreError> {
        let Some(insert) = self.insert.as_mut() else {
            return Err(StoreError::Damaged("the finding log is closed".into()));
        };
        insert.execute(params![
            code,
            ord,
            d.entry_id,
            d.origin,
            d.sheet,
            d.line,
            d.desk,
            d.severity == Severity::Error,
            d.message
        ])?;
        Ok(())
    }

    /// Every defect written, by code, then by `ord`.
    pub fn for_each<E: From<StoreError>>(
        &mut self,
        mut visit: impl FnMut(&str, Defect) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = format!(
            "SELECT code, entry_id, origin, sheet, line, desk, error, message
             FROM {SCRATCH}.findings ORDER BY code, ord"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let code: String = r.get(0).map_err(StoreError::from)?;
            let read = || -> rusqlite::Result<Defect> {
                Ok(Defect {
                    entry_id: r.get(1)?,
                    origin: r.get(2)?,
                    sheet: r.get(3)?,
                    line: r.get(4)?,
                    desk: r.get(5)?,
                    severity: if r.get(6)? {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    message: r.get(7)?,
                })
            };
            let defect = read().map_err(StoreError::from)?;
            visit(&code, defect)?;
        }
        Ok(())
    }
}

impl Drop for FindingLog<'_> {
    /// Ends the snapshot and removes the scratch file.
    fn drop(&mut self) {
        // A statement left open on the scratch file would keep it from detaching.
        self.insert = None;
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        if let Some(file) = self.file.take() {
            let _ = file.detach(self.conn);
        }
    }
}
