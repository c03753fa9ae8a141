//! A running desk makes the automatic backup into `backup_dir` when one is due, once for
//! all desks, and says so when the backup disk is missing.

use crate::common::db::{fixed_now, open_store, set_campaign};
use crate::common::desk::{IVANOV, fresh_desk};
use chrono::Duration;
use sigdesk::tui::model::Tone;
use sigdesk::tui::msg::Msg;

fn backups(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("read folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".db"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_desk_backs_up_when_due_and_not_again_until_the_interval_passed() {
    let (dir, mut desk) = fresh_desk();
    let folder = dir.path().join("usb");
    std::fs::create_dir(&folder).expect("folder");
    set_campaign(
        &mut desk.store,
        "backup_dir",
        folder.to_str().expect("utf-8"),
    );
    desk.fill(&IVANOV);
    desk.ctrl('s');
    desk.send(Msg::DataChanged);

    desk.send(Msg::Tick(fixed_now() + Duration::minutes(1)));
    let first = backups(&folder);
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(first[0].starts_with("sigdesk-point-1-"), "{first:?}");
    // The copy opens and holds the saved signer.
    let copy = open_store(&folder.join(&first[0]));
    assert_eq!(copy.entry_totals().expect("totals"), (1, 0));

    // Another desk's tick a minute later: the newest backup is recent, nothing is written.
    desk.send(Msg::Tick(fixed_now() + Duration::minutes(2)));
    assert_eq!(backups(&folder), first);
}

#[test]
fn a_missing_backup_disk_is_a_warning_and_work_goes_on() {
    let (dir, mut desk) = fresh_desk();
    let missing = dir.path().join("not-plugged-in");
    set_campaign(
        &mut desk.store,
        "backup_dir",
        missing.to_str().expect("utf-8"),
    );
    desk.send(Msg::DataChanged);
    desk.send(Msg::Tick(fixed_now() + Duration::minutes(1)));
    assert!(matches!(desk.model.status, Some((Tone::Warning, _))));
    desk.assert_status("backup");
    assert!(
        !missing.exists(),
        "the backup folder must not be created on the laptop"
    );
    desk.fill(&IVANOV);
    desk.ctrl('s');
    assert!(desk.status().starts_with("Saved"), "{}", desk.status());
}
