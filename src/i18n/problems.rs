//! Messages for check findings: what is wrong and how to fix it, one line under the field.

use super::{Lang, Phrase, ru_plural};
use crate::domain::checks::RegionName;
use crate::domain::dates::day_text;
use crate::domain::{DocKind, EntrySummary, Problem};
use chrono::NaiveDate;
use std::borrow::Cow;

/// The message shown for a finding, saying what is wrong and how to fix it.
impl Phrase for Problem {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            Problem::Required => say!(
                lang,
                "required: type it from the sheet",
                "обязательное поле: перепишите с листа",
            ),
            Problem::NameChars { chars } => say!(
                lang,
                "letters, hyphen, space and apostrophe only; remove “{chars}”",
                "только буквы, дефис, пробел и апостроф; уберите «{chars}»",
            ),
            Problem::NameSigns => say!(
                lang,
                "a hyphen or apostrophe needs letters on both sides",
                "у дефиса и апострофа должны быть буквы с обеих сторон",
            ),
            Problem::NameLatin => say!(
                lang,
                "Latin letters: fine for a foreign name, else switch to Russian",
                "латиница: допустима для иностранного имени, иначе переключите раскладку",
            ),
            Problem::NameLayout { fix } => say!(
                lang,
                "typed in the English layout? Ctrl-T makes it “{fix}”",
                "набрано в английской раскладке? Ctrl-T исправит на «{fix}»",
            ),
            Problem::NameMixedScript { fix: Some(fix) } => say!(
                lang,
                "Latin letters mixed in; Ctrl-T makes it “{fix}”",
                "в слове латинские буквы; Ctrl-T исправит на «{fix}»",
            ),
            Problem::NameMixedScript { fix: None } => say!(
                lang,
                "Russian and Latin letters mixed; retype in one layout",
                "русские и латинские буквы вперемешку; наберите в одной раскладке",
            ),
            Problem::NameInitial => say!(
                lang,
                "one letter: the sheet needs the name in full, not an initial",
                "одна буква: на листе нужно полное имя, а не инициал",
            ),
            Problem::DateFormat => say!(
                lang,
                "not a date; type it as 31.12.1990",
                "не дата; введите в виде 31.12.1990",
            ),
            Problem::DateShortYear => say!(
                lang,
                "write the year with 4 digits, e.g. 03.01.1990",
                "напишите год четырьмя цифрами, например 03.01.1990",
            ),
            Problem::DateNoSuchDay { day, month, year } => say!(
                lang,
                "no such date {day:02}.{month:02}.{year}; check day and month",
                "такой даты нет: {day:02}.{month:02}.{year}; проверьте день и месяц",
            ),
            Problem::BirthInFuture => say!(
                lang,
                "birth date is in the future; check the year",
                "дата рождения в будущем; проверьте год",
            ),
            Problem::UnderAge { age, on } => say!(
                lang,
                "only {age} on {}: must be 18 to sign",
                "на {} исполнится только {age}: подписывать можно с 18 лет",
                day(*on),
            ),
            Problem::TooOld { age } => say!(
                lang,
                "age {age} is over 110; check the year of birth",
                "возраст {age} больше 110; проверьте год рождения",
            ),
            Problem::VeryOld { age } => say!(
                lang,
                "age {age}: over 100, check the year of birth",
                "возраст {age}: больше 100, проверьте год рождения",
            ),
            Problem::DocChars { chars } => say!(
                lang,
                "series and number are digits only; remove “{chars}”",
                "серия и номер — только цифры; уберите «{chars}»",
            ),
            Problem::DocLength {
                kind,
                expected,
                got,
            } => doc_length(lang, Part::Both, *kind, *expected, *got),
            Problem::DocSeriesLength {
                kind,
                expected,
                got,
            } => doc_length(lang, Part::Series, *kind, *expected, *got),
            Problem::DocNumberLength {
                kind,
                expected,
                got,
            } => doc_length(lang, Part::Number, *kind, *expected, *got),
            Problem::DocLooksLike { looks_like, .. } => say!(
                lang,
                "digits look like an {}; change the kind or check them",
                "цифры похожи на {}; смените вид документа или проверьте их",
                Kind::Is(*looks_like).say(lang),
            ),
            Problem::DocOtherKind => say!(
                lang,
                "other document: check it replaces a passport (military ID, form 2P)",
                "другой документ: проверьте, что он заменяет паспорт (военный билет, форма 2П)",
            ),
            Problem::DocKindRegion => say!(
                lang,
                "international passport counts only for voters abroad; ask for the internal",
                "загранпаспорт годится только для живущих за рубежом; нужен паспорт РФ",
            ),
            Problem::PassportSeriesRegion { okato } => say!(
                lang,
                "series starts with {okato}, no region's code; check the series",
                "серия начинается с {okato}, такого кода региона нет; проверьте серию",
            ),
            Problem::PassportSeriesYear { year, current } => say!(
                lang,
                "series digits 3-4 ({year}) must be a year 97..{current:02}; check the series",
                "цифры 3-4 серии ({year}) — год бланка, 97..{current:02}; проверьте серию",
            ),
            Problem::PassportBeforeFourteen {
                blank_year,
                fourteen_in,
            } => say!(
                lang,
                "blank made in {blank_year}, holder turned 14 in {fourteen_in}; check series and birth date",
                "бланк {blank_year} г., а 14 лет исполнилось в {fourteen_in}; проверьте серию и дату",
            ),
            Problem::PassportExpired { blank_year, age } => say!(
                lang,
                "probably expired (blank of {blank_year}, not replaced at {age}): ask for the new one",
                "вероятно, просрочен (бланк {blank_year} г., не заменён в {age}): нужен новый",
            ),
            Problem::DuplicateDocument { first } => say!(
                lang,
                "already signed with it: {}",
                "уже подписал с ним: {}",
                place(lang, first),
            ),
            Problem::DuplicatePerson { first } => say!(
                lang,
                "same name+birth date: {}",
                "те же ФИО и дата рождения: {}",
                place(lang, first),
            ),
            Problem::DocumentAtPoint { hit } => say!(
                lang,
                "already signed at point {}, {}",
                "уже подписал в пункте {}, {}",
                hit.point,
                hit.signed_on.format("%d.%m"),
            ),
            Problem::PersonAtPoint { hit } => say!(
                lang,
                "same name+birth date signed at point {}, {}",
                "те же ФИО и дата рождения в пункте {}, {}",
                hit.point,
                hit.signed_on.format("%d.%m"),
            ),
            Problem::RegionUnknown { suggestions } if suggestions.is_empty() => say!(
                lang,
                "no such region; type the start of its name or its 2-digit code",
                "нет такого региона; введите начало названия или 2-значный код",
            ),
            Problem::RegionUnknown { suggestions } => say!(
                lang,
                "which one? {}; type more or the code",
                "какой? {}; уточните или введите код",
                names(lang, suggestions),
            ),
            Problem::AbroadCountryMissing => say!(
                lang,
                "type the foreign state the signer lives in (it heads the sheet)",
                "введите иностранное государство проживания (оно в заголовке листа)",
            ),
            Problem::RegionCap { count, cap, abroad } => {
                let signatures = ru_plural(u64::from(*count), ["подпись", "подписи", "подписей"]);
                if *abroad {
                    say!(
                        lang,
                        "{count} valid signatures from abroad, cap {cap}: more may not count",
                        "из-за рубежа уже {count} {signatures} при пределе {cap}: лишние могут не засчитать",
                    )
                } else {
                    say!(
                        lang,
                        "region has {count} valid signatures, cap {cap}: more may not count",
                        "в регионе уже {count} {signatures} при пределе {cap}: лишние могут не засчитать",
                    )
                }
            }
            Problem::AddressNoHouse => say!(
                lang,
                "no house number; add it from the sheet (д. 5, кв. 12)",
                "нет номера дома; допишите с листа (д. 5, кв. 12)",
            ),
            Problem::AddressRegionMismatch { named, chosen } => say!(
                lang,
                "address is in {}, region is {}; check both",
                "адрес — {}, а регион — {}; проверьте оба",
                region_name(lang, named),
                region_name(lang, chosen),
            ),
            Problem::SignedInFuture => say!(
                lang,
                "signing date is in the future; use the date the signer wrote",
                "дата подписи в будущем; введите дату, написанную подписантом",
            ),
            Problem::SignedBeforeWindow { start } => say!(
                lang,
                "signed before collection opened on {}; check the date",
                "подписано до начала сбора {}; проверьте дату",
                day(*start),
            ),
            Problem::SignedAfterWindow { end } => say!(
                lang,
                "signed after collection closed on {}; check the date",
                "подписано после окончания сбора {}; проверьте дату",
                day(*end),
            ),
        }
    }
}

