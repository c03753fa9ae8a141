//! An import's rows staged in a scratch database while the file streams through the checks,
//! so memory does not grow with the file: the checks of one row against the rows before it
//! in the file read the scratch tables' indexes, and the last step copies every accepted
//! row into `entries` in one transaction, or nothing.

use super::entry_rows::{ColumnsAt, ENTRY_COLUMNS, stored_value};
use super::events::Actor;
use super::scratch::{SCRATCH, ScratchFile};
use super::{Store, StoreError};
use crate::domain::{Column, DocKind, Entry, EntrySummary};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::ToSqlOutput;
use rusqlite::{ErrorCode, OptionalExtension, params};
use std::sync::LazyLock;

/// Rows staged per scratch transaction.
const STAGE_BATCH: usize = 4096;
/// Rows copied into `entries` by one statement (and between two progress reports). Each
/// statement keeps the first image of every page it changes in an in-memory statement
/// journal, and each row changes a leaf of every index at random: 16,384 rows held 61 MiB
/// there, 512 rows hold about 2 MiB.
const COPY_CHUNK: i64 = 512;
/// Page cache of the store's own connection while an import runs, KiB.
const IMPORT_CACHE_KIB: i64 = 8 * 1024;
/// The store connection's usual page cache, KiB (see `configure`).
const USUAL_CACHE_KIB: i64 = 32 * 1024;

/// The staged rows (`n` is the row's place in the file; `accepted` 0 for a row rejected
/// after its id, and maybe its line, were read) with the document and the folded person
/// key the later rows are compared with; the rejected rows with their reasons.
static STAGE_SCHEMA: LazyLock<String> = LazyLock::new(|| {
    format!(
        "CREATE TABLE {SCRATCH}.staged (n INTEGER PRIMARY KEY, accepted INTEGER NOT NULL,
             dk, ds, dn, ps, pg, pp, pb, {cols});
         CREATE UNIQUE INDEX {SCRATCH}.staged_id ON staged(id);
         CREATE INDEX {SCRATCH}.staged_line ON staged(origin, sheet, line);
         CREATE INDEX {SCRATCH}.staged_document ON staged(dk, ds, dn) WHERE dk IS NOT NULL;
         CREATE INDEX {SCRATCH}.staged_person ON staged(ps, pg, pb, pp, n) WHERE ps IS NOT NULL;
         CREATE TABLE {SCRATCH}.rejects (k INTEGER PRIMARY KEY, n INTEGER, cells TEXT NOT NULL,
             reason TEXT NOT NULL);
         CREATE INDEX {SCRATCH}.rejects_n ON rejects(n) WHERE n IS NOT NULL;",
        cols = *ENTRY_COLUMNS
    )
});

/// The insert of one accepted row: `?1` n, `?2`–`?8` the keys, then the stored columns.
static STAGE_ENTRY: LazyLock<String> = LazyLock::new(|| {
    let places: Vec<String> = (9..9 + Column::stored().count())
        .map(|i| format!("?{i}"))
        .collect();
    format!(
        "INSERT INTO {SCRATCH}.staged(n, accepted, dk, ds, dn, ps, pg, pp, pb, {}) \
         VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, {})",
        *ENTRY_COLUMNS,
        places.join(", ")
    )
});

/// The copy of the accepted rows `?1..=?2` that no reject, and no entry already stored,
/// holds back.
static COPY_STAGED: LazyLock<String> = LazyLock::new(|| {
    let cols = &*ENTRY_COLUMNS;
    format!(
        "INSERT INTO main.entries({cols}) SELECT {cols} FROM {SCRATCH}.staged s
         WHERE s.n BETWEEN ?1 AND ?2 AND s.accepted = 1
           AND NOT EXISTS (SELECT 1 FROM {SCRATCH}.rejects r WHERE r.n = s.n)
           AND NOT EXISTS (SELECT 1 FROM main.entries e WHERE e.id = s.id)
         ORDER BY s.n"
    )
});

/// A person as `dup.person` compares people: names with `ё` read as `е`, birth date.
pub type FoldedPerson = (String, String, String, NaiveDate);

/// A document as the duplicate check compares documents: kind, series, number.
pub type DocumentKey = (DocKind, String, String);

/// An import in progress: rows staged in a scratch database beside the store. Dropping it
/// without [`ImportStage::commit`] leaves the store as it was; either way the scratch file
/// is removed.
pub struct ImportStage<'s> {
    store: &'s mut Store,
    file: Option<ScratchFile>,
    in_batch: usize,
    last_n: i64,
}

