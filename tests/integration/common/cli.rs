//! Shared helpers of the protection tests: a collection point in a temp dir, the real
//! binary with or without secrets in its environment, and valid signer CSV files.

use assert_cmd::Command;
use chrono::{Duration, Utc};
use std::path::{Path, PathBuf};
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
    pub fn new() -> Point {
        Point {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("s.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write file");
        path
    }

    /// `sigdesk --db s.db ARGS` with no secrets in the environment and no terminal.
    pub fn bare(&self, args: &[&str]) -> Command {
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
            .env("SIGDESK_CONFIG_DIR", self.dir.path().join("config"))
            .arg("--db")
            .arg(self.db())
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
        let mut cmd = self.bare(&[]);
        cmd.arg("--no-encrypt")
            .args(args)
            .env("SIGDESK_LEAD_PIN", LEAD_PIN);
        cmd
    }

    /// stdout of a command that must succeed.
    pub fn stdout(&self, cmd: &mut Command) -> String {
        let out = cmd.assert().success().get_output().stdout.clone();
        String::from_utf8(out).expect("utf-8 stdout")
    }

    /// stderr of a command that must exit with `code`.
    pub fn stderr_of_failure(&self, cmd: &mut Command, code: i32) -> String {
        let out = cmd.assert().code(code).get_output().stderr.clone();
        String::from_utf8(out).expect("utf-8 stderr")
    }

    /// Imports `count` valid signers numbered from `first` (encrypted database).
    pub fn import_signers(&self, name: &str, first: u32, count: u32) {
        let file = self.write(name, &signers_csv(first, count));
        self.run(&["import", path_arg(&file)]).assert().success();
    }
}

impl Point {
    /// Imports `count` valid signers numbered from `first` into a training database.
    pub fn train_signers(&self, first: u32, count: u32) {
        let file = self.write("signers.csv", &signers_csv(first, count));
        self.train(&["import", path_arg(&file)]).assert().success();
    }
}

pub fn path_arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
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
    let signed = (Utc::now().date_naive() - Duration::days(3)).to_string();
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
