//! The check set: one function that runs every rule of DESIGN.md §4 over a draft. It runs
//! the same in the form, in `import` and in `check`.

mod person;
mod place;
mod problem;

pub use problem::{Problem, RegionName};

use super::dates::{DateError, parse_date};
use super::documents::{parse_document, passport_series_problems};
use super::hq::HqAnswer;
use super::names::{fold_yo, normalise_name};
use super::{
    ABROAD, Campaign, DocKind, EntryDraft, EntrySummary, Field, Finding, NewEntry, RegionCatalog,
    Severity,
};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Everything outside the draft that the rules need; filled by the caller from the store.
#[derive(Debug, Clone)]
pub struct CheckContext<'a> {
    /// Today's date at the collection point (injected, never read from the clock here).
    pub today: NaiveDate,
    /// Campaign settings.
    pub campaign: &'a Campaign,
    /// Region catalogue.
    pub regions: &'a RegionCatalog,
    /// Valid entries per region code (including `abroad`), not counting the one being checked.
    pub region_counts: &'a HashMap<String, u32>,
    /// Another valid entry with the same document, if any.
    pub same_document: Option<&'a EntrySummary>,
    /// Another valid entry with the same name and birth date but another document, if any.
    pub same_person: Option<&'a EntrySummary>,
}

/// The normalised keys the caller looks up in the store before running the checks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LookupKeys {
    /// Kind, series and number, when the document parses.
    pub document: Option<(DocKind, String, String)>,
    /// Surname, given name, patronymic (normalised) and birth date, when all parse.
    pub person: Option<(String, String, String, NaiveDate)>,
}

/// What the check set says about a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOutcome {
    /// The normalised entry, present when no error-level finding was made.
    pub entry: Option<NewEntry>,
    /// Every finding, in form field order.
    pub findings: Vec<Finding>,
}

/// Normalises the parts of a draft the store must look up (duplicates). The values are
/// exactly those `check_entry` puts in its `NewEntry`.
pub fn lookup_keys(draft: &EntryDraft) -> LookupKeys {
    let document = parse_document(draft.doc_kind, &draft.document)
        .ok()
        .map(|(series, number)| (draft.doc_kind, series, number));
    let surname = normalise_name(&draft.surname);
    let given_name = normalise_name(&draft.given_name);
    let person = match parse_date(&draft.birth_date) {
        Ok(birth) if !surname.is_empty() && !given_name.is_empty() => Some((
            surname,
            given_name,
            normalise_name(&draft.patronymic),
            birth,
        )),
        _ => None,
    };
    LookupKeys { document, person }
}

/// A person key as `dup.person` compares it: every name with `ё` read as `е`.
pub fn same_person_key(
    (surname, given_name, patronymic, birth): &(String, String, String, NaiveDate),
) -> (String, String, String, NaiveDate) {
    (
        fold_yo(surname),
        fold_yo(given_name),
        fold_yo(patronymic),
        *birth,
    )
}

/// The `dup.person` warning: the same person is already valid with `first`.
pub fn duplicate_person(first: &EntrySummary) -> Finding {
    let problem = Problem::DuplicatePerson {
        first: Box::new(first.clone()),
    };
    Finding {
        field: Field::Surname,
        severity: problem.severity(),
        fix: problem.fix().map(str::to_string),
        problem,
    }
}

/// Findings collected while checking, each tied to its field.
#[derive(Debug, Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn add(&mut self, field: Field, problem: Problem) {
        self.0.push(Finding {
            field,
            severity: problem.severity(),
            fix: problem.fix().map(str::to_string),
            problem,
        });
    }

    fn has_errors(&self) -> bool {
        self.0.iter().any(|f| f.severity == Severity::Error)
    }
}

/// The problem for a date that does not parse.
pub(crate) fn date_problem(error: DateError) -> Problem {
    match error {
        DateError::Empty => Problem::Required,
        DateError::Format => Problem::DateFormat,
        DateError::ShortYear => Problem::DateShortYear,
        DateError::NoSuchDay { day, month, year } => Problem::DateNoSuchDay { day, month, year },
    }
}

