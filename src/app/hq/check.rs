//! `hq check [--json]`: the same document or person at two points, regions over their
//! cap, points silent for over an hour, a point whose digests match nobody's; exit 3 when
//! a finding is an error (a signature that will not count).

use crate::app::Context;
use crate::app::out;
use crate::domain::Severity;
use crate::domain::hq::{HqFinding, hq_findings};
use crate::hq::{self, SYNC_TIMEOUT};
use crate::i18n::{CheckText, HqReportText};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Exit code when an error-level finding exists (as `check`).
const EXIT_FINDINGS: u8 = 3;

/// One finding in `hq check --json`.
#[derive(Debug, Serialize)]
struct FindingJson<'a> {
    /// Rule code.
    code: &'a str,
    /// `error` or `warning`.
    severity: Severity,
    /// What is wrong, in the chosen language.
    message: String,
    /// The finding's data (points, sheets, lines, dates, regions; never a digest).
    detail: &'a HqFinding,
}

/// What `hq check --json` prints.
#[derive(Debug, Serialize)]
struct CheckJson<'a> {
    /// Every finding: errors first, then by code.
    findings: Vec<FindingJson<'a>>,
    /// Findings per code.
    by_code: BTreeMap<&'a str, usize>,
}

/// Prints the findings; exit 3 on an error-level one, else 0.
pub fn run(ctx: &Context, url: &str, json: bool) -> anyhow::Result<u8> {
    let mut hq = hq::connect(url, SYNC_TIMEOUT)?;
    let overview = hq.overview(true)?;
    let campaign = hq.campaign()?;
    let findings = hq_findings(&overview, &campaign, ctx.now);
    let message = |f: &HqFinding| {
        ctx.lang
            .t(HqReportText::Finding(f, &ctx.regions))
            .into_owned()
    };
    if json {
        let mut by_code = BTreeMap::new();
        for f in &findings {
            *by_code.entry(f.code()).or_default() += 1;
        }
        out::json(&CheckJson {
            findings: findings
                .iter()
                .map(|f| FindingJson {
                    code: f.code(),
                    severity: f.severity(),
                    message: message(f),
                    detail: f,
                })
                .collect(),
            by_code,
        })?;
    } else {
        let errors = findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .count();
        let mut text = format!(
            "{}\n",
            ctx.lang.t(HqReportText::CheckSummary {
                findings: findings.len(),
                errors
            })
        );
        let mut last_code = "";
        for f in &findings {
            if f.code() != last_code {
                last_code = f.code();
                let count = findings.iter().filter(|g| g.code() == last_code).count();
                let severity = ctx.lang.t(CheckText::Severity(f.severity()));
                let _ = writeln!(text, "\n{last_code} ({severity}): {count}");
            }
            let _ = writeln!(text, "  {}", message(f));
        }
        out::text(text);
    }
    let has_errors = findings.iter().any(|f| f.severity() == Severity::Error);
    Ok(if has_errors { EXIT_FINDINGS } else { 0 })
}
