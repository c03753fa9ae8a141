//! Pure signature rules: no I/O, no clock reads. Everything here is table-testable.

pub mod board;
pub mod campaign;
pub mod certify;
pub mod checks;
pub mod collector;
pub mod columns;
pub mod dates;
pub mod db_failure;
pub mod defect;
pub mod documents;
pub mod entry;
pub mod finding;
#[cfg(test)]
pub mod fixtures;
pub mod forecast;
pub mod hq;
pub mod key_scope;
pub mod names;
pub mod paper;
pub mod pin;
pub mod protocol;
pub mod queue;
pub mod record;
pub mod regions;
pub mod sheet;
pub mod visible;

pub use campaign::Campaign;
pub use collector::Collector;
pub use columns::Column;
pub use db_failure::{DbFailure, FileChange};
pub use defect::Defect;
pub use entry::{DocKind, EntryDraft, EntrySummary, NewEntry};
pub use finding::{Field, Finding, Problem, Severity};
pub use key_scope::KeyScope;
pub use record::{Entry, EntryStatus};
pub use regions::{ABROAD, Region, RegionCatalog};
pub use sheet::{Certification, LineDate, Sheet};
