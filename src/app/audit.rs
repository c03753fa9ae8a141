//! `sigdesk audit`: the audit log as aligned text, streamed, in the point's local time.

use super::{Context, out};
use crate::domain::Campaign;
use crate::i18n::{Lang, ProtectText};
use crate::store::audit::{EventFilter, EventWidths};
use crate::store::{EventRecord, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};

/// Prints the events of entry `entry` (all when `None`) from `since` on (RFC 3339, or a
/// local date meaning the start of that day at the point); exit 0.
pub fn run(
    store: &Store,
    ctx: &Context,
    entry: Option<String>,
    since: Option<&str>,
) -> anyhow::Result<u8> {
    let filter = filter(&store.campaign()?, entry, since, ctx.lang)?;
    print(store, &filter, ctx.lang)?;
    Ok(0)
}

/// The filter of `--entry ID` and `--since T` (RFC 3339, or a date meaning the start of
/// that day at the point).
fn filter(
    campaign: &Campaign,
    entry: Option<String>,
    since: Option<&str>,
    lang: Lang,
) -> anyhow::Result<EventFilter> {
    let since = match since {
        None => None,
        Some(text) => Some(
            parse_since(campaign, text)
                .ok_or_else(|| anyhow::anyhow!(lang.t(ProtectText::SinceUnreadable(text))))?,
        ),
    };
    Ok(EventFilter {
        entry_id: entry,
        since,
    })
}

fn parse_since(campaign: &Campaign, text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .map(|day| campaign.start_of_day(day))
}

/// Prints the events `filter` selects to standard output, one aligned line each, under a
/// title line.
fn print(store: &Store, filter: &EventFilter, lang: Lang) -> anyhow::Result<()> {
    let campaign = store.campaign()?;
    let titles = [
        ProtectText::ColTime,
        ProtectText::ColDesk,
        ProtectText::ColOperator,
        ProtectText::ColAction,
        ProtectText::ColEntry,
        ProtectText::ColDetails,
    ]
    .map(|column| lang.t(column));
    let found = store.event_widths(filter)?;
    let widths = EventWidths {
        desk: found.desk.max(titles[1].chars().count()),
        operator: found.operator.max(titles[2].chars().count()),
        action: found.action.max(titles[3].chars().count()),
        entry: found.entry.max(titles[4].chars().count()),
    };
    let mut out = out::Lines::stdout();
    let header = Line {
        time: &titles[0],
        desk: &titles[1],
        operator: &titles[2],
        action: &titles[3],
        entry: &titles[4],
        details: &titles[5],
    };
    out.line(header.text(&widths))?;
    let mut failure = None;
    let result = store.for_each_event(filter, |event| {
        let line = event_line(&campaign, &widths, &event);
        out.line(line).map_err(|e| {
            failure = Some(e);
            StoreError::Damaged("audit output stopped".into())
        })
    });
    if let Some(e) = failure {
        return Err(e.into());
    }
    result?;
    out.flush()?;
    Ok(())
}

/// One event as an aligned line: local time, desk, operator, action, entry, details.
fn event_line(campaign: &Campaign, widths: &EventWidths, event: &EventRecord) -> String {
    let time = DateTime::parse_from_rfc3339(&event.at)
        .map(|t| {
            campaign
                .local_time(t.with_timezone(&Utc))
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        })
        .unwrap_or_else(|_| event.at.clone());
    let details = details_text(&event.details);
    Line {
        time: &time,
        desk: &event.desk,
        operator: &event.operator,
        action: &event.action,
        entry: event.entry_id.as_deref().unwrap_or("-"),
        details: &details,
    }
    .text(widths)
}

struct Line<'a> {
    time: &'a str,
    desk: &'a str,
    operator: &'a str,
    action: &'a str,
    entry: &'a str,
    details: &'a str,
}

impl Line<'_> {
    fn text(&self, w: &EventWidths) -> String {
        let line = format!(
            "{:<19}  {:<dw$}  {:<ow$}  {:<aw$}  {:<ew$}  {}",
            self.time,
            self.desk,
            self.operator,
            self.action,
            self.entry,
            self.details,
            dw = w.desk,
            ow = w.operator,
            aw = w.action,
            ew = w.entry,
        );
        line.trim_end().to_string()
    }
}

/// The JSON of an event as text: `field: old → new` for changes, `field: value` otherwise.
fn details_text(json: &str) -> String {
    let Ok(serde_json::Value::Object(fields)) = serde_json::from_str(json) else {
        return json.to_string();
    };
    fields
        .iter()
        .map(|(key, value)| match value {
            serde_json::Value::Array(pair) if pair.len() == 2 => match (&pair[0], &pair[1]) {
                (serde_json::Value::Null, new) => format!("{key}: {}", plain(new)),
                (old, new) => format!("{key}: {} → {}", plain(old), plain(new)),
            },
            other => format!("{key}: {}", plain(other)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A JSON value without the quotes of a string.
fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_show_old_and_new() {
        assert_eq!(
            details_text(r#"{"status":["valid","voided"],"void_reason":["","typo"]}"#),
            "status: valid → voided; void_reason:  → typo"
        );
        assert_eq!(
            details_text(r#"{"surname":[null,"Иванов"],"sheet":3}"#),
            "sheet: 3; surname: Иванов"
        );
        assert_eq!(
            details_text(r#"{"out":"/tmp/day.csv","rows":3}"#),
            "out: /tmp/day.csv; rows: 3"
        );
        assert_eq!(details_text("not json"), "not json");
    }

    #[test]
    fn since_takes_a_time_or_a_local_date() {
        let mut campaign = Campaign::defaults().expect("defaults");
        campaign.set("timezone", "Europe/Moscow").expect("tz");
        let at = |s: &str| {
            DateTime::parse_from_rfc3339(s)
                .expect("time")
                .with_timezone(&Utc)
        };
        assert_eq!(
            parse_since(&campaign, "2024-03-10"),
            Some(at("2024-03-09T21:00:00Z"))
        );
        assert_eq!(
            parse_since(&campaign, "2024-03-10T09:30:00+03:00"),
            Some(at("2024-03-10T06:30:00Z"))
        );
        assert_eq!(parse_since(&campaign, "10.03.2024"), None);
    }
}
