//! `sigdesk collectors`: lists a collector for the regions of their notarised list with
//! the details the certification needs, prints the list, or imports it from a CSV.
//! Refusals are one-line errors (exit 1) in the chosen language.

use super::Context;
use super::out;
use super::table::aligned_table;
use crate::cli::{CollectorDetailArgs, CollectorsAction};
use crate::csvio::collectors::{CollectorRowError, CollectorsFileError, read_collectors};
use crate::domain::Collector;
use crate::domain::RegionCatalog;
use crate::domain::collector::{
    CollectorDetails, CollectorError, DetailProblem, DetailsDraft, check_details,
    parse_region_list, tidy_collector_name,
};
use crate::i18n::{CollectorText, DetailText, Lang, RegionText};
use crate::store::{CollectorAdded, Store};
use anyhow::bail;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What `collectors` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// List a collector for the regions of their notarised list with their details (adds
    /// regions and details if listed).
    Add {
        /// Full name, as on the notarised list.
        name: String,
        /// Region codes separated by commas; `None`: only details are added.
        regions: Option<String>,
        /// The details as typed.
        details: DetailsDraft,
    },
    /// Print every collector and their regions.
    List,
    /// Add collectors from a CSV file; nothing is added unless every row is good.
    Import(PathBuf),
}

impl From<CollectorsAction> for Action {
    fn from(action: CollectorsAction) -> Action {
        match action {
            CollectorsAction::Add {
                name,
                regions,
                details,
            } => Action::Add {
                name,
                regions,
                details: details.into(),
            },
            CollectorsAction::List => Action::List,
            CollectorsAction::Import { file } => Action::Import(file),
        }
    }
}

impl From<CollectorDetailArgs> for DetailsDraft {
    fn from(args: CollectorDetailArgs) -> DetailsDraft {
        DetailsDraft {
            birth_date: args.birth_date.unwrap_or_default(),
            address: args.address.unwrap_or_default(),
            passport: args.passport.unwrap_or_default(),
            issued_on: args.issued.unwrap_or_default(),
            issuer_code: args.issuer.unwrap_or_default(),
        }
    }
}

/// Adds, lists or imports collectors; exit 0, or an error for a refusal.
pub fn run(store: &mut Store, ctx: &Context, action: Action) -> anyhow::Result<u8> {
    match action {
        Action::Add {
            name,
            regions,
            details,
        } => add(store, ctx, &name, regions.as_deref(), &details)?,
        Action::List => {
            out::text(collector_table(
                ctx.lang,
                &ctx.regions,
                &store.collectors()?,
            ));
        }
        Action::Import(file) => import(store, ctx, &file)?,
    }
    Ok(0)
}

/// `collectors add NAME [--regions R] [details]`: the regions and the details checked
/// (details over the ones listed already), then listed; warnings go to stderr.
fn add(
    store: &mut Store,
    ctx: &Context,
    name: &str,
    regions: Option<&str>,
    typed: &DetailsDraft,
) -> anyhow::Result<()> {
    let lang = ctx.lang;
    let name = tidy_collector_name(name);
    if name.is_empty() {
        bail!(collector_error(ctx, &CollectorError::EmptyName));
    }
    let listed_regions = match regions {
        Some(text) => parse_region_list(text, &ctx.regions)
            .map_err(|e| anyhow::anyhow!(collector_error(ctx, &CollectorError::Regions(e))))?,
        None => BTreeSet::new(),
    };
    let known = store.collector(&name)?;
    if known.is_none() && listed_regions.is_empty() {
        bail!(lang.t(DetailText::NeedsRegions(&name)));
    }
    let (details, warnings) = if typed.is_empty() {
        (CollectorDetails::default(), Vec::new())
    } else {
        let today = store.campaign()?.local_date(ctx.now);
        let listed = known
            .as_ref()
            .map(|c| c.details.clone())
            .unwrap_or_default();
        match check_details(&name, typed, &listed, today, &ctx.regions) {
            Ok(checked) => (checked.details, checked.warnings),
            Err(problems) => {
                let problems = &problems;
                bail!(lang.t(DetailText::Refused {
                    name: &name,
                    problems
                }))
            }
        }
    };
    let collector = Collector {
        name,
        regions: listed_regions,
        details,
    };
    let added = store.add_collector(&collector, &ctx.actor, ctx.now)?;
    if regions.is_some() || added.new {
        out::line(added_text(lang, &ctx.regions, &added));
    }
    if added.details_changed {
        out::line(lang.t(DetailText::DetailsSaved(&added.collector.name)));
    }
    note_warnings(lang, &added.collector.name, &warnings);
    Ok(())
}

