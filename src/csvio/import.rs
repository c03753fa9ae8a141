//! Import: every row through the same checks as the form; all or nothing unless
//! `--skip-bad`; ids already present are skipped, so importing twice adds nothing.

use super::CsvError;
use super::import_file::{malformed, open_csv, write_rejects};
use super::import_row::{Columns, RowFrame, voided_entry};
use crate::domain::checks::{CheckContext, check_entry, lookup_keys, same_person_key};
use crate::domain::{Campaign, Column, Entry, EntryDraft, EntryStatus, RegionCatalog, Severity};
use crate::i18n::{HqText, Lang};
use crate::ops::hq::{ImportScreen, Screened};
use crate::progress::{Phase, Progress, Silent};
use crate::store::{Actor, ImportStage, Store};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use std::path::Path;

/// Largest file imported at once; larger ones must be split.
pub const MAX_IMPORT_BYTES: u64 = 1 << 30;

/// How to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Import good rows and write bad ones to the rejects file.
    pub skip_bad: bool,
    /// Field delimiter; `None` detects `,` or `;` from the header.
    pub delimiter: Option<u8>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Data rows read.
    pub rows: usize,
    /// Rows added to the database.
    pub added: usize,
    /// Rows whose id was already present.
    pub already_present: usize,
    /// Rows rejected (written to the rejects file with `--skip-bad`).
    pub rejected: usize,
    /// Rows accepted with warnings.
    pub with_warnings: usize,
    /// Valid rows the campaign HQ could not be asked about (it did not answer).
    pub hq_unchecked: usize,
}

/// Everything an import needs besides the file.
pub struct ImportContext<'a> {
    /// Language of the rejection reasons.
    pub lang: Lang,
    /// Today at the collection point.
    pub today: NaiveDate,
    /// Now, for the audit event.
    pub now: DateTime<Utc>,
    /// Region catalogue.
    pub regions: &'a RegionCatalog,
    /// Who imports.
    pub actor: &'a Actor,
}

/// Imports a sigdesk CSV into the store.
pub fn import(
    store: &mut Store,
    path: &Path,
    options: ImportOptions,
    ctx: &ImportContext<'_>,
) -> Result<ImportReport, CsvError> {
    import_with_progress(store, path, options, ctx, &mut Silent)
}

/// Rows between two progress updates.
const PROGRESS_EVERY: usize = 256;

/// [`import`], telling `progress` how many bytes are checked, then how many rows saved.
pub fn import_with_progress(
    store: &mut Store,
    path: &Path,
    options: ImportOptions,
    ctx: &ImportContext<'_>,
    progress: &mut dyn Progress,
) -> Result<ImportReport, CsvError> {
    let size = std::fs::metadata(path)
        .map_err(|e| CsvError::io(path, e))?
        .len();
    if size > MAX_IMPORT_BYTES {
        return Err(CsvError::TooLarge {
            path: path.display().to_string(),
            size_mib: size >> 20,
            limit_mib: MAX_IMPORT_BYTES >> 20,
        });
    }
    let (text, delimiter) = open_csv(path, options.delimiter)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .from_reader(text);
    let header = reader.headers().map_err(|e| malformed(path, &e))?.clone();
    let columns = Columns::from_header(&header, path)?;
    let campaign = store.campaign()?;
    let mut hq = ImportScreen::for_point(store)?;
    let mut stage = store.stage_import()?;
    let mut validator = RowValidator::new(stage.store(), &campaign, ctx)?;
    let mut tally = Tally::default();
    let mut record = csv::StringRecord::new();
    progress.start(Phase::ImportCheck, size);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(malformed(path, &e)),
        }
        tally.report.rows += 1;
        let n = tally.report.rows as i64;
        if tally.report.rows % PROGRESS_EVERY == 0 {
            progress.advance(reader.position().byte());
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        match validator.validate(&mut stage, n, &columns, &record)? {
            RowVerdict::Present => tally.report.already_present += 1,
            RowVerdict::Accepted { entry, warnings } => match hq.as_mut() {
                Some(screen) if entry.status == EntryStatus::Valid => {
                    let held = screen.push(*entry, (record.clone(), line, warnings, n));
                    tally.screened(held, ctx.lang, &mut stage)?;
                }
                _ => tally.accept(warnings),
            },
            RowVerdict::Rejected(reason) => {
                tally.reject(&mut stage, None, &record, format!("line {line}: {reason}"))?
            }
        }
    }
    if let Some(screen) = hq.as_mut() {
        let held = screen.flush();
        tally.screened(held, ctx.lang, &mut stage)?;
        tally.report.hq_unchecked = screen.unchecked;
    }
    progress.finish();
    let mut report = tally.report;
    if let Some(first) = tally.first_reject.filter(|_| !options.skip_bad) {
        return Err(CsvError::Rejected {
            rejected: report.rejected,
            rows: report.rows,
            first,
        });
    }
    if report.rejected > 0 {
        write_rejects(path, &header, &mut stage, delimiter)?;
    }
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    progress.start(Phase::ImportSave, tally.accepted as u64);
    report.added = stage.commit(ctx.actor, ctx.now, &source, tally.accepted, &mut |done| {
        progress.advance(done)
    })?;
    progress.finish();
    Ok(report)
}

