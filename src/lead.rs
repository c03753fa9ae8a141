//! The shift lead's commands: `collectors` and `sheets`. Each returns the exit code;
//! refusals are one-line errors (exit 1) in the chosen language.

use crate::cli::{CollectorsAction, SheetsAction, SheetsArgs};
use crate::csvio::collectors::{CollectorRowError, CollectorsFileError, read_collectors};
use crate::domain::RegionCatalog;
use crate::domain::collector::{CollectorError, parse_collector};
use crate::i18n::{Lang, lead as text};
use crate::sheet_report::{SheetJson, sheet_statuses, sheet_table};
use crate::store::{Actor, CertifyOutcome, CloseOutcome, Store};
use chrono::{DateTime, Utc};

/// Everything a lead command needs besides its arguments.
pub struct LeadContext<'a> {
    /// Language of the messages.
    pub lang: Lang,
    /// Region catalogue.
    pub regions: &'a RegionCatalog,
    /// Who acts (for the audit log).
    pub actor: &'a Actor,
    /// Now (the clock is read once, in `lib.rs`).
    pub now: DateTime<Utc>,
}

impl<'a> LeadContext<'a> {
    /// The context of one lead command.
    pub fn new(
        lang: Lang,
        regions: &'a RegionCatalog,
        actor: &'a Actor,
        now: DateTime<Utc>,
    ) -> LeadContext<'a> {
        LeadContext {
            lang,
            regions,
            actor,
            now,
        }
    }
}

fn collector_error(ctx: &LeadContext<'_>, e: &CollectorError) -> String {
    match e {
        CollectorError::EmptyName => text::collector_name_empty(ctx.lang).to_string(),
        CollectorError::Regions(e) => text::region_list_error(ctx.lang, ctx.regions, e),
    }
}

/// `collectors add | list | import`.
pub fn collectors(
    store: &mut Store,
    action: CollectorsAction,
    ctx: &LeadContext<'_>,
) -> anyhow::Result<u8> {
    match action {
        CollectorsAction::Add { name, regions } => {
            let collector = parse_collector(&name, &regions, ctx.regions)
                .map_err(|e| anyhow::anyhow!(collector_error(ctx, &e)))?;
            let added = store.add_collector(&collector, ctx.actor, ctx.now)?;
            println!("{}", text::collector_added(ctx.lang, ctx.regions, &added));
        }
        CollectorsAction::List => {
            print!(
                "{}",
                text::collector_table(ctx.lang, ctx.regions, &store.collectors()?)
            );
        }
        CollectorsAction::Import { file } => {
            let shown = file.display().to_string();
            let list = read_collectors(&file, ctx.regions).map_err(|e| match e {
                CollectorsFileError::Io(e) => anyhow::anyhow!(e),
                CollectorsFileError::Header { found } => {
                    anyhow::anyhow!(text::collectors_header(ctx.lang, &shown, &found))
                }
                CollectorsFileError::Rows { rows, errors } => {
                    let lines: Vec<String> = errors
                        .iter()
                        .map(|(line, e)| {
                            let reason = match e {
                                CollectorRowError::Collector(e) => collector_error(ctx, e),
                                CollectorRowError::Malformed(reason) => reason.clone(),
                            };
                            text::collectors_row_error(ctx.lang, *line, &reason)
                        })
                        .collect();
                    anyhow::anyhow!(text::collectors_rejected(ctx.lang, &shown, rows, &lines))
                }
            })?;
            let source = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let added = store.import_collectors(&list, ctx.actor, ctx.now, &source)?;
            let new = added.iter().filter(|a| a.new).count();
            let extended = added
                .iter()
                .filter(|a| !a.new && !a.added_regions.is_empty())
                .count();
            println!(
                "{}",
                text::collectors_imported(ctx.lang, added.len(), new, extended)
            );
        }
    }
    Ok(0)
}

/// `sheets [--json]`, `sheets close N | --all-open`, `sheets certify N --collector --date`.
pub fn sheets(store: &mut Store, args: SheetsArgs, ctx: &LeadContext<'_>) -> anyhow::Result<u8> {
    let campaign = store.campaign()?;
    let today = campaign.local_date(ctx.now);
    match args.action {
        None => {
            let statuses = sheet_statuses(store, &campaign, today)?;
            if args.json {
                let list: Vec<SheetJson> = statuses
                    .iter()
                    .map(|s| SheetJson::new(s, ctx.regions))
                    .collect();
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else if statuses.is_empty() {
                println!("{}", text::no_sheets(ctx.lang));
            } else {
                print!(
                    "{}",
                    sheet_table(ctx.lang, &statuses, ctx.regions, &campaign)
                );
            }
        }
        Some(SheetsAction::Close {
            number: Some(number),
            ..
        }) => match store.close_sheet(number, ctx.actor, ctx.now)? {
            CloseOutcome::Closed => println!("{}", text::sheet_closed(ctx.lang, number)),
            CloseOutcome::AlreadyClosed(at) => println!(
                "{}",
                text::sheet_already_closed(ctx.lang, number, &text::local_minute(at, &campaign))
            ),
            CloseOutcome::NoSuchSheet => anyhow::bail!(text::no_such_sheet(ctx.lang, number)),
        },
        Some(SheetsAction::Close { number: None, .. }) => {
            let closed = store.close_open_sheets(ctx.actor, ctx.now)?;
            println!("{}", text::open_sheets_closed(ctx.lang, &closed));
        }
        Some(SheetsAction::Certify {
            number,
            collector,
            date,
        }) => {
            let outcome =
                store.certify_sheet(number, &collector, date, today, ctx.actor, ctx.now)?;
            let region = |code: &str, country: &str| {
                text::region_label(ctx.lang, ctx.regions, code, country)
            };
            match outcome {
                CertifyOutcome::Certified(sheet) => {
                    let label = region(&sheet.region_code, &sheet.abroad_country);
                    if let Some(cert) = &sheet.certification {
                        println!("{}", text::sheet_certified(ctx.lang, number, &label, cert));
                    }
                }
                CertifyOutcome::Refused(problems) => {
                    let label = store
                        .sheet(number)?
                        .map(|s| region(&s.region_code, &s.abroad_country))
                        .unwrap_or_default();
                    anyhow::bail!(text::certify_refused(ctx.lang, number, &label, &problems))
                }
                CertifyOutcome::AlreadyCertified(cert) => {
                    anyhow::bail!(text::sheet_already_certified(ctx.lang, number, &cert))
                }
                CertifyOutcome::NoSuchSheet => {
                    anyhow::bail!(text::no_such_sheet(ctx.lang, number))
                }
            }
        }
    }
    Ok(0)
}
