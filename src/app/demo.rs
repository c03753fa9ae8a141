//! `sigdesk demo`: fills a new database with a realistic synthetic day for training.

use super::Context;
use super::out;
use crate::cli::DemoArgs;
use crate::dev::demo::{self, DemoError, DemoOptions, DemoSummary};
use crate::i18n::{Lang, ReportText};
use crate::progress::TerminalProgress;
use crate::store::Store;
use chrono::NaiveDate;

/// What `demo` was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoRequest {
    /// Signers to save.
    pub signers: u32,
    /// Desks working.
    pub desks: u32,
    /// Seed of every random choice.
    pub seed: u64,
    /// The (last) demo day; `None` means today at the point.
    pub day: Option<NaiveDate>,
}

impl From<DemoArgs> for DemoRequest {
    fn from(args: DemoArgs) -> DemoRequest {
        DemoRequest {
            signers: args.signers,
            desks: args.desks,
            seed: args.seed,
            day: args.day,
        }
    }
}

/// Simulates the day(s) with a progress bar on stderr and prints what was written; exit 0,
/// or an error when the database holds other data.
pub fn run(store: &mut Store, ctx: &Context, request: DemoRequest) -> anyhow::Result<u8> {
    let options = DemoOptions {
        signers: request.signers,
        desks: request.desks,
        seed: request.seed,
        day: request.day.unwrap_or_else(|| {
            store
                .campaign()
                .map(|c| c.local_date(ctx.now))
                .unwrap_or_default()
        }),
    };
    let mut progress = TerminalProgress::on_stderr(ctx.lang);
    match demo::run_demo(store, &ctx.regions, options, &mut progress) {
        Ok(written) => {
            out::line(summary(ctx.lang, &written));
            Ok(0)
        }
        Err(e) => anyhow::bail!(error_text(ctx.lang, &e)),
    }
}

/// Why `demo` refused to run.
fn error_text(lang: Lang, e: &DemoError) -> String {
    match e {
        DemoError::RealData { count, points } => {
            let (count, points) = (*count, points.as_str());
            lang.t(ReportText::RealData { count, points }).into_owned()
        }
        DemoError::AlreadyDemo { count } => lang.t(ReportText::DemoThere(*count)).into_owned(),
        other => other.to_string(),
    }
}

/// What `demo` wrote.
fn summary(lang: Lang, s: &DemoSummary) -> String {
    let days = &match s.days {
        Some((first, last)) if first == last => first.to_string(),
        Some((first, last)) => format!("{first} … {last}"),
        None => String::new(),
    };
    let warnings = &if s.warnings.is_empty() {
        "—".to_string()
    } else {
        s.warnings
            .iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let wrote = ReportText::DemoWrote {
        days,
        saved: s.saved,
        voided: s.voided,
        tickets: s.tickets,
        left: s.left,
        no_shows: s.no_shows,
        sheets: s.sheets,
        certified: s.certified,
        warnings,
    };
    lang.t(wrote).into_owned()
}
