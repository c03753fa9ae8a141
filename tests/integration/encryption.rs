//! The database at rest, with the real binary: encrypted by default, nothing readable in the
//! file or its WAL, wrong and empty passphrases refused without touching the file, rekey,
//! encrypt, and the lead PIN.

use crate::common::cli::{
    LEAD_PIN, Output, PASSPHRASE, Point, bytes, contains, passport_number, path_arg, sibling,
    signers_csv,
};
use crate::common::db::open_keyed;
use predicates::prelude::*;
use sigdesk::store::{Key, Store, StoreError};

/// The point's database opened with `passphrase`.
fn open_with(point: &Point, passphrase: &str) -> Result<Store, StoreError> {
    open_keyed(&point.db(), &Key::Passphrase(passphrase.into()))
}

#[test]
fn names_and_passports_are_not_in_the_file_nor_its_wal() {
    let point = Point::encrypted();
    // Holding a connection open keeps the importer's pages in the WAL after it exits.
    let holder = open_with(&point, PASSPHRASE).expect("open");
    point.import_signers("signers.csv", 1, 5);
    let (db, wal) = (bytes(&point.db()), bytes(&sibling(&point.db(), "-wal")));
    assert!(
        wal.len() > 4096,
        "the WAL holds the import: {} bytes",
        wal.len()
    );
    for needle in [
        "Иванов",
        "Сергеевна",
        "Тверская",
        &passport_number(3),
        "SQLite format",
    ] {
        assert!(
            !contains(&db, needle),
            "`{needle}` readable in the database"
        );
        assert!(!contains(&wal, needle), "`{needle}` readable in the WAL");
    }
    assert_eq!(holder.entry_totals().expect("totals"), (5, 0));

    // The same search finds them in a plain training database: the check can fail.
    let plain = Point::new();
    let file = plain.write("signers.csv", &signers_csv(1, 5));
    plain
        .run(&["--no-encrypt", "import", path_arg(&file)])
        .assert()
        .success();
    let raw = bytes(&plain.db());
    assert!(contains(&raw, "Иванов") && contains(&raw, &passport_number(3)));
}

#[test]
fn a_wrong_passphrase_is_refused_and_touches_nothing() {
    let point = Point::new();
    point.import_signers("signers.csv", 1, 3);
    let before = bytes(&point.db());
    let err = point
        .bare(&["campaign", "set", "target", "5"])
        .env("SIGDESK_PASSPHRASE", "ключ от 3 двереи")
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .stderr_of(1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("wrong passphrase for") && err.contains("s.db"),
        "{err}"
    );
    assert_eq!(bytes(&point.db()), before, "file bytes unchanged");
    for leftover in ["-wal", "-shm", "-journal"] {
        assert!(
            !sibling(&point.db(), leftover).exists(),
            "{leftover} left behind"
        );
    }
    let shown = point.run(&["campaign", "show"]).stdout_ok();
    assert!(shown.contains("target = 100000"), "{shown}");
}

#[test]
fn an_empty_passphrase_is_refused_and_creates_nothing() {
    let point = Point::new();
    let err = point
        .bare(&["campaign", "show"])
        .env("SIGDESK_PASSPHRASE", "")
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .stderr_of(1);
    assert!(err.contains("SIGDESK_PASSPHRASE is set but empty"), "{err}");
    let file = point.write("pass.txt", "\nsecond line\n");
    let err = point
        .bare(&["--passphrase-file", path_arg(&file), "campaign", "show"])
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .stderr_of(1);
    assert!(err.contains("first line") && err.contains("empty"), "{err}");
    assert!(!point.db().exists());
    let refused = open_with(&point, "");
    assert!(matches!(refused, Err(StoreError::EmptyPassphrase)));
}

#[test]
fn no_terminal_and_no_passphrase_is_one_clear_error() {
    let point = Point::new();
    let err = point.bare(&["export"]).stderr_of(1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("set SIGDESK_PASSPHRASE or --passphrase-file"),
        "{err}"
    );
    assert!(!point.db().exists(), "nothing created");
}

#[test]
fn a_passphrase_file_with_cyrillic_and_spaces_opens_what_the_variable_opens() {
    let point = Point::new();
    let file = point.write("pass.txt", &format!("{PASSPHRASE}\r\nignored\n"));
    point
        .bare(&["--passphrase-file", path_arg(&file), "campaign", "show"])
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .assert()
        .success();
    let store = open_with(&point, PASSPHRASE).expect("same passphrase from the variable");
    assert!(store.is_encrypted());
    drop(store);
    point
        .bare(&["campaign", "show"])
        .env("SIGDESK_PASSPHRASE", "ключ от 3")
        .fails_saying(1, "wrong passphrase");
}

#[test]
fn kinds_are_never_mixed_silently() {
    let point = Point::encrypted();
    point
        .run(&["--no-encrypt", "campaign", "show"])
        .fails_saying(1, "is encrypted; open it without --no-encrypt");

    let training = Point::new();
    training
        .run(&["--no-encrypt", "campaign", "show"])
        .assert()
        .success();
    training.run(&["campaign", "show"]).assert().code(1).stderr(
        predicate::str::contains("is not encrypted").and(predicate::str::contains("sigdesk --db")),
    );
}

