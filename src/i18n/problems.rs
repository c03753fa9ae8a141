//! Messages for check findings: what is wrong and how to fix it, one line under the field.

use super::Lang;
use crate::domain::checks::RegionName;
use crate::domain::{DocKind, EntrySummary, Problem};
use chrono::NaiveDate;

/// The message shown for a finding, saying what is wrong and how to fix it.
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    let ru = lang == Lang::Ru;
    let pick = |en: &str, ru_text: &str| lang.pick(en, ru_text).to_string();
    match problem {
        Problem::Required => pick(
            "required: type it from the sheet",
            "обязательное поле: перепишите с листа",
        ),
        Problem::NameChars { chars } => pick(
            &format!("letters, hyphen, space and apostrophe only; remove “{chars}”"),
            &format!("только буквы, дефис, пробел и апостроф; уберите «{chars}»"),
        ),
        Problem::NameSigns => pick(
            "a hyphen or apostrophe needs letters on both sides",
            "у дефиса и апострофа должны быть буквы с обеих сторон",
        ),
        Problem::NameLatin => pick(
            "Latin letters: fine for a foreign name, else switch to Russian",
            "латиница: допустима для иностранного имени, иначе переключите раскладку",
        ),
        Problem::NameLayout { fix } => pick(
            &format!("typed in the English layout? Ctrl-T makes it “{fix}”"),
            &format!("набрано в английской раскладке? Ctrl-T исправит на «{fix}»"),
        ),
        Problem::NameMixedScript { fix: Some(fix) } => pick(
            &format!("Latin letters mixed in; Ctrl-T makes it “{fix}”"),
            &format!("в слове латинские буквы; Ctrl-T исправит на «{fix}»"),
        ),
        Problem::NameMixedScript { fix: None } => pick(
            "Russian and Latin letters mixed; retype in one layout",
            "русские и латинские буквы вперемешку; наберите в одной раскладке",
        ),
        Problem::NameInitial => pick(
            "one letter: the sheet needs the name in full, not an initial",
            "одна буква: на листе нужно полное имя, а не инициал",
        ),
        Problem::DateFormat => pick(
            "not a date; type it as 31.12.1990",
            "не дата; введите в виде 31.12.1990",
        ),
        Problem::DateShortYear => pick(
            "write the year with 4 digits, e.g. 03.01.1990",
            "напишите год четырьмя цифрами, например 03.01.1990",
        ),
        Problem::DateNoSuchDay { day, month, year } => pick(
            &format!("no such date {day:02}.{month:02}.{year}; check day and month"),
            &format!("такой даты нет: {day:02}.{month:02}.{year}; проверьте день и месяц"),
        ),
        Problem::BirthInFuture => pick(
            "birth date is in the future; check the year",
            "дата рождения в будущем; проверьте год",
        ),
        Problem::UnderAge { age, on } => pick(
            &format!("only {age} on {}: must be 18 to sign", day(*on)),
            &format!(
                "на {} исполнится только {age}: подписывать можно с 18 лет",
                day(*on)
            ),
        ),
        Problem::TooOld { age } => pick(
            &format!("age {age} is over 110; check the year of birth"),
            &format!("возраст {age} больше 110; проверьте год рождения"),
        ),
        Problem::VeryOld { age } => pick(
            &format!("age {age}: over 100, check the year of birth"),
            &format!("возраст {age}: больше 100, проверьте год рождения"),
        ),
        Problem::DocChars { chars } => pick(
            &format!("series and number are digits only; remove “{chars}”"),
            &format!("серия и номер — только цифры; уберите «{chars}»"),
        ),
        Problem::DocLength {
            kind,
            expected,
            got,
        } => pick(
            &format!(
                "{} series and number must be {expected} digits, got {got}",
                kind_en(*kind)
            ),
            &format!(
                "серия и номер {}: {expected} цифр, введено {got}",
                kind_ru_genitive(*kind)
            ),
        ),
        Problem::DocSeriesLength {
            kind,
            expected,
            got,
        } => pick(
            &format!(
                "{} series must be {expected} digits, got {got}",
                kind_en(*kind)
            ),
            &format!(
                "серия {}: {expected} цифры, введено {got}",
                kind_ru_genitive(*kind)
            ),
        ),
        Problem::DocNumberLength {
            kind,
            expected,
            got,
        } => pick(
            &format!(
                "{} number must be {expected} digits, got {got}",
                kind_en(*kind)
            ),
            &format!(
                "номер {}: {expected} цифр, введено {got}",
                kind_ru_genitive(*kind)
            ),
        ),
        Problem::DocLooksLike { looks_like, .. } => pick(
            &format!(
                "digits look like an {}; change the kind or check them",
                kind_en(*looks_like)
            ),
            &format!(
                "цифры похожи на {}; смените вид документа или проверьте их",
                kind_ru(*looks_like)
            ),
        ),
        Problem::DocOtherKind => pick(
            "other document: check it replaces a passport (military ID, form 2P)",
            "другой документ: проверьте, что он заменяет паспорт (военный билет, форма 2П)",
        ),
        Problem::DocKindRegion => pick(
            "international passport counts only for voters abroad; ask for the internal",
            "загранпаспорт годится только для живущих за рубежом; нужен паспорт РФ",
        ),
        Problem::PassportSeriesRegion { okato } => pick(
            &format!("series starts with {okato}, no region's code; check the series"),
            &format!("серия начинается с {okato}, такого кода региона нет; проверьте серию"),
        ),
        Problem::PassportSeriesYear { year, current } => pick(
            &format!(
                "series digits 3-4 ({year}) must be a year 97..{current:02}; check the series"
            ),
            &format!("цифры 3-4 серии ({year}) — год бланка, 97..{current:02}; проверьте серию"),
        ),
        Problem::PassportBeforeFourteen {
            blank_year,
            fourteen_in,
        } => pick(
            &format!(
                "blank made in {blank_year}, holder turned 14 in {fourteen_in}; check series and birth date"
            ),
            &format!(
                "бланк {blank_year} г., а 14 лет исполнилось в {fourteen_in}; проверьте серию и дату"
            ),
        ),
        Problem::DuplicateDocument { first } => pick(
            &format!("already signed with it: {}", place(first, ru)),
            &format!("уже подписал с ним: {}", place(first, ru)),
        ),
        Problem::DuplicatePerson { first } => pick(
            &format!("same name+birth date: {}", place(first, ru)),
            &format!("те же ФИО и дата рождения: {}", place(first, ru)),
        ),
        Problem::RegionUnknown { suggestions } if suggestions.is_empty() => pick(
            "no such region; type the start of its name or its 2-digit code",
            "нет такого региона; введите начало названия или 2-значный код",
        ),
        Problem::RegionUnknown { suggestions } => pick(
            &format!(
                "which one? {}; type more or the code",
                names(suggestions, false)
            ),
            &format!(
                "какой? {}; уточните или введите код",
                names(suggestions, true)
            ),
        ),
        Problem::AbroadCountryMissing => pick(
            "type the foreign state the signer lives in (it heads the sheet)",
            "введите иностранное государство проживания (оно в заголовке листа)",
        ),
        Problem::RegionCap {
            count,
            cap,
            abroad: false,
        } => pick(
            &format!("region has {count} valid signatures, cap {cap}: more may not count"),
            &format!("в регионе уже {count} подписей при пределе {cap}: лишние могут не засчитать"),
        ),
        Problem::RegionCap {
            count,
            cap,
            abroad: true,
        } => pick(
            &format!("{count} valid signatures from abroad, cap {cap}: more may not count"),
            &format!(
                "из-за рубежа уже {count} подписей при пределе {cap}: лишние могут не засчитать"
            ),
        ),
        Problem::AddressNoHouse => pick(
            "no house number; add it from the sheet (д. 5, кв. 12)",
            "нет номера дома; допишите с листа (д. 5, кв. 12)",
        ),
        Problem::AddressRegionMismatch { named, chosen } => pick(
            &format!(
                "address is in {}, region is {}; check both",
                named.name_en, chosen.name_en
            ),
            &format!(
                "адрес — {}, а регион — {}; проверьте оба",
                named.name_ru, chosen.name_ru
            ),
        ),
        Problem::SignedInFuture => pick(
            "signing date is in the future; use the date the signer wrote",
            "дата подписи в будущем; введите дату, написанную подписантом",
        ),
        Problem::SignedBeforeWindow { start } => pick(
            &format!(
                "signed before collection opened on {}; check the date",
                day(*start)
            ),
            &format!("подписано до начала сбора {}; проверьте дату", day(*start)),
        ),
        Problem::SignedAfterWindow { end } => pick(
            &format!(
                "signed after collection closed on {}; check the date",
                day(*end)
            ),
            &format!(
                "подписано после окончания сбора {}; проверьте дату",
                day(*end)
            ),
        ),
    }
}