/// Runs every rule over a draft.
pub fn check_entry(draft: &EntryDraft, ctx: &CheckContext<'_>) -> CheckOutcome {
    let mut out = Findings::default();
    let surname = person::name(&mut out, Field::Surname, &draft.surname, true);
    let given_name = person::name(&mut out, Field::GivenName, &draft.given_name, true);
    let patronymic = person::name(&mut out, Field::Patronymic, &draft.patronymic, false);
    if let Some(first) = ctx.same_person {
        out.0.push(duplicate_person(first));
    }
    let signed_on = signing_date(&mut out, &draft.signed_on, ctx);
    let age_day = ctx
        .campaign
        .election_date
        .or(signed_on)
        .unwrap_or(ctx.today);
    let birth_date = person::birth_date(&mut out, &draft.birth_date, ctx.today, age_day);
    let region = place::region(&mut out, &draft.region, ctx);
    let past_birth = birth_date.filter(|&b| b <= ctx.today);
    let document = document(
        &mut out,
        draft,
        (past_birth, signed_on.unwrap_or(ctx.today)),
        region.map(|r| r.code.as_str()),
        ctx,
    );
    let abroad_country = place::abroad_country(&mut out, region, &draft.abroad_country);
    let address = place::address(&mut out, &draft.address, region, ctx.regions);
    out.0.sort_by_key(|f| f.field);
    let entry = match (out.has_errors(), birth_date, document, region, signed_on) {
        (
            false,
            Some(birth_date),
            Some((doc_series, doc_number)),
            Some(region),
            Some(signed_on),
        ) => Some(NewEntry {
            surname,
            given_name,
            patronymic,
            birth_date,
            doc_kind: draft.doc_kind,
            doc_series,
            doc_number,
            region_code: region.code.clone(),
            abroad_country,
            address,
            signed_on,
        }),
        _ => None,
    };
    CheckOutcome {
        entry,
        findings: out.0,
    }
}

/// Adds what HQ answered about the draft (DESIGN.md §10): the same document at another
/// point is an error, so the entry is no longer ready to save; the same person a warning.
pub fn add_hq_findings(outcome: &mut CheckOutcome, answer: &HqAnswer) {
    let mut out = Findings(std::mem::take(&mut outcome.findings));
    if let Some(hit) = &answer.document {
        let hit = hit.clone();
        out.add(Field::Document, Problem::DocumentAtPoint { hit });
    }
    if let Some(hit) = &answer.person {
        let hit = hit.clone();
        out.add(Field::Surname, Problem::PersonAtPoint { hit });
    }
    out.0.sort_by_key(|f| f.field);
    if out.has_errors() {
        outcome.entry = None;
    }
    outcome.findings = out.0;
}

/// Document format, kind against region, passport series (as on the signing day) and
/// duplicates.
fn document(
    out: &mut Findings,
    draft: &EntryDraft,
    (birth, signed_on): (Option<NaiveDate>, NaiveDate),
    region_code: Option<&str>,
    ctx: &CheckContext<'_>,
) -> Option<(String, String)> {
    match (draft.doc_kind, region_code) {
        (DocKind::Other, _) => out.add(Field::DocKind, Problem::DocOtherKind),
        (DocKind::ForeignPassport, Some(code)) if code != ABROAD => {
            out.add(Field::DocKind, Problem::DocKindRegion)
        }
        _ => {}
    }
    let parsed = match parse_document(draft.doc_kind, &draft.document) {
        Ok(parsed) => Some(parsed),
        Err(problem) => {
            out.add(Field::Document, problem);
            None
        }
    };
    if let (DocKind::InternalPassport, Some((series, _))) = (draft.doc_kind, &parsed) {
        for problem in passport_series_problems(series, birth, signed_on, ctx.regions) {
            out.add(Field::Document, problem);
        }
    }
    if let Some(first) = ctx.same_document {
        out.add(
            Field::Document,
            Problem::DuplicateDocument {
                first: Box::new(first.clone()),
            },
        );
    }
    parsed
}

/// Signing date: a real date, not in the future, inside the campaign window when set.
fn signing_date(out: &mut Findings, raw: &str, ctx: &CheckContext<'_>) -> Option<NaiveDate> {
    let signed = match parse_date(raw) {
        Ok(date) => date,
        Err(error) => {
            out.add(Field::SignedOn, date_problem(error));
            return None;
        }
    };
    if signed > ctx.today {
        out.add(Field::SignedOn, Problem::SignedInFuture);
    }
    if let Some(start) = ctx.campaign.window_start.filter(|&start| signed < start) {
        out.add(Field::SignedOn, Problem::SignedBeforeWindow { start });
    }
    if let Some(end) = ctx.campaign.window_end.filter(|&end| signed > end) {
        out.add(Field::SignedOn, Problem::SignedAfterWindow { end });
    }
    Some(signed)
}

#[cfg(test)]
mod tests;
