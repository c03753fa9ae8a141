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
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(series: &str, number: &str) -> Result<(String, String), Problem> {
        Ok((series.to_string(), number.to_string()))
    }

    #[test]
    fn internal_passport_shapes() {
        let k = DocKind::InternalPassport;
        let rows = [
            ("4506 123456", ok("4506", "123456")),
            ("4506123456", ok("4506", "123456")),
            ("45 06 123456", ok("4506", "123456")),
            ("4506№123456", ok("4506", "123456")),
            ("4506 № 123456", ok("4506", "123456")),
            (" 4506  N123456 ", ok("4506", "123456")),
            ("45-06-123456", ok("4506", "123456")),
            (
                "4506 12345",
                Err(Problem::DocNumberLength {
                    kind: k,
                    expected: 6,
                    got: 5,
                }),
            ),
            (
                "4506 1234567",
                Err(Problem::DocNumberLength {
                    kind: k,
                    expected: 6,
                    got: 7,
                }),
            ),
            (
                "450 123456",
                Err(Problem::DocSeriesLength {
                    kind: k,
                    expected: 4,
                    got: 3,
                }),
            ),
            (
                "450612345",
                Err(Problem::DocLooksLike {
                    chosen: k,
                    looks_like: DocKind::ForeignPassport,
                }),
            ),
            (
                "75 1234567",
                Err(Problem::DocLooksLike {
                    chosen: k,
                    looks_like: DocKind::ForeignPassport,
                }),
            ),
            (
                "45061234",
                Err(Problem::DocLength {
                    kind: k,
                    expected: 10,
                    got: 8,
                }),
            ),
            ("4506 1234 56", ok("4506", "123456")),
            ("", Err(Problem::Required)),
            (" № ", Err(Problem::Required)),
            ("4506 I23456", Err(Problem::DocChars { chars: "I".into() })),
            (
                "серия 4506",
                Err(Problem::DocChars {
                    chars: "серия".into(),
                }),
            ),
        ];
        for (raw, want) in rows {
            assert_eq!(parse_document(k, raw), want, "{raw:?}");
        }
    }

    #[test]
    fn foreign_passport_and_other_documents() {
        let f = DocKind::ForeignPassport;
        assert_eq!(parse_document(f, "75 1234567"), ok("75", "1234567"));
        assert_eq!(parse_document(f, "751234567"), ok("75", "1234567"));
        assert_eq!(
            parse_document(f, "75 123456"),
            Err(Problem::DocNumberLength {
                kind: f,
                expected: 7,
                got: 6
            })
        );
        assert_eq!(
            parse_document(f, "4506 123456"),
            Err(Problem::DocLooksLike {
                chosen: f,
                looks_like: DocKind::InternalPassport
            })
        );
        let o = DocKind::Other;
        assert_eq!(
            parse_document(o, "  военный   билет аб 1234567 "),
            ok("", "ВОЕННЫЙ БИЛЕТ АБ 1234567")
        );
        assert_eq!(parse_document(o, "   "), Err(Problem::Required));
    }

    fn catalog() -> RegionCatalog {
        RegionCatalog::embedded().expect("embedded catalogue")
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn series_region_and_year() {
        let regions = catalog();
        let on = d(2026, 1, 20);
        // (series, birth date, expected codes), signed on 20.01.2026.
        let rows: [(&str, Option<NaiveDate>, &[&str]); 12] = [
            ("4521", Some(d(1990, 5, 1)), &[]),
            ("4526", Some(d(1990, 5, 1)), &[]),
            ("4527", Some(d(1990, 5, 1)), &["doc.series_year"]),
            ("4550", None, &["doc.series_year"]),
            ("4595", Some(d(1990, 5, 1)), &["doc.series_year"]),
            ("0006", None, &["doc.series_region"]),
            ("4599", Some(d(1990, 5, 1)), &["doc.series_before_14"]),
            ("4502", Some(d(1990, 5, 1)), &["doc.series_before_14"]),
            ("4503", Some(d(2012, 5, 1)), &["doc.series_before_14"]),
            // A 14-year-old's blank (2003/2004) not replaced at 20 (2010): expired.
            ("4503", Some(d(1990, 5, 1)), &["doc.passport_expired"]),
            ("4503", Some(d(1989, 5, 1)), &["doc.passport_expired"]),
            ("4599", Some(d(1970, 5, 1)), &["doc.passport_expired"]),
        ];
        for (series, birth, want) in rows {
            let got: Vec<&str> = passport_series_problems(series, birth, on, &regions)
                .iter()
                .map(Problem::code)
                .collect();
            assert_eq!(got, want, "{series} born {birth:?}");
        }
    }

    #[test]
    fn passports_expire_90_days_after_20_and_45_unless_replaced() {
        let regions = catalog();
        // (what, series, birth date, signing date, expected warning)
        let rows: [(&str, &str, NaiveDate, NaiveDate, Option<Problem>); 10] = [
            (
                "blank at 14, signer 19",
                "4519",
                d(2005, 3, 1),
                d(2024, 3, 10),
                None,
            ),
            (
                "blank at 14, 20 today",
                "4519",
                d(2004, 3, 10),
                d(2024, 3, 10),
                None,
            ),
            (
                "blank at 14, 20 + 90 days",
                "4518",
                d(2004, 1, 1),
                d(2024, 3, 31),
                None,
            ),
            (
                "blank at 14, 20 + 91 days",
                "4518",
                d(2004, 1, 1),
                d(2024, 4, 1),
                Some(Problem::PassportExpired {
                    blank_year: 2018,
                    age: 20,
                }),
            ),
            (
                "blank the year before 20 (slack)",
                "4523",
                d(2004, 6, 1),
                d(2026, 1, 20),
                None,
            ),
            (
                "replaced at 20, signer 43",
                "4502",
                d(1982, 6, 1),
                d(2026, 1, 20),
                None,
            ),
            (
                "replaced at 20, past 45",
                "4502",
                d(1980, 6, 1),
                d(2026, 1, 20),
                Some(Problem::PassportExpired {
                    blank_year: 2002,
                    age: 45,
                }),
            ),
            (
                "replaced at 45",
                "4525",
                d(1980, 6, 1),
                d(2026, 1, 20),
                None,
            ),
            (
                "1997 blank, past 45 in 2010",
                "4597",
                d(1965, 1, 1),
                d(2026, 1, 20),
                Some(Problem::PassportExpired {
                    blank_year: 1997,
                    age: 45,
                }),
            ),
            (
                "born 29 February: 45 on 1 March",
                "4504",
                d(1980, 2, 29),
                d(2025, 5, 31),
                Some(Problem::PassportExpired {
                    blank_year: 2004,
                    age: 45,
                }),
            ),
        ];
        for (what, series, birth, on, want) in rows {
            let got = passport_series_problems(series, Some(birth), on, &regions);
            assert_eq!(got, want.into_iter().collect::<Vec<_>>(), "{what}");
        }
    }

    #[test]
    fn the_series_year_is_read_on_the_signing_date() {
        let regions = catalog();
        let codes = |on: NaiveDate| -> Vec<&'static str> {
            passport_series_problems("4526", None, on, &regions)
                .iter()
                .map(Problem::code)
                .collect()
        };
        assert_eq!(codes(d(2025, 12, 31)), ["doc.series_year"]);
        assert!(codes(d(2026, 1, 1)).is_empty());
    }

    proptest! {
        #[test]
        fn parse_document_never_panics(raw in ".*", kind in 0..3u8) {
            let kind = [DocKind::InternalPassport, DocKind::ForeignPassport, DocKind::Other][kind as usize];
            let _ = parse_document(kind, &raw);
        }

        #[test]
        fn passports_parse_whatever_the_spacing(series in "[0-9]{4}", number in "[0-9]{6}", gap in "[ №]{0,3}") {
            let typed = format!("{series}{gap}{number}");
            prop_assert_eq!(parse_document(DocKind::InternalPassport, &typed), Ok((series, number)));
        }
    }
}
