//! sigdesk: a terminal app for in-person signature-collection desks.
//!
//! The library holds everything; `main.rs` only parses arguments and calls [`run`].
#![forbid(unsafe_code)]

pub mod cli;
pub mod csvio;
pub mod domain;
pub mod i18n;
pub mod store;
pub mod tui;
