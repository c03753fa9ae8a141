//! The only module that talks to PostgreSQL: the campaign HQ of DESIGN.md §10. It never
//! sees a signer's name, document or address: points hand it [`HqEntry`] rows and digest
//! pairs made with the campaign secret (`domain::hq`).
//!
//! - [`connect`] opens a session from a URL (TLS unless `sslmode=disable`, timeouts so a
//!   dead network fails a round instead of hanging it);
//! - [`admin`]: `hq init`, `hq add-point`, `hq campaign set` (the database's owner);
//! - [`point`]: what a point's role does: push, pull, lookups;
//! - [`overview`]: what `hq stats`, `hq check` and `hq board` read.
//!
//! [`HqEntry`]: crate::domain::hq::HqEntry

pub mod admin;
mod connect;
pub mod overview;
pub mod point;
mod schema;

pub use connect::{Hq, LOOKUP_TIMEOUT, SYNC_TIMEOUT, check_url, connect};
pub use schema::HQ_SCHEMA_VERSION;

use crate::domain::hq::HqFailure;
use crate::i18n::Lang;
use std::fmt;

/// Why talking to HQ failed. The command line prints it in English with what to do; a
/// screen keeps [`HqError::failure`] and says it in the operator's language.
#[derive(Debug)]
pub struct HqError(HqFailure);

impl HqError {
    /// What went wrong, as plain data.
    pub fn failure(&self) -> &HqFailure {
        &self.0
    }

    /// Whether the next round may well work (the network or the server was away), as
    /// opposed to something a person must fix (the URL, the password, the secret).
    pub fn is_transient(&self) -> bool {
        matches!(self.0, HqFailure::Unreachable { .. } | HqFailure::Lost(_))
    }

    /// A failure that has no PostgreSQL error behind it.
    pub fn new(failure: HqFailure) -> HqError {
        HqError(failure)
    }

    /// A statement failed on an open session: the server's refusal or a lost connection.
    fn talking(e: postgres::Error) -> HqError {
        let failure = match e.code() {
            Some(code)
                if *code == postgres::error::SqlState::UNDEFINED_TABLE
                    || *code == postgres::error::SqlState::INVALID_SCHEMA_NAME
                    || *code == postgres::error::SqlState::UNDEFINED_FUNCTION =>
            {
                HqFailure::NotInitialised
            }
            _ => HqFailure::Lost(one_line(&e)),
        };
        HqError(failure)
    }
}

impl From<HqFailure> for HqError {
    fn from(failure: HqFailure) -> HqError {
        HqError(failure)
    }
}

impl fmt::Display for HqError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.t(&self.0))
    }
}

impl std::error::Error for HqError {}

/// A PostgreSQL error as one line: the server's message when there is one, else the
/// client's, with the underlying cause.
fn one_line(e: &postgres::Error) -> String {
    let text = match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => match std::error::Error::source(e) {
            Some(cause) => format!("{e}: {cause}"),
            None => e.to_string(),
        },
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
