//! Campaign settings: the numbers and dates every check and count depends on.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The compiled-in defaults (`assets/campaign.toml`).
pub const DEFAULTS_TOML: &str = include_str!("../../assets/campaign.toml");

/// One campaign's settings, as stored in the `campaign` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    /// This collection point's name (the `origin` of its entries).
    pub point: String,
    /// Election day; signers must be 18 on it. `None`: not configured.
    #[serde(with = "optional_date")]
    pub election_date: Option<NaiveDate>,
    /// Valid signatures wanted in total.
    pub target: u32,
    /// Cap of valid signatures per federal subject.
    pub region_cap: u32,
    /// Cap of valid signatures in total for voters living abroad.
    pub abroad_cap: u32,
    /// First allowed signing date.
    #[serde(with = "optional_date")]
    pub window_start: Option<NaiveDate>,
    /// Last allowed signing date.
    #[serde(with = "optional_date")]
    pub window_end: Option<NaiveDate>,
    /// Lines on one paper sheet.
    pub lines_per_sheet: u32,
    /// IANA timezone name or `local`.
    pub timezone: String,
    /// Minutes of inactivity before a desk locks.
    pub idle_lock_min: u32,
    /// Folder (absolute path) for automatic encrypted backups; empty: no automatic backups.
    pub backup_dir: String,
    /// Minutes between automatic backups.
    pub backup_every_min: u32,
    /// From this date on the data should be wiped (`sigdesk wipe`); `None`: not set.
    #[serde(with = "optional_date")]
    pub retain_until: Option<NaiveDate>,
    /// A file (absolute path) replacing the built-in consent notice; empty: built-in.
    pub notice_file: String,
    /// Lines the authority draws at random from the submission to check (60,000 in 2024).
    pub cec_sample: u32,
    /// The invalid share, in percent of its sample, at which the authority refuses
    /// registration (5).
    pub reject_limit_pct: u32,
}

/// Why a campaign setting could not be read or changed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CampaignError {
    /// The key is not a campaign setting.
    #[error("unknown campaign setting `{0}`; known: {known}", known = Campaign::KEYS.join(", "))]
    UnknownKey(String),
    /// The value does not fit the setting.
    #[error("`{key}` must be {expected}, got `{value}`")]
    BadValue {
        /// Setting name.
        key: String,
        /// What the setting accepts.
        expected: &'static str,
        /// What was given.
        value: String,
    },
    /// The defaults file is broken (a build problem, caught by tests).
    #[error("campaign defaults are not valid TOML: {0}")]
    Defaults(String),
}

impl Campaign {
    /// Every setting name, in display order.
    pub const KEYS: [&'static str; 16] = [
        "point",
        "election_date",
        "target",
        "region_cap",
        "abroad_cap",
        "window_start",
        "window_end",
        "lines_per_sheet",
        "timezone",
        "idle_lock_min",
        "backup_dir",
        "backup_every_min",
        "retain_until",
        "notice_file",
        "cec_sample",
        "reject_limit_pct",
    ];

    /// The compiled-in defaults.
    pub fn defaults() -> Result<Campaign, CampaignError> {
        toml::from_str(DEFAULTS_TOML).map_err(|e| CampaignError::Defaults(e.to_string()))
    }

    /// Whether the lead has set the election date (the board says so when not).
    pub fn is_configured(&self) -> bool {
        self.election_date.is_some()
    }

    /// A setting's value as text (empty for unset dates).
    pub fn get(&self, key: &str) -> Result<String, CampaignError> {
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        Ok(match key {
            "point" => self.point.clone(),
            "election_date" => date(self.election_date),
            "target" => self.target.to_string(),
            "region_cap" => self.region_cap.to_string(),
            "abroad_cap" => self.abroad_cap.to_string(),
            "window_start" => date(self.window_start),
            "window_end" => date(self.window_end),
            "lines_per_sheet" => self.lines_per_sheet.to_string(),
            "timezone" => self.timezone.clone(),
            "idle_lock_min" => self.idle_lock_min.to_string(),
            "backup_dir" => self.backup_dir.clone(),
            "backup_every_min" => self.backup_every_min.to_string(),
            "retain_until" => date(self.retain_until),
            "notice_file" => self.notice_file.clone(),
            "cec_sample" => self.cec_sample.to_string(),
            "reject_limit_pct" => self.reject_limit_pct.to_string(),
            other => return Err(CampaignError::UnknownKey(other.to_string())),
        })
    }

