//! Rows about the signer: names and birth date.

use super::{Row, d};

/// Input tweak → expected finding codes.
pub(super) const ROWS: &[Row] = &[
    ("clean entry", |_, _| {}, &[]),
    // names
    (
        "surname with spaces",
        |e, _| e.surname = "  иванов ".into(),
        &[],
    ),
    (
        "surname in capitals",
        |e, _| e.surname = "ИВАНОВ".into(),
        &[],
    ),
    (
        "double surname",
        |e, _| e.surname = "иванов - петров".into(),
        &[],
    ),
    ("ё kept", |e, _| e.surname = "Семёнов".into(), &[]),
    (
        "apostrophe prefix",
        |e, _| e.surname = "д'артаньян".into(),
        &[],
    ),
    (
        "English layout surname",
        |e, _| e.surname = "Bdfyjd".into(),
        &["name.layout"],
    ),
    (
        "English layout female surname",
        |e, _| e.surname = "Gtnhjdf".into(),
        &["name.layout"],
    ),
    (
        "English layout given name",
        |e, _| e.given_name = "Cthutq".into(),
        &["name.layout"],
    ),
    (
        "English layout patronymic",
        |e, _| e.patronymic = "bdfyjdbx".into(),
        &["name.layout"],
    ),
    (
        "layout with х key",
        |e, _| e.surname = "Ct[fyjd".into(),
        &["name.layout"],
    ),
    (
        "foreign name",
        |e, _| e.surname = "O'Connor".into(),
        &["name.latin"],
    ),
    (
        "foreign name Smith",
        |e, _| e.surname = "Smith".into(),
        &["name.latin"],
    ),
    (
        "foreign name umlaut",
        |e, _| e.surname = "Müller".into(),
        &["name.latin"],
    ),
    (
        "digit in name",
        |e, _| e.surname = "Иванов2".into(),
        &["name.chars"],
    ),
    (
        "symbol in name",
        |e, _| e.given_name = "Иван!".into(),
        &["name.chars"],
    ),
    (
        "initial with dot",
        |e, _| e.given_name = "И.".into(),
        &["name.chars", "name.initial"],
    ),
    (
        "initial only",
        |e, _| e.patronymic = "И".into(),
        &["name.initial"],
    ),
    (
        "trailing hyphen",
        |e, _| e.surname = "Иванов-".into(),
        &["name.signs"],
    ),
    (
        "Latin look-alike letter",
        |e, _| e.surname = "Ивaнов".into(),
        &["name.mixed_script"],
    ),
    (
        "half typed in each layout",
        |e, _| e.surname = "Иdfyjd".into(),
        &["name.mixed_script"],
    ),
    (
        "mixed scripts, no fix",
        |e, _| e.surname = "Ивqwнов".into(),
        &["name.mixed_script"],
    ),
    (
        "surname missing",
        |e, _| e.surname = String::new(),
        &["field.required"],
    ),
    (
        "given name blank",
        |e, _| e.given_name = "   ".into(),
        &["field.required"],
    ),
    ("no patronymic", |e, _| e.patronymic = String::new(), &[]),
    // birth date
    (
        "birth packed digits",
        |e, _| e.birth_date = "15051985".into(),
        &[],
    ),
    ("birth ISO", |e, _| e.birth_date = "1985-05-15".into(), &[]),
    (
        "birth slashes",
        |e, _| e.birth_date = "15/5/1985".into(),
        &[],
    ),
    (
        "birth no such date",
        |e, _| e.birth_date = "31.02.1990".into(),
        &["date.no_such_day"],
    ),
    (
        "birth short year",
        |e, _| e.birth_date = "3.1.90".into(),
        &["date.short_year"],
    ),
    (
        "birth in words",
        |e, _| e.birth_date = "15 мая 1985".into(),
        &["date.format"],
    ),
    (
        "birth missing",
        |e, _| e.birth_date = String::new(),
        &["field.required"],
    ),
    (
        "birth in future",
        |e, _| e.birth_date = "01.01.2030".into(),
        &["birth.future"],
    ),
    (
        "18 today, no election date",
        |e, _| e.birth_date = "20.01.2008".into(),
        &[],
    ),
    (
        "a day short of 18, no election date",
        |e, _| e.birth_date = "21.01.2008".into(),
        &["birth.under_18"],
    ),
    (
        "18 exactly on election day",
        |e, env| {
            env.campaign.election_date = Some(d(2026, 3, 15));
            e.birth_date = "15.03.2008".into();
        },
        &[],
    ),
    (
        "one day short on election day",
        |e, env| {
            env.campaign.election_date = Some(d(2026, 3, 15));
            e.birth_date = "16.03.2008".into();
        },
        &["birth.under_18"],
    ),
    (
        "29 February, not 18 on 28.02 of a common year",
        |e, env| {
            env.today = d(2026, 2, 28);
            e.signed_on = "28.02.2026".into();
            e.birth_date = "29.02.2008".into();
        },
        &["birth.under_18"],
    ),
    (
        "29 February, 18 on 1 March",
        |e, env| {
            env.today = d(2026, 3, 1);
            e.signed_on = "01.03.2026".into();
            e.birth_date = "29.02.2008".into();
        },
        &[],
    ),
    (
        "over 100",
        |e, _| e.birth_date = "01.01.1920".into(),
        &["birth.over_100"],
    ),
    (
        "exactly 110",
        |e, _| e.birth_date = "20.01.1916".into(),
        &["birth.over_100"],
    ),
    (
        "over 110",
        |e, _| e.birth_date = "01.01.1910".into(),
        &["birth.over_110"],
    ),
];
