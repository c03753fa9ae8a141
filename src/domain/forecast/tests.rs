//! Table tests against published and independently computed values.

use super::*;

/// Wilson score intervals without continuity correction: Newcombe (1998), "Two-sided
/// confidence intervals for the single proportion", Statistics in Medicine 17, Table II
/// (method 3), and the 40 of 400, with edge cases; bounds to 4 decimals.
#[test]
fn wilson_intervals_match_published_values() {
    let rows: [(u64, u64, f64, f64); 11] = [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
        (40, 400, 0.0743, 0.1333),
        (13, 212, 0.0362, 0.1021),
        (0, 400, 0.0, 0.0095),
        (5, 100, 0.0215, 0.1118),
        (10, 10, 0.7225, 1.0),
        (1, 1, 0.2065, 1.0),
        (0, 1, 0.0, 0.7935),
    ];
    for (invalid, checked, low, high) in rows {
        let e = estimate(invalid, checked).expect("lines checked");
        let close = |got: f64, want: f64| (got - want).abs() < 0.00005;
        assert!(
            close(e.low, low) && close(e.high, high),
            "{invalid}/{checked}: {:.4}–{:.4}",
            e.low,
            e.high
        );
        assert!((e.share - invalid as f64 / checked as f64).abs() < 1e-15);
        assert!(e.low <= e.share && e.share <= e.high);
    }
}

#[test]
fn no_line_checked_gives_no_estimate_and_extra_findings_are_capped() {
    assert_eq!(estimate(0, 0), None);
    assert_eq!(refusal_probability(0, 0, 60_000, 5), None);
    assert_eq!(refusal_probability(1, 10, 0, 5), None);
    assert_eq!(estimate(12, 10), estimate(10, 10));
}

#[test]
fn ln_gamma_matches_reference_values() {
    // Reference: mpmath.loggamma at 30 digits.
    let rows = [
        (1.0, 0.0),
        (2.0, 0.0),
        (0.5, 0.572_364_942_924_700_1),
        (10.0, 12.801_827_480_081_469),
        (100.5, 361.435_540_467_777_6),
        (60_001.0, 600_132.410_462_096_9),
        (1e6, 12_815_504.569_147_612),
    ];
    for (x, want) in rows {
        let got = ln_gamma(x);
        assert!(
            (got - want).abs() <= 1e-12 * want.abs().max(1.0),
            "lnΓ({x}) = {got}, want {want}"
        );
    }
}

#[test]
fn refusal_threshold_rounds_up() {
    assert_eq!(refusal_threshold(60_000, 5), 3_000);
    assert_eq!(refusal_threshold(101, 5), 6);
    assert_eq!(refusal_threshold(100, 0), 0);
    assert_eq!(refusal_threshold(20, 10), 2);
}

/// Beta-binomial tails summed term by term in mpmath at 40 digits (`exp(ln C(M,x) +
/// ln B(x+k+1, M−x+n−k+1) − ln B(k+1, n−k+1))` for x from the threshold to M).
#[test]
fn refusal_probability_matches_an_exact_sum() {
    let rows: [(u64, u64, u64, u32, f64); 10] = [
        (40, 400, 60_000, 5, 0.999_983_800_547_644),
        (10, 400, 60_000, 5, 0.009_315_314_257_934_18),
        (20, 400, 60_000, 5, 0.554_585_614_486_588),
        (16, 400, 60_000, 5, 0.212_106_965_923_773),
        (0, 400, 60_000, 5, 1.252_367_005_534_39e-9),
        (5, 100, 60_000, 5, 0.607_013_413_045_718),
        (3, 100, 1_000, 5, 0.265_020_221_772_64),
        (1, 10, 100, 5, 0.892_225_339_736_336),
        (2, 50, 20, 10, 0.314_145_744_029_394),
        (400, 400, 60_000, 5, 1.0),
    ];
    for (invalid, checked, sample, limit, want) in rows {
        let got = refusal_probability(invalid, checked, sample, limit).expect("checked");
        assert!(
            (got - want).abs() <= 1e-9 + 1e-9 * want,
            "{invalid}/{checked}, sample {sample}, {limit}%: {got}, want {want}"
        );
    }
}

/// A second method at large samples: the posterior of the share is nearly normal, and so
/// is the authority's count; the refusal probability is then Φ((mean − limit) / sd).
#[test]
fn refusal_probability_agrees_with_a_normal_approximation_at_large_samples() {
    let sample = 60_000u64;
    for (invalid, checked) in [
        (400u64, 10_000u64),
        (450, 10_000),
        (520, 10_000),
        (2_400, 50_000),
    ] {
        let (a, b) = ((invalid + 1) as f64, (checked - invalid + 1) as f64);
        let mean = a / (a + b);
        let posterior = a * b / ((a + b).powi(2) * (a + b + 1.0));
        let binomial = mean * (1.0 - mean) / sample as f64;
        // The threshold in shares, less half a line (continuity).
        let limit = (refusal_threshold(sample, 5) as f64 - 0.5) / sample as f64;
        let z = (mean - limit) / (posterior + binomial).sqrt();
        let normal = 0.5 * (1.0 + erf(z / std::f64::consts::SQRT_2));
        let exact = refusal_probability(invalid, checked, sample, 5).expect("checked");
        assert!(
            (exact - normal).abs() < 0.01,
            "{invalid}/{checked}: exact {exact}, normal {normal}"
        );
    }
}

#[test]
fn more_findings_never_lower_the_refusal_probability() {
    let mut last = 0.0;
    for invalid in 0..=60 {
        let p = refusal_probability(invalid, 400, 60_000, 5).expect("checked");
        assert!(p >= last, "{invalid}: {p} < {last}");
        last = p;
    }
    assert!(last > 0.999);
}

/// The error function (Abramowitz and Stegun 7.1.26, error below 1.5e-7): enough for a
/// cross-check at 0.01.
fn erf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs());
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let y = 1.0 - poly * (-x * x).exp();
    if x >= 0.0 { y } else { -y }
}
