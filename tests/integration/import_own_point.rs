//! An import must never leave a desk unable to save.
//!
//! A standalone desk that ran on its own file under the same point name numbers its sheets
//! from 1, like the host. Importing its export into the host (with `--skip-bad`, or without
//! it when the colliding lines were voided and not exported) puts entries on lines the host
//! desk's open sheet has not reached yet; the host desk's next saves in that region then
//! take those lines again and fail on the `(origin, sheet, line)` constraint, every time.
//! `take_line` therefore skips lines an entry already holds on the open sheet, and starts a
//! new sheet when none is left.

use crate::common::db::{actor, fixed_now, lead, open_store, people, regions};
use sigdesk::csvio::import::ImportContext;
use sigdesk::csvio::{self, ImportOptions};
use sigdesk::i18n::Lang;
use sigdesk::store::Store;

/// Saves numbered signers of `seed` at `desk`, the ones of the home cycle's `turns`: each
/// the first signer of its turn, so all of them live in Moscow (77).
fn save(
    store: &mut Store,
    desk: &str,
    seed: u32,
    turns: &[u32],
) -> Vec<Result<(u32, u32), String>> {
    let today = fixed_now().date_naive();
    turns
        .iter()
        .map(|&turn| {
            let counter = turn * people().homes();
            let entry = people().numbered(seed, counter, today).expect("signer");
            assert_eq!(entry.region_code, "77");
            store
                .save_entry(&entry, &actor(desk, "Anna"), None, fixed_now())
                .map(|s| (s.sheet, s.line))
                .map_err(|e| e.to_string())
        })
        .collect()
}

#[test]
fn a_desk_still_saves_after_an_import_of_its_own_point() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut host = open_store(&dir.path().join("host.db"));
    let mut alone = open_store(&dir.path().join("alone.db"));
    assert_eq!(
        save(&mut host, "desk-1", 1, &[0, 1]),
        [Ok((1, 1)), Ok((1, 2))]
    );
    assert!(
        save(&mut alone, "desk-9", 2, &[0, 1, 2, 3, 4])
            .iter()
            .all(Result::is_ok)
    );

    let csv = dir.path().join("alone.csv");
    let file = csv.to_str().expect("utf-8 path");
    csvio::export(&alone, file, Default::default()).expect("export");
    let importer = lead();
    let ctx = ImportContext {
        lang: Lang::En,
        today: fixed_now().date_naive(),
        now: fixed_now(),
        regions: regions(),
        actor: &importer,
    };
    let options = ImportOptions {
        skip_bad: true,
        delimiter: None,
    };
    let report = csvio::import(&mut host, &csv, options, &ctx).expect("import");
    assert_eq!(
        (report.added, report.rejected),
        (3, 2),
        "lines 1-2 clash, 3-5 land"
    );

    for result in save(&mut host, "desk-1", 1, &[2, 3, 4, 5]) {
        assert!(result.is_ok(), "the host desk cannot save: {result:?}");
    }
}
