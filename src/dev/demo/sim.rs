//! The demo day as discrete events on a simulated clock: the door issues tickets, desks
//! call the next one, type each signer (checked as the form checks them), void a typo now
//! and then; at closing the open sheets are closed and each desk's collector certifies.

mod save;
mod timeline;

use super::schedule::{Arrival, Visit, arrivals, typing_seconds};
use super::{DemoOptions, DemoSummary};
use crate::dev::people::{People, Planted};
use crate::domain::collector::{check_details, parse_collector};
use crate::domain::{Campaign, EntryDraft, RegionCatalog};
use crate::progress::Progress;
use crate::store::{Actor, CertifyOutcome, Finish, Store, StoreError};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use fastrand::Rng;
use std::collections::HashMap;
use timeline::{DayState, Event, Timeline, Turn};

/// One desk of the demo.
struct Desk {
    actor: Actor,
    collector: String,
    busy: bool,
}

/// The running simulation over one store.
pub(super) struct Simulation<'a> {
    store: &'a mut Store,
    people: &'a People,
    regions: &'a RegionCatalog,
    campaign: &'a Campaign,
    rng: Rng,
    desks: Vec<Desk>,
    door: Actor,
    lead: Actor,
    counts: HashMap<String, u32>,
    recent: Vec<EntryDraft>,
    summary: DemoSummary,
}

/// Operators at the desks (desk names are `desk-1` …).
const OPERATORS: [&str; 6] = ["Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор"];

/// Mixed into the seed of the collectors' details.
const COLLECTOR_DETAILS_SEED: u64 = 0x00c0_11ec_7012;

/// A region left off every desk collector's notarised list, so its sheets stay
/// uncertified and the board shows what that looks like.
const UNLISTED_REGION: &str = "39";

