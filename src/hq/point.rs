//! What a point's role does at HQ: push its entries (idempotent upserts by id), pull the
//! campaign-wide totals, HQ's settings and its collisions, and look up digest pairs.

use super::{Hq, HqError};
use crate::domain::hq::{
    CampaignSecret, CollisionKind, Digests, HqAnswer, HqEntry, HqFailure, HqHit, LateCollision,
};
use crate::store::HqPull;
use chrono::{DateTime, NaiveDate, Utc};
use postgres::types::ToSql;
use postgres::{SimpleQueryMessage, Statement};
use std::collections::HashSet;
use std::fmt::Write;

/// A session as one point, its schema and secret checked, its statements prepared once.
pub struct PointSession {
    hq: Hq,
    insert: Statement,
    update: Statement,
    lookup: Statement,
}

/// A batch of entries as the ten column arrays the push statements take.
struct Columns<'a> {
    ids: Vec<&'a str>,
    sheets: Vec<i32>,
    lines: Vec<i32>,
    regions: Vec<&'a str>,
    countries: Vec<&'a str>,
    signed: Vec<NaiveDate>,
    entered: Vec<DateTime<Utc>>,
    valid: Vec<bool>,
    docs: Vec<&'a [u8]>,
    people: Vec<&'a [u8]>,
}

