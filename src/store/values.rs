//! How times and dates are stored (RFC 3339 UTC and `YYYY-MM-DD` text), read back, and the
//! error of a stored value that does not parse.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Row;

pub(crate) use crate::domain::columns::time_text;

/// The error of a stored value that does not parse.
pub(super) fn damaged(what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("{what} `{value}`").into(),
    )
}

/// A stored `YYYY-MM-DD` date.
pub(super) fn parse_date(text: &str) -> rusqlite::Result<NaiveDate> {
    iso_day(text)
        .or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .ok_or_else(|| damaged("date", text))
}

/// `YYYY-MM-DD` read digit by digit: what sigdesk writes, read a million times by `check`
/// and `export` (chrono's format parser costs more than the rest of the row).
fn iso_day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// The text at column `i`, borrowed from the row, or `None` where it is NULL.
pub(super) fn optional_text_col<'r>(r: &'r Row, i: usize) -> rusqlite::Result<Option<&'r str>> {
    r.get_ref(i)?.as_str_or_null().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    })
}

/// The text at column `i`, borrowed from the row.
pub(super) fn text_col<'r>(r: &'r Row, i: usize) -> rusqlite::Result<&'r str> {
    r.get_ref(i)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    })
}

/// A stored RFC 3339 time.
fn parse_time(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| damaged("time", text))
}

/// A `YYYY-MM-DD` date at column `i`.
pub(super) fn date_col(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    parse_date(text_col(r, i)?)
}

/// An RFC 3339 time at column `i`.
pub(super) fn time_col(r: &Row, i: usize) -> rusqlite::Result<DateTime<Utc>> {
    parse_time(text_col(r, i)?)
}

/// An RFC 3339 time at column `i`, or `None` where the column is NULL.
pub(super) fn optional_time_col(r: &Row, i: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    r.get::<_, Option<String>>(i)?
        .as_deref()
        .map(parse_time)
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_quick_date_reader_agrees_with_chrono(text in "[0-9+-]{0,11}") {
            prop_assert_eq!(
                parse_date(&text).ok(),
                NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()
            );
        }

        #[test]
        fn every_written_day_reads_back(days in 0i64..80_000) {
            let day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default()
                + chrono::Duration::days(days);
            let text = day.format("%Y-%m-%d").to_string();
            prop_assert_eq!(iso_day(&text), Some(day));
        }
    }
}
