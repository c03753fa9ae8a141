//! What a paper sample says about the whole submission (DESIGN.md §11): the invalid share
//! with its 95% Wilson score interval, and the chance that the authority's own random
//! sample finds the share at which it refuses registration.
//!
//! The model behind [`refusal_probability`]: the lead checked `n` lines drawn at random and
//! found `k` invalid. With a uniform prior, the true invalid share `p` of the submission is
//! Beta(k+1, n−k+1) distributed. The authority draws `M` lines (`cec_sample`) and counts `X`
//! invalid, X | p ~ Binomial(M, p) (its draw is without replacement from the submission,
//! which narrows X a little; the binomial errs on the safe side). Integrated over `p`, X is
//! beta-binomial, and registration is refused when X reaches ⌈M · limit / 100⌉. The smaller
//! tail is summed in log space, each term from the one before by their ratio, as far as the
//! terms matter: a few thousand logarithms for M = 60,000, and nothing underflows.

use serde::Serialize;

/// The normal quantile of a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// A share of invalid lines estimated from a sample.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    /// Lines checked.
    pub checked: u64,
    /// Lines found invalid.
    pub invalid: u64,
    /// invalid / checked.
    pub share: f64,
    /// Lower bound of the 95% Wilson score interval.
    pub low: f64,
    /// Upper bound of the 95% Wilson score interval.
    pub high: f64,
}

/// The share `invalid / checked` with its 95% Wilson score interval; `None` before any
/// line is checked. `invalid` above `checked` counts as `checked`.
pub fn estimate(invalid: u64, checked: u64) -> Option<Estimate> {
    if checked == 0 {
        return None;
    }
    let invalid = invalid.min(checked);
    let (n, share) = (checked as f64, invalid as f64 / checked as f64);
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (share + z2 / (2.0 * n)) / denominator;
    let half = Z95 / denominator * (share * (1.0 - share) / n + z2 / (4.0 * n * n)).sqrt();
    Some(Estimate {
        checked,
        invalid,
        share,
        low: (centre - half).clamp(0.0, share),
        high: (centre + half).clamp(share, 1.0),
    })
}

/// The number of invalid lines at which the authority refuses: ⌈sample · limit_pct / 100⌉.
pub fn refusal_threshold(sample: u64, limit_pct: u32) -> u64 {
    (u128::from(sample) * u128::from(limit_pct))
        .div_ceil(100)
        .try_into()
        .unwrap_or(u64::MAX)
}

/// The probability that the authority's random sample of `sample` lines holds at least
/// `limit_pct` % invalid ones, given `invalid` of `checked` lines found invalid here (the
/// model is in the module documentation); `None` before any line is checked or with an
/// empty authority sample.
pub fn refusal_probability(invalid: u64, checked: u64, sample: u64, limit_pct: u32) -> Option<f64> {
    if checked == 0 || sample == 0 {
        return None;
    }
    let invalid = invalid.min(checked);
    let threshold = refusal_threshold(sample, limit_pct);
    if threshold == 0 {
        return Some(1.0);
    }
    if threshold > sample {
        return Some(0.0);
    }
    let (a, b) = ((invalid + 1) as f64, (checked - invalid + 1) as f64);
    let tails = BetaBinomial {
        m: sample as f64,
        a,
        b,
    };
    // Sum the smaller tail: the larger one is then known to within rounding of 1.
    let threshold = threshold as f64;
    Some(
        if threshold > tails.mean() {
            tails.sum(threshold, 1.0).exp()
        } else {
            1.0 - tails.sum(threshold - 1.0, -1.0).exp()
        }
        .clamp(0.0, 1.0),
    )
}

/// The beta-binomial distribution of the authority's invalid count.
struct BetaBinomial {
    /// Lines in the authority's sample.
    m: f64,
    /// First shape of the Beta posterior (invalid + 1).
    a: f64,
    /// Second shape (valid + 1).
    b: f64,
}

/// Terms below the running sum by this much (in natural log) no longer change it.
const NEGLIGIBLE: f64 = 45.0;

impl BetaBinomial {
    fn mean(&self) -> f64 {
        self.m * self.a / (self.a + self.b)
    }

    /// ln P(X = x).
    fn ln_term(&self, x: f64) -> f64 {
        let (m, a, b) = (self.m, self.a, self.b);
        ln_choose(m, x) + ln_beta(x + a, m - x + b) - ln_beta(a, b)
    }

    /// ln of P(X = from) + P(X = from + step) + … to the end of the range in the direction
    /// `step` (1 or −1). Each term comes from the one before by their ratio; every 1,024
    /// steps it is computed afresh so rounding cannot drift, and the sum stops once the
    /// terms fall past the mode below [`NEGLIGIBLE`].
    fn sum(&self, from: f64, step: f64) -> f64 {
        let (m, a, b) = (self.m, self.a, self.b);
        let mut term = self.ln_term(from);
        let mut total = term;
        let mut x = from;
        let mut steps = 0u32;
        // ln P(x+1) − ln P(x).
        let up = |x: f64| (m - x).ln() - (x + 1.0).ln() + (x + a).ln() - (m - x - 1.0 + b).ln();
        loop {
            let next = x + step;
            if next < 0.0 || next > m {
                return total;
            }
            let change = if step > 0.0 { up(x) } else { -up(next) };
            steps += 1;
            term = if steps.is_multiple_of(1024) {
                self.ln_term(next)
            } else {
                term + change
            };
            total = log_add(total, term);
            x = next;
            if change < 0.0 && term < total - NEGLIGIBLE {
                return total;
            }
        }
    }
}

/// ln(e^a + e^b) without overflow.
fn log_add(a: f64, b: f64) -> f64 {
    let (high, low) = if a >= b { (a, b) } else { (b, a) };
    high + (low - high).exp().ln_1p()
}

/// ln C(n, k) for whole numbers 0 ≤ k ≤ n given as floats.
fn ln_choose(n: f64, k: f64) -> f64 {
    ln_gamma(n + 1.0) - ln_gamma(k + 1.0) - ln_gamma(n - k + 1.0)
}

/// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
fn ln_beta(a: f64, b: f64) -> f64 {
    ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b)
}

/// ln Γ(x) for x > 0: the Lanczos approximation (g = 7, 9 terms), relative error about
/// 1e-15 over the range the forecast uses.
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).abs().ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let t = x + G + 0.5;
    let series = COEFFICIENTS[1..]
        .iter()
        .enumerate()
        .fold(COEFFICIENTS[0], |sum, (i, c)| {
            sum + c / (x + i as f64 + 1.0)
        });
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + series.ln()
}

#[cfg(test)]
mod tests;
