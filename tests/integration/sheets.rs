//! The lead's sheet work through the real binary: collectors, closing, certifying, the
//! `sheets` list and the sheet findings of `check`. Desks fill the sheets through the
//! library's normal save path on a real database in a temp dir.

use crate::common::cli::{Output, Point};
use crate::common::db::{actor, audit_actions, regions};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use predicates::prelude::*;
use sigdesk::domain::{DocKind, NewEntry};
use sigdesk::store::{EntryEdit, Store};

/// 2024-01-20 10:00 UTC: the fixture's day.
fn day_start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 20, 10, 0, 0)
        .single()
        .expect("valid time")
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// A point in UTC whose sheets have three lines.
fn sheets_point() -> Point {
    let point = Point::new();
    let mut store = point.store();
    let mut campaign = store.campaign().expect("campaign");
    campaign.set("lines_per_sheet", "3").expect("setting");
    campaign.set("timezone", "UTC").expect("setting");
    store
        .save_campaign(&campaign, &anna("cli"), day_start())
        .expect("save campaign");
    point
}

/// Anna at `desk`.
fn anna(desk: &str) -> sigdesk::store::Actor {
    actor(desk, "Anna")
}

/// The one stderr line of a refused command (exit 1).
fn refusal(point: &Point, args: &[&str]) -> String {
    let err = point.train(args).stderr_of(1);
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    err
}

/// A signer of `region` (passport series from its OKATO code), signed on `signed`.
fn signer(n: u32, region: &str, okato: &str, address: &str, signed: &str) -> NewEntry {
    NewEntry {
        surname: format!("Иванов{}", ["а", "ов", "ин", "ский"][n as usize % 4]),
        given_name: "Иван".into(),
        patronymic: "Иванович".into(),
        birth_date: date("1980-05-15") + Duration::days(i64::from(n)),
        doc_kind: DocKind::InternalPassport,
        doc_series: format!("{okato}05"),
        doc_number: format!("{:06}", 100_000 + n),
        region_code: region.into(),
        abroad_country: String::new(),
        address: address.into(),
        signed_on: date(signed),
    }
}

const MOSCOW: (&str, &str, &str) = ("77", "45", "г. Москва, ул. Тверская, д. 7");
const SPB: (&str, &str, &str) = ("78", "40", "г. Санкт-Петербург, Невский пр., д. 1");
const TATARSTAN: (&str, &str, &str) = ("16", "92", "Респ. Татарстан, г. Казань, ул. Баумана, д. 3");

/// Saves `count` signers of a region at a desk; returns their ids.
fn save(
    store: &mut Store,
    desk: &str,
    first: u32,
    count: u32,
    region: (&str, &str, &str),
    signed: &str,
) -> Vec<String> {
    (first..first + count)
        .map(|n| {
            let entry = signer(n, region.0, region.1, region.2, signed);
            let at = day_start() + Duration::minutes(i64::from(n));
            store
                .save_entry(&entry, &anna(desk), None, at)
                .expect("save")
                .id
        })
        .collect()
}

/// Every detail the certification needs, as a notarised list gives them.
fn complete_details() -> sigdesk::domain::collector::CollectorDetails {
    sigdesk::domain::collector::CollectorDetails {
        birth_date: Some(date("1985-03-12")),
        address: Some("г. Москва, ул. Ленина, д. 1".into()),
        passport: Some(("4510".into(), "123456".into())),
        issued_on: Some(date("2010-04-01")),
        issuer_code: Some("770-001".into()),
    }
}

#[test]
fn collectors_add_list_and_refuse_unknown_codes() {
    let point = sheets_point();
    assert_eq!(
        point
            .train(&[
                "collectors",
                "add",
                "Петров  Андрей Сергеевич",
                "--regions",
                "77,50",
            ])
            .stdout_ok(),
        "listed collector Петров Андрей Сергеевич for 50 Moscow Oblast, 77 Moscow\n"
    );
    point
        .train(&[
            "collectors",
            "add",
            "петров андрей сергеевич",
            "--regions",
            "78",
        ])
        .succeeds_printing("now also listed for 78 Saint Petersburg");
    let err = refusal(
        &point,
        &[
            "collectors",
            "add",
            "Сидорова Анна",
            "--regions",
            "78,80,Москва",
        ],
    );
    assert!(
        err.contains("`80` is not a region code but the OKATO code (passport series) of 02 Republic of Bashkortostan; write 02"),
        "{err}"
    );
    assert!(
        err.contains("unknown region code `Москва`; did you mean 77 Moscow?"),
        "{err}"
    );
    assert_eq!(
        point.train(&["collectors", "list"]).stdout_ok(),
        "collector                regions                                           details\n\
         Петров Андрей Сергеевич  50 Moscow Oblast, 77 Moscow, 78 Saint Petersburg  \
         missing: birth date, address, passport, issue date, issuer code\n"
    );
    assert_eq!(
        audit_actions(&point.db()),
        ["lead_pin", "campaign", "collector_add", "collector_add"]
    );
}

