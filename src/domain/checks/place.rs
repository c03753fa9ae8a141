//! Rules about where the signer lives: region, foreign state, cap and address.

use super::{CheckContext, Findings, Problem, RegionName};
use crate::domain::{ABROAD, Field, Region, RegionCatalog};

/// How many regions an unknown-region message suggests.
const SUGGESTIONS: usize = 3;

/// Resolves the region typed, and warns when its cap is reached.
pub(super) fn region<'a>(
    out: &mut Findings,
    raw: &str,
    ctx: &CheckContext<'a>,
) -> Option<&'a Region> {
    let typed = raw.trim();
    if typed.is_empty() {
        out.add(Field::Region, Problem::Required);
        return None;
    }
    let Some(region) = ctx.regions.resolve(typed) else {
        let suggestions = ctx
            .regions
            .suggest(typed, SUGGESTIONS)
            .into_iter()
            .map(RegionName::from)
            .collect();
        out.add(Field::Region, Problem::RegionUnknown { suggestions });
        return None;
    };
    let abroad = region.code == ABROAD;
    let cap = if abroad {
        ctx.campaign.abroad_cap
    } else {
        ctx.campaign.region_cap
    };
    let count = ctx.region_counts.get(&region.code).copied().unwrap_or(0);
    if count >= cap {
        out.add(Field::Region, Problem::RegionCap { count, cap, abroad });
    }
    Some(region)
}

/// The foreign state heading the sheet: required for `abroad`, dropped otherwise.
pub(super) fn abroad_country(out: &mut Findings, region: Option<&Region>, raw: &str) -> String {
    if region.is_none_or(|r| r.code != ABROAD) {
        return String::new();
    }
    let country = tidy(raw);
    if country.is_empty() {
        out.add(Field::AbroadCountry, Problem::AbroadCountryMissing);
    }
    country
}

/// Address: required, with a house number, naming no other federal subject than the region.
pub(super) fn address(
    out: &mut Findings,
    raw: &str,
    region: Option<&Region>,
    regions: &RegionCatalog,
) -> String {
    let address = tidy(raw);
    if address.is_empty() {
        out.add(Field::Address, Problem::Required);
        return address;
    }
    if !address.chars().any(|c| c.is_ascii_digit()) {
        out.add(Field::Address, Problem::AddressNoHouse);
    }
    if let Some(chosen) = region.filter(|r| r.code != ABROAD)
        && let Some(named) = regions.named_in_address(&address)
        && named.code != chosen.code
    {
        out.add(
            Field::Address,
            Problem::AddressRegionMismatch {
                named: Box::new(named.into()),
                chosen: Box::new(chosen.into()),
            },
        );
    }
    address
}

/// Trims and collapses runs of whitespace to one space.
fn tidy(raw: &str) -> String {
    let mut tidy = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        if !tidy.is_empty() {
            tidy.push(' ');
        }
        tidy.push_str(word);
    }
    tidy
}
