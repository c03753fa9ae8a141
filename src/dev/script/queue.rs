//! The queue commands of `sigdesk script`: issue tickets and call them, so tests and benches
//! can run several real desk processes against one database.
//!
//! - `issue N` issues N tickets for today: `issued <id> <number>` each.
//! - `call N` calls next N times, closing the current ticket as done each time:
//!   `called <id> <number> <micros>` or `nobody <micros>` (micros: how long the call took).
//! - `noshow` closes the current ticket as a no-show and calls the next, one line as above.
//! - `issue-paced N MS` issues N tickets, one every MS milliseconds.
//! - `watch SECS` reads the queue figures every 250 ms for SECS seconds, as a board does:
//!   `figures <waiting> <micros>` each time.

use super::{Script, arguments, reply};
use crate::store::{Finish, Store};
use chrono::Utc;
use std::io::{self, Write};
use std::time::Instant;

impl Script<'_> {
    /// `issue N`.
    pub(super) fn issue(&mut self, args: &[&str], out: &mut impl Write) -> io::Result<()> {
        let Some([count]) = arguments(args, "issue N", out)? else {
            return Ok(());
        };
        for _ in 0..count {
            let line = today(self.store).and_then(|day| {
                self.store
                    .issue_ticket(&self.actor, day, Utc::now())
                    .map(|t| format!("issued {} {}", t.id, t.number))
                    .map_err(|e| e.to_string())
            });
            reply(out, &line.unwrap_or_else(|e| format!("error {e}")))?;
        }
        Ok(())
    }

    /// `call N` (done, then next) or `noshow` (no-show, then next).
    pub(super) fn call(
        &mut self,
        finish: Finish,
        args: &[&str],
        out: &mut impl Write,
    ) -> io::Result<()> {
        let count = match finish {
            Finish::Done => arguments(args, "call N", out)?.map(|[count]| count),
            Finish::NoShow => arguments(args, "noshow", out)?.map(|[]| 1),
        };
        let Some(count) = count else {
            return Ok(());
        };
        for _ in 0..count {
            self.call_once(finish, out)?;
        }
        Ok(())
    }

    /// Calls next once (closing the current ticket as `finish`) and prints the line of `call`;
    /// returns the id of the ticket called, if any.
    pub(super) fn call_once(
        &mut self,
        finish: Finish,
        out: &mut impl Write,
    ) -> io::Result<Option<i64>> {
        let start = Instant::now();
        let result = today(self.store).and_then(|day| {
            self.store
                .call_next(&self.actor, finish, day, Utc::now())
                .map_err(|e| e.to_string())
        });
        let micros = start.elapsed().as_micros();
        let (line, called) = match result {
            Ok(outcome) => match outcome.called {
                Some(t) => (format!("called {} {} {micros}", t.id, t.number), Some(t.id)),
                None => (format!("nobody {micros}"), None),
            },
            Err(e) => (format!("error {e}"), None),
        };
        reply(out, &line)?;
        Ok(called)
    }

    /// `issue-paced N MS`.
    pub(super) fn issue_paced(&mut self, args: &[&str], out: &mut impl Write) -> io::Result<()> {
        let Some([count, ms]) = arguments(args, "issue-paced N MS", out)? else {
            return Ok(());
        };
        for _ in 0..count {
            self.issue(&["1"], out)?;
            std::thread::sleep(std::time::Duration::from_millis(ms.into()));
        }
        Ok(())
    }

    /// `watch SECS`: what a board does on every change, four times a second.
    pub(super) fn watch(&mut self, args: &[&str], out: &mut impl Write) -> io::Result<()> {
        let Some([secs]) = arguments(args, "watch SECS", out)? else {
            return Ok(());
        };
        let end = Instant::now() + std::time::Duration::from_secs(secs.into());
        while Instant::now() < end {
            let start = Instant::now();
            let now = Utc::now();
            let figures = today(self.store).and_then(|day| {
                let tickets = self.store.tickets_of_day(day).map_err(|e| e.to_string())?;
                self.store.region_counts().map_err(|e| e.to_string())?;
                Ok(crate::domain::queue::queue_figures(&tickets, day, now))
            });
            let line = match figures {
                Ok(f) => format!("figures {} {}", f.waiting, start.elapsed().as_micros()),
                Err(e) => format!("error {e}"),
            };
            reply(out, &line)?;
            std::thread::sleep(crate::store::watch::WATCH_EVERY);
        }
        Ok(())
    }
}

/// The point's local date now.
fn today(store: &Store) -> Result<chrono::NaiveDate, String> {
    let campaign = store.campaign().map_err(|e| e.to_string())?;
    Ok(campaign.local_date(Utc::now()))
}