    /// Changes one setting from text, validating it.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), CampaignError> {
        let value = value.trim();
        let bad = |expected: &'static str| CampaignError::BadValue {
            key: key.to_string(),
            expected,
            value: value.to_string(),
        };
        let date = |v: &str| -> Result<Option<NaiveDate>, CampaignError> {
            if v.is_empty() {
                return Ok(None);
            }
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| bad("a date YYYY-MM-DD or empty"))
        };
        let count = |v: &str, min: u32| -> Result<u32, CampaignError> {
            v.parse::<u32>().ok().filter(|n| *n >= min).ok_or_else(|| {
                bad(if min > 0 {
                    "a whole number of at least 1"
                } else {
                    "a whole number"
                })
            })
        };
        match key {
            "point" => {
                if value.is_empty() {
                    return Err(bad("a non-empty name"));
                }
                self.point = value.to_string();
            }
            "election_date" => self.election_date = date(value)?,
            "target" => self.target = count(value, 1)?,
            "region_cap" => self.region_cap = count(value, 1)?,
            "abroad_cap" => self.abroad_cap = count(value, 1)?,
            "window_start" => self.window_start = date(value)?,
            "window_end" => self.window_end = date(value)?,
            "lines_per_sheet" => self.lines_per_sheet = count(value, 1)?,
            "timezone" => {
                if value != "local" && value.parse::<chrono_tz::Tz>().is_err() {
                    return Err(bad("an IANA timezone such as Europe/Moscow, or `local`"));
                }
                self.timezone = value.to_string();
            }
            "idle_lock_min" => self.idle_lock_min = count(value, 1)?,
            "backup_dir" => {
                self.backup_dir = absolute_or_empty(value).ok_or_else(|| bad(ABSOLUTE))?
            }
            "backup_every_min" => self.backup_every_min = count(value, 1)?,
            "retain_until" => self.retain_until = date(value)?,
            "notice_file" => {
                self.notice_file = absolute_or_empty(value).ok_or_else(|| bad(ABSOLUTE))?
            }
            "cec_sample" => self.cec_sample = count(value, 1)?,
            "reject_limit_pct" => {
                self.reject_limit_pct = value
                    .parse::<u32>()
                    .ok()
                    .filter(|pct| (1..=100).contains(pct))
                    .ok_or_else(|| bad("a whole percentage from 1 to 100"))?
            }
            other => return Err(CampaignError::UnknownKey(other.to_string())),
        }
        Ok(())
    }
}

/// What the path settings accept: desks may run in any folder, so a relative path would
/// point somewhere else at each of them.
const ABSOLUTE: &str = "an absolute path (starting with /) or empty";

/// The path as given when it is absolute or empty.
fn absolute_or_empty(value: &str) -> Option<String> {
    (value.is_empty() || std::path::Path::new(value).is_absolute()).then(|| value.to_string())
}

impl Campaign {
    /// Whether the data should be wiped by `today`: `retain_until` is set and has come.
    pub fn retention_due(&self, today: NaiveDate) -> bool {
        self.retain_until.is_some_and(|until| today >= until)
    }

    /// The instant the calendar day `date` starts at the collection point.
    pub fn start_of_day(&self, date: NaiveDate) -> chrono::DateTime<chrono::Utc> {
        use chrono::TimeZone;
        let midnight = date.and_time(chrono::NaiveTime::MIN);
        let start = match self.timezone.parse::<chrono_tz::Tz>() {
            Ok(tz) => tz
                .from_local_datetime(&midnight)
                .earliest()
                .map(|t| t.with_timezone(&chrono::Utc)),
            Err(_) => chrono::Local
                .from_local_datetime(&midnight)
                .earliest()
                .map(|t| t.with_timezone(&chrono::Utc)),
        };
        // A day that skips midnight (a DST jump) starts at most an hour later; UTC is close.
        start.unwrap_or_else(|| midnight.and_utc())
    }