/// What the rows came to so far, and how many wait to be copied.
#[derive(Default)]
struct Tally {
    report: ImportReport,
    /// Rows staged to be added (HQ's refusals taken off).
    accepted: usize,
    /// The first rejection, said as the error says it.
    first_reject: Option<String>,
}

impl Tally {
    fn accept(&mut self, warned: bool) {
        self.report.with_warnings += usize::from(warned);
        self.accepted += 1;
    }

    fn reject(
        &mut self,
        stage: &mut ImportStage<'_>,
        n: Option<i64>,
        record: &csv::StringRecord,
        reason: String,
    ) -> Result<(), CsvError> {
        let cells: Vec<&str> = record.iter().collect();
        stage.reject(n, &cells, &reason)?;
        self.report.rejected += 1;
        self.first_reject.get_or_insert(reason);
        Ok(())
    }

    /// Rows HQ screened: kept (a person seen elsewhere is a warning) or rejected as a
    /// duplicate of another point's entry.
    fn screened(
        &mut self,
        screened: Vec<Screened<HeldRow>>,
        lang: Lang,
        stage: &mut ImportStage<'_>,
    ) -> Result<(), CsvError> {
        for row in screened {
            match row {
                Screened::Clear {
                    row: (_, _, warned, _),
                    person,
                    ..
                } => self.accept(warned || person.is_some()),
                Screened::Elsewhere {
                    row: (record, line, _, n),
                    hit,
                    ..
                } => {
                    let reason = lang.t(HqText::ImportElsewhere {
                        point: &hit.point,
                        signed_on: hit.signed_on,
                    });
                    self.reject(stage, Some(n), &record, format!("line {line}: {reason}"))?;
                }
            }
        }
        Ok(())
    }
}

/// A row waiting for HQ: as read, its line, whether it had warnings, its place in the file.
type HeldRow = (csv::StringRecord, u64, bool, i64);

/// What happens to one row.
enum RowVerdict {
    /// Its id is in the database already.
    Present,
    /// It passes; `warnings` tells whether it had any.
    Accepted { entry: Box<Entry>, warnings: bool },
    /// It fails, with the reason for the rejects file.
    Rejected(String),
}

/// Checks rows against the database and against the rows before them in the same file
/// (staged in the scratch database, so memory does not grow with the file).
struct RowValidator<'a> {
    campaign: &'a Campaign,
    ctx: &'a ImportContext<'a>,
    counts: HashMap<String, u32>,
}

impl<'a> RowValidator<'a> {
    fn new(
        store: &Store,
        campaign: &'a Campaign,
        ctx: &'a ImportContext<'a>,
    ) -> Result<Self, CsvError> {
        Ok(RowValidator {
            campaign,
            ctx,
            counts: store.cap_counts()?,
        })
    }