impl<'a> Columns<'a> {
    fn of(entries: impl Iterator<Item = &'a HqEntry>) -> Columns<'a> {
        let mut c = Columns {
            ids: Vec::new(),
            sheets: Vec::new(),
            lines: Vec::new(),
            regions: Vec::new(),
            countries: Vec::new(),
            signed: Vec::new(),
            entered: Vec::new(),
            valid: Vec::new(),
            docs: Vec::new(),
            people: Vec::new(),
        };
        for e in entries {
            c.ids.push(&e.id);
            c.sheets.push(i32::try_from(e.sheet).unwrap_or(i32::MAX));
            c.lines.push(i32::try_from(e.line).unwrap_or(i32::MAX));
            c.regions.push(&e.region_code);
            c.countries.push(&e.abroad_country);
            c.signed.push(e.signed_on);
            c.entered.push(e.entered_at);
            c.valid.push(e.valid);
            c.docs.push(&e.doc_digest);
            c.people.push(&e.person_digest);
        }
        c
    }

    fn params(&self) -> [&(dyn ToSql + Sync); 10] {
        [
            &self.ids,
            &self.sheets,
            &self.lines,
            &self.regions,
            &self.countries,
            &self.signed,
            &self.entered,
            &self.valid,
            &self.docs,
            &self.people,
        ]
    }
}

/// Updates of rows this point pushed before (an edit, a void, digests under a new
/// secret); rows of other points stay untouched, row security hides them. A point may read
/// no column of HQ's rows but their ids, so the rows are rewritten rather than compared.
const UPDATE_PUSHED: &str = "
UPDATE hq.entries e SET sheet = b.sheet, line = b.line, region_code = b.region_code,
    abroad_country = b.abroad_country, signed_on = b.signed_on, entered_at = b.entered_at,
    valid = b.valid, doc_digest = b.doc_digest, person_digest = b.person_digest,
    pushed_at = now()
FROM unnest($1::text[], $2::int4[], $3::int4[], $4::text[], $5::text[], $6::date[],
            $7::timestamptz[], $8::bool[], $9::bytea[], $10::bytea[])
    AS b(id, sheet, line, region_code, abroad_country, signed_on, entered_at, valid,
         doc_digest, person_digest)
WHERE e.id = b.id";

/// Inserts of rows HQ does not have, returning their ids; an id another point pushed first
/// (an entry imported from its export) is left to that point, so nothing is counted twice.
const INSERT_NEW: &str = "
INSERT INTO hq.entries (id, origin, sheet, line, region_code, abroad_country, signed_on,
    entered_at, valid, doc_digest, person_digest)
SELECT b.id, (SELECT hq.current_point()), b.sheet, b.line, b.region_code, b.abroad_country,
    b.signed_on, b.entered_at, b.valid, b.doc_digest, b.person_digest
FROM unnest($1::text[], $2::int4[], $3::int4[], $4::text[], $5::text[], $6::date[],
            $7::timestamptz[], $8::bool[], $9::bytea[], $10::bytea[])
    AS b(id, sheet, line, region_code, abroad_country, signed_on, entered_at, valid,
         doc_digest, person_digest)
ON CONFLICT (id) DO NOTHING
RETURNING id";

/// One digest pair of one entry.
const LOOKUP: &str = "SELECT kind, point, signed_on FROM hq.lookup($1, $2, $3)";

impl Hq {
    /// Becomes a point: checks HQ's schema, that this role is a point's, and that HQ's
    /// secret fingerprint is `secret`'s (else nothing may be pushed: digests under another
    /// secret match nothing).
    pub fn as_point(mut self, secret: &CampaignSecret) -> Result<PointSession, HqError> {
        self.require_schema()?;
        let point: Option<String> = self
            .client
            .query_one("SELECT hq.current_point()", &[])
            .map_err(HqError::talking)?
            .get(0);
        if point.is_none() {
            let role = self.role().to_string();
            return Err(HqFailure::NotAPoint { role }.into());
        }
        let fingerprint: Option<String> = self
            .client
            .query_opt(
                "SELECT value FROM hq.meta WHERE key = 'secret_fingerprint'",
                &[],
            )
            .map_err(HqError::talking)?
            .map(|r| r.get(0));
        if fingerprint.is_some_and(|f| f != secret.fingerprint()) {
            return Err(HqFailure::WrongSecret.into());
        }
        let prepare = |hq: &mut Hq, sql: &str| hq.client.prepare(sql).map_err(HqError::talking);
        Ok(PointSession {
            insert: prepare(&mut self, INSERT_NEW)?,
            update: prepare(&mut self, UPDATE_PUSHED)?,
            lookup: prepare(&mut self, LOOKUP)?,
            hq: self,
        })
    }
}

impl PointSession {
    /// Pushes `entries` in one transaction: all of them are at HQ once it returns. Rows HQ
    /// has from this point are rewritten (an edit, a void, digests under a new secret, a
    /// batch pushed again after a kill), the others inserted.
    pub fn push(&mut self, entries: &[HqEntry]) -> Result<(), HqError> {
        let mut tx = self.hq.client.transaction().map_err(HqError::talking)?;
        let inserted: HashSet<String> = tx
            .query(&self.insert, &Columns::of(entries.iter()).params())
            .map_err(HqError::talking)?
            .iter()
            .map(|r| r.get(0))
            .collect();
        if inserted.len() < entries.len() {
            let known = Columns::of(entries.iter().filter(|e| !inserted.contains(&e.id)));
            tx.execute(&self.update, &known.params())
                .map_err(HqError::talking)?;
        }
        tx.commit().map_err(HqError::talking)
    }

    /// The campaign-wide totals, HQ's settings, and collisions of this point's entries
    /// among rows pushed since `since` (all when `None`).
    pub fn pull(&mut self, since: Option<DateTime<Utc>>) -> Result<HqPull, HqError> {
        let client = &mut self.hq.client;
        let checked_at: DateTime<Utc> = client
            .query_one("SELECT now()", &[])
            .map_err(HqError::talking)?
            .get(0);
        let count = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
        let totals = client
            .query(
                "SELECT region_code, others, campaign FROM hq.campaign_totals",
                &[],
            )
            .map_err(HqError::talking)?
            .iter()
            .map(|r| (r.get(0), count(r.get(1)), count(r.get(2))))
            .collect();
        let settings = client
            .query(
                "SELECT key, value FROM hq.campaign_settings ORDER BY key",
                &[],
            )
            .map_err(HqError::talking)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let collisions = client
            .query(
                "SELECT entry_id, kind, point, signed_on FROM hq.my_collisions($1)",
                &[&since],
            )
            .map_err(HqError::talking)?
            .iter()
            .filter_map(|r| {
                Some(LateCollision {
                    entry_id: r.get(0),
                    kind: CollisionKind::parse(r.get(1))?,
                    other: HqHit {
                        point: r.get(2),
                        signed_on: r.get(3),
                    },
                })
            })
            .collect();
        Ok(HqPull {
            totals,
            settings,
            collisions,
            checked_at,
        })
    }

