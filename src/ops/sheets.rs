//! Sheet statuses: every sheet with the problems the lead must fix (`sheets`, `check`).

use crate::domain::certify::{SheetProblem, sheet_problems};
use crate::domain::collector::collector_key;
use crate::domain::{Campaign, Collector, Sheet};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A sheet and what the lead must do about it.
#[derive(Debug, Clone)]
pub struct SheetStatus {
    /// The sheet as stored.
    pub sheet: Sheet,
    /// Its problems, in the order of [`sheet_problems`].
    pub problems: Vec<SheetProblem>,
}

/// Every sheet of the database with its problems as of `today` (the point's local date).
pub fn sheet_statuses(
    store: &Store,
    campaign: &Campaign,
    today: NaiveDate,
) -> Result<Vec<SheetStatus>, StoreError> {
    let mut statuses = Vec::new();
    for_each_sheet_status(store, campaign, today, |status| {
        statuses.push(status);
        Ok(())
    })?;
    Ok(statuses)
}

/// [`sheet_statuses`] streamed to `visit`, by sheet number (`check` on a big database).
pub fn for_each_sheet_status(
    store: &Store,
    campaign: &Campaign,
    today: NaiveDate,
    mut visit: impl FnMut(SheetStatus) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let collectors: HashMap<String, Collector> = store
        .collectors()?
        .into_iter()
        .map(|c| (collector_key(&c.name), c))
        .collect();
    store.for_each_sheet(|sheet| {
        let collector = sheet
            .certification
            .as_ref()
            .and_then(|c| collectors.get(&collector_key(&c.collector)));
        let opened_on = campaign.local_date(sheet.opened_at);
        let problems = sheet_problems(&sheet, opened_on, collector, today);
        visit(SheetStatus { sheet, problems })
    })
}
