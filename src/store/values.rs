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

/// A `YYYY-MM-DD` date at column `i`.
pub(super) fn date_col(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = r.get(i)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| damaged("date", &text))
}

/// An RFC 3339 time at column `i`.
pub(super) fn time_col(r: &Row, i: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = r.get(i)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| damaged("time", &text))
}
