//! Peak resident memory of the real `sigdesk` binary on a copy of the 1,000,000-entry
//! database: `export --out F`, `import` of 100,000 and of 1,000,000 rows, `stats --json`,
//! `check --json` with 1% planted defects (and with many findings), and `sqlite3 -csv`
//! exporting the same rows as the baseline. Every child runs under GNU time
//! (`/usr/bin/time -f %M`), which prints the kernel's `ru_maxrss` for it from `wait4`: the
//! exact high-water mark of the whole run, with no sampling to miss a short peak.
//! Run: `cargo bench --bench rss` (about 5 minutes with the 1M-row import and the 1M
//! demo; needs `/usr/bin/time`, Debian package `time`).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use common::{IMPORT_ROWS, ROWS, SQLITE3, export_sql};
use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};

/// Rows of the smaller import file (the first rows of the 100k one).
const SMALL_IMPORT_ROWS: u64 = 10_000;
/// GNU time.
const TIME: &str = "/usr/bin/time";
/// The release binary `cargo bench` built.
const SIGDESK: &str = env!("CARGO_BIN_EXE_sigdesk");

/// What one child process used.
struct Usage {
    /// Peak resident set size, KiB.
    peak_kib: u64,
    /// Wall time, seconds.
    secs: f64,
}

/// Runs `program args` under GNU time with stdout to `stdout`; panics with the child's
/// stderr if it fails.
fn measure(program: &str, args: &[OsString], stdout: Stdio) -> Usage {
    measure_exit(program, args, stdout, 0)
}

/// [`measure`] of a run that ends with exit code `code` (`check` finding defects ends 3).
fn measure_exit(program: &str, args: &[OsString], stdout: Stdio, code: i32) -> Usage {
    let report = tempfile::NamedTempFile::new().unwrap();
    let output = Command::new(TIME)
        .arg("-o")
        .arg(report.path())
        .args(["-f", "%M %e", "--", program])
        .args(args)
        // The bench databases are plain; a lead PIN is there if a command asks for one.
        .env("SIGDESK_LEAD_PIN", "2468")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(code),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(report.path()).unwrap();
    // After a non-zero exit GNU time writes "Command exited with …" before the figures.
    let last = text.lines().last().unwrap_or_default();
    let mut fields = last.split_whitespace();
    Usage {
        peak_kib: fields.next().unwrap().parse().unwrap(),
        secs: fields.next().unwrap().parse().unwrap(),
    }
}

/// `sigdesk --db DB --no-encrypt <args>`.
fn sigdesk(db: &Path, args: &[&str], stdout: Stdio) -> Usage {
    measure(SIGDESK, &sigdesk_args(db, args), stdout)
}

/// The arguments of `sigdesk --db DB --no-encrypt <args>`.
fn sigdesk_args(db: &Path, args: &[&str]) -> Vec<OsString> {
    let mut all: Vec<OsString> = vec!["--db".into(), db.into(), "--no-encrypt".into()];
    all.extend(args.iter().map(OsString::from));
    all
}

/// The first `n` lines of a file, line breaks included.
fn head_lines(path: &Path, n: u64) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    let mut seen = 0;
    let end = bytes
        .iter()
        .position(|b| {
            seen += u64::from(*b == b'\n');
            seen == n
        })
        .unwrap();
    bytes[..=end].to_vec()
}

/// Lines in a file (the exported CSV has no line breaks inside fields).
fn count_lines(path: &Path) -> u64 {
    let bytes = std::fs::read(path).unwrap();
    bytes.iter().filter(|b| **b == b'\n').count() as u64
}

/// One line of the printed table.
struct Row {
    what: &'static str,
    usage: Usage,
    /// At most this many MiB, if there is a target.
    target_mib: Option<u64>,
}

/// `demo`'s target is its time, not its memory.
const DEMO_TARGET_SECS: f64 = 180.0;
const DEMO_WHAT: &str = "`sigdesk demo --signers 1000000` (a new plain database)";

fn print_table(rows: &[Row]) {
    println!();
    println!("| what | peak RSS | wall time | target | met |");
    println!("|---|---:|---:|---|---|");
    for row in rows {
        let mib = row.usage.peak_kib as f64 / 1024.0;
        let yes = |met: bool| if met { "yes" } else { "NO" };
        let (target, met) = match row.target_mib {
            Some(t) => (format!("≤ {t} MiB"), yes(mib <= t as f64)),
            None if row.what == DEMO_WHAT => (
                format!("< {DEMO_TARGET_SECS:.0} s"),
                yes(row.usage.secs < DEMO_TARGET_SECS),
            ),
            None => ("—".into(), ""),
        };
        println!(
            "| {} | {mib:.1} MiB | {:.2} s | {target} | {met} |",
            row.what, row.usage.secs
        );
    }
}

