//! The embedded catalogue and the lookups on it: codes, names, prefixes, addresses.

use super::*;
use std::collections::HashSet;

fn catalog() -> RegionCatalog {
    RegionCatalog::embedded().expect("embedded catalogue parses")
}

fn code_of(region: Option<&Region>) -> Option<&str> {
    region.map(|r| r.code.as_str())
}

#[test]
fn has_89_subjects_and_abroad_last() {
    let catalog = catalog();
    assert_eq!(catalog.all().len(), 90);
    let last = catalog.all().last().expect("not empty");
    assert_eq!(last.code, ABROAD);
    assert_eq!(last.kind, RegionKind::Abroad);
    assert_eq!(last.okato, "");
    assert_eq!(last.display_name(true), "За рубежом");
    assert_eq!(last.display_name(false), "Abroad");
}

#[test]
fn kinds_are_counted_as_in_2024() {
    let catalog = catalog();
    let count = |kind| catalog.all().iter().filter(|r| r.kind == kind).count();
    assert_eq!(count(RegionKind::Republic), 24);
    assert_eq!(count(RegionKind::Krai), 9);
    assert_eq!(count(RegionKind::Oblast), 48);
    assert_eq!(count(RegionKind::FederalCity), 3);
    assert_eq!(count(RegionKind::AutonomousOblast), 1);
    assert_eq!(count(RegionKind::AutonomousOkrug), 4);
    assert_eq!(count(RegionKind::Abroad), 1);
}

#[test]
fn codes_and_okato_codes_are_unique() {
    let catalog = catalog();
    let codes: HashSet<_> = catalog.all().iter().map(|r| &r.code).collect();
    assert_eq!(codes.len(), 90);
    let okatos: HashSet<_> = catalog.all().iter().map(|r| &r.okato).collect();
    assert_eq!(okatos.len(), 90);
}

#[test]
fn known_code_okato_pairs() {
    let catalog = catalog();
    let pairs = [
        ("77", "45", "Москва"),
        ("78", "40", "Санкт-Петербург"),
        ("50", "46", "Московская область"),
        ("01", "79", "Республика Адыгея"),
        ("02", "80", "Республика Башкортостан"),
        ("16", "92", "Республика Татарстан"),
        ("23", "03", "Краснодарский край"),
        ("61", "60", "Ростовская область"),
        ("66", "65", "Свердловская область"),
        ("54", "50", "Новосибирская область"),
        ("91", "35", "Республика Крым"),
        ("92", "67", "Севастополь"),
        ("22", "01", "Алтайский край"),
        ("52", "22", "Нижегородская область"),
        ("63", "36", "Самарская область"),
        ("72", "71", "Тюменская область"),
        ("86", "71100", "Ханты-Мансийский автономный округ — Югра"),
        ("87", "77", "Чукотский автономный округ"),
    ];
    for (code, okato, name) in pairs {
        let region = catalog.by_code(code).expect(code);
        assert_eq!(region.okato, okato, "{code}");
        assert_eq!(region.name_ru, name, "{code}");
        assert_eq!(code_of(catalog.by_okato(okato)), Some(code), "{okato}");
    }
    assert_eq!(code_of(catalog.by_code("ABROAD")), Some(ABROAD));
    assert_eq!(catalog.by_okato(""), None);
    assert_eq!(catalog.by_code("80"), None);
}

#[test]
fn resolve_codes_names_and_short_forms() {
    let catalog = catalog();
    let cases = [
        ("77", Some("77")),
        (" 77 ", Some("77")),
        ("7", Some("07")),
        ("1", Some("01")),
        ("abroad", Some(ABROAD)),
        ("За рубежом", Some(ABROAD)),
        ("зарубежье", Some(ABROAD)),
        ("Москва", Some("77")),
        ("МОСКВА", Some("77")),
        ("moscow", Some("77")),
        ("Московская область", Some("50")),
        ("Moscow o", Some("50")),
        ("СПб", Some("78")),
        ("Питер", Some("78")),
        ("Saint Petersburg", Some("78")),
        ("Татарстан", Some("16")),
        ("республика ТАТАРСТАН", Some("16")),
        ("Башкирия", Some("02")),
        ("Якутия", Some("14")),
        ("Чувашия", Some("21")),
        ("Тыва", Some("17")),
        ("ХМАО", Some("86")),
        ("ЯНАО", Some("89")),
        ("ДНР", Some("93")),
        ("ЛНР", Some("94")),
        ("Крым", Some("91")),
        ("Свердл", Some("66")),
        ("sverdlovsk", Some("66")),
        ("Алтай", Some("04")),
        ("Орёл", None),
        ("Орловская", Some("57")),
        ("Моск", None),
        ("Республика", None),
        ("", None),
        ("   ", None),
        ("—", None),
        ("Атлантида", None),
    ];
    for (input, expected) in cases {
        assert_eq!(code_of(catalog.resolve(input)), expected, "{input:?}");
    }
}

#[test]
fn suggest_puts_this_points_regions_first_among_equal_matches() {
    let catalog = catalog();
    let codes = |input: &str, usage: &[(&str, u32)]| -> Vec<String> {
        let usage = usage.iter().map(|(c, n)| (c.to_string(), *n)).collect();
        catalog
            .suggest_ranked(input, 3, &usage)
            .into_iter()
            .map(|r| r.code.clone())
            .collect()
    };
    let unused = codes("Ка", &[]);
    let used = codes("Ка", &[("41", 40), ("40", 3)]);
    assert_ne!(unused, used);
    assert_eq!(
        used[..2],
        ["41", "40"],
        "Kamchatka (40 signers here), then Kaluga (3)"
    );
    // A whole-name match still beats a busier longer name.
    assert_eq!(codes("Моск", &[("50", 900)])[..2], ["77", "50"]);
}

