//! Signers the crate's unit tests save (test builds only).

use super::{DocKind, NewEntry};
use chrono::NaiveDate;

/// A Moscow signer the checks find nothing wrong with: passport `4510 number`, living at
/// `address`, signed on `day` January 2024.
pub fn moscow_signer(number: String, address: &str, day: u32) -> NewEntry {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    NewEntry {
        surname: "Иванов".into(),
        given_name: "Иван".into(),
        patronymic: "Иванович".into(),
        birth_date: date(1980, 5, 17),
        doc_kind: DocKind::InternalPassport,
        doc_series: "4510".into(),
        doc_number: number,
        region_code: "77".into(),
        abroad_country: String::new(),
        address: address.into(),
        signed_on: date(2024, 1, day),
    }
}
