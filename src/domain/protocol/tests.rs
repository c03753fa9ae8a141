//! Table tests of the protocol's choices and a property test of its promises.

use super::*;
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

/// A closed, certified sheet of point `p` with `lines` valid lines and `defects` defects.
fn sheet(number: u32, region: &str, lines: u32, defects: u32) -> ProtocolSheet {
    ProtocolSheet {
        origin: "p".into(),
        number,
        region_code: region.into(),
        abroad_country: if region == ABROAD {
            "Литва".into()
        } else {
            String::new()
        },
        closed: true,
        certified: true,
        valid_lines: lines,
        errors: Vec::new(),
        defects,
    }
}

const CAPS: Caps = Caps {
    region: 25,
    abroad: 12,
};

#[test]
fn sheets_are_taken_whole_fewest_defects_first_within_the_cap() {
    let sheets = [
        sheet(1, "77", 10, 3),
        sheet(2, "77", 10, 0),
        sheet(3, "77", 10, 1),
        sheet(4, "77", 4, 5),
        sheet(5, "78", 10, 0),
    ];
    let p = build_protocol(&sheets, CAPS);
    let moscow = &p.regions[0];
    let numbers: Vec<u32> = moscow.submitted.iter().map(|s| s.number).collect();
    // 2 and 3 (20 signatures); 1 would make 30 > 25; 4 (4 lines) still fits: 24.
    assert_eq!(numbers, [2, 3, 4]);
    assert_eq!((moscow.sheets, moscow.signatures, moscow.cap), (3, 24, 25));
    assert_eq!(p.left_out.len(), 1);
    assert_eq!(
        (
            p.left_out[0].number,
            &p.left_out[0].reason,
            p.left_out[0].valid_lines
        ),
        (1, &LeftOutReason::OverCap, 10)
    );
    assert_eq!((p.sheets, p.signatures), (4, 34));
    assert_eq!(p.regions[1].region_code, "78");
}

#[test]
fn open_uncertified_faulty_and_empty_sheets_are_left_out_with_their_reason() {
    let mut open = sheet(1, "77", 3, 0);
    open.closed = false;
    open.certified = false;
    let mut uncertified = sheet(2, "77", 10, 0);
    uncertified.certified = false;
    let mut faulty = sheet(3, "50", 10, 0);
    faulty.errors = vec!["sheet.collector_not_listed"];
    let empty = sheet(4, "50", 0, 0);
    let good = sheet(5, "50", 9, 2);
    let p = build_protocol(&[open, uncertified, faulty, empty, good], CAPS);
    let reasons: Vec<(u32, LeftOutReason)> = p
        .left_out
        .iter()
        .map(|l| (l.number, l.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        [
            (3, LeftOutReason::Errors(vec!["sheet.collector_not_listed"])),
            (4, LeftOutReason::Empty),
            (1, LeftOutReason::Open),
            (2, LeftOutReason::Uncertified),
        ]
    );
    assert_eq!((p.sheets, p.signatures), (1, 9));
}

#[test]
fn every_foreign_state_shares_the_abroad_cap() {
    let mut lithuania = sheet(1, ABROAD, 8, 0);
    lithuania.abroad_country = "Литва".into();
    let mut germany = sheet(2, ABROAD, 8, 1);
    germany.abroad_country = "Германия".into();
    let p = build_protocol(&[lithuania, germany], CAPS);
    assert_eq!(p.regions.len(), 1);
    assert_eq!((p.regions[0].signatures, p.regions[0].cap), (8, 12));
    assert_eq!(p.left_out[0].abroad_country, "Германия");
}

#[test]
fn the_json_names_the_reason_and_its_codes() {
    let mut faulty = sheet(3, "50", 10, 0);
    faulty.errors = vec!["sheet.certified_before_signature"];
    let p = build_protocol(&[faulty, sheet(4, "50", 30, 0)], CAPS);
    let json = serde_json::to_value(&p.left_out).expect("json");
    assert_eq!(json[0]["reason"], "errors");
    assert_eq!(json[0]["codes"][0], "sheet.certified_before_signature");
    assert_eq!(json[1]["reason"], "over_cap");
}

fn any_sheet() -> impl Strategy<Value = ProtocolSheet> {
    (
        0u32..3,
        1u32..60,
        prop::sample::select(vec!["77", "78", "50", ABROAD]),
        0u32..=12,
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.1),
        0u32..6,
    )
        .prop_map(
            |(origin, number, region, lines, closed, certified, faulty, defects)| {
                let mut s = sheet(number, region, lines, defects);
                s.origin = format!("p{origin}");
                s.closed = closed || certified;
                s.certified = certified;
                if faulty {
                    s.errors = vec!["signed.after_window"];
                }
                s
            },
        )
}

proptest! {
    #[test]
    fn no_cap_is_ever_exceeded_and_every_sheet_is_accounted_for_once(
        list in prop::collection::vec(any_sheet(), 0..80),
        region in 0u32..60,
        abroad in 0u32..60,
    ) {
        // Sheets are unique per point and number.
        let mut seen = HashSet::new();
        let sheets: Vec<ProtocolSheet> =
            list.into_iter().filter(|s| seen.insert((s.origin.clone(), s.number))).collect();
        let caps = Caps { region, abroad };
        let p = build_protocol(&sheets, caps);
        let mut places: HashMap<(String, u32), usize> = HashMap::new();
        for r in &p.regions {
            prop_assert!(r.signatures <= caps.of(&r.region_code), "{r:?}");
            prop_assert_eq!(r.signatures, r.submitted.iter().map(|s| s.signatures).sum::<u32>());
            for s in &r.submitted {
                *places.entry((s.origin.clone(), s.number)).or_default() += 1;
                let source = sheets.iter().find(|x| x.origin == s.origin && x.number == s.number);
                let ok = source.is_some_and(|x| x.closed && x.certified && x.errors.is_empty()
                    && x.valid_lines > 0 && x.region_code == r.region_code);
                prop_assert!(ok, "{s:?}");
            }
        }
        for l in &p.left_out {
            *places.entry((l.origin.clone(), l.number)).or_default() += 1;
            if l.reason == LeftOutReason::OverCap {
                // Left out for the cap only when it really would not fit.
                let region = p.regions.iter().find(|r| r.region_code == l.region_code);
                let taken = region.map_or(0, |r| r.signatures);
                prop_assert!(taken + l.valid_lines > caps.of(&l.region_code), "{l:?}");
            }
        }
        prop_assert_eq!(places.len(), sheets.len());
        prop_assert!(places.values().all(|&n| n == 1));
        prop_assert_eq!(p.signatures, p.regions.iter().map(|r| r.signatures).sum::<u32>());
    }
}
