//! The campaign HQ on a real PostgreSQL (127.0.0.1:5432, trust auth, role `root`, as the
//! tests use), a timed bench binary: push 100,000 entries against a bare binary `COPY` of
//! the same rows into a table with the same indexes; `hq stats` over 1,000,000 entries from
//! 200 points; lookups with 1,000,000 digests at HQ (p50/p99); 50 point processes syncing
//! at once (no errors, totals exact); one point's `sync --once` of 100,000 entries.
//! Run: `cargo bench --bench hq` (about 3 minutes; the database is made and dropped here).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "fail loudly")]

mod common;

use chrono::{DateTime, Duration as Days, Utc};
use common::hq::TestHq;
use common::measure::benchmarking;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::Type;
use sigdesk::domain::hq::{CampaignSecret, Digests, HqEntry};
use sigdesk::domain::{DocKind, Entry, EntryStatus, RegionCatalog};
use sigdesk::hq::{self, SYNC_TIMEOUT};
use sigdesk::store::{Actor, Store};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The release binary `cargo bench` built.
const SIGDESK: &str = env!("CARGO_BIN_EXE_sigdesk");
/// Entries of the push bench.
const PUSH_ROWS: usize = 100_000;
/// Entries at HQ for `hq stats` and the lookups.
const HQ_ROWS: usize = 1_000_000;
/// Points they come from.
const HQ_POINTS: usize = 200;
/// Points syncing at once.
const SYNCING: usize = 50;
/// Entries at each of them.
const PER_SYNCING: usize = 400;
/// The batch `sync` pushes.
const BATCH: usize = 20000;
/// Other batch sizes the push is timed with, for comparison.
const OTHER_BATCHES: [usize; 2] = [5000, 10000];
/// Regions the rows spread over.
const REGIONS: [&str; 8] = ["77", "78", "50", "66", "16", "23", "54", "abroad"];

fn main() {
    if !benchmarking() {
        return;
    }
    let hq = TestHq::new("bench").expect("the HQ bench needs PostgreSQL on 127.0.0.1:5432");
    let secret_text = hq.init();
    let secret = CampaignSecret::parse(&secret_text).unwrap();
    let mut table = Vec::new();
    push_against_copy(&hq, &secret, &mut table);
    load_million(&hq, &secret);
    stats_and_check(&hq, &mut table);
    lookups(&hq, &secret, &mut table);
    fifty_points(&hq, &secret_text, &mut table);
    one_point_sync(&hq, &secret_text, &mut table);
    println!();
    println!("| what | figure | target | met |");
    println!("|---|---:|---|---|");
    for (what, figure, target, met) in table {
        println!("| {what} | {figure} | {target} | {met} |");
    }
}

/// One table row: what, figure, target, whether it is met.
type Row = (String, String, String, &'static str);

fn yes(met: bool) -> &'static str {
    if met { "yes" } else { "**NO**" }
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Entry `n` of point `point` as HQ holds it: digests of a synthetic passport and person.
/// Passports are unique but one in a thousand, which the next point has too (the
/// duplicates `hq check` finds).
fn row(secret: &CampaignSecret, point: usize, n: usize, at: DateTime<Utc>) -> HqEntry {
    let owner = if n % 1000 == 7 {
        (point + 1) % HQ_POINTS
    } else {
        point
    };
    let number = format!("{:06}", (owner * (HQ_ROWS / HQ_POINTS) + n) % 1_000_000);
    let series = format!("{:04}", 4500 + owner % 100);
    HqEntry {
        id: format!("bench-{point}-{n}"),
        sheet: (n / 10 + 1) as u32,
        line: (n % 10 + 1) as u32,
        region_code: REGIONS[n % REGIONS.len()].into(),
        abroad_country: String::new(),
        signed_on: at.date_naive(),
        entered_at: at,
        valid: !n.is_multiple_of(50),
        doc_digest: secret.document_digest(DocKind::InternalPassport, &series, &number),
        person_digest: secret.person_digest(
            "Иванов",
            &format!("Имя{point}"),
            "",
            chrono::NaiveDate::from_ymd_opt(1960, 1, 1).unwrap() + Days::days(n as i64 % 15000),
        ),
    }
}

/// Writes `rows` of `origin` with a binary `COPY` into `table` (the owner's session).
fn copy_rows(client: &mut postgres::Client, table: &str, rows: &[(String, HqEntry)]) {
    let sink = client
        .copy_in(&format!(
            "COPY {table} (id, origin, sheet, line, region_code, abroad_country, signed_on,
                 entered_at, valid, doc_digest, person_digest) FROM STDIN (FORMAT binary)"
        ))
        .unwrap();
    let types = [
        Type::TEXT,
        Type::TEXT,
        Type::INT4,
        Type::INT4,
        Type::TEXT,
        Type::TEXT,
        Type::DATE,
        Type::TIMESTAMPTZ,
        Type::BOOL,
        Type::BYTEA,
        Type::BYTEA,
    ];
    let mut writer = BinaryCopyInWriter::new(sink, &types);
    for (origin, e) in rows {
        let (sheet, line) = (e.sheet as i32, e.line as i32);
        writer
            .write(&[
                &e.id,
                origin,
                &sheet,
                &line,
                &e.region_code,
                &e.abroad_country,
                &e.signed_on,
                &e.entered_at,
                &e.valid,
                &&e.doc_digest[..],
                &&e.person_digest[..],
            ])
            .unwrap();
    }
    writer.finish().unwrap();
}

