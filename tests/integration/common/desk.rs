//! The in-process desk: its own connection to a database and its own model, driven by
//! messages and key presses through the real `dispatch`, with the clock in the test's
//! hands. Benches include this file with `#[path]` to drive their screens the same way.

use super::db::{fixed_now, open_store, set_campaign};
use super::render::screen_text;
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sigdesk::i18n::Lang;
use sigdesk::store::Store;
use sigdesk::tui::SignInOptions;
use sigdesk::tui::form::Form;
use sigdesk::tui::model::{Model, Screen};
use sigdesk::tui::msg::Msg;
use std::path::Path;
use tempfile::TempDir;

/// A desk process: its own connection to the database and its own model.
pub struct Desk {
    pub store: Store,
    pub model: Model,
}

/// Sign-in with names and the session PIN `1234` given, as on the command line.
pub fn signed_in_as(desk: &str, operator: &str) -> SignInOptions {
    SignInOptions {
        desk: Some(desk.into()),
        operator: Some(operator.into()),
        pin: Some("1234".into()),
    }
}

/// `desk-1` signed in as Anna on a new database `s.db` in a temp dir, clock fixed, UTC.
pub fn fresh_desk() -> (TempDir, Desk) {
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = Desk::signed_in(&dir.path().join("s.db"), "desk-1", "Anna");
    (dir, desk)
}

impl Desk {
    /// A desk signed in as `desk`/`operator` on the database at `path`, clock fixed, UTC.
    pub fn signed_in(path: &Path, desk: &str, operator: &str) -> Desk {
        Desk::signed_in_on(open_store(path), desk, operator)
    }

    /// A desk at the sign-in screen (no names given), clock fixed, UTC.
    pub fn at_sign_in(path: &Path) -> Desk {
        Desk::start(open_store(path), &SignInOptions::default(), fixed_now())
    }

    /// A desk signed in as `desk`/`operator` on an already open store, clock fixed, UTC.
    pub fn signed_in_on(store: Store, desk: &str, operator: &str) -> Desk {
        Desk::start(store, &signed_in_as(desk, operator), fixed_now())
    }

    /// A desk on `store` with the campaign in UTC, signed in as `args` say, its clock at
    /// `now` and its empty form dated that day.
    pub fn start(store: Store, args: &SignInOptions, now: DateTime<Utc>) -> Desk {
        Desk::process(store, Screen::Desk, Lang::En, args, now)
    }

    /// A `sigdesk` process whose home is `home` (desk, door or board) on `store`, the
    /// campaign in UTC, in `lang`, signed in as `args` say, its clock at `now` and its
    /// empty form dated that day.
    pub fn process(
        mut store: Store,
        home: Screen,
        lang: Lang,
        args: &SignInOptions,
        now: DateTime<Utc>,
    ) -> Desk {
        set_campaign(&mut store, "timezone", "UTC");
        let regions = super::db::regions().clone();
        let model =
            sigdesk::tui::start_model_at(&mut store, regions, lang, args, home).expect("model");
        let mut desk = Desk { store, model };
        desk.send(Msg::Tick(now));
        desk.model.form = Form::new(desk.model.today());
        desk
    }

    /// A `sigdesk board` process on `store`: signed in as the lead, the board its home,
    /// its clock at `now` (a new day for the model, so it loads the figures).
    pub fn board(mut store: Store, lang: Lang, now: DateTime<Utc>) -> Desk {
        let args = SignInOptions {
            desk: None,
            operator: Some("lead".into()),
            pin: Some("1234".into()),
        };
        let regions = super::db::regions().clone();
        let model = sigdesk::tui::start_model_at(&mut store, regions, lang, &args, Screen::Board)
            .expect("model");
        let mut board = Desk { store, model };
        board.send(Msg::Tick(now));
        board
    }

    /// Sends one message through the real dispatch (update + effects against the store).
    pub fn send(&mut self, msg: Msg) {
        sigdesk::tui::dispatch(&mut self.model, &mut self.store, msg);
    }

