//! Rows about the rest of the line: document, region, address, duplicates, signing date.

use super::Change::{By, Type, Types};
use super::{Row, abroad, d, summary};
use crate::domain::DocKind;
use crate::domain::Field::{Address, BirthDate, Document, Region, SignedOn};

/// Input change → expected finding codes, one row a line.
#[rustfmt::skip]
pub(super) const ROWS: &[Row] = &[
    // documents
    ("passport packed", Type(Document, "4506123456"), ""),
    ("passport 2+2+6", Type(Document, "45 06 123456"), ""),
    ("passport with №", Type(Document, "4506№123456"), ""),
    ("passport 9 digits", Type(Document, "450612345"), "doc.looks_like"),
    ("passport number short", Type(Document, "4506 12345"), "doc.number_length"),
    ("passport series short", Type(Document, "456 123456"), "doc.series_length"),
    ("passport 8 digits", Type(Document, "45061234"), "doc.length"),
    ("passport Latin O for zero", Type(Document, "45O6 123456"), "doc.chars"),
    ("passport missing", Type(Document, ""), "field.required"),
    ("OKATO 75 (Chelyabinsk)", Type(Document, "7512345678"), ""),
    ("OKATO 02 unknown", Type(Document, "0212 345678"), "doc.series_region"),
    ("blank before 14", Types(&[(BirthDate, "01.05.1990"), (Document, "4599 123456")]), "doc.series_before_14"),
    ("blank year 95 (before the 1997 model)", Type(Document, "4595 123456"), "doc.series_year"),
    ("blank of this year", Type(Document, "4526 123456"), ""),
    ("blank of next year", Type(Document, "4527 123456"), "doc.series_year"),
    ("blank of this year, signed last year", Types(&[(Document, "4526 123456"), (SignedOn, "31.12.2025")]), "doc.series_year"),
    ("not replaced at 20", Types(&[(BirthDate, "01.03.2000"), (Document, "4514 123456")]), "doc.passport_expired"),
    ("not replaced at 20, 91 days past", Types(&[(BirthDate, "20.10.2005"), (Document, "4519 123456")]), "doc.passport_expired"),
    ("replaced at 20, within 90 days", Types(&[(BirthDate, "01.12.2005"), (Document, "4519 123456")]), ""),
    ("not replaced at 45", Types(&[(BirthDate, "10.01.1975"), (Document, "4510 123456")]), "doc.passport_expired"),
    ("replaced at 45", Types(&[(BirthDate, "10.01.1975"), (Document, "4520 123456")]), ""),
    ("expired on the signing date, not today", Types(&[(BirthDate, "01.01.2005"), (Document, "4519 123456"), (SignedOn, "02.04.2025")]), "doc.passport_expired"),
    ("valid on the signing date, expired today", Types(&[(BirthDate, "01.01.2005"), (Document, "4519 123456"), (SignedOn, "01.04.2025")]), ""),
    ("international passport in Moscow", By(|e, _| {
        e.doc_kind = DocKind::ForeignPassport;
        e.document = "75 1234567".into();
    }), "doc.kind_region"),
    ("international passport abroad", By(|e, _| {
        abroad(e);
        e.doc_kind = DocKind::ForeignPassport;
        e.document = "751234567".into();
    }), ""),
    ("internal passport digits as international", By(|e, _| {
        abroad(e);
        e.doc_kind = DocKind::ForeignPassport;
        e.document = "4506 123456".into();
    }), "doc.looks_like"),
    ("internal passport abroad", By(|e, _| abroad(e)), ""),
    ("other document", By(|e, _| {
        e.doc_kind = DocKind::Other;
        e.document = "военный билет АБ 1234567".into();
    }), "doc.other_kind"),
    // region
    ("region by prefix", Types(&[(Region, "Свердл"), (Address, "Свердловская обл., г. Екатеринбург, ул. Ленина, д. 1")]), ""),
    ("region by name", Type(Region, "москва"), ""),
    ("region ambiguous prefix", Type(Region, "Моск"), "region.unknown"),
    ("region nonsense", Type(Region, "Нарния"), "region.unknown"),
    ("region missing", Type(Region, " "), "field.required"),
    ("abroad without country", By(|e, _| {
        abroad(e);
        e.abroad_country = "  ".into();
    }), "region.abroad_country"),
    ("cap reached", By(|_, env| { env.counts.insert("77".into(), 2500); }), "region.cap"),
    ("cap not yet reached", By(|_, env| { env.counts.insert("77".into(), 2499); }), ""),
    ("other region at cap", By(|_, env| { env.counts.insert("50".into(), 2500); }), ""),
    ("abroad cap reached", By(|e, env| {
        abroad(e);
        env.counts.insert("abroad".into(), 2500);
    }), "region.cap"),
    // address
    ("Kazan address, Tatarstan", Types(&[(Region, "16"), (Address, "г. Казань, ул. Московская, д. 5")]), ""),
    ("Moscow oblast address, Tatarstan chosen",
        Types(&[(Region, "Татарстан"), (Address, "Московская обл., г. Химки, ул. Ленина, д. 3")]), "address.region_mismatch"),
    ("address without house", Type(Address, "г. Москва, Тверская улица"), "address.no_house"),
    ("address missing", Type(Address, ""), "field.required"),
    // duplicates
    ("same document", By(|_, env| env.same_document = Some(summary())), "dup.document"),
    ("same person", By(|_, env| env.same_person = Some(summary())), "dup.person"),
    // signing date
    ("signed tomorrow", Type(SignedOn, "21.01.2026"), "signed.future"),
    ("signed ISO", Type(SignedOn, "2026-01-20"), ""),
    ("signed short year", Type(SignedOn, "20.1.26"), "date.short_year"),
    ("signed missing", Type(SignedOn, ""), "field.required"),
    ("signed before window", By(|e, env| {
        env.campaign.window_start = Some(d(2026, 1, 1));
        e.signed_on = "31.12.2025".into();
    }), "signed.before_window"),
    ("signed after window", By(|e, env| {
        env.campaign.window_end = Some(d(2026, 1, 10));
        e.signed_on = "11.01.2026".into();
    }), "signed.after_window"),
    ("signed inside window", By(|e, env| {
        env.campaign.window_start = Some(d(2026, 1, 1));
        env.campaign.window_end = Some(d(2026, 1, 31));
        e.signed_on = "1.1.2026".into();
    }), ""),
];
