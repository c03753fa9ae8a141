//! A seeded morning for the board: entries of yesterday and today at three desks, tickets at
//! the door, defects and regions near and over their caps, all at fixed times. Signers have
//! names, documents, addresses and birth dates no board may show ([`PERSONAL`]).

use super::db::{actor, fixed_now, set_campaign};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use sigdesk::domain::{DocKind, NewEntry};
use sigdesk::store::{Finish, Store};

/// Surnames of the seeded signers, one per entry (`Pfqwtdf` is `Зайцева` typed in the
/// English layout).
const SURNAMES: [&str; 25] = [
    "Зиновьева",
    "Каштанов",
    "Прохорова",
    "Шелестов",
    "Ярославцева",
    "Тумановский",
    "Белозёрова",
    "Грибоедов",
    "Щукина",
    "Воронцов",
    "Лаптева",
    "Рябинин",
    "Pfqwtdf",
    "Одинцова",
    "Кудрявцев",
    "Мещерякова",
    "Ястребов",
    "Полозова",
    "Черемисин",
    "Ульяшина",
    "Барсуков",
    "Снегирёва",
    "Дроздовский",
    "Калинкина",
    "Журавлёв",
];
/// Given names and patronymics, cycled.
const GIVEN: [&str; 5] = ["Аглая", "Евстафий", "Пелагея", "Фадей", "Ксенофонт"];
const PATRONYMICS: [&str; 5] = [
    "Афанасьевна",
    "Евграфович",
    "Ферапонтовна",
    "Лукьянович",
    "Варфоломеевич",
];
/// Streets of their addresses, cycled.
const STREETS: [&str; 4] = [
    "ул. Черёмуховая",
    "пр-т Стахановцев",
    "ул. Водопьянова",
    "пер. Гончарный",
];

/// Every personal string of the seeded signers, in the forms a screen could show them.
pub fn personal() -> Vec<String> {
    let mut out: Vec<String> = SURNAMES.iter().map(|s| s.to_string()).collect();
    out.extend(["Зайцева".to_string()]);
    out.extend(
        GIVEN
            .iter()
            .chain(&PATRONYMICS)
            .chain(&STREETS)
            .map(|s| s.to_string()),
    );
    for (i, (_, _, _, _, region, special)) in SAVES.into_iter().enumerate() {
        let e = entry(i, region, special);
        out.push(e.doc_number.clone());
        out.push(format!("{} {}", e.doc_series, e.doc_number));
        out.push(e.birth_date.to_string());
        out.push(e.birth_date.format("%d.%m.%Y").to_string());
    }
    out
}

/// Signer `i` of `region` as the store saves it.
fn entry(i: usize, region: &str, special: &str) -> NewEntry {
    let birth = NaiveDate::from_ymd_opt(1950 + (i as i32 % 40), 1 + (i as u32 % 12), 3 + i as u32)
        .expect("birth date");
    let (kind, series, number, country) = match region {
        "abroad" => (
            DocKind::ForeignPassport,
            "71".to_string(),
            format!("{:07}", 7_300_000 + i),
            "Литва",
        ),
        _ => {
            let okato = match region {
                "78" => "40",
                "50" => "46",
                _ => "45",
            };
            (
                DocKind::InternalPassport,
                format!("{okato}19"),
                format!("{:06}", 712_000 + i),
                "",
            )
        }
    };
    let street = STREETS[i % STREETS.len()];
    let address = match special {
        "no_house" => street.to_string(),
        _ => format!("{street}, д. {}, кв. {}", 3 + i, 10 + i),
    };
    NewEntry {
        surname: SURNAMES[i].into(),
        given_name: GIVEN[i % GIVEN.len()].into(),
        patronymic: PATRONYMICS[i % PATRONYMICS.len()].into(),
        birth_date: match special {
            "under_18" => NaiveDate::from_ymd_opt(2008, 1, 1).expect("date"),
            _ => birth,
        },
        doc_kind: kind,
        doc_series: series,
        doc_number: number,
        region_code: region.into(),
        abroad_country: country.into(),
        address,
        signed_on: fixed_now().date_naive(),
    }
}

