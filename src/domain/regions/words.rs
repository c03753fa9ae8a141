//! Typed text and catalogue names as normalised words, and the address stems matched on
//! them.

/// One word of an address stem.
#[derive(Debug, Clone)]
pub(super) struct StemWord {
    /// The word, normalised as [`words`] does.
    pub(super) text: String,
    /// Whether it matches only the same whole word (written with a trailing `$`).
    pub(super) whole: bool,
}

impl StemWord {
    /// Whether an address word is this stem word (or starts with it).
    pub(super) fn matches(&self, word: &str) -> bool {
        if self.whole {
            word == self.text
        } else {
            word.starts_with(&self.text)
        }
    }
}

/// Normalised forms of one region's names and stems, kept beside `regions`.
#[derive(Debug, Clone, Default)]
pub(super) struct Keys {
    /// The Russian name as words.
    pub(super) name_ru: Vec<String>,
    /// The English name as words.
    pub(super) name_en: Vec<String>,
    /// The address stems, each as words.
    pub(super) stems: Vec<Vec<StemWord>>,
}

impl Keys {
    /// The region's own names, as word lists.
    pub(super) fn names(&self) -> [&[String]; 2] {
        [&self.name_ru, &self.name_en]
    }
    /// A stem written out as plain words (`спб`, `москва`): a short form of the name.
    pub(super) fn is_short_form(&self, query: &[String]) -> bool {
        self.stems.iter().any(|stem| {
            stem.len() == query.len() && stem.iter().zip(query).all(|(s, q)| s.text == *q)
        })
    }
}

/// Text as lowercase words: `ё` read as `е`, anything but letters and digits splits words.
pub(super) fn words(text: &str) -> Vec<String> {
    folded(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Text in lower case with `ё` read as `е` and a space for anything but letters and
/// digits: its words are the non-empty runs between single spaces.
pub(super) fn folded(text: &str) -> String {
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        // The common letters first: case tables and `is_alphanumeric` are slow lookups
        // outside ASCII, and addresses are mostly Russian.
        match c {
            'a'..='z' | '0'..='9' | 'а'..='я' => clean.push(c),
            'A'..='Z' => clean.push(c.to_ascii_lowercase()),
            'А'..='Я' => clean.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
            'ё' | 'Ё' => clean.push('е'),
            ' ' | ',' | '.' => clean.push(' '),
            c => {
                for lower in c.to_lowercase() {
                    clean.push(match lower {
                        'ё' => 'е',
                        lower if lower.is_alphanumeric() => lower,
                        _ => ' ',
                    });
                }
            }
        }
    }
    clean
}

/// Whether `query` words start a run of consecutive `name` words (are equal to them if `whole`).
pub(super) fn words_at(name: &[String], query: &[String], whole: bool) -> bool {
    !query.is_empty()
        && name.windows(query.len()).any(|run| {
            run.iter().zip(query).all(|(n, q)| {
                if whole {
                    n == q
                } else {
                    n.starts_with(q.as_str())
                }
            })
        })
}

/// Whether the name's first words start with the `query` words (`moscow o` → Moscow Oblast).
pub(super) fn starts_with_words(name: &[String], query: &[String]) -> bool {
    name.len() >= query.len() && words_at(&name[..query.len()], query, false)
}

/// A code as typed, lowercased, with a lone digit padded (`1` → `01`).
pub(super) fn padded_code(input: &str) -> String {
    if input.len() == 1 && input.chars().all(|c| c.is_ascii_digit()) {
        format!("0{input}")
    } else {
        input.to_lowercase()
    }
}
