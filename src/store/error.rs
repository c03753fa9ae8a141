//! Store errors, in the user's terms: each is a [`DbFailure`] (its words live in i18n);
//! the command line prints it in English with the flag that fixes it, a screen in the
//! operator's language.

use crate::domain::DbFailure;
use crate::i18n::{Lang, OnCommandLine};
use std::fmt;
use std::path::Path;

/// What went wrong talking to the database: a [`DbFailure`], the one list of the store's
/// failures (plain data in `domain`, so i18n can say it and a screen can keep it).
pub type StoreError = DbFailure;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            _ => StoreError::Sqlite(e.to_string()),
        }
    }
}

impl StoreError {
    /// Maps an error met while opening `path` to a message that names the file.
    pub(crate) fn from_open(path: &Path, e: rusqlite::Error) -> StoreError {
        let shown = path.display().to_string();
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase { path: shown },
            Some(rusqlite::ErrorCode::CannotOpen)
            | Some(rusqlite::ErrorCode::ReadOnly)
            | Some(rusqlite::ErrorCode::PermissionDenied) => StoreError::CannotOpen {
                path: shown,
                reason: e.to_string(),
            },
            _ => StoreError::from(e),
        }
    }
}

/// The command line's one error line is English (`sigdesk: …` on stderr).
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.t(OnCommandLine(self)))
    }
}

impl std::error::Error for StoreError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_reads_the_english_message_with_its_advice() {
        let shown = |e: StoreError| e.to_string();
        assert_eq!(
            shown(StoreError::NotADatabase {
                path: "x.db".into()
            }),
            "x.db is not a sigdesk database (or it is encrypted); check the --db path"
        );
        assert_eq!(
            shown(StoreError::IsEncrypted {
                path: "x.db".into()
            }),
            "x.db is encrypted; open it without --no-encrypt and give its passphrase (SIGDESK_PASSPHRASE, --passphrase-file or the terminal)"
        );
        assert_eq!(
            shown(StoreError::NotEncrypted {
                path: "x.db".into()
            }),
            "x.db is not encrypted (a training database); open it with --no-encrypt, or encrypt it with `sigdesk --db x.db encrypt`"
        );
        assert_eq!(
            shown(StoreError::Busy),
            "the database is busy (another desk is writing); try again in a moment"
        );
        assert_eq!(
            shown(StoreError::RegionChange {
                sheet_region: "77".into()
            }),
            "the sheet of this entry is headed with region 77; void it and enter the signer again on a sheet of the new region"
        );
    }
}
