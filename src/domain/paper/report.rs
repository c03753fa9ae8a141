//! The paper report: lines checked, findings by code, the invalid share with its interval
//! and the refusal forecast, for the whole sample and per desk, operator and collector, so
//! the lead knows whom to retrain today.

use super::PaperCode;
use crate::domain::forecast::{Estimate, estimate, refusal_probability, refusal_threshold};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The authority's check the forecast is made for (campaign `cec_sample`,
/// `reject_limit_pct`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Authority {
    /// Lines it draws.
    pub sample: u64,
    /// Percent invalid in its draw at which it refuses.
    pub limit_pct: u32,
}

/// One sampled line the lead has checked, with who made it and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedLine {
    /// Desk that saved it.
    pub desk: String,
    /// Operator who typed it.
    pub operator: String,
    /// Collector who certified its sheet; `None` while uncertified (or on another
    /// point's sheet).
    pub collector: Option<String>,
    /// What the lead found on paper.
    pub paper: PaperCode,
    /// Error-level rule codes `check` gives the line (its own and its sheet's).
    pub machine: Vec<&'static str>,
}

impl CheckedLine {
    /// Whether the authority would count it invalid: a paper finding or a machine error.
    pub fn is_invalid(&self) -> bool {
        self.paper.is_finding() || !self.machine.is_empty()
    }
}

/// The share and forecast of one desk, operator or collector.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupForecast {
    /// Desk, operator or collector name; `None` for lines of uncertified sheets.
    pub name: Option<String>,
    /// Its invalid share.
    #[serde(flatten)]
    pub estimate: Estimate,
    /// The refusal probability if the whole submission looked like its lines.
    pub refusal_probability: f64,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PaperReport {
    /// The authority's check forecast for.
    pub authority: Authority,
    /// Invalid lines in the authority's draw at which it refuses.
    pub refusal_threshold: u64,
    /// The invalid share over every checked line; `None` before the first.
    pub estimate: Option<Estimate>,
    /// The probability of refusal; `None` before the first checked line.
    pub refusal_probability: Option<f64>,
    /// Checked lines per paper finding and per machine error code.
    pub by_code: BTreeMap<&'static str, u64>,
    /// Per desk, worst first.
    pub desks: Vec<GroupForecast>,
    /// Per operator, worst first.
    pub operators: Vec<GroupForecast>,
    /// Per collector of the line's sheet, worst first.
    pub collectors: Vec<GroupForecast>,
}

/// The report over `lines` for the authority's check.
pub fn paper_report(lines: &[CheckedLine], authority: Authority) -> PaperReport {
    let checked = lines.len() as u64;
    let invalid = lines.iter().filter(|l| l.is_invalid()).count() as u64;
    let mut by_code = BTreeMap::new();
    for line in lines {
        if line.paper.is_finding() {
            *by_code.entry(line.paper.code()).or_insert(0) += 1;
        }
        let mut machine = line.machine.clone();
        machine.sort_unstable();
        machine.dedup();
        for code in machine {
            *by_code.entry(code).or_insert(0) += 1;
        }
    }
    PaperReport {
        authority,
        refusal_threshold: refusal_threshold(authority.sample, authority.limit_pct),
        estimate: estimate(invalid, checked),
        refusal_probability: refusal_probability(
            invalid,
            checked,
            authority.sample,
            authority.limit_pct,
        ),
        by_code,
        desks: grouped(lines, authority, |l| Some(l.desk.clone())),
        operators: grouped(lines, authority, |l| Some(l.operator.clone())),
        collectors: grouped(lines, authority, |l| l.collector.clone()),
    }
}

