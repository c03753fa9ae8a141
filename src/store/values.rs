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
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| damaged("date", text))
}

/// A stored RFC 3339 time.
fn parse_time(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| damaged("time", text))
}

/// A `YYYY-MM-DD` date at column `i`.
pub(super) fn date_col(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    parse_date(&r.get::<_, String>(i)?)
}

/// An RFC 3339 time at column `i`.
pub(super) fn time_col(r: &Row, i: usize) -> rusqlite::Result<DateTime<Utc>> {
    parse_time(&r.get::<_, String>(i)?)
}

/// An RFC 3339 time at column `i`, or `None` where the column is NULL.
pub(super) fn optional_time_col(r: &Row, i: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    r.get::<_, Option<String>>(i)?
        .as_deref()
        .map(parse_time)
        .transpose()
}
