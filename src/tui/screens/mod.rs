//! Pure render functions: each takes `&Model` and an area and draws. No queries, no clock.

pub mod board;
pub mod chrome;
pub mod desk;
pub mod door;
pub mod entries;
pub mod help;
pub mod lock;
pub mod queue;
pub mod signin;

use super::model::{Model, Screen};
use crate::i18n::Text;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout};
use ratatui::widgets::Paragraph;

/// Smallest terminal every screen fits.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Draws the whole app for the current model.
pub fn render(f: &mut Frame, model: &Model) {
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let notice = format!(
            "{}\n{}×{}",
            model.lang.t(Text::TooSmall),
            area.width,
            area.height
        );
        let [_, middle, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(area);
        f.render_widget(Paragraph::new(notice).alignment(Alignment::Center), middle);
        return;
    }
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::top_bar(f, top, model);
    if model.lock.is_some() {
        lock::render(f, body, model);
        chrome::bottom_bar(f, bottom, model);
        return;
    }
    match model.screen {
        Screen::SignIn => signin::render(f, body, model),
        Screen::Desk => desk::render(f, body, model),
        Screen::Entries => entries::render(f, body, model),
        Screen::Queue => queue::render(f, body, model),
        Screen::Door => door::render(f, body, model),
        Screen::Board => board::render(f, body, model),
    }
    chrome::bottom_bar(f, bottom, model);
    if model.help {
        help::render(f, area, model);
    }
}
