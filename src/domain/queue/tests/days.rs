//! Whole days with hand-computed figures.

use super::*;

#[test]
fn empty_day_has_no_figures() {
    let yesterday = Ticket {
        day: today().pred_opt().unwrap(),
        ..waiting(12, "08:00:00")
    };
    for tickets in [vec![], vec![yesterday]] {
        let now = at("10:00:00");
        let figures = queue_figures(&tickets, today(), now);
        assert_eq!(
            figures,
            QueueFigures {
                waiting: 0,
                longest_wait_secs: None,
                median_wait_secs: None,
                avg_service_secs: None,
                active_desks: 0,
                eta_secs: None,
                served_last_hour: 0,
                issued_today: 0,
                served_today: 0,
                no_shows_today: 0,
                left_today: 0,
                no_show_rate: None,
                desks: vec![],
                buckets: vec![],
            }
        );
        assert!(waiting_line(&tickets, today(), now).is_empty());
        assert!(recent_calls(&tickets, today(), 5).is_empty());
    }
}

#[test]
fn one_desk() {
    let tickets = [
        done(1, "09:00:00", "09:02:00", "09:07:00", "A"), // wait 120, service 300
        done(2, "09:01:00", "09:07:00", "09:15:00", "A"), // wait 360, service 480
        done(3, "09:05:00", "09:15:00", "09:40:00", "A"), // wait 600, service 1500
        done(4, "09:20:00", "09:40:00", "09:55:00", "A"), // wait 1200, service 900
        serving(5, "09:30:00", "09:55:00", "A"),          // wait 1500
        waiting(6, "09:45:00"),
        waiting(7, "09:50:00"),
    ];
    let now = at("10:00:00");
    assert_eq!(
        queue_figures(&tickets, today(), now),
        QueueFigures {
            waiting: 2,
            longest_wait_secs: Some(900),
            median_wait_secs: Some(600),
            // Closed in the last 30 min: #3 and #4.
            avg_service_secs: Some(1200),
            active_desks: 1,
            eta_secs: Some(2 * 1200),
            served_last_hour: 4,
            issued_today: 7,
            served_today: 4,
            no_shows_today: 0,
            left_today: 0,
            no_show_rate: Some(0.0),
            desks: vec![desk(
                "A",
                Some(5),
                (4, 4),
                Some(1200),
                Some("09:55:00"),
                true
            )],
            buckets: buckets(
                "09:00:00",
                &[(3, 1), (0, 1), (1, 0), (1, 0), (1, 1), (1, 1), (0, 0)]
            ),
        }
    );
    assert_eq!(waiting_line(&tickets, today(), now), [(6, 900), (7, 600)]);
    assert_eq!(
        recent_calls(&tickets, today(), 3),
        [
            (5, "A".to_owned(), TicketStatus::Serving),
            (4, "A".to_owned(), TicketStatus::Done),
            (3, "A".to_owned(), TicketStatus::Done),
        ]
    );
}

#[test]
fn three_desks_at_different_speeds() {
    let tickets = [
        done(1, "11:00:00", "11:01:00", "11:11:00", "A"), // wait 60, service 600, 49 min ago
        done(2, "11:02:00", "11:10:00", "11:15:00", "B"), // wait 480, service 300
        done(3, "11:03:00", "11:15:00", "11:22:00", "B"), // wait 720, service 420
        done(4, "11:04:00", "11:15:00", "11:35:00", "C"), // wait 660, service 1200, 25 min ago
        done(5, "11:05:00", "11:32:00", "11:34:00", "A"), // wait 1620, service 120
        done(6, "11:06:00", "11:34:00", "11:37:00", "A"), // wait 1680, service 180
        serving(7, "11:07:00", "11:37:00", "A"),          // wait 1800
        no_show(8, "11:08:00", "11:55:00", "11:57:00", "B"), // wait 2820
        waiting(9, "11:40:00"),
        waiting(10, "11:45:00"),
        waiting(11, "11:50:00"),
    ];
    let now = at("12:00:00");
    assert_eq!(
        queue_figures(&tickets, today(), now),
        QueueFigures {
            waiting: 3,
            longest_wait_secs: Some(1200),
            // Sorted waits 60 480 660 720 | 1620 1680 1800 2820.
            median_wait_secs: Some((720 + 1620) / 2),
            // Closed in the last 30 min: #4 1200, #5 120, #6 180.
            avg_service_secs: Some(500),
            // A serves, B called 5 min ago, C last called 45 min ago.
            active_desks: 2,
            eta_secs: Some(3 * 500 / 2),
            served_last_hour: 6,
            issued_today: 11,
            served_today: 6,
            no_shows_today: 1,
            left_today: 0,
            no_show_rate: Some(1.0 / 7.0),
            desks: vec![
                desk("A", Some(7), (3, 3), Some(150), Some("11:37:00"), true),
                // Nothing closed in the last 30 min: the day's average of 300 and 420.
                desk("B", None, (2, 2), Some(360), Some("11:55:00"), true),
                desk("C", None, (1, 1), Some(1200), Some("11:15:00"), false),
            ],
            buckets: buckets(
                "11:00:00",
                &[(8, 0), (0, 2), (0, 1), (0, 3), (2, 0), (1, 0), (0, 0)]
            ),
        }
    );
    assert_eq!(
        waiting_line(&tickets, today(), now),
        [(9, 1200), (10, 900), (11, 600)]
    );
}

