//! Every integration test of sigdesk in one binary, so the library (with SQLCipher and
//! OpenSSL) is linked once, not once per file. One module per area; `common` holds the
//! helpers they share: the real binary and its command lines (`cli`), a pseudo-terminal
//! (`pty`), temp databases (`db`), the in-process desk (`desk`), `TestBackend` frames
//! (`render`), proptest runners (`fuzz`) and the seeded board day (`board_day`).
//!
//! Run one area with a filter: `cargo test --test integration crash::`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly: a panic is the report"
)]

mod common;

mod auto_backup;
mod board_defects;
mod cipher_pages;
mod cli;
mod collector_details;
mod crash;
mod demo;
mod desk_fields;
mod desk_queue;
mod desk_state;
mod encryption;
mod export_files;
mod family;
mod first_day;
mod fit;
mod fuzz_hostile;
mod fuzz_import;
mod fuzz_keys;
mod fuzz_parsers;
mod guard_csv;
mod guard_desk;
mod guard_files;
mod hq_desk;
mod hq_faults;
mod hq_privacy;
mod hq_security;
mod hq_setup;
mod hq_sync;
mod import_own_point;
mod journeys;
mod keys;
mod keystrokes;
mod lead_pin_desk;
mod lock;
mod paper;
mod paper_screen;
mod passphrase_pty;
mod protect_store;
mod pty;
mod pty_family;
mod queue_figures;
mod queue_processes;
mod records;
mod render;
mod render_board;
mod render_queue;
mod sheets;
mod signin_memory;
mod soak;
mod stats;
mod streaming;
mod tickets;
