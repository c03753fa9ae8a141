//! Small reusable widgets.

pub mod big_text;
pub mod queue_chart;
