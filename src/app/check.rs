//! `sigdesk check`: every rule re-run over every valid entry and every sheet, reported by
//! rule code as text or JSON, then the audit log's chain; exit 3 when a defect would make
//! the authority reject a signature, the audit log is broken or the retention date has
//! passed.

use super::Context;
use super::out;
use crate::domain::Severity;
use crate::i18n::{CheckText, Lang, ProtectText};
use crate::ops::defects::{DefectReport, check_all};
use crate::store::Store;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Exit code when `check` found defects.
const EXIT_DEFECTS: u8 = 3;

/// Prints the defect report (JSON when `json`) and the retention reminder when it is due;
/// returns exit 3 on an error-level defect or a passed retention date, else 0.
pub fn run(store: &Store, ctx: &Context, json: bool) -> anyhow::Result<u8> {
    let campaign = store.campaign()?;
    let today = campaign.local_date(ctx.now);
    let report = check_all(store, &ctx.regions, today, ctx.lang)?;
    let chain = store.audit_chain()?;
    if json {
        let mut json = CheckJson::new(&report);
        json.audit_chain = Some(ChainJson {
            events: chain.events,
            head: chain.head.clone(),
            broken: chain
                .broken
                .as_ref()
                .map(|_| super::verify::chain_line(ctx.lang, &chain)),
        });
        out::json(&json)?;
    } else {
        out::text(report_text(ctx.lang, &report));
        out::line(super::verify::chain_line(ctx.lang, &chain));
    }
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
    Ok(
        if report.has_errors() || expired || chain.broken.is_some() {
            EXIT_DEFECTS
        } else {
            0
        },
    )
}

/// The `check` report as text: one block per rule code, one line per defect.
fn report_text(lang: Lang, report: &DefectReport) -> String {
    let mut out = String::new();
    let checked = report.checked;
    let defects = report.by_code.values().map(Vec::len).sum();
    let _ = writeln!(out, "{}", lang.t(CheckText::Summary { checked, defects }));
    for (code, defects) in &report.by_code {
        let severity = defects.first().map_or(Severity::Warning, |d| d.severity);
        let severity = lang.t(CheckText::Severity(severity));
        let _ = writeln!(out, "\n{code} ({severity}): {}", defects.len());
        for d in defects {
            let defect = CheckText::Defect {
                origin: &d.origin,
                sheet: d.sheet,
                line: d.line,
                desk: &d.desk,
                message: &d.message,
            };
            let _ = writeln!(out, "{}", lang.t(defect));
        }
    }
    out
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

/// `check --json`: the counts, every defect (by code, then in check order), counts per code.
#[derive(Debug, Serialize)]
struct CheckJson<'a> {
    /// Valid entries checked.
    checked: u64,
    /// Sheets checked.
    sheets_checked: u64,
    /// Every defect.
    defects: Vec<DefectJson<'a>>,
    /// Number of defects per code.
    by_code: BTreeMap<&'a str, usize>,
    /// The audit log's hash chain and append-only triggers.
    audit_chain: Option<ChainJson>,
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

impl CheckJson<'_> {
    /// The report in the `check --json` shape.
    fn new(report: &DefectReport) -> CheckJson<'_> {
        let defects = report
            .by_code
            .iter()
            .flat_map(|(code, list)| {
                list.iter().map(move |d| DefectJson {
                    code,
                    severity: d.severity,
                    message: &d.message,
                    origin: &d.origin,
                    sheet: d.sheet,
                    line: d.line,
                    entry_id: d.entry_id.as_deref(),
                    desk: &d.desk,
                })
            })
            .collect();
        CheckJson {
            checked: report.checked,
            sheets_checked: report.sheets_checked,
            defects,
            by_code: report
                .by_code
                .iter()
                .map(|(code, list)| (code.as_str(), list.len()))
                .collect(),
            audit_chain: None,
        }
    }
}
