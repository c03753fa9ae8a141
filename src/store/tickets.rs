//! The door queue: issuing tickets, calling the next one, closing, recalling.
//!
//! Every change is one `BEGIN IMMEDIATE` transaction with its audit event, so two desks
//! never get the same ticket and a killed desk never loses one.

use super::events::{Actor, append};
use super::values::{damaged, date_col, optional_time_col, time_col, time_text};
use super::{Store, StoreError};
use crate::domain::queue::{Ticket, TicketStatus};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::json;

const TICKET_COLUMNS: &str = "id, number, day, issued_at, called_at, desk, status, closed_at";

/// How a desk's current ticket ends when it calls the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    /// The person was served.
    Done,
    /// The person did not come when called.
    NoShow,
}

impl Finish {
    fn status(self) -> TicketStatus {
        match self {
            Finish::Done => TicketStatus::Done,
            Finish::NoShow => TicketStatus::NoShow,
        }
    }
}

/// What a call-next did: the ticket it closed and the ticket it called.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CallOutcome {
    /// The desk's previous ticket, now done or no-show.
    pub finished: Option<Ticket>,
    /// The ticket now served at the desk; `None` when nobody was waiting.
    pub called: Option<Ticket>,
}

/// Reads one row selected with `TICKET_COLUMNS`.
fn ticket_row(r: &Row) -> rusqlite::Result<Ticket> {
    let status: String = r.get(6)?;
    Ok(Ticket {
        id: r.get(0)?,
        number: r.get(1)?,
        day: date_col(r, 2)?,
        issued_at: time_col(r, 3)?,
        called_at: optional_time_col(r, 4)?,
        desk: r.get(5)?,
        status: TicketStatus::parse(&status).ok_or_else(|| damaged("ticket status", &status))?,
        closed_at: optional_time_col(r, 7)?,
    })
}

fn log(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    ticket: &Ticket,
    from: Option<TicketStatus>,
    to: Option<TicketStatus>,
) -> rusqlite::Result<()> {
    let action = match to {
        None => "ticket_undo",
        Some(TicketStatus::Waiting) if from.is_none() => "ticket_issue",
        Some(TicketStatus::Waiting) => "ticket_recall",
        Some(TicketStatus::Serving) => "ticket_call",
        Some(TicketStatus::Done) => "ticket_done",
        Some(TicketStatus::NoShow) => "ticket_no_show",
        Some(TicketStatus::Left) => "ticket_left",
    };
    let details = json!({
        "ticket": ticket.number,
        "day": ticket.day.to_string(),
        "status": [from.map(TicketStatus::as_str), to.map(TicketStatus::as_str)],
    });
    append(conn, now, actor, action, None, &details)
}

fn ticket_by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<Ticket>> {
    conn.prepare_cached(&format!(
        "SELECT {TICKET_COLUMNS} FROM tickets WHERE id = ?1"
    ))?
    .query_row([id], ticket_row)
    .optional()
}

