//! The same-person lookup behind `dup.person`: one signer twice with two documents.

use super::entry_rows::ColumnsAt;
use super::{Store, StoreError};
use crate::domain::names::fold_yo;
use crate::domain::{Column, DocKind, EntrySummary};
use chrono::NaiveDate;
use rusqlite::params;

/// Valid entries of one person, earliest first, names compared with `ё` read as `е`: the
/// expressions are those of the `entries_person_folded` index, so SQLite reads the index.
const SAME_PERSON: &str =
    "SELECT id, origin, sheet, line, desk, entered_at, doc_kind, doc_series, doc_number
     FROM entries
     WHERE replace(replace(surname, 'ё', 'е'), 'Ё', 'Е') = ?1
       AND replace(replace(given_name, 'ё', 'е'), 'Ё', 'Е') = ?2
       AND birth_date = ?3
       AND replace(replace(patronymic, 'ё', 'е'), 'Ё', 'Е') = ?4
       AND status = 'valid'
     ORDER BY entered_at";

/// Every valid person key (folded names, birth date) with its entry's row number, in the
/// order of the `entries_person_folded` index, which SQLite reads without the table.
const PEOPLE_IN_ORDER: &str = "
    SELECT replace(replace(surname, 'ё', 'е'), 'Ё', 'Е'),
           replace(replace(given_name, 'ё', 'е'), 'Ё', 'Е'),
           birth_date,
           replace(replace(patronymic, 'ё', 'е'), 'Ё', 'Е'),
           rowid
    FROM entries WHERE status = 'valid'
    ORDER BY 1, 2, 3, 4, entered_at, rowid";

/// Where one entry stands and its document, by row number.
const MEMBER: &str = "SELECT id, origin, sheet, line, desk, entered_at, doc_kind, doc_series,
    doc_number FROM entries WHERE rowid = ?1";

/// One entry of a repeated person: row number, where it stands, its document.
struct Member {
    rowid: i64,
    summary: EntrySummary,
    document: (String, String, String),
}

impl Store {
    /// Calls `visit` with the row number and place of every valid entry that has a
    /// same-person match (what [`Store::find_same_person`] would find for it) and that match, in one
    /// pass over the repeated people rather than one lookup per entry.
    pub fn for_each_same_person(
        &self,
        mut visit: impl FnMut(i64, &EntrySummary, &EntrySummary) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare(PEOPLE_IN_ORDER)?;
        let mut rows = stmt.query([])?;
        let mut key: [String; 4] = Default::default();
        let mut same: Vec<i64> = Vec::new();
        while let Some(r) = rows.next()? {
            let mut changed = false;
            for (i, part) in key.iter_mut().enumerate() {
                let text = r.get_ref(i)?.as_str().unwrap_or("");
                if changed || part != text {
                    changed = true;
                    part.clear();
                    part.push_str(text);
                }
            }
            if changed {
                self.visit_person(&same, &mut visit)?;
                same.clear();
            }
            if !key[0].is_empty() && !key[1].is_empty() {
                same.push(r.get(4)?);
            }
        }
        self.visit_person(&same, &mut visit)
    }

    /// The same-person matches among the entries of one person (row numbers, in order).
    fn visit_person(
        &self,
        rowids: &[i64],
        visit: &mut impl FnMut(i64, &EntrySummary, &EntrySummary) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        if rowids.len() < 2 {
            return Ok(());
        }
        let mut stmt = self.conn.prepare_cached(MEMBER)?;
        let at = ColumnsAt::of(&stmt);
        let mut group = Vec::with_capacity(rowids.len());
        for rowid in rowids {
            group.push(stmt.query_row([rowid], |r| {
                Ok(Member {
                    rowid: *rowid,
                    summary: at.summary(r)?,
                    document: (
                        at.get(r, Column::DocKind)?,
                        at.get(r, Column::DocSeries)?,
                        at.get(r, Column::DocNumber)?,
                    ),
                })
            })?);
        }
        visit_group(&group, visit)
    }

