//! Remembers the last desk and operator names for the next start (a small TOML file in
//! the user's config folder, or `$SIGDESK_CONFIG_DIR`). Holds no signer data.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The names typed at the last sign-in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// Desk name.
    pub desk: String,
    /// Operator name.
    pub operator: String,
}

fn file() -> Option<PathBuf> {
    let dir = match std::env::var_os("SIGDESK_CONFIG_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => directories::ProjectDirs::from("", "", "sigdesk")?
            .config_dir()
            .to_path_buf(),
    };
    Some(dir.join("signin.toml"))
}

/// The remembered names, or empty ones when there are none or the file is unreadable.
pub fn load() -> Remembered {
    file()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|text| toml::from_str(&text).ok())
        .unwrap_or_default()
}

/// Saves the names (atomically: temp file, then rename).
pub fn save(names: &Remembered) -> std::io::Result<()> {
    let Some(path) = file() else {
        return Ok(());
    };
    let dir = path.parent().map(PathBuf::from).unwrap_or_default();
    std::fs::create_dir_all(&dir)?;
    let text = toml::to_string(names).map_err(std::io::Error::other)?;
    let temp = tempfile::NamedTempFile::new_in(&dir)?;
    std::fs::write(temp.path(), text)?;
    temp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}