impl Store {
    /// Starts an import: attaches a scratch database (encrypted when this store is) and
    /// keeps the page cache at 8 MiB while the import runs.
    pub fn stage_import(&mut self) -> Result<ImportStage<'_>, StoreError> {
        let file = ScratchFile::attach(&self.conn, &self.path, &self.key, &STAGE_SCHEMA)?;
        let stage = ImportStage {
            store: self,
            file: Some(file),
            in_batch: 0,
            last_n: 0,
        };
        stage
            .store
            .conn
            .execute_batch(&format!("PRAGMA main.cache_size=-{IMPORT_CACHE_KIB}"))?;
        Ok(stage)
    }
}

impl ImportStage<'_> {
    /// The store being imported into, for its lookups.
    pub fn store(&self) -> &Store {
        self.store
    }

    /// Whether an earlier row of the file had this id.
    pub fn has_id(&self, id: &str) -> Result<bool, StoreError> {
        self.exists(
            &format!("SELECT 1 FROM {SCRATCH}.staged WHERE id = ?1"),
            [id],
        )
    }

    /// Whether an earlier row of the file took this paper line.
    pub fn line_used(&self, origin: &str, sheet: u32, line: u32) -> Result<bool, StoreError> {
        self.exists(
            &format!(
                "SELECT 1 FROM {SCRATCH}.staged WHERE origin = ?1 AND sheet = ?2 AND line = ?3"
            ),
            params![origin, sheet, line],
        )
    }

    fn exists(&self, sql: &str, p: impl rusqlite::Params) -> Result<bool, StoreError> {
        Ok(self
            .store
            .conn
            .prepare_cached(sql)?
            .query_row(p, |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The accepted earlier row of the file with this document.
    pub fn document(&self, key: &DocumentKey) -> Result<Option<EntrySummary>, StoreError> {
        self.summary(
            &format!(
                "SELECT id, origin, sheet, line, desk, entered_at FROM {SCRATCH}.staged
                 WHERE dk = ?1 AND ds = ?2 AND dn = ?3 LIMIT 1"
            ),
            params![key.0.as_str(), key.1, key.2],
        )
    }

    /// The first accepted earlier row of the file of this person.
    pub fn person(&self, key: &FoldedPerson) -> Result<Option<EntrySummary>, StoreError> {
        self.summary(
            &format!(
                "SELECT id, origin, sheet, line, desk, entered_at FROM {SCRATCH}.staged
                 WHERE ps = ?1 AND pg = ?2 AND pb = ?3 AND pp = ?4 ORDER BY n LIMIT 1"
            ),
            params![key.0, key.1, key.3.to_string(), key.2],
        )
    }

    fn summary(
        &self,
        sql: &str,
        p: impl rusqlite::Params,
    ) -> Result<Option<EntrySummary>, StoreError> {
        let mut stmt = self.store.conn.prepare_cached(sql)?;
        let at = ColumnsAt::of(&stmt);
        Ok(stmt.query_row(p, |r| at.summary(r)).optional()?)
    }

    /// Stages an accepted row (`n`: its place in the file) with the keys later rows are
    /// compared with.
    pub fn stage_entry(
        &mut self,
        n: i64,
        e: &Entry,
        document: Option<&DocumentKey>,
        person: Option<&FoldedPerson>,
    ) -> Result<(), StoreError> {
        self.begin_batch()?;
        let keys: [ToSqlOutput<'_>; 8] = [
            n.into(),
            opt(document.map(|d| d.0.as_str())),
            opt(document.map(|d| d.1.as_str())),
            opt(document.map(|d| d.2.as_str())),
            opt(person.map(|p| p.0.as_str())),
            opt(person.map(|p| p.1.as_str())),
            opt(person.map(|p| p.2.as_str())),
            person.map_or(ToSqlOutput::Owned(rusqlite::types::Value::Null), |p| {
                ToSqlOutput::Owned(p.3.to_string().into())
            }),
        ];
        let values = keys
            .into_iter()
            .chain(Column::stored().map(|c| stored_value(e, c)));
        self.store
            .conn
            .prepare_cached(&STAGE_ENTRY)?
            .execute(rusqlite::params_from_iter(values))?;
        self.last_n = self.last_n.max(n);
        Ok(())
    }

    /// Stages the id (and the paper line, when it was read) of a row rejected after them,
    /// so a later row with the same id or line is refused as before.
    pub fn stage_seen(
        &mut self,
        n: i64,
        id: &str,
        line: Option<(&str, u32, u32)>,
    ) -> Result<(), StoreError> {
        self.begin_batch()?;
        let (origin, sheet, number) =
            line.map_or((None, None, None), |(o, s, l)| (Some(o), Some(s), Some(l)));
        self.store
            .conn
            .prepare_cached(&format!(
                "INSERT INTO {SCRATCH}.staged(n, accepted, id, origin, sheet, line)
                 VALUES (?1, 0, ?2, ?3, ?4, ?5)"
            ))?
            .execute(params![n, id, origin, sheet, number])?;
        Ok(())
    }

    /// Records a rejected row with its reason; `n` is set when the row was staged as
    /// accepted first (HQ refused it later), so it is not copied.
    pub fn reject(
        &mut self,
        n: Option<i64>,
        cells: &[&str],
        reason: &str,
    ) -> Result<(), StoreError> {
        self.begin_batch()?;
        let cells = serde_json::to_string(cells)
            .map_err(|e| StoreError::Damaged(format!("import row: {e}")))?;
        self.store
            .conn
            .prepare_cached(&format!(
                "INSERT INTO {SCRATCH}.rejects(n, cells, reason) VALUES (?1, ?2, ?3)"
            ))?
            .execute(params![n, cells, reason])?;
        Ok(())
    }

    /// Every rejected row, in the order rejected: its cells and the reason.
    pub fn for_each_reject<E: From<StoreError>>(
        &mut self,
        mut visit: impl FnMut(Vec<String>, &str) -> Result<(), E>,
    ) -> Result<(), E> {
        self.end_batch()?;
        let sql = format!("SELECT cells, reason FROM {SCRATCH}.rejects ORDER BY k");
        let mut stmt = self.store.conn.prepare(&sql).map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let cells: String = r.get(0).map_err(StoreError::from)?;
            let reason: String = r.get(1).map_err(StoreError::from)?;
            let cells: Vec<String> = serde_json::from_str(&cells)
                .map_err(|e| StoreError::Damaged(format!("staged import row: {e}")))?;
            visit(cells, &reason)?;
        }
        Ok(())
    }

    /// Copies every accepted row into `entries` and writes the `import` event, in one
    /// `BEGIN IMMEDIATE` transaction; rows whose id another process stored meanwhile are
    /// skipped, a document another desk saved meanwhile fails the whole import with
    /// [`StoreError::DuplicateDocument`]. Returns how many rows were added.
    pub fn commit(
        mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        source: &str,
        accepted: usize,
        rows_done: &mut dyn FnMut(u64),
    ) -> Result<usize, StoreError> {
        self.end_batch()?;
        let last = self.last_n;
        let tx = self.store.write()?;
        let mut added = 0;
        let mut from = 1;
        while from <= last {
            let to = from + COPY_CHUNK - 1;
            match tx.prepare_cached(&COPY_STAGED)?.execute(params![from, to]) {
                Ok(n) => added += n,
                Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
                    return Err(match clash(&tx)? {
                        Some(first) => StoreError::DuplicateDocument(first),
                        None => e.into(),
                    });
                }
                Err(e) => return Err(e.into()),
            }
            rows_done(u64::try_from(to.min(last)).unwrap_or(0));
            from = to + 1;
        }
        super::entries::log_import(&tx, now, actor, source, added, accepted)?;
        tx.commit()?;
        Ok(added)
    }

    fn begin_batch(&mut self) -> Result<(), StoreError> {
        if self.in_batch == 0 {
            self.store.conn.execute_batch("BEGIN")?;
        }
        self.in_batch += 1;
        if self.in_batch >= STAGE_BATCH {
            self.store.conn.execute_batch("COMMIT; BEGIN")?;
            self.in_batch = 1;
        }
        Ok(())
    }

    fn end_batch(&mut self) -> Result<(), StoreError> {
        if self.in_batch > 0 {
            self.in_batch = 0;
            self.store.conn.execute_batch("COMMIT")?;
        }
        Ok(())
    }
}

