//! Small reusable widgets.

pub mod big_digits;
