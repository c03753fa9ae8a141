//! Names: allowed characters, Title Case, and the two classic keyboard slips: the whole
//! word typed with the English layout on (`Bdfyjd` → `Иванов`), and Latin look-alike
//! letters inside a Cyrillic word (`Ивaнов` with a Latin `a`).

use super::Problem;

mod layout;

pub use layout::{homoglyph_fix, key_of_russian, layout_fix, partial_layout_fix, russian_on_key};

/// Words that join the parts of a name and stay lower case inside it: Turkic patronymic
/// particles (`Алирза оглы`, `Лейла кызы`) and the nobility and family particles of other
/// languages (`фон Бредов`, `ван Дейк`, `ибн Сина`).
pub const PARTICLES: [&str; 23] = [
    "оглы", "оглу", "улы", "уулу", "кызы", "гызы", "кизи", "фон", "ван", "дер", "де", "да", "ди",
    "дю", "ибн", "бин", "бен", "von", "van", "der", "de", "da", "ibn",
];

/// Whether `word` (any case) is one of the [`PARTICLES`].
pub fn is_particle(word: &str) -> bool {
    let lower: String = word.chars().map(lower).collect();
    PARTICLES.contains(&lower.as_str())
}

/// A normalised name with `ё` read as `е` (`Семёнов` → `Семенов`): two spellings of one
/// person, as people write and leave out the dots.
pub fn fold_yo(name: &str) -> String {
    name.replace('ё', "е").replace('Ё', "Е")
}

/// What a name field holds once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCheck {
    /// The normalised text (see [`normalise_name`]); empty when nothing was typed.
    pub text: String,
    /// Problems found, worst first; an empty field gives none (the caller decides if it is required).
    pub problems: Vec<Problem>,
}

