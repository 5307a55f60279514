//! The hybrid logical clock that orders writes for display.
//!
//! Never used to decide what a merge keeps (that is the dots' job, in `register`), only which
//! sibling of a conflict is shown first. Never reads the wall clock: callers pass `now_ms`.

use serde::{Deserialize, Serialize};

use crate::id::DeviceId;

/// A hybrid logical clock reading: wall time, a counter for ties, and the device.
///
/// Readings are totally ordered (wall, then counter, then device), and a device's readings
/// strictly increase even when its wall clock goes backwards.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hlc {
    /// Milliseconds since the Unix epoch, as the writer's clock (or a later reading) said.
    pub wall_ms: u64,
    /// Breaks ties between readings in the same millisecond.
    pub counter: u32,
    /// The device that took the reading.
    pub device: DeviceId,
}

impl Hlc {
    /// The next reading on `device` at wall time `now_ms`, after `last` (this device's latest
    /// reading or the latest one it has received from others).
    /// `last` may be another device's reading (a value this write replaces): the result sorts
    /// after it even when this device's clock is behind.
    pub fn tick(last: Option<&Hlc>, now_ms: u64, device: &DeviceId) -> Hlc {
        match last {
            Some(last) if last.wall_ms >= now_ms => {
                Hlc { wall_ms: last.wall_ms, counter: last.counter.saturating_add(1), device: device.clone() }
            }
            _ => Hlc { wall_ms: now_ms, counter: 0, device: device.clone() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::Uuid7;

    #[test]
    fn readings_increase_even_when_the_wall_clock_goes_back() {
        let device = Uuid7::from_parts(1, [1; 10]);
        let a = Hlc::tick(None, 1_000, &device);
        let b = Hlc::tick(Some(&a), 900, &device);
        let c = Hlc::tick(Some(&b), 2_000, &device);
        assert!(a < b && b < c);
        assert_eq!((b.wall_ms, b.counter), (1_000, 1));
        assert_eq!((c.wall_ms, c.counter), (2_000, 0));
    }
}