#[test]
fn collectors_import_is_all_or_nothing_with_row_numbers() {
    let point = sheets_point();
    let bad = point.write(
        "bad.csv",
        "name,regions\nПетров Андрей,77 50\n,78\nСидорова Анна,80;78\n",
    );
    let err = refusal(
        &point,
        &["collectors", "import", bad.to_str().expect("utf-8")],
    );
    assert!(
        err.contains("2 of 3 rows refused, nothing imported"),
        "{err}"
    );
    assert!(
        err.contains("line 3: the collector's name is empty"),
        "{err}"
    );
    assert!(err.contains("line 4: `80` is not a region code"), "{err}");
    assert!(
        point
            .train(&["collectors", "list"])
            .stdout_ok()
            .starts_with("no collectors listed yet")
    );
    let good = point.write(
        "good.csv",
        "regions,name\n77 50,Петров Андрей\n\"78;47\",Сидорова Анна\nabroad,Smith John\n",
    );
    assert_eq!(
        point
            .train(&["collectors", "import", good.to_str().expect("utf-8")])
            .stdout_ok(),
        "imported 3 collector rows: 3 new, 0 with added regions or details, 0 unchanged\n"
    );
    assert_eq!(
        point
            .train(&["collectors", "import", good.to_str().expect("utf-8")])
            .stdout_ok(),
        "imported 3 collector rows: 0 new, 0 with added regions or details, 3 unchanged\n"
    );
    let list = point
        .train(&["--lang", "ru", "collectors", "list"])
        .stdout_ok();
    assert!(list.contains("Smith John     abroad  "), "{list}");
    assert!(
        list.contains("Сидорова Анна  47 Ленинградская область, 78 Санкт-Петербург  нет: "),
        "{list}"
    );
}

#[test]
fn certify_refuses_saying_exactly_why() {
    let point = sheets_point();
    let mut store = point.store();
    save(&mut store, "desk-1", 0, 3, MOSCOW, "2024-01-20"); // sheet 1, full
    save(&mut store, "desk-1", 3, 1, SPB, "2024-01-21"); // sheet 2, open
    let voided = save(&mut store, "desk-2", 4, 1, MOSCOW, "2024-01-20"); // sheet 3
    store
        .void_entry(
            &voided[0],
            "signer changed their mind",
            &anna("desk-2"),
            day_start(),
        )
        .expect("void");
    store
        .close_sheet(3, &anna("cli"), day_start())
        .expect("close");
    drop(store);
    point
        .train(&["collectors", "add", "Петров Андрей", "--regions", "77"])
        .assert()
        .success();
    point
        .train(&["collectors", "add", "Сидорова Анна", "--regions", "78"])
        .assert()
        .success();
    let certify = |sheet: &str, who: &str, on: &str| {
        refusal(
            &point,
            &["sheets", "certify", sheet, "--collector", who, "--date", on],
        )
    };
    let open = certify("2", "Сидорова Анна", "2024-01-21");
    assert!(
        open.contains(
            "sheet 2 not certified: it is still open; close it first with `sigdesk sheets close 2`"
        ),
        "{open}"
    );
    let unknown = certify("1", "Петров Андрей Сергеевич", "2024-01-20");
    assert!(
        unknown.contains("no collector named “Петров Андрей Сергеевич” is listed"),
        "{unknown}"
    );
    let not_listed = certify("1", "Сидорова Анна", "2024-01-20");
    assert!(
        not_listed.contains("Сидорова Анна is not on the notarised list for 77 Moscow"),
        "{not_listed}"
    );
    let early = certify("1", "Петров Андрей", "2024-01-19");
    assert!(
        early.contains("2024-01-19 is before the signing date 2024-01-20 on line 1"),
        "{early}"
    );
    let future = (Utc::now().date_naive() + Duration::days(2)).to_string();
    let later = certify("1", "Петров Андрей", &future);
    assert!(
        later.contains(&format!("{future} is in the future")),
        "{later}"
    );
    let empty = certify("3", "Петров Андрей", "2024-01-20");
    assert!(empty.contains("it has no valid line"), "{empty}");
    assert!(certify("9", "Петров Андрей", "2024-01-20").contains("there is no sheet 9"));
    let bare = certify("1", "Петров Андрей", "2024-01-20");
    assert!(
        bare.contains(
            "the notarised list lacks Петров Андрей's birth date, address, passport, issue date, \
             issuer code, which the certification must carry; add them: sigdesk collectors add \
             \"Петров Андрей\" --birth-date YYYY-MM-DD --address \"ADDRESS\" --passport \
             \"SSSS NNNNNN\" --issued YYYY-MM-DD --issuer NNN-NNN"
        ),
        "{bare}"
    );
    point
        .train(&[
            "collectors",
            "add",
            "Петров Андрей",
            "--birth-date",
            "12.03.1985",
            "--address",
            "г. Москва, ул. Ленина, д. 1",
            "--passport",
            "4510 123456",
            "--issued",
            "2010-04-01",
            "--issuer",
            "770001",
        ])
        .succeeds_printing("saved the details of Петров Андрей");
    let certified = point
        .train(&[
            "sheets",
            "certify",
            "1",
            "--collector",
            "петров  андрей",
            "--date",
            "2024-01-20",
        ])
        .stdout_ok();
    assert_eq!(
        certified,
        "sheet 1 (77 Moscow) certified by Петров Андрей on 2024-01-20\n\
         Copy onto the sheet, above the collector's signature:\n  \
           full name           Петров Андрей\n  \
           birth date          12.03.1985\n  \
           address             г. Москва, ул. Ленина, д. 1\n  \
           passport            4510 123456\n  \
           issue date          01.04.2010\n  \
           issuer code         770-001\n  \
           certification date  20.01.2024\n"
    );
    let again = certify("1", "Петров Андрей", "2024-01-21");
    assert!(
        again.contains("already certified by Петров Андрей on 2024-01-20"),
        "{again}"
    );
    let actions = audit_actions(&point.db());
    assert_eq!(actions.iter().filter(|a| *a == "sheet_certify").count(), 1);
}

