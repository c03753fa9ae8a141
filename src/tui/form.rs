//! The desk form's state: one input per field, focus, findings and lookups.

use crate::domain::checks::{CheckContext, LookupKeys, add_hq_findings, check_entry, lookup_keys};
use crate::domain::dates::day_text;
use crate::domain::documents::kind_of;
use crate::domain::hq::HqAnswer;
use crate::domain::{
    ABROAD, Campaign, DocKind, Entry, EntryDraft, EntrySummary, Field, Finding, NewEntry, Region,
    RegionCatalog, Severity,
};
use crate::store::SheetPreview;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeSet, HashMap, HashSet};
use tui_input::Input;

/// The fields in form order.
pub const FIELDS: [Field; 10] = [
    Field::Surname,
    Field::GivenName,
    Field::Patronymic,
    Field::BirthDate,
    Field::DocKind,
    Field::Document,
    Field::Region,
    Field::AbroadCountry,
    Field::Address,
    Field::SignedOn,
];

/// How many region suggestions the list shows.
pub const SUGGESTIONS: usize = 6;

/// Values kept from the last signer of the desk's ticket (a family shares one place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carry {
    /// The ticket the values were saved on; another ticket forgets them.
    pub ticket: i64,
    /// Its number, as the hint names it.
    pub number: u32,
    /// Fields still showing the kept value; typing over one takes it out.
    pub fields: BTreeSet<Field>,
}

/// The form being typed: a new signer, or an existing entry being edited.
#[derive(Debug, Clone, Default)]
pub struct Form {
    inputs: HashMap<Field, Input>,
    /// Kind of document: read from the digits typed, or cycled with Space on its field.
    pub doc_kind: DocKind,
    /// Whether the operator chose the kind by hand (then it is never changed for them).
    pub kind_chosen: bool,
    /// Values kept from the last signer of the same ticket, if any still show.
    pub carry: Option<Carry>,
    /// Field with the cursor.
    pub focus: Field,
    /// Fields the cursor has left at least once: their findings are shown.
    pub visited: HashSet<Field>,
    /// The entry being edited, if this is an edit.
    pub editing: Option<Entry>,
    /// Findings of the last check.
    pub findings: Vec<Finding>,
    /// The checked entry when it has no errors.
    pub checked: Option<NewEntry>,
    /// Keys of the last duplicate lookup and its answers.
    pub looked_up: LookupKeys,
    /// Valid entry with the same document.
    pub same_document: Option<EntrySummary>,
    /// Valid entry of the same person.
    pub same_person: Option<EntrySummary>,
    /// Sheet/line for the resolved region, and the region it is for.
    pub preview: Option<((String, String), SheetPreview)>,
    /// Region codes suggested for what is typed in the region field.
    pub suggestions: Vec<String>,
    /// Highlighted suggestion.
    pub suggestion: usize,
    /// The warning codes the operator has seen with one Ctrl-S; a second saves.
    pub warnings_seen: Option<Vec<&'static str>>,
    /// Where the question to the campaign HQ stands (stays idle without an HQ).
    pub hq: HqCheck,
}

/// The form's question to the campaign HQ about its lookup keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum HqCheck {
    /// Nothing asked: no HQ, or no keys yet.
    #[default]
    Idle,
    /// Asked at this time; no answer yet.
    Asked {
        /// The keys asked about.
        keys: LookupKeys,
        /// When (model time).
        at: DateTime<Utc>,
    },
    /// HQ answered.
    Answered {
        /// The keys asked about.
        keys: LookupKeys,
        /// Its answer.
        answer: HqAnswer,
    },
    /// No answer within 2 s, or HQ is offline: the save goes ahead, `sync` and `check`
    /// report a collision later.
    Pending {
        /// The keys asked about.
        keys: LookupKeys,
    },
}

impl HqCheck {
    /// The keys this question is about.
    pub fn keys(&self) -> Option<&LookupKeys> {
        match self {
            HqCheck::Idle => None,
            HqCheck::Asked { keys, .. }
            | HqCheck::Answered { keys, .. }
            | HqCheck::Pending { keys } => Some(keys),
        }
    }
}

impl Form {
    /// An empty form with the signing date pre-filled.
    pub fn new(today: NaiveDate) -> Form {
        let mut form = Form::default();
        form.set_text(Field::SignedOn, &day_text(today));
        form
    }

    /// A form filled from a stored entry, to edit it.
    pub fn editing(entry: Entry, regions: &RegionCatalog, russian: bool) -> Form {
        let region_text = regions
            .by_code(&entry.signer.region_code)
            .map(|r| r.display_name(russian).to_string())
            .unwrap_or_else(|| entry.signer.region_code.clone());
        let draft = entry.signer.to_draft(region_text);
        let mut form = Form::default();
        form.fill(&draft);
        form.kind_chosen = true;
        form.visited = FIELDS.into_iter().collect();
        form.editing = Some(entry);
        form
    }

    fn fill(&mut self, d: &EntryDraft) {
        self.set_text(Field::Surname, &d.surname);
        self.set_text(Field::GivenName, &d.given_name);
        self.set_text(Field::Patronymic, &d.patronymic);
        self.set_text(Field::BirthDate, &d.birth_date);
        self.doc_kind = d.doc_kind;
        self.set_text(Field::Document, &d.document);
        self.set_text(Field::Region, &d.region);
        self.set_text(Field::AbroadCountry, &d.abroad_country);
        self.set_text(Field::Address, &d.address);
        self.set_text(Field::SignedOn, &d.signed_on);
    }

    /// The text of a field.
    pub fn text(&self, field: Field) -> &str {
        self.inputs.get(&field).map(Input::value).unwrap_or("")
    }

