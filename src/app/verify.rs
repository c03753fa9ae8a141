//! `sigdesk verify FILE`: checks a database or backup file (integrity and counts); exit 1
//! when it is damaged.

use super::Context;
use super::out;
use crate::i18n::{GuardText, Lang, ReportText};
use crate::store::Store;
use crate::store::verify::VerifyReport;
use crate::store::{ChainBreak, ChainReport};
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
        let broken = r
            .chain
            .as_ref()
            .map_or(1, |c| usize::from(c.broken.is_some()));
        ReportText::Damaged(file, r.problems.len() + broken)
    };
    let _ = writeln!(out, "{}", lang.t(verdict));
    for problem in r.problems.iter().take(20) {
        let _ = writeln!(out, "  {problem}");
    }
    if let Some(chain) = &r.chain {
        let _ = writeln!(out, "{}", chain_line(lang, chain));
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

/// The audit log's chain in one line: sound with its last hash, or the first break.
pub(super) fn chain_line(lang: Lang, chain: &ChainReport) -> String {
    let phrase = match &chain.broken {
        None => GuardText::ChainSound {
            events: chain.events,
            head: chain.head.as_deref(),
        },
        Some(ChainBreak::Mismatch(id)) => GuardText::ChainMismatch(*id),
        Some(ChainBreak::Unchained(id)) => GuardText::ChainUnchained(*id),
        Some(ChainBreak::Trigger(name)) => GuardText::TriggerMissing(name),
    };
    lang.t(phrase).into_owned()
}
