//! Rows about the signer: names and birth date.

use super::Change::{By, Type};
use super::{Row, d};
use crate::domain::Field::{BirthDate, GivenName, Patronymic, Surname};

/// Input change → expected finding codes, one row a line.
#[rustfmt::skip]
pub(super) const ROWS: &[Row] = &[
    ("clean entry", By(|_, _| {}), ""),
    // names
    ("surname with spaces", Type(Surname, "  иванов "), ""),
    ("surname in capitals", Type(Surname, "ИВАНОВ"), ""),
    ("double surname", Type(Surname, "иванов - петров"), ""),
    ("ё kept", Type(Surname, "Семёнов"), ""),
    ("apostrophe prefix", Type(Surname, "д'артаньян"), ""),
    ("English layout surname", Type(Surname, "Bdfyjd"), "name.layout"),
    ("English layout female surname", Type(Surname, "Gtnhjdf"), "name.layout"),
    ("English layout given name", Type(GivenName, "Cthutq"), "name.layout"),
    ("English layout patronymic", Type(Patronymic, "bdfyjdbx"), "name.layout"),
    ("layout with х key", Type(Surname, "Ct[fyjd"), "name.layout"),
    ("foreign name", Type(Surname, "O'Connor"), "name.latin"),
    ("foreign name Smith", Type(Surname, "Smith"), "name.latin"),
    ("foreign name umlaut", Type(Surname, "Müller"), "name.latin"),
    ("digit in name", Type(Surname, "Иванов2"), "name.chars"),
    ("symbol in name", Type(GivenName, "Иван!"), "name.chars"),
    ("initial with dot", Type(GivenName, "И."), "name.chars name.initial"),
    ("initial only", Type(Patronymic, "И"), "name.initial"),
    ("trailing hyphen", Type(Surname, "Иванов-"), "name.signs"),
    ("Latin look-alike letter", Type(Surname, "Ивaнов"), "name.mixed_script"),
    ("half typed in each layout", Type(Surname, "Иdfyjd"), "name.mixed_script"),
    ("mixed scripts, no fix", Type(Surname, "Ивqwнов"), "name.mixed_script"),
    ("surname missing", Type(Surname, ""), "field.required"),
    ("given name blank", Type(GivenName, "   "), "field.required"),
    ("no patronymic", Type(Patronymic, ""), ""),
    // birth date
    ("birth packed digits", Type(BirthDate, "15051985"), ""),
    ("birth ISO", Type(BirthDate, "1985-05-15"), ""),
    ("birth slashes", Type(BirthDate, "15/5/1985"), ""),
    ("birth no such date", Type(BirthDate, "31.02.1990"), "date.no_such_day"),
    ("birth short year", Type(BirthDate, "3.1.90"), "date.short_year"),
    ("birth in words", Type(BirthDate, "15 мая 1985"), "date.format"),
    ("birth missing", Type(BirthDate, ""), "field.required"),
    ("birth in future", Type(BirthDate, "01.01.2030"), "birth.future"),
    ("18 today, no election date", Type(BirthDate, "20.01.2008"), ""),
    ("a day short of 18, no election date", Type(BirthDate, "21.01.2008"), "birth.under_18"),
    ("18 exactly on election day", By(|e, env| {
        env.campaign.election_date = Some(d(2026, 3, 15));
        e.birth_date = "15.03.2008".into();
    }), ""),
    ("one day short on election day", By(|e, env| {
        env.campaign.election_date = Some(d(2026, 3, 15));
        e.birth_date = "16.03.2008".into();
    }), "birth.under_18"),
    ("29 February, not 18 on 28.02 of a common year", By(|e, env| {
        env.today = d(2026, 2, 28);
        e.signed_on = "28.02.2026".into();
        e.birth_date = "29.02.2008".into();
    }), "birth.under_18"),
    ("29 February, 18 on 1 March", By(|e, env| {
        env.today = d(2026, 3, 1);
        e.signed_on = "01.03.2026".into();
        e.birth_date = "29.02.2008".into();
    }), ""),
    ("over 100", Type(BirthDate, "01.01.1920"), "birth.over_100"),
    ("exactly 110", Type(BirthDate, "20.01.1916"), "birth.over_100"),
    ("over 110", Type(BirthDate, "01.01.1910"), "birth.over_110"),
];