    /// The folder for automatic backups, if the lead set one.
    pub fn backup_folder(&self) -> Option<&std::path::Path> {
        (!self.backup_dir.is_empty()).then(|| std::path::Path::new(&self.backup_dir))
    }
}

/// Dates stored as `YYYY-MM-DD`, with the empty string for "not set".
mod optional_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&d.to_string()),
            None => s.serialize_str(""),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let text = String::deserialize(d)?;
        if text.trim().is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map(Some)
            .map_err(serde::de::Error::custom)
    }
}

impl Campaign {
    /// The calendar date at the collection point at instant `now`.
    pub fn local_date(&self, now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
        match self.timezone.parse::<chrono_tz::Tz>() {
            Ok(tz) => now.with_timezone(&tz).date_naive(),
            Err(_) => now.with_timezone(&chrono::Local).date_naive(),
        }
    }

    /// Local wall-clock time at the point, for display.
    pub fn local_time(&self, now: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
        match self.timezone.parse::<chrono_tz::Tz>() {
            Ok(tz) => now.with_timezone(&tz).naive_local(),
            Err(_) => now.with_timezone(&chrono::Local).naive_local(),
        }
    }

    /// A time as the lead reads it: local `YYYY-MM-DD HH:MM` at the point.
    pub fn local_minute(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        self.local_time(at).format("%Y-%m-%d %H:%M").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_work_out_of_the_box() {
        let c = Campaign::defaults().expect("defaults parse");
        assert_eq!(c.region_cap, 2500);
        assert!(c.election_date.is_none() && c.window_start.is_none());
        assert!(!c.is_configured());
    }

    #[test]
    fn set_validates_values() {
        let mut c = Campaign::defaults().expect("defaults parse");
        assert!(c.set("target", "abc").is_err());
        assert!(c.set("nope", "1").is_err());
        assert!(c.set("timezone", "Mars/Base").is_err());
        c.set("election_date", "2024-03-17").expect("date");
        c.set("timezone", "Europe/Moscow").expect("tz");
        assert_eq!(c.get("election_date").expect("get"), "2024-03-17");
        c.set("window_end", "").expect("clear");
        assert!(c.window_end.is_none());
    }

    #[test]
    fn protection_settings_validate() {
        let mut c = Campaign::defaults().expect("defaults parse");
        assert!(c.backup_folder().is_none());
        assert!(c.set("backup_dir", "backups").is_err(), "relative path");
        c.set("backup_dir", "/srv/sigdesk-backups")
            .expect("absolute");
        assert_eq!(
            c.backup_folder(),
            Some(std::path::Path::new("/srv/sigdesk-backups"))
        );
        assert!(c.set("backup_every_min", "0").is_err());
        c.set("backup_every_min", "15").expect("minutes");
        assert!(c.set("notice_file", "notice.md").is_err());
        c.set("notice_file", "").expect("clear");
        assert!(c.set("retain_until", "31.12.2024").is_err());
        assert_eq!((c.cec_sample, c.reject_limit_pct), (60_000, 5));
        assert!(c.set("cec_sample", "0").is_err());
        assert!(c.set("reject_limit_pct", "0").is_err());
        assert!(c.set("reject_limit_pct", "101").is_err());
        c.set("reject_limit_pct", "10").expect("percent");
        c.set("cec_sample", "30000").expect("sample");
        assert_eq!(c.get("cec_sample").expect("get"), "30000");
        c.set("retain_until", "2024-12-31").expect("date");
        assert_eq!(c.get("retain_until").expect("get"), "2024-12-31");
    }

    #[test]
    fn retention_is_due_from_the_day_itself() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let mut c = Campaign::defaults().expect("defaults parse");
        assert!(!c.retention_due(day("2099-01-01")), "unset: never due");
        c.set("retain_until", "2024-12-31").expect("date");
        assert!(!c.retention_due(day("2024-12-30")));
        assert!(c.retention_due(day("2024-12-31")));
        assert!(c.retention_due(day("2025-06-01")));
    }
}
