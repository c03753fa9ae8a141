//! Progress of long jobs (export, import, demo): a hook the jobs call, and a bar on a
//! terminal's stderr. Nothing is drawn when stderr is piped or the job is small.

use crate::i18n::{Job, Lang};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// What a long job is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Writing entries to CSV (counted in rows).
    Export,
    /// Reading and checking an import file (counted in bytes).
    ImportCheck,
    /// Writing imported entries (counted in rows).
    ImportSave,
    /// Simulating a demo day (counted in signers).
    Demo,
}

impl Phase {
    /// Whether the phase counts bytes (else rows).
    fn counts_bytes(self) -> bool {
        self == Phase::ImportCheck
    }

    /// What the bar says the job is doing.
    fn job(self) -> Job {
        match self {
            Phase::Export => Job::Exporting,
            Phase::ImportCheck => Job::Checking,
            Phase::ImportSave => Job::Saving,
            Phase::Demo => Job::DemoDay,
        }
    }
}

/// Told by a job how far it is. Implementations must be cheap: jobs call `advance` often.
pub trait Progress {
    /// A phase starts with `total` units (rows or bytes).
    fn start(&mut self, phase: Phase, total: u64);
    /// `done` units of the current phase are finished.
    fn advance(&mut self, done: u64);
    /// The current phase is over.
    fn finish(&mut self);
}

/// Progress nobody watches (tests, benches, piped output).
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Progress for Silent {
    fn start(&mut self, _: Phase, _: u64) {}
    fn advance(&mut self, _: u64) {}
    fn finish(&mut self) {}
}

/// Jobs smaller than this many rows get no bar.
pub const MIN_ROWS: u64 = 10_000;
/// Import files smaller than this get no bar (about 10,000 rows).
pub const MIN_BYTES: u64 = 2 << 20;

/// A bar on stderr, drawn only when stderr is a terminal and the phase is large.
pub struct TerminalProgress {
    lang: Lang,
    enabled: bool,
    bar: Option<ProgressBar>,
}

impl TerminalProgress {
    /// A bar on stderr if stderr is a terminal; otherwise it draws nothing.
    pub fn on_stderr(lang: Lang) -> TerminalProgress {
        TerminalProgress::new(lang, std::io::stderr().is_terminal())
    }

    /// A bar that is drawn only when `enabled` (and the phase is large enough).
    pub fn new(lang: Lang, enabled: bool) -> TerminalProgress {
        TerminalProgress {
            lang,
            enabled,
            bar: None,
        }
    }

    /// Whether a bar is up for the current phase.
    pub fn is_drawing(&self) -> bool {
        self.bar.is_some()
    }
}

impl Progress for TerminalProgress {
    fn start(&mut self, phase: Phase, total: u64) {
        self.finish();
        let minimum = if phase.counts_bytes() {
            MIN_BYTES
        } else {
            MIN_ROWS
        };
        if !self.enabled || total < minimum {
            return;
        }
        let template = if phase.counts_bytes() {
            "{msg:>10} [{bar:40}] {bytes}/{total_bytes} {eta}"
        } else {
            "{msg:>10} [{bar:40}] {human_pos}/{human_len} {eta}"
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
            .with_style(style)
            .with_message(self.lang.t(phase.job()));
        self.bar = Some(bar);
    }

    fn advance(&mut self, done: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(done);
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for TerminalProgress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_only_for_large_jobs_on_a_terminal() {
        let mut piped = TerminalProgress::new(Lang::En, false);
        piped.start(Phase::Export, 1_000_000);
        assert!(!piped.is_drawing());
        let mut terminal = TerminalProgress::new(Lang::En, true);
        terminal.start(Phase::Export, MIN_ROWS - 1);
        assert!(!terminal.is_drawing());
        terminal.start(Phase::ImportCheck, MIN_ROWS * 10);
        assert!(!terminal.is_drawing(), "bytes have their own threshold");
        terminal.start(Phase::ImportCheck, MIN_BYTES);
        assert!(terminal.is_drawing());
        terminal.advance(MIN_BYTES / 2);
        terminal.finish();
        assert!(!terminal.is_drawing());
        terminal.start(Phase::ImportSave, MIN_ROWS);
        assert!(terminal.is_drawing());
    }
}
