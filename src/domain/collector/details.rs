//! What the collector's certification on a sheet needs besides the name (19-FZ Appendix 2):
//! birth date, address, passport series and number, issue date and issuing office code,
//! checked with the signer's rules (DESIGN.md §11). The collector must be an adult Russian
//! citizen, so the document is the internal passport.

use crate::domain::checks::{Problem, date_problem};
use crate::domain::dates::{age_on, parse_date};
use crate::domain::documents::{blank_year, parse_document, passport_series_problems};
use crate::domain::names::check_name;
use crate::domain::{DocKind, RegionCatalog, Severity};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Voting age: a collector must be an adult.
const ADULT: u32 = 18;
/// Oldest age accepted; older is a typo in the year.
const MAX_AGE: u32 = 110;
/// A passport is issued from 14.
const PASSPORT_AGE: u32 = 14;

/// One detail of the certification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    /// Full name (surname, given name, patronymic if any).
    Name,
    /// Birth date.
    BirthDate,
    /// Address of residence.
    Address,
    /// Passport series and number.
    Passport,
    /// Passport issue date.
    IssuedOn,
    /// Issuing office code `NNN-NNN`.
    IssuerCode,
}

/// The details as stored; `None` where the list does not have it yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CollectorDetails {
    /// Birth date.
    pub birth_date: Option<NaiveDate>,
    /// Address of residence.
    pub address: Option<String>,
    /// Internal passport: series (4 digits) and number (6 digits).
    pub passport: Option<(String, String)>,
    /// Passport issue date.
    pub issued_on: Option<NaiveDate>,
    /// Issuing office code, `NNN-NNN`.
    pub issuer_code: Option<String>,
}

impl CollectorDetails {
    /// The details the certification needs that are missing, in sheet order.
    pub fn missing(&self) -> Vec<Detail> {
        [
            (Detail::BirthDate, self.birth_date.is_none()),
            (Detail::Address, self.address.is_none()),
            (Detail::Passport, self.passport.is_none()),
            (Detail::IssuedOn, self.issued_on.is_none()),
            (Detail::IssuerCode, self.issuer_code.is_none()),
        ]
        .into_iter()
        .filter_map(|(detail, missing)| missing.then_some(detail))
        .collect()
    }

    /// Whether any detail is known.
    pub fn any(&self) -> bool {
        self.missing().len() < 5
    }

    /// These details with every one `newer` has put over them.
    pub fn merged(&self, newer: &CollectorDetails) -> CollectorDetails {
        CollectorDetails {
            birth_date: newer.birth_date.or(self.birth_date),
            address: newer.address.clone().or_else(|| self.address.clone()),
            passport: newer.passport.clone().or_else(|| self.passport.clone()),
            issued_on: newer.issued_on.or(self.issued_on),
            issuer_code: newer
                .issuer_code
                .clone()
                .or_else(|| self.issuer_code.clone()),
        }
    }
}

/// The details as typed (command line or CSV); an empty text is not given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailsDraft {
    /// Birth date as typed.
    pub birth_date: String,
    /// Address as typed.
    pub address: String,
    /// Passport series and number as typed (`4510 123456`).
    pub passport: String,
    /// Issue date as typed.
    pub issued_on: String,
    /// Issuing office code as typed (`770-001`, `770001`).
    pub issuer_code: String,
}

impl DetailsDraft {
    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        [
            &self.birth_date,
            &self.address,
            &self.passport,
            &self.issued_on,
            &self.issuer_code,
        ]
        .iter()
        .all(|t| t.trim().is_empty())
    }
}

/// What is wrong with a detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailProblem {
    /// A rule the signer's fields have, on this detail.
    Rule(Detail, Problem),
    /// The name has fewer than two words: the list needs it in full.
    NotFullName,
    /// The issue date is after today.
    IssuedInFuture,
    /// Issued before the holder turned 14.
    IssuedBeforeFourteen,
    /// Issued before the year its blank was made.
    IssuedBeforeBlank {
        /// The year in the series.
        blank_year: i32,
    },
    /// The issuing office code is not `NNN-NNN`.
    IssuerCode,
}

impl DetailProblem {
    /// Errors stop the listing; warnings are shown. On the notarised list a name must be
    /// exactly the passport's, so every name problem is an error here.
    pub fn severity(&self) -> Severity {
        match self {
            DetailProblem::Rule(Detail::Name, _) => Severity::Error,
            DetailProblem::Rule(_, problem) => problem.severity(),
            DetailProblem::NotFullName
            | DetailProblem::IssuedInFuture
            | DetailProblem::IssuedBeforeFourteen
            | DetailProblem::IssuedBeforeBlank { .. }
            | DetailProblem::IssuerCode => Severity::Error,
        }
    }

    /// A stable code: the signer's rule code, or `collector.*`.
    pub fn code(&self) -> &'static str {
        match self {
            DetailProblem::Rule(_, problem) => problem.code(),
            DetailProblem::NotFullName => "collector.full_name",
            DetailProblem::IssuedInFuture => "collector.issued_future",
            DetailProblem::IssuedBeforeFourteen => "collector.issued_before_14",
            DetailProblem::IssuedBeforeBlank { .. } => "collector.issued_before_blank",
            DetailProblem::IssuerCode => "collector.issuer_code",
        }
    }

    /// The detail it is about.
    pub fn detail(&self) -> Detail {
        match self {
            DetailProblem::Rule(detail, _) => *detail,
            DetailProblem::NotFullName => Detail::Name,
            DetailProblem::IssuedInFuture
            | DetailProblem::IssuedBeforeFourteen
            | DetailProblem::IssuedBeforeBlank { .. } => Detail::IssuedOn,
            DetailProblem::IssuerCode => Detail::IssuerCode,
        }
    }
}

