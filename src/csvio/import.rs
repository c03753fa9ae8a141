//! Import: every row through the same checks as the form; all or nothing unless
//! `--skip-bad`; ids already present are skipped, so importing twice adds nothing.

use super::CsvError;
use super::formula::{guard, unguard};
use super::import_row::{Columns, RowFrame, voided_entry};
use crate::domain::checks::{CheckContext, check_entry, lookup_keys, same_person_key};
use crate::domain::{
    Campaign, Column, DocKind, Entry, EntryStatus, EntrySummary, RegionCatalog, Severity,
};
use crate::i18n::{HqText, Lang};
use crate::ops::hq::{ImportScreen, Screened};
use crate::progress::{Phase, Progress, Silent};
use crate::store::{Actor, Store};
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
    let bytes = std::fs::read(path).map_err(|e| CsvError::io(path, e))?;
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let delimiter = options.delimiter.unwrap_or_else(|| detect_delimiter(text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .from_reader(text);
    let header = reader.headers().map_err(|e| malformed(path, &e))?.clone();
    let columns = Columns::from_header(&header, path)?;
    let campaign = store.campaign()?;
    let mut validator = RowValidator::new(store, &campaign, ctx)?;
    let mut hq = ImportScreen::for_point(store)?;
    let mut accepted = Vec::new();
    let mut rejects: Vec<(csv::StringRecord, String)> = Vec::new();
    let mut report = ImportReport::default();
    let mut record = csv::StringRecord::new();
    progress.start(Phase::ImportCheck, text.len() as u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(malformed(path, &e)),
        }
        report.rows += 1;
        if report.rows % PROGRESS_EVERY == 0 {
            progress.advance(reader.position().byte());
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        match validator.validate(store, &columns, &record)? {
            RowVerdict::Present => report.already_present += 1,
            RowVerdict::Accepted { entry, warnings } => match hq.as_mut() {
                Some(screen) if entry.status == EntryStatus::Valid => {
                    let held = screen.push(*entry, (record.clone(), line, warnings));
                    take_screened(held, ctx.lang, &mut accepted, &mut rejects, &mut report);
                }
                _ => {
                    report.with_warnings += usize::from(warnings);
                    accepted.push(*entry);
                }
            },
            RowVerdict::Rejected(reason) => {
                rejects.push((record.clone(), format!("line {line}: {reason}")))
            }
        }
    }
    if let Some(screen) = hq.as_mut() {
        let held = screen.flush();
        take_screened(held, ctx.lang, &mut accepted, &mut rejects, &mut report);
        report.hq_unchecked = screen.unchecked;
    }
    progress.finish();
    report.rejected = rejects.len();
    if !rejects.is_empty() && !options.skip_bad {
        return Err(CsvError::Rejected {
            rejected: rejects.len(),
            rows: report.rows,
            first: rejects[0].1.clone(),
        });
    }
    if !rejects.is_empty() {
        write_rejects(path, &header, &rejects, delimiter)?;
    }
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    progress.start(Phase::ImportSave, accepted.len() as u64);
    report.added = store.import_entries_with_progress(
        &accepted,
        ctx.actor,
        ctx.now,
        &source,
        &mut |done| progress.advance(done),
    )?;
    progress.finish();
    Ok(report)
}

/// Rows HQ screened: kept (a person seen elsewhere is a warning) or rejected as a
/// duplicate of another point's entry.
fn take_screened(
    screened: Vec<Screened<(csv::StringRecord, u64, bool)>>,
    lang: Lang,
    accepted: &mut Vec<Entry>,
    rejects: &mut Vec<(csv::StringRecord, String)>,
    report: &mut ImportReport,
) {
    for row in screened {
        match row {
            Screened::Clear {
                entry,
                row: (_, _, warned),
                person,
            } => {
                report.with_warnings += usize::from(warned || person.is_some());
                accepted.push(entry);
            }
            Screened::Elsewhere {
                row: (record, line, _),
                hit,
                ..
            } => {
                let reason = lang.t(HqText::ImportElsewhere {
                    point: &hit.point,
                    signed_on: hit.signed_on,
                });
                rejects.push((record, format!("line {line}: {reason}")));
            }
        }
    }
}

fn malformed(path: &Path, e: &csv::Error) -> CsvError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    let reason = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8 text; save the file as UTF-8".to_string(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("has {len} fields, the header has {expected_len}")
        }
        _ => e.to_string(),
    };
    CsvError::Malformed {
        path: path.display().to_string(),
        line,
        reason,
    }
}

