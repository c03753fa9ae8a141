//! sigdesk: a terminal app for in-person signature-collection desks.
//!
//! The library holds everything; `main.rs` only calls [`run`].
#![forbid(unsafe_code)]

pub mod cli;
pub mod csvio;
pub mod dev;
pub mod domain;
pub mod i18n;
pub mod lead;
pub mod notice;
pub mod progress;
pub mod protect;
pub mod report;
pub mod sheet_report;
pub mod stats;
pub mod store;
pub mod tui;

use clap::Parser;
use cli::{CampaignAction, Cli, Command};
use dev::demo;
use domain::RegionCatalog;
use i18n::Lang;
use std::ffi::OsString;
use std::process::ExitCode;
use store::Actor;

/// Exit code when `check` found defects.
pub const EXIT_DEFECTS: u8 = 3;

/// Parses `args` and runs the command; errors become one line on stderr and exit 1.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let lang = Lang::detect(
        cli.lang.as_deref(),
        std::env::var("LC_ALL").ok().as_deref(),
        std::env::var("LANG").ok().as_deref(),
    );
    match dispatch(cli, lang) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("sigdesk: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// The actor of command-line actions: desk `cli`, operator from `$USER`.
pub(crate) fn cli_actor() -> Actor {
    Actor {
        desk: "cli".into(),
        operator: std::env::var("USER").unwrap_or_else(|_| "lead".into()),
    }
}

fn dispatch(cli: Cli, lang: Lang) -> anyhow::Result<u8> {
    let regions = RegionCatalog::embedded()?;
    let command = cli.command.unwrap_or(Command::Desk(cli.desk_args));
    let input_file = match &command {
        Command::Import(args) => Some(&args.file),
        Command::Collectors {
            action: cli::CollectorsAction::Import { file },
        } => Some(file),
        _ => None,
    };
    if let Some(file) = input_file {
        // Fail on a missing file before creating a database for it.
        std::fs::metadata(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    }
    let now = chrono::Utc::now();
    let unlock = protect::Unlock {
        passphrase_file: cli.passphrase_file,
        no_encrypt: cli.no_encrypt,
    };
    let mut store = protect::open_for(&command, &cli.db, &unlock, &regions, lang, now)?;
    match command {
        Command::Desk(args) => {
            tui::run_app(store, regions, lang, args, tui::model::Screen::Desk)?;
            Ok(0)
        }
        Command::Door(args) => {
            tui::run_app(store, regions, lang, args, tui::model::Screen::Door)?;
            Ok(0)
        }
        Command::Board(args) => {
            tui::run_app(store, regions, lang, args, tui::model::Screen::Board)?;
            Ok(0)
        }
        Command::Stats(args) => {
            let campaign = store.campaign()?;
            let figures = stats::gather(&store, &regions, args.now.unwrap_or(now))?;
            if args.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&stats::StatsJson::new(&figures))?
                );
            } else {
                print!("{}", stats::text(lang, &campaign, &regions, &figures));
            }
            Ok(0)
        }
        Command::Export(args) => {
            let options = csvio::ExportOptions {
                delimiter: args.delimiter,
                bom: args.bom,
                include_voided: args.include_voided,
            };
            let mut progress = progress::TerminalProgress::on_stderr(lang);
            let rows =
                csvio::export::export_with_progress(&store, &args.out, options, &mut progress)?;
            store.record_event(
                now,
                &cli_actor(),
                "export",
                &serde_json::json!({"out": args.out, "rows": rows}),
            )?;
            eprintln!("{}", i18n::exported(lang, rows, &args.out));
            Ok(0)
        }
        Command::Import(args) => {
            let campaign = store.campaign()?;
            let actor = cli_actor();
            let ctx = csvio::import::ImportContext {
                lang,
                today: campaign.local_date(now),
                now,
                regions: &regions,
                actor: &actor,
            };
            let options = csvio::ImportOptions {
                skip_bad: args.skip_bad,
                delimiter: args.delimiter,
            };
            let mut progress = progress::TerminalProgress::on_stderr(lang);
            let report = csvio::import::import_with_progress(
                &mut store,
                &args.file,
                options,
                &ctx,
                &mut progress,
            )?;
            println!("{}", i18n::imported(lang, &report));
            if report.rejected > 0 {
                println!("{}", csvio::rejects_path(&args.file).display());
            }
            Ok(0)
        }
        Command::Check(args) => {
            let campaign = store.campaign()?;
            let report = report::check_all(&store, &regions, campaign.local_date(now), lang)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&report.to_json())?);
            } else {
                print!("{}", i18n::defect_report(lang, &report));
            }
            let expired = campaign.retention_due(campaign.local_date(now));
            if let Some(until) = campaign.retain_until.filter(|_| expired) {
                // With --json stdout is the report only; the reminder goes to stderr.
                let line = i18n::protect::retention_defect(lang, until);
                if args.json {
                    eprintln!("{line}");
                } else {
                    println!("{line}");
                }
            }
            Ok(if report.has_errors() || expired {
                EXIT_DEFECTS
            } else {
                0
            })
        }
        Command::Collectors { action } => {
            let actor = cli_actor();
            let ctx = lead::LeadContext::new(lang, &regions, &actor, now);
            lead::collectors(&mut store, action, &ctx)
        }
        Command::Sheets(args) => {
            let actor = cli_actor();
            let ctx = lead::LeadContext::new(lang, &regions, &actor, now);
            lead::sheets(&mut store, args, &ctx)
        }
        Command::Demo(args) => {
            let options = demo::DemoOptions {
                signers: args.signers,
                desks: args.desks,
                seed: args.seed,
                day: args.day.unwrap_or_else(|| {
                    store
                        .campaign()
                        .map(|c| c.local_date(now))
                        .unwrap_or_default()
                }),
            };
            let mut progress = progress::TerminalProgress::on_stderr(lang);
            match demo::run_demo(&mut store, &regions, options, &mut progress) {
                Ok(summary) => {
                    println!("{}", i18n::lead::demo_summary(lang, &summary));
                    Ok(0)
                }
                Err(e) => anyhow::bail!(i18n::lead::demo_error(lang, &e)),
            }
        }
        Command::Campaign { action } => {
            let mut campaign = store.campaign()?;
            match action {
                CampaignAction::Show => {
                    for key in domain::Campaign::KEYS {
                        println!("{key} = {}", campaign.get(key)?);
                    }
                }
                CampaignAction::Set { key, value } => {
                    campaign.set(&key, &value)?;
                    protect::require_lead_pin(&store, lang)?;
                    store.save_campaign(&campaign, &cli_actor(), now)?;
                    println!("{key} = {}", campaign.get(&key)?);
                }
            }
            Ok(0)
        }
        Command::Script(args) => {
            let actor = Actor {
                desk: args.desk,
                operator: args.operator,
            };
            let stdin = std::io::stdin().lock();
            dev::script::run(&mut store, &regions, actor, stdin, std::io::stdout().lock())?;
            Ok(0)
        }
        Command::Protect(command) => protect::run(command, store, &unlock, &regions, lang, now),
    }
}
