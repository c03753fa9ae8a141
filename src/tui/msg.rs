//! Messages into `update` and the effects it asks for.

use crate::domain::board::BoardData;
use crate::domain::checks::LookupKeys;
use crate::domain::forecast::Estimate;
use crate::domain::hq::{HqAnswer, LinkState};
use crate::domain::paper::PaperCode;
use crate::domain::queue::Ticket;
use crate::domain::{Campaign, DbFailure, Entry, EntrySummary, NewEntry};
use crate::i18n::Lang;
use crate::ops::defects::DayDefects;
use crate::store::{
    CallOutcome, EntryEdit, Finish, Role, SampledLine, SavedEntry, SheetPreview, SignInNames,
};
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::KeyEvent;
use std::collections::HashMap;

/// Everything that can happen to the app: input, time, and the results of effects,
/// grouped by the part of the app they are for.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// The terminal changed size.
    Resize(u16, u16),
    /// The clock moved on.
    Tick(DateTime<Utc>),
    /// Another process (or this one) committed a change to the database.
    DataChanged,
    /// Campaign settings (re)loaded.
    Campaign(Box<Campaign>),
    /// An effect failed; the form keeps its data.
    WriteFailed(WriteFailure),
    /// For the desk form.
    Desk(DeskMsg),
    /// For the entries list.
    Entries(EntriesMsg),
    /// For the queue: today's tickets and the desk's own.
    Queue(QueueMsg),
    /// For the door.
    Door(DoorMsg),
    /// For the board.
    Board(BoardMsg),
    /// For the lock, the lead PIN and the automatic backup.
    Protect(ProtectMsg),
    /// For the paper check (and the board's line about it).
    Paper(PaperMsg),
    /// The state of the link to the campaign HQ (`None`: no HQ is set).
    HqLink(Option<LinkState>),
}

/// Results for the paper check.
#[derive(Debug, Clone)]
pub enum PaperMsg {
    /// The sample was (re)loaded.
    Loaded(Vec<SampledLine>),
    /// A mark was recorded on the line of this entry.
    Marked {
        /// Entry id.
        entry_id: String,
        /// What was found.
        code: PaperCode,
        /// The note.
        note: String,
    },
    /// The invalid share found so far, for the board.
    Share(Option<Estimate>),
}

/// Results for the desk form.
#[derive(Debug, Clone)]
pub enum DeskMsg {
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
    /// An entry was saved.
    Saved(Box<SavedEntry>),
    /// HQ's answer about the keys asked (`None`: no answer, HQ is offline).
    HqAnswer {
        /// The keys asked about (ignored if the form moved on).
        keys: LookupKeys,
        /// Other points' entries with the same document or person.
        answer: Option<HqAnswer>,
    },
}

/// Results for the entries list.
#[derive(Debug, Clone)]
pub enum EntriesMsg {
    /// This desk's entries (or every desk's), newest first.
    Loaded(Vec<Entry>),
    /// An entry to edit was loaded.
    Opened(Box<Entry>),
    /// An edit was saved.
    Edited(String),
    /// An entry was voided.
    Voided(String),
}

/// Results for the queue.
#[derive(Debug, Clone)]
pub enum QueueMsg {
    /// Today's tickets were (re)loaded.
    Tickets(Vec<Ticket>),
    /// The ticket this desk serves, found at sign-in (a restarted desk resumes it).
    Serving(Option<Ticket>),
    /// A call-next finished.
    Called(Box<CallOutcome>),
    /// A recall or walkout: the ticket number asked for and the ticket after the change
    /// (`None`: it was no longer in the state the change needs).
    TicketMoved(TicketMove, u32, Option<Ticket>),
}

/// Results for the door.
#[derive(Debug, Clone)]
pub enum DoorMsg {
    /// The door issued a ticket.
    Issued(Ticket),
    /// The door's undo: the number, and whether it was taken back (false: already called).
    Undone(u32, bool),
    /// The notice to signers, to show at the door.
    Notice(String),
}

/// Results for the board.
#[derive(Debug, Clone)]
pub enum BoardMsg {
    /// The board's counters and today's stamps were (re)loaded.
    Loaded(Box<BoardData>),
    /// Today's entries were checked: defects by rule, kept for the next refresh.
    DefectsToday(Box<DayDefects>),
}

/// The answer to a desk's claim of its name at sign-in: `held` names the live process
/// that holds it (pid, host), else the name is this process's now.
#[derive(Debug, Clone)]
pub struct DeskClaim {
    /// Desk name.
    pub desk: String,
    /// Operator name.
    pub operator: String,
    /// Session PIN chosen.
    pub pin: String,
    /// The holder that refused the claim.
    pub held: Option<(i64, String)>,
    /// The holder before stopped uncleanly with a signer typed and not saved.
    pub lost_signer: bool,
}

