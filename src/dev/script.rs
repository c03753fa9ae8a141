//! `sigdesk script`: a hidden line protocol that writes through the normal store paths, so a
//! test can drive a real process and kill it at any moment (see `tests/integration/crash.rs`).
//!
//! One command per line on stdin; every result is one line on stdout, flushed at once, so a
//! parent that has read a `committed` line knows that transaction is durable:
//!
//! - `save N [SEED]` saves N synthetic valid signers one at a time (seed 0 when omitted;
//!   each seed continues where it stopped in this process) and prints one line per signer:
//!   `committed <id> <sheet> <line>` after the commit returned, or `error <message>`.
//! - `issue N`, `call N`, `noshow`: the queue, see [`queue`].
//! - anything else prints `error <message>`; the script carries on with the next line.
//!
//! The lines are for programs, so they are English only and not in `i18n`.

use crate::dev::people::People;
use crate::domain::RegionCatalog;
use crate::domain::checks::{CheckContext, check_entry};
use crate::store::{Actor, Finish, SavedEntry, Store};
use chrono::Utc;
use std::collections::HashMap;
use std::io::{self, BufRead, Write};

mod queue;

/// Runs every command of `input` against the store as `actor`, answering on `output`.
/// Returns when the input ends; fails only when `output` cannot be written.
pub fn run(
    store: &mut Store,
    regions: &RegionCatalog,
    actor: Actor,
    input: impl BufRead,
    mut output: impl Write,
) -> io::Result<()> {
    let people = People::embedded(regions).map_err(io::Error::other)?;
    let mut script = Script::new(store, regions, people, actor);
    for line in input.lines() {
        script.command(&line?, &mut output)?;
    }
    Ok(())
}

/// The writer's state between commands.
pub struct Script<'a> {
    store: &'a mut Store,
    regions: &'a RegionCatalog,
    actor: Actor,
    signers: People,
    /// The next counter of every seed used so far.
    next: HashMap<u32, u32>,
}

impl<'a> Script<'a> {
    /// A writer on `store` acting as `actor`, saving numbered signers of `signers`.
    pub fn new(
        store: &'a mut Store,
        regions: &'a RegionCatalog,
        signers: People,
        actor: Actor,
    ) -> Script<'a> {
        Script {
            store,
            regions,
            actor,
            signers,
            next: HashMap::new(),
        }
    }

    /// Runs one command line and writes its result lines.
    pub fn command(&mut self, line: &str, out: &mut impl Write) -> io::Result<()> {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [] => Ok(()),
            ["save", args @ ..] => self.save(args, out),
            ["issue", args @ ..] => self.issue(args, out),
            ["call", args @ ..] => self.call(Finish::Done, args, out),
            ["noshow", args @ ..] => self.call(Finish::NoShow, args, out),
            ["issue-paced", args @ ..] => self.issue_paced(args, out),
            ["serve", args @ ..] => self.serve(args, out),
            ["watch", args @ ..] => self.watch(args, out),
            [other, ..] => reply(
                out,
                &format!(
                    "error unknown command `{other}`; known: save N [SEED], issue N, issue-paced N MS, call N, noshow, serve SECS SEED, watch SECS"
                ),
            ),
        }
    }

    /// `save N [SEED]`: one result line per signer.
    fn save(&mut self, args: &[&str], out: &mut impl Write) -> io::Result<()> {
        let Some([count, seed]) = arguments(args, "save N [SEED]", out)? else {
            return Ok(());
        };
        for _ in 0..count {
            let line = match self.save_one(seed, None) {
                Ok(saved) => format!("committed {} {} {}", saved.id, saved.sheet, saved.line),
                Err(message) => format!("error {message}"),
            };
            reply(out, &line)?;
        }
        Ok(())
    }

    /// `serve SECS SEED`: works as a desk for SECS seconds: calls the next ticket and saves
    /// one to three signers on it, again and again. Lines: `called <id> <number> <micros>`,
    /// `nobody <micros>` (then a 20 ms pause), `saved <entry id> <ticket id> <micros>`.
    fn serve(&mut self, args: &[&str], out: &mut impl Write) -> io::Result<()> {
        let Some([secs, seed]) = arguments(args, "serve SECS SEED", out)? else {
            return Ok(());
        };
        let end = std::time::Instant::now() + std::time::Duration::from_secs(secs.into());
        let mut family = 0u32;
        while std::time::Instant::now() < end {
            let Some(ticket) = self.call_once(Finish::Done, out)? else {
                std::thread::sleep(std::time::Duration::from_millis(20));
                continue;
            };
            family = family % 3 + 1;
            for _ in 0..family {
                let start = std::time::Instant::now();
                let line = match self.save_one(seed, Some(ticket)) {
                    Ok(saved) => format!(
                        "saved {} {ticket} {}",
                        saved.id,
                        start.elapsed().as_micros()
                    ),
                    Err(message) => format!("error {message}"),
                };
                reply(out, &line)?;
            }
        }
        Ok(())
    }

    /// Checks and saves the seed's next signer exactly as the desk form does, linked to
    /// `ticket` when one is being served.
    fn save_one(&mut self, seed: u32, ticket: Option<i64>) -> Result<SavedEntry, String> {
        let counter = self.next.entry(seed).or_default();
        let this = *counter;
        *counter += 1;
        let now = Utc::now();
        let campaign = self.store.campaign().map_err(|e| e.to_string())?;
        let today = campaign.local_date(now);
        let draft = self
            .signers
            .numbered_draft(seed, this, today)
            .map_err(|e| e.to_string())?;
        let counts = self.store.region_counts().map_err(|e| e.to_string())?;
        let ctx = CheckContext {
            today,
            campaign: &campaign,
            regions: self.regions,
            region_counts: &counts,
            same_document: None,
            same_person: None,
        };
        let outcome = check_entry(&draft, &ctx);
        let entry = outcome.entry.ok_or_else(|| {
            let codes: Vec<&str> = outcome.findings.iter().map(|f| f.code()).collect();
            format!(
                "signer {seed}/{this} fails the checks: {}",
                codes.join(", ")
            )
        })?;
        self.store
            .save_entry(&entry, &self.actor, ticket, now)
            .map_err(|e| e.to_string())
    }
}

