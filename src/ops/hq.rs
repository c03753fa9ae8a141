//! The point's questions to HQ, shared by the desk, `import` and `check`: lookups of digest
//! pairs over one lazily opened session, import rows screened a batch at a time, and the
//! collisions `sync` brought as defects of `check`.

use super::defects::Defect;
use crate::domain::checks::LookupKeys;
use crate::domain::hq::{CampaignSecret, CollisionKind, Digests, HqAnswer, HqHit};
use crate::domain::{Entry, Finding, Problem};
use crate::hq::point::PointSession;
use crate::hq::{self, HqError};
use crate::i18n::Lang;
use crate::store::{HqLink, Store, StoreError};
use std::time::Duration;

/// Import rows asked about in one round trip.
pub const IMPORT_BATCH: usize = 500;

/// A point's lookups at HQ over one session, opened on first use and again after a failure.
pub struct HqLookups {
    url: String,
    secret: CampaignSecret,
    timeout: Duration,
    session: Option<PointSession>,
}

impl HqLookups {
    /// Lookups with this point's HQ address and secret; `None` when either is not set.
    pub fn for_point(store: &Store, timeout: Duration) -> Result<Option<HqLookups>, StoreError> {
        Ok(HqLookups::from_link(store.hq_link()?, timeout))
    }

    /// Lookups over `link`; `None` when its address or secret is not set.
    pub fn from_link(link: HqLink, timeout: Duration) -> Option<HqLookups> {
        Some(HqLookups {
            url: link.url?,
            secret: link.secret?,
            timeout,
            session: None,
        })
    }

    /// Whether these lookups use `link`'s address and secret (else the lead changed them).
    pub fn is_for(&self, link: &HqLink) -> bool {
        link.url.as_deref() == Some(self.url.as_str()) && link.secret.as_ref() == Some(&self.secret)
    }

    fn session(&mut self) -> Result<&mut PointSession, HqError> {
        if self.session.as_ref().is_some_and(PointSession::is_closed) {
            self.session = None;
        }
        let session = match self.session.take() {
            Some(session) => session,
            None => hq::connect(&self.url, self.timeout)?.as_point(&self.secret)?,
        };
        Ok(self.session.insert(session))
    }

    /// What HQ knows of the form's keys (`own_id`: the entry being edited).
    pub fn answer(&mut self, keys: &LookupKeys, own_id: Option<&str>) -> Result<HqAnswer, HqError> {
        let digests = self.secret.lookup_digests(keys);
        if digests.document.is_none() && digests.person.is_none() {
            return Ok(HqAnswer::default());
        }
        let answer = self.session()?.lookup(&digests, own_id);
        if answer.is_err() {
            self.session = None;
        }
        answer
    }

    /// What HQ knows of each of `entries`, in one round trip.
    pub fn answer_entries(&mut self, entries: &[&Entry]) -> Result<Vec<HqAnswer>, HqError> {
        let pairs: Vec<(Digests, &str)> = entries
            .iter()
            .map(|e| {
                let row = self.secret.hq_entry(e);
                let digests = Digests {
                    document: Some(row.doc_digest),
                    person: Some(row.person_digest),
                };
                (digests, e.id.as_str())
            })
            .collect();
        let answers = self.session()?.lookup_many(&pairs);
        if answers.is_err() {
            self.session = None;
        }
        answers
    }
}

/// One import row after HQ's screen.
#[derive(Debug)]
pub enum Screened<R> {
    /// No other point has it (or HQ did not answer); `person` when the same person signed
    /// elsewhere with another document (a warning).
    Clear {
        /// The entry.
        entry: Entry,
        /// The caller's row data.
        row: R,
        /// Same person at another point.
        person: Option<HqHit>,
    },
    /// Another point has the same document: rejected like a duplicate.
    Elsewhere {
        /// The entry.
        entry: Entry,
        /// The caller's row data.
        row: R,
        /// The other point and its date.
        hit: HqHit,
    },
}

/// Import rows waiting for HQ, screened [`IMPORT_BATCH`] at a time, so a streaming import
/// asks once per batch and never holds more than one batch back.
pub struct ImportScreen<R> {
    lookups: HqLookups,
    waiting: Vec<(Entry, R)>,
    /// Rows HQ did not answer for (kept: `sync` and `check` report collisions later).
    pub unchecked: usize,
}

impl<R> ImportScreen<R> {
    /// A screen for this point's HQ; `None` without one.
    pub fn for_point(store: &Store) -> Result<Option<ImportScreen<R>>, StoreError> {
        Ok(
            HqLookups::for_point(store, hq::SYNC_TIMEOUT)?.map(|lookups| ImportScreen {
                lookups,
                waiting: Vec::new(),
                unchecked: 0,
            }),
        )
    }

    /// Holds a valid row; returns a screened batch once [`IMPORT_BATCH`] rows wait.
    pub fn push(&mut self, entry: Entry, row: R) -> Vec<Screened<R>> {
        self.waiting.push((entry, row));
        if self.waiting.len() >= IMPORT_BATCH {
            self.flush()
        } else {
            Vec::new()
        }
    }

    /// Screens the rows still waiting.
    pub fn flush(&mut self) -> Vec<Screened<R>> {
        let batch = std::mem::take(&mut self.waiting);
        if batch.is_empty() {
            return Vec::new();
        }
        let entries: Vec<&Entry> = batch.iter().map(|(e, _)| e).collect();
        let answers = match self.lookups.answer_entries(&entries) {
            Ok(answers) => answers,
            Err(_) => {
                self.unchecked += batch.len();
                vec![HqAnswer::default(); batch.len()]
            }
        };
        batch
            .into_iter()
            .zip(answers)
            .map(|((entry, row), answer)| match answer.document {
                Some(hit) => Screened::Elsewhere { entry, row, hit },
                None => Screened::Clear {
                    entry,
                    row,
                    person: answer.person,
                },
            })
            .collect()
    }
}

/// Adds the collisions `sync` brought for this point's valid entries to `check`'s report,
/// with the words of the form's findings.
pub fn add_collision_defects(
    store: &Store,
    lang: Lang,
    mut push: impl FnMut(&str, Defect) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    for c in store.hq_collisions()? {
        let hit = c.other.clone();
        let problem = match c.kind {
            CollisionKind::Document => Problem::DocumentAtPoint { hit },
            CollisionKind::Person => Problem::PersonAtPoint { hit },
        };
        let finding = Finding {
            field: crate::domain::Field::Document,
            severity: problem.severity(),
            fix: None,
            problem,
        };
        push(
            finding.code(),
            super::defects::entry_defect(&c.entry, &finding, lang),
        )?;
    }
    Ok(())
}
