//! No plain personal data anywhere at HQ (DESIGN.md §10): every table dumped after two
//! points saved, imported, edited, voided and synced; no surname, name, birth date,
//! document number or address of any signer appears. And a point keeps no digest.

use crate::common::cli::signers_csv;
use crate::common::db::{all_entries, lead, query_texts};
use crate::common::hq::TestHq;
use chrono::Utc;

/// The dump with every digest (`\x` and 64 hex digits) blanked, so a passport number
/// cannot be "found" inside one by chance.
fn without_digests(dump: &str) -> String {
    let mut out = String::with_capacity(dump.len());
    let mut rest = dump;
    while let Some(at) = rest.find("\\x") {
        out.push_str(&rest[..at]);
        let hex = rest[at + 2..]
            .bytes()
            .take_while(u8::is_ascii_hexdigit)
            .count();
        out.push_str("<digest>");
        rest = &rest[at + 2 + hex..];
    }
    out.push_str(rest);
    out
}

/// Whether `number` stands alone in `text` (not inside a longer number or after the
/// decimal point of a time).
fn holds_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.')
            && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[test]
fn hq_holds_no_name_document_birth_date_or_address() {
    let Some(hq) = TestHq::new("privacy") else {
        return;
    };
    let secret = hq.init();
    let london = hq.point("London", &secret);
    let berlin = hq.point("Berlin", &secret);
    london.save_signers("d1", 40, 1);
    london
        .import_text("signers.csv", &signers_csv(0, 20))
        .assert()
        .success();
    berlin.save_signers("d1", 25, 2);
    berlin.save_signers("d2", 3, 1);
    let mut store = london.store();
    let first = &all_entries(&store)[0];
    store
        .void_entry(&first.id, "typo", &lead(), Utc::now())
        .unwrap();
    drop(store);
    for point in [&london, &berlin, &london] {
        point.sync_once().assert().success();
    }
    let dump = std::process::Command::new("pg_dump")
        .args(["-h", "127.0.0.1", "-U", "root", "--no-owner", &hq.db])
        .output()
        .expect("run pg_dump");
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );
    let mut text = String::from_utf8(dump.stdout).unwrap();
    // Every table once more, row by row, as JSON (what a stolen HQ would show).
    let mut admin = hq.admin();
    for row in admin
        .query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'hq'",
            &[],
        )
        .unwrap()
    {
        let table: String = row.get(0);
        for r in admin
            .query(
                &format!("SELECT row_to_json(t)::text FROM hq.{table} t"),
                &[],
            )
            .unwrap()
        {
            text.push_str(r.get::<_, &str>(0));
            text.push('\n');
        }
    }
    assert!(text.contains("London") && text.contains("Berlin"));
    let text = without_digests(&text);
    let mut signers = all_entries(&london.store());
    signers.extend(all_entries(&berlin.store()));
    assert!(signers.len() >= 88);
    for e in &signers {
        let s = &e.signer;
        let words = [
            s.surname.clone(),
            s.given_name.clone(),
            s.birth_date.to_string(),
            s.birth_date.format("%d.%m.%Y").to_string(),
            format!("{}{}", s.doc_series, s.doc_number),
            s.address.clone(),
        ];
        for word in words.iter().filter(|w| w.chars().count() >= 4) {
            assert!(!text.contains(word.as_str()), "HQ holds `{word}`");
        }
        assert!(
            !holds_number(&text, &s.doc_number),
            "HQ holds `{}`",
            s.doc_number
        );
        if !s.patronymic.is_empty() {
            assert!(!text.contains(&s.patronymic), "HQ holds `{}`", s.patronymic);
        }
    }
    // A point keeps no digest of its own or of anyone else's.
    let columns = query_texts(
        &berlin.db(),
        "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table'",
    );
    assert!(columns.iter().any(|c| c == "hq_collisions.point"));
    assert!(!columns.iter().any(|c| c.contains("digest")), "{columns:?}");
}