#[test]
fn no_shows_and_a_recalled_no_show() {
    let tickets = [
        done(1, "14:00:00", "14:02:00", "14:05:00", "A"), // wait 120, service 180
        no_show(2, "14:01:00", "14:05:00", "14:07:00", "A"), // wait 240
        serving(3, "14:02:00", "14:07:00", "A"),          // wait 300
        left(4, "14:03:00", "14:20:00"),
        recalled(5, "14:04:00", "14:09:00"), // wait 300 until its call; the desk is cleared
        waiting(6, "14:10:00"),
    ];
    let now = at("14:30:00");
    assert_eq!(
        queue_figures(&tickets, today(), now),
        QueueFigures {
            waiting: 2,
            longest_wait_secs: Some(26 * 60),
            // Waits 120 240 | 300 300: the recalled ticket counts.
            median_wait_secs: Some(270),
            avg_service_secs: Some(180),
            active_desks: 1,
            eta_secs: Some(2 * 180),
            served_last_hour: 1,
            issued_today: 6,
            served_today: 1,
            no_shows_today: 1,
            left_today: 1,
            no_show_rate: Some(0.5),
            desks: vec![desk(
                "A",
                Some(3),
                (1, 1),
                Some(180),
                Some("14:07:00"),
                true
            )],
            buckets: buckets("14:00:00", &[(5, 1), (1, 0), (0, 0), (0, 0)]),
        }
    );
    assert_eq!(
        waiting_line(&tickets, today(), now),
        [(5, 26 * 60), (6, 20 * 60)]
    );
    assert_eq!(
        recent_calls(&tickets, today(), 10),
        [
            (3, "A".to_owned(), TicketStatus::Serving),
            (2, "A".to_owned(), TicketStatus::NoShow),
            (1, "A".to_owned(), TicketStatus::Done),
        ]
    );
    assert_eq!(recent_calls(&tickets, today(), 1).len(), 1);
    assert!(recent_calls(&tickets, today(), 0).is_empty());
}

#[test]
fn only_todays_rows_count_across_midnight() {
    // Moscow desk: 00:05 local on the 14th is 21:05 UTC on the 13th.
    let local_today = today();
    let yesterday = local_today.pred_opt().unwrap();
    let utc = |d: u32, time: &str| {
        let date = NaiveDate::from_ymd_opt(2025, 3, d).unwrap();
        Utc.from_utc_datetime(
            &date.and_time(chrono::NaiveTime::parse_from_str(time, "%H:%M:%S").unwrap()),
        )
    };
    let row =
        |number, day, status, issued: &str, called: Option<(&str, &str)>, closed: Option<&str>| {
            Ticket {
                id: i64::from(number) + if day == yesterday { 1000 } else { 0 },
                number,
                day,
                issued_at: utc(13, issued),
                called_at: called.map(|(time, _)| utc(13, time)),
                desk: called.map(|(_, desk)| desk.to_owned()),
                status,
                closed_at: closed.map(|time| utc(13, time)),
            }
        };
    let tickets = [
        row(
            55,
            yesterday,
            TicketStatus::Done,
            "20:30:00",
            Some(("20:45:00", "B")),
            Some("21:05:00"),
        ),
        row(
            56,
            yesterday,
            TicketStatus::Serving,
            "20:40:00",
            Some(("20:55:00", "A")),
            None,
        ),
        row(57, yesterday, TicketStatus::Waiting, "20:50:00", None, None),
        row(
            1,
            local_today,
            TicketStatus::Done,
            "21:05:00",
            Some(("21:32:00", "B")),
            Some("21:35:00"),
        ),
        row(
            2,
            local_today,
            TicketStatus::Waiting,
            "21:20:00",
            None,
            None,
        ),
    ];
    let now = utc(13, "21:40:00");
    let figures = queue_figures(&tickets, local_today, now);
    assert_eq!(
        figures,
        QueueFigures {
            waiting: 1,
            longest_wait_secs: Some(1200),
            median_wait_secs: Some(1620),
            avg_service_secs: Some(180),
            active_desks: 1,
            eta_secs: Some(180),
            served_last_hour: 1,
            issued_today: 2,
            served_today: 1,
            no_shows_today: 0,
            left_today: 0,
            no_show_rate: Some(0.0),
            desks: vec![DeskQueueFigures {
                desk: "B".to_owned(),
                serving: None,
                served_today: 1,
                served_last_hour: 1,
                avg_service_secs: Some(180),
                last_call: Some(utc(13, "21:32:00")),
                active: true,
            }],
            buckets: [(1, 0), (0, 0), (1, 0), (0, 1), (0, 0)]
                .into_iter()
                .zip(0..)
                .map(|((arrivals, served), i)| QueueBucket {
                    start: utc(13, "21:00:00") + Duration::minutes(10 * i),
                    arrivals,
                    served,
                })
                .collect(),
        }
    );
    assert_eq!(waiting_line(&tickets, local_today, now), [(2, 1200)]);
    assert_eq!(
        recent_calls(&tickets, local_today, 5),
        [(1, "B".to_owned(), TicketStatus::Done)]
    );
    // Yesterday's figures are still there for whoever asks for them.
    assert_eq!(queue_figures(&tickets, yesterday, now).waiting, 1);
}

