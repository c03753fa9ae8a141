//! Helpers every integration test uses, one home each: the real binary and its command
//! lines (`cli`), a pseudo-terminal (`pty`), temp databases and fixed facts (`db`), the
//! in-process desk (`desk`), `TestBackend` frames (`render`), the proptest runner (`fuzz`)
//! and the seeded board day (`board_day`). `db`, `desk` and `render` are shared with the
//! benches, which include them with `#[path]`.

pub mod board_day;
pub mod cli;
pub mod db;
pub mod desk;
pub mod fuzz;
pub mod hq;
pub mod proxy;
pub mod pty;
pub mod render;

/// Snapshots the model drawn at each `(width, height)` as `{name}_{width}x{height}`. A
/// macro, so that insta names the file after the calling test module.
macro_rules! assert_frames {
    ($name:expr, $model:expr, $sizes:expr) => {
        for (width, height) in $sizes {
            insta::assert_snapshot!(
                format!("{}_{width}x{height}", $name),
                $crate::common::render::draw($model, width, height).backend()
            );
        }
    };
}
pub(crate) use assert_frames;