    /// The input widget state of a field (cursor, scroll).
    pub fn input(&self, field: Field) -> Option<&Input> {
        self.inputs.get(&field)
    }

    /// The input of a field, created empty on first use.
    pub fn input_mut(&mut self, field: Field) -> &mut Input {
        self.inputs.entry(field).or_default()
    }

    /// Replaces a field's text, cursor at the end.
    pub fn set_text(&mut self, field: Field, text: &str) {
        self.inputs.insert(field, Input::new(text.to_string()));
    }

    /// The draft as typed.
    pub fn draft(&self) -> EntryDraft {
        EntryDraft {
            surname: self.text(Field::Surname).into(),
            given_name: self.text(Field::GivenName).into(),
            patronymic: self.text(Field::Patronymic).into(),
            birth_date: self.text(Field::BirthDate).into(),
            doc_kind: self.doc_kind,
            document: self.text(Field::Document).into(),
            region: self.text(Field::Region).into(),
            abroad_country: self.text(Field::AbroadCountry).into(),
            address: self.text(Field::Address).into(),
            signed_on: self.text(Field::SignedOn).into(),
        }
    }

    /// Whether the operator typed anything a signer gave (the pre-filled date and values
    /// kept from the last signer do not count).
    pub fn has_signer_data(&self) -> bool {
        FIELDS
            .iter()
            .filter(|f| **f != Field::SignedOn && **f != Field::DocKind && !self.is_carried(**f))
            .any(|f| !self.text(*f).trim().is_empty())
    }

    /// Whether an edit differs from the saved entry it opened (false when not editing).
    pub fn edit_changed(&self, regions: &RegionCatalog, russian: bool) -> bool {
        self.editing.as_ref().is_some_and(|entry| {
            let saved = Form::editing(entry.clone(), regions, russian);
            saved.draft() != self.draft()
        })
    }

    /// Whether a field still shows the value kept from the last signer of the ticket.
    pub fn is_carried(&self, field: Field) -> bool {
        self.carry
            .as_ref()
            .is_some_and(|c| c.fields.contains(&field))
    }

    /// The field is the operator's own now (typed over, or taken to edit).
    pub fn uncarry(&mut self, field: Field) {
        if let Some(carry) = &mut self.carry {
            carry.fields.remove(&field);
            if carry.fields.is_empty() {
                self.carry = None;
            }
        }
    }

    /// Reads the document kind from what the document field holds, unless the operator
    /// chose the kind by hand.
    pub fn read_kind(&mut self) {
        if !self.kind_chosen {
            self.doc_kind = kind_of(self.text(Field::Document));
        }
    }

    /// The region the address names while the region field is still empty: offered with
    /// one key (when the region was typed first, the address-vs-region warning speaks).
    pub fn region_offer<'a>(&self, regions: &'a RegionCatalog) -> Option<&'a Region> {
        if !self.text(Field::Region).trim().is_empty() {
            return None;
        }
        regions
            .named_in_address(self.text(Field::Address))
            .filter(|r| r.code != ABROAD)
    }

    /// Whether the region field resolves to `abroad` (then the country field is asked).
    pub fn is_abroad(&self, regions: &RegionCatalog) -> bool {
        regions
            .resolve(self.text(Field::Region))
            .is_some_and(|r| r.code == ABROAD)
    }

    /// The fields the cursor visits, skipping the country unless the region is abroad.
    pub fn active_fields(&self, regions: &RegionCatalog) -> Vec<Field> {
        let abroad = self.is_abroad(regions);
        FIELDS
            .into_iter()
            .filter(|f| *f != Field::AbroadCountry || abroad)
            .collect()
    }

    /// Re-runs every check with what is known now.
    pub fn recheck(
        &mut self,
        today: NaiveDate,
        campaign: &Campaign,
        regions: &RegionCatalog,
        counts: &HashMap<String, u32>,
    ) {
        let draft = self.draft();
        let keys = lookup_keys(&draft);
        let fresh = keys == self.looked_up;
        let mut own_counts;
        let counts = match &self.editing {
            // An edited entry is already counted in its region; do not count it twice.
            Some(e) if e.status == crate::domain::EntryStatus::Valid => {
                own_counts = counts.clone();
                if let Some(n) = own_counts.get_mut(&e.signer.region_code) {
                    *n = n.saturating_sub(1);
                }
                &own_counts
            }
            _ => counts,
        };
        let ctx = CheckContext {
            today,
            campaign,
            regions,
            region_counts: counts,
            same_document: self.same_document.as_ref().filter(|_| fresh),
            same_person: self.same_person.as_ref().filter(|_| fresh),
        };
        let mut outcome = check_entry(&draft, &ctx);
        if let HqCheck::Answered {
            keys: asked,
            answer,
        } = &self.hq
            && *asked == keys
        {
            add_hq_findings(&mut outcome, answer);
        }
        self.findings = outcome.findings;
        self.checked = outcome.entry;
    }

    /// Findings of one field, errors first.
    pub fn findings_for(&self, field: Field) -> Vec<&Finding> {
        let mut found: Vec<&Finding> = self.findings.iter().filter(|f| f.field == field).collect();
        found.sort_by_key(|f| std::cmp::Reverse(f.severity));
        found
    }

    /// Whether a field's findings are shown now: after it was left once.
    pub fn shows_findings(&self, field: Field) -> bool {
        self.visited.contains(&field)
    }

    /// Findings of a given severity, over the whole form.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Codes of all current warnings, to tell whether the operator has seen them.
    pub fn warning_codes(&self) -> Vec<&'static str> {
        let mut codes: Vec<_> = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|f| f.code())
            .collect();
        codes.sort_unstable();
        codes
    }
}
