//! Today's defects on the board: a refresh after new saves checks only those and agrees with
//! checking the whole day; edits, voids, campaign changes and repeated people make it
//! check the whole day again.

use crate::common::board_day::seed;
use crate::common::db::{actor, fixed_now, open_store, regions, set_campaign};
use chrono::{Duration, NaiveDate};
use sigdesk::domain::board::day_bounds;
use sigdesk::domain::{DocKind, NewEntry};
use sigdesk::ops::defects::DayDefects;
use sigdesk::store::{Actor, Finish, Store};

/// Тоня at desk-5, who saves today's new signers.
fn tonya() -> Actor {
    actor("desk-5", "Тоня")
}

/// A new signer `n` of Moscow; `address` may lack the house number (a warning).
fn signer(n: u32, surname: &str, address: &str) -> NewEntry {
    NewEntry {
        surname: surname.into(),
        given_name: "Олимпиада".into(),
        patronymic: "Саввична".into(),
        birth_date: NaiveDate::from_ymd_opt(1961, 4, 12).expect("date"),
        doc_kind: DocKind::InternalPassport,
        doc_series: "4511".into(),
        doc_number: format!("{:06}", 500_000 + n),
        region_code: "77".into(),
        abroad_country: String::new(),
        address: address.into(),
        signed_on: fixed_now().date_naive(),
    }
}

struct Day {
    store: Store,
}

impl Day {
    fn seeded(dir: &tempfile::TempDir) -> Day {
        let mut store = open_store(&dir.path().join("d.db"));
        seed(&mut store, true);
        Day { store }
    }

    fn refresh(&self, kept: Option<DayDefects>) -> DayDefects {
        let campaign = self.store.campaign().expect("campaign");
        let today = fixed_now().date_naive();
        let (from, to) = day_bounds(&campaign, today);
        DayDefects::refresh(kept, &self.store, regions(), today, from, to).expect("refresh")
    }

    fn save(&mut self, entry: &NewEntry, minutes: i64) -> String {
        self.store
            .save_entry(
                entry,
                &tonya(),
                None,
                fixed_now() + Duration::minutes(minutes),
            )
            .expect("save")
            .id
    }
}

fn count(day: &DayDefects, code: &str) -> u32 {
    day.counts()
        .iter()
        .find(|d| d.code == code)
        .map_or(0, |d| d.count)
}

#[test]
fn new_saves_are_checked_alone_and_agree_with_the_whole_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut day = Day::seeded(&dir);
    let first = day.refresh(None);
    assert_eq!(first.last_checked(), 14, "today's valid entries");
    assert_eq!(count(&first, "region.cap"), 1);
    day.save(&signer(1, "Агафонова", "ул. Лесная, д. 2"), 1);
    day.save(&signer(2, "Евдокимова", "ул. Лесная"), 2);
    let extended = day.refresh(Some(first));
    assert_eq!(extended.last_checked(), 2, "only the two new saves");
    // Moscow was over its cap already: both new ones are past it; one lacks a house number.
    assert_eq!(count(&extended, "region.cap"), 3);
    assert_eq!(count(&extended, "address.no_house"), 2);
    assert_eq!(extended.counts(), day.refresh(None).counts());
}

#[test]
fn queue_moves_alone_check_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut day = Day::seeded(&dir);
    let first = day.refresh(None);
    let counts = first.counts().to_vec();
    day.store
        .call_next(
            &tonya(),
            Finish::Done,
            fixed_now().date_naive(),
            fixed_now(),
        )
        .expect("call");
    let again = day.refresh(Some(first));
    assert_eq!(again.last_checked(), 0);
    assert_eq!(again.counts(), counts.as_slice());
}

#[test]
fn a_void_an_edit_or_a_campaign_change_checks_the_whole_day_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut day = Day::seeded(&dir);
    let id = day.save(&signer(3, "Агафонова", "ул. Лесная"), 1);
    let first = day.refresh(None);
    assert_eq!(
        (first.last_checked(), count(&first, "address.no_house")),
        (15, 2)
    );
    let edit = sigdesk::store::EntryEdit {
        id: id.clone(),
        entry: signer(3, "Агафонова", "ул. Лесная, д. 9"),
    };
    day.store
        .edit_entry(&edit, &tonya(), fixed_now())
        .expect("edit");
    let after_edit = day.refresh(Some(first));
    assert_eq!(after_edit.last_checked(), 15);
    assert_eq!(count(&after_edit, "address.no_house"), 1);
    day.store
        .void_entry(&id, "wrong sheet", &tonya(), fixed_now())
        .expect("void");
    let after_void = day.refresh(Some(after_edit));
    assert_eq!(after_void.last_checked(), 14);
    assert_eq!(count(&after_void, "address.no_house"), 1);
    set_campaign(&mut day.store, "region_cap", "100");
    let after_campaign = day.refresh(Some(after_void));
    assert_eq!(after_campaign.last_checked(), 14);
    assert_eq!(count(&after_campaign, "region.cap"), 0);
}

#[test]
fn a_person_entered_again_marks_both_entries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut day = Day::seeded(&dir);
    day.save(&signer(4, "Агафонова", "ул. Лесная, д. 2"), 1);
    let first = day.refresh(None);
    assert_eq!(count(&first, "dup.person"), 0);
    // The same person with another passport: both lines are now suspect.
    day.save(&signer(5, "Агафонова", "ул. Лесная, д. 2"), 2);
    let again = day.refresh(Some(first));
    assert_eq!(again.last_checked(), 16, "the whole day");
    assert_eq!(count(&again, "dup.person"), 2);
}

#[test]
fn another_day_is_checked_from_scratch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let day = Day::seeded(&dir);
    let today = day.refresh(None);
    let campaign = day.store.campaign().expect("campaign");
    let yesterday = fixed_now().date_naive() - Duration::days(1);
    let (from, to) = day_bounds(&campaign, yesterday);
    let other = DayDefects::refresh(Some(today), &day.store, regions(), yesterday, from, to)
        .expect("refresh");
    assert_eq!(other.last_checked(), 10, "yesterday's entries");
}
