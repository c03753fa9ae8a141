//! Pure signature rules: no I/O, no clock reads. Everything here is table-testable.

pub mod board;
pub mod campaign;
pub mod checks;
pub mod dates;
pub mod documents;
pub mod entry;
pub mod finding;
pub mod names;
pub mod queue;
pub mod record;
pub mod regions;

pub use campaign::Campaign;
pub use entry::{DocKind, EntryDraft, EntrySummary, NewEntry};
pub use finding::{Field, Finding, Problem, Severity};
pub use record::{Entry, EntryStatus};
pub use regions::{ABROAD, Region, RegionCatalog};
