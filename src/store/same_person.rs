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

impl Store {
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