fn at(day_offset: i64, time: &str) -> DateTime<Utc> {
    let t = NaiveTime::parse_from_str(time, "%H:%M").expect("time");
    (fixed_now().date_naive() + Duration::days(day_offset))
        .and_time(t)
        .and_utc()
}

/// Saves, in order: (days from today, time, desk, operator, region, special).
const SAVES: [(i64, &str, &str, &str, &str, &str); 25] = [
    (-1, "10:00", "desk-1", "Оля", "77", ""),
    (-1, "10:04", "desk-1", "Оля", "77", ""),
    (-1, "10:08", "desk-1", "Оля", "77", ""),
    (-1, "10:12", "desk-1", "Оля", "77", ""),
    (-1, "10:16", "desk-1", "Оля", "77", ""),
    (-1, "10:20", "desk-1", "Оля", "77", ""),
    (-1, "11:00", "desk-2", "Коля", "78", ""),
    (-1, "11:05", "desk-2", "Коля", "78", ""),
    (-1, "11:10", "desk-2", "Коля", "78", ""),
    (-1, "11:15", "desk-2", "Коля", "78", ""),
    (0, "08:00", "desk-3", "Ира", "50", ""),
    (0, "08:06", "desk-3", "Ира", "50", "under_18"),
    (0, "08:35", "desk-2", "Коля", "78", "layout"),
    (0, "08:39", "desk-2", "Коля", "78", ""),
    (0, "08:40", "desk-1", "Оля", "77", ""),
    (0, "08:43", "desk-1", "Оля", "77", ""),
    (0, "08:44", "desk-2", "Коля", "78", ""),
    (0, "08:47", "desk-1", "Оля", "77", "no_house"),
    (0, "08:50", "desk-1", "Оля", "77", ""),
    (0, "09:05", "desk-1", "Оля", "50", "voided"),
    (0, "09:08", "desk-1", "Оля", "50", ""),
    (0, "09:12", "desk-1", "Оля", "abroad", ""),
    (0, "09:20", "desk-2", "Коля", "78", ""),
    (0, "09:24", "desk-2", "Коля", "78", ""),
    (0, "09:26", "desk-1", "Оля", "77", ""),
];

/// Seeds the day into `store` (campaign in UTC, configured unless `configured` is false):
/// target 60, region cap 10, abroad cap 3. Moscow (77) ends at 11 (over its cap), Saint
/// Petersburg (78) at 9 (≥ 90 %), Moscow oblast (50) at 3, abroad at 1; 24 valid, 14 of them
/// today, and one voided today.
pub fn seed(store: &mut Store, configured: bool) {
    set_campaign(store, "timezone", "UTC");
    set_campaign(store, "target", "60");
    set_campaign(store, "region_cap", "10");
    set_campaign(store, "abroad_cap", "3");
    if configured {
        set_campaign(store, "election_date", "2024-03-17");
    }
    for (i, (day, time, desk, operator, region, special)) in SAVES.into_iter().enumerate() {
        let now = at(day, time);
        let saved = store
            .save_entry(
                &entry(i, region, special),
                &actor(desk, operator),
                None,
                now,
            )
            .expect("save");
        if special == "voided" {
            store
                .void_entry(&saved.id, "signed twice", &actor(desk, operator), now)
                .expect("void");
        }
    }
    seed_tickets(store);
}

/// Twelve tickets from 08:30, every 5 minutes; desk-1 and desk-2 call them; desk-1 serves
/// one now, four wait.
fn seed_tickets(store: &mut Store) {
    let today = fixed_now().date_naive();
    let door = actor("door", "Вера");
    for i in 0..12 {
        store
            .issue_ticket(&door, today, at(0, "08:30") + Duration::minutes(5 * i))
            .expect("issue");
    }
    let calls = [
        ("desk-2", "08:34"),
        ("desk-1", "08:39"),
        ("desk-2", "08:46"),
        ("desk-1", "08:49"),
        ("desk-1", "09:04"),
        ("desk-2", "09:19"),
        ("desk-1", "09:25"),
    ];
    for (desk, time) in calls {
        store
            .call_next(&actor(desk, "op"), Finish::Done, today, at(0, time))
            .expect("call");
    }
    store
        .call_next(&actor("desk-2", "op"), Finish::Done, today, at(0, "09:27"))
        .expect("call");
}
