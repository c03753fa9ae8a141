//! Runs the effects `update` asks for against the store and turns results into messages.

use super::msg::{
    BoardMsg, DeskClaim, DeskMsg, DoorMsg, Duplicates, Effect, EntriesMsg, Msg, PaperMsg,
    ProtectMsg, QueueMsg, TicketMove, WriteFailure,
};
use crate::domain::RegionCatalog;
use crate::hq::LOOKUP_TIMEOUT;
use crate::ops::defects::DayDefects;
use crate::ops::hq::HqLookups;
use crate::store::desks::{Claim, Holder};
use crate::store::{Actor, Store, StoreError};
use chrono::{DateTime, Utc};

/// How many entries the entries screen loads.
pub const ENTRIES_SHOWN: u32 = 500;

/// Runs one effect; the reply (if any) goes back into `update`.
pub fn run(
    effect: Effect,
    store: &mut Store,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Option<Msg> {
    match effect {
        Effect::LookupDuplicates { keys, exclude } => {
            let not_self = |s: &crate::domain::EntrySummary| Some(&s.id) != exclude.as_ref();
            let same_document = match &keys.document {
                Some((kind, series, number)) => store.find_by_document(*kind, series, number),
                None => Ok(None),
            };
            let same_person = match &keys.person {
                Some(person) => store.find_same_person(person, keys.document.as_ref()),
                None => Ok(None),
            };
            match (same_document, same_person) {
                (Ok(d), Ok(p)) => Some(Msg::Desk(DeskMsg::Duplicates(Box::new(Duplicates {
                    keys,
                    same_document: d.filter(not_self),
                    same_person: p.filter(not_self),
                })))),
                (Err(e), _) | (_, Err(e)) => Some(failure(e)),
            }
        }
        Effect::LoadPreview(region, country) => {
            let desk = actor.map(|a| a.desk.as_str()).unwrap_or_default();
            Some(match store.sheet_preview(desk, &region, &country) {
                Ok(preview) => Msg::Desk(DeskMsg::Preview {
                    key: (region, country),
                    preview,
                }),
                Err(e) => failure(e),
            })
        }
        Effect::LoadCounts => Some(
            store
                .cap_counts()
                .map_or_else(failure, |c| Msg::Desk(DeskMsg::Counts(c))),
        ),
        Effect::LookupHq { keys, exclude } => {
            // Inline (tests, or a desk without the HQ lane): a session for this one question.
            let answer = HqLookups::for_point(store, LOOKUP_TIMEOUT)
                .ok()
                .flatten()
                .and_then(|mut lookups| lookups.answer(&keys, exclude.as_deref()).ok());
            Some(Msg::Desk(DeskMsg::HqAnswer { keys, answer }))
        }
        Effect::LoadHqLink => Some(hq_link(store).map_or_else(failure, Msg::HqLink)),
        Effect::LoadCampaign => Some(
            store
                .campaign()
                .map_or_else(failure, |c| Msg::Campaign(Box::new(c))),
        ),
        Effect::Save(entry, ticket) => {
            let actor = actor?;
            Some(
                store
                    .save_entry(&entry, actor, ticket, now)
                    .map_or_else(failure, |s| Msg::Desk(DeskMsg::Saved(Box::new(s)))),
            )
        }
        Effect::SaveEdit(edit) => {
            let actor = actor?;
            Some(
                store
                    .edit_entry(&edit, actor, now)
                    .map_or_else(failure, |()| Msg::Entries(EntriesMsg::Edited(edit.id))),
            )
        }
        Effect::Void { id, reason } => {
            let actor = actor?;
            Some(
                store
                    .void_entry(&id, &reason, actor, now)
                    .map_or_else(failure, |()| Msg::Entries(EntriesMsg::Voided(id))),
            )
        }
        Effect::LoadEntries { all_desks } => {
            let desk = actor.map(|a| a.desk.as_str()).unwrap_or_default();
            let loaded = if all_desks {
                store.recent_entries(ENTRIES_SHOWN)
            } else {
                store.desk_entries(desk, ENTRIES_SHOWN)
            };
            Some(loaded.map_or_else(failure, |e| Msg::Entries(EntriesMsg::Loaded(e))))
        }
        Effect::CheckLeadPin(pin, action) => {
            Some(store.verify_lead_pin(&pin).map_or_else(failure, |right| {
                Msg::Protect(ProtectMsg::LeadPinChecked(right, Box::new(action)))
            }))
        }
        Effect::OpenEntry(id) => Some(match store.entry(&id) {
            Ok(Some(entry)) => Msg::Entries(EntriesMsg::Opened(Box::new(entry))),
            Ok(None) => failure(StoreError::NoSuchEntry(id)),
            Err(e) => failure(e),
        }),
        Effect::LoadTickets(day) => Some(
            store
                .tickets_of_day(day)
                .map_or_else(failure, |t| Msg::Queue(QueueMsg::Tickets(t))),
        ),
        Effect::LoadServing => {
            let desk = actor.map(|a| a.desk.as_str()).unwrap_or_default();
            Some(
                store
                    .serving_ticket(desk)
                    .map_or_else(failure, |t| Msg::Queue(QueueMsg::Serving(t))),
            )
        }
        Effect::CallNext(finish, day) => {
            let actor = actor?;
            Some(
                store
                    .call_next(actor, finish, day, now)
                    .map_or_else(failure, |o| Msg::Queue(QueueMsg::Called(Box::new(o)))),
            )
        }
        Effect::IssueTicket(day) => {
            let actor = actor?;
            Some(
                store
                    .issue_ticket(actor, day, now)
                    .map_or_else(failure, |t| Msg::Door(DoorMsg::Issued(t))),
            )
        }
        Effect::UndoTicket(id, number) => {
            let actor = actor?;
            Some(
                store
                    .undo_ticket(actor, id, now)
                    .map_or_else(failure, |done| Msg::Door(DoorMsg::Undone(number, done))),
            )
        }
        Effect::MoveTicket(change, id, number) => {
            let actor = actor?;
            let moved = match change {
                TicketMove::Recall => store.recall_ticket(actor, id, now),
                TicketMove::Left => store.mark_left(actor, id, now),
            };
            Some(moved.map_or_else(failure, |t| {
                Msg::Queue(QueueMsg::TicketMoved(change, number, t))
            }))
        }
        Effect::LoadBoard { from, to } => Some(
            store
                .board_data(from, to)
                .map_or_else(failure, |d| Msg::Board(BoardMsg::Loaded(Box::new(d)))),
        ),
        Effect::CheckToday {
            today,
            from,
            to,
            kept,
        } => Some(match RegionCatalog::embedded() {
            Ok(regions) => DayDefects::refresh(kept.map(|k| *k), store, &regions, today, from, to)
                .map_or_else(failure, |d| Msg::Board(BoardMsg::DefectsToday(Box::new(d)))),
            Err(e) => failure_text(e.to_string()),
        }),
        Effect::LoadNotice(lang) => Some(
            store
                .campaign()
                .map_err(anyhow::Error::from)
                .and_then(|c| crate::ops::notice::notice_text(lang, &c))
                .map_or_else(
                    |e| failure_text(format!("{e:#}")),
                    |n| Msg::Door(DoorMsg::Notice(n)),
                ),
        ),
        Effect::AutoBackup => Some(Msg::Protect(ProtectMsg::BackedUp(
            crate::store::backup::auto_backup(store, now),
        ))),
        Effect::CheckPassphrase(typed) => Some(
            store
                .unlock_secret_matches(&typed)
                .map_or_else(failure, |r| Msg::Protect(ProtectMsg::PassphraseChecked(r))),
        ),
        Effect::ClaimDesk {
            desk,
            operator,
            pin,
        } => Some(
            match store.claim_desk(&desk, &Holder::this_process(), now) {
                Ok(claim) => {
                    let (held, lost_signer) = match claim {
                        Claim::Taken { lost_signer } => (None, lost_signer),
                        Claim::HeldBy(holder) => (Some((holder.pid, holder.host)), false),
                    };
                    Msg::Protect(ProtectMsg::DeskClaimed(DeskClaim {
                        desk,
                        operator,
                        pin,
                        held,
                        lost_signer,
                    }))
                }
                Err(e) => failure(e),
            },
        ),
        Effect::Rescue => {
            let mut name = store.path().as_os_str().to_owned();
            name.push(format!(".rescued-{}.db", std::process::id()));
            let copy = std::path::PathBuf::from(name);
            let rescued = crate::store::backup::backup_to(store, &copy).ok();
            Some(Msg::Protect(ProtectMsg::Rescued(
                rescued.map(|()| copy.display().to_string()),
            )))
        }
        Effect::LoadPaper => Some(
            store
                .paper_sample()
                .map_or_else(failure, |lines| Msg::Paper(PaperMsg::Loaded(lines))),
        ),
        Effect::MarkPaper {
            entry_id,
            code,
            note,
        } => {
            let actor = actor?;
            Some(
                store
                    .mark_paper_line(&entry_id, code, &note, actor, now)
                    .map_or_else(failure, |_| {
                        Msg::Paper(PaperMsg::Marked {
                            entry_id,
                            code,
                            note,
                        })
                    }),
            )
        }
        Effect::LoadPaperShare(today) => Some(match RegionCatalog::embedded() {
            Ok(regions) => crate::ops::paper::paper_share(store, &regions, today)
                .map_or_else(failure, |share| Msg::Paper(PaperMsg::Share(share))),
            Err(e) => failure_text(e.to_string()),
        }),
        Effect::RememberSignIn(role, names) => {
            // Losing the remembered names only costs typing them again next start.
            let _ = store.remember_sign_in(role, &names, now);
            None
        }
        Effect::MarkTyping(typing) => {
            let desk = &actor?.desk;
            // A mark that fails only costs the warning after an unclean stop.
            let _ = store.mark_typing(desk, &Holder::this_process(), typing);
            None
        }
    }
}

/// The link's state when an HQ is set.
fn hq_link(store: &Store) -> Result<Option<crate::domain::hq::LinkState>, StoreError> {
    if !store.hq_link()?.is_set() {
        return Ok(None);
    }
    store.hq_state().map(Some)
}

fn failure_text(message: String) -> Msg {
    Msg::WriteFailed(WriteFailure::Other(message))
}

fn failure(e: StoreError) -> Msg {
    Msg::WriteFailed(match e {
        StoreError::DuplicateDocument(first) => WriteFailure::Duplicate(first),
        other => WriteFailure::Store(other),
    })
}
