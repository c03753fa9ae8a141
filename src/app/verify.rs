//! `sigdesk verify FILE`: checks a database or backup file (integrity and counts); exit 1
//! when it is damaged.

use super::Context;
use crate::i18n::Lang;
use crate::store::Store;
use crate::store::backup::VerifyReport;
use std::fmt::Write;
use std::path::Path;

/// Checks `store` (opened from `file`) and prints what it found; exit 0 when sound, else 1.
pub fn run(store: &Store, ctx: &Context, file: &Path) -> anyhow::Result<u8> {
    let report = store.verify()?;
    print!("{}", report_text(ctx.lang, file, &report));
    Ok(if report.is_sound() { 0 } else { 1 })
}

/// `verify` result: problems, then counts.
fn report_text(lang: Lang, file: &Path, r: &VerifyReport) -> String {
    let mut out = String::new();
    let verdict = match (lang, r.is_sound()) {
        (Lang::En, true) => format!("{}: integrity ok", file.display()),
        (Lang::Ru, true) => format!("{}: целостность в порядке", file.display()),
        (Lang::En, false) => format!(
            "{}: DAMAGED ({} problems)",
            file.display(),
            r.problems.len()
        ),
        (Lang::Ru, false) => format!(
            "{}: ПОВРЕЖДЁН (проблем: {})",
            file.display(),
            r.problems.len()
        ),
    };
    let _ = writeln!(out, "{verdict}");
    for problem in r.problems.iter().take(20) {
        let _ = writeln!(out, "  {problem}");
    }
    let tickets = r
        .tickets
        .map(|n| n.to_string())
        .unwrap_or_else(|| "-".into());
    let _ = match lang {
        Lang::En => writeln!(
            out,
            "entries: {} valid, {} voided; sheets: {}; tickets: {}; events: {}",
            r.valid, r.voided, r.sheets, tickets, r.events
        ),
        Lang::Ru => writeln!(
            out,
            "записей: действующих {}, аннулированных {}; листов: {}; талонов: {}; событий: {}",
            r.valid, r.voided, r.sheets, tickets, r.events
        ),
    };
    out
}
