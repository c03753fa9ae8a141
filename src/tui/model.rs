//! The whole app state. Only `update` changes it; screens only read it.

use super::form::Form;
use super::msg::LeadAction;
use super::screens::MIN_SIZE;
use crate::domain::board::{BoardData, BoardFigures, DefectCount};
use crate::domain::forecast::Estimate;
use crate::domain::hq::LinkState;
use crate::domain::queue::{QueueFigures, Ticket, TicketStatus, queue_figures};
use crate::domain::{Campaign, Entry, EntryStatus, RegionCatalog};
use crate::i18n::{Lang, LockText, Phrase};
use crate::ops::defects::DayDefects;
use crate::store::{Actor, Role, SampledLine};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use tui_input::Input;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Desk and operator names before work starts.
    SignIn,
    /// The entry form.
    Desk,
    /// This desk's entries.
    Entries,
    /// The queue: waiting tickets, desks and figures.
    Queue,
    /// The door: issue tickets, show who was called.
    Door,
    /// The lead board: counts, pace, desks, regions, defects; no personal data.
    Board,
    /// The paper check of the sampled lines (lead PIN; shows signers' data).
    Paper,
}

impl Screen {
    /// Whether the screen shows signers' personal data (the form, the entries list, the
    /// paper check): a board or door process never opens one, and a desk back from an idle
    /// spell on another screen asks for the session PIN first (DESIGN.md §7).
    pub fn is_personal(self) -> bool {
        matches!(self, Screen::Desk | Screen::Entries | Screen::Paper)
    }
}

/// Why the app stopped saving for good: it shows this until the person quits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alarm {
    /// The database file (or its WAL, when `wal`) was deleted or replaced while open.
    Files {
        /// The database file.
        path: String,
        /// Whether it was the write-ahead log.
        wal: bool,
        /// Where this process copied what it could still read, once it did.
        rescued: Option<String>,
    },
    /// Another process took this desk's name over (this one looked gone).
    LeaseLost,
}

/// A field of the sign-in form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignInField {
    /// Desk name.
    #[default]
    Desk,
    /// Operator name.
    Operator,
    /// Session PIN.
    Pin,
}

/// The sign-in form.
#[derive(Debug, Clone, Default)]
pub struct SignIn {
    /// Desk name.
    pub desk: Input,
    /// Operator name.
    pub operator: Input,
    /// Session PIN (4–8 digits, shown as dots).
    pub pin: Input,
    /// The field the cursor is on.
    pub focus: SignInField,
    /// What is missing, if Enter was pressed too early.
    pub problem: Option<String>,
}

/// The entries list of this desk.
#[derive(Debug, Clone, Default)]
pub struct EntriesView {
    /// Entries, newest first.
    pub items: Vec<Entry>,
    /// Highlighted row.
    pub selected: usize,
    /// The void reason being typed, when voiding.
    pub void_reason: Option<Input>,
    /// Every desk's entries instead of this desk's (the lead's review).
    pub all_desks: bool,
}

/// The lead PIN being typed before a change to another desk's line.
#[derive(Debug, Clone)]
pub struct LeadPrompt {
    /// What has been typed (shown as dots).
    pub typed: Input,
    /// The desk whose line it is.
    pub desk: String,
    /// The change it unlocks.
    pub action: LeadAction,
}

/// What the queue and door screens show: today's tickets and the figures over them.
#[derive(Debug, Clone)]
pub struct QueueView {
    /// Today's tickets, by number.
    pub tickets: Vec<Ticket>,
    /// Figures over them (computed when tickets or the clock change, never while drawing).
    pub figures: QueueFigures,
    /// The last tickets called today, newest first, with their desk (the door shows them).
    pub recent_calls: Vec<(u32, String, TicketStatus)>,
    /// Highlighted row of the queue list (index into `QueueView::rows`).
    pub selected: usize,
}

impl QueueView {
    /// No tickets yet: every figure at its empty-day value.
    pub fn empty(today: NaiveDate, now: DateTime<Utc>) -> QueueView {
        QueueView {
            tickets: Vec::new(),
            figures: queue_figures(&[], today, now),
            recent_calls: Vec::new(),
            selected: 0,
        }
    }

