use super::*;
use crate::domain::checks::LookupKeys;
use crate::domain::{Campaign, DocKind};
use chrono::{Duration, NaiveDate, TimeZone, Utc};

fn secret(seed: u8) -> CampaignSecret {
    CampaignSecret::from_bytes(std::array::from_fn(|i| {
        seed.wrapping_mul(31).wrapping_add(i as u8)
    }))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn the_secret_reads_back_as_printed_however_it_is_typed() {
    let s = secret(7);
    let text = s.text();
    assert_eq!(text.len(), 52 + 12, "13 groups of four: {text}");
    assert_eq!(CampaignSecret::parse(&text), Some(s.clone()));
    let sloppy = text.to_lowercase().replace('-', " ");
    assert_eq!(CampaignSecret::parse(&sloppy), Some(s));
    for bad in [
        "",
        "ABCD",
        "0000-1111",
        &text[..text.len() - 1],
        &format!("{text}A"),
    ] {
        assert_eq!(CampaignSecret::parse(bad), None, "{bad}");
    }
    assert_eq!(format!("{:?}", secret(7)), "CampaignSecret(…)");
}

#[test]
fn a_person_digest_folds_case_spaces_and_yo() {
    let s = secret(1);
    let birth = day("1980-02-01");
    let a = s.person_digest("Семёнов", "Пётр", "Ильич", birth);
    assert_eq!(a, s.person_digest("  семенов ", "ПЕТР", "ильич", birth));
    assert_ne!(
        a,
        s.person_digest("Семенов", "Петр", "Ильич", day("1980-02-02"))
    );
    assert_ne!(
        a,
        secret(2).person_digest("Семёнов", "Пётр", "Ильич", birth)
    );
}

#[test]
fn a_document_digest_depends_on_kind_series_number_and_secret() {
    let s = secret(1);
    let d = s.document_digest(DocKind::InternalPassport, "4506", "700001");
    assert_ne!(
        d,
        s.document_digest(DocKind::InternalPassport, "4506", "700002")
    );
    assert_ne!(d, s.document_digest(DocKind::Other, "4506", "700001"));
    assert_ne!(
        d,
        s.document_digest(DocKind::InternalPassport, "450", "6700001")
    );
    assert_ne!(
        d,
        secret(3).document_digest(DocKind::InternalPassport, "4506", "700001")
    );
    let keys = LookupKeys {
        document: Some((DocKind::InternalPassport, "4506".into(), "700001".into())),
        person: None,
    };
    assert_eq!(
        s.lookup_digests(&keys),
        Digests {
            document: Some(d),
            person: None
        }
    );
}

#[test]
fn fingerprints_tell_secrets_apart() {
    assert_eq!(secret(1).fingerprint(), secret(1).fingerprint());
    assert_ne!(secret(1).fingerprint(), secret(2).fingerprint());
    assert_eq!(secret(1).fingerprint().len(), 64);
}

#[test]
fn the_top_line_state_follows_the_last_rounds() {
    let now = Utc.with_ymd_and_hms(2024, 3, 10, 12, 0, 0).unwrap();
    let mut link = LinkState::default();
    assert_eq!(link.status(now), HqStatus::NotYet);
    link.last_good = Some(now - Duration::seconds(150));
    assert_eq!(link.status(now), HqStatus::Synced { minutes: 2 });
    link.offline_since = Some(now - Duration::minutes(14));
    assert_eq!(link.status(now), HqStatus::Offline { minutes: 14 });
    link.offline_since = Some(now + Duration::minutes(1));
    assert_eq!(link.status(now), HqStatus::Offline { minutes: 0 });
}

fn side(point: &str, sheet: u32) -> CollisionSide {
    CollisionSide {
        point: point.into(),
        sheet,
        line: 1,
        signed_on: day("2024-03-09"),
    }
}

fn point(
    name: &str,
    valid: u64,
    synced_min_ago: Option<i64>,
    now: chrono::DateTime<Utc>,
) -> PointFigures {
    PointFigures {
        name: name.into(),
        last_sync: synced_min_ago.map(|m| now - Duration::minutes(m)),
        valid,
        voided: 0,
        last_hour: 0,
    }
}

#[test]
fn hq_check_finds_collisions_caps_silence_and_a_wrong_secret() {
    let now = Utc.with_ymd_and_hms(2024, 3, 10, 12, 0, 0).unwrap();
    let mut campaign = Campaign::defaults().unwrap();
    campaign.region_cap = 100;
    let overview = HqOverview {
        points: vec![
            point("London", 80, Some(5), now),
            point("Berlin", 60, Some(61), now),
            point("Tbilisi", 70, None, now),
        ],
        point_regions: vec![
            ("London".into(), "77".into(), 60),
            ("London".into(), "50".into(), 20),
            ("Berlin".into(), "77".into(), 60),
            ("Tbilisi".into(), "77".into(), 70),
        ],
        collisions: vec![Collision {
            kind: CollisionKind::Document,
            first: side("London", 1),
            second: side("Berlin", 2),
        }],
    };
    let codes: Vec<&str> = hq_findings(&overview, &campaign, now)
        .iter()
        .map(HqFinding::code)
        .collect();
    assert_eq!(
        codes,
        [
            "dup.document",
            "point.secret",
            "point.silent",
            "point.silent",
            "region.over_cap"
        ]
    );
    let found = hq_findings(&overview, &campaign, now);
    assert!(found.contains(&HqFinding::OverCap {
        region: "77".into(),
        total: 190,
        cap: 100
    }));
    assert!(found.contains(&HqFinding::LikelyWrongSecret {
        point: "Tbilisi".into(),
        shared_regions: vec!["77".into()]
    }));
    // Without any collision at all nobody is suspect: duplicates are rare.
    let quiet = HqOverview {
        collisions: Vec::new(),
        ..overview
    };
    assert!(
        hq_findings(&quiet, &campaign, now)
            .iter()
            .all(|f| f.code() != "point.secret")
    );
}