/// A document kind inside a check message, in the case the Russian sentence needs.
enum Kind {
    /// "паспорт РФ": the kind itself.
    Is(DocKind),
    /// "паспорта РФ": of the kind.
    Of(DocKind),
}

impl Phrase for Kind {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use DocKind::*;
        match *self {
            Kind::Is(InternalPassport) => say!(lang, "internal passport", "паспорт РФ"),
            Kind::Is(ForeignPassport) => say!(lang, "international passport", "загранпаспорт"),
            Kind::Is(Other) => say!(lang, "other document", "другой документ"),
            Kind::Of(InternalPassport) => say!(lang, "internal passport", "паспорта РФ"),
            Kind::Of(ForeignPassport) => say!(lang, "international passport", "загранпаспорта"),
            Kind::Of(Other) => say!(lang, "other document", "документа"),
        }
    }
}

/// The part of a document whose digits are counted.
#[derive(Clone, Copy)]
enum Part {
    /// Series and number together.
    Both,
    /// The series alone.
    Series,
    /// The number alone.
    Number,
}

impl Phrase for Part {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            Part::Both => say!(lang, "series and number", "серия и номер"),
            Part::Series => say!(lang, "series", "серия"),
            Part::Number => say!(lang, "number", "номер"),
        }
    }
}