    /// A valid entry of the same person (name and birth date, `ё` read as `е`) with
    /// another document.
    pub fn find_same_person(
        &self,
        person: &(String, String, String, NaiveDate),
        document: Option<&(DocKind, String, String)>,
    ) -> Result<Option<EntrySummary>, StoreError> {
        let (surname, given, patronymic, birth) = person;
        let mut stmt = self.conn.prepare_cached(SAME_PERSON)?;
        let at = ColumnsAt::of(&stmt);
        let mut rows = stmt.query(params![
            fold_yo(surname),
            fold_yo(given),
            birth.to_string(),
            fold_yo(patronymic)
        ])?;
        while let Some(r) = rows.next()? {
            let same_doc = document.is_some_and(|(k, s, n)| {
                at.doc_kind(r).ok() == Some(*k)
                    && at.get::<String>(r, Column::DocSeries).ok().as_deref() == Some(s.as_str())
                    && at.get::<String>(r, Column::DocNumber).ok().as_deref() == Some(n.as_str())
            });
            if !same_doc {
                return Ok(Some(at.summary(r)?));
            }
        }
        Ok(None)
    }
}

/// Each member's first other member (in the group's order) with another document.
fn visit_group(
    group: &[Member],
    visit: &mut impl FnMut(i64, &EntrySummary, &EntrySummary) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    for m in group {
        if let Some(first) = group.iter().find(|o| o.document != m.document) {
            visit(m.rowid, &m.summary, &first.summary)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{NewEntry, RegionCatalog};
    use crate::store::Actor;
    use chrono::Utc;

    fn signer(surname: &str, given: &str, number: &str) -> NewEntry {
        NewEntry {
            surname: surname.into(),
            given_name: given.into(),
            patronymic: "Алексеевич".into(),
            birth_date: NaiveDate::from_ymd_opt(1980, 5, 17).expect("date"),
            doc_kind: DocKind::InternalPassport,
            doc_series: "4510".into(),
            doc_number: number.into(),
            region_code: "77".into(),
            abroad_country: String::new(),
            address: "г. Москва, ул. Ленина, д. 1".into(),
            signed_on: NaiveDate::from_ymd_opt(2024, 1, 20).expect("date"),
        }
    }

    #[test]
    fn yo_and_ye_are_one_person_and_the_lookup_reads_the_index() {
        let dir = tempfile::tempdir().expect("dir");
        let regions = RegionCatalog::embedded().expect("catalogue");
        let mut store = Store::open(&dir.path().join("p.db"), &regions).expect("store");
        let actor = Actor {
            desk: "desk-1".into(),
            operator: "Anna".into(),
        };
        let first = store
            .save_entry(
                &signer("Семёнов", "Пётр", "000001"),
                &actor,
                None,
                Utc::now(),
            )
            .expect("save");
        let key = |surname: &str, given: &str| {
            let s = signer(surname, given, "000002");
            (s.surname, s.given_name, s.patronymic, s.birth_date)
        };
        let other_document = (DocKind::InternalPassport, "4510".into(), "000002".into());
        for (surname, given) in [
            ("Семенов", "Петр"),
            ("Семёнов", "Петр"),
            ("Семенов", "Пётр"),
        ] {
            let found = store
                .find_same_person(&key(surname, given), Some(&other_document))
                .expect("lookup");
            assert_eq!(
                found.map(|s| s.id),
                Some(first.id.clone()),
                "{surname} {given}"
            );
        }
        assert!(
            store
                .find_same_person(&key("Семенова", "Петр"), Some(&other_document))
                .expect("lookup")
                .is_none()
        );
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {SAME_PERSON}"))
            .expect("plan")
            .query_map(["", "", "", ""], |r| r.get::<_, String>(3))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("plan rows");
        let plan = plan.join("\n");
        assert!(plan.contains("USING INDEX entries_person_folded"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}
