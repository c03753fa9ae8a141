//! Dates as people type them on a desk keyboard, and ages counted the way the law counts them.

use chrono::{Datelike, NaiveDate};

/// Why typed text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Nothing was typed.
    Empty,
    /// Not one of the accepted shapes (`31.12.1990`, `31121990`, `1990-12-31`).
    Format,
    /// The year has 2 digits (`3.1.90`): the century is a guess, so it must be typed.
    ShortYear,
    /// The shape is right but the calendar has no such day (`31.02.1990`).
    NoSuchDay {
        /// Day as typed.
        day: u32,
        /// Month as typed.
        month: u32,
        /// Year as typed.
        year: i32,
    },
}

/// Characters accepted between day, month and year. `,` is what the keypad's decimal key
/// gives in a Russian locale and `ю` is the `.` key when the Russian layout is on.
fn is_separator(c: char) -> bool {
    matches!(c, '.' | '/' | '-' | ',' | 'ю' | 'Ю') || c.is_whitespace()
}

/// Parses a typed date: `31.12.1990` (day and month of 1 or 2 digits; `.`, `/`, `-` or spaces
/// between them), `31121990` (exactly 8 digits, DDMMYYYY) or `1990-12-31`. The year must
/// have 4 digits.
pub fn parse_date(raw: &str) -> Result<NaiveDate, DateError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let parts: Vec<&str> = text.split(is_separator).filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| !p.chars().all(|c| c.is_ascii_digit())) {
        return Err(DateError::Format);
    }
    match parts.as_slice() {
        [digits] => parse_packed(digits),
        [year, month, day] if year.len() == 4 => build(day, month, year),
        [day, month, year] if day.len() <= 2 && month.len() <= 2 => match year.len() {
            4 => build(day, month, year),
            2 => Err(DateError::ShortYear),
            _ => Err(DateError::Format),
        },
        _ => Err(DateError::Format),
    }
}

/// Digits typed with no separators: DDMMYYYY, or DDMMYY (rejected as a short year).
fn parse_packed(digits: &str) -> Result<NaiveDate, DateError> {
    match digits.len() {
        8 => build(&digits[0..2], &digits[2..4], &digits[4..8]),
        6 => Err(DateError::ShortYear),
        _ => Err(DateError::Format),
    }
}

/// Builds a date from ASCII digit strings already known to have sane lengths.
fn build(day: &str, month: &str, year: &str) -> Result<NaiveDate, DateError> {
    let (Ok(day), Ok(month), Ok(year)) = (
        day.parse::<u32>(),
        month.parse::<u32>(),
        year.parse::<i32>(),
    ) else {
        return Err(DateError::Format);
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay { day, month, year })
}

/// A date as people write it, `DD.MM.YYYY`: what chrono's `%d.%m.%Y` gives, without
/// its format parser (`check` writes two dates for each of a million entries).
pub fn day_text(date: NaiveDate) -> String {
    if !(0..=9999).contains(&date.year()) {
        return date.format("%d.%m.%Y").to_string();
    }
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

/// Full years from `birth` to `day` (0 if `day` is earlier). Someone born on 29 February
/// gains a year on 1 March in common years: the strict reading, so no signer is counted
/// as 18 a day early.
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> u32 {
    if day <= birth {
        return 0;
    }
    let mut years = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn accepted_shapes() {
        let rows = [
            ("31.12.1990", d(1990, 12, 31)),
            (" 31.12.1990 ", d(1990, 12, 31)),
            ("1.2.1990", d(1990, 2, 1)),
            ("01/02/1990", d(1990, 2, 1)),
            ("1-2-1990", d(1990, 2, 1)),
            ("31 12 1990", d(1990, 12, 31)),
            ("31. 12. 1990", d(1990, 12, 31)),
            ("31,12,1990", d(1990, 12, 31)),
            ("31ю12ю1990", d(1990, 12, 31)),
            ("31121990", d(1990, 12, 31)),
            ("1990-12-31", d(1990, 12, 31)),
            ("29.02.2000", d(2000, 2, 29)),
        ];
        for (raw, want) in rows {
            assert_eq!(parse_date(raw), Ok(want), "{raw:?}");
        }
    }

    fn no_such_day(day: u32, month: u32, year: i32) -> DateError {
        DateError::NoSuchDay { day, month, year }
    }

    #[test]
    fn rejected_shapes() {
        let rows = [
            ("", DateError::Empty),
            ("   ", DateError::Empty),
            ("3.1.90", DateError::ShortYear),
            ("03.01.90", DateError::ShortYear),
            ("030190", DateError::ShortYear),
            ("31.02.1990", no_such_day(31, 2, 1990)),
            ("29.02.1990", no_such_day(29, 2, 1990)),
            ("13.13.1990", no_such_day(13, 13, 1990)),
            ("00.01.1990", no_such_day(0, 1, 1990)),
            ("3121990", DateError::Format),
            ("31.12.199", DateError::Format),
            ("31.12.19901", DateError::Format),
            ("31 декабря 1990", DateError::Format),
            ("31.12", DateError::Format),
            ("123.1.1990", DateError::Format),
            ("1990-12", DateError::Format),
        ];
        for (raw, want) in rows {
            assert_eq!(parse_date(raw), Err(want), "{raw:?}");
        }
    }

    #[test]
    fn ages() {
        assert_eq!(age_on(d(2006, 3, 17), d(2024, 3, 17)), 18);
        assert_eq!(age_on(d(2006, 3, 18), d(2024, 3, 17)), 17);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), 18);
        assert_eq!(age_on(d(2008, 2, 29), d(2028, 2, 29)), 20);
        assert_eq!(age_on(d(2030, 1, 1), d(2024, 1, 1)), 0);
        assert_eq!(age_on(d(1914, 1, 1), d(2024, 1, 1)), 110);
    }

    proptest! {
        #[test]
        fn day_text_is_chronos_format(days in -800_000i64..800_000) {
            let day = d(2000, 1, 1) + chrono::Duration::days(days);
            prop_assert_eq!(day_text(day), day.format("%d.%m.%Y").to_string());
        }

        #[test]
        fn parse_never_panics(raw in ".*") {
            let _ = parse_date(&raw);
        }

        #[test]
        fn parse_never_panics_on_date_like_text(raw in "[0-9 .,/ю-]{0,14}") {
            let _ = parse_date(&raw);
        }

        #[test]
        fn valid_dates_round_trip(days in 0i64..(9999 * 366)) {
            let Some(date) = d(1000, 1, 1).checked_add_days(chrono::Days::new(days as u64)) else {
                return Ok(());
            };
            if date.year() > 9999 {
                return Ok(());
            }
            for format in ["%d.%m.%Y", "%-d.%-m.%Y", "%d%m%Y", "%Y-%m-%d", "%d/%m/%Y", "%-d-%-m-%Y"] {
                let text = date.format(format).to_string();
                prop_assert_eq!(parse_date(&text), Ok(date), "{}", text);
            }
        }
    }
}
