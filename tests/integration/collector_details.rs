//! Collectors' details through the real binary: the notarised list imported with them,
//! checked like a signer's, added later to a collector listed without them, and printed
//! by the certification they make possible.

use crate::common::cli::{Output, Point};
use crate::common::db::{actor, fixed_now, people};

/// The notarised list: one collector complete, one with an address lacking the house.
const LIST: &str = "name,regions,birth_date,address,passport,issued_on,issuer_code\n\
    Петров Андрей Сергеевич,77,12.03.1985,\"г. Москва, ул. Ленина, д. 1\",4510 123456,2010-04-01,770-001\n\
    Орлова Ольга Олеговна,78 47,1990-01-01,\"Санкт-Петербург, Невский проспект\",4010 654321,2010-02-01,780001\n";

#[test]
fn the_notarised_list_with_details_is_imported_and_warnings_are_shown() {
    let point = Point::training();
    let file = point.write("list.csv", LIST);
    let mut import = point.train(&["collectors", "import", file.to_str().expect("path")]);
    let out = import.assert().success().get_output().clone();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        stdout.contains("imported 2 collector rows: 2 new"),
        "{stdout}"
    );
    assert!(
        stderr.contains("Орлова Ольга Олеговна saved, but check: address: no house number"),
        "{stderr}"
    );
    let list = point.train(&["collectors", "list"]).stdout_ok();
    assert!(
        list.lines().nth(1).is_some_and(|l| l.ends_with("complete")),
        "{list}"
    );
    let bad = point.write(
        "bad.csv",
        "name,regions,birth_date,passport,issuer_code\nИванов,77,12.03.2020,45 10,1\n",
    );
    let err = point
        .train(&["collectors", "import", bad.to_str().expect("path")])
        .stderr_of(1);
    for said in [
        "line 2: full name: write the surname, the given name and the patronymic",
        "birth date: only ",
        "passport: internal passport",
        "issuer code: must be 6 digits",
    ] {
        assert!(err.contains(said), "`{said}` in {err}");
    }
}

#[test]
fn details_join_a_collector_listed_without_them_and_the_certification_prints_them() {
    let point = Point::training();
    point.set("timezone", "UTC");
    let mut store = point.store();
    let signer = people()
        .numbered(5, 0, fixed_now().date_naive())
        .expect("signer");
    let region = signer.region_code.clone();
    let saved = store
        .save_entry(&signer, &actor("desk-1", "Оля"), None, fixed_now())
        .expect("save");
    store
        .close_sheet(saved.sheet, &actor("cli", "lead"), fixed_now())
        .expect("close");
    drop(store);
    point
        .train(&["collectors", "add", "Сидоров Пётр", "--regions", &region])
        .succeeds_printing("listed collector Сидоров Пётр");
    let sheet = saved.sheet.to_string();
    let certify = [
        "sheets",
        "certify",
        &sheet,
        "--collector",
        "Сидоров Пётр",
        "--date",
        "2024-03-10",
    ];
    point.train(&certify).fails_saying(
        1,
        "the notarised list lacks Сидоров Пётр's birth date, address",
    );
    let err = point
        .train(&[
            "collectors",
            "add",
            "Сидоров Пётр",
            "--birth-date",
            "01.01.2010",
            "--issuer",
            "77-1",
        ])
        .stderr_of(1);
    assert!(
        err.contains("details of Сидоров Пётр not saved: ")
            && err.contains("birth date: only ")
            && err.contains("issuer code: must be 6 digits"),
        "{err}"
    );
    point
        .train(&[
            "collectors",
            "add",
            "сидоров пётр",
            "--birth-date",
            "1980-06-01",
            "--address",
            "г. Москва, ул. Мира, д. 3",
            "--passport",
            "4525 111222",
        ])
        .succeeds_printing("saved the details of Сидоров Пётр");
    point
        .train(&certify)
        .fails_saying(1, "lacks Сидоров Пётр's issue date, issuer code");
    point
        .train(&[
            "collectors",
            "add",
            "Сидоров Пётр",
            "--issued",
            "2025-07-01",
            "--issuer",
            "770-002",
        ])
        .assert()
        .success();
    let printed = point.train(&certify).stdout_ok();
    assert!(
        printed.contains("Copy onto the sheet, above the collector's signature:"),
        "{printed}"
    );
    assert!(
        printed.contains("  passport            4525 111222\n"),
        "{printed}"
    );
    assert!(
        printed.contains("  issuer code         770-002\n"),
        "{printed}"
    );
}
