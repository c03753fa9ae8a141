//! One rule at a time: call order, ETA, median, windows, buckets.

use super::*;

/// `(issued, called)` pairs of one row.
type Calls = &'static [(&'static str, &'static str)];

#[test]
fn recalled_tickets_go_first_whatever_their_number() {
    let tickets = [
        waiting(3, "10:00:00"),
        recalled(9, "10:20:00", "10:30:00"),
        waiting(4, "10:01:00"),
        recalled(7, "10:15:00", "10:25:00"),
    ];
    assert_eq!(
        waiting_line(&tickets, today(), at("10:40:00")),
        [(7, 25 * 60), (9, 20 * 60), (3, 40 * 60), (4, 39 * 60)]
    );
}

#[test]
fn eta_needs_an_active_desk_and_a_service_time() {
    let old_done = done(1, "08:00:00", "08:01:00", "08:06:00", "A"); // service 300, long ago
    let rows: [(&str, Vec<Ticket>, Option<u32>); 6] = [
        ("no tickets", vec![], None),
        (
            "people wait, no desk called for 10 min",
            vec![old_done.clone(), waiting(2, "09:30:00")],
            None,
        ),
        (
            "a desk serves, nobody was served yet",
            vec![
                serving(1, "09:00:00", "09:50:00", "A"),
                waiting(2, "09:30:00"),
            ],
            None,
        ),
        (
            "nobody waits, a desk is active, no service time yet",
            vec![serving(1, "09:00:00", "09:50:00", "A")],
            Some(0),
        ),
        ("nobody waits, no desk active", vec![old_done.clone()], None),
        (
            "the day's average when nothing closed in the last 30 min",
            vec![
                old_done,
                serving(2, "08:10:00", "09:50:00", "B"),
                waiting(3, "09:30:00"),
                waiting(4, "09:35:00"),
            ],
            Some(2 * 300),
        ),
    ];
    for (case, tickets, eta) in rows {
        assert_eq!(figures_at(&tickets, "10:00:00").eta_secs, eta, "{case}");
    }
}

#[test]
fn eta_rounds_to_the_nearest_second() {
    let tickets = [
        done(1, "09:00:00", "09:51:00", "09:52:40", "A"), // 100
        done(2, "09:00:00", "09:52:00", "09:53:41", "B"), // 101
        serving(3, "09:01:00", "09:53:00", "C"),
        waiting(4, "09:30:00"),
    ];
    let figures = figures_at(&tickets, "10:00:00");
    assert_eq!(figures.avg_service_secs, Some(101), "100.5 rounds up");
    assert_eq!(figures.active_desks, 3);
    assert_eq!(figures.eta_secs, Some(34), "1 × 101 / 3 = 33.67");
}

#[test]
fn median_wait_of_odd_and_even_counts() {
    // Each `(issued, called)` pair; `now` is 10:00, so the last hour starts after 09:00:00.
    let rows: [(Calls, Option<u32>); 6] = [
        (&[], None),
        (&[("09:10:00", "09:15:00")], Some(300)),
        (
            &[("09:10:00", "09:11:40"), ("09:10:00", "09:13:20")],
            Some(150),
        ),
        (
            &[("09:10:00", "09:11:40"), ("09:10:00", "09:13:21")],
            Some(151),
        ),
        (
            &[
                ("09:10:00", "09:25:00"),
                ("09:10:00", "09:11:40"),
                ("09:10:00", "09:13:20"),
            ],
            Some(200),
        ),
        (
            // Called exactly an hour ago: out; 59:59 ago: in.
            &[("08:00:00", "09:00:00"), ("08:50:00", "09:00:01")],
            Some(601),
        ),
    ];
    for (calls, median) in rows {
        let tickets: Vec<Ticket> = calls
            .iter()
            .zip(1..)
            .map(|(&(issued, called), n)| done(n, issued, called, called, "A"))
            .collect();
        assert_eq!(
            figures_at(&tickets, "10:00:00").median_wait_secs,
            median,
            "{calls:?}"
        );
    }
}

#[test]
fn windows_are_open_at_their_far_end() {
    let tickets = [
        done(1, "08:00:00", "08:50:00", "09:00:00", "A"), // closed exactly 60 min ago
        done(2, "08:00:00", "08:59:00", "09:00:01", "A"),
        done(3, "08:00:00", "09:20:00", "09:30:00", "A"), // closed exactly 30 min ago
        done(4, "08:00:00", "09:15:00", "09:30:01", "A"), // 901
        done(5, "08:00:00", "09:31:00", "09:45:59", "A"), // 899
        no_show(6, "08:00:00", "09:50:00", "09:52:00", "B"), // called exactly 10 min ago
        no_show(7, "08:00:00", "09:50:01", "09:52:00", "C"),
    ];
    let figures = figures_at(&tickets, "10:00:00");
    assert_eq!(figures.served_last_hour, 4);
    assert_eq!(figures.avg_service_secs, Some(900));
    let active: Vec<&str> = figures
        .desks
        .iter()
        .filter(|d| d.active)
        .map(|d| d.desk.as_str())
        .collect();
    assert_eq!(active, ["C"]);
    assert_eq!(figures.active_desks, 1);
}

#[test]
fn bucket_boundaries() {
    let tickets = [
        waiting(1, "10:03:27"),
        waiting(2, "10:09:59"),
        waiting(3, "10:10:00"),
        done(4, "10:19:59", "10:20:00", "10:30:00", "A"),
    ];
    assert_eq!(
        figures_at(&tickets, "10:30:00").buckets,
        buckets("10:00:00", &[(2, 0), (2, 0), (0, 0), (0, 1)])
    );
    assert_eq!(
        figures_at(&tickets, "10:39:59").buckets,
        buckets("10:00:00", &[(2, 0), (2, 0), (0, 0), (0, 1)])
    );
    assert_eq!(figures_at(&tickets, "10:40:00").buckets.len(), 5);
}

#[test]
fn buckets_keep_the_newest_day() {
    let tickets = [
        waiting(1, "00:00:00"),
        waiting(2, "00:05:00"),
        waiting(3, "00:10:00"),
        waiting(4, "23:55:00"),
    ];
    // 00:00 to 23:50 is exactly 144 buckets: all kept.
    let figures = figures_at(&tickets, "23:59:59");
    assert_eq!(figures.buckets.len(), MAX_BUCKETS);
    assert_eq!(figures.buckets[0].start, at("00:00:00"));
    assert_eq!(figures.buckets.iter().map(|b| b.arrivals).sum::<u32>(), 4);
    // Ten minutes later (a day longer than 24 h): the 00:00 bucket is dropped.
    let later = at("23:59:59") + Duration::minutes(10);
    let figures = queue_figures(&tickets, today(), later);
    assert_eq!(figures.buckets.len(), MAX_BUCKETS);
    assert_eq!(figures.buckets[0].start, at("00:10:00"));
    assert_eq!(
        figures.buckets[MAX_BUCKETS - 1].start,
        at("23:50:00") + Duration::minutes(10)
    );
    assert_eq!(figures.buckets.iter().map(|b| b.arrivals).sum::<u32>(), 2);
}
