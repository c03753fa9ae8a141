//! Points syncing to one HQ (DESIGN.md §10): exact totals with points pushing at once,
//! edits and voids, pushes repeated harmlessly, collisions reported after the fact at both
//! points and by `hq check`, campaign-wide caps, another point's export imported.

use crate::common::cli::{Output, signers_csv};
use crate::common::db::lead;
use crate::common::hq::TestHq;
use chrono::Utc;

#[test]
fn two_points_syncing_at_once_count_exactly_and_again_the_same() {
    let Some(hq) = TestHq::new("two_points") else {
        return;
    };
    let secret = hq.init();
    let london = hq.point("London", &secret);
    let berlin = hq.point("Berlin", &secret);
    london.save_signers("d1", 40, 1);
    berlin.save_signers("d1", 30, 2);
    std::thread::scope(|s| {
        for point in [&london, &berlin] {
            s.spawn(move || point.sync_once().assert().success());
        }
    });
    assert_eq!(hq.counted("London"), (40, 0));
    assert_eq!(hq.counted("Berlin"), (30, 0));
    assert_eq!(hq.tallied("London"), (40, 0));
    // An edit and a void reach HQ; the counters follow.
    let mut store = london.store();
    let entries = crate::common::db::all_entries(&store);
    store
        .void_entry(&entries[0].id, "typo", &lead(), Utc::now())
        .unwrap();
    let mut edit = entries[1].signer.clone();
    edit.address = format!("{}, кв. 9", edit.address);
    store
        .edit_entry(
            &sigdesk::store::EntryEdit {
                id: entries[1].id.clone(),
                entry: edit,
            },
            &lead(),
            Utc::now(),
        )
        .unwrap();
    drop(store);
    london
        .sync_once()
        .succeeds_printing("pushed 2, 0 waiting; campaign 69 valid");
    assert_eq!(hq.counted("London"), (39, 1));
    assert_eq!(hq.tallied("London"), (39, 1));
    // Nothing new: nothing pushed, nothing counted twice.
    london
        .sync_once()
        .succeeds_printing("pushed 0, 0 waiting; campaign 69 valid");
    assert_eq!(hq.tallied("London"), (39, 1));
    let stats = hq.hq(&["stats", "--json"]).stdout_ok();
    let json: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(json["valid_total"], 69);
    assert_eq!(json["points"][1]["name"], "London");
    assert_eq!(json["points"][1]["voided"], 1);
}

#[test]
fn five_points_syncing_at_once_count_exactly() {
    let Some(hq) = TestHq::new("five_points") else {
        return;
    };
    let secret = hq.init();
    let names = ["P1", "P2", "P3", "P4", "P5"];
    let points: Vec<_> = names.iter().map(|n| hq.point(n, &secret)).collect();
    for (seed, point) in points.iter().enumerate() {
        point.save_signers("d1", 15 + seed as u32, 10 + seed as u64);
    }
    for _ in 0..2 {
        std::thread::scope(|s| {
            for point in &points {
                s.spawn(move || point.sync_once().assert().success());
            }
        });
    }
    for (seed, name) in names.iter().enumerate() {
        let n = 15 + seed as i64;
        assert_eq!(hq.counted(name), (n, 0), "{name}");
        assert_eq!(hq.tallied(name), (n, 0), "{name}");
    }
    // Each point pulled the campaign-wide totals (85 = 15 + 16 + 17 + 18 + 19).
    let store = points[4].store();
    let own: u32 = store.region_counts().unwrap().values().sum();
    let capped: u32 = store.cap_counts().unwrap().values().sum();
    assert_eq!((own, capped), (19, 85));
}

#[test]
fn collisions_are_reported_after_the_fact_at_both_points_and_by_hq_check() {
    let Some(hq) = TestHq::new("collisions") else {
        return;
    };
    let secret = hq.init();
    let london = hq.point("London", &secret);
    let berlin = hq.point("Berlin", &secret);
    london.save_signers("d1", 3, 1);
    london.sync_once().assert().success();
    berlin.save_signers("d1", 2, 1);
    let said = berlin.sync_once().stdout_ok();
    assert!(said.contains("2 new collisions"), "{said}");
    assert!(
        said.contains("the same document signed at point London"),
        "{said}"
    );
    let said = london.sync_once().stdout_ok();
    assert!(
        said.contains("the same document signed at point Berlin"),
        "{said}"
    );
    let report = berlin.train(&["check"]).stdout_of(3);
    assert!(report.contains("dup.document (error): 2"), "{report}");
    assert!(
        report.contains("already signed at point London"),
        "{report}"
    );
    let found = hq.hq(&["check"]).stdout_of(3);
    assert!(found.contains("dup.document (error): 2"), "{found}");
    assert!(found.contains("London sheet"), "{found}");
    let json: serde_json::Value =
        serde_json::from_str(&hq.hq(&["check", "--json"]).stdout_of(3)).unwrap();
    assert_eq!(json["by_code"]["dup.document"], 2);
    assert_eq!(json["findings"][0]["detail"]["first"]["point"], "London");
    // Voiding the later line settles it: the collision is gone at both.
    let mut store = berlin.store();
    for e in crate::common::db::all_entries(&store) {
        store
            .void_entry(&e.id, "signed in London", &lead(), Utc::now())
            .unwrap();
    }
    drop(store);
    berlin.sync_once().assert().success();
    hq.hq(&["check"]).assert().code(0);
    berlin.train(&["check"]).assert().code(0);
}

#[test]
fn region_caps_count_every_point() {
    let Some(hq) = TestHq::new("caps") else {
        return;
    };
    let secret = hq.init();
    let london = hq.point("London", &secret);
    let berlin = hq.point("Berlin", &secret);
    hq.hq(&["campaign", "set", "region_cap", "3"])
        .assert()
        .success();
    london
        .import_text("moscow.csv", &signers_csv(0, 3))
        .assert()
        .success();
    london.sync_once().assert().success();
    berlin.sync_once().assert().success();
    let counts = berlin.store().cap_counts().unwrap();
    assert_eq!(counts.get("77"), Some(&3));
    // Berlin's first Moscow signer is already over the campaign-wide cap: a warning.
    let said = berlin
        .import_text("more.csv", &signers_csv(10, 1))
        .stdout_ok();
    assert!(said.contains("1 with warnings"), "{said}");
    let report = berlin.train(&["check"]).stdout_ok();
    assert!(
        !report.contains("region.cap"),
        "a point alone is under the cap: {report}"
    );
    berlin.sync_once().assert().success();
    let found = hq.hq(&["check"]).stdout_ok();
    assert!(found.contains("region.over_cap (warning): 1"), "{found}");
    assert!(
        found.contains("77 Moscow: 4 valid over the cap 3"),
        "{found}"
    );
}

#[test]
fn another_points_export_imported_here_is_counted_once() {
    let Some(hq) = TestHq::new("export_twice") else {
        return;
    };
    let secret = hq.init();
    let london = hq.point("London", &secret);
    let berlin = hq.point("Berlin", &secret);
    let file = signers_csv(0, 5);
    london.import_text("signers.csv", &file).assert().success();
    london.sync_once().assert().success();
    // The same entries (same ids) at Berlin: not duplicates of themselves, not pushed twice.
    berlin
        .import_text("signers.csv", &file)
        .succeeds_printing("imported 5 of 5 rows");
    berlin.sync_once().succeeds_printing("campaign 5 valid");
    assert_eq!(hq.counted("London"), (5, 0));
    assert_eq!(hq.counted("Berlin"), (0, 0));
}
