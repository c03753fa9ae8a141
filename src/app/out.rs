//! The one way commands print: everything written to the terminal passes through
//! [`visible`], so a hostile name, desk or file name cannot drive the terminal
//! (DESIGN.md §7). Data files (CSV, backups) are written elsewhere, byte for byte.

use crate::domain::visible::{json_escaped, visible};
use std::fmt::Display;
use std::io::Write;

/// Prints `text` and a line break on stdout.
pub fn line(text: impl Display) {
    write_to(&mut std::io::stdout().lock(), &text, true);
}

/// Prints `text` on stdout as it is (it ends its own lines): reports and tables.
pub fn text(text: impl Display) {
    write_to(&mut std::io::stdout().lock(), &text, false);
}

/// Prints `text` and a line break on stderr: reminders, progress notes, errors.
pub fn note(text: impl Display) {
    write_to(&mut std::io::stderr().lock(), &text, true);
}

/// Prints `text` on stderr without a line break: a question before the answer is typed.
pub fn ask(text: impl Display) {
    let mut err = std::io::stderr().lock();
    write_to(&mut err, &text, false);
    // A question that does not show is worse than none; nothing else can be done here.
    let _ = err.flush();
}

/// Prints `value` as pretty JSON on stdout, with the characters JSON leaves raw but a
/// terminal acts on (C1 and bidi controls) escaped.
pub fn json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    line(json_escaped(&text));
    Ok(())
}

fn write_to(out: &mut impl Write, text: &impl Display, newline: bool) {
    let shown = text.to_string();
    let shown = visible(&shown);
    // stdout closed by the reader (`sigdesk check | head`) is not an error worth a panic.
    let _ = if newline {
        writeln!(out, "{shown}")
    } else {
        write!(out, "{shown}")
    };
}

/// A buffered stdout for output streamed line by line (the audit log, long reports):
/// every line passes through [`visible`], and a write error (the reader went away) is
/// returned so the producer can stop.
pub struct Lines {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
}

impl Lines {
    /// Starts streaming to stdout.
    pub fn stdout() -> Lines {
        Lines {
            out: std::io::BufWriter::new(std::io::stdout().lock()),
        }
    }

    /// Writes `text` and a line break.
    pub fn line(&mut self, text: impl Display) -> std::io::Result<()> {
        writeln!(self.out, "{}", visible(&text.to_string()))
    }

    /// Writes JSON text and a line break, with the characters JSON leaves raw but a
    /// terminal acts on (C1 and bidi controls) escaped as `\u` sequences, as [`json`] does.
    pub fn json(&mut self, text: &str) -> std::io::Result<()> {
        writeln!(self.out, "{}", json_escaped(text))
    }

    /// Writes what is buffered.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
