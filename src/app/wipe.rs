//! `sigdesk wipe`: deletes the database, its WAL files and its backups once the point name
//! is typed. Each file is overwritten with zeros and synced before it is removed; on SSDs
//! and journaling or snapshotting filesystems that still guarantees nothing (README).

use super::Context;
use super::out;
use super::unlock::on_terminal;
use crate::i18n::{Lang, ProtectText};
use crate::store::Store;
use crate::store::backup::parse_backup_file_name;
use crate::store::cipher::sidecars;
use anyhow::{Context as _, bail};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// Zeros written per call while overwriting.
const CHUNK: usize = 1 << 20;

/// Checks the point name (`--confirm` or typed), makes sure no desk has the database
/// open, then deletes every file of it and prints each one; exit 0.
pub fn run(store: Store, ctx: &Context, confirm: Option<&str>) -> anyhow::Result<u8> {
    let lang = ctx.lang;
    let campaign = store.campaign()?;
    let db = store.path().to_path_buf();
    let typed = match confirm {
        Some(text) => text.to_string(),
        None => ask_point(lang, &campaign.point, &db)?,
    };
    if typed.trim() != campaign.point {
        let typed = typed.trim();
        bail!(lang.t(ProtectText::NotThePoint { typed, db: &db }));
    }
    store.close_alone()?;
    let files = files_to_wipe(&db, campaign.backup_folder());
    for file in &files {
        destroy(file).with_context(|| lang.t(ProtectText::CannotDelete(file)))?;
        out::line(lang.t(ProtectText::WipedFile(file)));
    }
    out::line(lang.t(ProtectText::Wiped(files.len())));
    Ok(0)
}

fn ask_point(lang: Lang, point: &str, db: &Path) -> anyhow::Result<String> {
    if !on_terminal() {
        bail!(lang.t(ProtectText::WipeNeedsPoint));
    }
    out::ask(lang.t(ProtectText::WipeQuestion { point, db }));
    std::io::stderr().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line)
}

/// Every existing file of the database: the file, its WAL, shared memory and rollback
/// journal, and in `backups` each `sigdesk-<point>-<time>.db` (with its own WAL files) and
/// any unfinished backup temp file.
fn files_to_wipe(db: &Path, backups: Option<&Path>) -> Vec<PathBuf> {
    let mut files = with_sidecars(db);
    if let Some(dir) = backups
        && let Ok(listing) = std::fs::read_dir(dir)
    {
        let mut names: Vec<PathBuf> = listing
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default();
                parse_backup_file_name(&name).is_some() || name.starts_with(".sigdesk-backup-")
            })
            .collect();
        names.sort();
        for backup in names {
            files.extend(with_sidecars(&backup));
        }
    }
    files.retain(|f| f.is_file());
    files.dedup();
    files
}

fn with_sidecars(db: &Path) -> Vec<PathBuf> {
    let mut journal = db.as_os_str().to_owned();
    journal.push("-journal");
    let mut files = vec![db.to_path_buf()];
    files.extend(sidecars(db));
    files.push(PathBuf::from(journal));
    files.push(crate::store::write_queue::queue_file(db));
    files
}

/// Overwrites the file with zeros, syncs it, and removes it.
fn destroy(path: &Path) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    let mut left = file.metadata()?.len();
    let zeros = vec![0u8; CHUNK];
    while left > 0 {
        let n = left.min(CHUNK as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()?;
    drop(file);
    std::fs::remove_file(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_database_its_sidecars_and_named_backups_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("s.db");
        let backups = dir.path().join("backups");
        std::fs::create_dir(&backups).expect("mkdir");
        let touch = |p: &Path| std::fs::write(p, b"x").expect("write");
        for p in [
            db.clone(),
            dir.path().join("s.db-wal"),
            dir.path().join("s.db-shm"),
            dir.path().join("other.db"),
            backups.join("sigdesk-p1-20240310-090500.db"),
            backups.join("sigdesk-p1-20240310-090500.db-wal"),
            backups.join(".sigdesk-backup-x1y2"),
            backups.join("holiday.jpg"),
            backups.join("sigdesk-notes.db"),
        ] {
            touch(&p);
        }
        let names: Vec<String> = files_to_wipe(&db, Some(&backups))
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .expect("inside")
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(
            names,
            vec![
                "s.db",
                "s.db-wal",
                "s.db-shm",
                "backups/.sigdesk-backup-x1y2",
                "backups/sigdesk-p1-20240310-090500.db",
                "backups/sigdesk-p1-20240310-090500.db-wal",
            ]
        );
    }

    #[test]
    fn destroy_removes_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("f");
        std::fs::write(&file, vec![7u8; CHUNK + 10]).expect("write");
        destroy(&file).expect("destroy");
        assert!(!file.exists());
    }
}
