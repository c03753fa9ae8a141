//! `sigdesk check`: every rule re-run over every valid entry and every sheet, reported by
//! rule code as text or JSON, then the audit log's chain; exit 3 when a defect would make
//! the authority reject a signature, the audit log is broken or the retention date has
//! passed.

use super::Context;
use super::out;
use crate::domain::{Defect, Severity};
use crate::i18n::{CheckText, Lang, ProtectText};
use crate::ops::defects::{CheckCounts, DefectSink, check_into};
use crate::store::{FindingLog, Store, StoreError};
use serde::Serialize;
use std::collections::BTreeMap;

/// Exit code when `check` found defects.
const EXIT_DEFECTS: u8 = 3;

/// Prints the defect report (JSON when `json`) and the retention reminder when it is due;
/// returns exit 3 on an error-level defect or a passed retention date, else 0. The defects
/// go to a scratch table as they are found and are printed from it by code, so memory does
/// not grow with them.
pub fn run(store: &Store, ctx: &Context, json: bool) -> anyhow::Result<u8> {
    let campaign = store.campaign()?;
    let today = campaign.local_date(ctx.now);
    let mut tally = Tally {
        log: store.finding_log()?,
        codes: BTreeMap::new(),
        errors: false,
    };
    // The audit chain is walked on a second connection while the entries are checked: a
    // real point's log holds four or five events per signer, as long a walk as the entries.
    let sibling = store.open_sibling()?.with_small_cache()?;
    let (counts, chain) = std::thread::scope(|scope| {
        let chain = scope.spawn(move || sibling.audit_chain());
        let counts = check_into(store, &ctx.regions, today, ctx.lang, &mut tally);
        let chain = chain
            .join()
            .map_err(|_| anyhow::anyhow!("the audit chain check stopped"));
        (counts, chain)
    });
    let (counts, chain) = (counts?, chain??);
    let mut lines = out::Lines::stdout();
    if json {
        let chain = ChainJson {
            events: chain.events,
            head: chain.head.clone(),
            broken: chain
                .broken
                .as_ref()
                .map(|_| super::verify::chain_line(ctx.lang, &chain)),
        };
        write_json(&mut lines, &mut tally, counts, &chain)?;
    } else {
        write_text(&mut lines, ctx.lang, &mut tally, counts)?;
        // A reader gone away (`check | head`) is not an error worth reporting.
        let _ = lines.line(super::verify::chain_line(ctx.lang, &chain));
    }
    let _ = lines.flush();
    drop(lines);
    let expired = campaign.retention_due(today);
    if let Some(until) = campaign.retain_until.filter(|_| expired) {
        // With --json stdout is the report only; the reminder goes to stderr.
        let line = ctx.lang.t(ProtectText::RetentionDefect(until));
        if json {
            out::note(line);
        } else {
            out::line(line);
        }
    }
    Ok(if tally.errors || expired || chain.broken.is_some() {
        EXIT_DEFECTS
    } else {
        0
    })
}

/// The defects of one code: how many, and the severity of the first listed.
struct CodeTally {
    count: usize,
    first_ord: i64,
    severity: Severity,
}

/// The finding log and what the report's headings need before the defects are listed.
struct Tally<'s> {
    log: FindingLog<'s>,
    codes: BTreeMap<String, CodeTally>,
    /// Whether any defect is an error.
    errors: bool,
}

impl DefectSink for Tally<'_> {
    fn push(&mut self, code: &str, ord: i64, defect: Defect) -> Result<(), StoreError> {
        self.errors |= defect.severity == Severity::Error;
        match self.codes.get_mut(code) {
            Some(t) => {
                t.count += 1;
                if ord < t.first_ord {
                    t.first_ord = ord;
                    t.severity = defect.severity;
                }
            }
            None => {
                let first = CodeTally {
                    count: 1,
                    first_ord: ord,
                    severity: defect.severity,
                };
                self.codes.insert(code.to_string(), first);
            }
        }
        self.log.push(code, ord, &defect)
    }
}

/// Why writing the report stopped: the reader went away (not an error), or the store
/// failed.
enum Stop {
    Closed,
    Store(StoreError),
}

impl From<StoreError> for Stop {
    fn from(e: StoreError) -> Stop {
        Stop::Store(e)
    }
}

impl From<std::io::Error> for Stop {
    fn from(_: std::io::Error) -> Stop {
        Stop::Closed
    }
}

/// Ends writing: a closed reader is fine, a store failure is the command's error.
fn finish(written: Result<(), Stop>) -> Result<(), StoreError> {
    match written {
        Ok(()) | Err(Stop::Closed) => Ok(()),
        Err(Stop::Store(e)) => Err(e),
    }
}

