//! Messages for check findings. SKELETON: the checks helper fills this.

use super::Lang;
use crate::domain::Problem;

/// The message shown for a finding, saying what is wrong and how to fix it.
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    match problem {
        Problem::Required => lang.pick("required", "обязательное поле").to_string(),
    }
}
