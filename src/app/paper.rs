//! `sigdesk paper`: draws the random sample of lines the lead compares with the paper,
//! lists it, records what the paper shows, and prints the forecast (DESIGN.md §11). The
//! lead PIN guards drawing and marking.

mod report;

use super::Context;
use super::out;
use super::table::aligned_table;
use crate::cli::PaperAction;
use crate::domain::EntryStatus;
use crate::domain::paper::PaperCode;
use crate::i18n::{Lang, PaperText};
use crate::ops::paper::paper_status;
use crate::store::{SampledLine, Store};
use anyhow::bail;
use serde::Serialize;

/// What `paper` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Add `size` lines drawn at random, with this seed (or a random one).
    Sample {
        /// Lines to draw.
        size: u64,
        /// Seed of the draw.
        seed: Option<u64>,
    },
    /// Print the sample, as JSON when `json`.
    List {
        /// Print JSON.
        json: bool,
    },
    /// Record what the paper line `sheet`/`line` shows.
    Mark {
        /// Sheet number.
        sheet: u32,
        /// Line number.
        line: u32,
        /// The code as typed.
        code: String,
        /// The lead's note.
        note: String,
        /// The point, when several share the sheet and line.
        origin: Option<String>,
    },
    /// Print the forecast, as JSON when `json`.
    Report {
        /// Print JSON.
        json: bool,
    },
}

impl From<PaperAction> for Action {
    fn from(action: PaperAction) -> Action {
        match action {
            PaperAction::Sample { size, seed } => Action::Sample { size, seed },
            PaperAction::List { json } => Action::List { json },
            PaperAction::Mark {
                sheet,
                line,
                code,
                note,
                origin,
            } => Action::Mark {
                sheet,
                line,
                code,
                note: note.unwrap_or_default(),
                origin,
            },
            PaperAction::Report { json } => Action::Report { json },
        }
    }
}

/// Runs one `paper` action; exit 0, or an error for a refusal.
pub fn run(store: &mut Store, ctx: &Context, action: Action) -> anyhow::Result<u8> {
    match action {
        Action::Sample { size, seed } => {
            let seed = seed.unwrap_or_else(|| fastrand::u64(..));
            let drawn = store.draw_paper_sample(size, seed, &ctx.actor, ctx.now)?;
            if drawn.drawn == 0 {
                out::line(ctx.lang.t(PaperText::NothingToDraw));
            } else {
                out::line(ctx.lang.t(PaperText::Drawn {
                    drawn: drawn.drawn,
                    population: drawn.population,
                    total: drawn.total,
                    seed,
                }));
            }
        }
        Action::List { json } => list(store, ctx.lang, json)?,
        Action::Mark {
            sheet,
            line,
            code,
            note,
            origin,
        } => mark(
            store,
            ctx,
            (sheet, line),
            &code,
            note.trim(),
            origin.as_deref(),
        )?,
        Action::Report { json } => {
            let today = store.campaign()?.local_date(ctx.now);
            let status = paper_status(store, &ctx.regions, today)?;
            if json {
                out::json(&report::ReportJson::new(&status))?;
            } else {
                out::text(report::text(ctx.lang, &status));
            }
        }
    }
    Ok(0)
}

/// `paper mark SHEET LINE CODE`: the code checked, the line found in the sample, the lead
/// PIN asked, the mark written.
fn mark(
    store: &mut Store,
    ctx: &Context,
    (sheet, line): (u32, u32),
    code: &str,
    note: &str,
    origin: Option<&str>,
) -> anyhow::Result<()> {
    let lang = ctx.lang;
    let Some(code) = PaperCode::parse(code) else {
        bail!(lang.t(PaperText::UnknownCode(code)));
    };
    if code.needs_note() && note.is_empty() {
        bail!(lang.t(PaperText::NoteNeeded));
    }
    let mut found = store.paper_lines_at(sheet, line)?;
    found.retain(|l| origin.is_none_or(|o| l.entry.origin == o));
    let entry_id = match found.as_slice() {
        [] => bail!(lang.t(PaperText::NotInSample { sheet, line })),
        [one] => one.entry.id.clone(),
        several => {
            let origins: Vec<String> = several.iter().map(|l| l.entry.origin.clone()).collect();
            let origins = &origins;
            bail!(lang.t(PaperText::WhichPoint {
                sheet,
                line,
                origins
            }))
        }
    };
    let before = store.mark_paper_line(&entry_id, code, note, &ctx.actor, ctx.now)?;
    out::line(lang.t(PaperText::Marked {
        sheet,
        line,
        code,
        before,
    }));
    Ok(())
}

/// `paper list`: the sample in walk order, as a table or JSON.
fn list(store: &Store, lang: Lang, json: bool) -> anyhow::Result<()> {
    let sample = store.paper_sample()?;
    if json {
        let lines: Vec<LineJson> = sample.iter().map(LineJson::from).collect();
        return out::json(&lines);
    }
    if sample.is_empty() {
        out::line(lang.t(PaperText::NoSample));
        return Ok(());
    }
    let header = [
        PaperText::ColPosition,
        PaperText::ColSheet,
        PaperText::ColLine,
        PaperText::ColPoint,
        PaperText::ColDesk,
        PaperText::ColOperator,
        PaperText::ColFound,
        PaperText::ColNote,
    ]
    .map(|column| lang.t(column).into_owned());
    let rows = sample
        .iter()
        .map(|l| {
            let found = match (&l.mark, l.entry.status) {
                (_, EntryStatus::Voided) => lang.t(PaperText::VoidedSince).into_owned(),
                (Some(mark), EntryStatus::Valid) => mark.code.code().to_string(),
                (None, EntryStatus::Valid) => lang.t(PaperText::NotChecked).into_owned(),
            };
            vec![
                l.position.to_string(),
                l.entry.sheet.to_string(),
                l.entry.line.to_string(),
                l.entry.origin.clone(),
                l.entry.desk.clone(),
                l.entry.operator.clone(),
                found,
                l.mark.as_ref().map(|m| m.note.clone()).unwrap_or_default(),
            ]
        })
        .collect();
    out::text(aligned_table(header.into(), rows, &[0, 1, 2]));
    Ok(())
}

/// One sampled line in `paper list --json`; no signer's data, only where the line is.
#[derive(Debug, Serialize)]
struct LineJson {
    /// Place in the walk, from 1.
    position: u32,
    /// The draw that added it.
    draw: u32,
    /// Entry id.
    entry_id: String,
    /// Collection point.
    origin: String,
    /// Sheet number.
    sheet: u32,
    /// Line number.
    line: u32,
    /// Desk that saved it.
    desk: String,
    /// Operator who typed it.
    operator: String,
    /// `valid` or `voided` (voided since it was drawn).
    status: &'static str,
    /// `ok`, a `paper.*` code, or null while not checked.
    code: Option<&'static str>,
    /// The lead's note.
    note: String,
    /// When it was marked (RFC 3339 UTC), null while not checked.
    marked_at: Option<String>,
}

impl From<&SampledLine> for LineJson {
    fn from(l: &SampledLine) -> LineJson {
        let e = &l.entry;
        LineJson {
            position: l.position,
            draw: l.draw,
            entry_id: e.id.clone(),
            origin: e.origin.clone(),
            sheet: e.sheet,
            line: e.line,
            desk: e.desk.clone(),
            operator: e.operator.clone(),
            status: e.status.as_str(),
            code: l.mark.as_ref().map(|m| m.code.code()),
            note: l.mark.as_ref().map(|m| m.note.clone()).unwrap_or_default(),
            marked_at: l
                .mark
                .as_ref()
                .map(|m| m.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        }
    }
}
