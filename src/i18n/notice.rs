//! The notice shown to signers before they sign: the built-in text (`assets/notice.*.md`)
//! and the words that fill its `{until}`.

use super::{Lang, Phrase};
use chrono::NaiveDate;
use std::borrow::Cow;

/// The parts of the notice to signers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeText<'a> {
    /// The built-in notice, with `{point}` and `{until}` to fill.
    BuiltIn,
    /// How long the data is kept: until a date, or until the sheets are submitted.
    Until(Option<NaiveDate>),
    /// The campaign's `notice_file` cannot be read.
    Unreadable(&'a str),
}

impl Phrase for NoticeText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            NoticeText::BuiltIn => Cow::Borrowed(lang.pick(
                include_str!("../../assets/notice.en.md"),
                include_str!("../../assets/notice.ru.md"),
            )),
            NoticeText::Until(Some(date)) => {
                let date = date.format("%d.%m.%Y");
                say!(lang, "until {date}", "до {date}")
            }
            NoticeText::Until(None) => say!(
                lang,
                "until the sheets are submitted",
                "до сдачи подписных листов",
            ),
            // No Russian yet: the same words in both languages.
            NoticeText::Unreadable(file) => say!(
                lang,
                "cannot read the notice file {file} (campaign setting notice_file); fix the path or set it empty for the built-in notice",
                "cannot read the notice file {file} (campaign setting notice_file); fix the path or set it empty for the built-in notice",
            ),
        }
    }
}