fn push_against_copy(hq: &TestHq, secret: &CampaignSecret, table: &mut Vec<Row>) {
    let url = hq.add_point("push");
    let now = Utc::now();
    let rows: Vec<HqEntry> = (0..PUSH_ROWS).map(|n| row(secret, 0, n, now)).collect();
    let mut admin = hq.admin();
    admin
        .batch_execute("CREATE TABLE public.bare_copy (LIKE hq.entries INCLUDING ALL)")
        .unwrap();
    let named: Vec<(String, HqEntry)> = rows.iter().map(|e| ("push".into(), e.clone())).collect();
    let (mut pushes, mut copies) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let tables = "hq.entries, hq.tallies, public.bare_copy";
        pushes.push(timed_push(&mut admin, tables, &url, secret, &rows, BATCH));
        admin.batch_execute("CHECKPOINT").unwrap();
        let started = Instant::now();
        copy_rows(&mut admin, "public.bare_copy", &named);
        copies.push(started.elapsed());
    }
    let counted: i64 = admin
        .query_one("SELECT count(*) FROM hq.entries", &[])
        .unwrap()
        .get(0);
    assert_eq!(counted as usize, PUSH_ROWS);
    for batch_size in OTHER_BATCHES {
        let mut runs = Vec::new();
        for _ in 0..3 {
            let tables = "hq.entries, hq.tallies";
            runs.push(timed_push(
                &mut admin, tables, &url, secret, &rows, batch_size,
            ));
        }
        let run = median(runs);
        table.push((
            format!("push {PUSH_ROWS} entries in batches of {batch_size}"),
            ms(run),
            "—".into(),
            "",
        ));
    }
    let (push, copy) = (median(pushes), median(copies));
    let ratio = push.as_secs_f64() / copy.as_secs_f64();
    println!(
        "push {PUSH_ROWS}: {} (COPY {}), {ratio:.2}×",
        ms(push),
        ms(copy)
    );
    table.push((
        format!(
            "push {PUSH_ROWS} entries in batches of {BATCH} / bare binary COPY of the same rows"
        ),
        format!("{} / {} = {ratio:.2}×", ms(push), ms(copy)),
        "≤ 2×".into(),
        yes(ratio <= 2.0),
    ));
    admin
        .batch_execute("TRUNCATE hq.entries, hq.tallies; DROP TABLE public.bare_copy")
        .unwrap();
}

