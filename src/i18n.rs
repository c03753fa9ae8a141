//! Every string a person sees, in Russian and English, reached one way: a [`Phrase`] (an
//! area's enum whose variants carry their data) said in a language with [`Lang::t`].
//!
//! A leaf: it imports only domain types, std and chrono. Adding a string is one variant and
//! one [`say!`] line with both languages side by side:
//!
//! ```
//! use sigdesk::i18n::{Lang, Text};
//! assert_eq!(Lang::Ru.t(Text::Saved { sheet: 12, line: 4 }), "Сохранено: лист 12, строка 4");
//! ```

/// The phrase in `lang`: the English or the Russian `format!` string, with the phrase's
/// data captured by name; a string without data is not copied.
macro_rules! say {
    ($lang:expr, $en:literal, $ru:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::i18n::Lang::En => $crate::i18n::text_of(format_args!($en $(, $arg)*)),
            $crate::i18n::Lang::Ru => $crate::i18n::text_of(format_args!($ru $(, $arg)*)),
        }
    };
}

mod board;
mod collector_details;
mod collectors;
mod db;
mod desk;
mod family;
mod guards;
mod hq;
mod hq_reports;
mod key_names;
mod keys;
mod lock;
mod notice;
mod paper;
mod paper_keys;
mod problems;
mod protect;
mod protocol;
mod queue;
mod queue_figures;
mod reports;
mod sheets;

pub use board::BoardText;
pub use collector_details::DetailText;
pub use collectors::{CollectorText, RegionText};
pub use db::OnCommandLine;
pub use desk::Text;
pub use family::FamilyText;
pub use guards::GuardText;
pub use hq::HqText;
pub use hq_reports::HqReportText;
pub use key_names::{HelpNote, KeyName};
pub use keys::{HelpLine, KeyLabel};
pub use lock::LockText;
pub use notice::NoticeText;
pub use paper::PaperText;
pub use paper_keys::PaperKey;
pub use protect::{Prompt, ProtectText, Retry};
pub use protocol::ProtocolText;
pub use queue::QueueText;
pub use queue_figures::{QueueFigure, time as queue_time};
pub use reports::{CheckText, Job, ReportText, StatsText};
pub use sheets::SheetText;

use std::borrow::Cow;
use std::fmt::Arguments;

/// The language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Russian.
    Ru,
}

/// Something a person reads, sayable in either language.
pub trait Phrase {
    /// The text in `lang`.
    fn say(&self, lang: Lang) -> Cow<'static, str>;
}

impl<P: Phrase + ?Sized> Phrase for &P {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        (**self).say(lang)
    }
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

    /// The one way to a user-visible string: `phrase` in this language.
    pub fn t(self, phrase: impl Phrase) -> Cow<'static, str> {
        phrase.say(self)
    }

    /// Chooses between the English and the Russian text.
    fn pick<'a>(self, en: &'a str, ru: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Ru => ru,
        }
    }
}

/// The text of formatted arguments, borrowed when they hold no data.
fn text_of(args: Arguments<'_>) -> Cow<'static, str> {
    match args.as_str() {
        Some(fixed) => Cow::Borrowed(fixed),
        None => Cow::Owned(args.to_string()),
    }
}

/// The Russian noun for `n` of it: `one` for 1, 21, 101 (подпись), `few` for 2–4, 22–24
/// (подписи), `many` for 0, 5–20, 25–30 and every 11–14 (подписей).
fn ru_plural(n: u64, [one, few, many]: [&'static str; 3]) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

/// The English noun for `n` of it: `one` for exactly 1, else `many` (1 try, 2 tries).
fn en_plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// Items joined with `, ` (lists of codes, sheets, problems).
fn listed<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|item| item.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals_follow_the_last_two_digits() {
        let forms = ["подпись", "подписи", "подписей"];
        let rows = [
            (0, "подписей"),
            (1, "подпись"),
            (2, "подписи"),
            (4, "подписи"),
            (5, "подписей"),
            (11, "подписей"),
            (12, "подписей"),
            (14, "подписей"),
            (21, "подпись"),
            (22, "подписи"),
            (25, "подписей"),
            (101, "подпись"),
            (111, "подписей"),
            (112, "подписей"),
            (1_000_002, "подписи"),
        ];
        for (n, want) in rows {
            assert_eq!(ru_plural(n, forms), want, "{n}");
        }
    }

    #[test]
    fn fixed_phrases_are_borrowed_and_data_is_formatted() {
        assert!(matches!(
            Lang::En.t(Text::EditSaved),
            Cow::Borrowed("Changes saved")
        ));
        assert_eq!(
            Lang::En.t(Text::Saved { sheet: 12, line: 4 }),
            "Saved: sheet 12 line 4"
        );
    }
}