/// Moves ticket `id` from `from` to `to`; `None` when it is no longer in `from`.
fn transition(
    conn: &Connection,
    id: i64,
    from: TicketStatus,
    to: TicketStatus,
    now: DateTime<Utc>,
) -> rusqlite::Result<Option<Ticket>> {
    let sql = match to {
        TicketStatus::Waiting => format!(
            "UPDATE tickets SET status = 'waiting', desk = NULL, closed_at = NULL \
             WHERE id = ?1 AND status = ?2 RETURNING {TICKET_COLUMNS}"
        ),
        _ => format!(
            "UPDATE tickets SET status = ?3, closed_at = ?4 \
             WHERE id = ?1 AND status = ?2 RETURNING {TICKET_COLUMNS}"
        ),
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = if to == TicketStatus::Waiting {
        stmt.query(params![id, from.as_str()])?
    } else {
        stmt.query(params![id, from.as_str(), to.as_str(), time_text(now)])?
    };
    rows.next()?.map(ticket_row).transpose()
}

impl Store {
    /// Issues the next ticket of `day` at the door (numbers restart at 1 each day).
    pub fn issue_ticket(
        &mut self,
        actor: &Actor,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Ticket, StoreError> {
        let tx = self.write()?;
        let day_text = day.to_string();
        let ticket = tx
            .prepare_cached(&format!(
                "INSERT INTO tickets(number, day, issued_at, status) \
                 VALUES ((SELECT COALESCE(MAX(number), 0) + 1 FROM tickets WHERE day = ?1), ?1, ?2, 'waiting') \
                 RETURNING {TICKET_COLUMNS}"
            ))?
            .query_row(params![day_text, time_text(now)], ticket_row)?;
        log(&tx, now, actor, &ticket, None, Some(TicketStatus::Waiting))?;
        tx.commit()?;
        Ok(ticket)
    }

    /// Takes back a ticket issued by mistake, if no desk has called it yet.
    /// Returns `false` when it was already called (then it stays).
    pub fn undo_ticket(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let removed = tx
            .prepare_cached(&format!(
                "DELETE FROM tickets WHERE id = ?1 AND status = 'waiting' AND called_at IS NULL \
                 RETURNING {TICKET_COLUMNS}"
            ))?
            .query_row([id], ticket_row)
            .optional()?;
        let Some(ticket) = removed else {
            return Ok(false);
        };
        log(&tx, now, actor, &ticket, Some(TicketStatus::Waiting), None)?;
        tx.commit()?;
        Ok(true)
    }

    /// Closes the desk's current ticket (done or no-show) and calls the first waiting
    /// ticket of `day`: recalled no-shows first, then by number. One transaction.
    pub fn call_next(
        &mut self,
        actor: &Actor,
        finish: Finish,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<CallOutcome, StoreError> {
        let tx = self.write()?;
        let mut outcome = CallOutcome::default();
        if let Some(current) = serving_at(&tx, &actor.desk)? {
            let to = finish.status();
            outcome.finished = transition(&tx, current.id, TicketStatus::Serving, to, now)?;
            if let Some(done) = &outcome.finished {
                log(&tx, now, actor, done, Some(TicketStatus::Serving), Some(to))?;
            }
        }
        outcome.called = tx
            .prepare_cached(&format!(
                "UPDATE tickets SET status = 'serving', called_at = ?1, desk = ?2 \
                 WHERE id = (SELECT id FROM tickets WHERE status = 'waiting' AND day = ?3 \
                             ORDER BY called_at IS NULL, number LIMIT 1) \
                 RETURNING {TICKET_COLUMNS}"
            ))?
            .query_row(
                params![time_text(now), actor.desk, day.to_string()],
                ticket_row,
            )
            .optional()?;
        if let Some(called) = &outcome.called {
            log(
                &tx,
                now,
                actor,
                called,
                Some(TicketStatus::Waiting),
                Some(TicketStatus::Serving),
            )?;
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Puts a no-show back at the front of the queue (the person came back).
    /// Returns the ticket, or `None` when it is not a no-show any more.
    pub fn recall_ticket(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<Ticket>, StoreError> {
        self.move_ticket(actor, id, TicketStatus::NoShow, TicketStatus::Waiting, now)
    }

    /// Marks a waiting ticket as left (the person gave up before being called).
    /// Returns the ticket, or `None` when it is not waiting any more.
    pub fn mark_left(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<Ticket>, StoreError> {
        self.move_ticket(actor, id, TicketStatus::Waiting, TicketStatus::Left, now)
    }

    fn move_ticket(
        &mut self,
        actor: &Actor,
        id: i64,
        from: TicketStatus,
        to: TicketStatus,
        now: DateTime<Utc>,
    ) -> Result<Option<Ticket>, StoreError> {
        let tx = self.write()?;
        let moved = transition(&tx, id, from, to, now)?;
        if let Some(ticket) = &moved {
            log(&tx, now, actor, ticket, Some(from), Some(to))?;
        }
        tx.commit()?;
        Ok(moved)
    }

    /// The ticket this desk is serving, if any (a restarted desk resumes it).
    pub fn serving_ticket(&self, desk: &str) -> Result<Option<Ticket>, StoreError> {
        Ok(serving_at(&self.conn, desk)?)
    }

    /// One ticket by id.
    pub fn ticket(&self, id: i64) -> Result<Option<Ticket>, StoreError> {
        Ok(ticket_by_id(&self.conn, id)?)
    }

    /// Every ticket of `day`, by number.
    pub fn tickets_of_day(&self, day: NaiveDate) -> Result<Vec<Ticket>, StoreError> {
        self.rows(
            &format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE day = ?1 ORDER BY number"),
            [day.to_string()],
            ticket_row,
        )
    }
}

fn serving_at(conn: &Connection, desk: &str) -> rusqlite::Result<Option<Ticket>> {
    conn.prepare_cached(&format!(
        "SELECT {TICKET_COLUMNS} FROM tickets WHERE status = 'serving' AND desk = ?1"
    ))?
    .query_row([desk], ticket_row)
    .optional()
}
