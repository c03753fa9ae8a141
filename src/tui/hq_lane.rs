//! The HQ lane: the desk's lookups at the campaign HQ on a thread and a PostgreSQL session
//! of their own, beside the background worker. A lookup never waits behind a board reload,
//! a slow network never delays the worker's SQLite work, and typing never waits for either.
//! Only the newest question counts: older ones still queued are dropped.

use super::msg::{DeskMsg, Msg};
use crate::domain::checks::LookupKeys;
use crate::hq::LOOKUP_TIMEOUT;
use crate::ops::hq::HqLookups;
use crate::store::Store;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

/// One question: the keys and the entry being edited.
type Question = (LookupKeys, Option<String>);

/// A handle to the lane's thread; the thread ends when the handle is dropped.
pub struct HqLane {
    questions: Sender<Question>,
}

impl HqLane {
    /// Starts the lane on `store` (a connection of its own, to read the HQ address and
    /// secret, again before each question in case the lead changed them). Every answer
    /// goes to `reply`; the thread ends when `reply` returns false or the handle is dropped.
    pub fn start(store: Store, reply: impl Fn(Msg) -> bool + Send + 'static) -> HqLane {
        let (questions, inbox) = mpsc::channel::<Question>();
        thread::spawn(move || {
            let mut lookups: Option<HqLookups> = None;
            while let Some((keys, own_id)) = newest(&inbox) {
                let link = store.hq_link().ok();
                if !link
                    .as_ref()
                    .is_some_and(|l| lookups.as_ref().is_some_and(|q| q.is_for(l)))
                {
                    lookups = link.and_then(|l| HqLookups::from_link(l, LOOKUP_TIMEOUT));
                }
                let answer = lookups
                    .as_mut()
                    .and_then(|l| l.answer(&keys, own_id.as_deref()).ok());
                if !reply(Msg::Desk(DeskMsg::HqAnswer { keys, answer })) {
                    return;
                }
            }
        });
        HqLane { questions }
    }

    /// Hands a question to the lane; false when the lane has stopped.
    pub fn ask(&self, keys: LookupKeys, own_id: Option<String>) -> bool {
        self.questions.send((keys, own_id)).is_ok()
    }
}

/// Waits for a question, then keeps only the newest of those already waiting.
fn newest(inbox: &Receiver<Question>) -> Option<Question> {
    let mut question = inbox.recv().ok()?;
    while let Ok(newer) = inbox.try_recv() {
        question = newer;
    }
    Some(question)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newest_question_is_asked() {
        let (tx, rx) = mpsc::channel();
        for n in 0..3 {
            let keys = LookupKeys {
                document: Some((Default::default(), "4506".into(), format!("70000{n}"))),
                person: None,
            };
            tx.send((keys, None)).unwrap();
        }
        let (keys, _) = newest(&rx).unwrap();
        assert_eq!(keys.document.unwrap().2, "700002");
        assert!(rx.try_recv().is_err());
    }
}
