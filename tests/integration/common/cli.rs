//! The real binary as a lead runs it: a collection point in a temp dir, `sigdesk` command
//! lines with or without secrets in the environment, their output, `sigdesk script` child
//! processes, and valid signer CSV files.

use super::db::open_store_for_cli;
use assert_cmd::Command;
use chrono::{Duration, Utc};
use sigdesk::store::{Key, Store};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::thread::JoinHandle;
use tempfile::TempDir;

/// The passphrase the tests give: Cyrillic and spaces on purpose.
pub const PASSPHRASE: &str = "ключ от 3 дверей";
/// The lead PIN the tests give.
pub const LEAD_PIN: &str = "2468";

/// The export/import header (DESIGN.md §9).
pub const HEADER: &str = "id,origin,sheet,line,surname,given_name,patronymic,birth_date,doc_kind,doc_series,doc_number,region_code,region,abroad_country,address,signed_on,desk,operator,entered_at,status,void_reason";

const SURNAMES: [&str; 5] = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов"];

/// A collection point: a temp dir with `s.db` in it (created on first use).
pub struct Point {
    pub dir: TempDir,
}

impl Point {
    /// A new point in its own temp dir.
    pub fn new() -> Point {
        Point {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A point whose encrypted database `sigdesk campaign show` has created.
    pub fn encrypted() -> Point {
        let point = Point::new();
        point.run(&["campaign", "show"]).assert().success();
        point
    }

    /// A point whose training database `sigdesk campaign show` has created.
    pub fn training() -> Point {
        let point = Point::new();
        point.train(&["campaign", "show"]).assert().success();
        point
    }

    /// Its database.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("s.db")
    }

    /// A file in its folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file in its folder.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write file");
        path
    }

    /// Its plain database opened (created) with the library, with the lead PIN the
    /// commands are given (the binary refuses a database without one).
    pub fn store(&self) -> Store {
        open_store_for_cli(&self.db(), LEAD_PIN)
    }

    /// `sigdesk --db s.db ARGS` with no secrets in the environment and no terminal.
    pub fn bare(&self, args: &[&str]) -> Command {
        self.bare_on(&self.db(), args)
    }

    /// `sigdesk --db DB ARGS` run in the point's folder, with no secrets in the
    /// environment and no terminal.
    pub fn bare_on(&self, db: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sigdesk"));
        cmd.current_dir(self.dir.path())
            .env_remove("SIGDESK_DB")
            .env_remove("SIGDESK_PASSPHRASE")
            .env_remove("SIGDESK_NEW_PASSPHRASE")
            .env_remove("SIGDESK_LEAD_PIN")
            .env_remove("SIGDESK_NEW_LEAD_PIN")
            .env_remove("LC_ALL")
            .env("LANG", "C.UTF-8")
            .env("USER", "lead-olga")
            .arg("--db")
            .arg(db)
            .args(args);
        cmd
    }

    /// `sigdesk --db s.db ARGS` with the passphrase and the lead PIN in the environment.
    pub fn run(&self, args: &[&str]) -> Command {
        let mut cmd = self.bare(args);
        cmd.env("SIGDESK_PASSPHRASE", PASSPHRASE)
            .env("SIGDESK_LEAD_PIN", LEAD_PIN);
        cmd
    }

    /// `sigdesk --no-encrypt --db s.db ARGS` with the lead PIN: a training database, for
    /// tests about something else than encryption (key derivation costs a tenth of a second
    /// per process).
    pub fn train(&self, args: &[&str]) -> Command {
        self.train_on(&self.db(), args)
    }

    /// `sigdesk --no-encrypt --db DB ARGS` with the lead PIN, run in the point's folder.
    pub fn train_on(&self, db: &Path, args: &[&str]) -> Command {
        let mut cmd = self.bare_on(db, &["--no-encrypt"]);
        cmd.args(args).env("SIGDESK_LEAD_PIN", LEAD_PIN);
        cmd
    }

    /// `campaign set KEY VALUE` on the training database; it must succeed.
    pub fn set(&self, key: &str, value: &str) {
        self.train(&["campaign", "set", key, value])
            .assert()
            .success();
    }

    /// Imports `count` valid signers numbered from `first` (encrypted database).
    pub fn import_signers(&self, name: &str, first: u32, count: u32) {
        let file = self.write(name, &signers_csv(first, count));
        self.run(&["import", path_arg(&file)]).assert().success();
    }

    /// Imports `count` valid signers numbered from `first` into a training database.
    pub fn train_signers(&self, first: u32, count: u32) {
        let file = self.write("signers.csv", &signers_csv(first, count));
        self.train(&["import", path_arg(&file)]).assert().success();
    }
}

