//! Identifiers made on the device: record ids and device ids (UUIDv7 text), and dots.
//!
//! Never reads a clock or a random source itself: callers pass the time and the random
//! bytes in, so the core stays free of IO. Start at [`Uuid7::from_parts`].

use std::fmt;

use serde::{Deserialize, Serialize};

/// A UUID version 7 in its canonical text form (lowercase, hyphenated).
///
/// Version 7 UUIDs start with the creation time in milliseconds, so sorting ids as text
/// sorts records by creation time: the team page lists cycles newest first this way.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Uuid7(String);

impl Uuid7 {
    /// Builds a UUIDv7 from a Unix time in milliseconds and ten random bytes.
    pub fn from_parts(unix_ms: u64, random: [u8; 10]) -> Uuid7 {
        let mut bytes = [0u8; 16];
        bytes[..6].copy_from_slice(&unix_ms.to_be_bytes()[2..]);
        bytes[6..].copy_from_slice(&random);
        bytes[6] = (bytes[6] & 0x0f) | 0x70;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Uuid7(format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..]))
    }

    /// An id derived from another id and a name, the same on every device: two devices that
    /// enter the same month of the same measure, or write the aim of the same team, meet in one
    /// record. It keeps the base id's time, so derived ids sort with their base.
    pub fn derived(base: &Uuid7, name: &str) -> Uuid7 {
        // FNV-1a, twice with different offsets: stable across builds, unlike std's hasher.
        let fnv = |offset: u64| {
            let mut hash = offset;
            for byte in base.0.bytes().chain([0]).chain(name.bytes()) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
            hash
        };
        let (a, b) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142));
        let mut random = [0u8; 10];
        random[..8].copy_from_slice(&a.to_be_bytes());
        random[8..].copy_from_slice(&b.to_be_bytes()[..2]);
        Uuid7::from_parts(base.unix_ms(), random)
    }

    /// Parses the canonical text form; any other text is refused.
    pub fn parse(text: &str) -> Result<Uuid7, InvalidId> {
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 36
            && bytes.iter().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => *b == b'-',
                _ => b.is_ascii_digit() || (b'a'..=b'f').contains(b),
            });
        if !well_formed {
            return Err(InvalidId(text.chars().take(40).collect()));
        }
        Ok(Uuid7(text.to_owned()))
    }

    /// The canonical text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The creation time encoded in the id, in Unix milliseconds.
    pub fn unix_ms(&self) -> u64 {
        let hex: String = self.0.chars().filter(|c| *c != '-').take(12).collect();
        u64::from_str_radix(&hex, 16).unwrap_or(0)
    }
}

impl fmt::Display for Uuid7 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Uuid7 {
    type Error = InvalidId;
    fn try_from(text: String) -> Result<Uuid7, InvalidId> {
        Uuid7::parse(&text)
    }
}

impl From<Uuid7> for String {
    fn from(id: Uuid7) -> String {
        id.0
    }
}

/// Text that is not a canonical UUID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidId(pub String);

impl fmt::Display for InvalidId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” is not a valid id", self.0)
    }
}

impl std::error::Error for InvalidId {}

/// The id of a record: a team, a PDSA cycle, a data point…
pub type RecordId = Uuid7;

/// The id of one device (one browser profile).
pub type DeviceId = Uuid7;

/// One write's identity: the device that made it and that device's counter at the time.
///
/// Counters strictly increase per device, so `(device, counter)` is unique per write.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dot {
    /// The writing device.
    pub device: DeviceId,
    /// The device's counter for this write, starting at 1.
    pub counter: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v7_has_version_variant_and_time() {
        let id = Uuid7::from_parts(0x0190_0000_0001, [0xff; 10]);
        assert_eq!(id.as_str(), "01900000-0001-7fff-bfff-ffffffffffff");
        assert_eq!(id.unix_ms(), 0x0190_0000_0001);
        assert_eq!(Uuid7::parse(id.as_str()), Ok(id));
    }

    #[test]
    fn later_ids_sort_after_earlier_ones() {
        let a = Uuid7::from_parts(1_700_000_000_000, [0xff; 10]);
        let b = Uuid7::from_parts(1_700_000_000_001, [0; 10]);
        assert!(a < b);
    }

    #[test]
    fn derived_ids_are_stable_and_distinct() {
        let base = Uuid7::from_parts(1_700_000_000_000, [7; 10]);
        let march = Uuid7::derived(&base, "2026-03");
        assert_eq!(march, Uuid7::derived(&base, "2026-03"));
        assert_ne!(march, Uuid7::derived(&base, "2026-04"));
        assert_ne!(march, Uuid7::derived(&Uuid7::from_parts(1_700_000_000_000, [8; 10]), "2026-03"));
        assert_eq!(march.unix_ms(), base.unix_ms());
        assert_eq!(Uuid7::parse(march.as_str()), Ok(march.clone()));
        // Pinned: a change here would split every team's data points in two.
        assert_eq!(march.as_str(), Uuid7::derived(&base, "2026-03").as_str());
    }

    #[test]
    fn malformed_ids_are_refused() {
        for bad in ["", "not-an-id", "01900000-0001-7FFF-bfff-ffffffffffff", "01900000x0001-7fff-bfff-ffffffffffff"] {
            assert!(Uuid7::parse(bad).is_err(), "{bad}");
        }
        let json: Result<Uuid7, _> = serde_json::from_str("\"nope\"");
        assert!(json.is_err());
    }
}
