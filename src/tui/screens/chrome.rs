//! The top line (point, desk, operator, clock) and the bottom line (keys that work here).

use crate::domain::hq::HqStatus;
use crate::i18n::{HqText, LockText, PaperText, QueueText, Text};
use crate::tui::keys::{self, Scope};
use crate::tui::model::{Confirm, Model, Screen, Tone};
use crate::tui::msg::LeadAction;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Point name, desk, operator and the local clock.
pub fn top_bar(f: &mut Frame, area: Rect, model: &Model) {
    let bar = Style::default().bg(Color::Blue).fg(Color::White);
    let clock = model
        .campaign
        .local_time(model.now)
        .format("%H:%M")
        .to_string();
    let mut left = format!(" {}", model.campaign.point);
    if let Some(actor) = &model.actor {
        left.push_str(&format!(
            " · {} {} · {}",
            model.lang.t(Text::DeskLabel).to_lowercase(),
            actor.desk,
            actor.operator
        ));
        if !matches!(model.home, Screen::Door | Screen::Board) {
            left.push_str(" · ");
            let ticket = model.ticket.as_ref().map(|t| t.number);
            left.push_str(&model.lang.t(QueueText::TicketOnTop(ticket)));
        }
        left.push_str(" · ");
        let waiting = model.queue.figures.waiting;
        left.push_str(&model.lang.t(QueueText::WaitingOnTop(waiting)));
    }
    let alarm = Style::default()
        .bg(Color::Red)
        .fg(Color::White)
        .add_modifier(Modifier::BOLD);
    let mut badges: Vec<Span> = Vec::new();
    if !model.encrypted {
        badges.push(Span::styled(model.lang.t(LockText::NotEncrypted), alarm));
    }
    if model.campaign.retention_due(model.today()) {
        badges.push(Span::styled(model.lang.t(LockText::WipeDue), alarm));
    }
    if let Some(link) = &model.hq {
        let status = link.status(model.now);
        let style = match status {
            HqStatus::Offline { .. } => Style::default()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            HqStatus::NotYet | HqStatus::Synced { .. } => bar,
        };
        badges.push(Span::styled(model.lang.t(HqText::Status(status)), style));
    }
    let badge_width: usize = badges.iter().map(|b| b.content.chars().count() + 1).sum();
    // The clock and the badges always show; the names give way.
    let room = (area.width as usize).saturating_sub(badge_width + clock.chars().count() + 2);
    if left.chars().count() > room {
        left = left
            .chars()
            .take(room.saturating_sub(1))
            .collect::<String>()
            + "…";
    }
    let pad = (area.width as usize)
        .saturating_sub(left.chars().count() + badge_width + clock.chars().count() + 1);
    let mut spans = vec![
        Span::styled(left, bar.add_modifier(Modifier::BOLD)),
        Span::styled(" ".repeat(pad), bar),
    ];
    for badge in badges {
        spans.push(badge);
        spans.push(Span::styled(" ", bar));
    }
    spans.push(Span::styled(format!("{clock} "), bar));
    let line = Line::from(spans);
    f.render_widget(Paragraph::new(line).style(bar), area);
}

/// The keys that work here, from the table in `keys`; a question or the lead PIN prompt
/// comes first when one is pending.
pub fn bottom_bar(f: &mut Frame, area: Rect, model: &Model) {
    f.render_widget(
        Paragraph::new(bottom_text(model)).style(bottom_style(model)),
        area,
    );
}

/// The text of the bottom line.
pub fn bottom_text(model: &Model) -> String {
    bar_text(model, &keys::active(model))
}

/// The key bar of `scopes`, after the pending question or prompt they answer.
pub fn bar_text(model: &Model, scopes: &[Scope]) -> String {
    let lang = model.lang;
    let keys = keys::bar(scopes, model.screen, lang);
    let asking = if scopes.contains(&Scope::LeadPin) {
        model.lead_prompt.as_ref().map(|prompt| {
            let typed = prompt.typed.value().chars().count();
            match prompt.action {
                LeadAction::OpenPaper => lang.t(PaperText::PinPrompt { typed }),
                LeadAction::Void { .. } | LeadAction::Edit(_) => lang.t(LockText::LeadPinPrompt {
                    void: matches!(prompt.action, LeadAction::Void { .. }),
                    desk: &prompt.desk,
                    typed,
                }),
            }
        })
    } else if scopes.contains(&Scope::Question) {
        model.confirm.map(|question| {
            let text = match question {
                Confirm::Quit => Text::ConfirmQuit,
                Confirm::ClearForm => Text::ConfirmClear,
                Confirm::LeaveEdit { changed } => Text::ConfirmLeaveEdit { changed },
            };
            lang.t(text)
        })
    } else {
        None
    };
    match asking {
        Some(question) => format!(" {question} · {keys}"),
        None => format!(" {keys}"),
    }
}

fn bottom_style(model: &Model) -> Style {
    let asking = model.lock.is_none() && (model.lead_prompt.is_some() || model.confirm.is_some());
    if asking {
        Style::default().bg(Color::Yellow).fg(Color::Black)
    } else {
        Style::default().bg(Color::DarkGray).fg(Color::White)
    }
}

/// Colour of a status message.
pub fn tone_style(tone: Tone) -> Style {
    match tone {
        Tone::Info => Style::default().fg(Color::Cyan),
        Tone::Success => Style::default()
            .fg(Color::Green)
            .add_modifier(Modifier::BOLD),
        Tone::Warning => Style::default()
            .fg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
        Tone::Error => Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
    }
}

/// The status line (last message), if any.
pub fn status_line(f: &mut Frame, area: Rect, model: &Model) {
    if let Some((tone, text)) = &model.status {
        f.render_widget(
            Paragraph::new(format!(" {text}")).style(tone_style(*tone)),
            area,
        );
    }
}