#[test]
fn suggest_orders_exact_then_prefix_then_word() {
    let catalog = catalog();
    let codes = |input: &str, limit: usize| -> Vec<String> {
        catalog
            .suggest(input, limit)
            .into_iter()
            .map(|r| r.code.clone())
            .collect()
    };
    assert!(codes("", 10).is_empty());
    assert!(codes("  ", 10).is_empty());
    // A name the typed words cover whole comes first: Москва, then Московская область.
    assert_eq!(codes("Мос", 10), ["77", "50"]);
    assert_eq!(codes("Моск", 10), ["77", "50"]);
    assert_eq!(codes("moscow", 10), ["77", "50"]);
    assert_eq!(codes("7", 3), ["07", "70", "71"]);
    assert_eq!(codes("спб", 10), ["78"]);
    assert_eq!(codes("свер", 10), ["66"]);
    assert_eq!(codes("Мос", 1), ["77"]);
    assert!(codes("Атлантида", 10).is_empty());
    let republics = codes("рес", 100);
    let position = |code: &str| republics.iter().position(|c| c == code).expect(code);
    assert!(
        position("91") < position("07"),
        "name prefix before inner word"
    );
    assert!(
        position("01") < position("91"),
        "catalogue order within a group"
    );
    assert_eq!(codes("балкар", 10), ["07"]);
}

#[test]
fn finds_the_subject_named_in_an_address() {
    let catalog = catalog();
    #[rustfmt::skip]
    let cases = [
        ("Московская обл., г. Химки, ул. Ленина", Some("50")),
        ("г. Химки Московской области", Some("50")),
        ("МО, г. Подольск", Some("50")),
        ("г. Москва, ул. Московская", Some("77")),
        ("Респ. Татарстан, г. Казань, ул. Московская", Some("16")),
        ("Свердловская обл., г. Екатеринбург", Some("66")),
        ("Свердл. обл., г. Нижний Тагил", Some("66")),
        ("обл. Ленинградская, г. Гатчина", Some("47")),
        ("г. Санкт-Петербург, Ленинградская ул.", Some("78")),
        ("СПб, Невский пр.", Some("78")),
        ("Краснодарский край, г. Сочи, ул. Ставропольская", Some("23")),
        ("Краснодарского края, ст. Полтавская", Some("23")),
        ("ХМАО-Югра, г. Сургут", Some("86")),
        ("Ямало-Ненецкий автономный округ, г. Салехард", Some("89")),
        ("Ненецкий АО, г. Нарьян-Мар", Some("83")),
        ("Республика Саха (Якутия), г. Якутск", Some("14")),
        ("Алтайский край, г. Барнаул", Some("22")),
        ("Республика Алтай, г. Горно-Алтайск", Some("04")),
        ("Кемеровская область — Кузбасс, г. Кемерово", Some("42")),
        ("Республика Коми, г. Сыктывкар, ул. Коммунистическая", Some("11")),
        ("Чувашская Республика, г. Чебоксары", Some("21")),
        ("г. Севастополь, ул. Ленина", Some("92")),
        ("ДНР, г. Донецк", Some("93")),
        ("Тульская область, Курская ул.", Some("71")),
        ("Орловская обл., г. Орёл", Some("57")),
        ("Краснодарский край, ул. Красная", Some("23")),
        ("г. Сочи, ул. Севастопольская", None),
        ("ул. Дагестанская, д. 3", None),
        ("г. Казань, ул. Баумана", None),
        ("Московская обл. и г. Москва", None),
        ("", None),
    ];
    for (address, expected) in cases {
        assert_eq!(
            code_of(catalog.named_in_address(address)),
            expected,
            "{address:?}"
        );
    }
}

#[test]
fn parse_rejects_bad_catalogues_with_a_line() {
    let header = "code,okato,name_ru,name_en,kind,address_stems\n";
    let bad = [
        ("code,okato,name\n", 1),
        ("77,45,Москва,Moscow,city,москва\n", 2),
        ("7,45,Москва,Moscow,federal_city,москва\n", 2),
        ("77,,Москва,Moscow,federal_city,москва\n", 2),
        (
            "77,45,Москва,Moscow,federal_city,москва\n78,45,СПб,SPb,federal_city,\n",
            3,
        ),
        (
            "77,45,Москва,Moscow,federal_city,москва\n77,40,СПб,SPb,federal_city,\n",
            3,
        ),
        ("77,45,Москва,Moscow,federal_city,москва|$\n", 2),
        ("77,45,Москва,Moscow,federal_city\n", 2),
        ("abroad,01,За рубежом,Abroad,abroad,\n", 2),
    ];
    for (body, line) in bad {
        let text = if body.starts_with("code") {
            body.to_string()
        } else {
            format!("{header}{body}")
        };
        let error = RegionCatalog::parse(&text).expect_err(body);
        assert_eq!(error.line, line, "{body:?}: {error}");
    }
    let ok = RegionCatalog::parse(&format!(
        "{header}77,45,Москва,Moscow,federal_city,москва$\n"
    ))
    .expect("valid");
    assert_eq!(code_of(ok.named_in_address("Москва")), Some("77"));
}

/// The words as the case tables give them, with no shortcut for Russian and ASCII.
fn words_by_tables(text: &str) -> Vec<String> {
    let clean: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    clean.split_whitespace().map(str::to_string).collect()
}

proptest::proptest! {
    #[test]
    fn words_shortcuts_agree_with_the_case_tables(text in "[ a-zA-Zа-яА-ЯёЁ0-9,.\\-ÄİΣẞ\u{0400}-\u{052F}\t]{0,40}") {
        proptest::prop_assert_eq!(words::words(&text), words_by_tables(&text));
    }
}