fn main() {
    if !common::measure::benchmarking() {
        return;
    }
    assert!(
        Path::new(TIME).exists(),
        "{TIME} is missing: install GNU time (`apt-get install -y time`) to measure peak RSS"
    );
    let import = common::import_file();
    let db = pinned_copy("rss");
    let out = tempfile::tempdir().unwrap();
    let csv = out.path().join("export.csv");
    let csv_arg = csv.to_str().unwrap();
    let import_arg = import.to_str().unwrap();

    let mut rows = vec![Row {
        what: "`sigdesk --version` (the process alone)",
        usage: measure(SIGDESK, &["--version".into()], Stdio::null()),
        target_mib: None,
    }];
    rows.push(Row {
        what: "`sigdesk stats --json`, 1M entries",
        usage: sigdesk(&db, &["stats", "--json"], Stdio::null()),
        target_mib: Some(64),
    });
    rows.push(Row {
        what: "`sigdesk export --out F`, 1M entries",
        usage: sigdesk(&db, &["export", "--out", csv_arg], Stdio::null()),
        target_mib: Some(64),
    });
    assert_eq!(
        count_lines(&csv),
        ROWS + 1,
        "header and every entry exported"
    );
    std::fs::remove_file(&csv).unwrap();
    if Path::new(SQLITE3).exists() {
        let args: Vec<OsString> = vec![
            "-readonly".into(),
            "-csv".into(),
            "-header".into(),
            db.clone().into(),
            export_sql().into(),
        ];
        rows.push(Row {
            what: "baseline: `sqlite3 -csv` of the same rows → /dev/null",
            usage: measure(SQLITE3, &args, Stdio::null()),
            target_mib: None,
        });
    } else {
        println!("rss: {SQLITE3} is missing; the sqlite3 baseline is skipped");
    }
    // The same import at a tenth of the size, into its own copy: shows how the peak grows
    // with the rows of the file.
    let small = out.path().join("import-10k.csv");
    let head = head_lines(&import, SMALL_IMPORT_ROWS + 1);
    std::fs::write(&small, head).unwrap();
    let small_db = pinned_copy("rss-10k");
    rows.push(Row {
        what: "`sigdesk import F`, 10k rows into the 1M entries",
        usage: sigdesk(
            &small_db,
            &["import", small.to_str().unwrap()],
            Stdio::null(),
        ),
        target_mib: None,
    });
    assert_eq!(count_valid(&small_db), ROWS + SMALL_IMPORT_ROWS);
    common::remove_db(&small_db);
    rows.push(Row {
        what: "`sigdesk import F`, 100k rows into the 1M entries",
        usage: sigdesk(&db, &["import", import_arg], Stdio::null()),
        target_mib: Some(64),
    });
    assert_eq!(
        count_valid(&db),
        ROWS + IMPORT_ROWS,
        "every row of the import file was added"
    );
    common::remove_db(&db);
    // Issue 16: the whole file streams; 1M rows must stay within the same 64 MiB.
    let big = common::import_file_1m();
    let big_db = pinned_copy("rss-1m");
    rows.push(Row {
        what: "`sigdesk import F`, 1M rows into the 1M entries",
        usage: sigdesk(&big_db, &["import", big.to_str().unwrap()], Stdio::null()),
        target_mib: Some(64),
    });
    assert_eq!(
        count_valid(&big_db),
        2 * ROWS,
        "every row of the 1M file was added"
    );
    common::remove_db(&big_db);
    // The planted defects alone, then with 952,500 entries past their region's cap too:
    // the peak must not grow with the findings.
    for (what, defects) in [
        (
            "`sigdesk check --json`, 1M entries with 1% planted defects",
            common::defects_db(),
        ),
        (
            "`sigdesk check --json`, same with the caps of 2,500 a region (965,349 defects)",
            common::flooded_defects_db(),
        ),
    ] {
        rows.push(Row {
            what,
            usage: measure_exit(
                SIGDESK,
                &sigdesk_args(&defects, &["check", "--json"]),
                Stdio::null(),
                3,
            ),
            target_mib: Some(100),
        });
    }
    // Issue 16: the trainers' generator makes a 1M database in under 3 minutes; `check`
    // on it reads a database made the way a real day makes one (tickets, voided lines,
    // sheets certified, 952,723 entries past their region's cap).
    let demo = out.path().join("demo.db");
    rows.push(Row {
        what: DEMO_WHAT,
        usage: sigdesk(&demo, &["demo", "--signers", "1000000"], Stdio::null()),
        target_mib: None,
    });
    rows.push(Row {
        what: "`sigdesk check --json` on the demo's 1M database",
        // Its defects are warnings (caps, addresses, repeated people): exit 0.
        usage: measure_exit(
            SIGDESK,
            &sigdesk_args(&demo, &["check", "--json"]),
            Stdio::null(),
            0,
        ),
        target_mib: Some(100),
    });
    print_table(&rows);
}

/// A working copy of the 1M database with a lead PIN (commands refuse a database without
/// one).
fn pinned_copy(tag: &str) -> std::path::PathBuf {
    let db = common::working_copy(tag);
    drop(common::db::open_store_for_cli(&db, "2468"));
    db
}

/// Valid entries in the database (from the per-region counters).
fn count_valid(db: &Path) -> u64 {
    let conn = common::bare_connection(db);
    conn.query_row(
        "SELECT COALESCE(SUM(valid), 0) FROM region_counts",
        [],
        |r| r.get::<_, i64>(0),
    )
    .unwrap() as u64
}
