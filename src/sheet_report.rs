//! The `sheets` report: every sheet with its fill, certification and problems, as an
//! aligned table or as JSON (schema in README.md, "sheets --json").

use crate::domain::certify::{SheetProblem, sheet_problems};
use crate::domain::collector::collector_key;
use crate::domain::{Campaign, Collector, RegionCatalog, Sheet};
use crate::i18n::Lang;
use crate::i18n::lead::{
    aligned_table, local_minute, region_label, sheet_problem_short, sheet_still_open,
    sheet_table_header,
};
use crate::store::{Store, StoreError};
use chrono::{NaiveDate, SecondsFormat};
use serde::Serialize;
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
    let collectors: HashMap<String, Collector> = store
        .collectors()?
        .into_iter()
        .map(|c| (collector_key(&c.name), c))
        .collect();
    Ok(store
        .sheets()?
        .into_iter()
        .map(|sheet| {
            let collector = sheet
                .certification
                .as_ref()
                .and_then(|c| collectors.get(&collector_key(&c.collector)));
            let opened_on = campaign.local_date(sheet.opened_at);
            let problems = sheet_problems(&sheet, opened_on, collector, today);
            SheetStatus { sheet, problems }
        })
        .collect())
}

/// One sheet in `sheets --json`; the field names are a stable interface.
#[derive(Debug, Serialize)]
pub struct SheetJson {
    /// Sheet number.
    pub number: u32,
    /// Collection point.
    pub origin: String,
    /// Catalogue code, or `abroad`.
    pub region_code: String,
    /// Russian name of the region.
    pub region_ru: String,
    /// English name of the region.
    pub region_en: String,
    /// Foreign state of an `abroad` sheet, else null.
    pub abroad_country: Option<String>,
    /// Desk that filled it.
    pub desk: String,
    /// RFC 3339 UTC.
    pub opened_at: String,
    /// RFC 3339 UTC, null while open.
    pub closed_at: Option<String>,
    /// `open`, `closed` or `certified`.
    pub state: &'static str,
    /// Lines written (valid + voided).
    pub lines_used: u32,
    /// Valid lines.
    pub valid_lines: u32,
    /// Voided lines.
    pub voided_lines: u32,
    /// Latest signing date among valid lines (YYYY-MM-DD), null when none.
    pub latest_signed_on: Option<String>,
    /// Collector named in the certification, null when not certified.
    pub certified_by: Option<String>,
    /// Certification date (YYYY-MM-DD), null when not certified.
    pub certified_on: Option<String>,
    /// Problem codes (`sheet.open_past_day`, `sheet.uncertified`,
    /// `sheet.collector_not_listed`, `sheet.certified_before_signature`).
    pub problems: Vec<&'static str>,
}

impl SheetJson {
    /// The JSON form of a sheet status.
    pub fn new(status: &SheetStatus, regions: &RegionCatalog) -> SheetJson {
        let s = &status.sheet;
        let region = regions.by_code(&s.region_code);
        let time = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
        SheetJson {
            number: s.number,
            origin: s.origin.clone(),
            region_code: s.region_code.clone(),
            region_ru: region.map(|r| r.name_ru.clone()).unwrap_or_default(),
            region_en: region.map(|r| r.name_en.clone()).unwrap_or_default(),
            abroad_country: (!s.abroad_country.is_empty()).then(|| s.abroad_country.clone()),
            desk: s.desk.clone(),
            opened_at: time(s.opened_at),
            closed_at: s.closed_at.map(time),
            state: match (&s.certification, s.closed_at) {
                (Some(_), _) => "certified",
                (None, Some(_)) => "closed",
                (None, None) => "open",
            },
            lines_used: s.lines_used,
            valid_lines: s.valid_lines,
            voided_lines: s.voided_lines,
            latest_signed_on: s.latest_signature.map(|l| l.signed_on.to_string()),
            certified_by: s.certification.as_ref().map(|c| c.collector.clone()),
            certified_on: s.certification.as_ref().map(|c| c.on.to_string()),
            problems: status.problems.iter().map(SheetProblem::code).collect(),
        }
    }
}

/// The `sheets` table: one aligned line per sheet, local times, translated headers.
pub fn sheet_table(
    lang: Lang,
    statuses: &[SheetStatus],
    regions: &RegionCatalog,
    campaign: &Campaign,
) -> String {
    let rows = statuses
        .iter()
        .map(|status| {
            let s = &status.sheet;
            let problems = status
                .problems
                .iter()
                .map(|p| sheet_problem_short(lang, p))
                .collect::<Vec<_>>()
                .join(", ");
            vec![
                s.number.to_string(),
                region_label(lang, regions, &s.region_code, &s.abroad_country),
                s.desk.clone(),
                local_minute(s.opened_at, campaign),
                s.closed_at
                    .map(|t| local_minute(t, campaign))
                    .unwrap_or_else(|| sheet_still_open(lang).to_string()),
                s.lines_used.to_string(),
                s.valid_lines.to_string(),
                s.voided_lines.to_string(),
                s.certification
                    .as_ref()
                    .map(|c| format!("{} {}", c.on, c.collector))
                    .unwrap_or_else(|| "—".into()),
                if problems.is_empty() {
                    "—".into()
                } else {
                    problems
                },
            ]
        })
        .collect();
    aligned_table(sheet_table_header(lang), rows, &[0, 5, 6, 7])
}
