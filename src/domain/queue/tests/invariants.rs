//! Random ticket sets: never a panic, always the invariants.

use super::*;
use proptest::prelude::*;

/// A random row around 2025-03-14 12:00 UTC, on that day or the one before.
fn any_ticket() -> impl Strategy<Value = (bool, Ticket)> {
    let offset = || -30_000i64..30_000;
    (
        any::<bool>(),
        prop::sample::select(TicketStatus::ALL.to_vec()),
        offset(),
        prop::option::weighted(0.8, offset()),
        prop::option::weighted(0.8, offset()),
        prop::option::weighted(0.8, prop::sample::select(vec!["A", "B", "C", "D"])),
    )
        .prop_map(|(yesterday, status, issued, called, closed, desk)| {
            let noon = at("12:00:00");
            let day = if yesterday {
                today().pred_opt().unwrap()
            } else {
                today()
            };
            let ticket = Ticket {
                id: 0,
                number: 0,
                day,
                issued_at: noon + Duration::seconds(issued),
                called_at: called.map(|s| noon + Duration::seconds(s)),
                desk: desk.map(str::to_owned),
                status,
                closed_at: closed.map(|s| noon + Duration::seconds(s)),
            };
            (yesterday, ticket)
        })
}

proptest! {
    #[test]
    fn random_days_keep_the_invariants(
        rows in prop::collection::vec(any_ticket(), 0..60),
        now_offset in -40_000i64..40_000,
        n in 0usize..8,
    ) {
        let tickets: Vec<Ticket> = rows
            .into_iter()
            .zip(1u32..)
            .map(|((_, t), number)| Ticket { id: i64::from(number), number, ..t })
            .collect();
        let now = at("12:00:00") + Duration::seconds(now_offset);
        let figures = queue_figures(&tickets, today(), now);
        let line = waiting_line(&tickets, today(), now);
        let todays: Vec<&Ticket> = tickets.iter().filter(|t| t.day == today()).collect();

        prop_assert_eq!(figures.waiting as usize, line.len());
        prop_assert_eq!(figures.issued_today as usize, todays.len());
        prop_assert!(
            figures.waiting + figures.served_today + figures.no_shows_today + figures.left_today
                <= figures.issued_today
        );
        prop_assert_eq!(figures.longest_wait_secs, line.iter().map(|&(_, wait)| wait).max());
        prop_assert!(figures.served_last_hour <= figures.served_today);

        prop_assert!(figures.active_desks as usize <= figures.desks.len());
        prop_assert_eq!(
            figures.active_desks as usize,
            figures.desks.iter().filter(|d| d.active).count()
        );
        prop_assert!(figures.desks.windows(2).all(|w| w[0].desk < w[1].desk));
        prop_assert!(figures.desks.iter().map(|d| d.served_today).sum::<u32>() <= figures.served_today);
        prop_assert!(figures.desks.iter().all(|d| d.served_last_hour <= d.served_today));

        match (figures.active_desks, figures.waiting, figures.avg_service_secs) {
            (0, _, _) => prop_assert_eq!(figures.eta_secs, None),
            (_, 0, _) => prop_assert_eq!(figures.eta_secs, Some(0)),
            (_, _, None) => prop_assert_eq!(figures.eta_secs, None),
            (_, _, Some(_)) => prop_assert!(figures.eta_secs.is_some()),
        }
        if let Some(rate) = figures.no_show_rate {
            prop_assert!((0.0..=1.0).contains(&rate));
        }

        prop_assert!(figures.buckets.len() <= MAX_BUCKETS);
        prop_assert_eq!(figures.buckets.is_empty(), todays.is_empty());
        prop_assert!(figures.buckets.iter().all(|b| b.start.timestamp() % 600 == 0));
        prop_assert!(figures.buckets.windows(2).all(|w| w[1].start - w[0].start == Duration::minutes(10)));
        if let Some(last) = figures.buckets.last() {
            prop_assert!(last.start + Duration::minutes(10) > now);
        }
        let arrivals: u32 = figures.buckets.iter().map(|b| b.arrivals).sum();
        if figures.buckets.len() < MAX_BUCKETS {
            prop_assert_eq!(arrivals, figures.issued_today);
        } else {
            prop_assert!(arrivals <= figures.issued_today);
        }

        // Call order: recalled first, then by number; the same rows as the waiting count.
        let keys: Vec<(bool, u32)> = line
            .iter()
            .map(|&(number, _)| {
                let t = todays.iter().find(|t| t.number == number).unwrap();
                prop_assert_eq!(t.status, TicketStatus::Waiting);
                Ok((t.called_at.is_none(), number))
            })
            .collect::<Result<_, TestCaseError>>()?;
        prop_assert!(keys.windows(2).all(|w| w[0] < w[1]));

        let calls = recent_calls(&tickets, today(), n);
        prop_assert!(calls.len() <= n);
        let called_at: Vec<DateTime<Utc>> = calls
            .iter()
            .map(|(number, _, _)| todays.iter().find(|t| t.number == *number).and_then(|t| t.called_at).unwrap())
            .collect();
        prop_assert!(called_at.windows(2).all(|w| w[0] >= w[1]));
    }
}