/// `;` when the header line has more semicolons than commas, else `,`.
fn detect_delimiter(text: &[u8]) -> u8 {
    let first_line = text.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

fn write_rejects(
    source: &Path,
    header: &csv::StringRecord,
    rejects: &[(csv::StringRecord, String)],
    delimiter: u8,
) -> Result<(), CsvError> {
    let target = super::rejects_path(source);
    super::write_whole(&target, ".sigdesk-rejects-", |file| {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(file);
        let io = |e: csv::Error| CsvError::io(&target, e);
        w.write_record(header.iter().chain(["reason"]))
            .map_err(io)?;
        for (row, reason) in rejects {
            // The values as read (unguarded), guarded again: a re-import reads them back.
            let cells = row.iter().chain([reason.as_str()]);
            w.write_record(cells.map(|cell| guard(unguard(cell).as_bytes())))
                .map_err(io)?;
        }
        w.flush().map_err(|e| CsvError::io(&target, e))
    })
}

/// What happens to one row.
enum RowVerdict {
    /// Its id is in the database already.
    Present,
    /// It passes; `warnings` tells whether it had any.
    Accepted { entry: Box<Entry>, warnings: bool },
    /// It fails, with the reason for the rejects file.
    Rejected(String),
}

/// Checks rows against the database and against the rows before them in the same file.
struct RowValidator<'a> {
    campaign: &'a Campaign,
    ctx: &'a ImportContext<'a>,
    counts: HashMap<String, u32>,
    documents: HashMap<(DocKind, String, String), EntrySummary>,
    /// Keyed as `dup.person` compares people (`same_person_key`).
    people: HashMap<(String, String, String, NaiveDate), EntrySummary>,
    ids: std::collections::HashSet<String>,
    lines: std::collections::HashSet<(String, u32, u32)>,
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
            documents: HashMap::new(),
            people: HashMap::new(),
            ids: Default::default(),
            lines: Default::default(),
        })
    }

    fn validate(
        &mut self,
        store: &Store,
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
        if store.has_entry(&id)? {
            return Ok(RowVerdict::Present);
        }
        if !self.ids.insert(id.clone()) {
            return Ok(RowVerdict::Rejected(format!(
                "id {id} appears twice in the file"
            )));
        }
        let base = match RowFrame::parse(cols, row, id, self.campaign.lines_per_sheet) {
            Ok(base) => base,
            Err(reason) => return Ok(RowVerdict::Rejected(reason)),
        };
        let line_key = (base.origin.clone(), base.sheet, base.line);
        if store
            .line_taken(&base.origin, base.sheet, base.line)?
            .is_some()
            || !self.lines.insert(line_key)
        {
            return Ok(RowVerdict::Rejected(format!(
                "sheet {} line {} of point {} is already used by another entry",
                base.sheet, base.line, base.origin
            )));
        }
        let draft = cols.draft(row, base.doc_kind);
        if base.status == EntryStatus::Voided {
            if self.ctx.regions.by_code(&draft.region).is_none() {
                return Ok(RowVerdict::Rejected(format!(
                    "region_code `{}` is not in the region catalogue",
                    draft.region
                )));
            }
            return Ok(match voided_entry(&draft, cols, row, base) {
                Ok(entry) => RowVerdict::Accepted {
                    entry: Box::new(entry),
                    warnings: false,
                },
                Err(reason) => RowVerdict::Rejected(reason),
            });
        }
        let keys = lookup_keys(&draft);
        let same_document = match &keys.document {
            Some(k) => match self.documents.get(k) {
                Some(s) => Some(s.clone()),
                None => store.find_by_document(k.0, &k.1, &k.2)?,
            },
            None => None,
        };
        let same_person = match &keys.person {
            Some(p) => match self.people.get(&same_person_key(p)) {
                Some(s) => Some(s.clone()),
                None => store.find_same_person(p, keys.document.as_ref())?,
            },
            None => None,
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
            return Ok(RowVerdict::Rejected(errors.join("; ")));
        };
        let entry = base.with_signer(new);
        let summary = entry.summary();
        *self
            .counts
            .entry(entry.signer.region_code.clone())
            .or_default() += 1;
        if let Some(k) = keys.document {
            self.documents.insert(k, summary.clone());
        }
        if let Some(p) = keys.person {
            self.people.entry(same_person_key(&p)).or_insert(summary);
        }
        Ok(RowVerdict::Accepted {
            entry: Box::new(entry),
            warnings: !outcome.findings.is_empty(),
        })
    }
}