    /// A person arrives: the door issues a ticket (through this desk's store, no door
    /// process needed) and the desk calls it with Ctrl-N. Returns the ticket's id.
    pub fn call_a_ticket(&mut self) -> i64 {
        let today = self.model.today();
        let ticket = self
            .store
            .issue_ticket(&super::db::actor("door", "Olga"), today, fixed_now())
            .expect("issue a ticket")
            .id;
        self.ctrl('n');
        assert_eq!(self.model.ticket.as_ref().map(|t| t.id), Some(ticket));
        ticket
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

    /// Types text and presses Enter.
    pub fn type_line(&mut self, text: &str) {
        self.type_text(text);
        self.press(KeyCode::Enter);
    }

    /// Types the form's fields from the current one, Tab between them.
    pub fn fill_fields(&mut self, fields: &[&str]) {
        for (i, text) in fields.iter().enumerate() {
            if i > 0 {
                self.press(KeyCode::Tab);
            }
            self.type_text(text);
        }
    }

    /// Types a whole signer from the first field, Tab between fields, ending on the
    /// address field (the signing date stays pre-filled).
    pub fn fill(&mut self, s: &Signer) {
        self.fill_fields(&s.fields());
    }

    /// Types a signer the form finds nothing wrong with, saves it with Ctrl-S and returns
    /// the new entry's id.
    pub fn save_signer(&mut self, s: &Signer) -> String {
        self.fill(s);
        self.ctrl('s');
        assert!(
            self.status().starts_with("Saved"),
            "status: {}",
            self.status()
        );
        let desk = self.model.actor.as_ref().expect("signed in").desk.clone();
        let newest = self.store.desk_entries(&desk, 1).expect("entries");
        newest[0].id.clone()
    }

    /// The status line text, or "" when there is none.
    pub fn status(&self) -> &str {
        self.model
            .status
            .as_ref()
            .map(|(_, text)| text.as_str())
            .unwrap_or("")
    }

    /// Fails unless the status line contains `text`.
    #[track_caller]
    pub fn assert_status(&self, text: &str) {
        assert!(self.status().contains(text), "status: {}", self.status());
    }

    /// Fails unless the screen at 80×24 contains `text` (the screen is the message).
    #[track_caller]
    pub fn assert_shows(&self, text: &str) {
        let screen = screen_text(&self.model, 80, 24);
        assert!(screen.contains(text), "{screen}");
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

impl Signer {
    /// The fields Tab visits from the surname to the address, in order (Tab passes over
    /// the document kind, which the digits decide).
    pub fn fields(&self) -> [&'static str; 7] {
        [
            self.surname,
            self.given_name,
            self.patronymic,
            self.birth_date,
            self.document,
            self.region,
            self.address,
        ]
    }
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

pub const KUZNETSOVA: Signer = Signer {
    surname: "Кузнецова",
    given_name: "Ольга",
    patronymic: "Петровна",
    birth_date: "03.03.1975",
    document: "4521 333444",
    region: "77",
    address: "г. Москва, ул. Арбат, д. 1, кв. 5",
};

/// The next member of IVANOV's family: own name, birth date and passport, same place.
pub const WIFE: Signer = Signer {
    surname: "Иванова",
    given_name: "Мария",
    patronymic: "Петровна",
    birth_date: "02.03.1987",
    document: "4507 654321",
    ..IVANOV
};

/// A signer living in Germany with this patronymic, as typed from the surname to the
/// address abroad.
pub fn petrova_abroad(patronymic: &'static str) -> [&'static str; 8] {
    [
        "Петрова",
        "Мария",
        patronymic,
        "31.12.1990",
        "4511 654321",
        "abroad",
        "Германия",
        "Берлин, Hauptstraße 5",
    ]
}

pub const SIDOROV: Signer = Signer {
    surname: "Сидоров",
    given_name: "Пётр",
    patronymic: "",
    birth_date: "1970-01-02",
    document: "4516 111222",
    region: "77",
    address: "Москва, ул. Арбат, д. 1",
};
