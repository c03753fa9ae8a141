//! `sigdesk sheets`: lists the paper sheets (fill, certification, problems) as an aligned
//! table or as JSON (schema in README.md, "sheets --json"), or closes / certifies one.
//! Refusals are one-line errors (exit 1) in the chosen language.

use super::Context;
use super::out;
use super::table::aligned_table;
use crate::cli::{SheetsAction, SheetsArgs};
use crate::domain::certify::SheetProblem;
use crate::domain::{Campaign, RegionCatalog};
use crate::i18n::{DetailText, Lang, RegionText, SheetText};
use crate::ops::sheets::{SheetStatus, sheet_statuses};
use crate::store::{CertifyOutcome, CloseOutcome, Store};
use chrono::{NaiveDate, SecondsFormat};
use serde::Serialize;

/// What `sheets` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// List every sheet, as JSON when `json`.
    List {
        /// Print JSON instead of the table.
        json: bool,
    },
    /// Close one sheet by hand.
    Close(u32),
    /// Close every open sheet (end of the day).
    CloseAllOpen,
    /// Record the collector's certification of a closed sheet.
    Certify {
        /// Sheet number.
        number: u32,
        /// The collector's full name, as listed.
        collector: String,
        /// The date the collector wrote.
        date: NaiveDate,
    },
}

impl From<SheetsArgs> for Action {
    fn from(args: SheetsArgs) -> Action {
        match args.action {
            None => Action::List { json: args.json },
            Some(SheetsAction::Close {
                number: Some(number),
                ..
            }) => Action::Close(number),
            Some(SheetsAction::Close { number: None, .. }) => Action::CloseAllOpen,
            Some(SheetsAction::Certify {
                number,
                collector,
                date,
            }) => Action::Certify {
                number,
                collector,
                date,
            },
        }
    }
}

/// Lists, closes or certifies sheets; exit 0, or an error for a refusal.
pub fn run(store: &mut Store, ctx: &Context, action: Action) -> anyhow::Result<u8> {
    let campaign = store.campaign()?;
    let today = campaign.local_date(ctx.now);
    match action {
        Action::List { json } => {
            let statuses = sheet_statuses(store, &campaign, today)?;
            if json {
                let list: Vec<SheetJson> = statuses
                    .iter()
                    .map(|s| SheetJson::new(s, &ctx.regions))
                    .collect();
                out::json(&list)?;
            } else if statuses.is_empty() {
                out::line(ctx.lang.t(SheetText::NoSheets));
            } else {
                out::text(sheet_table(ctx.lang, &statuses, &ctx.regions, &campaign));
            }
        }
        Action::Close(number) => match store.close_sheet(number, &ctx.actor, ctx.now)? {
            CloseOutcome::Closed => out::line(ctx.lang.t(SheetText::Closed(number))),
            CloseOutcome::AlreadyClosed(at) => {
                let at = &campaign.local_minute(at);
                out::line(ctx.lang.t(SheetText::AlreadyClosed { number, at }));
            }
            CloseOutcome::NoSuchSheet => anyhow::bail!(ctx.lang.t(SheetText::NoSuchSheet(number))),
        },
        Action::CloseAllOpen => {
            let closed = store.close_open_sheets(&ctx.actor, ctx.now)?;
            out::line(ctx.lang.t(SheetText::OpenClosed(&closed)));
        }
        Action::Certify {
            number,
            collector,
            date,
        } => certify(store, ctx, number, &collector, date, today)?,
    }
    Ok(0)
}

/// `sheets certify N --collector NAME --date D`.
fn certify(
    store: &mut Store,
    ctx: &Context,
    number: u32,
    collector: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let outcome = store.certify_sheet(number, collector, date, today, &ctx.actor, ctx.now)?;
    let lang = ctx.lang;
    let region = |code: &str, country: &str| {
        let regions = &ctx.regions;
        lang.t(RegionText::Label {
            regions,
            code,
            country,
        })
    };
    match outcome {
        CertifyOutcome::Certified(sheet) => {
            let region = &region(&sheet.region_code, &sheet.abroad_country);
            if let Some(cert) = &sheet.certification {
                let certified = SheetText::Certified {
                    number,
                    region,
                    cert,
                };
                out::line(lang.t(certified));
                if let Some(collector) = &store.collector(&cert.collector)? {
                    let date = cert.on;
                    out::line(lang.t(DetailText::CopyOnto { collector, date }));
                }
            }
            Ok(())
        }
        CertifyOutcome::Refused(problems) => {
            let region = &store
                .sheet(number)?
                .map(|s| region(&s.region_code, &s.abroad_country))
                .unwrap_or_default();
            let problems = &problems;
            anyhow::bail!(lang.t(SheetText::Refused {
                number,
                region,
                problems
            }))
        }
        CertifyOutcome::AlreadyCertified(cert) => {
            let cert = &cert;
            anyhow::bail!(lang.t(SheetText::AlreadyCertified { number, cert }))
        }
        CertifyOutcome::NoSuchSheet => anyhow::bail!(lang.t(SheetText::NoSuchSheet(number))),
    }
}

/// One sheet in `sheets --json`; the field names are a stable interface.
#[derive(Debug, Serialize)]
struct SheetJson {
    /// Sheet number.
    number: u32,
    /// Collection point.
    origin: String,
    /// Catalogue code, or `abroad`.
    region_code: String,
    /// Russian name of the region.
    region_ru: String,
    /// English name of the region.
    region_en: String,
    /// Foreign state of an `abroad` sheet, else null.
    abroad_country: Option<String>,
    /// Desk that filled it.
    desk: String,
    /// RFC 3339 UTC.
    opened_at: String,
    /// RFC 3339 UTC, null while open.
    closed_at: Option<String>,
    /// `open`, `closed` or `certified`.
    state: &'static str,
    /// Lines written (valid + voided).
    lines_used: u32,
    /// Valid lines.
    valid_lines: u32,
    /// Voided lines.
    voided_lines: u32,
    /// Latest signing date among valid lines (YYYY-MM-DD), null when none.
    latest_signed_on: Option<String>,
    /// Collector named in the certification, null when not certified.
    certified_by: Option<String>,
    /// Certification date (YYYY-MM-DD), null when not certified.
    certified_on: Option<String>,
    /// Problem codes (`sheet.open_past_day`, `sheet.uncertified`,
    /// `sheet.collector_not_listed`, `sheet.certified_before_signature`).
    problems: Vec<&'static str>,
}

impl SheetJson {
    /// The JSON form of a sheet status.
    fn new(status: &SheetStatus, regions: &RegionCatalog) -> SheetJson {
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
fn sheet_table(
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
                .map(|problem| lang.t(SheetText::ProblemShort(problem)))
                .collect::<Vec<_>>()
                .join(", ");
            let region = RegionText::Label {
                regions,
                code: &s.region_code,
                country: &s.abroad_country,
            };
            vec![
                s.number.to_string(),
                lang.t(region).into_owned(),
                s.desk.clone(),
                campaign.local_minute(s.opened_at),
                s.closed_at
                    .map(|t| campaign.local_minute(t))
                    .unwrap_or_else(|| lang.t(SheetText::StillOpen).into_owned()),
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
    let header = [
        SheetText::ColSheet,
        SheetText::ColRegion,
        SheetText::ColDesk,
        SheetText::ColOpened,
        SheetText::ColClosed,
        SheetText::ColLines,
        SheetText::ColValid,
        SheetText::ColVoid,
        SheetText::ColCertified,
        SheetText::ColProblems,
    ]
    .map(|column| lang.t(column).into_owned());
    aligned_table(header.into(), rows, &[0, 5, 6, 7])
}
