//! Online backups (SQLite backup API) with the same key as the live database, and the
//! names of backup files.

use super::cipher::{folder_of, io_error, sync_folder};
use super::key;
use super::{Store, StoreError};
use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a backup waits, in total, for a moment when the source can be read.
const BUSY_RETRIES: u32 = 100;
const BUSY_PAUSE: Duration = Duration::from_millis(50);
/// The timestamp part of a backup file name.
const NAME_TIME: &str = "%Y%m%d-%H%M%S";

/// Copies the live database into `dest` with the SQLite online backup API. The copy is one
/// read snapshot, so desks go on writing meanwhile; it is encrypted with the store's own key.
/// It is written to a temp file beside `dest`, synced, and renamed onto `dest`.
pub fn backup_to(store: &Store, dest: &Path) -> Result<(), StoreError> {
    if super::is_special(dest) {
        // A device or a pipe cannot hold a database, and must never be renamed over.
        return Err(StoreError::NotAFile {
            path: dest.display().to_string(),
        });
    }
    let dir = folder_of(dest);
    let temp = tempfile::Builder::new()
        .prefix(".sigdesk-backup-")
        .tempfile_in(&dir)
        .map_err(|e| io_error(dest, e))?;
    let fail = |e| StoreError::from_open(dest, e);
    let mut copy = Connection::open_with_flags(temp.path(), OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(fail)?;
    key::apply(&copy, temp.path(), &store.key, store.cipher_page()?)?;
    copy_all_pages(&store.conn, &mut copy)?;
    copy.close().map_err(|(_, e)| fail(e))?;
    temp.as_file().sync_all().map_err(|e| io_error(dest, e))?;
    temp.persist(dest).map_err(|e| io_error(dest, e.error))?;
    sync_folder(&dir);
    Ok(())
}

/// Runs the backup in one step: a single consistent snapshot of the source.
pub(super) fn copy_all_pages(source: &Connection, copy: &mut Connection) -> Result<(), StoreError> {
    let backup = Backup::new(source, copy)?;
    for _ in 0..BUSY_RETRIES {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More | StepResult::Busy | StepResult::Locked => {
                std::thread::sleep(BUSY_PAUSE)
            }
            _ => std::thread::sleep(BUSY_PAUSE),
        }
    }
    Err(StoreError::Busy)
}

/// Whether an automatic backup is due: never made yet, or `every_min` minutes have passed.
pub fn backup_due(last: Option<DateTime<Utc>>, now: DateTime<Utc>, every_min: u32) -> bool {
    match last {
        None => true,
        Some(last) => {
            now.signed_duration_since(last) >= chrono::Duration::minutes(every_min.into())
        }
    }
}

/// `sigdesk-<point>-<YYYYMMDD-HHMMSS>.db`; characters of the point name that do not belong
/// in a file name become `_`.
pub fn backup_file_name(point: &str, local: NaiveDateTime) -> String {
    let point: String = point
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("sigdesk-{point}-{}.db", local.format(NAME_TIME))
}

/// The local time in a backup file name (of any point), or `None` when `name` is not one.
pub fn parse_backup_file_name(name: &str) -> Option<NaiveDateTime> {
    let stem = name.strip_prefix("sigdesk-")?.strip_suffix(".db")?;
    let stamp_at = stem.len().checked_sub(NAME_TIME_LEN)?;
    let (point, stamp) = (stem.get(..stamp_at)?, stem.get(stamp_at..)?);
    if !point.ends_with('-') || point.len() < 2 {
        return None;
    }
    NaiveDateTime::parse_from_str(stamp, NAME_TIME).ok()
}

/// Length of `YYYYMMDD-HHMMSS`.
const NAME_TIME_LEN: usize = 15;

/// Backs up into the campaign's `backup_dir` under a name with the point and the local
/// time; returns the file written. The folder must exist: it may be a removable disk that
/// is not plugged in, and the copy must not land on the laptop instead.
pub fn backup_into_folder(store: &Store, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let campaign = store.campaign()?;
    let folder = campaign.backup_folder().ok_or(StoreError::NoBackupDir)?;
    if !folder.is_dir() {
        return Err(StoreError::CannotOpen {
            path: folder.display().to_string(),
            reason: "the backup folder does not exist".into(),
        });
    }
    let dest = folder.join(backup_file_name(&campaign.point, campaign.local_time(now)));
    backup_to(store, &dest)?;
    Ok(dest)
}

/// The newest automatic backup of `point` in `folder`, by the local time in its name.
fn newest_backup(folder: &Path, point: &str) -> Option<NaiveDateTime> {
    // Any four-digit year gives the stamp its usual length (MIN has a six-digit year).
    let prefix = backup_file_name(point, NaiveDateTime::default());
    let prefix = prefix.get(..prefix.len().saturating_sub(NAME_TIME_LEN + 3))?;
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.starts_with(prefix))
        .filter_map(|name| parse_backup_file_name(&name))
        .max()
}

/// The automatic backup a running desk makes: into `backup_dir` when one is set and
/// `backup_every_min` minutes have passed since the newest backup there (made by any desk).
/// Returns the file written, or `None` when none was due.
pub fn auto_backup(store: &Store, now: DateTime<Utc>) -> Result<Option<PathBuf>, StoreError> {
    let campaign = store.campaign()?;
    let Some(folder) = campaign.backup_folder() else {
        return Ok(None);
    };
    // Compared in local wall time, the time the file names carry.
    let last = newest_backup(folder, &campaign.point).map(|local| local.and_utc());
    let local_now = campaign.local_time(now).and_utc();
    if campaign.backup_every_min == 0 || !backup_due(last, local_now, campaign.backup_every_min) {
        return Ok(None);
    }
    backup_into_folder(store, now).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 3, 10, h, m, 0)
            .single()
            .expect("valid time")
    }

    #[test]
    fn due_when_never_made_or_old_enough() {
        assert!(backup_due(None, at(9, 0), 30));
        assert!(!backup_due(Some(at(9, 0)), at(9, 29), 30));
        assert!(backup_due(Some(at(9, 0)), at(9, 30), 30));
        assert!(backup_due(Some(at(9, 0)), at(11, 0), 30));
    }

    #[test]
    fn the_newest_backup_of_the_point_is_found_by_its_name() {
        let dir = tempfile::tempdir().expect("dir");
        for (point, h) in [("point-1", 9), ("point-1", 10), ("point-2", 11)] {
            let name = backup_file_name(point, at(h, 0).naive_utc());
            std::fs::write(dir.path().join(name), b"").expect("write");
        }
        std::fs::write(
            dir.path().join("sigdesk-point-1-20240310-120000.db-wal"),
            b"",
        )
        .expect("write");
        assert_eq!(
            newest_backup(dir.path(), "point-1"),
            Some(at(10, 0).naive_utc())
        );
        assert_eq!(newest_backup(dir.path(), "point-3"), None);
    }

    #[test]
    fn names_round_trip_and_strangers_are_refused() {
        let local = at(9, 5).naive_utc();
        let name = backup_file_name("Точка 1/север", local);
        assert_eq!(name, "sigdesk-Точка_1_север-20240310-090500.db");
        assert_eq!(parse_backup_file_name(&name), Some(local));
        for stranger in [
            "sigdesk.db",
            "sigdesk-20240310-090500.db",
            "sigdesk-p-20240310-090500.db-wal",
            "notes-p-20240310-090500.db",
            "sigdesk-p-2024031-090500.db",
            "sigdesk-p-20241310-090500.db",
        ] {
            assert_eq!(parse_backup_file_name(stranger), None, "{stranger}");
        }
    }
}