#[test]
fn rekey_changes_the_passphrase() {
    let point = Point::new();
    point.import_signers("signers.csv", 1, 4);
    point
        .run(&["rekey"])
        .env("SIGDESK_NEW_PASSPHRASE", "новый ключ")
        .succeeds_printing("passphrase of");
    point.run(&["export"]).fails_saying(1, "wrong passphrase");
    let rows = point
        .bare(&["export"])
        .env("SIGDESK_PASSPHRASE", "новый ключ")
        .env("SIGDESK_LEAD_PIN", LEAD_PIN)
        .stdout_ok();
    assert_eq!(rows.lines().count(), 5, "{rows}");
    let audit = point
        .bare(&["audit"])
        .env("SIGDESK_PASSPHRASE", "новый ключ")
        .stdout_ok();
    assert!(
        audit
            .lines()
            .any(|l| l.contains(" rekey ") || l.ends_with(" rekey")),
        "{audit}"
    );
    assert!(
        !audit.contains("новый ключ"),
        "the passphrase is never logged"
    );
}

#[test]
fn rekey_refuses_while_a_desk_has_the_database_open() {
    let point = Point::new();
    point.import_signers("signers.csv", 1, 2);
    let desk = open_with(&point, PASSPHRASE).expect("a desk");
    point
        .run(&["rekey"])
        .env("SIGDESK_NEW_PASSPHRASE", "новый ключ")
        .fails_saying(1, "close them all");
    drop(desk);
    assert!(
        open_with(&point, PASSPHRASE).is_ok(),
        "old passphrase still works"
    );
}

#[test]
fn rekey_without_a_new_passphrase_source_changes_nothing() {
    let point = Point::encrypted();
    point
        .run(&["rekey"])
        .fails_saying(1, "SIGDESK_NEW_PASSPHRASE");
    assert!(open_with(&point, PASSPHRASE).is_ok());
}

#[test]
fn encrypt_turns_a_training_database_into_an_encrypted_one() {
    let point = Point::new();
    let file = point.write("signers.csv", &signers_csv(1, 6));
    point
        .run(&["--no-encrypt", "import", path_arg(&file)])
        .assert()
        .success();
    let plain_rows = point.run(&["--no-encrypt", "export"]).stdout_ok();
    assert!(contains(&bytes(&point.db()), "Иванов"));

    point
        .run(&["encrypt"])
        .succeeds_printing("is now encrypted");
    let raw = bytes(&point.db());
    assert!(!contains(&raw, "Иванов") && !contains(&raw, "SQLite format"));
    assert_eq!(point.run(&["export"]).stdout_ok(), plain_rows);
    point
        .run(&["--no-encrypt", "export"])
        .fails_saying(1, "is encrypted");
    let names: Vec<String> = std::fs::read_dir(point.dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("s.db") || n.starts_with(".sigdesk"))
        .collect();
    assert_eq!(names, vec!["s.db".to_string()], "no temp or WAL files left");
    point.run(&["encrypt"]).fails_saying(1, "already encrypted");
}

#[test]
fn a_new_database_needs_a_lead_pin() {
    let point = Point::new();
    let err = point
        .bare(&["campaign", "show"])
        .env("SIGDESK_PASSPHRASE", PASSPHRASE)
        .stderr_of(1);
    assert!(err.contains("SIGDESK_LEAD_PIN"), "{err}");
    assert!(!point.db().exists(), "nothing created");
    point
        .bare(&["campaign", "show"])
        .env("SIGDESK_PASSPHRASE", PASSPHRASE)
        .env("SIGDESK_LEAD_PIN", "12ab")
        .fails_saying(1, "4 to 8 digits");
    assert!(!point.db().exists(), "nothing created");
}

#[test]
fn campaign_set_needs_the_lead_pin() {
    let point = Point::training();
    point
        .train(&["campaign", "set", "target", "7"])
        .env("SIGDESK_LEAD_PIN", "1357")
        .fails_saying(1, "wrong lead PIN");
    point
        .train(&["campaign", "set", "target", "7"])
        .env_remove("SIGDESK_LEAD_PIN")
        .fails_saying(1, "lead PIN");
    assert!(
        point
            .train(&["campaign", "show"])
            .stdout_ok()
            .contains("target = 100000\n")
    );
    assert_eq!(
        point.train(&["campaign", "set", "target", "7"]).stdout_ok(),
        "target = 7\n"
    );
}

#[test]
fn lead_pin_changes_with_the_current_one() {
    let point = Point::training();
    point
        .train(&["lead-pin"])
        .env("SIGDESK_LEAD_PIN", "0000")
        .env("SIGDESK_NEW_LEAD_PIN", "97531")
        .fails_saying(1, "wrong lead PIN");
    point
        .train(&["lead-pin"])
        .env("SIGDESK_NEW_LEAD_PIN", "97531")
        .assert()
        .success();
    point
        .train(&["campaign", "set", "target", "9"])
        .fails_saying(1, "wrong lead PIN");
    point
        .train(&["campaign", "set", "target", "9"])
        .env("SIGDESK_LEAD_PIN", "97531")
        .assert()
        .success();
}
