//! Every defect the check set can report, with the data its message needs.

use crate::domain::hq::HqHit;
use crate::domain::{DocKind, EntrySummary, Region, Severity};
use chrono::NaiveDate;

/// A region named in a message, in both languages (messages have no catalogue at hand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionName {
    /// Catalogue code (`77`, `abroad`).
    pub code: String,
    /// Russian name.
    pub name_ru: String,
    /// English name.
    pub name_en: String,
}

impl From<&Region> for RegionName {
    fn from(region: &Region) -> Self {
        RegionName {
            code: region.code.clone(),
            name_ru: region.name_ru.clone(),
            name_en: region.name_en.clone(),
        }
    }
}

/// Every kind of defect a check can report; `code()` is its stable rule code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A required field is empty.
    Required,
    /// A name holds characters other than letters, hyphen, space and apostrophe.
    NameChars {
        /// The offending characters, each once, in order of appearance.
        chars: String,
    },
    /// A hyphen or apostrophe with no letter on one side (`Иванов-`, `--`).
    NameSigns,
    /// Latin letters: fine for a foreign name only.
    NameLatin,
    /// Typed with the English layout on; `fix` is the Russian text meant.
    NameLayout {
        /// The name retyped with the Russian layout.
        fix: String,
    },
    /// Cyrillic and Latin letters in one name; a warning when a fix exists.
    NameMixedScript {
        /// The all-Cyrillic name meant, when it can be guessed.
        fix: Option<String>,
    },
    /// A one-letter part: the sheet needs the name in full, not an initial.
    NameInitial,
    /// Not a date in an accepted shape.
    DateFormat,
    /// A 2-digit year (`3.1.90`).
    DateShortYear,
    /// The calendar has no such day (`31.02.1990`).
    DateNoSuchDay {
        /// Day as typed.
        day: u32,
        /// Month as typed.
        month: u32,
        /// Year as typed.
        year: i32,
    },
    /// The birth date is after today.
    BirthInFuture,
    /// Younger than 18 on the election day (or the signing day when none is set).
    UnderAge {
        /// Full years on that day.
        age: u32,
        /// The day the age is counted on.
        on: NaiveDate,
    },
    /// Older than 110: surely a typo in the year.
    TooOld {
        /// Full years.
        age: u32,
    },
    /// Older than 100: possible, but check the year.
    VeryOld {
        /// Full years.
        age: u32,
    },
    /// The document holds characters that are not digits.
    DocChars {
        /// The offending characters, each once.
        chars: String,
    },
    /// Series and number together have the wrong number of digits.
    DocLength {
        /// Document kind chosen.
        kind: DocKind,
        /// Digits expected in total.
        expected: usize,
        /// Digits typed.
        got: usize,
    },
    /// The series (the group typed first) has the wrong number of digits.
    DocSeriesLength {
        /// Document kind chosen.
        kind: DocKind,
        /// Digits expected.
        expected: usize,
        /// Digits typed.
        got: usize,
    },
    /// The number (the group typed last) has the wrong number of digits.
    DocNumberLength {
        /// Document kind chosen.
        kind: DocKind,
        /// Digits expected.
        expected: usize,
        /// Digits typed.
        got: usize,
    },
    /// The digits fit another document kind (9 digits for an internal passport).
    DocLooksLike {
        /// Document kind chosen.
        chosen: DocKind,
        /// The kind the digits fit.
        looks_like: DocKind,
    },
    /// A document other than a passport: check it legally replaces one.
    DocOtherKind,
    /// An international passport for a voter registered in Russia.
    DocKindRegion,
    /// Passport series digits 1–2 are no region's OKATO code.
    PassportSeriesRegion {
        /// The two digits typed.
        okato: String,
    },
    /// Passport series digits 3–4 are not a year a blank was made (97 up to this year).
    PassportSeriesYear {
        /// The two digits typed.
        year: String,
        /// This year's last two digits.
        current: u32,
    },
    /// The passport blank was made before the holder turned 14 (with a year of slack).
    PassportBeforeFourteen {
        /// The year the blank was made.
        blank_year: i32,
        /// The year the holder turned 14.
        fourteen_in: i32,
    },
    /// The passport blank was made before the holder turned 20 (or 45), and the signer is
    /// more than 90 days past that birthday: the passport was due to be replaced.
    PassportExpired {
        /// The year the blank was made.
        blank_year: i32,
        /// The birthday it should have been replaced at (20 or 45).
        age: u32,
    },
    /// The same document is already on a valid entry.
    DuplicateDocument {
        /// Where the first entry with it stands.
        first: Box<EntrySummary>,
    },
    /// The same person (name and birth date) signed already, with another document.
    DuplicatePerson {
        /// Where the earlier entry stands.
        first: Box<EntrySummary>,
    },
    /// HQ knows a valid entry with the same document at another point.
    DocumentAtPoint {
        /// That point and the date signed there.
        hit: HqHit,
    },
    /// HQ knows the same person (name and birth date) at another point, other document.
    PersonAtPoint {
        /// That point and the date signed there.
        hit: HqHit,
    },
    /// The region text matches no catalogue entry, or several.
    RegionUnknown {
        /// Regions that start like the text, best first (possibly none).
        suggestions: Vec<RegionName>,
    },
    /// Region `abroad` without the foreign state that heads the sheet.
    AbroadCountryMissing,
    /// The region (or all of `abroad`) has reached its cap of valid signatures.
    RegionCap {
        /// Valid signatures already counted.
        count: u32,
        /// The cap.
        cap: u32,
        /// Whether this is the total for voters abroad.
        abroad: bool,
    },
    /// The address has no digit, so no house number.
    AddressNoHouse,
    /// The address names another federal subject than the region chosen.
    AddressRegionMismatch {
        /// The subject the address names.
        named: Box<RegionName>,
        /// The region chosen.
        chosen: Box<RegionName>,
    },
    /// The signing date is after today.
    SignedInFuture,
    /// The signing date is before the campaign window opens.
    SignedBeforeWindow {
        /// First allowed date.
        start: NaiveDate,
    },
    /// The signing date is after the campaign window closes.
    SignedAfterWindow {
        /// Last allowed date.
        end: NaiveDate,
    },
}

