//! sigdesk binary: everything lives in the library.
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    sigdesk::run(std::env::args_os())
}
