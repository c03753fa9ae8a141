//! What a point's role may do at HQ, tried by connecting as one point: write only its own
//! rows, list no digest (not even its own), read nothing but the totals, the settings and
//! single lookups that answer point and date.

use crate::common::hq::TestHq;

/// A digest literal of 32 equal bytes.
fn digest(byte: u8) -> String {
    format!("'\\x{}'::bytea", format!("{byte:02x}").repeat(32))
}

/// An insert of one row by hand, as a point's role might try it.
fn insert(id: &str, origin: &str, doc: u8) -> String {
    format!(
        "INSERT INTO hq.entries(id, origin, sheet, line, region_code, signed_on, entered_at,
             valid, doc_digest, person_digest)
         VALUES ('{id}', '{origin}', 1, 1, '77', '2026-01-10', now(), true, {}, {})",
        digest(doc),
        digest(doc + 100)
    )
}

#[test]
fn a_point_writes_only_its_own_rows_and_reads_no_digest() {
    let Some(hq) = TestHq::new("row_security") else {
        return;
    };
    hq.init();
    hq.add_point("London");
    hq.add_point("Berlin");
    let mut london = hq.as_role(&hq.role_of("London"));
    let mut berlin = hq.as_role(&hq.role_of("Berlin"));
    london.batch_execute(&insert("l1", "London", 1)).unwrap();
    berlin.batch_execute(&insert("b1", "Berlin", 2)).unwrap();
    let refused = |client: &mut postgres::Client, sql: &str| {
        let result = client.batch_execute(sql);
        assert!(result.is_err(), "allowed: {sql}");
    };
    // Another point's origin, another point's row, deleting, moving a row away.
    refused(&mut london, &insert("l2", "Berlin", 3));
    refused(
        &mut london,
        "UPDATE hq.entries SET origin = 'Berlin' WHERE id = 'l1'",
    );
    refused(&mut london, "DELETE FROM hq.entries");
    refused(&mut london, "TRUNCATE hq.entries");
    // Digests, other columns, counters, points, the owner's functions, new tables.
    for sql in [
        "SELECT doc_digest FROM hq.entries",
        "SELECT person_digest FROM hq.entries",
        "SELECT origin, region_code FROM hq.entries",
        "SELECT * FROM hq.entries",
        "SELECT * FROM hq.tallies",
        "SELECT * FROM hq.points",
        "SELECT * FROM hq.settings",
        "SELECT hq.tally_inserted()",
        "CREATE TABLE hq.copy AS SELECT 1",
        "CREATE TABLE public.copy(a int)",
        "COPY hq.entries TO STDOUT",
        "SET ROLE root",
    ] {
        refused(&mut london, sql);
    }
    // An update of Berlin's row changes nothing; London's ids are all it sees.
    let changed = london
        .execute("UPDATE hq.entries SET valid = false WHERE id = 'b1'", &[])
        .unwrap();
    assert_eq!(changed, 0);
    let ids: Vec<String> = london
        .query("SELECT id FROM hq.entries", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(ids, ["l1"]);
    // A push of an id another point has leaves that row alone, without an error.
    london
        .batch_execute(&format!(
            "{} ON CONFLICT (id) DO NOTHING",
            insert("b1", "London", 9)
        ))
        .unwrap();
    assert_eq!(hq.counted("Berlin"), (1, 0));
    // Totals and settings through their views.
    let totals: Vec<(String, i64, i64)> = london
        .query(
            "SELECT region_code, others, campaign FROM hq.campaign_totals",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    assert_eq!(totals, [("77".to_string(), 1, 2)]);
    london
        .query("SELECT * FROM hq.campaign_settings", &[])
        .unwrap();
    // One pair per call: Berlin's document answers point and date, never London's own.
    let hit = |client: &mut postgres::Client, doc: u8| -> Vec<(String, String)> {
        client
            .query(
                &format!(
                    "SELECT kind, point || ' ' || signed_on FROM hq.lookup({}, NULL, NULL)",
                    digest(doc)
                ),
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect()
    };
    assert_eq!(
        hit(&mut london, 2),
        [("document".to_string(), "Berlin 2026-01-10".to_string())]
    );
    assert!(
        hit(&mut london, 1).is_empty(),
        "its own row is no duplicate"
    );
    assert!(hit(&mut berlin, 2).is_empty());
    // The owner's session sees no point, so the lookup answers it nothing either.
    assert!(hit(&mut hq.admin(), 2).is_empty());
}

#[test]
fn the_hq_database_admits_only_its_points_and_its_owner() {
    let Some(hq) = TestHq::new("database_connect") else {
        return;
    };
    hq.init();
    let mut admin = hq.admin();
    let public_connect: bool = admin
        .query_one(
            "SELECT has_database_privilege('public', current_database(), 'CONNECT')",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(!public_connect);
    hq.add_point("Riga");
    let role = hq.role_of("Riga");
    let point_connect: bool = admin
        .query_one(
            "SELECT has_database_privilege($1, current_database(), 'CONNECT')",
            &[&role],
        )
        .unwrap()
        .get(0);
    assert!(point_connect);
}
