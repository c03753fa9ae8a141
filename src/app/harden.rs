//! What the process does to itself before anything else (DESIGN.md §7): every file it
//! creates is private (umask 077 covers the database, its WAL and SHM, exports, backups and
//! rejects files at once), and no core dump can put a decrypted page or a PIN on disk.

use nix::sys::resource::{Resource, setrlimit};
use nix::sys::stat::{Mode, umask};

/// Makes files private and turns core dumps off. Each step is best effort: a system that
/// refuses one still gets the others, and sigdesk still runs.
pub fn harden_process() {
    umask(Mode::from_bits_truncate(0o077));
    let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
    not_dumpable();
}

/// Marks the process not dumpable: no core file, and other processes of the same user
/// cannot attach to it or read its memory through /proc.
#[cfg(target_os = "linux")]
fn not_dumpable() {
    let _ = nix::sys::prctl::set_dumpable(false);
}

#[cfg(not(target_os = "linux"))]
fn not_dumpable() {}

#[cfg(test)]
mod tests {
    use nix::sys::resource::{Resource, getrlimit};

    #[test]
    fn core_dumps_are_off_after_hardening() {
        // Only the core parts: the umask would change how every other test's files are made.
        let _ = nix::sys::resource::setrlimit(Resource::RLIMIT_CORE, 0, 0);
        super::not_dumpable();
        assert_eq!(getrlimit(Resource::RLIMIT_CORE).ok(), Some((0, 0)));
        #[cfg(target_os = "linux")]
        assert_eq!(nix::sys::prctl::get_dumpable().ok(), Some(false));
    }
}
