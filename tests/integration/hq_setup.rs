//! Setting up the campaign HQ and linking a point to it (DESIGN.md §10): `hq init` and
//! `hq add-point` print only what must be copied; bad addresses, logins and schemas stop
//! with one line saying what to do.

use crate::common::cli::{Output, Point};
use crate::common::hq::{SERVER, TestHq};
use sigdesk::domain::hq::CampaignSecret;

#[test]
fn init_prints_the_secret_alone_and_add_point_its_url_alone() {
    let Some(hq) = TestHq::new("init_prints") else {
        return;
    };
    let out = hq.hq(&["init"]).assert().success().get_output().clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(CampaignSecret::parse(stdout.trim()).is_some(), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("in person"));
    let url = hq.add_point("London");
    assert!(url.starts_with("postgresql://"), "{url}");
    let config: postgres::Config = url.parse().unwrap();
    assert_eq!(config.get_dbname(), Some(hq.db.as_str()));
    assert_eq!(config.get_user(), Some(hq.role_of("London").as_str()));
    assert!(config.get_password().is_some_and(|p| p.len() >= 20));
    // A second init keeps the HQ (and its secret): nothing to copy, nothing printed.
    let elsewhere = tempfile::tempdir().unwrap();
    let again = hq.hq(&["init"]).current_dir(elsewhere.path()).stdout_ok();
    assert_eq!(again, "");
    let made: Vec<_> = std::fs::read_dir(elsewhere.path()).unwrap().collect();
    assert!(
        made.is_empty(),
        "the hq commands open no point database: {made:?}"
    );
    hq.hq(&["add-point", "London"])
        .fails_saying(1, "HQ has a point named London already");
    hq.hq(&["add-point", " "])
        .fails_saying(1, "a point name is 1 to 64");
}

#[test]
fn a_point_stores_its_link_with_the_lead_pin_and_shows_no_secret() {
    let Some(hq) = TestHq::new("point_link") else {
        return;
    };
    let secret = hq.init();
    let url = hq.add_point("Berlin");
    let point = Point::training();
    point
        .bare(&["--no-encrypt", "campaign", "set", "hq_url", &url])
        .fails_saying(1, "lead PIN");
    point
        .train(&["campaign", "set", "hq_url", "http://nope"])
        .fails_saying(1, "not a PostgreSQL URL");
    point
        .train(&["campaign", "set", "hq_secret", "ABCD"])
        .fails_saying(1, "not a campaign secret");
    point.set("hq_url", &url);
    point
        .train(&["campaign", "set", "hq_secret", "-"])
        .write_stdin(secret.to_lowercase())
        .assert()
        .success();
    let shown = point.train(&["campaign", "show"]).stdout_ok();
    let password = url.split(':').nth(2).unwrap().split('@').next().unwrap();
    assert!(!shown.contains(password), "{shown}");
    assert!(!shown.contains(&secret), "{shown}");
    assert!(shown.contains("hq_secret = (set)"), "{shown}");
    let audit = point.train(&["audit"]).stdout_ok();
    assert!(
        !audit.contains(password) && !audit.contains(&secret),
        "{audit}"
    );
    point.sync_once().succeeds_printing("HQ ok: pushed 0");
}

#[test]
fn bad_addresses_logins_and_schemas_say_what_to_do() {
    let Some(hq) = TestHq::new("bad_links") else {
        return;
    };
    let secret = hq.init();
    let point = hq.point("Tbilisi", &secret);
    let with_url = |url: &str| {
        let mut cmd = point.train(&["sync", "--once", "--hq", url]);
        cmd.timeout(std::time::Duration::from_secs(30));
        cmd
    };
    with_url("postgresql://nobody@127.0.0.1:1/x").fails_saying(1, "does not answer");
    with_url("not a url").fails_saying(1, "not a PostgreSQL URL");
    with_url(&format!(
        "postgresql://nobody_{}@127.0.0.1:5432/{}",
        hq.db, hq.db
    ))
    .fails_saying(1, "refused the login");
    with_url(&format!("{SERVER}/{}_missing", hq.db)).fails_saying(1, "has no database");
    with_url(&format!("{SERVER}/test")).fails_saying(1, "not set up: run sigdesk hq init");
    with_url(&hq.admin_url()).fails_saying(1, "is not a point of this HQ");
    // TLS as psql's sslmode=require (the CI server has it on), and plain when asked.
    let stored: postgres::Config = point
        .store()
        .hq_link()
        .unwrap()
        .url
        .unwrap()
        .parse()
        .unwrap();
    let password = String::from_utf8(stored.get_password().unwrap().to_vec()).unwrap();
    let role = hq.role_of("Tbilisi");
    for mode in ["require", "disable"] {
        let url = format!(
            "postgresql://{role}:{password}@127.0.0.1:5432/{}?sslmode={mode}",
            hq.db
        );
        with_url(&url).assert().success();
    }
    let mut admin = hq.admin();
    admin
        .execute(
            "UPDATE hq.meta SET value = '99' WHERE key = 'schema_version'",
            &[],
        )
        .unwrap();
    point.sync_once().fails_saying(1, "update sigdesk here");
    hq.hq(&["stats"]).fails_saying(1, "update sigdesk here");
    admin
        .execute(
            "UPDATE hq.meta SET value = '0' WHERE key = 'schema_version'",
            &[],
        )
        .unwrap();
    point.sync_once().fails_saying(1, "to upgrade it");
    admin
        .execute(
            "UPDATE hq.meta SET value = '1' WHERE key = 'schema_version'",
            &[],
        )
        .unwrap();
    point.sync_once().assert().success();
    // Every failure is one line.
    let err = with_url("not a url").stderr_of(1);
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn hq_holds_campaign_settings_the_points_take_over() {
    let Some(hq) = TestHq::new("settings") else {
        return;
    };
    let secret = hq.init();
    let point = hq.point("Vilnius", &secret);
    hq.hq(&["campaign", "set", "colour", "red"])
        .fails_saying(1, "HQ holds election_date");
    hq.hq(&["campaign", "set", "region_cap", "zero"])
        .fails_saying(1, "region_cap");
    for (key, value) in [
        ("election_date", "2026-03-15"),
        ("window_start", "2026-01-01"),
        ("region_cap", "3"),
        ("target", "1234"),
    ] {
        hq.hq(&["campaign", "set", key, value]).assert().success();
    }
    point.sync_once().assert().success();
    let shown = point.train(&["campaign", "show"]).stdout_ok();
    for line in [
        "election_date = 2026-03-15",
        "window_start = 2026-01-01",
        "region_cap = 3",
        "target = 1234",
    ] {
        assert!(shown.contains(line), "{line} not in\n{shown}");
    }
    let audit = point.train(&["audit"]).stdout_ok();
    assert!(audit.contains("sync"), "{audit}");
    hq.hq(&["campaign", "set", "election_date", ""])
        .assert()
        .success();
    point.sync_once().assert().success();
    let shown = point.train(&["campaign", "show"]).stdout_ok();
    assert!(shown.contains("election_date = \n"), "{shown}");
}
