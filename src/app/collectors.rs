//! `sigdesk collectors`: lists a collector for the regions of their notarised list, prints
//! the list, or imports it from a CSV. Refusals are one-line errors (exit 1) in the chosen
//! language.

use super::Context;
use super::out;
use super::table::aligned_table;
use crate::cli::CollectorsAction;
use crate::csvio::collectors::{CollectorRowError, CollectorsFileError, read_collectors};
use crate::domain::Collector;
use crate::domain::RegionCatalog;
use crate::domain::collector::{CollectorError, parse_collector};
use crate::i18n::{CollectorText, Lang, RegionText};
use crate::store::{CollectorAdded, Store};
use std::path::{Path, PathBuf};

/// What `collectors` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// List a collector for the regions of their notarised list (adds regions if listed).
    Add {
        /// Full name, as on the notarised list.
        name: String,
        /// Region codes separated by commas.
        regions: String,
    },
    /// Print every collector and their regions.
    List,
    /// Add collectors from a CSV file; nothing is added unless every row is good.
    Import(PathBuf),
}

impl From<CollectorsAction> for Action {
    fn from(action: CollectorsAction) -> Action {
        match action {
            CollectorsAction::Add { name, regions } => Action::Add { name, regions },
            CollectorsAction::List => Action::List,
            CollectorsAction::Import { file } => Action::Import(file),
        }
    }
}

/// Adds, lists or imports collectors; exit 0, or an error for a refusal.
pub fn run(store: &mut Store, ctx: &Context, action: Action) -> anyhow::Result<u8> {
    match action {
        Action::Add { name, regions } => {
            let collector = parse_collector(&name, &regions, &ctx.regions)
                .map_err(|e| anyhow::anyhow!(collector_error(ctx, &e)))?;
            let added = store.add_collector(&collector, &ctx.actor, ctx.now)?;
            out::line(added_text(ctx.lang, &ctx.regions, &added));
        }
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

/// `collectors import FILE`: every row good, or nothing added.
fn import(store: &mut Store, ctx: &Context, file: &Path) -> anyhow::Result<()> {
    let shown = file.display().to_string();
    let list = read_collectors(file, &ctx.regions).map_err(|e| match e {
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
    let added = store.import_collectors(&list, &ctx.actor, ctx.now, &source)?;
    let new = added.iter().filter(|a| a.new).count();
    let extended = added
        .iter()
        .filter(|a| !a.new && !a.added_regions.is_empty())
        .count();
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
    let header = [CollectorText::ColCollector, CollectorText::ColRegions]
        .map(|column| lang.t(column).into_owned());
    let rows = list
        .iter()
        .map(|c| {
            let codes: Vec<String> = c.regions.iter().cloned().collect();
            vec![c.name.clone(), labelled(lang, regions, &codes)]
        })
        .collect();
    aligned_table(header.into(), rows, &[])
}
