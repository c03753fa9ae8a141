//! The background worker: effects that read over a whole day's rows (the board's reload,
//! today's defect check, the day's tickets, an entries list, the automatic backup, the
//! paper sample and its share) run on a thread with a connection of its own, so the loop
//! keeps taking keys while they work. Each result comes back as an ordinary message.

use super::effects;
use super::hq_lane::HqLane;
use super::msg::{Effect, Msg};
use crate::store::{Actor, Store};
use chrono::Utc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

/// One effect to run, with the actor it runs as.
struct Job {
    effect: Effect,
    actor: Option<Actor>,
}

/// A handle to the worker thread (and the HQ lane beside it, when started); the threads
/// end when the handle is dropped.
pub struct Worker {
    /// `None` only while the handle is dropped.
    jobs: Option<Sender<Job>>,
    thread: Option<thread::JoinHandle<()>>,
    hq: Option<HqLane>,
}

impl Effect {
    /// Whether the effect may read over many rows, or is a write nobody waits for (the
    /// lease's typing mark: the worker keeps the last of several), and so runs on the
    /// worker in the live app. Other writes and single-row reads stay on the loop: they
    /// are quick, and their results must arrive in order with the keys that caused them.
    pub fn runs_in_background(&self) -> bool {
        match self {
            Effect::LoadBoard { .. }
            | Effect::CheckToday { .. }
            | Effect::LoadTickets(_)
            | Effect::LoadEntries { .. }
            | Effect::AutoBackup
            | Effect::LoadPaper
            | Effect::LoadPaperShare(_)
            | Effect::MarkTyping(_)
            | Effect::LookupHq { .. } => true,
            Effect::LookupDuplicates { .. }
            | Effect::ClaimDesk { .. }
            | Effect::Rescue
            | Effect::LoadHqLink
            | Effect::LoadPreview(..)
            | Effect::LoadCounts
            | Effect::LoadCampaign
            | Effect::Save(..)
            | Effect::SaveEdit(_)
            | Effect::Void { .. }
            | Effect::CheckLeadPin(..)
            | Effect::OpenEntry(_)
            | Effect::LoadServing
            | Effect::CallNext(..)
            | Effect::IssueTicket(_)
            | Effect::UndoTicket(..)
            | Effect::MoveTicket(..)
            | Effect::LoadNotice(_)
            | Effect::CheckPassphrase(_)
            | Effect::MarkPaper { .. }
            | Effect::RememberSignIn(..) => false,
        }
    }
}

impl Worker {
    /// Starts the worker on `store` (a connection of its own, see `Store::open_sibling`).
    /// Every result goes to `reply`; the thread ends when `reply` returns false or the
    /// handle is dropped.
    pub fn start(mut store: Store, reply: impl Fn(Msg) -> bool + Send + 'static) -> Worker {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let thread = thread::spawn(move || {
            while let Some(batch) = next_batch(&inbox) {
                for job in batch {
                    let now = Utc::now();
                    if let Some(msg) = effects::run(job.effect, &mut store, job.actor.as_ref(), now)
                        && !reply(msg)
                    {
                        return;
                    }
                }
            }
        });
        Worker {
            jobs: Some(jobs),
            thread: Some(thread),
            hq: None,
        }
    }

    /// Sends the desk's HQ lookups to `lane` instead of the worker's SQLite thread.
    pub fn with_hq_lane(mut self, lane: HqLane) -> Worker {
        self.hq = Some(lane);
        self
    }

    /// Hands `effect` to the worker; gives it back when the worker has stopped, so the
    /// caller can run it itself.
    #[must_use = "an effect given back must still be run"]
    pub fn submit(&self, effect: Effect, actor: Option<Actor>) -> Option<Effect> {
        let effect = match (effect, &self.hq) {
            (Effect::LookupHq { keys, exclude }, Some(lane)) => {
                if lane.ask(keys.clone(), exclude.clone()) {
                    return None;
                }
                Effect::LookupHq { keys, exclude }
            }
            (effect, _) => effect,
        };
        match &self.jobs {
            Some(jobs) => jobs
                .send(Job { effect, actor })
                .err()
                .map(|failed| failed.0.effect),
            None => Some(effect),
        }
    }
}

impl Drop for Worker {
    /// Ends the thread once the jobs already handed over are done, and waits for it: its
    /// connection is closed before the process exits, never cut off mid-query by the exit.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Waits for a job, then takes every job already waiting too, keeping only the last of
/// equal ones: ten commits in a row ask for one board reload, not ten.
fn next_batch(inbox: &Receiver<Job>) -> Option<Vec<Job>> {
    let first = inbox.recv().ok()?;
    let mut batch = vec![first];
    while let Ok(job) = inbox.try_recv() {
        batch.retain(|queued| queued.effect != job.effect);
        batch.push(job);
    }
    Some(batch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RegionCatalog;
    use crate::tui::msg::QueueMsg;
    use std::time::Duration;

    fn store(dir: &tempfile::TempDir) -> Store {
        let regions = RegionCatalog::embedded().unwrap();
        Store::open(&dir.path().join("w.db"), &regions).unwrap()
    }

    #[test]
    fn results_come_back_as_messages() {
        let dir = tempfile::tempdir().unwrap();
        let main = store(&dir);
        let (tx, rx) = mpsc::channel();
        let worker = Worker::start(main.open_sibling().unwrap(), move |m| tx.send(m).is_ok());
        let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 22).unwrap();
        assert_eq!(worker.submit(Effect::LoadTickets(day), None), None);
        match rx.recv_timeout(Duration::from_secs(10)).unwrap() {
            Msg::Queue(QueueMsg::Tickets(tickets)) => assert!(tickets.is_empty()),
            other => panic!("unexpected reply {other:?}"),
        }
    }

    #[test]
    fn dropping_the_worker_ends_its_thread_before_it_returns() {
        let dir = tempfile::tempdir().unwrap();
        let main = store(&dir);
        let (tx, rx) = mpsc::channel::<Msg>();
        let worker = Worker::start(main.open_sibling().unwrap(), move |m| tx.send(m).is_ok());
        drop(worker);
        // The thread has ended and dropped its reply sender: nothing is left to wait for.
        assert_eq!(
            rx.recv_timeout(Duration::ZERO).err(),
            Some(mpsc::RecvTimeoutError::Disconnected)
        );
    }

    #[test]
    fn equal_waiting_jobs_run_once() {
        let (jobs, inbox) = mpsc::channel();
        let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 22).unwrap();
        for effect in [
            Effect::LoadTickets(day),
            Effect::LoadCounts,
            Effect::LoadTickets(day),
            Effect::LoadTickets(day),
        ] {
            jobs.send(Job {
                effect,
                actor: None,
            })
            .unwrap();
        }
        let batch: Vec<Effect> = next_batch(&inbox)
            .unwrap()
            .into_iter()
            .map(|j| j.effect)
            .collect();
        assert_eq!(batch, vec![Effect::LoadCounts, Effect::LoadTickets(day)]);
    }

    #[test]
    fn a_stopped_worker_gives_the_effect_back() {
        let dir = tempfile::tempdir().unwrap();
        let main = store(&dir);
        let worker = Worker::start(main.open_sibling().unwrap(), |_| false);
        let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 22).unwrap();
        // The first reply is refused, so the thread ends; later jobs come back.
        let _ = worker.submit(Effect::LoadTickets(day), None);
        let returned = (0..200).find_map(|_| {
            std::thread::sleep(Duration::from_millis(10));
            worker.submit(Effect::LoadCounts, None)
        });
        assert_eq!(returned, Some(Effect::LoadCounts));
    }
}
