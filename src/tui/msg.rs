//! Messages into `update` and the effects it asks for.

use crate::domain::checks::LookupKeys;
use crate::domain::{Campaign, Entry, EntrySummary, NewEntry};
use crate::store::{EntryEdit, SavedEntry, SheetPreview};
use chrono::{DateTime, Utc};
use crossterm::event::KeyEvent;
use std::collections::HashMap;

/// Everything that can happen to the app: input, time, and the results of effects.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// The terminal changed size.
    Resize(u16, u16),
    /// The clock moved on.
    Tick(DateTime<Utc>),
    /// Duplicate lookups came back.
    Duplicates(Box<Duplicates>),
    /// Where the next signer of a region would write.
    Preview {
        /// Region code and foreign state asked for.
        key: (String, String),
        /// The answer.
        preview: SheetPreview,
    },
    /// Valid entries per region.
    Counts(HashMap<String, u32>),
    /// Campaign settings (re)loaded.
    Campaign(Box<Campaign>),
    /// An entry was saved.
    Saved(Box<SavedEntry>),
    /// An edit was saved.
    Edited(String),
    /// An entry was voided.
    Voided(String),
    /// A write failed; the form keeps its data.
    WriteFailed(WriteFailure),
    /// This desk's entries, newest first.
    EntriesLoaded(Vec<Entry>),
    /// An entry to edit was loaded.
    EntryOpened(Box<Entry>),
}

/// The answer to a duplicate lookup.
#[derive(Debug, Clone)]
pub struct Duplicates {
    /// The keys looked up (ignored if the form moved on).
    pub keys: LookupKeys,
    /// Valid entry with the same document.
    pub same_document: Option<EntrySummary>,
    /// Valid entry of the same person with another document.
    pub same_person: Option<EntrySummary>,
}

/// Why a write failed, in terms the form can act on.
#[derive(Debug, Clone)]
pub enum WriteFailure {
    /// Another desk saved the same document first.
    Duplicate(EntrySummary),
    /// Anything else, as a message.
    Other(String),
}

/// Work `update` asks for; run against the store, answered with a `Msg`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Look up duplicates for these keys, ignoring the entry being edited.
    LookupDuplicates {
        /// What to look up.
        keys: LookupKeys,
        /// Entry being edited, which is not its own duplicate.
        exclude: Option<String>,
    },
    /// Find the sheet/line for a region at this desk.
    LoadPreview(String, String),
    /// Reload per-region counts.
    LoadCounts,
    /// Reload campaign settings.
    LoadCampaign,
    /// Save a new entry.
    Save(NewEntry),
    /// Save an edit.
    SaveEdit(EntryEdit),
    /// Void an entry with a reason.
    Void {
        /// Entry id.
        id: String,
        /// Reason.
        reason: String,
    },
    /// Load this desk's entries.
    LoadEntries,
    /// Load one entry to edit it.
    OpenEntry(String),
    /// Remember desk and operator for the next start.
    RememberSignIn {
        /// Desk name.
        desk: String,
        /// Operator name.
        operator: String,
    },
}
