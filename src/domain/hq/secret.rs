//! The campaign secret: 32 random bytes `hq init` makes once, shown as base32 in groups of
//! four, typed in at every point by a lead. It keys the digests, so whoever lacks it cannot
//! test a passport number against them; HQ keeps only its fingerprint.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::fmt;

/// Length of the secret in bytes.
pub const SECRET_BYTES: usize = 32;

/// The RFC 4648 base32 alphabet (no padding: 32 bytes are 52 letters).
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// What the fingerprint is an HMAC of: a fixed text, so HQ can tell a wrong secret from
/// the right one without ever holding either.
const FINGERPRINT_TEXT: &[u8] = b"sigdesk campaign secret fingerprint v1";

/// The keyed-digest secret of one campaign. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct CampaignSecret([u8; SECRET_BYTES]);

impl fmt::Debug for CampaignSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CampaignSecret(…)")
    }
}

impl CampaignSecret {
    /// The secret made of these (random) bytes.
    pub fn from_bytes(bytes: [u8; SECRET_BYTES]) -> CampaignSecret {
        CampaignSecret(bytes)
    }

    /// Reads a secret as `text` prints it; spaces, hyphens and case do not matter. `None`
    /// when it is not 32 bytes of base32.
    pub fn parse(typed: &str) -> Option<CampaignSecret> {
        let mut bits: u64 = 0;
        let mut held = 0u32;
        let mut bytes = Vec::with_capacity(SECRET_BYTES);
        for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let upper = c.to_ascii_uppercase() as u32;
            let value = ALPHABET.iter().position(|&a| u32::from(a) == upper)?;
            bits = (bits << 5) | value as u64;
            held += 5;
            if held >= 8 {
                held -= 8;
                bytes.push((bits >> held) as u8);
                bits &= (1 << held) - 1;
            }
        }
        // 52 letters carry 260 bits: 256 of the secret and 4 zero bits.
        if bits != 0 {
            return None;
        }
        bytes.try_into().ok().map(CampaignSecret)
    }

    /// The secret as a lead reads it out and types it: base32 in hyphenated groups of four.
    pub fn text(&self) -> String {
        let mut letters = String::with_capacity(64);
        let mut bits: u64 = 0;
        let mut held = 0u32;
        let push = |value: u64, letters: &mut String| {
            if letters.len() % 5 == 4 {
                letters.push('-');
            }
            letters.push(char::from(ALPHABET[(value & 31) as usize]));
        };
        for &byte in &self.0 {
            bits = (bits << 8) | u64::from(byte);
            held += 8;
            while held >= 5 {
                held -= 5;
                push(bits >> held, &mut letters);
                bits &= (1 << held) - 1;
            }
        }
        if held > 0 {
            push(bits << (5 - held), &mut letters);
        }
        letters
    }

    /// The fingerprint HQ stores: an HMAC of a fixed text, as hex.
    pub fn fingerprint(&self) -> String {
        self.mac(&[FINGERPRINT_TEXT])
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// HMAC-SHA256 keyed with the secret over `parts` joined by `|`.
    pub(super) fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            // HMAC takes a key of any length; this cannot happen.
            return [0; 32];
        };
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                mac.update(b"|");
            }
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }
}