/// Results for the lock, the lead PIN gate and the automatic backup.
#[derive(Debug, Clone)]
pub enum ProtectMsg {
    /// The lead PIN was checked for this action.
    LeadPinChecked(bool, Box<LeadAction>),
    /// Whether the secret typed on the lock screen after too many wrong PINs was right.
    PassphraseChecked(bool),
    /// An automatic backup ran: the file written, nothing due, or why it failed.
    BackedUp(Result<Option<std::path::PathBuf>, DbFailure>),
    /// The answer to a desk's claim of its name at sign-in.
    DeskClaimed(DeskClaim),
    /// The database file or its WAL was deleted or replaced (`wal` says which).
    FilesChanged {
        /// Whether it was the write-ahead log.
        wal: bool,
    },
    /// What this process could still read was copied here (none: the copy failed).
    Rescued(Option<String>),
    /// Another process took over this desk's name.
    LeaseLost,
}

/// What needs the lead PIN: a change to another desk's line, or opening the paper check.
#[derive(Debug, Clone, PartialEq)]
pub enum LeadAction {
    /// Open the paper check screen.
    OpenPaper,
    /// Void another desk's entry with this reason.
    Void {
        /// Entry id.
        id: String,
        /// Reason.
        reason: String,
    },
    /// Save an edit of another desk's entry.
    Edit(EntryEdit),
}

/// A change to a ticket made from the queue or door screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketMove {
    /// A no-show back to the front of the queue.
    Recall,
    /// A waiting person gave up.
    Left,
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
    /// The database refused; shown in the operator's language.
    Store(DbFailure),
    /// Anything else (the notice file, the region catalogue), as a message.
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
    /// Ask the campaign HQ whether another point has these keys (on a thread and a
    /// connection of its own; typing never waits).
    LookupHq {
        /// What to ask about.
        keys: LookupKeys,
        /// Entry being edited, which is not its own duplicate.
        exclude: Option<String>,
    },
    /// Reload the state of the link to HQ (the top line).
    LoadHqLink,
    /// Find the sheet/line for a region at this desk.
    LoadPreview(String, String),
    /// Reload per-region counts.
    LoadCounts,
    /// Reload campaign settings.
    LoadCampaign,
    /// Save a new entry, linked to the desk's current ticket.
    Save(NewEntry, Option<i64>),
    /// Save an edit.
    SaveEdit(EntryEdit),
    /// Void an entry with a reason.
    Void {
        /// Entry id.
        id: String,
        /// Reason.
        reason: String,
    },
    /// Load this desk's entries, or every desk's.
    LoadEntries {
        /// Every desk's, newest first (the lead's review).
        all_desks: bool,
    },
    /// Check the lead PIN, then do what it guards.
    CheckLeadPin(String, LeadAction),
    /// Load one entry to edit it.
    OpenEntry(String),
    /// Load the tickets of this day.
    LoadTickets(NaiveDate),
    /// Find the ticket this desk is serving.
    LoadServing,
    /// Close the current ticket this way and call the next of this day.
    CallNext(Finish, NaiveDate),
    /// Issue the next ticket of this day at the door.
    IssueTicket(NaiveDate),
    /// Take back a ticket issued by mistake.
    UndoTicket(i64, u32),
    /// Recall a no-show or mark a waiting ticket as left.
    MoveTicket(TicketMove, i64, u32),
    /// Load the board's counters and the stamps of entries saved in `[from, to)`.
    LoadBoard {
        /// Start of the local day (UTC).
        from: DateTime<Utc>,
        /// Start of the next local day (UTC).
        to: DateTime<Utc>,
    },
    /// Run the `check` rules over the entries saved in `[from, to)` (today's defects), on
    /// top of the findings kept from the last run when they still hold.
    CheckToday {
        /// The local day, for the checks' "today".
        today: NaiveDate,
        /// Start of that day (UTC).
        from: DateTime<Utc>,
        /// Start of the next day (UTC).
        to: DateTime<Utc>,
        /// The findings of the last run.
        kept: Option<Box<DayDefects>>,
    },
    /// Make the automatic backup if one is due (campaign `backup_dir`, `backup_every_min`).
    AutoBackup,
    /// Load the notice to signers (campaign `notice_file` or the built-in one).
    LoadNotice(Lang),
    /// Check a secret typed on the lock screen: the database passphrase, or on a plain
    /// training database the lead PIN.
    CheckPassphrase(String),
    /// Claim the desk name for this process, then sign in (or say who holds it).
    ClaimDesk {
        /// Desk name.
        desk: String,
        /// Operator name.
        operator: String,
        /// Session PIN chosen.
        pin: String,
    },
    /// Copy what the open database still holds beside it, after its file changed.
    Rescue,
    /// Load the paper sample with the database copy of each line.
    LoadPaper,
    /// Record what the paper shows on a sampled line.
    MarkPaper {
        /// Entry id of the line.
        entry_id: String,
        /// What was found.
        code: PaperCode,
        /// The note (for `paper.other`).
        note: String,
    },
    /// Work out the invalid share the paper check found so far (the board's line), with
    /// the checks as on this local day.
    LoadPaperShare(NaiveDate),
    /// Remember desk and operator in the database for the next sign-in in this role.
    RememberSignIn(Role, SignInNames),
    /// Mark this desk's lease: a signer is typed and not saved (`true`), or none is.
    MarkTyping(bool),
}
