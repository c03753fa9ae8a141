//! `sigdesk verify FILE`: checks a database or backup file (integrity and counts); exit 1
//! when it is damaged.

use super::Context;
use super::out;
use crate::i18n::{Lang, ReportText};
use crate::store::Store;
use crate::store::backup::VerifyReport;
use std::fmt::Write;
use std::path::Path;

/// Checks `store` (opened from `file`) and prints what it found; exit 0 when sound, else 1.
pub fn run(store: &Store, ctx: &Context, file: &Path) -> anyhow::Result<u8> {
    let report = store.verify()?;
    out::text(report_text(ctx.lang, file, &report));
    Ok(if report.is_sound() { 0 } else { 1 })
}

/// `verify` result: problems, then counts.
fn report_text(lang: Lang, file: &Path, r: &VerifyReport) -> String {
    let mut out = String::new();
    let verdict = if r.is_sound() {
        ReportText::Sound(file)
    } else {
        ReportText::Damaged(file, r.problems.len())
    };
    let _ = writeln!(out, "{}", lang.t(verdict));
    for problem in r.problems.iter().take(20) {
        let _ = writeln!(out, "  {problem}");
    }
    let holds = ReportText::Holds {
        valid: r.valid,
        voided: r.voided,
        sheets: r.sheets,
        tickets: r.tickets,
        events: r.events,
    };
    let _ = writeln!(out, "{}", lang.t(holds));
    out
}
