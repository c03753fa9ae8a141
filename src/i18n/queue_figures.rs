//! The queue's figures as label and value, the same on the queue screen and in
//! `sigdesk stats` (each lists them in its own order).

use super::{Lang, QueueText};
use crate::domain::queue::QueueFigures;
use std::borrow::Cow;

/// One figure of the queue: its label and how its value is written (counts, then times,
/// then the rest).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueFigure {
    /// People waiting.
    Waiting,
    /// Desks serving.
    ActiveDesks,
    /// Served in the last hour.
    ServedPerHour,
    /// The longest current wait.
    LongestWait,
    /// The median wait of the last hour.
    MedianWait,
    /// The average service time of the last half hour.
    ServiceTime,
    /// The expected wait of a newcomer.
    Eta,
    /// The share of called tickets nobody answered.
    NoShowRate,
    /// Today's issued, served, no-show and left counts.
    Today,
}

impl QueueFigure {
    /// The figure's label in `lang`.
    pub fn label(self, lang: Lang) -> Cow<'static, str> {
        lang.t(match self {
            QueueFigure::Waiting => QueueText::Waiting,
            QueueFigure::ActiveDesks => QueueText::ActiveDesks,
            QueueFigure::ServedPerHour => QueueText::ServedPerHour,
            QueueFigure::LongestWait => QueueText::LongestWait,
            QueueFigure::MedianWait => QueueText::MedianWait,
            QueueFigure::ServiceTime => QueueText::ServiceTime,
            QueueFigure::Eta => QueueText::Eta,
            QueueFigure::NoShowRate => QueueText::NoShowRate,
            QueueFigure::Today => QueueText::Today,
        })
    }

    /// The figure's value in `q`, written in `lang`.
    pub fn value(self, lang: Lang, q: &QueueFigures) -> String {
        match self {
            QueueFigure::Waiting => q.waiting.to_string(),
            QueueFigure::ActiveDesks => q.active_desks.to_string(),
            QueueFigure::ServedPerHour => q.served_last_hour.to_string(),
            QueueFigure::LongestWait => time(lang, q.longest_wait_secs),
            QueueFigure::MedianWait => time(lang, q.median_wait_secs),
            QueueFigure::ServiceTime => time(lang, q.avg_service_secs),
            QueueFigure::Eta => lang
                .t(QueueText::ExpectedWait {
                    waiting: q.waiting,
                    eta_secs: q.eta_secs,
                })
                .into_owned(),
            QueueFigure::NoShowRate => q
                .no_show_rate
                .map_or_else(|| "—".into(), |r| format!("{:.0} %", r * 100.0)),
            QueueFigure::Today => lang
                .t(QueueText::TodayCounts {
                    figures: q,
                    labelled: false,
                })
                .into_owned(),
        }
    }

    /// The figure as a (label, value) row.
    pub fn row(self, lang: Lang, q: &QueueFigures) -> (Cow<'static, str>, String) {
        (self.label(lang), self.value(lang, q))
    }
}

/// A wait or service time, `—` when there is none yet.
pub fn time(lang: Lang, secs: Option<u32>) -> String {
    secs.map_or_else(|| "—".into(), |s| lang.t(QueueText::Duration(s)).into())
}
