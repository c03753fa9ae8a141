//! Shared helpers of the desk tests: a signed-in desk on its own temp database, driven by
//! key presses only, with a fixed clock.

pub mod board_day;
pub mod cli;

use chrono::{DateTime, TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sigdesk::domain::RegionCatalog;
use sigdesk::i18n::Lang;
use sigdesk::store::{Actor, Store};
use sigdesk::tui::SignInOptions;
use sigdesk::tui::form::Form;
use sigdesk::tui::model::Model;
use sigdesk::tui::msg::Msg;
use std::path::Path;
use std::sync::OnceLock;

/// The fixed instant every desk test runs at: Sunday 10 March 2024, 09:30 UTC.
pub fn fixed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 10, 9, 30, 0)
        .single()
        .expect("valid time")
}

/// Points `SIGDESK_CONFIG_DIR` (where the last sign-in is remembered) into the target dir,
/// once per test binary, before any test reads the environment.
#[allow(
    unsafe_code,
    reason = "edition 2024 marks set_var unsafe; the OnceLock orders it"
)]
pub fn isolate_config() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sigdesk-config");
        // SAFETY: every test calls this first; the OnceLock makes the others wait until the
        // variable is set, so no thread reads the environment while it changes.
        unsafe { std::env::set_var("SIGDESK_CONFIG_DIR", dir) };
    });
}

/// Opens (creating) the database at `path`.
pub fn open_store(path: &Path) -> Store {
    let regions = RegionCatalog::embedded().expect("embedded regions");
    Store::open(path, &regions).expect("open store")
}

/// A new database at `dir/s.db`, copied from one created once per test binary: much faster
/// than creating the schema for every case of a fuzz test.
pub fn fresh_db(dir: &Path) -> std::path::PathBuf {
    static TEMPLATE: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = TEMPLATE.get_or_init(|| {
        let template = tempfile::tempdir().expect("temp dir");
        let path = template.path().join("template.db");
        // Closing the only connection checkpoints the log into the file.
        drop(open_store(&path));
        std::fs::read(&path).expect("read the template")
    });
    let path = dir.join("s.db");
    std::fs::write(&path, bytes).expect("write a fresh database");
    path
}

/// Changes one campaign setting, as `sigdesk campaign set` does.
pub fn set_campaign(store: &mut Store, key: &str, value: &str) {
    let mut campaign = store.campaign().expect("campaign");
    campaign.set(key, value).expect("valid setting");
    let lead = Actor {
        desk: "cli".into(),
        operator: "lead".into(),
    };
    store
        .save_campaign(&campaign, &lead, fixed_now())
        .expect("save campaign");
}

/// A desk process: its own connection to the database and its own model.
pub struct Desk {
    pub store: Store,
    pub model: Model,
}

impl Desk {
    /// A desk signed in as `desk`/`operator` on the database at `path`, clock fixed, UTC.
    pub fn signed_in(path: &Path, desk: &str, operator: &str) -> Desk {
        Desk::start(
            path,
            SignInOptions {
                desk: Some(desk.into()),
                operator: Some(operator.into()),
                pin: Some("1234".into()),
            },
        )
    }

    /// A desk at the sign-in screen (no names given), clock fixed, UTC.
    pub fn at_sign_in(path: &Path) -> Desk {
        Desk::start(path, SignInOptions::default())
    }

    /// A desk signed in as `desk`/`operator` on an already open store, clock fixed, UTC.
    pub fn signed_in_on(store: Store, desk: &str, operator: &str) -> Desk {
        Desk::start_on(
            store,
            SignInOptions {
                desk: Some(desk.into()),
                operator: Some(operator.into()),
                pin: Some("1234".into()),
            },
        )
    }

    fn start(path: &Path, args: SignInOptions) -> Desk {
        Desk::start_on(open_store(path), args)
    }

