//! `sigdesk sync`: a point's process that keeps HQ up to date (DESIGN.md §10). Each round
//! pushes every entry created, edited or voided since the last acknowledged one (batches,
//! each an idempotent upsert by id; a batch is acknowledged locally only after HQ committed
//! it), then pulls the campaign-wide totals, HQ's settings and any collision HQ found, and
//! prints one line. It backs off while HQ is unreachable and stops on what a person must
//! fix (the URL, the password, the secret), saying what to do.

use super::Context;
use super::out;
use crate::cli::SyncArgs;
use crate::domain::hq::{CampaignSecret, HqEntry, HqFailure, LateCollision};
use crate::hq::point::PointSession;
use crate::hq::{self, HqError, SYNC_TIMEOUT};
use crate::i18n::{HqText, Lang};
use crate::store::{Actor, Store, StoreError};
use chrono::Utc;
use std::time::Duration;

/// How long to wait at most between two tries while HQ is unreachable.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// How `sync` runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncOptions {
    /// HQ URL for this run instead of the point's `hq_url`.
    pub url: Option<String>,
    /// One round, then exit.
    pub once: bool,
    /// Pause between good rounds.
    pub every: Duration,
    /// Entries per pushed batch.
    pub batch: usize,
}

impl From<SyncArgs> for SyncOptions {
    fn from(args: SyncArgs) -> SyncOptions {
        SyncOptions {
            url: args.hq,
            once: args.once,
            every: Duration::from_secs(args.every),
            batch: usize::try_from(args.batch).unwrap_or(20_000),
        }
    }
}

/// What one good round did.
struct Round {
    pushed: u64,
    waiting: u64,
    campaign: u64,
    collisions: Vec<LateCollision>,
}

/// Why a round failed: HQ (maybe for a while) or this point's own database.
enum RoundError {
    Hq(HqError),
    Store(StoreError),
}

impl From<HqError> for RoundError {
    fn from(e: HqError) -> RoundError {
        RoundError::Hq(e)
    }
}

impl From<HqFailure> for RoundError {
    fn from(f: HqFailure) -> RoundError {
        RoundError::Hq(f.into())
    }
}

impl From<StoreError> for RoundError {
    fn from(e: StoreError) -> RoundError {
        RoundError::Store(e)
    }
}

/// The session of the last round, kept while it works, with what it was opened for.
struct Link {
    session: PointSession,
    url: String,
    secret: CampaignSecret,
}

/// Runs rounds until stopped (or one with `--once`): exit 0, or 1 with one line saying
/// what to do.
pub fn run(store: &mut Store, ctx: &Context, options: SyncOptions) -> anyhow::Result<u8> {
    let actor = Actor {
        desk: "sync".into(),
        operator: ctx.actor.operator.clone(),
    };
    let mut link: Option<Link> = None;
    let mut failures = 0u32;
    loop {
        match round(store, &mut link, &options, &actor) {
            Ok(done) => {
                failures = 0;
                report(store, ctx.lang, &done)?;
                if options.once {
                    return Ok(0);
                }
                std::thread::sleep(options.every);
            }
            Err(RoundError::Store(e)) => return Err(e.into()),
            Err(RoundError::Hq(e)) => {
                link = None;
                let reason = e.to_string();
                store.record_hq_failure(Utc::now(), &reason)?;
                if options.once || !e.is_transient() {
                    return Err(e.into());
                }
                failures = failures.saturating_add(1);
                let wait = backoff(options.every, failures);
                let said = ctx.lang.t(e.failure()).into_owned();
                out::line(stamped(
                    store,
                    ctx.lang.t(HqText::RoundFailed {
                        reason: &said,
                        retry_secs: wait.as_secs(),
                    }),
                ));
                std::thread::sleep(wait);
            }
        }
    }
}

/// The pause after `failures` failed rounds in a row: doubling from `every`, at most
/// five minutes.
fn backoff(every: Duration, failures: u32) -> Duration {
    let factor = 1u32 << failures.saturating_sub(1).min(8);
    (every * factor).min(MAX_BACKOFF.max(every))
}

/// One round: connect if needed, push until nothing waits, pull, mark it done.
fn round(
    store: &mut Store,
    link: &mut Option<Link>,
    options: &SyncOptions,
    actor: &Actor,
) -> Result<Round, RoundError> {
    let stored = store.hq_link()?;
    let url = options.url.clone().or(stored.url).ok_or(HqFailure::NoUrl)?;
    let secret = stored.secret.ok_or(HqFailure::NoSecret)?;
    let link = match link {
        Some(open) if open.url == url && open.secret == secret && !open.session.is_closed() => open,
        slot => {
            *slot = None;
            let session = hq::connect(&url, SYNC_TIMEOUT)?.as_point(&secret)?;
            slot.insert(Link {
                session,
                url,
                secret: secret.clone(),
            })
        }
    };
    let session = &mut link.session;
    let mut pushed = 0u64;
    loop {
        let (upto, entries) = store.hq_outbox(options.batch)?;
        if upto == 0 {
            break;
        }
        let rows: Vec<HqEntry> = entries.iter().map(|e| secret.hq_entry(e)).collect();
        if !rows.is_empty() {
            session.push(&rows)?;
        }
        // Only now that HQ committed them: a kill before this line pushes them again.
        store.hq_acknowledge(upto)?;
        pushed += rows.len() as u64;
    }
    let since = store.hq_collisions_checked()?;
    let pull = session.pull(since)?;
    session.round_done()?;
    let campaign = pull.totals.iter().map(|t| u64::from(t.2)).sum();
    let saved = store.save_hq_pull(&pull, actor, Utc::now())?;
    Ok(Round {
        pushed,
        waiting: store.hq_pending()?,
        campaign,
        collisions: saved.new_collisions,
    })
}

/// Prints the round's line and one line per new collision.
fn report(store: &Store, lang: Lang, done: &Round) -> anyhow::Result<()> {
    out::line(stamped(
        store,
        lang.t(HqText::RoundDone {
            pushed: done.pushed,
            waiting: done.waiting,
            campaign: done.campaign,
            collisions: done.collisions.len(),
        }),
    ));
    for c in &done.collisions {
        if let Some(entry) = store.entry(&c.entry_id)? {
            out::line(lang.t(HqText::Collision {
                sheet: entry.sheet,
                line: entry.line,
                kind: c.kind,
                point: &c.other.point,
                signed_on: c.other.signed_on,
            }));
        }
    }
    Ok(())
}

/// `text` after the point's local time.
fn stamped(store: &Store, text: impl std::fmt::Display) -> String {
    let now = Utc::now();
    let time = store
        .campaign()
        .map(|c| c.local_time(now).format("%H:%M:%S").to_string())
        .unwrap_or_else(|_| now.format("%H:%M:%S").to_string());
    format!("{time} {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_doubles_up_to_five_minutes() {
        let every = Duration::from_secs(15);
        let secs: Vec<u64> = (1..=7).map(|n| backoff(every, n).as_secs()).collect();
        assert_eq!(secs, [15, 30, 60, 120, 240, 300, 300]);
        assert_eq!(backoff(Duration::from_secs(600), 3).as_secs(), 600);
    }
}