#[test]
fn clock_going_backwards_clamps_at_zero() {
    let tickets = [
        done(1, "09:00:00", "09:12:00", "09:15:00", "A"), // called and closed after now
        done(2, "09:01:00", "09:09:00", "09:06:00", "B"), // closed before its call: service 0
        serving(3, "09:05:00", "09:15:00", "A"),
        waiting(4, "09:08:00"),
        waiting(5, "09:20:00"), // issued after now
    ];
    let now = at("09:10:00");
    assert_eq!(
        queue_figures(&tickets, today(), now),
        QueueFigures {
            waiting: 2,
            longest_wait_secs: Some(120),
            // Waits 480 (#2), 600 (#3), 720 (#1).
            median_wait_secs: Some(600),
            // Services 180 (#1) and 0 (#2).
            avg_service_secs: Some(90),
            active_desks: 2,
            eta_secs: Some(2 * 90 / 2),
            served_last_hour: 2,
            issued_today: 5,
            served_today: 2,
            no_shows_today: 0,
            left_today: 0,
            no_show_rate: Some(0.0),
            desks: vec![
                desk("A", Some(3), (1, 1), Some(180), Some("09:15:00"), true),
                desk("B", None, (1, 1), Some(0), Some("09:09:00"), true),
            ],
            // Up to the latest event (09:20), past `now`'s bucket (09:10).
            buckets: buckets("09:00:00", &[(4, 1), (0, 1), (1, 0)]),
        }
    );
    assert_eq!(waiting_line(&tickets, today(), now), [(4, 120), (5, 0)]);

    // `now` before every ticket of the day.
    let early = at("06:00:00");
    let figures = queue_figures(&tickets, today(), early);
    assert_eq!(figures.longest_wait_secs, Some(0));
    assert_eq!(
        figures.buckets,
        buckets("09:00:00", &[(4, 1), (0, 1), (1, 0)])
    );
    assert_eq!(waiting_line(&tickets, today(), early), [(4, 0), (5, 0)]);
}

#[test]
fn missing_timestamps_are_left_out_of_averages() {
    let broken_done = |number, called: Option<&str>, closed: Option<&str>| Ticket {
        called_at: called.map(at),
        closed_at: closed.map(at),
        ..done(number, "09:00:00", "09:00:00", "09:00:00", "A")
    };
    let tickets = [
        broken_done(1, None, Some("09:30:00")),
        broken_done(2, Some("09:31:00"), None),
        done(3, "09:05:00", "09:40:00", "09:44:00", "A"), // service 240
        Ticket {
            called_at: None,
            ..serving(4, "09:10:00", "09:44:00", "A")
        },
    ];
    let figures = queue_figures(&tickets, today(), at("09:50:00"));
    assert_eq!(figures.served_today, 3);
    assert_eq!(figures.served_last_hour, 2, "#2 has no close time");
    assert_eq!(figures.avg_service_secs, Some(240));
    assert_eq!(figures.median_wait_secs, Some((1860 + 2100) / 2));
    assert_eq!(
        figures.desks,
        [desk(
            "A",
            Some(4),
            (3, 2),
            Some(240),
            Some("09:40:00"),
            true
        )]
    );
    assert_eq!(
        figures.buckets,
        buckets(
            "09:00:00",
            &[(3, 0), (1, 0), (0, 0), (0, 1), (0, 1), (0, 0)]
        )
    );
}
