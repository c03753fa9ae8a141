//! What the paper check's keys do, in the words of the key bar and the help overlay.

use crate::domain::paper::PaperCode;

/// A key of the paper check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaperKey {
    /// Open the paper check (F7).
    Open,
    /// Record this finding on the line.
    Mark(PaperCode),
    /// The note for `paper.other` is typed: record it.
    NoteDone,
}

impl PaperKey {
    /// Short English, short Russian, long English, long Russian.
    pub(super) fn texts(self) -> [&'static str; 4] {
        match self {
            PaperKey::Open => [
                "paper check",
                "проверка бумаги",
                "paper check of a sample (lead PIN)",
                "проверка бумаги по выборке (PIN руководителя)",
            ],
            PaperKey::NoteDone => ["save", "записать", "record the note", "записать пояснение"],
            PaperKey::Mark(code) => match code {
                PaperCode::Ok => [
                    "ok",
                    "верно",
                    "ok: the paper matches",
                    "верно: бумага совпадает",
                ],
                PaperCode::DateNotOwnHand => [
                    "date",
                    "дата",
                    "date not in the signer's hand",
                    "дата не рукой подписанта",
                ],
                PaperCode::NameNotOwnHand => [
                    "name",
                    "ФИО",
                    "name not in the signer's hand",
                    "ФИО не рукой подписанта",
                ],
                PaperCode::DataMismatch => [
                    "data",
                    "данные",
                    "data differ from the database copy",
                    "данные расходятся с базой",
                ],
                PaperCode::MissingField => [
                    "field",
                    "поле",
                    "a field is missing or incomplete",
                    "поле не заполнено или неполно",
                ],
                PaperCode::CorrectionNotCertified => [
                    "correction",
                    "исправление",
                    "a correction is not confirmed",
                    "исправление не заверено",
                ],
                PaperCode::NoSignature => ["signature", "подпись", "no signature", "нет подписи"],
                PaperCode::Other => [
                    "other…",
                    "другое…",
                    "something else: type a note",
                    "другое: впишите пояснение",
                ],
            },
        }
    }
}
