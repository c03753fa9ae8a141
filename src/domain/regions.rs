//! The catalogue of federal subjects (plus `abroad`) and how typed text maps onto it.
//! SKELETON: the regions helper replaces the bodies and fills `assets/regions.csv`.

/// Catalogue code of the entry for voters living permanently abroad.
pub const ABROAD: &str = "abroad";

/// What kind of federal subject a region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionKind {
    /// Republic (respublika).
    Republic,
    /// Krai.
    Krai,
    /// Oblast.
    Oblast,
    /// Federal city (Moscow, Saint Petersburg, Sevastopol).
    FederalCity,
    /// The Jewish autonomous oblast.
    AutonomousOblast,
    /// Autonomous okrug.
    AutonomousOkrug,
    /// Voters living permanently abroad.
    Abroad,
}

/// One federal subject with both of its code systems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// 2-digit tax/vehicle code (`77`), or `abroad`.
    pub code: String,
    /// 2-digit OKATO code (`45`), the first two digits of an internal passport series.
    pub okato: String,
    /// Russian name.
    pub name_ru: String,
    /// English name.
    pub name_en: String,
    /// Kind of subject.
    pub kind: RegionKind,
}

/// Why the catalogue text could not be read.
#[derive(Debug, thiserror::Error)]
#[error("regions catalogue line {line}: {reason}")]
pub struct RegionCatalogError {
    /// 1-based line in the CSV.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// All regions, with lookups by code, OKATO, name and address text.
#[derive(Debug, Clone, Default)]
pub struct RegionCatalog {
    regions: Vec<Region>,
}

impl RegionCatalog {
    /// The catalogue compiled in from `assets/regions.csv`.
    pub fn embedded() -> Result<RegionCatalog, RegionCatalogError> {
        unimplemented!("regions helper")
    }
    /// Every region in catalogue order.
    pub fn all(&self) -> &[Region] {
        &self.regions
    }
    /// Region by tax/vehicle code (`77`) or `abroad`.
    pub fn by_code(&self, _code: &str) -> Option<&Region> {
        unimplemented!("regions helper")
    }
    /// Region by OKATO code (`45`).
    pub fn by_okato(&self, _okato: &str) -> Option<&Region> {
        unimplemented!("regions helper")
    }
    /// The region a typed text means: a code, an exact name, or a unique prefix.
    pub fn resolve(&self, _input: &str) -> Option<&Region> {
        unimplemented!("regions helper")
    }
    /// Regions matching what is typed so far, best first.
    pub fn suggest(&self, _input: &str, _limit: usize) -> Vec<&Region> {
        unimplemented!("regions helper")
    }
    /// The federal subject an address names, if it names exactly one.
    pub fn named_in_address(&self, _address: &str) -> Option<&Region> {
        unimplemented!("regions helper")
    }
}
