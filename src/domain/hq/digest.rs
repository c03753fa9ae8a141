//! The keyed digests that stand in for a signer at HQ, and the entry as HQ holds it: no
//! name, document, birth date or address, only where it is on paper and the two digests.

use super::CampaignSecret;
use crate::domain::checks::LookupKeys;
use crate::domain::names::normalise_name;
use crate::domain::{DocKind, Entry, EntryStatus};
use chrono::{DateTime, NaiveDate, Utc};

/// The two digests of one signer: `HMAC(secret, doc_kind|series|number)` and
/// `HMAC(secret, surname|given|patronymic|birth_date)` over the folded names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Digests {
    /// Digest of the document; `None` when the document is not known yet.
    pub document: Option<[u8; 32]>,
    /// Digest of the person; `None` when the names or the birth date are not known yet.
    pub person: Option<[u8; 32]>,
}

/// A name as the person digest reads it: the form's normalisation (spaces, hyphens and
/// apostrophes tidied, as the near-duplicate check compares), then lower case with `ё`
/// read as `е`.
fn fold_name(name: &str) -> String {
    normalise_name(name)
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

impl CampaignSecret {
    /// The digest of a document (kind, series and number as the checks normalise them).
    pub fn document_digest(&self, kind: DocKind, series: &str, number: &str) -> [u8; 32] {
        self.mac(&[
            kind.as_str().as_bytes(),
            series.as_bytes(),
            number.as_bytes(),
        ])
    }

    /// The digest of a person: folded surname, given name, patronymic and the birth date.
    pub fn person_digest(
        &self,
        surname: &str,
        given_name: &str,
        patronymic: &str,
        birth_date: NaiveDate,
    ) -> [u8; 32] {
        let birth = birth_date.to_string();
        self.mac(&[
            fold_name(surname).as_bytes(),
            fold_name(given_name).as_bytes(),
            fold_name(patronymic).as_bytes(),
            birth.as_bytes(),
        ])
    }

    /// The digests of what the form (or an import row) has so far.
    pub fn lookup_digests(&self, keys: &LookupKeys) -> Digests {
        Digests {
            document: keys
                .document
                .as_ref()
                .map(|(kind, series, number)| self.document_digest(*kind, series, number)),
            person: keys
                .person
                .as_ref()
                .map(|(surname, given, patronymic, birth)| {
                    self.person_digest(surname, given, patronymic, *birth)
                }),
        }
    }

    /// A stored entry as HQ may hold it.
    pub fn hq_entry(&self, e: &Entry) -> HqEntry {
        let s = &e.signer;
        HqEntry {
            id: e.id.clone(),
            sheet: e.sheet,
            line: e.line,
            region_code: s.region_code.clone(),
            abroad_country: s.abroad_country.clone(),
            signed_on: s.signed_on,
            entered_at: e.entered_at,
            valid: e.status == EntryStatus::Valid,
            doc_digest: self.document_digest(s.doc_kind, &s.doc_series, &s.doc_number),
            person_digest: self.person_digest(
                &s.surname,
                &s.given_name,
                &s.patronymic,
                s.birth_date,
            ),
        }
    }
}

/// One entry as a point pushes it to HQ: everything HQ holds of it (its point is the role
/// that pushes it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HqEntry {
    /// Entry id.
    pub id: String,
    /// Sheet number at its point.
    pub sheet: u32,
    /// Line on the sheet.
    pub line: u32,
    /// Region code of the sheet.
    pub region_code: String,
    /// Foreign state of an `abroad` sheet.
    pub abroad_country: String,
    /// Signing date.
    pub signed_on: NaiveDate,
    /// When it was saved.
    pub entered_at: DateTime<Utc>,
    /// Valid (else voided).
    pub valid: bool,
    /// Digest of the document.
    pub doc_digest: [u8; 32],
    /// Digest of the person.
    pub person_digest: [u8; 32],
}