/// The lines grouped by `key`, worst first: the highest lower bound of the interval (so one
/// unlucky line of a new desk does not top the list), then the highest share, then the
/// most lines, then by name.
fn grouped(
    lines: &[CheckedLine],
    authority: Authority,
    key: impl Fn(&CheckedLine) -> Option<String>,
) -> Vec<GroupForecast> {
    let mut counts: HashMap<Option<String>, (u64, u64)> = HashMap::new();
    for line in lines {
        let (checked, invalid) = counts.entry(key(line)).or_default();
        *checked += 1;
        *invalid += u64::from(line.is_invalid());
    }
    let mut groups: Vec<GroupForecast> = counts
        .into_iter()
        .filter_map(|(name, (checked, invalid))| {
            Some(GroupForecast {
                name,
                estimate: estimate(invalid, checked)?,
                refusal_probability: refusal_probability(
                    invalid,
                    checked,
                    authority.sample,
                    authority.limit_pct,
                )?,
            })
        })
        .collect();
    groups.sort_by(|a, b| {
        let (x, y) = (&a.estimate, &b.estimate);
        y.low
            .total_cmp(&x.low)
            .then(y.share.total_cmp(&x.share))
            .then(y.checked.cmp(&x.checked))
            .then(a.name.cmp(&b.name))
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    const AUTHORITY: Authority = Authority {
        sample: 60_000,
        limit_pct: 5,
    };

    fn line(desk: &str, operator: &str, collector: Option<&str>, paper: PaperCode) -> CheckedLine {
        CheckedLine {
            desk: desk.into(),
            operator: operator.into(),
            collector: collector.map(str::to_string),
            paper,
            machine: Vec::new(),
        }
    }

    #[test]
    fn forty_findings_in_four_hundred_lines() {
        let mut lines = Vec::new();
        for i in 0..400 {
            let paper = match i % 10 {
                0 if i < 200 => PaperCode::DateNotOwnHand,
                0 => PaperCode::NameNotOwnHand,
                _ => PaperCode::Ok,
            };
            lines.push(line("desk-1", "Анна", Some("Петров"), paper));
        }
        let report = paper_report(&lines, AUTHORITY);
        let e = report.estimate.expect("checked");
        assert_eq!((e.checked, e.invalid), (400, 40));
        assert!((e.share - 0.1).abs() < 1e-12);
        assert!((e.low - 0.0743).abs() < 5e-5 && (e.high - 0.1333).abs() < 5e-5);
        assert_eq!(report.refusal_threshold, 3_000);
        assert!(report.refusal_probability.expect("checked") > 0.9999);
        assert_eq!(
            report.by_code.into_iter().collect::<Vec<_>>(),
            [
                ("paper.date_not_own_hand", 20),
                ("paper.name_not_own_hand", 20)
            ]
        );
    }

    #[test]
    fn machine_errors_count_once_per_line_and_make_it_invalid() {
        let mut both = line("desk-1", "Анна", None, PaperCode::DataMismatch);
        both.machine = vec!["signed.after_window", "signed.after_window"];
        let mut machine_only = line("desk-1", "Анна", None, PaperCode::Ok);
        machine_only.machine = vec!["sheet.collector_not_listed"];
        let clean = line("desk-1", "Анна", None, PaperCode::Ok);
        let report = paper_report(&[both, machine_only, clean], AUTHORITY);
        let e = report.estimate.expect("checked");
        assert_eq!((e.checked, e.invalid), (3, 2));
        assert_eq!(
            report.by_code.into_iter().collect::<Vec<_>>(),
            [
                ("paper.data_mismatch", 1),
                ("sheet.collector_not_listed", 1),
                ("signed.after_window", 1)
            ]
        );
    }

    #[test]
    fn groups_come_worst_first_by_the_lower_bound() {
        let mut lines = Vec::new();
        // desk-1: 1 of 1 invalid (lower bound 0.21); desk-2: 30 of 100 (0.22); desk-3: 0 of 50.
        lines.push(line(
            "desk-1",
            "Анна",
            Some("Петров"),
            PaperCode::NoSignature,
        ));
        for i in 0..100 {
            let paper = if i < 30 {
                PaperCode::MissingField
            } else {
                PaperCode::Ok
            };
            lines.push(line("desk-2", "Борис", Some("Сидорова"), paper));
        }
        for _ in 0..50 {
            lines.push(line("desk-3", "Вера", None, PaperCode::Ok));
        }
        let report = paper_report(&lines, AUTHORITY);
        let names = |groups: &[GroupForecast]| -> Vec<Option<String>> {
            groups.iter().map(|g| g.name.clone()).collect()
        };
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            names(&report.desks),
            [some("desk-2"), some("desk-1"), some("desk-3")]
        );
        assert_eq!(
            names(&report.operators),
            [some("Борис"), some("Анна"), some("Вера")]
        );
        assert_eq!(
            names(&report.collectors),
            [some("Сидорова"), some("Петров"), None]
        );
        let desk_3 = &report.desks[2];
        assert_eq!((desk_3.estimate.checked, desk_3.estimate.invalid), (50, 0));
        // Nothing found in 50 lines still leaves P(share ≥ 5 %) ≈ 0.95^51 ≈ 0.07.
        assert!((0.06..0.08).contains(&desk_3.refusal_probability));
    }

    #[test]
    fn an_empty_sample_has_no_forecast() {
        let report = paper_report(&[], AUTHORITY);
        assert_eq!(report.estimate, None);
        assert_eq!(report.refusal_probability, None);
        assert!(report.desks.is_empty() && report.by_code.is_empty());
    }
}
