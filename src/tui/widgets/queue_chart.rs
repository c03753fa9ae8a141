//! Arrivals against served tickets per 10 minutes, as pairs of bars (yellow, green), the
//! newest that fit: the queue screen's and the board's chart.

use crate::domain::Campaign;
use crate::domain::queue::QueueBucket;
use crate::i18n::Lang;
use crate::i18n::QueueText;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Widget};

/// The chart over `buckets`, with local times from `campaign` on its bottom edge.
#[derive(Debug, Clone)]
pub struct QueueChart<'a> {
    buckets: &'a [QueueBucket],
    campaign: &'a Campaign,
    lang: Lang,
}

impl<'a> QueueChart<'a> {
    /// A chart of `buckets` (oldest first), titled in `lang`.
    pub fn new(buckets: &'a [QueueBucket], campaign: &'a Campaign, lang: Lang) -> QueueChart<'a> {
        QueueChart {
            buckets,
            campaign,
            lang,
        }
    }
}

impl Widget for QueueChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner_width = area.width.saturating_sub(2) as usize;
        // Each bucket takes two bars and a gap: show the newest that fit.
        let fit = (inner_width / 3).max(1);
        let shown = &self.buckets[self.buckets.len().saturating_sub(fit)..];
        let span = match (shown.first(), shown.last()) {
            (Some(a), Some(b)) => format!(
                " {}–{} ",
                self.campaign.local_time(a.start).format("%H:%M"),
                self.campaign
                    .local_time(b.start + chrono::Duration::minutes(10))
                    .format("%H:%M")
            ),
            _ => String::new(),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", self.lang.t(QueueText::Chart)))
            .title_bottom(Line::from(span).right_aligned());
        let mut chart = BarChart::default()
            .block(block)
            .bar_width(1)
            .bar_gap(0)
            .group_gap(1);
        for b in shown {
            chart = chart.data(
                BarGroup::default().bars(&[
                    Bar::default()
                        .value(u64::from(b.arrivals))
                        .text_value(String::new())
                        .style(Style::default().fg(Color::Yellow)),
                    Bar::default()
                        .value(u64::from(b.served))
                        .text_value(String::new())
                        .style(Style::default().fg(Color::Green)),
                ]),
            );
        }
        chart.render(area, buf);
    }
}