/// The whole-number arguments of a command, named as its `usage` names them
/// (`save N [SEED]`: a bracketed one may be left out and is then 0). On a wrong count or
/// a word that is not a whole number, answers the error line and gives `None`.
fn arguments<const N: usize>(
    args: &[&str],
    usage: &str,
    out: &mut impl Write,
) -> io::Result<Option<[u32; N]>> {
    let names: Vec<&str> = usage.split_whitespace().skip(1).collect();
    let required = names.iter().filter(|name| !name.starts_with('[')).count();
    let mut values = [0; N];
    let parsed = if names.len() != N || args.len() < required || args.len() > N {
        Err(format!("usage: {usage}"))
    } else {
        args.iter()
            .zip(&names)
            .zip(&mut values)
            .try_for_each(|((text, name), value)| {
                let name = name.trim_matches(['[', ']']);
                *value = text
                    .parse()
                    .map_err(|_| format!("{name} must be a whole number, got `{text}`"))?;
                Ok(())
            })
    };
    match parsed {
        Ok(()) => Ok(Some(values)),
        Err(message) => reply(out, &format!("error {message}")).map(|()| None),
    }
}

/// Writes one result line and flushes it, so the parent sees it at once.
fn reply(out: &mut impl Write, line: &str) -> io::Result<()> {
    writeln!(out, "{line}")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::EntryStatus;

    fn run_lines(dir: &tempfile::TempDir, input: &str) -> (Store, Vec<String>) {
        let regions = RegionCatalog::embedded().expect("catalogue");
        let mut store = Store::open(&dir.path().join("s.db"), &regions).expect("open");
        let actor = Actor {
            desk: "desk-s".into(),
            operator: "script".into(),
        };
        let mut out = Vec::new();
        run(&mut store, &regions, actor, input.as_bytes(), &mut out).expect("run");
        let lines = String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .map(str::to_string)
            .collect();
        (store, lines)
    }

    #[test]
    fn save_commits_each_signer_and_reports_where_it_went() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (store, lines) = run_lines(&dir, "save 3 7\n\nsave 2 7\n");
        assert_eq!(lines.len(), 5, "{lines:?}");
        for line in &lines {
            let words: Vec<&str> = line.split(' ').collect();
            assert_eq!(words.len(), 4, "{line}");
            assert_eq!(words[0], "committed");
            let entry = store.entry(words[1]).expect("read").expect("saved");
            assert_eq!(entry.status, EntryStatus::Valid);
            assert_eq!(entry.sheet.to_string(), words[2]);
            assert_eq!(entry.line.to_string(), words[3]);
            assert_eq!(
                (entry.desk.as_str(), entry.operator.as_str()),
                ("desk-s", "script")
            );
        }
        assert_eq!(store.entry_totals().expect("totals"), (5, 0));
    }

    #[test]
    fn unknown_and_malformed_commands_answer_an_error_and_carry_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (store, lines) = run_lines(&dir, "jump\nsave x\nsave 1 2 3\nsave 1 5000\nsave 1\n");
        assert_eq!(lines.len(), 5, "{lines:?}");
        assert!(
            lines[0].starts_with("error unknown command `jump`"),
            "{}",
            lines[0]
        );
        assert_eq!(lines[1], "error N must be a whole number, got `x`");
        assert_eq!(lines[2], "error usage: save N [SEED]");
        assert_eq!(lines[3], "error seed must be below 1000, got 5000");
        assert!(lines[4].starts_with("committed "), "{}", lines[4]);
        assert_eq!(store.entry_totals().expect("totals"), (1, 0));
    }

    #[test]
    fn queue_commands_name_their_arguments_in_errors() {
        let dir = tempfile::tempdir().expect("temp dir");
        let input = "noshow 3\ncall\nissue-paced 2 x\nwatch\nserve 1\n";
        let (_, lines) = run_lines(&dir, input);
        assert_eq!(
            lines,
            [
                "error usage: noshow",
                "error usage: call N",
                "error MS must be a whole number, got `x`",
                "error usage: watch SECS",
                "error usage: serve SECS SEED",
            ]
        );
    }

    #[test]
    fn a_seed_used_by_another_process_is_refused_as_a_duplicate() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (store, _) = run_lines(&dir, "save 1 4\n");
        drop(store);
        let (store, lines) = run_lines(&dir, "save 2 4\n");
        assert!(
            lines[0].starts_with("error document already entered"),
            "{}",
            lines[0]
        );
        assert!(lines[1].starts_with("committed "), "{}", lines[1]);
        assert_eq!(store.entry_totals().expect("totals"), (2, 0));
    }
}
