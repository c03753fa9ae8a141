//! The proptest runner of the fuzz tests: cases from `PROPTEST_CASES`, no regression files.

use proptest::test_runner::{Config, TestRunner};

/// Cases per property: `PROPTEST_CASES`, or `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A runner of `cases` cases that writes no regression file (a failure prints its input).
pub fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}
