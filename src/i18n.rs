//! Every string a person sees, in Russian and English.

mod problems;

pub use problems::problem_message;

/// The language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Russian.
    Ru,
}

impl Lang {
    /// Picks the language: `--lang` if given, else `LC_ALL`/`LANG` (`ru*` means Russian).
    pub fn detect(flag: Option<&str>, lc_all: Option<&str>, lang: Option<&str>) -> Lang {
        let pick = |v: &str| {
            if v.to_ascii_lowercase().starts_with("ru") {
                Lang::Ru
            } else {
                Lang::En
            }
        };
        if let Some(f) = flag {
            return pick(f);
        }
        [lc_all, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty())
            .map(pick)
            .unwrap_or_default()
    }

    /// Chooses between the English and the Russian text.
    pub fn pick<'a>(self, en: &'a str, ru: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Ru => ru,
        }
    }
}
