//! CSV export and import in the format of DESIGN.md §9 (export = import).

pub mod collectors;
pub mod export;
pub mod formula;
pub mod import;
mod import_file;
mod import_row;
pub mod xlsx;

pub use export::{ExportOptions, export};
pub use import::{ImportOptions, ImportReport, import};

use std::fs::File;
use std::path::{Path, PathBuf};

/// Why a CSV could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// A file could not be created, written or read.
    #[error("{path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        reason: String,
    },
    /// The header lacks columns or has unknown ones.
    #[error("{path}: {reason}")]
    Header {
        /// The file.
        path: String,
        /// What is wrong with the header.
        reason: String,
    },
    /// The file is not valid CSV at some line.
    #[error("{path} line {line}: {reason}")]
    Malformed {
        /// The file.
        path: String,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// The file is larger than an import takes at once.
    #[error(
        "{path} is {size_mib} MiB, more than the {limit_mib} MiB sigdesk imports at once; split it into parts (importing a part twice adds nothing)"
    )]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size_mib: u64,
        /// The limit.
        limit_mib: u64,
    },
    /// Some rows failed the checks and `--skip-bad` was not given.
    #[error(
        "{rejected} of {rows} rows rejected, nothing imported; first: {first}. Fix them, or use --skip-bad to import the good rows and write the rest to a .rejected.csv file"
    )]
    Rejected {
        /// Rows rejected.
        rejected: usize,
        /// Rows read.
        rows: usize,
        /// The first rejection, with its line.
        first: String,
    },
    /// More rows than a spreadsheet holds.
    #[error(
        "{rows} rows are more than a spreadsheet holds ({limit}); export CSV with --out instead"
    )]
    TooManyRows {
        /// Rows to write.
        rows: u64,
        /// The most a worksheet takes.
        limit: u64,
    },
    /// The database refused the write.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

impl CsvError {
    pub(crate) fn io(path: &Path, e: impl std::fmt::Display) -> CsvError {
        CsvError::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        }
    }
}

/// Writes the file at `path` whole or not at all: `write` fills a temporary file beside
/// it (named `{prefix}…`), which is synced and then takes the name. A device or pipe
/// (`/dev/null`, a FIFO) is written into as it is, never replaced.
fn write_whole<T>(
    path: &Path,
    prefix: &str,
    write: impl FnOnce(&mut File) -> Result<T, CsvError>,
) -> Result<T, CsvError> {
    if crate::store::is_special(path) {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| CsvError::io(path, e))?;
        return write(&mut file);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(prefix)
        .tempfile_in(dir)
        .map_err(|e| CsvError::io(path, e))?;
    let written = write(temp.as_file_mut())?;
    temp.as_file()
        .sync_all()
        .map_err(|e| CsvError::io(path, e))?;
    temp.persist(path)
        .map_err(|e| CsvError::io(path, e.error))?;
    Ok(written)
}

/// `F.rejected.csv` beside the imported file `F.csv`.
pub fn rejects_path(source: &Path) -> PathBuf {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "import".into());
    source.with_file_name(format!("{stem}.rejected.csv"))
}