impl<'a> Simulation<'a> {
    /// Desks, their operators and collectors (listed for every demo region but one).
    pub(super) fn new(
        store: &'a mut Store,
        people: &'a People,
        regions: &'a RegionCatalog,
        campaign: &'a Campaign,
        options: &DemoOptions,
        start: DateTime<Utc>,
    ) -> Result<Simulation<'a>, StoreError> {
        let mut rng = Rng::with_seed(options.seed);
        let lead = Actor {
            desk: "lead".into(),
            operator: "demo".into(),
        };
        let listed: Vec<String> = people
            .region_codes()
            .into_iter()
            .filter(|c| c != UNLISTED_REGION)
            .collect();
        let mut desks = Vec::new();
        // The collectors' details come from a generator of their own, so the day itself
        // is the same as before the list carried them.
        let mut details_rng = Rng::with_seed(options.seed ^ COLLECTOR_DETAILS_SEED);
        let first_day = start.date_naive();
        for index in 0..options.desks.max(1) as usize {
            let (surname, given, patronymic) = people.full_name(&mut rng);
            let name = format!("{surname} {given} {patronymic}");
            let demo_error = |e: String| StoreError::Damaged(format!("demo collector: {e}"));
            let mut collector = parse_collector(&name, &listed.join(","), regions)
                .map_err(|e| demo_error(format!("{e:?}")))?;
            let typed = people.collector_details(&mut details_rng, first_day);
            collector.details =
                check_details(&name, &typed, &Default::default(), first_day, regions)
                    .map_err(|e| demo_error(format!("{e:?}")))?
                    .details;
            let added = store.add_collector(&collector, &lead, start)?;
            desks.push(Desk {
                actor: Actor {
                    desk: format!("desk-{}", index + 1),
                    operator: OPERATORS[index % OPERATORS.len()].to_string(),
                },
                collector: added.collector.name,
                busy: false,
            });
        }
        let counts = store.region_counts()?;
        Ok(Simulation {
            store,
            people,
            regions,
            campaign,
            rng,
            desks,
            door: Actor {
                desk: "door".into(),
                operator: "Зоя".into(),
            },
            lead,
            counts,
            recent: Vec::new(),
            summary: DemoSummary::default(),
        })
    }

    /// Simulates one day from opening until the queue is empty, then closes and
    /// certifies its sheets.
    pub(super) fn run_day(
        &mut self,
        day: NaiveDate,
        open: DateTime<Utc>,
        signers: u32,
        progress: &mut dyn Progress,
    ) -> Result<(), StoreError> {
        let sheets_before = self.store.last_sheet_number()?;
        // One transaction a day: every write still goes through the desk's store calls.
        self.store.begin_batch()?;
        let list = arrivals(&mut self.rng, signers, open);
        let mut state = DayState {
            day,
            plans: HashMap::new(),
            timeline: Timeline::default(),
        };
        for (index, arrival) in list.iter().enumerate() {
            state.timeline.push(arrival.at, Event::Arrive(index));
        }
        let mut last = open;
        while let Some((at, event)) = state.timeline.pop() {
            last = last.max(at);
            self.happen(event, at, &list, &mut state, progress)?;
        }
        self.end_of_day(day, sheets_before, last + Duration::minutes(15))?;
        self.store.commit_batch()
    }

    fn arrive(
        &mut self,
        arrival: &Arrival,
        at: DateTime<Utc>,
        state: &mut DayState,
    ) -> Result<(), StoreError> {
        let ticket = self.store.issue_ticket(&self.door, state.day, at)?;
        self.summary.tickets += 1;
        state.plans.insert(ticket.id, arrival.visit);
        if let Visit::WalkOut { patience } = arrival.visit {
            state.timeline.push(at + patience, Event::GiveUp(ticket.id));
        }
        self.wake_a_desk(at + Duration::seconds(5), &mut state.timeline);
        Ok(())
    }

    /// The first idle desk calls the next ticket.
    fn wake_a_desk(&mut self, at: DateTime<Utc>, timeline: &mut Timeline) {
        if let Some(index) = self.desks.iter().position(|d| !d.busy) {
            self.desks[index].busy = true;
            timeline.push(
                at,
                Event::DeskReady {
                    desk: index,
                    absent: false,
                },
            );
        }
    }

    /// Carries out one event.
    fn happen(
        &mut self,
        event: Event,
        at: DateTime<Utc>,
        list: &[Arrival],
        state: &mut DayState,
        progress: &mut dyn Progress,
    ) -> Result<(), StoreError> {
        match event {
            Event::Arrive(index) => self.arrive(&list[index], at, state)?,
            Event::DeskReady { desk, absent } => self.desk_ready(desk, absent, at, state)?,
            Event::Typed(turn) => {
                self.typed(turn, at, state)?;
                progress.advance(self.summary.saved);
            }
            Event::Typo {
                turn,
                voided,
                mut draft,
            } => {
                let actor = self.desks[turn.desk].actor.clone();
                let reason = "опечатка в номере паспорта, строка введена заново";
                self.store.void_entry(&voided, reason, &actor, at)?;
                self.summary.voided += 1;
                self.summary.saved -= 1;
                if let Some(count) = self.counts.get_mut(&draft.region) {
                    *count = count.saturating_sub(1);
                }
                self.renumber(&mut draft);
                let typing = Duration::seconds(typing_seconds(&mut self.rng, turn.desk));
                state
                    .timeline
                    .push(at + typing, Event::Retyped { turn, draft });
            }
            Event::Retyped { turn, mut draft } => {
                let actor = self.desks[turn.desk].actor.clone();
                self.save_checked(&mut draft, &actor, state.day, turn.ticket, at)?;
                self.remember(*draft);
                self.after_signer(turn, at, state);
                progress.advance(self.summary.saved);
            }
            Event::ComeBack(ticket) => {
                if let Some(Visit::Sign { back_after, .. }) = state.plans.get_mut(&ticket) {
                    *back_after = None;
                }
                if self.store.recall_ticket(&self.door, ticket, at)?.is_some() {
                    self.wake_a_desk(at, &mut state.timeline);
                }
            }
            Event::GiveUp(ticket) => {
                if self.store.mark_left(&self.door, ticket, at)?.is_some() {
                    self.summary.left += 1;
                }
            }
        }
        Ok(())
    }

    /// A free desk closes its ticket and calls the next; starts typing its first signer
    /// if the people are there, else marks them absent and calls again.
    fn desk_ready(
        &mut self,
        desk: usize,
        absent: bool,
        at: DateTime<Utc>,
        state: &mut DayState,
    ) -> Result<(), StoreError> {
        let finish = if absent { Finish::NoShow } else { Finish::Done };
        let actor = self.desks[desk].actor.clone();
        let outcome = self.store.call_next(&actor, finish, state.day, at)?;
        let Some(ticket) = outcome.called else {
            self.desks[desk].busy = false;
            return Ok(());
        };
        let call_gap = Duration::seconds(30 + self.rng.i64(0..30));
        let away = Event::DeskReady { desk, absent: true };
        match state.plans.get(&ticket.id).copied() {
            Some(Visit::Sign {
                signers,
                back_after: None,
            }) => {
                let typing = Duration::seconds(typing_seconds(&mut self.rng, desk));
                let turn = Turn {
                    desk,
                    ticket: ticket.id,
                    left: signers,
                };
                state
                    .timeline
                    .push(at + call_gap + typing, Event::Typed(turn));
            }
            Some(Visit::Sign {
                back_after: Some(back),
                ..
            }) => {
                self.summary.no_shows += 1;
                state.timeline.push(at + back, Event::ComeBack(ticket.id));
                state.timeline.push(at + call_gap, away);
            }
            Some(Visit::WalkOut { .. }) | None => {
                self.summary.no_shows += 1;
                state.timeline.push(at + call_gap, away);
            }
        }
        Ok(())
    }

    /// Saves the signer just typed (a correct one, or one with a planted defect); now and
    /// then the operator spots a typo and voids the line.
    fn typed(
        &mut self,
        turn: Turn,
        at: DateTime<Utc>,
        state: &mut DayState,
    ) -> Result<(), StoreError> {
        let planted = match self.rng.u16(0..1000) {
            0..10 => Planted::AddressElsewhere,
            10..20 => Planted::SeriesTypo,
            20..25 if !self.recent.is_empty() => Planted::NearDuplicate,
            _ => Planted::None,
        };
        let mut draft = match planted {
            Planted::NearDuplicate => {
                let first = self.recent[self.rng.usize(0..self.recent.len())].clone();
                self.people.same_person_again(&mut self.rng, &first)
            }
            _ => self.people.signer(&mut self.rng, state.day, planted),
        };
        let actor = self.desks[turn.desk].actor.clone();
        let saved = self.save_checked(&mut draft, &actor, state.day, turn.ticket, at)?;
        if let Some(voided) = saved.filter(|_| self.rng.u16(0..1000) < 3) {
            let noticed = Duration::seconds(20 + self.rng.i64(0..40));
            let typo = Event::Typo {
                turn,
                voided,
                draft: Box::new(draft),
            };
            state.timeline.push(at + noticed, typo);
            return Ok(());
        }
        self.remember(draft);
        self.after_signer(turn, at, state);
        Ok(())
    }

    /// The next signer of the ticket, or the desk is free.
    fn after_signer(&mut self, turn: Turn, at: DateTime<Utc>, state: &mut DayState) {
        if turn.left > 1 {
            let typing = Duration::seconds(typing_seconds(&mut self.rng, turn.desk));
            let next = Turn {
                left: turn.left - 1,
                ..turn
            };
            state.timeline.push(at + typing, Event::Typed(next));
        } else {
            let ready = Event::DeskReady {
                desk: turn.desk,
                absent: false,
            };
            state.timeline.push(at + Duration::seconds(10), ready);
        }
    }

    /// Keeps a sample of signers to come back as near duplicates.
    fn remember(&mut self, draft: EntryDraft) {
        if self.recent.len() < 500 {
            self.recent.push(draft);
        } else {
            let slot = self.rng.usize(0..self.recent.len());
            self.recent[slot] = draft;
        }
    }

    /// Closing time: the lead closes every open sheet and each desk's collector
    /// certifies the desk's closed sheets of the day (refused where not listed); the
    /// day's sheets are those numbered above `sheets_before`.
    fn end_of_day(
        &mut self,
        day: NaiveDate,
        sheets_before: u32,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.store.close_open_sheets(&self.lead, at)?;
        let collectors: HashMap<String, String> = self
            .desks
            .iter()
            .map(|d| (d.actor.desk.clone(), d.collector.clone()))
            .collect();
        let campaign = self.campaign;
        let waiting: Vec<(u32, String)> = self
            .store
            .sheets_after(sheets_before)?
            .into_iter()
            .filter(|s| s.certification.is_none() && s.valid_lines > 0)
            .filter(|s| campaign.local_date(s.opened_at) == day)
            .filter_map(|s| collectors.get(&s.desk).map(|c| (s.number, c.clone())))
            .collect();
        let certify_at = at + Duration::minutes(10);
        for (number, collector) in waiting {
            let outcome = self
                .store
                .certify_sheet(number, &collector, day, day, &self.lead, certify_at)?;
            if matches!(outcome, CertifyOutcome::Certified(_)) {
                self.summary.certified += 1;
            }
        }
        Ok(())
    }

    /// The totals, with the sheet count read back from the store.
    pub(super) fn into_summary(self) -> DemoSummary {
        // Counted, not loaded: a million signers fill 157,000 sheets.
        let sheets = self.store.sheet_count().unwrap_or(0);
        DemoSummary {
            sheets,
            ..self.summary
        }
    }
}
