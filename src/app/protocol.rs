//! `sigdesk protocol`: per federal subject (and abroad) the certified sheets and signatures
//! this point hands in, within the caps, the totals, and the sheets left out with the
//! reason (DESIGN.md §11). As text or JSON, on the terminal or into a file (`--out`,
//! mode 0600, written whole or not at all).

use super::Context;
use super::out;
use super::table::aligned_table;
use crate::cli::ProtocolArgs;
use crate::domain::protocol::{Protocol, RegionProtocol};
use crate::domain::{ABROAD, RegionCatalog};
use crate::i18n::{Lang, ProtocolText, RegionText};
use crate::ops::protocol::{PointProtocol, point_protocol};
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// What `protocol` prints and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// JSON instead of text.
    pub json: bool,
    /// The file to write instead of the terminal.
    pub out: Option<PathBuf>,
}

impl From<ProtocolArgs> for Options {
    fn from(args: ProtocolArgs) -> Options {
        Options {
            json: args.json,
            out: args.out,
        }
    }
}

/// Builds the protocol and prints or writes it; exit 0.
pub fn run(store: &Store, ctx: &Context, options: Options) -> anyhow::Result<u8> {
    let campaign = store.campaign()?;
    let day = campaign.local_date(ctx.now);
    let point = point_protocol(store, &ctx.regions, day)?;
    let json = ProtocolJson {
        point: &campaign.point,
        day,
        generated_at: ctx.now,
        protocol: &point.protocol,
        other_points_lines: point.other_points_lines,
    };
    let text = || {
        let title = ProtocolText::Title {
            point: &campaign.point,
            day,
            region_cap: campaign.region_cap,
            abroad_cap: campaign.abroad_cap,
        };
        format!(
            "{}\n{}",
            ctx.lang.t(title),
            protocol_text(ctx.lang, &ctx.regions, &point)
        )
    };
    match (&options.out, options.json) {
        (Some(path), true) => {
            let document = format!("{}\n", serde_json::to_string_pretty(&json)?);
            write_whole(path, document.as_bytes())?;
            out::note(ctx.lang.t(ProtocolText::Written(path)));
        }
        (Some(path), false) => {
            write_whole(path, text().as_bytes())?;
            out::note(ctx.lang.t(ProtocolText::Written(path)));
        }
        (None, true) => out::json(&json)?,
        (None, false) => out::text(text()),
    }
    Ok(0)
}

/// The table of regions, the totals, and the sheets left out.
fn protocol_text(lang: Lang, regions: &RegionCatalog, point: &PointProtocol) -> String {
    let p = &point.protocol;
    let mut out = String::new();
    if p.regions.is_empty() {
        let _ = writeln!(out, "{}", lang.t(ProtocolText::NothingToHandIn));
    } else {
        let header = [
            ProtocolText::ColRegion,
            ProtocolText::ColSheets,
            ProtocolText::ColSignatures,
            ProtocolText::ColCap,
            ProtocolText::ColNumbers,
        ]
        .map(|column| lang.t(column).into_owned());
        let mut rows: Vec<Vec<String>> = p
            .regions
            .iter()
            .map(|r| region_row(lang, regions, r))
            .collect();
        rows.push(vec![
            lang.t(ProtocolText::Total).into_owned(),
            p.sheets.to_string(),
            p.signatures.to_string(),
            String::new(),
            String::new(),
        ]);
        out.push_str(&aligned_table(header.into(), rows, &[1, 2, 3]));
    }
    if !p.left_out.is_empty() {
        let _ = writeln!(out, "{}", lang.t(ProtocolText::LeftOut(p.left_out.len())));
        for l in &p.left_out {
            let region = RegionText::Label {
                regions,
                code: &l.region_code,
                country: &l.abroad_country,
            };
            let line = ProtocolText::LeftOutLine {
                origin: &l.origin,
                number: l.number,
                region: &lang.t(region),
                lines: l.valid_lines,
                reason: &l.reason,
            };
            let _ = writeln!(out, "{}", lang.t(line));
        }
    }
    if point.other_points_lines > 0 {
        let other = ProtocolText::OtherPoints(point.other_points_lines);
        let _ = writeln!(out, "{}", lang.t(other));
    }
    out
}

fn region_row(lang: Lang, regions: &RegionCatalog, r: &RegionProtocol) -> Vec<String> {
    let label = if r.region_code == ABROAD {
        lang.t(ProtocolText::Abroad)
    } else {
        lang.t(RegionText::Label {
            regions,
            code: &r.region_code,
            country: "",
        })
    };
    let mut numbers: Vec<(&str, u32)> = r
        .submitted
        .iter()
        .map(|s| (s.origin.as_str(), s.number))
        .collect();
    numbers.sort_unstable();
    let numbers: Vec<String> = numbers.iter().map(|(_, n)| n.to_string()).collect();
    vec![
        label.into_owned(),
        r.sheets.to_string(),
        r.signatures.to_string(),
        r.cap.to_string(),
        numbers.join(" "),
    ]
}

/// `protocol --json`; the field names are a stable interface (README.md).
#[derive(Debug, Serialize)]
struct ProtocolJson<'a> {
    /// Collection point.
    point: &'a str,
    /// The local day it was made on.
    day: NaiveDate,
    /// When (RFC 3339 UTC).
    generated_at: DateTime<Utc>,
    /// Caps, regions, totals, sheets left out.
    #[serde(flatten)]
    protocol: &'a Protocol,
    /// Valid lines on other points' sheets, not in this protocol.
    other_points_lines: u64,
}

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it (mode 0600)
/// is filled, synced and renamed over it.
fn write_whole(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let shown = || path.display().to_string();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".sigdesk-protocol-")
        .tempfile_in(dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", shown()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| anyhow::anyhow!("{}: {e}", shown()))?;
    temp.persist(path)
        .map_err(|e| anyhow::anyhow!("{}: {}", shown(), e.error))?;
    Ok(())
}