/// Warnings about details that were listed anyway, on stderr.
fn note_warnings(lang: Lang, name: &str, problems: &[DetailProblem]) {
    if !problems.is_empty() {
        out::note(lang.t(DetailText::Warnings { name, problems }));
    }
}

/// `collectors import FILE`: every row good, or nothing added.
fn import(store: &mut Store, ctx: &Context, file: &Path) -> anyhow::Result<()> {
    let shown = file.display().to_string();
    let today = store.campaign()?.local_date(ctx.now);
    let rows = read_collectors(file, &ctx.regions, today).map_err(|e| match e {
        CollectorsFileError::Io(e) => anyhow::anyhow!(e),
        CollectorsFileError::Header { found } => {
            anyhow::anyhow!(ctx.lang.t(CollectorText::Header {
                file: &shown,
                found: &found
            }))
        }
        CollectorsFileError::Rows { rows, errors } => {
            let lines: Vec<String> = errors
                .iter()
                .map(|(line, e)| {
                    let reason = &match e {
                        CollectorRowError::Collector(e) => collector_error(ctx, e),
                        CollectorRowError::Details(problems) => problems
                            .iter()
                            .map(|p| ctx.lang.t(DetailText::Problem(p)).into_owned())
                            .collect::<Vec<_>>()
                            .join("; "),
                        CollectorRowError::Malformed(reason) => reason.clone(),
                    };
                    let line = *line;
                    ctx.lang
                        .t(CollectorText::RowError { line, reason })
                        .into_owned()
                })
                .collect();
            anyhow::anyhow!(ctx.lang.t(CollectorText::Rejected {
                file: &shown,
                rows,
                errors: &lines
            }))
        }
    })?;
    let source = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let list: Vec<Collector> = rows.iter().map(|r| r.collector.clone()).collect();
    let added = store.import_collectors(&list, &ctx.actor, ctx.now, &source)?;
    let new = added.iter().filter(|a| a.new).count();
    let extended = added
        .iter()
        .filter(|a| !a.new && (!a.added_regions.is_empty() || a.details_changed))
        .count();
    for row in &rows {
        note_warnings(ctx.lang, &row.collector.name, &row.warnings);
    }
    let rows = added.len();
    out::line(ctx.lang.t(CollectorText::Imported {
        rows,
        new,
        extended,
    }));
    Ok(())
}

fn collector_error(ctx: &Context, error: &CollectorError) -> String {
    let regions = &ctx.regions;
    ctx.lang
        .t(CollectorText::Invalid { regions, error })
        .into_owned()
}

/// Region codes with their names.
fn labelled(lang: Lang, regions: &RegionCatalog, codes: &[String]) -> String {
    lang.t(RegionText::Codes { regions, codes }).into_owned()
}

/// The result of `collectors add`.
fn added_text(lang: Lang, regions: &RegionCatalog, added: &CollectorAdded) -> String {
    let name = &added.collector.name;
    let all: Vec<String> = added.collector.regions.iter().cloned().collect();
    let new: Vec<String> = added.added_regions.iter().cloned().collect();
    let (all, new) = (
        &labelled(lang, regions, &all),
        &labelled(lang, regions, &new),
    );
    let text = if added.new {
        CollectorText::Listed { name, all }
    } else if added.added_regions.is_empty() {
        CollectorText::AlreadyListed { name, all }
    } else {
        CollectorText::AlsoListed { name, new, all }
    };
    lang.t(text).into_owned()
}

/// `collectors list` as an aligned table, or a hint when the list is empty.
fn collector_table(lang: Lang, regions: &RegionCatalog, list: &[Collector]) -> String {
    if list.is_empty() {
        return lang.t(CollectorText::NoneListed).into_owned();
    }
    let header = [
        lang.t(CollectorText::ColCollector).into_owned(),
        lang.t(CollectorText::ColRegions).into_owned(),
        lang.t(DetailText::ColDetails).into_owned(),
    ];
    let rows = list
        .iter()
        .map(|c| {
            let codes: Vec<String> = c.regions.iter().cloned().collect();
            let missing = c.details.missing();
            let details = if missing.is_empty() {
                lang.t(DetailText::Complete)
            } else {
                lang.t(DetailText::MissingShort(&missing))
            };
            vec![
                c.name.clone(),
                labelled(lang, regions, &codes),
                details.into_owned(),
            ]
        })
        .collect();
    aligned_table(header.into(), rows, &[])
}
