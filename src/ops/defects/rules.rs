//! The per-entry rules of `check` on worker threads: the calling thread reads the entries
//! in save order and keeps the region counts; batches go round-robin to the workers and
//! come back in the same order, so the defects reach the sink exactly as one thread would
//! push them. Channels are bounded: memory stays a few batches, whatever the rows.

use super::{DefectSink, PER_ENTRY};
use crate::domain::checks::{CheckContext, check_entry};
use crate::domain::{Campaign, Defect, Entry, RegionCatalog};
use crate::i18n::Lang;
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// Entries per batch sent to a worker.
const BATCH: usize = 512;
/// Batches waiting per worker, each way.
const QUEUED: usize = 2;

/// An entry to check: its row number, the valid entries of its region saved before it.
struct Job {
    rowid: i64,
    before: u32,
    entry: Entry,
}

/// A batch checked: its jobs, to be filled again, and their defects with order and code.
struct Found {
    jobs: Vec<Job>,
    defects: Vec<(i64, &'static str, Defect)>,
}

/// What the rules need besides the entry.
#[derive(Clone, Copy)]
pub(super) struct RuleContext<'a> {
    pub(super) campaign: &'a Campaign,
    pub(super) regions: &'a RegionCatalog,
    pub(super) today: NaiveDate,
    pub(super) lang: Lang,
}

/// Runs every per-entry rule over every valid entry into `sink`; returns the entries read.
pub(super) fn check_entries(
    store: &Store,
    rules: RuleContext<'_>,
    sink: &mut dyn DefectSink,
) -> Result<u64, StoreError> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4));
    std::thread::scope(|scope| {
        let mut to_workers = Vec::with_capacity(workers);
        let mut from_workers = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (send_job, take_job) = sync_channel::<Vec<Job>>(QUEUED);
            let (send_found, take_found) = sync_channel::<Found>(QUEUED);
            scope.spawn(move || work(rules, take_job, send_found));
            to_workers.push(send_job);
            from_workers.push(take_found);
        }
        let mut feed = Feed {
            to_workers,
            from_workers,
            sent: 0,
            received: 0,
            batch: Vec::with_capacity(BATCH),
            spare: Vec::new(),
        };
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut checked = 0u64;
        let mut slot = Entry::default();
        store.for_each_valid_entry_numbered(&mut slot, |rowid, entry| {
            checked += 1;
            let count = match counts.get_mut(&entry.signer.region_code) {
                Some(n) => n,
                None => counts.entry(entry.signer.region_code.clone()).or_default(),
            };
            let before = *count;
            *count += 1;
            // The entry read goes to the batch; a checked one comes back to be filled.
            let entry = std::mem::replace(entry, feed.spare_entry());
            feed.push(
                Job {
                    rowid,
                    before,
                    entry,
                },
                sink,
            )
        })?;
        feed.finish(sink)?;
        Ok(checked)
    })
}

/// The batches on their way to the workers and back.
struct Feed {
    to_workers: Vec<SyncSender<Vec<Job>>>,
    from_workers: Vec<Receiver<Found>>,
    sent: usize,
    received: usize,
    batch: Vec<Job>,
    /// Entries of checked batches, to be read into again (their strings keep their
    /// buffers, so reading allocates nothing, and no thread frees another's memory).
    spare: Vec<Job>,
}

impl Feed {
    /// An entry to read the next row into: a checked one when there is one.
    fn spare_entry(&mut self) -> Entry {
        self.spare.pop().map(|job| job.entry).unwrap_or_default()
    }

    fn push(&mut self, job: Job, sink: &mut dyn DefectSink) -> Result<(), StoreError> {
        self.batch.push(job);
        if self.batch.len() >= BATCH {
            self.send(sink)?;
        }
        Ok(())
    }

    /// Sends the batch to the next worker, first taking back the oldest result when every
    /// worker has work queued.
    fn send(&mut self, sink: &mut dyn DefectSink) -> Result<(), StoreError> {
        let workers = self.to_workers.len();
        if self.sent - self.received >= workers * QUEUED {
            self.receive(sink)?;
        }
        let next = match self.spare.is_empty() {
            // The spare entries' batch is empty by now: its vector carries the next batch.
            true => std::mem::take(&mut self.spare),
            false => Vec::with_capacity(BATCH),
        };
        let batch = std::mem::replace(&mut self.batch, next);
        self.to_workers[self.sent % workers]
            .send(batch)
            .map_err(|_| worker_gone())?;
        self.sent += 1;
        Ok(())
    }

    fn receive(&mut self, sink: &mut dyn DefectSink) -> Result<(), StoreError> {
        let workers = self.from_workers.len();
        let found = self.from_workers[self.received % workers]
            .recv()
            .map_err(|_| worker_gone())?;
        self.received += 1;
        for (ord, code, defect) in found.defects {
            sink.push(code, ord, defect)?;
        }
        // Entries left over from the last batch are dropped: a few hundred at most.
        self.spare = found.jobs;
        Ok(())
    }

    fn finish(mut self, sink: &mut dyn DefectSink) -> Result<(), StoreError> {
        if !self.batch.is_empty() {
            self.send(sink)?;
        }
        while self.received < self.sent {
            self.receive(sink)?;
        }
        Ok(())
    }
}

/// A worker: checks each batch and sends its defects back, until the jobs end.
fn work(rules: RuleContext<'_>, jobs: Receiver<Vec<Job>>, found: SyncSender<Found>) {
    let mut counts: HashMap<String, u32> = HashMap::new();
    for batch in jobs {
        let mut out = Vec::new();
        for job in &batch {
            let e = &job.entry;
            counts.clear();
            counts.insert(e.signer.region_code.clone(), job.before);
            let ctx = CheckContext {
                today: rules.today,
                campaign: rules.campaign,
                regions: rules.regions,
                region_counts: &counts,
                same_document: None,
                same_person: None,
            };
            let draft = e.signer.to_draft(e.signer.region_code.clone());
            for (k, f) in (0..).zip(check_entry(&draft, &ctx).findings) {
                let defect = super::entry_defect(&e.summary(), &f, rules.lang);
                out.push((job.rowid * PER_ENTRY + k, f.code(), defect));
            }
        }
        let checked = Found {
            jobs: batch,
            defects: out,
        };
        if found.send(checked).is_err() {
            return;
        }
    }
}

/// A worker thread ended early (it panicked).
fn worker_gone() -> StoreError {
    StoreError::Damaged("a check worker stopped".into())
}
