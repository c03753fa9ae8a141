//! The queue commands of `sigdesk script`: issue tickets and call them, so tests and benches
//! can run several real desk processes against one database.
//!
//! - `issue N` issues N tickets for today: `issued <id> <number>` each.
//! - `call N` calls next N times, closing the current ticket as done each time:
//!   `called <id> <number> <micros>` or `nobody <micros>` (micros: how long the call took).
//! - `noshow` closes the current ticket as a no-show and calls the next, one line as above.

use super::{number, reply};
use crate::store::{Actor, Finish, Store};
use chrono::Utc;
use std::io::{self, Write};
use std::time::Instant;

/// `issue N`.
pub fn issue(
    store: &mut Store,
    actor: &Actor,
    args: &[&str],
    out: &mut impl Write,
) -> io::Result<()> {
    let count = match args {
        [count] => number(count, "N"),
        _ => Err("usage: issue N".to_string()),
    };
    let count = match count {
        Ok(n) => n,
        Err(message) => return reply(out, &format!("error {message}")),
    };
    for _ in 0..count {
        let line = today(store).and_then(|day| {
            store
                .issue_ticket(actor, day, Utc::now())
                .map(|t| format!("issued {} {}", t.id, t.number))
                .map_err(|e| e.to_string())
        });
        reply(out, &line.unwrap_or_else(|e| format!("error {e}")))?;
    }
    Ok(())
}

/// `call N` (done, then next) or `noshow` (no-show, then next).
pub fn call(
    store: &mut Store,
    actor: &Actor,
    finish: Finish,
    args: &[&str],
    out: &mut impl Write,
) -> io::Result<()> {
    let count = match (finish, args) {
        (Finish::NoShow, []) => Ok(1),
        (Finish::Done, [count]) => number(count, "N"),
        (Finish::Done, _) => Err("usage: call N".to_string()),
        (Finish::NoShow, _) => Err("usage: noshow".to_string()),
    };
    let count = match count {
        Ok(n) => n,
        Err(message) => return reply(out, &format!("error {message}")),
    };
    for _ in 0..count {
        let start = Instant::now();
        let result = today(store).and_then(|day| {
            store
                .call_next(actor, finish, day, Utc::now())
                .map_err(|e| e.to_string())
        });
        let micros = start.elapsed().as_micros();
        let line = match result {
            Ok(outcome) => match outcome.called {
                Some(t) => format!("called {} {} {micros}", t.id, t.number),
                None => format!("nobody {micros}"),
            },
            Err(e) => format!("error {e}"),
        };
        reply(out, &line)?;
    }
    Ok(())
}

fn today(store: &Store) -> Result<chrono::NaiveDate, String> {
    let campaign = store.campaign().map_err(|e| e.to_string())?;
    Ok(campaign.local_date(Utc::now()))
}
