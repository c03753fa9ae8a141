//! Rules about the signer as a person: names and birth date.

use super::{Findings, Problem, date_problem};
use crate::domain::Field;
use crate::domain::dates::{age_on, parse_date};
use crate::domain::names::check_name;
use chrono::NaiveDate;

/// Oldest age accepted; older is surely a typo in the year.
const MAX_AGE: u32 = 110;
/// Age from which the year is worth a second look.
const CHECK_AGE: u32 = 100;
/// Voting age on election day.
const VOTING_AGE: u32 = 18;

/// Checks one name field and returns its normalised text.
pub(super) fn name(out: &mut Findings, field: Field, raw: &str, required: bool) -> String {
    let checked = check_name(raw);
    if checked.text.is_empty() && required {
        out.add(field, Problem::Required);
    }
    for problem in checked.problems {
        out.add(field, problem);
    }
    checked.text
}

/// Birth date: a real date, not in the future, 18 to 110 years old on `age_day` (the
/// election day, or the signing day when no election date is set).
pub(super) fn birth_date(
    out: &mut Findings,
    raw: &str,
    today: NaiveDate,
    age_day: NaiveDate,
) -> Option<NaiveDate> {
    let birth = match parse_date(raw) {
        Ok(date) => date,
        Err(error) => {
            out.add(Field::BirthDate, date_problem(error));
            return None;
        }
    };
    if birth > today {
        out.add(Field::BirthDate, Problem::BirthInFuture);
        return Some(birth);
    }
    let age = age_on(birth, age_day);
    if age < VOTING_AGE {
        out.add(Field::BirthDate, Problem::UnderAge { age, on: age_day });
    } else if age > MAX_AGE {
        out.add(Field::BirthDate, Problem::TooOld { age });
    } else if age > CHECK_AGE {
        out.add(Field::BirthDate, Problem::VeryOld { age });
    }
    Some(birth)
}
