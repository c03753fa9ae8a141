//! The campaign HQ's rules (DESIGN.md §10), pure: the campaign secret and the keyed digests
//! that stand in for a signer at HQ, what HQ answers about a digest, the state of a point's
//! link to HQ, and what `hq check` finds in HQ's figures. No I/O: the PostgreSQL side is
//! `crate::hq`, the point's side `crate::store`.

mod digest;
mod findings;
mod link;
mod secret;
#[cfg(test)]
mod tests;

pub use digest::{Digests, HqEntry};
pub use findings::{Collision, CollisionSide, HqFinding, HqOverview, PointFigures, hq_findings};
pub use link::{HqStatus, LinkState};
pub use secret::{CampaignSecret, SECRET_BYTES};

use chrono::NaiveDate;
use serde::Serialize;

/// Another point's valid entry HQ knows of: which point and the signing date, nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct HqHit {
    /// The point that pushed it (its name at HQ).
    pub point: String,
    /// The date the signer signed there.
    pub signed_on: NaiveDate,
}

/// HQ's answer to one lookup of a digest pair: another point's entry with the same
/// document, and one of the same person with another document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HqAnswer {
    /// Same document at another point (a `dup.document` error).
    pub document: Option<HqHit>,
    /// Same person, other document, at another point (a `dup.person` warning).
    pub person: Option<HqHit>,
}

/// Which of the two digests matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CollisionKind {
    /// The same document.
    Document,
    /// The same person (name and birth date) with another document.
    Person,
}

impl CollisionKind {
    /// The text HQ and the point's tables store.
    pub fn as_str(self) -> &'static str {
        match self {
            CollisionKind::Document => "document",
            CollisionKind::Person => "person",
        }
    }

    /// Parses the stored text.
    pub fn parse(text: &str) -> Option<CollisionKind> {
        match text {
            "document" => Some(CollisionKind::Document),
            "person" => Some(CollisionKind::Person),
            _ => None,
        }
    }
}

/// A collision HQ reported for one of this point's entries after the fact: the entry, and
/// the other point's entry it matches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LateCollision {
    /// This point's entry.
    pub entry_id: String,
    /// Document or person.
    pub kind: CollisionKind,
    /// The other point's entry.
    pub other: HqHit,
}

/// Why talking to HQ failed, as plain data; its words (and what to do) are in i18n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HqFailure {
    /// No HQ address is set at this point.
    NoUrl,
    /// No campaign secret is set at this point.
    NoSecret,
    /// The campaign secret typed is not one `hq init` printed.
    BadSecret,
    /// The address is not a PostgreSQL connection URL.
    BadUrl(String),
    /// Nobody answers at the address (network down, wrong host or port, server stopped).
    Unreachable {
        /// Host and port tried.
        at: String,
        /// What the network said.
        reason: String,
    },
    /// The server refused the login (wrong role or password).
    LoginRefused {
        /// The role that logged in.
        role: String,
    },
    /// The database named in the address does not exist.
    NoSuchDatabase(String),
    /// The database exists but `hq init` never ran on it.
    NotInitialised,
    /// HQ's schema is older than this sigdesk knows.
    SchemaTooOld {
        /// Version at HQ.
        found: i64,
        /// Version this sigdesk needs.
        wanted: i64,
    },
    /// HQ's schema is newer than this sigdesk knows.
    SchemaTooNew {
        /// Version at HQ.
        found: i64,
        /// Version this sigdesk knows.
        wanted: i64,
    },
    /// The role that logged in is not one `hq add-point` made.
    NotAPoint {
        /// The role.
        role: String,
    },
    /// This point's secret is not HQ's (its fingerprint differs): nothing was pushed.
    WrongSecret,
    /// A point of that name exists already.
    PointExists(String),
    /// The setting is not one HQ holds, or its value does not fit.
    BadSetting {
        /// Setting name.
        key: String,
        /// Why.
        reason: String,
    },
    /// The connection broke or the server refused a statement.
    Lost(String),
}
