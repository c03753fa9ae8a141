//! Faults between a point and HQ: `sync` killed with SIGKILL mid-batch, the network cut,
//! HQ's server restarting, a wrong campaign secret. Nothing is lost, nothing counted
//! twice, the next round catches up, and a desk never waits for HQ.

use crate::common::cli::{Output, Point, signers_csv};
use crate::common::db::{all_entries, lead};
use crate::common::hq::TestHq;
use crate::common::proxy::Proxy;
use chrono::Utc;
use sigdesk::domain::hq::CampaignSecret;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// Kills of `sync` in the default run (the issue asks for 50).
const KILLS: u32 = 50;

/// Valid and voided entries in the point's own database.
fn local_counts(point: &Point) -> (i64, i64) {
    let entries = all_entries(&point.store());
    let valid = entries
        .iter()
        .filter(|e| e.status == sigdesk::domain::EntryStatus::Valid)
        .count() as i64;
    (valid, entries.len() as i64 - valid)
}

/// `sync` in a loop (one round a second), its stdout lines arriving on the receiver.
fn sync_loop(point: &Point, extra: &[&str]) -> (Child, Receiver<String>) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sigdesk"));
    cmd.current_dir(point.dir.path())
        .env("LANG", "C.UTF-8")
        .env_remove("SIGDESK_DB")
        .arg("--db")
        .arg(point.db())
        .args(["--no-encrypt", "sync", "--every", "1"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn sync");
    let (tx, lines) = mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    (child, lines)
}

/// Waits up to a minute for a line containing `text`.
fn wait_for(lines: &Receiver<String>, text: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(text) => return line,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    panic!("no line with `{text}` within a minute");
}

#[test]
fn sync_killed_mid_batch_fifty_times_loses_and_doubles_nothing() {
    let Some(hq) = TestHq::new("kill_sync") else {
        return;
    };
    let secret = hq.init();
    let point = hq.point("Kazan", &secret);
    point
        .import_text("signers.csv", &signers_csv(0, 2000))
        .assert()
        .success();
    let parsed = CampaignSecret::parse(&secret).unwrap();
    let mut rng = fastrand::Rng::with_seed(14);
    let mut interrupted = 0;
    for kill in 0..KILLS {
        let mut store = point.store();
        if kill % 10 == 9 {
            let victim = &all_entries(&store)[kill as usize];
            store
                .void_entry(&victim.id, "typo", &lead(), Utc::now())
                .unwrap();
        }
        // Everything waits again (the digests would be new under a new secret).
        store.set_hq_secret(&parsed, &lead(), Utc::now()).unwrap();
        drop(store);
        let (mut child, _lines) = sync_loop(&point, &["--batch", "20"]);
        std::thread::sleep(Duration::from_millis(rng.u64(30..300)));
        child.kill().expect("SIGKILL sync");
        child.wait().expect("reap sync");
        let waiting = point.store().hq_pending().unwrap();
        interrupted += u32::from(waiting > 0);
        let (valid, voided) = hq.counted("Kazan");
        assert!(
            valid + voided <= 2000,
            "kill {kill}: more rows than entries"
        );
    }
    assert!(
        interrupted >= KILLS / 2,
        "only {interrupted} kills landed mid-push"
    );
    point.sync_once().succeeds_printing("0 waiting");
    assert_eq!(local_counts(&point), (1995, 5));
    assert_eq!(hq.counted("Kazan"), (1995, 5));
    assert_eq!(hq.tallied("Kazan"), (1995, 5));
}

#[test]
fn a_cut_network_and_a_restarted_hq_are_caught_up_and_never_block_a_save() {
    let Some(hq) = TestHq::new("network_cut") else {
        return;
    };
    let secret = hq.init();
    let point = hq.point("Minsk", &secret);
    let proxy = Proxy::start("127.0.0.1:5432");
    let url = point_url_via(&hq, "Minsk", proxy.port(), &point);
    point.save_signers("d1", 20, 1);
    let (mut child, lines) = sync_loop(&point, &["--hq", &url, "--batch", "5"]);
    wait_for(&lines, "pushed 20, 0 waiting");
    proxy.cut();
    wait_for(&lines, "does not answer");
    // Desks keep saving while HQ is away.
    let started = Instant::now();
    point.save_signers("d1", 30, 2);
    assert!(started.elapsed() < Duration::from_secs(10));
    let state = point.store().hq_state().unwrap();
    assert!(state.offline_since.is_some(), "{state:?}");
    assert!(state.last_error.contains("does not answer"), "{state:?}");
    proxy.restore();
    wait_for(&lines, "0 waiting; campaign 50 valid");
    assert_eq!(hq.counted("Minsk"), (50, 0));
    assert!(point.store().hq_state().unwrap().offline_since.is_none());
    // HQ's server restarts (every session of the database ends) while rounds go on.
    point.save_signers("d1", 10, 3);
    hq.restart();
    point.save_signers("d1", 10, 4);
    wait_for(&lines, "0 waiting; campaign 70 valid");
    assert_eq!(hq.counted("Minsk"), (70, 0));
    assert_eq!(hq.tallied("Minsk"), (70, 0));
    child.kill().unwrap();
    child.wait().unwrap();
}

/// The point's URL through the proxy on `port` (its password from `hq add-point`, kept in
/// the point's link).
fn point_url_via(hq: &TestHq, name: &str, port: u16, point: &Point) -> String {
    let link = point.store().hq_link().unwrap();
    let stored = link.url.unwrap();
    let config: postgres::Config = stored.parse().unwrap();
    let password = String::from_utf8(config.get_password().unwrap().to_vec()).unwrap();
    format!(
        "postgresql://{}:{password}@127.0.0.1:{port}/{}?sslmode=disable",
        hq.role_of(name),
        hq.db
    )
}

#[test]
fn an_unreachable_hq_fails_a_round_in_seconds_with_one_line() {
    let Some(hq) = TestHq::new("unreachable") else {
        return;
    };
    let secret = hq.init();
    let point = hq.point("Omsk", &secret);
    let started = Instant::now();
    // A non-routable address: nothing refuses, the connection times out.
    let err = point
        .train(&[
            "sync",
            "--once",
            "--hq",
            "postgresql://x@10.255.255.1:5432/x?connect_timeout=2",
        ])
        .stderr_of(1);
    assert!(err.contains("does not answer"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(started.elapsed() < Duration::from_secs(15));
    assert!(point.store().hq_state().unwrap().offline_since.is_some());
}

#[test]
fn a_wrong_secret_pushes_nothing_and_hq_check_names_the_likely_culprit() {
    let Some(hq) = TestHq::new("wrong_secret") else {
        return;
    };
    let secret = hq.init();
    let other = CampaignSecret::from_bytes([7; 32]).text();
    let wrong = hq.point("Tver", &other);
    wrong.save_signers("d1", 5, 1);
    wrong
        .sync_once()
        .fails_saying(1, "campaign secret differs from HQ's");
    assert_eq!(hq.counted("Tver"), (0, 0));
    // Digests made under another secret (an old sigdesk that did not compare fingerprints,
    // a secret changed at HQ) match nothing: `hq check` says so.
    let london = hq.point("London", &secret);
    let berlin = hq.point("Berlin", &secret);
    london.save_signers("d1", 60, 1);
    berlin.save_signers("d1", 2, 1);
    london.sync_once().assert().success();
    berlin.sync_once().assert().success();
    let mut tver = hq.as_role(&hq.role_of("Tver"));
    let regions: Vec<String> = hq
        .admin()
        .query(
            "SELECT DISTINCT region_code FROM hq.entries WHERE origin = 'London'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    for n in 0..60u8 {
        let region = &regions[usize::from(n) % regions.len()];
        tver.execute(
            "INSERT INTO hq.entries(id, origin, sheet, line, region_code, signed_on, entered_at,
                 valid, doc_digest, person_digest)
             VALUES ($1, 'Tver', $2, 1, $3, current_date, now(), true, $4, $5)",
            &[
                &format!("tver-{n}"),
                &i32::from(n + 1),
                region,
                &vec![n; 32],
                &vec![n ^ 0xff; 32],
            ],
        )
        .unwrap();
    }
    tver.execute("SELECT hq.round_done()", &[]).unwrap();
    let found = hq.hq(&["check"]).stdout_of(3);
    assert!(found.contains("point.secret (warning): 1"), "{found}");
    assert!(
        found.contains("Tver: none of its entries matches"),
        "{found}"
    );
}
