//! The sample against a real database file: reproducible draws, no line twice, marks.

use super::*;
use crate::domain::RegionCatalog;
use crate::domain::fixtures::moscow_signer;

fn actor() -> Actor {
    Actor {
        desk: "cli".into(),
        operator: "lead".into(),
    }
}

/// A store with `n` valid Moscow lines (and one voided line, never drawn).
fn store_with_lines(dir: &tempfile::TempDir, n: u32) -> Store {
    let regions = RegionCatalog::embedded().expect("catalogue");
    let mut store = Store::open(&dir.path().join("p.db"), &regions).expect("store");
    let desk = Actor {
        desk: "desk-1".into(),
        operator: "Anna".into(),
    };
    for i in 0..=n {
        let signer = moscow_signer(format!("{i:06}"), "г. Москва, ул. Ленина, д. 1", 20);
        let saved = store
            .save_entry(&signer, &desk, None, Utc::now())
            .expect("save");
        if i == n {
            store
                .void_entry(&saved.id, "typo", &desk, Utc::now())
                .expect("void");
        }
    }
    store
}

fn ids(sample: &[SampledLine]) -> Vec<String> {
    sample.iter().map(|l| l.entry.id.clone()).collect()
}

#[test]
fn the_same_seed_draws_the_same_lines_and_draws_never_repeat_a_line() {
    let (a, b) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let (mut one, mut two) = (store_with_lines(&a, 50), store_with_lines(&b, 50));
    let first = one
        .draw_paper_sample(10, 7, &actor(), Utc::now())
        .expect("draw");
    assert_eq!(
        (first.draw, first.population, first.drawn, first.total),
        (1, 50, 10, 10)
    );
    two.draw_paper_sample(10, 7, &actor(), Utc::now())
        .expect("draw");
    let lines = |s: &Store| -> Vec<(u32, u32)> {
        s.paper_sample()
            .expect("sample")
            .iter()
            .map(|l| (l.entry.sheet, l.entry.line))
            .collect()
    };
    assert_eq!(lines(&one), lines(&two), "same seed, same lines");
    let second = one
        .draw_paper_sample(45, 8, &actor(), Utc::now())
        .expect("draw");
    assert_eq!(
        (second.draw, second.population, second.drawn, second.total),
        (2, 40, 40, 50)
    );
    let sample = one.paper_sample().expect("sample");
    let positions: Vec<u32> = sample.iter().map(|l| l.position).collect();
    assert_eq!(positions, (1..=50).collect::<Vec<_>>());
    let mut distinct = ids(&sample);
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 50, "no line twice, the voided one never");
    assert!(sample.iter().all(|l| l.mark.is_none()));
}

#[test]
fn marks_replace_each_other_and_are_logged() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_with_lines(&dir, 5);
    store
        .draw_paper_sample(2, 1, &actor(), Utc::now())
        .expect("draw");
    let first = store.paper_sample().expect("sample")[0].entry.clone();
    let at = store
        .paper_lines_at(first.sheet, first.line)
        .expect("lines");
    assert_eq!(ids(&at), std::slice::from_ref(&first.id));
    let before = store
        .mark_paper_line(&first.id, PaperCode::Ok, "", &actor(), Utc::now())
        .expect("mark");
    assert_eq!(before, None);
    let before = store
        .mark_paper_line(&first.id, PaperCode::Other, "pencil", &actor(), Utc::now())
        .expect("mark");
    assert_eq!(before, Some(PaperCode::Ok));
    let mark = store.paper_sample().expect("sample")[0]
        .mark
        .clone()
        .expect("marked");
    assert_eq!(
        (mark.code, mark.note.as_str()),
        (PaperCode::Other, "pencil")
    );
    let events = store.events_for_entry(&first.id).expect("events");
    let marks: Vec<&str> = events
        .iter()
        .filter(|e| e.action == "paper_mark")
        .map(|e| e.details.as_str())
        .collect();
    assert_eq!(marks.len(), 2);
    assert!(marks[1].contains("\"pencil\""), "{marks:?}");
    assert!(matches!(
        store.mark_paper_line("nope", PaperCode::Ok, "", &actor(), Utc::now()),
        Err(StoreError::NoSuchEntry(_))
    ));
}
