//! The notice shown to signers before they sign: what is recorded, who receives it, how long
//! it is kept, and the risk. Built in (`assets/notice.*.md`) or the campaign's `notice_file`.

use crate::domain::Campaign;
use crate::i18n::{Lang, NoticeText};
use anyhow::Context;

/// The notice in `lang`, or the campaign's `notice_file` when set (one file for every
/// language). `{point}` becomes the point name and `{until}` how long the data is kept.
pub fn notice_text(lang: Lang, campaign: &Campaign) -> anyhow::Result<String> {
    let template = if campaign.notice_file.is_empty() {
        lang.t(NoticeText::BuiltIn).into_owned()
    } else {
        std::fs::read_to_string(&campaign.notice_file)
            .with_context(|| lang.t(NoticeText::Unreadable(&campaign.notice_file)))?
    };
    let until = lang.t(NoticeText::Until(campaign.retain_until));
    Ok(template
        .replace("{point}", &campaign.point)
        .replace("{until}", &until))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_notice_names_the_point_and_the_date() {
        let mut campaign = Campaign::defaults().expect("defaults");
        campaign.set("point", "Вильнюс-1").expect("point");
        let en = notice_text(Lang::En, &campaign).expect("en");
        assert!(en.contains("at Вильнюс-1."), "{en}");
        assert!(en.contains("until the sheets are submitted"), "{en}");
        campaign.set("retain_until", "2024-04-01").expect("date");
        let ru = notice_text(Lang::Ru, &campaign).expect("ru");
        assert!(ru.contains("хранится до 01.04.2024"), "{ru}");
        assert!(!ru.contains('{'), "no placeholder left: {ru}");
    }

    #[test]
    fn a_missing_notice_file_is_a_clear_error() {
        let mut campaign = Campaign::defaults().expect("defaults");
        campaign
            .set("notice_file", "/nonexistent/notice.md")
            .expect("path");
        let err = notice_text(Lang::En, &campaign).expect_err("missing file");
        assert!(format!("{err:#}").contains("notice_file"), "{err:#}");
    }
}
