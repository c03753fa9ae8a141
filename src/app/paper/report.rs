//! `paper report` laid out: the text a lead reads and the JSON scripts read.

use crate::domain::forecast::Estimate;
use crate::domain::paper::GroupForecast;
use crate::i18n::{Lang, PaperText};
use crate::ops::paper::PaperStatus;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The report as text: progress, share, findings by code, the authority's check and the
/// refusal probability, then desks, operators and collectors worst first.
pub(super) fn text(lang: Lang, status: &PaperStatus) -> String {
    let r = &status.report;
    let mut out = String::new();
    let checked = r.estimate.map_or(0, |e| e.checked);
    let progress = PaperText::Progress {
        sampled: status.sampled,
        checked,
        unchecked: status.unchecked,
        voided: status.voided,
    };
    let _ = writeln!(out, "{}", lang.t(progress));
    let (Some(estimate), Some(refusal)) = (&r.estimate, r.refusal_probability) else {
        let _ = writeln!(out, "{}", lang.t(PaperText::NoForecast));
        return out;
    };
    let _ = writeln!(out, "{}", lang.t(PaperText::Invalid(estimate)));
    let width = r.by_code.keys().map(|c| c.len()).max().unwrap_or(0);
    for (code, count) in &r.by_code {
        let _ = writeln!(out, "  {code:<width$}  {count:>6}");
    }
    let authority = PaperText::Authority {
        sample: r.authority.sample,
        threshold: r.refusal_threshold,
        limit_pct: r.authority.limit_pct,
    };
    let _ = writeln!(out, "{}", lang.t(authority));
    let _ = writeln!(out, "{}", lang.t(PaperText::Refusal(refusal)));
    for (heading, groups) in [
        (PaperText::ByDesk, &r.desks),
        (PaperText::ByOperator, &r.operators),
        (PaperText::ByCollector, &r.collectors),
    ] {
        let _ = writeln!(out, "{}", lang.t(heading));
        write_groups(&mut out, lang, groups);
    }
    out
}

fn write_groups(out: &mut String, lang: Lang, groups: &[GroupForecast]) {
    let name = |g: &GroupForecast| {
        g.name
            .clone()
            .unwrap_or_else(|| lang.t(PaperText::Uncertified).into_owned())
    };
    let width = groups
        .iter()
        .map(|g| name(g).chars().count())
        .max()
        .unwrap_or(0);
    for g in groups {
        let name = name(g);
        let pad = width - name.chars().count();
        let _ = writeln!(
            out,
            "  {name}{:pad$}  {:<22} {:<20} {}",
            "",
            lang.t(PaperText::Share(&g.estimate)),
            lang.t(PaperText::GroupCount(&g.estimate)),
            lang.t(PaperText::GroupRefusal(g.refusal_probability)),
        );
    }
}

/// `paper report --json`; the field names are a stable interface (README.md).
#[derive(Debug, Serialize)]
pub(super) struct ReportJson<'a> {
    /// Lines in the sample.
    sampled: u64,
    /// Lines checked that still count.
    checked: u64,
    /// Lines still to check.
    unchecked: u64,
    /// Sampled lines voided since they were drawn (left out).
    voided: u64,
    /// Checked lines found invalid (paper finding or machine error).
    invalid: u64,
    /// invalid / checked; null before the first checked line.
    share: Option<f64>,
    /// Lower bound of the 95% Wilson interval; null before the first checked line.
    low: Option<f64>,
    /// Upper bound; null before the first checked line.
    high: Option<f64>,
    /// Checked lines per paper finding and per machine error code.
    by_code: &'a BTreeMap<&'static str, u64>,
    /// Campaign `cec_sample`.
    cec_sample: u64,
    /// Campaign `reject_limit_pct`.
    reject_limit_pct: u32,
    /// Invalid lines in the authority's sample at which it refuses.
    refusal_threshold: u64,
    /// The probability of refusal; null before the first checked line.
    refusal_probability: Option<f64>,
    /// Per desk, worst first.
    desks: &'a [GroupForecast],
    /// Per operator, worst first.
    operators: &'a [GroupForecast],
    /// Per collector of the line's sheet (null: not certified), worst first.
    collectors: &'a [GroupForecast],
}

impl<'a> ReportJson<'a> {
    /// The JSON of a paper status.
    pub(super) fn new(status: &'a PaperStatus) -> ReportJson<'a> {
        let r = &status.report;
        let e: Option<&Estimate> = r.estimate.as_ref();
        ReportJson {
            sampled: status.sampled,
            checked: e.map_or(0, |e| e.checked),
            unchecked: status.unchecked,
            voided: status.voided,
            invalid: e.map_or(0, |e| e.invalid),
            share: e.map(|e| e.share),
            low: e.map(|e| e.low),
            high: e.map(|e| e.high),
            by_code: &r.by_code,
            cec_sample: r.authority.sample,
            reject_limit_pct: r.authority.limit_pct,
            refusal_threshold: r.refusal_threshold,
            refusal_probability: r.refusal_probability,
            desks: &r.desks,
            operators: &r.operators,
            collectors: &r.collectors,
        }
    }
}
