//! The notice shown to signers before they sign: what is recorded, who receives it, how long
//! it is kept, and the risk. Built in (`assets/notice.*.md`) or the campaign's `notice_file`.

use crate::domain::Campaign;
use crate::i18n::Lang;
use anyhow::Context;

/// The built-in English notice.
pub const NOTICE_EN: &str = include_str!("../../assets/notice.en.md");
/// The built-in Russian notice.
pub const NOTICE_RU: &str = include_str!("../../assets/notice.ru.md");

/// The notice in `lang`, or the campaign's `notice_file` when set (one file for every
/// language). `{point}` becomes the point name and `{until}` how long the data is kept.
pub fn notice_text(lang: Lang, campaign: &Campaign) -> anyhow::Result<String> {
    let template = if campaign.notice_file.is_empty() {
        lang.pick(NOTICE_EN, NOTICE_RU).to_string()
    } else {
        std::fs::read_to_string(&campaign.notice_file).with_context(|| {
            format!(
                "cannot read the notice file {} (campaign setting notice_file); fix the path or set it empty for the built-in notice",
                campaign.notice_file
            )
        })?
    };
    let until = match (campaign.retain_until, lang) {
        (Some(date), Lang::En) => format!("until {}", date.format("%d.%m.%Y")),
        (Some(date), Lang::Ru) => format!("до {}", date.format("%d.%m.%Y")),
        (None, Lang::En) => "until the sheets are submitted".to_string(),
        (None, Lang::Ru) => "до сдачи подписных листов".to_string(),
    };
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