/// What a finished command printed, once its exit code is checked.
pub trait Output {
    /// stdout of a command that must exit with `code`.
    fn stdout_of(&mut self, code: i32) -> String;
    /// stderr of a command that must exit with `code`.
    fn stderr_of(&mut self, code: i32) -> String;
    /// stdout of a command that must succeed.
    fn stdout_ok(&mut self) -> String {
        self.stdout_of(0)
    }
    /// Fails unless the command succeeds and its stdout contains `text`.
    #[track_caller]
    fn succeeds_printing(&mut self, text: &str) {
        let out = self.stdout_ok();
        assert!(out.contains(text), "`{text}` not in stdout:\n{out}");
    }
    /// Fails unless the command exits with `code` and its stderr contains `text`.
    #[track_caller]
    fn fails_saying(&mut self, code: i32, text: &str) {
        let err = self.stderr_of(code);
        assert!(err.contains(text), "`{text}` not in stderr:\n{err}");
    }
}

impl Output for Command {
    fn stdout_of(&mut self, code: i32) -> String {
        let out = self.assert().code(code).get_output().stdout.clone();
        String::from_utf8(out).expect("utf-8 stdout")
    }

    fn stderr_of(&mut self, code: i32) -> String {
        let out = self.assert().code(code).get_output().stderr.clone();
        String::from_utf8(out).expect("utf-8 stderr")
    }
}

/// Starts `sigdesk script` as `desk` on the database at `db` (plain unless `key` has a
/// passphrase), with `input` on its stdin (then closed) and stdout and stderr piped.
pub fn script(db: &Path, key: &Key, desk: &str, input: &str) -> Child {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sigdesk"));
    cmd.arg("--db").arg(db);
    match key {
        Key::Plain => cmd.arg("--no-encrypt"),
        Key::Passphrase(secret) => cmd.env("SIGDESK_PASSPHRASE", secret),
    };
    let mut child = cmd
        .args(["script", "--desk", desk, "--operator", "op"])
        .env("LANG", "C.UTF-8")
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .env_remove("SIGDESK_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sigdesk script");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write commands");
    child
}

/// Reads a `script` child's output on a thread while it runs (a full pipe would stall
/// it); the thread returns its lines once it exited cleanly, with nothing on stderr and no
/// `error` line.
pub fn script_output(name: String, child: Child) -> JoinHandle<Vec<String>> {
    std::thread::spawn(move || {
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {stderr}");
        assert!(stderr.trim().is_empty(), "{name} wrote to stderr: {stderr}");
        let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        let errors: Vec<&String> = lines.iter().filter(|l| l.starts_with("error")).collect();
        assert!(errors.is_empty(), "{name} reported errors: {errors:?}");
        lines
    })
}

/// The `q` quantile (0 to 1) of sorted figures, such as a `script` child's latencies.
pub fn percentile(sorted: &[u64], q: f64) -> u64 {
    sorted[((sorted.len() - 1) as f64 * q) as usize]
}

/// A path as a command-line argument.
pub fn path_arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A date `days` before today, as ISO text.
pub fn days_ago(days: i64) -> String {
    (Utc::now().date_naive() - Duration::days(days)).to_string()
}

/// The surname of signer `n`.
pub fn surname(n: u32) -> &'static str {
    SURNAMES[n as usize % SURNAMES.len()]
}

/// The passport number of signer `n` (series 4506).
pub fn passport_number(n: u32) -> String {
    format!("{:06}", 700_000 + n)
}

/// `count` valid Moscow signers numbered from `first`, signed three days ago, from another
/// point (so their sheets never clash with this one's).
pub fn signers_csv(first: u32, count: u32) -> String {
    let signed = days_ago(3);
    let mut text = format!("{HEADER}\n");
    for n in first..first + count {
        text.push_str(&format!(
            "0190a1b2-0000-7000-8000-{n:012},point-9,{sheet},{line},{surname},Анна,Сергеевна,1980-02-{day:02},internal_passport,4506,{number},77,Москва,,\"г. Москва, ул. Тверская, д. 7\",{signed},desk-1,Anna,2024-03-10T09:30:00Z,valid,\n",
            sheet = 100 + n / 10,
            line = n % 10 + 1,
            surname = surname(n),
            day = n % 28 + 1,
            number = passport_number(n),
        ));
    }
    text
}

/// Whether `needle` occurs in the raw bytes.
pub fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// The bytes of a file, or nothing when it does not exist.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

/// `p` with `suffix` appended to its file name (`s.db` → `s.db-wal`).
pub fn sibling(p: &Path, suffix: &str) -> PathBuf {
    let mut name = p.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
