//! How a demo desk saves a typed signer: the form's checks, a retyped number when the
//! document is taken, and entry ids built from the simulated time and the seeded generator.

use super::Simulation;
use crate::domain::checks::{CheckContext, check_entry, lookup_keys};
use crate::domain::{EntryDraft, Severity};
use crate::store::{Actor, StoreError};
use chrono::{DateTime, NaiveDate, Utc};

impl Simulation<'_> {
    /// A new document number for the same series (a typo fixed, or a taken number).
    pub(super) fn renumber(&mut self, draft: &mut EntryDraft) {
        let digits: String = draft
            .document
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let series_len = digits.len().saturating_sub(match draft.doc_kind {
            crate::domain::DocKind::ForeignPassport => 7,
            _ => 6,
        });
        let (series, number) = digits.split_at(series_len);
        let fresh = format!(
            "{:0width$}",
            self.rng.u32(0..9_999_999),
            width = number.len()
        );
        draft.document = format!("{series} {}", &fresh[fresh.len() - number.len()..]);
    }

    /// Runs the form's checks; saves when there is no error (warnings need the operator's
    /// second Ctrl-S, which they give). A taken document number is retyped.
    pub(super) fn save_checked(
        &mut self,
        draft: &mut EntryDraft,
        actor: &Actor,
        day: NaiveDate,
        ticket: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<String>, StoreError> {
        for _ in 0..5 {
            let keys = lookup_keys(draft);
            let same_document = match &keys.document {
                Some((kind, series, number)) => {
                    self.store.find_by_document(*kind, series, number)?
                }
                None => None,
            };
            let same_person = match &keys.person {
                Some(person) => self
                    .store
                    .find_same_person(person, keys.document.as_ref())?,
                None => None,
            };
            let outcome = check_entry(
                draft,
                &CheckContext {
                    today: day,
                    campaign: self.campaign,
                    regions: self.regions,
                    region_counts: &self.counts,
                    same_document: same_document.as_ref(),
                    same_person: same_person.as_ref(),
                },
            );
            let errors: Vec<&str> = outcome
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.code())
                .collect();
            if errors == ["dup.document"] {
                self.renumber(draft);
                continue;
            }
            let Some(entry) = outcome.entry.filter(|_| errors.is_empty()) else {
                return Ok(None);
            };
            let id = self.entry_id(now);
            let saved = self
                .store
                .save_entry_with_id(&entry, actor, Some(ticket), now, id)?;
            for finding in &outcome.findings {
                *self
                    .summary
                    .warnings
                    .entry(finding.code().to_string())
                    .or_default() += 1;
            }
            *self.counts.entry(entry.region_code).or_default() += 1;
            self.summary.saved += 1;
            return Ok(Some(saved.id));
        }
        Ok(None)
    }

    /// A UUID v7 from the simulated time and seeded random bits.
    fn entry_id(&mut self, now: DateTime<Utc>) -> String {
        let mut bytes = [0u8; 10];
        for b in &mut bytes {
            *b = self.rng.u8(..);
        }
        let millis = u64::try_from(now.timestamp_millis()).unwrap_or_default();
        uuid::Builder::from_unix_timestamp_millis(millis, &bytes)
            .into_uuid()
            .to_string()
    }
}