    fn start_on(mut store: Store, args: SignInOptions) -> Desk {
        isolate_config();
        set_campaign(&mut store, "timezone", "UTC");
        let regions = RegionCatalog::embedded().expect("embedded regions");
        let model = sigdesk::tui::start_model(&mut store, regions, Lang::En, &args).expect("model");
        let mut desk = Desk { store, model };
        desk.send(Msg::Tick(fixed_now()));
        desk.model.form = Form::new(desk.model.today());
        desk
    }

    /// Sends one message through the real dispatch (update + effects against the store).
    pub fn send(&mut self, msg: Msg) {
        sigdesk::tui::dispatch(&mut self.model, &mut self.store, msg);
    }

    /// Presses a key with modifiers.
    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.send(Msg::Key(KeyEvent::new(code, modifiers)));
    }

    /// Presses a key alone.
    pub fn press(&mut self, code: KeyCode) {
        self.key(code, KeyModifiers::NONE);
    }

    /// Presses Ctrl and a letter.
    pub fn ctrl(&mut self, c: char) {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    /// Types text one character at a time.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// Types a whole signer from the first field, Tab between fields, ending on the
    /// address field (the signing date stays pre-filled).
    pub fn fill(&mut self, s: &Signer) {
        for (i, text) in [
            s.surname,
            s.given_name,
            s.patronymic,
            s.birth_date,
            "",
            s.document,
            s.region,
            s.address,
        ]
        .into_iter()
        .enumerate()
        {
            if i > 0 {
                self.press(KeyCode::Tab);
            }
            self.type_text(text);
        }
    }

    /// The status line text, or "" when there is none.
    pub fn status(&self) -> &str {
        self.model
            .status
            .as_ref()
            .map(|(_, text)| text.as_str())
            .unwrap_or("")
    }

    /// Codes of the current findings of the form.
    pub fn finding_codes(&self) -> Vec<&'static str> {
        self.model.form.findings.iter().map(|f| f.code()).collect()
    }

    /// Valid and voided entries in the database.
    pub fn totals(&self) -> (u64, u64) {
        self.store.entry_totals().expect("totals")
    }
}

/// A signer as the operator types them.
#[derive(Debug, Clone, Copy)]
pub struct Signer {
    pub surname: &'static str,
    pub given_name: &'static str,
    pub patronymic: &'static str,
    pub birth_date: &'static str,
    pub document: &'static str,
    pub region: &'static str,
    pub address: &'static str,
}

pub const IVANOV: Signer = Signer {
    surname: "Иванов",
    given_name: "Иван",
    patronymic: "Иванович",
    birth_date: "15.05.1985",
    document: "4506 123456",
    region: "77",
    address: "г. Москва, ул. Тверская, д. 7, кв. 12",
};

pub const PETROVA: Signer = Signer {
    surname: "Петрова",
    given_name: "Мария",
    patronymic: "Сергеевна",
    birth_date: "31121990",
    document: "4511654321",
    region: "77",
    address: "Москва, Ленинский пр-т, д. 30",
};

pub const SIDOROV: Signer = Signer {
    surname: "Сидоров",
    given_name: "Пётр",
    patronymic: "",
    birth_date: "1970-01-02",
    document: "4502 111222",
    region: "77",
    address: "Москва, ул. Арбат, д. 1",
};

/// Starts `sigdesk script` on a plain database as `desk`, with `input` on its stdin (then
/// closed) and stdout and stderr piped.
pub fn script(db: &Path, desk: &str, input: &str) -> std::process::Child {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_sigdesk"))
        .arg("--db")
        .arg(db)
        .arg("--no-encrypt")
        .args(["script", "--desk", desk, "--operator", "op"])
        .env("LANG", "C.UTF-8")
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

/// Draws the model into a `TestBackend` of this size.
pub fn draw(
    model: &Model,
    width: u16,
    height: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("terminal");
    terminal
        .draw(|f| sigdesk::tui::screens::render(f, model))
        .expect("draw");
    terminal
}

/// The drawn screen's text lines.
pub fn screen_lines(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}
