//! `sigdesk collectors`: lists a collector for the regions of their notarised list, prints
//! the list, or imports it from a CSV. Refusals are one-line errors (exit 1) in the chosen
//! language.

use super::Context;
use crate::cli::CollectorsAction;
use crate::csvio::collectors::{CollectorRowError, CollectorsFileError, read_collectors};
use crate::domain::RegionCatalog;
use crate::domain::collector::{CollectorError, parse_collector};
use crate::i18n::Lang;
use crate::i18n::lead::{self as text, codes_with_names};
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
            println!("{}", added_text(ctx.lang, &ctx.regions, &added));
        }
        Action::List => {
            print!(
                "{}",
                text::collector_table(ctx.lang, &ctx.regions, &store.collectors()?)
            );
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
    let added = store.import_collectors(&list, &ctx.actor, ctx.now, &source)?;
    let new = added.iter().filter(|a| a.new).count();
    let extended = added
        .iter()
        .filter(|a| !a.new && !a.added_regions.is_empty())
        .count();
    println!(
        "{}",
        text::collectors_imported(ctx.lang, added.len(), new, extended)
    );
    Ok(())
}

fn collector_error(ctx: &Context, e: &CollectorError) -> String {
    match e {
        CollectorError::EmptyName => text::collector_name_empty(ctx.lang).to_string(),
        CollectorError::Regions(e) => text::region_list_error(ctx.lang, &ctx.regions, e),
    }
}

/// The result of `collectors add`.
fn added_text(lang: Lang, regions: &RegionCatalog, added: &CollectorAdded) -> String {
    let name = &added.collector.name;
    let all: Vec<String> = added.collector.regions.iter().cloned().collect();
    let new: Vec<String> = added.added_regions.iter().cloned().collect();
    let all = codes_with_names(lang, regions, &all);
    let new = codes_with_names(lang, regions, &new);
    match (lang, added.new, added.added_regions.is_empty()) {
        (Lang::En, true, _) => format!("listed collector {name} for {all}"),
        (Lang::Ru, true, _) => format!("сборщик {name} внесён в список для: {all}"),
        (Lang::En, false, true) => {
            format!(
                "{name} is already listed for these regions; nothing changed (listed for {all})"
            )
        }
        (Lang::Ru, false, true) => {
            format!("{name} уже в списке для этих регионов; ничего не изменено (регионы: {all})")
        }
        (Lang::En, false, false) => format!("{name} is now also listed for {new} (all: {all})"),
        (Lang::Ru, false, false) => format!("{name} теперь также в списке для: {new} (все: {all})"),
    }
}