/// Runs `command` to its end; it must succeed (its stderr is the message).
fn run_ok(command: &mut Command) {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Empties `tables` and times a newly connected point pushing `rows` in batches of `batch`.
fn timed_push(
    admin: &mut postgres::Client,
    tables: &str,
    url: &str,
    secret: &CampaignSecret,
    rows: &[HqEntry],
    batch: usize,
) -> Duration {
    admin
        .batch_execute(&format!("TRUNCATE {tables}; CHECKPOINT"))
        .unwrap();
    let mut point = hq::connect(url, SYNC_TIMEOUT)
        .unwrap()
        .as_point(secret)
        .unwrap();
    let started = Instant::now();
    for chunk in rows.chunks(batch) {
        point.push(chunk).unwrap();
    }
    started.elapsed()
}

/// 1,000,000 entries from 200 points, saved over 30 days (a few in the last hour).
fn load_million(hq: &TestHq, secret: &CampaignSecret) {
    let started = Instant::now();
    let mut admin = hq.admin();
    for p in 0..HQ_POINTS {
        admin
            .execute(
                "INSERT INTO hq.points(name, role, last_sync) VALUES ($1, $2, now())",
                &[&format!("point-{p:03}"), &format!("{}_fake{p}", hq.db)],
            )
            .unwrap();
    }
    let now = Utc::now();
    let per_point = HQ_ROWS / HQ_POINTS;
    let span = Days::days(30).num_seconds();
    for chunk in 0..10 {
        let rows: Vec<(String, HqEntry)> = (chunk * HQ_ROWS / 10..(chunk + 1) * HQ_ROWS / 10)
            .map(|i| {
                let (point, n) = (i % HQ_POINTS, i / HQ_POINTS);
                let at = now - Days::seconds(span - span * n as i64 / per_point as i64);
                (format!("point-{point:03}"), row(secret, point, n, at))
            })
            .collect();
        copy_rows(&mut admin, "hq.entries", &rows);
    }
    admin
        .batch_execute("VACUUM ANALYZE hq.entries, hq.tallies")
        .unwrap();
    println!(
        "loaded {HQ_ROWS} entries in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

fn stats_and_check(hq: &TestHq, table: &mut Vec<Row>) {
    let url = hq.admin_url();
    let mut runs = Vec::new();
    for _ in 0..10 {
        let started = Instant::now();
        let mut session = hq::connect(&url, SYNC_TIMEOUT).unwrap();
        let overview = session.overview(false).unwrap();
        session.campaign().unwrap();
        runs.push(started.elapsed());
        assert_eq!(overview.points.len(), HQ_POINTS + 1);
        assert_eq!(
            overview
                .points
                .iter()
                .map(|p| p.valid + p.voided)
                .sum::<u64>(),
            HQ_ROWS as u64
        );
    }
    let library = median(runs);
    let mut runs = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        run_ok(Command::new(SIGDESK).args(["hq", "stats", "--json", "--url", &url]));
        runs.push(started.elapsed());
    }
    let process = median(runs);
    table.push((
        format!("`hq stats` over {HQ_ROWS} entries from {HQ_POINTS} points: connect + read"),
        ms(library),
        "≤ 300 ms".into(),
        yes(library <= Duration::from_millis(300)),
    ));
    table.push((
        "the same as the `sigdesk hq stats --json` process".into(),
        ms(process),
        "≤ 300 ms".into(),
        yes(process <= Duration::from_millis(300)),
    ));
    let started = Instant::now();
    let out = Command::new(SIGDESK)
        .args(["hq", "check", "--json", "--url", &url])
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c == 0 || c == 3));
    table.push((
        format!("`hq check` over {HQ_ROWS} entries (every digest grouped)"),
        ms(started.elapsed()),
        "—".into(),
        "",
    ));
}

fn lookups(hq: &TestHq, secret: &CampaignSecret, table: &mut Vec<Row>) {
    let url = hq.add_point("asking");
    let mut point = hq::connect(&url, SYNC_TIMEOUT)
        .unwrap()
        .as_point(secret)
        .unwrap();
    let now = Utc::now();
    let mut rng = fastrand::Rng::with_seed(14);
    let mut times = Vec::new();
    let mut hits = 0;
    for i in 0..4000 {
        let (p, n) = (rng.usize(..HQ_POINTS), rng.usize(..HQ_ROWS / HQ_POINTS));
        // Every other one is a document nobody has.
        let probe = row(secret, p, if i % 2 == 0 { n } else { n + 900_000 }, now);
        let digests = Digests {
            document: Some(probe.doc_digest),
            person: Some(probe.person_digest),
        };
        let started = Instant::now();
        let answer = point.lookup(&digests, None).unwrap();
        times.push(started.elapsed());
        hits += usize::from(answer.document.is_some());
    }
    times.sort();
    let (p50, p99) = (times[times.len() / 2], times[times.len() * 99 / 100]);
    println!("lookups: {hits} hits, p50 {}, p99 {}", ms(p50), ms(p99));
    table.push((
        format!("one lookup, {HQ_ROWS} digests at HQ, loopback: p50 / p99"),
        format!("{} / {}", ms(p50), ms(p99)),
        "p99 ≤ 5 ms".into(),
        yes(p99 <= Duration::from_millis(5)),
    ));
}