/// The `check` report as text: one block per rule code, one line per defect.
fn write_text(
    lines: &mut out::Lines,
    lang: Lang,
    tally: &mut Tally<'_>,
    counts: CheckCounts,
) -> Result<(), StoreError> {
    let checked = counts.checked;
    let defects = tally.codes.values().map(|t| t.count).sum();
    let codes = &tally.codes;
    let written = (|| -> Result<(), Stop> {
        lines.line(lang.t(CheckText::Summary { checked, defects }))?;
        let mut current: Option<String> = None;
        tally.log.for_each(|code, d| -> Result<(), Stop> {
            if current.as_deref() != Some(code) {
                let (count, severity) = codes
                    .get(code)
                    .map_or((0, Severity::Warning), |t| (t.count, t.severity));
                let severity = lang.t(CheckText::Severity(severity));
                lines.line("")?;
                lines.line(format!("{code} ({severity}): {count}"))?;
                current = Some(code.to_string());
            }
            let defect = CheckText::Defect {
                origin: &d.origin,
                sheet: d.sheet,
                line: d.line,
                desk: &d.desk,
                message: &d.message,
            };
            lines.line(lang.t(defect))?;
            Ok(())
        })
    })();
    finish(written)
}

/// `check --json`, written as it is read from the finding log, pretty printed as a whole
/// object would be: `checked`, `sheets_checked`, `defects` (by code, then in check order),
/// `by_code` (the number per code), `audit_chain`; the field names are a stable interface.
fn write_json(
    lines: &mut out::Lines,
    tally: &mut Tally<'_>,
    counts: CheckCounts,
    chain: &ChainJson,
) -> Result<(), StoreError> {
    let by_code: BTreeMap<&str, usize> = tally
        .codes
        .iter()
        .map(|(code, t)| (code.as_str(), t.count))
        .collect();
    let written = (|| -> Result<(), Stop> {
        let mut put = |text: &str, indent: &str| -> std::io::Result<()> {
            let nested = format!("\n{indent}");
            lines.json(&format!("{indent}{}", text.replace('\n', &nested)))
        };
        put("{", "")?;
        put(&format!("\"checked\": {},", counts.checked), "  ")?;
        put(
            &format!("\"sheets_checked\": {},", counts.sheets_checked),
            "  ",
        )?;
        let mut first = true;
        let mut pending: Option<String> = None;
        tally.log.for_each(|code, d| -> Result<(), Stop> {
            if first {
                put("\"defects\": [", "  ")?;
                first = false;
            }
            if let Some(before) = pending.take() {
                put(&format!("{before},"), "    ")?;
            }
            pending = Some(pretty(&DefectJson::of(code, &d))?);
            Ok(())
        })?;
        match pending {
            Some(last) => {
                put(&last, "    ")?;
                put("],", "  ")?;
            }
            None => put("\"defects\": [],", "  ")?,
        }
        put(&format!("\"by_code\": {},", pretty(&by_code)?), "  ")?;
        put(&format!("\"audit_chain\": {}", pretty(chain)?), "  ")?;
        put("}", "")?;
        Ok(())
    })();
    finish(written)
}

/// `value` as pretty JSON.
fn pretty(value: &impl Serialize) -> Result<String, Stop> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Stop::Store(StoreError::Damaged(format!("check report: {e}"))))
}

/// One defect in `check --json`; the field names are a stable interface.
#[derive(Debug, Serialize)]
struct DefectJson<'a> {
    /// Rule code (`birth.under_18`, `sheet.uncertified` …).
    code: &'a str,
    /// `error` or `warning`.
    severity: Severity,
    /// What is wrong and what to do, in the chosen language.
    message: &'a str,
    /// Collection point.
    origin: &'a str,
    /// Sheet number.
    sheet: u32,
    /// Line, null for a sheet-level defect.
    line: Option<u32>,
    /// Entry id, null for a sheet-level defect.
    entry_id: Option<&'a str>,
    /// Desk that saved the entry or filled the sheet.
    desk: &'a str,
}

/// The audit log in `check --json`.
#[derive(Debug, Serialize)]
struct ChainJson {
    /// Events read.
    events: u64,
    /// Hash of the last chained event (hex), the anchor to compare with a later check.
    head: Option<String>,
    /// The first break, said in the chosen language; null when the chain holds.
    broken: Option<String>,
}

impl<'a> DefectJson<'a> {
    /// A defect of rule `code` in the `check --json` shape.
    fn of(code: &'a str, d: &'a Defect) -> DefectJson<'a> {
        DefectJson {
            code,
            severity: d.severity,
            message: &d.message,
            origin: &d.origin,
            sheet: d.sheet,
            line: d.line,
            entry_id: d.entry_id.as_deref(),
            desk: &d.desk,
        }
    }
}
