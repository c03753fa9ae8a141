//! Today's defects for the lead board: the `check` rules over the valid entries saved
//! today, kept between refreshes so that a refresh after a few saves checks only those (a
//! busy day holds thousands of entries, and every entry costs a duplicate lookup).

use super::stored_entry_findings;
use crate::domain::board::{DefectCount, tally_defects};
use crate::domain::checks::Problem;
use crate::domain::{Campaign, Entry, EntryStatus, RegionCatalog, Severity};
use crate::store::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

/// A refresh that finds more new audit events than this checks the whole day again.
const MAX_EVENTS: usize = 1_000;

/// Whether an audit action leaves every earlier entry's findings as they were: a new save
/// (appended after them), a queue move, an export or backup, closing or certifying a
/// sheet (no entry rule looks at sheets), drawing or marking the paper sample. Any other
/// action checks the whole day again.
fn appends_only(action: &str) -> bool {
    matches!(
        action,
        "create" | "export" | "backup" | "sheet_close" | "sheet_certify"
    ) || action.starts_with("ticket_")
        || action.starts_with("paper_")
}

/// The findings of today's valid entries, and what is needed to add the next saves to them.
#[derive(Debug, Clone, PartialEq)]
pub struct DayDefects {
    today: NaiveDate,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    campaign: Campaign,
    /// Newest audit event these findings include.
    last_event: i64,
    /// Save time of the latest entry checked.
    last_saved: Option<DateTime<Utc>>,
    /// Valid entries per region up to the latest entry checked (the cap rule).
    counts: HashMap<String, u32>,
    /// Every finding so far.
    findings: Vec<(&'static str, Severity)>,
    /// The findings by rule code.
    tally: Vec<DefectCount>,
    /// Entries the last refresh checked (the whole day, or only the new saves).
    last_checked: u32,
}

/// The `check` rules over the valid entries saved in `[from, to)`, counted by rule code
/// (`stats` and one-off callers; the board keeps a [`DayDefects`]).
pub fn defects_saved_between(
    store: &Store,
    regions: &RegionCatalog,
    today: NaiveDate,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<DefectCount>, StoreError> {
    Ok(DayDefects::refresh(None, store, regions, today, from, to)?.tally)
}

impl DayDefects {
    /// Today's defects by rule code: errors first, then most frequent first.
    pub fn counts(&self) -> &[DefectCount] {
        &self.tally
    }

    /// How many entries the last refresh checked: the whole day, or only the new saves.
    pub fn last_checked(&self) -> u32 {
        self.last_checked
    }

    /// `kept` brought up to date with the entries saved since, or the whole day `[from, to)`
    /// checked again when that cannot be exact: nothing kept, another day, another campaign,
    /// an entry edited, voided or imported since, a save out of time order, or a new save of
    /// a person already entered (the earlier entry gains a finding too). Region caps count
    /// from the signatures saved before `from`, as `check` reaches these entries.
    pub fn refresh(
        kept: Option<DayDefects>,
        store: &Store,
        regions: &RegionCatalog,
        today: NaiveDate,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<DayDefects, StoreError> {
        store.read_consistent(|store| {
            let campaign = store.campaign()?;
            let same_day = |k: &DayDefects| {
                (k.today, k.from, k.to) == (today, from, to) && k.campaign == campaign
            };
            if let Some(kept) = kept.filter(same_day)
                && let Some(extended) = kept.extend(store, regions)?
            {
                return Ok(extended);
            }
            DayDefects::check_day(store, regions, campaign, today, (from, to))
        })
    }

    fn check_day(
        store: &Store,
        regions: &RegionCatalog,
        campaign: Campaign,
        today: NaiveDate,
        (from, to): (DateTime<Utc>, DateTime<Utc>),
    ) -> Result<DayDefects, StoreError> {
        let last_event = store.last_event_id()?;
        let mut entries = Vec::new();
        store.for_each_entry_saved_between(from, to, |e| {
            entries.push(e.clone());
            Ok(())
        })?;
        // The counters hold every valid entry; take today's back out to start the day's count.
        let mut counts = store.region_counts()?;
        for e in &entries {
            if let Some(n) = counts.get_mut(&e.signer.region_code) {
                *n = n.saturating_sub(1);
            }
        }
        let mut day = DayDefects {
            today,
            from,
            to,
            campaign,
            last_event,
            last_saved: None,
            counts,
            findings: Vec::new(),
            tally: Vec::new(),
            last_checked: 0,
        };
        for e in &entries {
            day.check(store, regions, e)?;
        }
        day.tally = tally_defects(day.findings.iter().copied());
        Ok(day)
    }

    /// Checks one entry saved after those checked so far; `true` when it is a person
    /// already entered with another document.
    fn check(
        &mut self,
        store: &Store,
        regions: &RegionCatalog,
        e: &Entry,
    ) -> Result<bool, StoreError> {
        let findings =
            stored_entry_findings(store, e, &self.counts, self.today, &self.campaign, regions)?;
        self.findings
            .extend(findings.iter().map(|f| (f.code(), f.severity)));
        *self.counts.entry(e.signer.region_code.clone()).or_default() += 1;
        self.last_saved = self.last_saved.max(Some(e.entered_at));
        self.last_checked += 1;
        Ok(findings
            .iter()
            .any(|f| matches!(f.problem, Problem::DuplicatePerson { .. })))
    }

    /// The kept findings plus the valid entries of the day saved since; `None` when the
    /// whole day must be checked again.
    fn extend(
        mut self,
        store: &Store,
        regions: &RegionCatalog,
    ) -> Result<Option<DayDefects>, StoreError> {
        let events = store.events_after(self.last_event, MAX_EVENTS + 1)?;
        if events.len() > MAX_EVENTS || events.iter().any(|ev| !appends_only(&ev.action)) {
            return Ok(None);
        }
        let mut saved = Vec::new();
        for id in events
            .iter()
            .filter(|ev| ev.action == "create")
            .filter_map(|ev| ev.entry_id.as_deref())
        {
            if let Some(e) = store.entry(id)?
                && e.status == EntryStatus::Valid
                && (self.from..self.to).contains(&e.entered_at)
            {
                saved.push(e);
            }
        }
        saved.sort_by_key(|e| e.entered_at);
        if saved
            .first()
            .is_some_and(|e| Some(e.entered_at) < self.last_saved)
        {
            return Ok(None);
        }
        self.last_checked = 0;
        for e in &saved {
            if self.check(store, regions, e)? {
                return Ok(None);
            }
        }
        self.last_event = events.last().map_or(self.last_event, |ev| ev.id);
        self.tally = tally_defects(self.findings.iter().copied());
        Ok(Some(self))
    }
}