/// Checked details: the merged values and the warnings to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDetails {
    /// `known` with the typed details over it.
    pub details: CollectorDetails,
    /// Warnings (nothing that stops the listing).
    pub warnings: Vec<DetailProblem>,
}

/// Checks the typed details of collector `name` over the `known` ones, as on `today`:
/// the name in full and as a signer's, an adult's birth date, an address, an internal
/// passport (format, series region and year, not expired), an issue date between the
/// 14th birthday (and the blank's year) and today, an issuing office code `NNN-NNN`.
/// Every error at once, or the merged details and the warnings.
pub fn check_details(
    name: &str,
    typed: &DetailsDraft,
    known: &CollectorDetails,
    today: NaiveDate,
    regions: &RegionCatalog,
) -> Result<CheckedDetails, Vec<DetailProblem>> {
    let mut found = Vec::new();
    let checked = check_name(name);
    found.extend(
        checked
            .problems
            .into_iter()
            .map(|p| DetailProblem::Rule(Detail::Name, p)),
    );
    if checked.text.split(' ').filter(|w| !w.is_empty()).count() < 2 {
        found.push(DetailProblem::NotFullName);
    }
    let typed_details = parse_typed(typed, &mut found);
    let details = known.merged(&typed_details);
    cross_check(&details, today, regions, &mut found);
    let (errors, warnings): (Vec<DetailProblem>, Vec<DetailProblem>) = found
        .into_iter()
        .partition(|p| p.severity() == Severity::Error);
    if errors.is_empty() {
        Ok(CheckedDetails { details, warnings })
    } else {
        Err(errors)
    }
}

/// The typed details that parse; what does not goes to `found`.
fn parse_typed(typed: &DetailsDraft, found: &mut Vec<DetailProblem>) -> CollectorDetails {
    let date = |text: &str, detail: Detail, found: &mut Vec<DetailProblem>| {
        if text.trim().is_empty() {
            return None;
        }
        match parse_date(text) {
            Ok(date) => Some(date),
            Err(e) => {
                found.push(DetailProblem::Rule(detail, date_problem(e)));
                None
            }
        }
    };
    let address = typed
        .address
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !address.is_empty() && !address.chars().any(|c| c.is_ascii_digit()) {
        found.push(DetailProblem::Rule(
            Detail::Address,
            Problem::AddressNoHouse,
        ));
    }
    let passport = match typed.passport.trim() {
        "" => None,
        text => match parse_document(DocKind::InternalPassport, text) {
            Ok(parsed) => Some(parsed),
            Err(problem) => {
                found.push(DetailProblem::Rule(Detail::Passport, problem));
                None
            }
        },
    };
    let issuer_code = match typed.issuer_code.trim() {
        "" => None,
        text => {
            let code = issuer_code(text);
            if code.is_none() {
                found.push(DetailProblem::IssuerCode);
            }
            code
        }
    };
    CollectorDetails {
        birth_date: date(&typed.birth_date, Detail::BirthDate, found),
        address: (!address.is_empty()).then_some(address),
        passport,
        issued_on: date(&typed.issued_on, Detail::IssuedOn, found),
        issuer_code,
    }
}

/// The rules over the details together: age, passport series against the birth date and
/// today, issue date against birth, blank and today.
fn cross_check(
    d: &CollectorDetails,
    today: NaiveDate,
    regions: &RegionCatalog,
    found: &mut Vec<DetailProblem>,
) {
    let birth = d.birth_date.filter(|&b| {
        let future = b > today;
        if future {
            found.push(DetailProblem::Rule(
                Detail::BirthDate,
                Problem::BirthInFuture,
            ));
        }
        !future
    });
    if let Some(birth) = birth {
        let age = age_on(birth, today);
        if age < ADULT {
            let problem = Problem::UnderAge { age, on: today };
            found.push(DetailProblem::Rule(Detail::BirthDate, problem));
        } else if age > MAX_AGE {
            let problem = Problem::TooOld { age };
            found.push(DetailProblem::Rule(Detail::BirthDate, problem));
        }
    }
    if let Some((series, _)) = &d.passport {
        for problem in passport_series_problems(series, birth, today, regions) {
            found.push(DetailProblem::Rule(Detail::Passport, problem));
        }
    }
    let Some(issued) = d.issued_on else {
        return;
    };
    if issued > today {
        found.push(DetailProblem::IssuedInFuture);
    }
    if birth.is_some_and(|b| age_on(b, issued) < PASSPORT_AGE) {
        found.push(DetailProblem::IssuedBeforeFourteen);
    }
    if let Some(blank_year) = d.passport.as_ref().and_then(|(s, _)| blank_year(s))
        && issued.year() < blank_year
    {
        found.push(DetailProblem::IssuedBeforeBlank { blank_year });
    }
}

/// `NNN-NNN` from six digits typed with or without a hyphen or space.
fn issuer_code(text: &str) -> Option<String> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '‑' | '–'))
        .collect();
    (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{}-{}", &digits[..3], &digits[3..]))
}

#[cfg(test)]
mod tests;