    /// The rows the queue screen lists, in order: waiting (in call order), then no-shows
    /// (they can be recalled), then tickets being served.
    pub fn rows(&self) -> Vec<&Ticket> {
        let mut waiting: Vec<&Ticket> = self
            .tickets
            .iter()
            .filter(|t| t.status == TicketStatus::Waiting)
            .collect();
        waiting.sort_by_key(|t| (t.called_at.is_none(), t.number));
        let others = [TicketStatus::NoShow, TicketStatus::Serving]
            .into_iter()
            .flat_map(|s| self.tickets.iter().filter(move |t| t.status == s));
        waiting.into_iter().chain(others).collect()
    }
}

/// The door screen's own state.
#[derive(Debug, Clone, Default)]
pub struct DoorView {
    /// The last ticket issued here, for showing and undoing it.
    pub last_issued: Option<Ticket>,
    /// The ticket number being typed to mark a walkout, when marking.
    pub leaving: Option<Input>,
    /// The notice to signers, when shown (loaded by an effect, never while drawing).
    pub notice: Option<String>,
}

/// What the board shows: the day's aggregates, the figures over them, today's defects.
#[derive(Debug, Clone, Default)]
pub struct BoardView {
    /// Counters and today's stamps as last loaded.
    pub data: Option<BoardData>,
    /// Figures over them (computed when they, the queue or the clock change).
    pub figures: Option<BoardFigures>,
    /// Today's defects by rule, once checked.
    pub defects: Option<Vec<DefectCount>>,
    /// The findings behind them, handed to the next check to extend.
    pub kept: Option<Box<DayDefects>>,
    /// When today's entries were last sent to be checked (model time).
    pub checked_at: Option<DateTime<Utc>>,
    /// The database changed since that check; check again when the pause is over.
    pub recheck_due: bool,
    /// The invalid share the paper check found so far; `None` before the first line.
    pub paper: Option<Estimate>,
    /// HQ's board (`hq board`): points stand where desks do, no queue, HQ's findings
    /// where today's defects are.
    pub across_points: bool,
}

/// The paper check screen: the sample and the line on screen.
#[derive(Debug, Clone, Default)]
pub struct PaperView {
    /// The sampled lines in walk order (loaded when the lead PIN opened the screen).
    pub lines: Vec<SampledLine>,
    /// The line on screen.
    pub selected: usize,
    /// The note being typed for `paper.other`.
    pub note: Option<Input>,
}

impl PaperView {
    /// Sampled lines checked so far.
    pub fn checked(&self) -> usize {
        self.lines.iter().filter(|l| l.mark.is_some()).count()
    }

    /// The first line after the one on screen (round to the first) still to check, if any.
    pub fn next_unchecked(&self) -> Option<usize> {
        let len = self.lines.len();
        (1..=len)
            .map(|step| (self.selected + step) % len)
            .find(|&i| {
                self.lines[i].mark.is_none() && self.lines[i].entry.status == EntryStatus::Valid
            })
    }
}

/// The lock screen's state.
#[derive(Debug, Clone, Default)]
pub struct Lock {
    /// What has been typed (shown as dots).
    pub typed: Input,
    /// Wrong PINs so far.
    pub wrong: u32,
    /// Why the last try failed.
    pub problem: Option<String>,
}

/// How a status message looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Neutral information.
    Info,
    /// Something succeeded.
    Success,
    /// Something needs attention.
    Warning,
    /// Something failed.
    Error,
}

/// A question the operator must answer with y or n; each says what yes does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Quit although the form has data.
    Quit,
    /// Erase the typed signer from the form.
    ClearForm,
    /// Leave the edit of a saved entry (it stays as saved).
    LeaveEdit {
        /// Whether something was changed (then the changes are dropped).
        changed: bool,
    },
}