/// A date as operators type it.
fn day(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// Where an earlier entry stands on paper, and when and where it was saved.
fn place(first: &EntrySummary, ru: bool) -> String {
    let at = first.entered_at.format("%d.%m %H:%M UTC");
    let (sheet, line, desk) = if ru {
        ("лист", "стр.", "стол")
    } else {
        ("sheet", "line", "desk")
    };
    format!(
        "{sheet} {} {line} {}, {} {desk} {}, {at}",
        first.sheet, first.line, first.origin, first.desk
    )
}

/// Region names joined for a suggestion list.
fn names(regions: &[RegionName], ru: bool) -> String {
    let name = |r: &RegionName| {
        if ru {
            r.name_ru.clone()
        } else {
            r.name_en.clone()
        }
    };
    regions
        .iter()
        .map(|r| format!("{} ({})", name(r), r.code))
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind_en(kind: DocKind) -> &'static str {
    match kind {
        DocKind::InternalPassport => "internal passport",
        DocKind::ForeignPassport => "international passport",
        DocKind::Other => "other document",
    }
}

fn kind_ru(kind: DocKind) -> &'static str {
    match kind {
        DocKind::InternalPassport => "паспорт РФ",
        DocKind::ForeignPassport => "загранпаспорт",
        DocKind::Other => "другой документ",
    }
}

fn kind_ru_genitive(kind: DocKind) -> &'static str {
    match kind {
        DocKind::InternalPassport => "паспорта РФ",
        DocKind::ForeignPassport => "загранпаспорта",
        DocKind::Other => "документа",
    }
}

#[cfg(test)]
mod tests;