/// A part of a document with the wrong count of digits: `expected` were needed, `got` typed.
fn doc_length(
    lang: Lang,
    part: Part,
    kind: DocKind,
    expected: usize,
    got: usize,
) -> Cow<'static, str> {
    let (part, kind, digits) = (
        part.say(lang),
        Kind::Of(kind).say(lang),
        digits_ru(expected),
    );
    say!(
        lang,
        "{kind} {part} must be {expected} digits, got {got}",
        "{part} {kind}: {expected} {digits}, введено {got}",
    )
}

/// "10 цифр", "4 цифры": the noun after a count of digits.
fn digits_ru(n: usize) -> &'static str {
    ru_plural(n as u64, ["цифра", "цифры", "цифр"])
}

/// A date as operators type it.
fn day(date: NaiveDate) -> String {
    day_text(date)
}

/// Where an earlier entry stands on paper, and when and where it was saved.
fn place(lang: Lang, first: &EntrySummary) -> Cow<'static, str> {
    let at = first.entered_at.format("%d.%m %H:%M UTC");
    let EntrySummary {
        sheet,
        line,
        origin,
        desk,
        ..
    } = first;
    say!(
        lang,
        "sheet {sheet} line {line}, {origin} desk {desk}, {at}",
        "лист {sheet} стр. {line}, {origin} стол {desk}, {at}",
    )
}

/// A region's name in `lang`.
fn region_name(lang: Lang, region: &RegionName) -> &str {
    lang.pick(&region.name_en, &region.name_ru)
}

/// Region names joined for a suggestion list.
fn names(lang: Lang, regions: &[RegionName]) -> String {
    regions
        .iter()
        .map(|r| format!("{} ({})", region_name(lang, r), r.code))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