/// The app state.
#[derive(Debug, Clone)]
pub struct Model {
    /// Message language.
    pub lang: Lang,
    /// Shown screen.
    pub screen: Screen,
    /// Whether the help overlay is open.
    pub help: bool,
    /// Current time (injected: tests fix it).
    pub now: DateTime<Utc>,
    /// Campaign settings.
    pub campaign: Campaign,
    /// Region catalogue.
    pub regions: RegionCatalog,
    /// Valid entries per region.
    pub counts: HashMap<String, u32>,
    /// Who works at this desk, once signed in.
    pub actor: Option<Actor>,
    /// Sign-in form.
    pub signin: SignIn,
    /// The entry form.
    pub form: Form,
    /// A new signer's form put aside while an earlier entry is edited.
    pub stashed: Option<Form>,
    /// Entries list.
    pub entries: EntriesView,
    /// One-line message under the form.
    pub status: Option<(Tone, String)>,
    /// The ticket this desk is serving.
    pub ticket: Option<Ticket>,
    /// Today's queue.
    pub queue: QueueView,
    /// Door screen state.
    pub door: DoorView,
    /// Board screen state.
    pub board: BoardView,
    /// Paper check screen state.
    pub paper: PaperView,
    /// The screen work starts on after sign-in.
    pub home: Screen,
    /// The session PIN chosen at sign-in (kept in memory only).
    pub session_pin: Option<String>,
    /// Set while the screen is locked.
    pub lock: Option<Lock>,
    /// When the last key came (the idle lock counts from it).
    pub last_input: DateTime<Utc>,
    /// Whether the database is encrypted (a plain training database shows a badge).
    pub encrypted: bool,
    /// The database file, as the alarm names it.
    pub db_path: String,
    /// The link to the campaign HQ as `sync` left it; `None` when no HQ is set.
    pub hq: Option<LinkState>,
    /// The lead PIN prompt, when a change needs it.
    pub lead_prompt: Option<LeadPrompt>,
    /// Pending y/n question.
    pub confirm: Option<Confirm>,
    /// Set when saving had to stop for good; shown until the person quits.
    pub alarm: Option<Alarm>,
    /// The sheet and line a save landed on when the panel had shown another: shown in
    /// large type until a key is pressed.
    pub write_on: Option<(u32, u32)>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Set when the app should exit.
    pub quit: bool,
}

impl Model {
    /// A fresh model at the sign-in screen.
    pub fn new(
        lang: Lang,
        campaign: Campaign,
        regions: RegionCatalog,
        now: DateTime<Utc>,
    ) -> Model {
        let today = campaign.local_date(now);
        Model {
            lang,
            screen: Screen::SignIn,
            help: false,
            now,
            counts: HashMap::new(),
            actor: None,
            signin: SignIn::default(),
            form: Form::new(today),
            stashed: None,
            entries: EntriesView::default(),
            status: None,
            confirm: None,
            alarm: None,
            write_on: None,
            lead_prompt: None,
            ticket: None,
            queue: QueueView::empty(today, now),
            door: DoorView::default(),
            board: BoardView::default(),
            paper: PaperView::default(),
            home: Screen::Desk,
            session_pin: None,
            lock: None,
            last_input: now,
            encrypted: false,
            db_path: String::new(),
            hq: None,
            size: (80, 24),
            quit: false,
            campaign,
            regions,
        }
    }

    /// Today at the collection point.
    pub fn today(&self) -> NaiveDate {
        self.campaign.local_date(self.now)
    }

    /// What the lock screen asks for after too many wrong PINs.
    pub fn passphrase_prompt(&self) -> LockText<'static> {
        if self.encrypted {
            LockText::TypePassphrase
        } else {
            LockText::TypeLeadPin
        }
    }

    /// Shows `phrase` on the status line, in the operator's language.
    pub fn tell(&mut self, tone: Tone, phrase: impl Phrase) {
        self.status = Some((tone, self.lang.t(phrase).into_owned()));
    }

    /// Whether this process may open screens with personal data: a desk may, a board or
    /// door process may not (DESIGN.md §7).
    pub fn opens_personal(&self) -> bool {
        !matches!(self.home, Screen::Board | Screen::Door)
    }

    /// What this process signs in as: its home screen's role.
    pub fn role(&self) -> Role {
        match self.home {
            Screen::Door => Role::Door,
            Screen::Board => Role::Board,
            Screen::SignIn | Screen::Desk | Screen::Entries | Screen::Queue | Screen::Paper => {
                Role::Desk
            }
        }
    }

    /// Whether the terminal is smaller than every screen needs: then only a notice shows
    /// and only quitting acts.
    pub fn too_small(&self) -> bool {
        let (width, height) = MIN_SIZE;
        self.size.0 < width || self.size.1 < height
    }

    /// Whether messages are in Russian.
    pub fn russian(&self) -> bool {
        self.lang == Lang::Ru
    }
}
