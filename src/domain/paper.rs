//! The paper check (DESIGN.md §11): the largest 2024 rejection classes (dates and names not
//! written by the signer, data that differs from the passport) are invisible to the form,
//! so the lead compares a random sample of lines with the paper. Here: what the lead can
//! find on a line, the random draw, and the report over what was found (`report`).

mod report;

pub use report::{Authority, CheckedLine, GroupForecast, PaperReport, paper_report};

use fastrand::Rng;
use serde::Serialize;
use std::collections::BTreeSet;

/// What the lead found comparing one sampled line with the paper: nothing wrong, or the
/// defect that sinks the signature (the main one, when there are several).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "&'static str")]
pub enum PaperCode {
    /// The paper line matches the database and has nothing wrong.
    Ok,
    /// The signing date is not in the signer's own hand.
    DateNotOwnHand,
    /// The surname, name and patronymic are not in the signer's own hand.
    NameNotOwnHand,
    /// The data on paper differs from the database copy (and so from the passport).
    DataMismatch,
    /// A field is missing or incomplete on paper.
    MissingField,
    /// A correction on the line is not confirmed as the law requires.
    CorrectionNotCertified,
    /// The signature is missing.
    NoSignature,
    /// Anything else, described in a note.
    Other,
}

impl PaperCode {
    /// Every code, `ok` first, in the order the screen offers them.
    pub const ALL: [PaperCode; 8] = [
        PaperCode::Ok,
        PaperCode::DateNotOwnHand,
        PaperCode::NameNotOwnHand,
        PaperCode::DataMismatch,
        PaperCode::MissingField,
        PaperCode::CorrectionNotCertified,
        PaperCode::NoSignature,
        PaperCode::Other,
    ];

    /// The stable code (`ok`, `paper.date_not_own_hand` …).
    pub fn code(self) -> &'static str {
        match self {
            PaperCode::Ok => "ok",
            PaperCode::DateNotOwnHand => "paper.date_not_own_hand",
            PaperCode::NameNotOwnHand => "paper.name_not_own_hand",
            PaperCode::DataMismatch => "paper.data_mismatch",
            PaperCode::MissingField => "paper.missing_field",
            PaperCode::CorrectionNotCertified => "paper.correction_not_certified",
            PaperCode::NoSignature => "paper.no_signature",
            PaperCode::Other => "paper.other",
        }
    }

    /// The code from its text, with or without the `paper.` prefix, in any case.
    pub fn parse(text: &str) -> Option<PaperCode> {
        let text = text.trim().to_ascii_lowercase();
        let bare = text.strip_prefix("paper.").unwrap_or(&text);
        PaperCode::ALL
            .into_iter()
            .find(|c| c.code().trim_start_matches("paper.") == bare)
    }

    /// Whether the line is invalid on paper.
    pub fn is_finding(self) -> bool {
        self != PaperCode::Ok
    }

    /// Whether the finding needs a note saying what it is.
    pub fn needs_note(self) -> bool {
        self == PaperCode::Other
    }
}

impl From<PaperCode> for &'static str {
    fn from(code: PaperCode) -> &'static str {
        code.code()
    }
}

/// `size` distinct positions in `0..population`, each set of positions equally likely
/// (Floyd's algorithm), from a generator seeded with `seed`: the same arguments draw the
/// same positions. Sorted; all of them when `size` reaches the population.
pub fn draw_positions(population: u64, size: u64, seed: u64) -> Vec<u64> {
    let size = size.min(population);
    let mut rng = Rng::with_seed(seed);
    let mut chosen = BTreeSet::new();
    for j in population - size..population {
        let pick = rng.u64(0..=j);
        if !chosen.insert(pick) {
            chosen.insert(j);
        }
    }
    chosen.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_read_with_or_without_the_prefix() {
        for code in PaperCode::ALL {
            assert_eq!(PaperCode::parse(code.code()), Some(code));
            let bare = code.code().trim_start_matches("paper.");
            assert_eq!(PaperCode::parse(&bare.to_uppercase()), Some(code));
        }
        assert_eq!(
            PaperCode::parse(" paper.date_not_own_hand "),
            Some(PaperCode::DateNotOwnHand)
        );
        assert_eq!(PaperCode::parse("paper.ok"), Some(PaperCode::Ok));
        for bad in ["", "paper.", "date", "paper.forged", "dup.person"] {
            assert_eq!(PaperCode::parse(bad), None, "{bad:?}");
        }
        assert!(!PaperCode::Ok.is_finding() && PaperCode::NoSignature.is_finding());
        assert!(PaperCode::Other.needs_note() && !PaperCode::DataMismatch.needs_note());
    }

    #[test]
    fn every_position_is_equally_likely() {
        let (population, size, draws) = (10u64, 3u64, 30_000u64);
        let mut seen = [0u64; 10];
        for seed in 0..draws {
            for p in draw_positions(population, size, seed) {
                seen[p as usize] += 1;
            }
        }
        let expected = (draws * size / population) as f64;
        for (position, count) in seen.iter().enumerate() {
            let off = (*count as f64 - expected).abs() / expected;
            assert!(off < 0.03, "position {position}: {count} of {expected}");
        }
    }

    proptest! {
        #[test]
        fn draws_are_distinct_in_range_sorted_and_reproducible(
            population in 0u64..5_000,
            size in 0u64..600,
            seed in any::<u64>(),
        ) {
            let drawn = draw_positions(population, size, seed);
            prop_assert_eq!(drawn.len() as u64, size.min(population));
            prop_assert!(drawn.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(drawn.iter().all(|&p| p < population));
            prop_assert_eq!(draw_positions(population, size, seed), drawn);
        }
    }
}
