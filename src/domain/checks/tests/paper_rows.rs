//! Rows about the rest of the line: document, region, address, duplicates, signing date.

use super::{Row, abroad, d, summary};
use crate::domain::DocKind;

/// Input tweak → expected finding codes.
pub(super) const ROWS: &[Row] = &[
    // documents
    (
        "passport packed",
        |e, _| e.document = "4506123456".into(),
        &[],
    ),
    (
        "passport 2+2+6",
        |e, _| e.document = "45 06 123456".into(),
        &[],
    ),
    (
        "passport with №",
        |e, _| e.document = "4506№123456".into(),
        &[],
    ),
    (
        "passport 9 digits",
        |e, _| e.document = "450612345".into(),
        &["doc.looks_like"],
    ),
    (
        "passport number short",
        |e, _| e.document = "4506 12345".into(),
        &["doc.number_length"],
    ),
    (
        "passport series short",
        |e, _| e.document = "456 123456".into(),
        &["doc.series_length"],
    ),
    (
        "passport 8 digits",
        |e, _| e.document = "45061234".into(),
        &["doc.length"],
    ),
    (
        "passport Latin O for zero",
        |e, _| e.document = "45O6 123456".into(),
        &["doc.chars"],
    ),
    (
        "passport missing",
        |e, _| e.document = String::new(),
        &["field.required"],
    ),
    (
        "OKATO 75 (Chelyabinsk)",
        |e, _| e.document = "7512345678".into(),
        &[],
    ),
    (
        "OKATO 02 unknown",
        |e, _| e.document = "0212 345678".into(),
        &["doc.series_region"],
    ),
    (
        "blank before 14",
        |e, _| {
            e.birth_date = "01.05.1990".into();
            e.document = "4599 123456".into();
        },
        &["doc.series_before_14"],
    ),
    (
        "blank year 95 (before the 1997 model)",
        |e, _| e.document = "4595 123456".into(),
        &["doc.series_year"],
    ),
    (
        "blank of this year",
        |e, _| e.document = "4526 123456".into(),
        &[],
    ),
    (
        "blank of next year",
        |e, _| e.document = "4527 123456".into(),
        &["doc.series_year"],
    ),
    (
        "international passport in Moscow",
        |e, _| {
            e.doc_kind = DocKind::ForeignPassport;
            e.document = "75 1234567".into();
        },
        &["doc.kind_region"],
    ),
    (
        "international passport abroad",
        |e, _| {
            abroad(e);
            e.doc_kind = DocKind::ForeignPassport;
            e.document = "751234567".into();
        },
        &[],
    ),
    (
        "internal passport digits as international",
        |e, _| {
            abroad(e);
            e.doc_kind = DocKind::ForeignPassport;
            e.document = "4506 123456".into();
        },
        &["doc.looks_like"],
    ),
    ("internal passport abroad", |e, _| abroad(e), &[]),
    (
        "other document",
        |e, _| {
            e.doc_kind = DocKind::Other;
            e.document = "военный билет АБ 1234567".into();
        },
        &["doc.other_kind"],
    ),
    // region
    (
        "region by prefix",
        |e, _| {
            e.region = "Свердл".into();
            e.address = "Свердловская обл., г. Екатеринбург, ул. Ленина, д. 1".into();
        },
        &[],
    ),
    ("region by name", |e, _| e.region = "москва".into(), &[]),
    (
        "region ambiguous prefix",
        |e, _| e.region = "Моск".into(),
        &["region.unknown"],
    ),
    (
        "region nonsense",
        |e, _| e.region = "Нарния".into(),
        &["region.unknown"],
    ),
    (
        "region missing",
        |e, _| e.region = " ".into(),
        &["field.required"],
    ),
    (
        "abroad without country",
        |e, _| {
            abroad(e);
            e.abroad_country = "  ".into();
        },
        &["region.abroad_country"],
    ),
    (
        "cap reached",
        |_, env| {
            env.counts.insert("77".into(), 2500);
        },
        &["region.cap"],
    ),
    (
        "cap not yet reached",
        |_, env| {
            env.counts.insert("77".into(), 2499);
        },
        &[],
    ),
    (
        "other region at cap",
        |_, env| {
            env.counts.insert("50".into(), 2500);
        },
        &[],
    ),
    (
        "abroad cap reached",
        |e, env| {
            abroad(e);
            env.counts.insert("abroad".into(), 2500);
        },
        &["region.cap"],
    ),
    // address
    (
        "Kazan address, Tatarstan",
        |e, _| {
            e.region = "16".into();
            e.address = "г. Казань, ул. Московская, д. 5".into();
        },
        &[],
    ),
    (
        "Moscow oblast address, Tatarstan chosen",
        |e, _| {
            e.region = "Татарстан".into();
            e.address = "Московская обл., г. Химки, ул. Ленина, д. 3".into();
        },
        &["address.region_mismatch"],
    ),
    (
        "address without house",
        |e, _| e.address = "г. Москва, Тверская улица".into(),
        &["address.no_house"],
    ),
    (
        "address missing",
        |e, _| e.address = String::new(),
        &["field.required"],
    ),
    // duplicates
    (
        "same document",
        |_, env| env.same_document = Some(summary()),
        &["dup.document"],
    ),
    (
        "same person",
        |_, env| env.same_person = Some(summary()),
        &["dup.person"],
    ),
    // signing date
    (
        "signed tomorrow",
        |e, _| e.signed_on = "21.01.2026".into(),
        &["signed.future"],
    ),
    ("signed ISO", |e, _| e.signed_on = "2026-01-20".into(), &[]),
    (
        "signed short year",
        |e, _| e.signed_on = "20.1.26".into(),
        &["date.short_year"],
    ),
    (
        "signed missing",
        |e, _| e.signed_on = String::new(),
        &["field.required"],
    ),
    (
        "signed before window",
        |e, env| {
            env.campaign.window_start = Some(d(2026, 1, 1));
            e.signed_on = "31.12.2025".into();
        },
        &["signed.before_window"],
    ),
    (
        "signed after window",
        |e, env| {
            env.campaign.window_end = Some(d(2026, 1, 10));
            e.signed_on = "11.01.2026".into();
        },
        &["signed.after_window"],
    ),
    (
        "signed inside window",
        |e, env| {
            env.campaign.window_start = Some(d(2026, 1, 1));
            env.campaign.window_end = Some(d(2026, 1, 31));
            e.signed_on = "1.1.2026".into();
        },
        &[],
    ),
];
