//! When a collector may certify a sheet, and what is wrong with sheets already certified.
//!
//! Pure: the caller passes the sheet, the collector (as listed) and today's date.

use super::collector::Detail;
use super::{Collector, Severity, Sheet};
use chrono::NaiveDate;

/// Why a certification is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertifyProblem {
    /// The sheet is still open: close it first (no line may be added after certifying).
    SheetOpen,
    /// No valid line on the sheet: nothing to certify.
    NoValidLines,
    /// No collector of that name is on the list.
    UnknownCollector {
        /// The name as given.
        name: String,
    },
    /// The collector is listed, but not for the sheet's region.
    CollectorNotListed {
        /// The collector's name.
        collector: String,
        /// The sheet's region code.
        region_code: String,
    },
    /// The list lacks details the certification must carry: add them first.
    DetailsMissing {
        /// The collector's name.
        collector: String,
        /// What is missing, in sheet order.
        missing: Vec<Detail>,
    },
    /// A signer's date on the sheet is later than the certification date.
    BeforeSignature {
        /// The certification date given.
        date: NaiveDate,
        /// The line with the latest signing date.
        line: u32,
        /// That line's signing date.
        signed_on: NaiveDate,
    },
    /// The certification date is after today.
    InFuture {
        /// The certification date given.
        date: NaiveDate,
        /// Today at the point.
        today: NaiveDate,
    },
}

impl CertifyProblem {
    /// A stable code for scripts and tests (`certify.sheet_open` …).
    pub fn code(&self) -> &'static str {
        match self {
            CertifyProblem::SheetOpen => "certify.sheet_open",
            CertifyProblem::NoValidLines => "certify.no_valid_lines",
            CertifyProblem::UnknownCollector { .. } => "certify.unknown_collector",
            CertifyProblem::CollectorNotListed { .. } => "certify.collector_not_listed",
            CertifyProblem::DetailsMissing { .. } => "certify.details_missing",
            CertifyProblem::BeforeSignature { .. } => "certify.before_signature",
            CertifyProblem::InFuture { .. } => "certify.in_future",
        }
    }
}

/// Everything that stops `collector` (looked up by `name`) certifying `sheet` on `date`,
/// a collector whose listed details are incomplete too; empty when the certification may
/// be written.
pub fn certification_problems(
    sheet: &Sheet,
    name: &str,
    collector: Option<&Collector>,
    date: NaiveDate,
    today: NaiveDate,
) -> Vec<CertifyProblem> {
    let mut problems = Vec::new();
    if sheet.is_open() {
        problems.push(CertifyProblem::SheetOpen);
    }
    if sheet.valid_lines == 0 {
        problems.push(CertifyProblem::NoValidLines);
    }
    match collector {
        None => problems.push(CertifyProblem::UnknownCollector {
            name: name.to_string(),
        }),
        Some(c) if !c.is_listed_for(&sheet.region_code) => {
            problems.push(CertifyProblem::CollectorNotListed {
                collector: c.name.clone(),
                region_code: sheet.region_code.clone(),
            })
        }
        Some(_) => {}
    }
    if let Some(c) = collector.filter(|c| !c.details.missing().is_empty()) {
        problems.push(CertifyProblem::DetailsMissing {
            collector: c.name.clone(),
            missing: c.details.missing(),
        });
    }
    if let Some(latest) = sheet.latest_signature.filter(|l| l.signed_on > date) {
        problems.push(CertifyProblem::BeforeSignature {
            date,
            line: latest.line,
            signed_on: latest.signed_on,
        });
    }
    if date > today {
        problems.push(CertifyProblem::InFuture { date, today });
    }
    problems
}

/// Something the lead must do about a sheet before the sheets are handed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// Still open although it was opened on an earlier day: close it.
    OpenPastDay {
        /// Local day it was opened.
        opened_on: NaiveDate,
    },
    /// Closed with valid lines but not certified yet.
    Uncertified,
    /// Certified by a collector who is not (or no longer) listed for its region.
    CollectorNotListed {
        /// The collector named in the certification.
        collector: String,
        /// The sheet's region code.
        region_code: String,
    },
    /// A valid line carries a signing date after the certification date (e.g. edited later).
    CertifiedBeforeSignature {
        /// The certification date.
        certified_on: NaiveDate,
        /// The line signed later.
        line: u32,
        /// Its signing date.
        signed_on: NaiveDate,
    },
}

impl SheetProblem {
    /// The stable code, as in `check` and `sheets --json`.
    pub fn code(&self) -> &'static str {
        match self {
            SheetProblem::OpenPastDay { .. } => "sheet.open_past_day",
            SheetProblem::Uncertified => "sheet.uncertified",
            SheetProblem::CollectorNotListed { .. } => "sheet.collector_not_listed",
            SheetProblem::CertifiedBeforeSignature { .. } => "sheet.certified_before_signature",
        }
    }

    /// Errors sink every signature on the sheet; warnings are work still to do.
    pub fn severity(&self) -> Severity {
        match self {
            SheetProblem::OpenPastDay { .. } | SheetProblem::Uncertified => Severity::Warning,
            SheetProblem::CollectorNotListed { .. }
            | SheetProblem::CertifiedBeforeSignature { .. } => Severity::Error,
        }
    }
}

/// What is wrong with a stored sheet. `opened_on` is its opening day at the point;
/// `collector` is the listed collector its certification names, if any is listed.
pub fn sheet_problems(
    sheet: &Sheet,
    opened_on: NaiveDate,
    collector: Option<&Collector>,
    today: NaiveDate,
) -> Vec<SheetProblem> {
    let mut problems = Vec::new();
    match &sheet.certification {
        None if sheet.is_open() => {
            if opened_on < today {
                problems.push(SheetProblem::OpenPastDay { opened_on });
            }
        }
        None => {
            if sheet.valid_lines > 0 {
                problems.push(SheetProblem::Uncertified);
            }
        }
        Some(cert) => {
            if !collector.is_some_and(|c| c.is_listed_for(&sheet.region_code)) {
                problems.push(SheetProblem::CollectorNotListed {
                    collector: cert.collector.clone(),
                    region_code: sheet.region_code.clone(),
                });
            }
            if let Some(latest) = sheet.latest_signature.filter(|l| l.signed_on > cert.on) {
                problems.push(SheetProblem::CertifiedBeforeSignature {
                    certified_on: cert.on,
                    line: latest.line,
                    signed_on: latest.signed_on,
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests;