#[test]
fn close_by_number_and_all_open_at_the_end_of_the_day() {
    let point = sheets_point();
    let mut store = point.store();
    save(&mut store, "desk-1", 0, 1, MOSCOW, "2024-01-20"); // sheet 1
    save(&mut store, "desk-1", 1, 1, SPB, "2024-01-20"); // sheet 2
    save(&mut store, "desk-2", 2, 1, MOSCOW, "2024-01-20"); // sheet 3
    drop(store);
    point
        .train(&["sheets", "close", "2"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("closed sheet 2;"));
    point
        .train(&["sheets", "close", "2"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "sheet 2 is closed already (since ",
        ));
    assert_eq!(
        point.train(&["sheets", "close", "--all-open"]).stdout_ok(),
        "closed 2 open sheets: 1, 3\n"
    );
    assert_eq!(
        point.train(&["sheets", "close", "--all-open"]).stdout_ok(),
        "no open sheet to close\n"
    );
    assert!(refusal(&point, &["sheets", "close", "7"]).contains("there is no sheet 7"));
    let closes = audit_actions(&point.db())
        .iter()
        .filter(|a| *a == "sheet_close")
        .count();
    assert_eq!(closes, 3);
    // The desk's next Moscow signer starts a new sheet.
    let mut store = point.store();
    save(&mut store, "desk-1", 3, 1, MOSCOW, "2024-01-20");
    let numbers: Vec<u32> = store
        .sheets()
        .expect("sheets")
        .iter()
        .map(|s| s.number)
        .collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
}

/// Sheets in every state the report knows:
/// 1 Moscow, certified, then line 2 edited to a later date → certified before a signature;
/// 2 SPb, certified by a collector not on the list (a hand-edited or older database);
/// 3 Moscow at desk-2, still open since 2024-01-20;
/// 4 Tatarstan, closed by hand, not certified (line 2 has an address in Moscow oblast);
/// 5 abroad (Lithuania), certified by the abroad collector: no problem.
fn fixture() -> Point {
    let point = sheets_point();
    let mut store = point.store();
    let moscow = save(&mut store, "desk-1", 0, 3, MOSCOW, "2024-01-20");
    save(&mut store, "desk-1", 3, 3, SPB, "2024-01-20");
    save(&mut store, "desk-2", 6, 1, MOSCOW, "2024-01-20");
    save(&mut store, "desk-1", 7, 1, TATARSTAN, "2024-01-20");
    let elsewhere = NewEntry {
        address: "Московская обл., г. Химки, ул. Ленина, д. 4".into(),
        ..signer(8, TATARSTAN.0, TATARSTAN.1, TATARSTAN.2, "2024-01-20")
    };
    store
        .save_entry(
            &elsewhere,
            &anna("desk-1"),
            None,
            day_start() + Duration::minutes(8),
        )
        .expect("save");
    let abroad = NewEntry {
        region_code: "abroad".into(),
        abroad_country: "Литва".into(),
        doc_kind: DocKind::ForeignPassport,
        doc_series: "75".into(),
        doc_number: "1234567".into(),
        address: "Vilnius, Užupio g. 13".into(),
        ..signer(9, "abroad", "", "", "2024-01-20")
    };
    store
        .save_entry(
            &abroad,
            &anna("desk-1"),
            None,
            day_start() + Duration::minutes(9),
        )
        .expect("save");
    let lead = anna("cli");
    let now = day_start() + Duration::hours(8);
    store.close_sheet(4, &lead, now).expect("close");
    store.close_sheet(5, &lead, now).expect("close");
    for (name, codes) in [
        ("Петров Андрей", "77"),
        ("Сидорова Анна", "78"),
        ("Smith John", "abroad"),
    ] {
        let mut c =
            sigdesk::domain::collector::parse_collector(name, codes, regions()).expect("collector");
        c.details = complete_details();
        store.add_collector(&c, &lead, now).expect("add");
    }
    let today = date("2024-01-21");
    for (sheet, who) in [
        (1, "Петров Андрей"),
        (2, "Сидорова Анна"),
        (5, "Smith John"),
    ] {
        let outcome = store
            .certify_sheet(sheet, who, date("2024-01-20"), today, &lead, now)
            .expect("certify");
        assert!(
            matches!(outcome, sigdesk::store::CertifyOutcome::Certified(_)),
            "{outcome:?}"
        );
    }
    let mut later = store
        .entry(&moscow[1])
        .expect("read")
        .expect("entry")
        .signer;
    later.signed_on = date("2024-01-21");
    store
        .edit_entry(
            &EntryEdit {
                id: moscow[1].clone(),
                entry: later,
            },
            &lead,
            now,
        )
        .expect("edit");
    drop(store);
    let conn = rusqlite::Connection::open(point.db()).expect("open");
    conn.execute(
        "UPDATE sheets SET collector = 'Козлов Пётр' WHERE number = 2",
        [],
    )
    .expect("hand edit");
    point
}

/// Entry ids are UUID v7 (time + random); number them in order of appearance.
fn stable_ids(text: &str) -> String {
    let mut out = text.to_string();
    let mut n = 0;
    while let Some(start) = out.find("\"entry_id\": \"") {
        let from = start + "\"entry_id\": \"".len();
        let Some(len) = out[from..].find('"') else {
            break;
        };
        n += 1;
        out.replace_range(
            start..from + len + 1,
            &format!("\"entry_id\" : \"entry-{n}\""),
        );
    }
    let out = out.replace("\"entry_id\" : ", "\"entry_id\": ");
    // The audit log's last hash covers the times of the fixture's events.
    match out.find("\"head\": \"") {
        Some(start) => {
            let from = start + "\"head\": \"".len();
            format!("{}<hash>{}", &out[..from], &out[from + 64..])
        }
        None => out,
    }
}

#[test]
fn check_json_reports_sheet_and_entry_defects() {
    let point = fixture();
    let json = point.train(&["check", "--json"]).stdout_of(3);
    insta::assert_snapshot!("check_json", stable_ids(&json));
}

#[test]
fn check_text_lists_sheet_defects_without_a_line() {
    let point = fixture();
    let text = point.train(&["check"]).stdout_of(3);
    assert!(
        text.contains("sheet.uncertified (warning): 1\n  point-1 sheet 4 (desk desk-1): closed but not certified"),
        "{text}"
    );
    assert!(text.contains("sheet.collector_not_listed (error): 1\n  point-1 sheet 2 (desk desk-1): certified by Козлов Пётр"), "{text}");
}

#[test]
fn sheets_table_and_json() {
    let point = fixture();
    insta::assert_snapshot!("sheets_table", point.train(&["sheets"]).stdout_ok());
    insta::assert_snapshot!(
        "sheets_table_ru",
        point.train(&["--lang", "ru", "sheets"]).stdout_ok()
    );
    let text = point.train(&["sheets", "--json"]).stdout_ok();
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(5));
    insta::assert_snapshot!("sheets_json", text);
}

#[test]
fn a_missing_collectors_file_creates_no_database() {
    let point = Point::new();
    refusal(&point, &["collectors", "import", "nope.csv"]);
    assert!(!point.db().exists());
}