/// A plain point database at `path` linked to `url`, with `count` entries of seed `seed`.
fn point_db(path: &Path, url: &str, secret: &str, seed: u32, count: usize) {
    let regions = RegionCatalog::embedded().unwrap();
    let people = sigdesk::dev::people::People::embedded(&regions).unwrap();
    let mut store = Store::open(path, &regions).unwrap();
    store.relax_durability_for_generated_data().unwrap();
    let lead = Actor {
        desk: "cli".into(),
        operator: "lead".into(),
    };
    let now = Utc::now();
    // The binary refuses a database without a lead PIN (not made whole by sigdesk).
    store.set_lead_pin("2468", &lead, now).unwrap();
    store.set_hq_url(url, &lead, now).unwrap();
    store
        .set_hq_secret(&CampaignSecret::parse(secret).unwrap(), &lead, now)
        .unwrap();
    let entries: Vec<Entry> = (0..count)
        .map(|n| Entry {
            id: format!("0190ab00-0000-7000-9{seed:03x}-{n:012x}"),
            origin: format!("p{seed}"),
            sheet: (n / 10 + 1) as u32,
            line: (n % 10 + 1) as u32,
            signer: people.numbered(seed, n as u32, now.date_naive()).unwrap(),
            ticket: None,
            desk: "desk-1".into(),
            operator: "op".into(),
            entered_at: now,
            status: EntryStatus::Valid,
            void_reason: String::new(),
        })
        .collect();
    store.import_entries(&entries, &lead, now, "bench").unwrap();
}

fn fifty_points(hq: &TestHq, secret: &str, table: &mut Vec<Row>) {
    let dir = tempfile::tempdir().unwrap();
    let dbs: Vec<_> = (0..SYNCING)
        .map(|i| {
            let url = hq.add_point(&format!("syncing-{i:02}"));
            let path = dir.path().join(format!("p{i}.db"));
            point_db(&path, &url, secret, 100 + i as u32, PER_SYNCING);
            path
        })
        .collect();
    let started = Instant::now();
    let children: Vec<_> = dbs
        .iter()
        .map(|db| {
            Command::new(SIGDESK)
                .arg("--db")
                .arg(db)
                .args(["--no-encrypt", "sync", "--once"])
                .env("LANG", "C.UTF-8")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs: Vec<_> = children.into_iter().map(|c| c.wait_with_output()).collect();
    let elapsed = started.elapsed();
    let failed = outputs
        .iter()
        .filter(|out| !out.as_ref().is_ok_and(|o| o.status.success()))
        .count();
    for out in outputs.iter().flatten().filter(|o| !o.status.success()) {
        println!("failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let mut exact = 0;
    for i in 0..SYNCING {
        let name = format!("syncing-{i:02}");
        exact += usize::from(hq.counted(&name) == (PER_SYNCING as i64, 0))
            & usize::from(hq.tallied(&name) == (PER_SYNCING as i64, 0));
    }
    table.push((
        format!("{SYNCING} `sync --once` processes at once, {PER_SYNCING} entries each"),
        format!(
            "{} wall; {failed} failed; {exact} of {SYNCING} exact",
            ms(elapsed)
        ),
        "no errors, totals exact".into(),
        yes(failed == 0 && exact == SYNCING),
    ));
}

fn one_point_sync(hq: &TestHq, secret: &str, table: &mut Vec<Row>) {
    let dir = tempfile::tempdir().unwrap();
    let url = hq.add_point("big");
    let path = dir.path().join("big.db");
    point_db(&path, &url, secret, 900, PUSH_ROWS);
    let started = Instant::now();
    run_ok(
        Command::new(SIGDESK)
            .arg("--db")
            .arg(&path)
            .args(["--no-encrypt", "sync", "--once"]),
    );
    table.push((
        format!(
            "`sync --once` of a point with {PUSH_ROWS} waiting entries (read, digest, push, pull)"
        ),
        ms(started.elapsed()),
        "—".into(),
        "",
    ));
    assert_eq!(hq.counted("big"), (PUSH_ROWS as i64, 0));
}