impl Drop for ImportStage<'_> {
    /// Leaves nothing behind: the staging transaction rolled back, the scratch file
    /// detached and removed, the usual page cache back.
    fn drop(&mut self) {
        let conn = &self.store.conn;
        if !conn.is_autocommit() {
            let _ = conn.execute_batch("ROLLBACK");
        }
        if let Some(file) = self.file.take() {
            let _ = file.detach(conn);
        }
        let _ = conn.execute_batch(&format!("PRAGMA main.cache_size=-{USUAL_CACHE_KIB}"));
    }
}

fn opt(text: Option<&str>) -> ToSqlOutput<'_> {
    text.map_or(ToSqlOutput::Owned(rusqlite::types::Value::Null), Into::into)
}

/// The stored valid entry whose document a staged row repeats.
fn clash(conn: &rusqlite::Connection) -> Result<Option<EntrySummary>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT e.id, e.origin, e.sheet, e.line, e.desk, e.entered_at
         FROM {SCRATCH}.staged s JOIN main.entries e
           ON e.doc_kind = s.doc_kind AND e.doc_series = s.doc_series
          AND e.doc_number = s.doc_number AND e.status = 'valid'
         WHERE s.accepted = 1 AND s.status = 'valid' AND e.id <> s.id LIMIT 1"
    ))?;
    let at = ColumnsAt::of(&stmt);
    Ok(stmt.query_row([], |r| at.summary(r)).optional()?)
}
