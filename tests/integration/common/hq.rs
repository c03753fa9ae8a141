//! A campaign HQ for one test on the CI machine's PostgreSQL (127.0.0.1:5432, trust auth,
//! role `root`): its own database, made for the test and dropped with it, and the points'
//! roles (named after the database, since roles are cluster-wide) dropped too, also when
//! the test fails. Without a server each HQ test prints one skip line and passes, unless
//! `SIGDESK_REQUIRE_PG=1` is set: then it fails.

use super::cli::{LEAD_PIN, Output, Point, path_arg};
use assert_cmd::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// The CI server, as its owner.
pub const SERVER: &str = "postgresql://root@127.0.0.1:5432";

/// A test's HQ database; dropped (with its roles) when the value goes.
pub struct TestHq {
    /// Database name; every role of this HQ starts with it.
    pub db: String,
}

/// Connects to `url` (plain: the CI server speaks TLS only if asked).
pub fn client(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).expect("connect to PostgreSQL")
}

fn server_answers() -> bool {
    let mut config: postgres::Config = format!("{SERVER}/test").parse().expect("url");
    config.connect_timeout(Duration::from_secs(3));
    config.connect(postgres::NoTls).is_ok()
}

impl TestHq {
    /// A new empty database for test `name`; `None` (after one skip line) when no server
    /// answers and `SIGDESK_REQUIRE_PG` is not set.
    pub fn new(name: &str) -> Option<TestHq> {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        if !server_answers() {
            let required = std::env::var("SIGDESK_REQUIRE_PG").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "{name}: no PostgreSQL on 127.0.0.1:5432 and SIGDESK_REQUIRE_PG=1"
            );
            eprintln!("skipped {name}: no PostgreSQL on 127.0.0.1:5432");
            return None;
        }
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let db = format!("sdt_{}_{n}", std::process::id());
        client(&format!("{SERVER}/test"))
            .batch_execute(&format!("CREATE DATABASE {db}"))
            .expect("create the test database");
        Some(TestHq { db })
    }

    /// The owner's URL.
    pub fn admin_url(&self) -> String {
        format!("{SERVER}/{}", self.db)
    }

    /// A session as the owner.
    pub fn admin(&self) -> postgres::Client {
        client(&self.admin_url())
    }

    /// A session as `role` (trust auth: no password needed on the CI server).
    pub fn as_role(&self, role: &str) -> postgres::Client {
        client(&format!("postgresql://{role}@127.0.0.1:5432/{}", self.db))
    }

    /// `sigdesk hq ARGS --url ADMIN` (no point database is involved).
    pub fn hq(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sigdesk"));
        cmd.env_remove("SIGDESK_HQ_URL")
            .env_remove("SIGDESK_DB")
            .env("LANG", "C.UTF-8")
            .arg("hq")
            .args(args)
            .arg("--url")
            .arg(self.admin_url());
        cmd
    }

    /// `hq init`: the campaign secret it printed.
    pub fn init(&self) -> String {
        self.hq(&["init"]).stdout_ok().trim().to_string()
    }

    /// `hq add-point NAME`: the URL it printed.
    pub fn add_point(&self, name: &str) -> String {
        self.hq(&["add-point", name]).stdout_ok().trim().to_string()
    }

    /// The role of point `name`.
    pub fn role_of(&self, name: &str) -> String {
        self.admin()
            .query_one("SELECT role::text FROM hq.points WHERE name = $1", &[&name])
            .expect("point's role")
            .get(0)
    }

    /// Valid and voided entries per point over HQ's rows (not its counters).
    pub fn counted(&self, point: &str) -> (i64, i64) {
        let row = self
            .admin()
            .query_one(
                "SELECT count(*) FILTER (WHERE valid), count(*) FILTER (WHERE NOT valid)
                 FROM hq.entries WHERE origin = $1",
                &[&point],
            )
            .expect("count");
        (row.get(0), row.get(1))
    }

    /// Valid and voided entries per point as HQ's counters keep them.
    pub fn tallied(&self, point: &str) -> (i64, i64) {
        let row = self
            .admin()
            .query_one(
                "SELECT coalesce(sum(valid), 0)::bigint, coalesce(sum(voided), 0)::bigint
                 FROM hq.tallies WHERE origin = $1",
                &[&point],
            )
            .expect("tally");
        (row.get(0), row.get(1))
    }

    /// Ends every session on this database, as a restart of HQ's server would.
    pub fn restart(&self) {
        client(&format!("{SERVER}/test"))
            .execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                 WHERE datname = $1 AND pid <> pg_backend_pid()",
                &[&self.db],
            )
            .expect("terminate backends");
    }

    /// A training point named `name` linked to this HQ with `secret`.
    pub fn point(&self, name: &str, secret: &str) -> Point {
        let url = self.add_point(name);
        let point = Point::training();
        point.set("point", name);
        point.set("hq_url", &url);
        point
            .train(&["campaign", "set", "hq_secret", "-"])
            .write_stdin(format!("{secret}\n"))
            .assert()
            .success();
        point
    }
}

impl Drop for TestHq {
    fn drop(&mut self) {
        let mut server = client(&format!("{SERVER}/test"));
        let _ = server.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.db));
        let roles: Vec<String> = server
            .query(
                "SELECT rolname::text FROM pg_roles WHERE starts_with(rolname, $1)",
                &[&format!("{}_", self.db)],
            )
            .map(|rows| rows.iter().map(|r| r.get(0)).collect())
            .unwrap_or_default();
        // Points' roles first: the group cannot go while it has members.
        for role in roles
            .iter()
            .filter(|r| !r.ends_with("_point"))
            .chain(roles.iter())
        {
            let _ = server.batch_execute(&format!("DROP ROLE IF EXISTS \"{role}\""));
        }
    }
}

impl Point {
    /// `sigdesk sync --once` on this training point.
    pub fn sync_once(&self) -> Command {
        let mut cmd = self.train(&["sync", "--once"]);
        cmd.env("SIGDESK_LEAD_PIN", LEAD_PIN);
        cmd
    }

    /// Saves `count` signers with the `script` writer (seeded: the same seed gives the same
    /// people at any point).
    pub fn save_signers(&self, desk: &str, count: u32, seed: u64) {
        let mut script = self.train(&["script", "--desk", desk, "--operator", "op"]);
        script
            .write_stdin(format!("save {count} {seed}\n"))
            .assert()
            .success();
    }

    /// Imports the CSV text as a file named `name` into this training point.
    pub fn import_text(&self, name: &str, text: &str) -> Command {
        let file = self.write(name, text);
        self.train(&["import", path_arg(&file)])
    }
}