impl Problem {
    /// Stable rule code such as `doc.number_length`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Required => "field.required",
            Problem::NameChars { .. } => "name.chars",
            Problem::NameSigns => "name.signs",
            Problem::NameLatin => "name.latin",
            Problem::NameLayout { .. } => "name.layout",
            Problem::NameMixedScript { .. } => "name.mixed_script",
            Problem::NameInitial => "name.initial",
            Problem::DateFormat => "date.format",
            Problem::DateShortYear => "date.short_year",
            Problem::DateNoSuchDay { .. } => "date.no_such_day",
            Problem::BirthInFuture => "birth.future",
            Problem::UnderAge { .. } => "birth.under_18",
            Problem::TooOld { .. } => "birth.over_110",
            Problem::VeryOld { .. } => "birth.over_100",
            Problem::DocChars { .. } => "doc.chars",
            Problem::DocLength { .. } => "doc.length",
            Problem::DocSeriesLength { .. } => "doc.series_length",
            Problem::DocNumberLength { .. } => "doc.number_length",
            Problem::DocLooksLike { .. } => "doc.looks_like",
            Problem::DocOtherKind => "doc.other_kind",
            Problem::DocKindRegion => "doc.kind_region",
            Problem::PassportSeriesRegion { .. } => "doc.series_region",
            Problem::PassportSeriesYear { .. } => "doc.series_year",
            Problem::PassportBeforeFourteen { .. } => "doc.series_before_14",
            Problem::PassportExpired { .. } => "doc.passport_expired",
            Problem::DuplicateDocument { .. } => "dup.document",
            Problem::DuplicatePerson { .. } => "dup.person",
            Problem::DocumentAtPoint { .. } => "dup.document",
            Problem::PersonAtPoint { .. } => "dup.person",
            Problem::RegionUnknown { .. } => "region.unknown",
            Problem::AbroadCountryMissing => "region.abroad_country",
            Problem::RegionCap { .. } => "region.cap",
            Problem::AddressNoHouse => "address.no_house",
            Problem::AddressRegionMismatch { .. } => "address.region_mismatch",
            Problem::SignedInFuture => "signed.future",
            Problem::SignedBeforeWindow { .. } => "signed.before_window",
            Problem::SignedAfterWindow { .. } => "signed.after_window",
        }
    }

    /// Whether the problem blocks saving (error) or needs a second Ctrl-S (warning).
    pub fn severity(&self) -> Severity {
        match self {
            Problem::NameLatin
            | Problem::NameLayout { .. }
            | Problem::NameMixedScript { fix: Some(_) }
            | Problem::NameInitial
            | Problem::VeryOld { .. }
            | Problem::DocOtherKind
            | Problem::PassportSeriesRegion { .. }
            | Problem::PassportSeriesYear { .. }
            | Problem::PassportBeforeFourteen { .. }
            | Problem::PassportExpired { .. }
            | Problem::DuplicatePerson { .. }
            | Problem::PersonAtPoint { .. }
            | Problem::RegionCap { .. }
            | Problem::AddressNoHouse
            | Problem::AddressRegionMismatch { .. } => Severity::Warning,
            Problem::Required
            | Problem::NameChars { .. }
            | Problem::NameSigns
            | Problem::NameMixedScript { fix: None }
            | Problem::DateFormat
            | Problem::DateShortYear
            | Problem::DateNoSuchDay { .. }
            | Problem::BirthInFuture
            | Problem::UnderAge { .. }
            | Problem::TooOld { .. }
            | Problem::DocChars { .. }
            | Problem::DocLength { .. }
            | Problem::DocSeriesLength { .. }
            | Problem::DocNumberLength { .. }
            | Problem::DocLooksLike { .. }
            | Problem::DocKindRegion
            | Problem::DuplicateDocument { .. }
            | Problem::DocumentAtPoint { .. }
            | Problem::RegionUnknown { .. }
            | Problem::AbroadCountryMissing
            | Problem::SignedInFuture
            | Problem::SignedBeforeWindow { .. }
            | Problem::SignedAfterWindow { .. } => Severity::Error,
        }
    }

    /// The replacement the operator can accept with Ctrl-T, if the problem carries one.
    pub fn fix(&self) -> Option<&str> {
        match self {
            Problem::NameLayout { fix } | Problem::NameMixedScript { fix: Some(fix) } => Some(fix),
            _ => None,
        }
    }
}