    /// Tells HQ the round is done (its "last sync" of this point).
    pub fn round_done(&mut self) -> Result<(), HqError> {
        self.hq
            .client
            .execute("SELECT hq.round_done()", &[])
            .map_err(HqError::talking)?;
        Ok(())
    }

    /// Asks HQ about one digest pair (of entry `own_id`, when it has one).
    pub fn lookup(&mut self, digests: &Digests, own_id: Option<&str>) -> Result<HqAnswer, HqError> {
        let doc = digests.document.as_ref().map(|d| &d[..]);
        let person = digests.person.as_ref().map(|d| &d[..]);
        let rows = self
            .hq
            .client
            .query(&self.lookup, &[&doc, &person, &own_id])
            .map_err(HqError::talking)?;
        let mut answer = HqAnswer::default();
        for r in rows {
            let hit = HqHit {
                point: r.get(1),
                signed_on: r.get(2),
            };
            answer.record(r.get(0), hit);
        }
        Ok(answer)
    }

    /// Asks HQ about many digest pairs (each of its entry) in one round trip, still one
    /// pair per call of `hq.lookup`; the answers come in the same order.
    pub fn lookup_many(&mut self, pairs: &[(Digests, &str)]) -> Result<Vec<HqAnswer>, HqError> {
        if pairs.is_empty() {
            return Ok(Vec::new());
        }
        let literal = |d: &Option<[u8; 32]>| match d {
            Some(bytes) => {
                bytes.iter().fold(String::from("'\\x"), |mut s, b| {
                    let _ = write!(s, "{b:02x}");
                    s
                }) + "'::bytea"
            }
            None => "NULL::bytea".to_string(),
        };
        let mut sql = String::with_capacity(pairs.len() * 200);
        for (pair, own_id) in pairs {
            let _ = write!(
                sql,
                "SELECT kind, point, signed_on::text FROM hq.lookup({}, {}, {});",
                literal(&pair.document),
                literal(&pair.person),
                postgres_protocol::escape::escape_literal(own_id)
            );
        }
        let messages = self
            .hq
            .client
            .simple_query(&sql)
            .map_err(HqError::talking)?;
        let mut answers = Vec::with_capacity(pairs.len());
        let mut current = HqAnswer::default();
        for message in messages {
            match message {
                SimpleQueryMessage::Row(row) => {
                    let signed_on = row
                        .get(2)
                        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                    if let (Some(kind), Some(point), Some(signed_on)) =
                        (row.get(0), row.get(1), signed_on)
                    {
                        let hit = HqHit {
                            point: point.to_string(),
                            signed_on,
                        };
                        current.record(kind, hit);
                    }
                }
                SimpleQueryMessage::CommandComplete(_) => {
                    answers.push(std::mem::take(&mut current));
                }
                // Column descriptions, and whatever a newer client adds (a foreign enum).
                _ => {}
            }
        }
        if answers.len() != pairs.len() {
            return Err(HqFailure::Lost(format!(
                "HQ answered {} of {} lookups",
                answers.len(),
                pairs.len()
            ))
            .into());
        }
        Ok(answers)
    }

    /// Whether the connection broke.
    pub fn is_closed(&self) -> bool {
        self.hq.is_closed()
    }
}

impl HqAnswer {
    /// Adds one row of `hq.lookup` (`kind` is `document` or `person`).
    fn record(&mut self, kind: &str, hit: HqHit) {
        match CollisionKind::parse(kind) {
            Some(CollisionKind::Document) => self.document = Some(hit),
            Some(CollisionKind::Person) => self.person = Some(hit),
            None => {}
        }
    }
}
