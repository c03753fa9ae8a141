//! The desk form's lines about kept values and the region the address names.

use super::wrap_words;
use crate::domain::queue::ticket_label;
use crate::i18n::FamilyText;
use crate::tui::model::Model;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

/// How a value kept from the last signer looks: grey, so it reads as offered, not typed.
pub(super) fn kept_style() -> Style {
    Style::default().fg(Color::DarkGray)
}

/// Under the fields: which values were kept from the last signer of the ticket, and how
/// to keep or replace them.
pub(super) fn kept_hint(model: &Model, width: usize) -> Vec<Line<'static>> {
    let Some(carry) = &model.form.carry else {
        return Vec::new();
    };
    let shown = model.form.active_fields(&model.regions);
    let fields: Vec<String> = carry
        .fields
        .iter()
        .filter(|f| shown.contains(f))
        .map(|f| model.lang.t(*f).to_lowercase())
        .collect();
    if fields.is_empty() {
        return Vec::new();
    }
    let text = model.lang.t(FamilyText::Kept {
        ticket: &ticket_label(carry.number),
        fields: &fields.join(", "),
    });
    let style = kept_style().add_modifier(Modifier::ITALIC);
    let mut lines = vec![Line::default()];
    lines.extend(
        wrap_words(&text, width.saturating_sub(4).max(10))
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let indent = if i == 0 { " " } else { "   " };
                Line::from(Span::styled(format!("{indent}{part}"), style))
            }),
    );
    lines
}

/// Under an empty region field: the region the address names, taken with Ctrl-T.
pub(super) fn region_offer(model: &Model, width: usize) -> Vec<Line<'static>> {
    let Some(region) = model.form.region_offer(&model.regions) else {
        return Vec::new();
    };
    let text = model.lang.t(FamilyText::RegionOffer(
        region.display_name(model.russian()),
    ));
    wrap_words(&text, width.saturating_sub(5).max(10))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let indent = if i == 0 { "   " } else { "     " };
            Line::from(Span::styled(
                format!("{indent}{part}"),
                Style::default().fg(Color::Cyan),
            ))
        })
        .collect()
}