/// Tidies a name without judging it: trims, collapses whitespace, unifies hyphens and
/// apostrophes, drops spaces around hyphens and writes each part in Title Case
/// (`иванов - петров` → `Иванов-Петров`, `ИВАНОВ` → `Иванов`), but a particle among other
/// words in lower case (`Алирза ОГЛЫ` → `Алирза оглы`). Latin parts with inner capitals
/// typed on purpose (`McDonald`) keep them. Idempotent.
pub fn normalise_name(raw: &str) -> String {
    let unified: String = raw
        .chars()
        .map(|c| match c {
            '‐' | '‑' | '‒' | '–' | '—' => '-',
            '’' | '‘' | 'ʼ' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    let spaced = unified
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let tidy = spaced.replace(" -", "-").replace("- ", "-");
    let mut out = String::with_capacity(tidy.len());
    let mut part = String::new();
    let mut previous = String::new();
    let mut after_apostrophe = false;
    for c in tidy.chars().chain(std::iter::once(' ')) {
        if matches!(c, ' ' | '-' | '\'') {
            // After an apostrophe a new capital starts only behind a one-letter prefix
            // (`O'Connor`, `Д'Артаньян`); elsewhere it stands for a hard sign (`Под'ячев`).
            let capital = !after_apostrophe || previous.chars().count() == 1;
            out.push_str(&case_part(&part, capital));
            out.push(c);
            after_apostrophe = c == '\'';
            previous = std::mem::take(&mut part);
        } else {
            part.push(c);
        }
    }
    out.pop();
    lower_particles(&out)
}

/// The name with its particles in lower case, unless the particle is the whole name.
fn lower_particles(name: &str) -> String {
    if !name.contains(' ') || !name.split(' ').any(is_particle) {
        return name.to_string();
    }
    name.split(' ')
        .map(|word| {
            if is_particle(word) {
                word.chars().map(lower).collect()
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// One part in Title Case (or all lower case when `capital` is false).
fn case_part(part: &str, capital: bool) -> String {
    let mut chars = part.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let rest: String = chars.collect();
    let mixed_latin = capital
        && first.is_uppercase()
        && rest.chars().any(char::is_uppercase)
        && rest.chars().any(char::is_lowercase)
        && !part.chars().any(is_cyrillic);
    let rest: String = if mixed_latin {
        rest
    } else {
        rest.chars().map(lower).collect()
    };
    let first = if capital { upper(first) } else { lower(first) };
    format!("{first}{rest}")
}

/// Upper case when it is a single character (keeps `ß` and friends stable).
pub(crate) fn upper(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Lower case when it is a single character.
fn lower(c: char) -> char {
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Cyrillic letters (Russian and the other Cyrillic alphabets of Russia's peoples).
pub fn is_cyrillic(c: char) -> bool {
    // Russian letters first: `is_alphabetic` is a slow table lookup outside ASCII.
    matches!(c, 'А'..='я' | 'Ё' | 'ё')
        || (matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}') && c.is_alphabetic())
}

/// Names remembered per thread by [`check_name`]; the memo is emptied when it is full.
const NAME_MEMO: usize = 8192;

thread_local! {
    /// What [`check_name`] said of each name lately seen on this thread.
    static CHECKED_NAMES: std::cell::RefCell<std::collections::HashMap<Box<str>, NameCheck>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Checks and normalises one name field. A pure function of `raw`, remembered per thread:
/// `check` and `import` meet the same few thousand names hundreds of thousands of times,
/// and the Unicode work behind one check costs more than the rest of an entry's rules.
pub fn check_name(raw: &str) -> NameCheck {
    if let Some(known) = CHECKED_NAMES.with_borrow(|memo| memo.get(raw).cloned()) {
        return known;
    }
    let checked = check_name_afresh(raw);
    CHECKED_NAMES.with_borrow_mut(|memo| {
        if memo.len() >= NAME_MEMO {
            memo.clear();
        }
        memo.insert(raw.into(), checked.clone());
    });
    checked
}

/// [`check_name`] without the memo.
fn check_name_afresh(raw: &str) -> NameCheck {
    let text = normalise_name(raw);
    if text.is_empty() {
        return NameCheck {
            text,
            problems: Vec::new(),
        };
    }
    if let Some(fix) = layout::layout_fix(&text) {
        return NameCheck {
            text,
            problems: vec![Problem::NameLayout { fix }],
        };
    }
    let bad: String = text
        .chars()
        .filter(|&c| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'')))
        .fold(String::new(), |mut acc, c| {
            if !acc.contains(c) {
                acc.push(c);
            }
            acc
        });
    let stray_sign = text.starts_with(['-', '\''])
        || text.ends_with(['-', '\''])
        || ["--", "''", "-'", "'-", " '", "' "]
            .iter()
            .any(|p| text.contains(p));
    let mut problems = Vec::new();
    if !bad.is_empty() {
        problems.push(Problem::NameChars { chars: bad });
    } else if stray_sign {
        problems.push(Problem::NameSigns);
    }
    let has_cyrillic = text.chars().any(is_cyrillic);
    let has_other = text.chars().any(|c| c.is_alphabetic() && !is_cyrillic(c));
    match (has_cyrillic, has_other) {
        (true, true) => problems.push(Problem::NameMixedScript {
            fix: layout::homoglyph_fix(&text).or_else(|| layout::partial_layout_fix(&text)),
        }),
        (false, true) => problems.push(Problem::NameLatin),
        _ => {}
    }
    if text
        .split([' ', '-'])
        .any(|p| p.chars().filter(|c| c.is_alphabetic()).count() == 1)
    {
        problems.push(Problem::NameInitial);
    }
    problems.sort_by_key(|p| std::cmp::Reverse(p.severity()));
    NameCheck { text, problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalises_case_spaces_and_signs() {
        let rows = [
            (" иванов ", "Иванов"),
            ("ИВАНОВ", "Иванов"),
            ("иВАНОВ", "Иванов"),
            ("иванов-петров", "Иванов-Петров"),
            ("иванов - петров", "Иванов-Петров"),
            ("иванов – петров", "Иванов-Петров"),
            ("анна  мария", "Анна Мария"),
            ("семёнов", "Семёнов"),
            ("o’connor", "O'Connor"),
            ("д'артаньян", "Д'Артаньян"),
            ("под'ячев", "Под'ячев"),
            ("McDonald", "McDonald"),
            ("MCDONALD", "Mcdonald"),
            ("алирза оглы", "Алирза оглы"),
            ("Алирза Оглы", "Алирза оглы"),
            ("ЛЕЙЛА КЫЗЫ", "Лейла кызы"),
            ("фон бредов", "фон Бредов"),
            ("Ludwig Van Beethoven", "Ludwig van Beethoven"),
            ("оглы", "Оглы"),
            ("Фонов", "Фонов"),
            ("", ""),
        ];
        for (raw, want) in rows {
            assert_eq!(normalise_name(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn checks_names() {
        let codes = |raw: &str| {
            check_name(raw)
                .problems
                .iter()
                .map(Problem::code)
                .collect::<Vec<_>>()
        };
        let none: Vec<&str> = Vec::new();
        assert_eq!(codes("Иванов"), none);
        assert_eq!(codes(""), none);
        assert_eq!(codes("Bdfyjd"), ["name.layout"]);
        assert_eq!(codes("\"hl'y'"), ["name.layout"], "Эрдэнэ is not blocked");
        assert_eq!(codes("Нэлли"), none);
        assert_eq!(codes("Алирза оглы"), none);
        assert_eq!(check_name("алирза ОГЛЫ").text, "Алирза оглы");
        assert_eq!(codes("Smith"), ["name.latin"]);
        assert_eq!(codes("O'Connor"), ["name.latin"]);
        assert_eq!(codes("Иванов2"), ["name.chars"]);
        assert_eq!(codes("-Иванов"), ["name.signs"]);
        assert_eq!(codes("Ивqwнов"), ["name.mixed_script"]);
        assert_eq!(codes("Ивaнов"), ["name.mixed_script"]);
        assert_eq!(
            check_name("Ивaнов").problems,
            [Problem::NameMixedScript {
                fix: Some("Иванов".into())
            }]
        );
        assert_eq!(
            check_name("Bdfyjd").problems,
            [Problem::NameLayout {
                fix: "Иванов".into()
            }]
        );
        assert_eq!(
            check_name("gtnhjdf").problems,
            [Problem::NameLayout {
                fix: "Петрова".into()
            }]
        );
        assert_eq!(
            check_name("CTHUTQ").problems,
            [Problem::NameLayout {
                fix: "Сергей".into()
            }]
        );
    }

    proptest! {
        #[test]
        fn normalise_is_idempotent(raw in ".*") {
            let once = normalise_name(&raw);
            prop_assert_eq!(normalise_name(&once), once.clone());
        }

        #[test]
        fn normalise_is_idempotent_on_name_like_text(raw in "[a-zA-Zа-яА-ЯёЁ' \\-–’]{0,20}") {
            let once = normalise_name(&raw);
            prop_assert_eq!(normalise_name(&once), once.clone());
        }

        #[test]
        fn check_name_never_panics(raw in ".*") {
            let _ = check_name(&raw);
        }

        #[test]
        fn the_memo_answers_as_a_fresh_check(raw in "[a-zA-Zа-яА-ЯёЁӘә' \\-1.]{0,16}") {
            let fresh = check_name_afresh(&raw);
            prop_assert_eq!(check_name(&raw), fresh.clone());
            prop_assert_eq!(check_name(&raw), fresh);
        }

        #[test]
        fn is_cyrillic_agrees_with_the_unicode_tables(c in proptest::char::any()) {
            let by_tables = matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
                && c.is_alphabetic();
            prop_assert_eq!(is_cyrillic(c), by_tables);
        }
    }
}
