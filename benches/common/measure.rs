//! Measuring: criterion's setup, the ways a bench times its work (alone per iteration, one
//! frame per size), whether this run benches at all, and the ratio table each bench binary
//! prints at the end.

use super::render;
use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, Criterion};
use sigdesk::tui::model::Model;
use std::hint::black_box;
use std::path::PathBuf;

/// Criterion with a second of warm-up and `measurement` per bench, unless the command line
/// says otherwise.
pub fn criterion(measurement: std::time::Duration) -> Criterion {
    Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(measurement)
        .configure_from_args()
}

/// Benches `run` alone in each iteration, as a real start runs it; what it returns (an open
/// store, say, whose closing checkpoints the WAL) is dropped after the timing.
pub fn bench_alone<T>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    id: impl Into<String>,
    mut run: impl FnMut() -> T,
) {
    group.bench_function(id.into(), |b| {
        b.iter_batched(|| (), |()| run(), BatchSize::PerIteration)
    });
}

/// Benches one frame of `model` at each size as `{name}_{width}x{height}`, each on its
/// own terminal, the model told its size as the app's resize would.
pub fn bench_frames(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    model: &Model,
    sizes: &[(u16, u16)],
) {
    for &(width, height) in sizes {
        let mut model = model.clone();
        model.size = (width, height);
        let mut terminal = render::terminal(width, height);
        group.bench_function(format!("{name}_{width}x{height}"), |b| {
            b.iter(|| render::render_into(&mut terminal, black_box(&model)))
        });
    }
}

/// The criterion output folder (`CRITERION_HOME`, else `$CARGO_TARGET_DIR/criterion`,
/// else `target/criterion`), as criterion itself chooses it.
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            // The bench binary is <target>/release/deps/<name>-<hash>.
            let exe = std::env::current_exe().ok()?;
            Some(exe.parent()?.parent()?.parent()?.to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from("target"));
    target.join("criterion")
}

/// Whether this binary runs under `cargo bench` (criterion's `--bench`); under `cargo test
/// --all-targets` it does not, and the benches skip their heavy fixtures.
pub fn benchmarking() -> bool {
    RUN_STARTED.get_or_init(std::time::SystemTime::now);
    let on = std::env::args().any(|a| a == "--bench");
    if !on {
        println!("sigdesk benches: skipped (run them with `cargo bench`)");
    }
    on
}

/// When this bench binary started.
static RUN_STARTED: std::sync::OnceLock<std::time::SystemTime> = std::sync::OnceLock::new();

/// The median (ns) criterion measured for `group/function` in this run.
pub fn median_ns(id: &str) -> Option<f64> {
    let file = criterion_home().join(id).join("new/estimates.json");
    // Only figures of this run: a stale file from an earlier run does not count.
    let written = std::fs::metadata(&file).ok()?.modified().ok()?;
    if RUN_STARTED.get().is_some_and(|started| written < *started) {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64()
}

/// What a measured figure is held against.
pub enum Target {
    /// At most this many times the baseline.
    Ratio(f64),
    /// At most this many milliseconds.
    Millis(f64),
    /// Shown for information.
    None,
}

fn human(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.3} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

/// Ends the run: criterion's summary, then a Markdown table of measured median, baseline
/// median, ratio, target and verdict. Rows: (measured id, baseline id or "", target). Ids
/// are criterion's `group/function`.
pub fn summarise(c: &mut Criterion, rows: &[(&str, &str, Target)]) {
    c.final_summary();
    println!();
    println!("| measured | median | baseline | baseline median | ratio | target | met |");
    println!("|---|---:|---|---:|---:|---|---|");
    for (measured, baseline, target) in rows {
        let Some(m) = median_ns(measured) else {
            println!("| {measured} | (not run) | | | | | |");
            continue;
        };
        let b = (!baseline.is_empty())
            .then(|| median_ns(baseline))
            .flatten();
        print_row(measured, m, baseline, b, b.map(|b| m / b), target);
    }
}

/// One row of the table [`summarise`] prints: `measured` took `m` ns (median), against
/// `baseline` with `b` ns when there is one, `ratio` times it.
pub fn print_row(
    measured: &str,
    m: f64,
    baseline: &str,
    b: Option<f64>,
    ratio: Option<f64>,
    target: &Target,
) {
    let (target_text, met) = match target {
        Target::Ratio(t) => (
            format!("≤ {t}×"),
            ratio
                .map(|r| if r <= *t { "yes" } else { "NO" })
                .unwrap_or("?"),
        ),
        Target::Millis(t) => (
            format!("≤ {t} ms"),
            if m / 1e6 <= *t { "yes" } else { "NO" },
        ),
        Target::None => ("—".into(), ""),
    };
    println!(
        "| {measured} | {} | {} | {} | {} | {target_text} | {met} |",
        human(m),
        if baseline.is_empty() { "—" } else { baseline },
        b.map(human).unwrap_or_else(|| "—".into()),
        ratio
            .map(|r| format!("{r:.2}×"))
            .unwrap_or_else(|| "—".into()),
    );
}
