//! Identity documents: series and number as people type them, and what a passport series
//! tells about the passport (the region and year its blank was made).

use super::names::upper;
use super::{DocKind, Problem, RegionCatalog};
use chrono::{Datelike, Duration, NaiveDate};

/// Digits of the series and of the number for the passport kinds.
pub fn shape(kind: DocKind) -> Option<(usize, usize)> {
    match kind {
        DocKind::InternalPassport => Some((4, 6)),
        DocKind::ForeignPassport => Some((2, 7)),
        DocKind::Other => None,
    }
}

/// Characters people put between series and number: spaces, `№`, `N`, `#`, `-`.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '№' | 'N' | 'n' | '#' | '-')
}

/// The kind of document typed text is (DESIGN.md §4), so the form need not ask: 2 + 7
/// digits (or 9 together) are the international passport; text with letters is another
/// document; any other digits are read as the internal passport, so that a digit too many
/// or too few stays an error instead of becoming another document's warning.
pub fn kind_of(raw: &str) -> DocKind {
    if raw.chars().any(|c| !c.is_ascii_digit() && !is_separator(c)) {
        return DocKind::Other;
    }
    let groups: Vec<usize> = raw
        .split(is_separator)
        .filter(|g| !g.is_empty())
        .map(str::len)
        .collect();
    if groups == [2, 7] || groups == [9] {
        DocKind::ForeignPassport
    } else {
        DocKind::InternalPassport
    }
}

/// Splits typed text into `(series, number)`. Passports take their digits with or without
/// spaces (`4506 123456`, `4506123456`, `45 06 123456`, `4506№123456`); `other` documents
/// keep their text, trimmed, spaces collapsed and upper-cased, as the number.
pub fn parse_document(kind: DocKind, raw: &str) -> Result<(String, String), Problem> {
    let Some((series_len, number_len)) = shape(kind) else {
        let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Err(Problem::Required);
        }
        return Ok((String::new(), text.chars().map(upper).collect()));
    };
    let mut odd = String::new();
    for c in raw
        .chars()
        .filter(|&c| !c.is_ascii_digit() && !is_separator(c))
    {
        if !odd.contains(c) {
            odd.push(c);
        }
    }
    if !odd.is_empty() {
        return Err(Problem::DocChars { chars: odd });
    }
    let groups: Vec<&str> = raw.split(is_separator).filter(|g| !g.is_empty()).collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let total: usize = lengths.iter().sum();
    if total == 0 {
        return Err(Problem::Required);
    }
    if total == series_len + number_len {
        let digits: String = groups.concat();
        let (series, number) = digits.split_at(series_len);
        return Ok((series.to_string(), number.to_string()));
    }
    if let Some(other) = other_passport(kind, &lengths) {
        return Err(Problem::DocLooksLike {
            chosen: kind,
            looks_like: other,
        });
    }
    let prefix_is =
        |want: usize| (1..lengths.len()).find(|&k| lengths[..k].iter().sum::<usize>() == want);
    let suffix_is =
        |want: usize| (1..lengths.len()).find(|&k| lengths[k..].iter().sum::<usize>() == want);
    if let Some(k) = prefix_is(series_len) {
        let got = lengths[k..].iter().sum();
        return Err(Problem::DocNumberLength {
            kind,
            expected: number_len,
            got,
        });
    }
    if let Some(k) = suffix_is(number_len) {
        let got = lengths[..k].iter().sum();
        return Err(Problem::DocSeriesLength {
            kind,
            expected: series_len,
            got,
        });
    }
    Err(Problem::DocLength {
        kind,
        expected: series_len + number_len,
        got: total,
    })
}

/// The other passport kind, when the digits typed have exactly its shape.
fn other_passport(kind: DocKind, lengths: &[usize]) -> Option<DocKind> {
    let other = match kind {
        DocKind::InternalPassport => DocKind::ForeignPassport,
        DocKind::ForeignPassport => DocKind::InternalPassport,
        DocKind::Other => return None,
    };
    let (series, number) = shape(other)?;
    let fits = lengths.iter().sum::<usize>() == series + number
        && (lengths.len() == 1 || lengths == [series, number]);
    fits.then_some(other)
}

/// The birthdays at which an internal passport must be replaced, latest first.
const REPLACED_AT: [u32; 2] = [45, 20];
/// Days after such a birthday the old passport stays valid.
const REPLACEMENT_GRACE_DAYS: i64 = 90;

/// What an internal passport series says that may be wrong, on the day `on` the line is
/// signed: digits 1–2 must be a region's OKATO code; digits 3–4 the year the blank was
/// made, 97–99 or 00 up to the signing year, and not before the holder turned 14 (a year
/// of slack, as a blank waits before it is issued). A blank made before the holder turned
/// 20 (or 45) is probably expired once the signer is 90 days past that birthday (the same
/// year of slack). Returns warnings only.
pub fn passport_series_problems(
    series: &str,
    birth: Option<NaiveDate>,
    on: NaiveDate,
    regions: &RegionCatalog,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if series.len() != 4 || !series.bytes().all(|b| b.is_ascii_digit()) {
        return problems;
    }
    let (okato, year) = series.split_at(2);
    if regions.by_okato(okato).is_none() {
        problems.push(Problem::PassportSeriesRegion {
            okato: okato.to_string(),
        });
    }
    let yy: u32 = year.parse().unwrap_or(0);
    let current = on.year().rem_euclid(100).unsigned_abs();
    if !(yy >= 97 || yy <= current) {
        problems.push(Problem::PassportSeriesYear {
            year: year.to_string(),
            current,
        });
        return problems;
    }
    let blank_year = blank_year(series).unwrap_or_default();
    if let Some(birth) = birth {
        let fourteen_in = birth.year() + 14;
        if blank_year + 1 < fourteen_in {
            problems.push(Problem::PassportBeforeFourteen {
                blank_year,
                fourteen_in,
            });
        } else if let Some(problem) = expired(birth, blank_year, on) {
            problems.push(problem);
        }
    }
    problems
}

/// The year a passport blank was made, from series digits 3–4 (`97`–`99` are 1997–1999,
/// the rest 2000 on).
pub fn blank_year(series: &str) -> Option<i32> {
    let yy: i32 = series.get(2..4)?.parse().ok()?;
    Some(if yy >= 97 { 1900 + yy } else { 2000 + yy })
}

/// The "probably expired" warning when the latest replacement birthday (20 or 45) the
/// holder is 90 days past on `on` came after the blank was made.
fn expired(birth: NaiveDate, blank_year: i32, on: NaiveDate) -> Option<Problem> {
    let (age, birthday) = REPLACED_AT.into_iter().find_map(|age| {
        let birthday = birthday_at(birth, age)?;
        (on > birthday + Duration::days(REPLACEMENT_GRACE_DAYS)).then_some((age, birthday))
    })?;
    (blank_year + 1 < birthday.year()).then_some(Problem::PassportExpired { blank_year, age })
}

/// The day the holder turns `age` (1 March for someone born on 29 February, in a common
/// year), as [`super::dates::age_on`] counts it.
fn birthday_at(birth: NaiveDate, age: u32) -> Option<NaiveDate> {
    let year = birth.year() + i32::try_from(age).ok()?;
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

#[cfg(test)]
mod tests;
