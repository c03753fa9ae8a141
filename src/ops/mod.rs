//! Work that reads the store and runs the domain rules on what it read: the defect report,
//! today's defects, sheet statuses, the board and queue figures, the notice to signers.
//! Shared by the commands (`app/`) and the TUI; never prints, never parses arguments.

pub mod defects;
pub mod hq;
pub mod notice;
pub mod paper;
pub mod protocol;
pub mod sheets;
pub mod stats;