    /// The verdict on row `n` of the file; an accepted row is staged, a row rejected after
    /// its id was read leaves its id (and paper line) staged for the rows after it.
    fn validate(
        &mut self,
        stage: &mut ImportStage<'_>,
        n: i64,
        cols: &Columns,
        row: &csv::StringRecord,
    ) -> Result<RowVerdict, CsvError> {
        if let Some(problem) = cols.problem(row) {
            return Ok(RowVerdict::Rejected(problem));
        }
        let id = cols.get(row, Column::Id).to_string();
        if id.is_empty() || id.len() > 64 {
            return Ok(RowVerdict::Rejected("id must be 1 to 64 characters".into()));
        }
        if stage.store().has_entry(&id)? {
            return Ok(RowVerdict::Present);
        }
        if stage.has_id(&id)? {
            return Ok(RowVerdict::Rejected(format!(
                "id {id} appears twice in the file"
            )));
        }
        let base = match RowFrame::parse(cols, row, id, self.campaign.lines_per_sheet) {
            Ok(base) => base,
            Err(reason) => {
                stage.stage_seen(n, cols.get(row, Column::Id), None)?;
                return Ok(RowVerdict::Rejected(reason));
            }
        };
        let taken = stage
            .store()
            .line_taken(&base.origin, base.sheet, base.line)?
            .is_some()
            || stage.line_used(&base.origin, base.sheet, base.line)?;
        let seen = (base.origin.as_str(), base.sheet, base.line);
        if taken {
            let reason = format!(
                "sheet {} line {} of point {} is already used by another entry",
                base.sheet, base.line, base.origin
            );
            stage.stage_seen(n, &base.id, Some(seen))?;
            return Ok(RowVerdict::Rejected(reason));
        }
        let draft = cols.draft(row, base.doc_kind);
        if base.status == EntryStatus::Voided {
            return self.voided(stage, n, &draft, cols, row, base);
        }
        let keys = lookup_keys(&draft);
        let same_document = match &keys.document {
            Some(k) => match stage.document(k)? {
                Some(s) => Some(s),
                None => stage.store().find_by_document(k.0, &k.1, &k.2)?,
            },
            None => None,
        };
        let person = keys.person.as_ref().map(same_person_key);
        let same_person = match (&keys.person, &person) {
            (Some(p), Some(folded)) => match stage.person(folded)? {
                Some(s) => Some(s),
                None => stage.store().find_same_person(p, keys.document.as_ref())?,
            },
            _ => None,
        };
        let check_ctx = CheckContext {
            today: self.ctx.today,
            campaign: self.campaign,
            regions: self.ctx.regions,
            region_counts: &self.counts,
            same_document: same_document.as_ref(),
            same_person: same_person.as_ref(),
        };
        let outcome = check_entry(&draft, &check_ctx);
        let errors: Vec<String> = outcome
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{}: {}", f.code(), self.ctx.lang.t(&f.problem)))
            .collect();
        let Some(new) = outcome.entry.filter(|_| errors.is_empty()) else {
            stage.stage_seen(n, &base.id, Some(seen))?;
            return Ok(RowVerdict::Rejected(errors.join("; ")));
        };
        let entry = base.with_signer(new);
        *self
            .counts
            .entry(entry.signer.region_code.clone())
            .or_default() += 1;
        stage.stage_entry(n, &entry, keys.document.as_ref(), person.as_ref())?;
        Ok(RowVerdict::Accepted {
            entry: Box::new(entry),
            warnings: !outcome.findings.is_empty(),
        })
    }

    /// A voided row: kept as written once its region and dates read.
    fn voided(
        &self,
        stage: &mut ImportStage<'_>,
        n: i64,
        draft: &EntryDraft,
        cols: &Columns,
        row: &csv::StringRecord,
        base: RowFrame,
    ) -> Result<RowVerdict, CsvError> {
        let seen = (base.origin.clone(), base.sheet, base.line);
        let id = base.id.clone();
        let verdict = if self.ctx.regions.by_code(&draft.region).is_none() {
            Err(format!(
                "region_code `{}` is not in the region catalogue",
                draft.region
            ))
        } else {
            voided_entry(draft, cols, row, base)
        };
        Ok(match verdict {
            Ok(entry) => {
                stage.stage_entry(n, &entry, None, None)?;
                RowVerdict::Accepted {
                    entry: Box::new(entry),
                    warnings: false,
                }
            }
            Err(reason) => {
                stage.stage_seen(n, &id, Some((&seen.0, seen.1, seen.2)))?;
                RowVerdict::Rejected(reason)
            }
        })
    }
}
