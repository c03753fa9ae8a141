//! HQ's board (`hq board`): the point's board screen drawn over HQ's figures. Points stand
//! where desks do, `hq check`'s findings where today's defects do, the campaign's valid
//! total in big digits; no queue (HQ has none) and no personal data (HQ has none).

use super::model::{Model, Screen, Tone};
use super::screens::{self, board, chrome};
use crate::domain::board::{BoardData, DefectCount, board_figures};
use crate::domain::queue::queue_figures;
use crate::domain::{Campaign, RegionCatalog};
use crate::i18n::{BoardText, Lang};
use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Style};
use ratatui::widgets::Paragraph;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;

/// How often HQ's figures are read again.
pub const RELOAD_EVERY: Duration = Duration::from_secs(10);

/// What HQ's board shows, as read from HQ.
#[derive(Debug, Clone)]
pub struct HqBoardData {
    /// The campaign settings HQ holds (target, caps).
    pub campaign: Campaign,
    /// Campaign-wide valid entries per region, and today's entries of every point with the
    /// point as their desk.
    pub data: BoardData,
    /// `hq check`'s findings by code.
    pub findings: Vec<DefectCount>,
}

/// A board model for HQ with `campaign`'s settings, before its first figures.
pub fn hq_board_model(
    lang: Lang,
    campaign: Campaign,
    regions: RegionCatalog,
    now: DateTime<Utc>,
) -> Model {
    let mut model = Model::new(lang, campaign, regions, now);
    model.screen = Screen::Board;
    model.home = Screen::Board;
    model.board.across_points = true;
    // The badge is about a point's file; HQ holds no personal data to encrypt.
    model.encrypted = true;
    model
}

/// Shows what HQ answered at `now` (or why it could not be read).
pub fn apply(model: &mut Model, loaded: Result<HqBoardData, String>, now: DateTime<Utc>) {
    model.now = now;
    match loaded {
        Ok(loaded) => {
            model.campaign = loaded.campaign;
            let queue = queue_figures(&[], model.today(), now);
            model.board.figures = Some(board_figures(&model.campaign, &loaded.data, &queue, now));
            model.board.data = Some(loaded.data);
            model.board.defects = Some(loaded.findings);
            model.status = None;
        }
        Err(why) => model.status = Some((Tone::Error, why)),
    }
}

/// Draws HQ's board: the top line, the board, the keys.
pub fn draw(f: &mut ratatui::Frame, model: &Model) {
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(f.area());
    chrome::top_bar(f, top, model);
    board::render(f, body, model);
    let keys = format!(" {}", model.lang.t(BoardText::HqBoardKeys));
    f.render_widget(
        Paragraph::new(keys).style(Style::default().bg(Color::DarkGray).fg(Color::White)),
        bottom,
    );
    screens::scrub(f.buffer_mut());
}

/// What wakes HQ's board.
enum Wake {
    Input(Event),
    Loaded(Result<HqBoardData, String>),
}

/// Runs HQ's board in the terminal until Ctrl-Q or Esc; `load` reads HQ (on a thread of
/// its own, every [`RELOAD_EVERY`]). The terminal is restored on return and on panic.
pub fn run_hq_board(
    lang: Lang,
    campaign: Campaign,
    regions: RegionCatalog,
    mut load: impl FnMut(DateTime<Utc>) -> Result<HqBoardData, String> + Send + 'static,
) -> anyhow::Result<()> {
    let (tx, wakes) = mpsc::channel();
    let loaded = tx.clone();
    thread::spawn(move || {
        while loaded.send(Wake::Loaded(load(Utc::now()))).is_ok() {
            thread::sleep(RELOAD_EVERY);
        }
    });
    let mut terminal = ratatui::try_init()?;
    thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(Wake::Input(event)).is_err() {
                return;
            }
        }
    });
    let mut model = hq_board_model(lang, campaign, regions, Utc::now());
    let result = run_loop(&mut terminal, &mut model, &wakes);
    ratatui::restore();
    result
}

/// Redraws on every wake and each minute (the clock) until a quit key.
fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    wakes: &Receiver<Wake>,
) -> anyhow::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    loop {
        terminal.draw(|f| draw(f, model))?;
        match wakes.recv_timeout(Duration::from_secs(60)) {
            Ok(Wake::Loaded(loaded)) => apply(model, loaded, Utc::now()),
            Ok(Wake::Input(Event::Key(key))) if key.kind != KeyEventKind::Release => {
                if quits(&key) {
                    return Ok(());
                }
            }
            Ok(Wake::Input(_)) | Err(RecvTimeoutError::Timeout) => model.now = Utc::now(),
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

/// Ctrl-Q (as everywhere) or Esc (as on the point's board) closes HQ's board.
fn quits(key: &ratatui::crossterm::event::KeyEvent) -> bool {
    use super::keys::{Action, AppAction, Scope, action};
    matches!(
        action(&[Scope::Board, Scope::Anywhere], key),
        Some(Action::App(AppAction::Quit | AppAction::Home))
    )
}
