//! The sync API's request and response bodies (DESIGN.md §4), each carrying a version.
//!
//! These are wire formats: changing a field is a compatibility promise between app and
//! server. Unknown fields are refused, so a typo is an error, not a silently ignored key.
//! Never does IO; the server decodes them and the app's sync client encodes them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::id::{DeviceId, Dot};
use crate::register::Op;
use crate::replica::FieldUpdate;

/// The version of the sync protocol these types describe.
pub const SYNC_VERSION: u32 = 1;

/// The most ops one push may carry.
pub const MAX_OPS_PER_PUSH: usize = 1_000;

/// How many of `ops` (an outbox, in counter order) the next push carries: at most `max`, and
/// never a record's run of ops cut in two where a shorter push avoids it, so a new record
/// reaches the server with its key fields (the server checks a derived id against them).
pub fn batch_len(ops: &[Op], max: usize) -> usize {
    if ops.len() <= max {
        return ops.len();
    }
    let cut = max.max(1);
    let record = &ops[cut].record;
    let run_start = (0..cut).rev().take_while(|i| &ops[*i].record == record).last().unwrap_or(cut);
    if run_start == 0 {
        cut
    } else {
        run_start
    }
}

/// The most field states one pull page returns.
pub const MAX_PULL_PAGE: u32 = 2_000;

/// The most bytes of field states one pull page returns (at least one field, whatever its
/// size): a page is held whole in memory on both sides.
pub const MAX_PULL_BYTES: usize = 2 << 20;

/// How far ahead of the server's clock a device's clock reading may be: further, and the op
/// is refused (a forged reading would sort first in every conflict for ever). Three days of
/// skew, seen on real devices and tested, stay well inside it.
pub const MAX_CLOCK_AHEAD_HOURS: u64 = 7 * 24;

/// The largest counter, cursor or clock reading accepted: 2^53 − 1, exact in every JSON
/// reader and in the server's signed 64-bit columns.
pub const MAX_NUMBER: u64 = (1 << 53) - 1;

/// The most scopes one pull may name.
pub const MAX_CURSORS: usize = 10_000;

/// Why a sync request is refused as a whole (HTTP 400), before any op is looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireIssue {
    /// Another protocol version.
    Version(u32),
    /// More than [`MAX_OPS_PER_PUSH`] ops.
    TooManyOps,
    /// An op whose dot names another device than the pushing one.
    ForeignOp,
    /// Counters not starting at 1 or not strictly increasing.
    CounterOrder,
    /// A counter, cursor or clock reading above [`MAX_NUMBER`].
    TooLargeNumber,
    /// More than [`MAX_CURSORS`] cursors.
    TooManyCursors,
}

impl std::fmt::Display for WireIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WireIssue::Version(v) => write!(f, "sync version {v} is not supported; this server speaks {SYNC_VERSION}"),
            WireIssue::TooManyOps => write!(f, "too many ops in one push: at most {MAX_OPS_PER_PUSH}"),
            WireIssue::ForeignOp => f.write_str("every op must come from the pushing device"),
            WireIssue::CounterOrder => f.write_str("op counters must start at 1 and strictly increase"),
            WireIssue::TooLargeNumber => write!(f, "a counter, cursor or clock reading is above {MAX_NUMBER}"),
            WireIssue::TooManyCursors => write!(f, "too many cursors in one pull: at most {MAX_CURSORS}"),
        }
    }
}

fn check_version(version: u32) -> Result<(), WireIssue> {
    if version == SYNC_VERSION {
        Ok(())
    } else {
        Err(WireIssue::Version(version))
    }
}

/// `POST /api/sync/push`: a device's pending ops, in counter order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    /// Must be [`SYNC_VERSION`].
    pub version: u32,
    /// The pushing device; every op's dot must name it.
    pub device: DeviceId,
    /// The ops, counters strictly increasing.
    pub ops: Vec<Op>,
    /// Whether the device words refusals itself: the answer then gives each refusal's
    /// [`Reason`] beside its words (devices from before reasons never send this, and never
    /// receive a field they would not read).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub codes: bool,
}

impl PushRequest {
    /// The checks on the push as a whole: version, size, that every op is this device's, and
    /// counter order. Each op's own content is `schema::check_op`'s.
    pub fn check(&self) -> Result<(), WireIssue> {
        check_version(self.version)?;
        if self.ops.len() > MAX_OPS_PER_PUSH {
            return Err(WireIssue::TooManyOps);
        }
        if self.ops.iter().any(|op| op.dot.device != self.device) {
            return Err(WireIssue::ForeignOp);
        }
        let too_large = |op: &Op| {
            op.dot.counter > MAX_NUMBER
                || op.hlc.wall_ms > MAX_NUMBER
                || op.replaces.iter().any(|dot| dot.counter > MAX_NUMBER)
        };
        if self.ops.iter().any(too_large) {
            return Err(WireIssue::TooLargeNumber);
        }
        if self.ops.first().is_some_and(|op| op.dot.counter == 0)
            || self.ops.windows(2).any(|pair| pair[0].dot.counter >= pair[1].dot.counter)
        {
            return Err(WireIssue::CounterOrder);
        }
        Ok(())
    }
}

/// An op the server processed but did not apply, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    /// The refused op.
    pub dot: Dot,
    /// Why, in English words: for devices from before reasons.
    pub reason: String,
    /// Why, as a stable code with its values, for the device to word in its person's language
    /// (sent only to a device that asks: [`PushRequest::codes`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Reason>,
}

/// Why the server refused something, as a stable code (`schema::Issue::code`) and the values
/// its words put in (`max`, `hours`, …), as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    /// The code, e.g. `not_yours`, `too_many_siblings`.
    pub code: String,
    /// Its values, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

impl Reason {
    /// The reason for a problem with a value.
    pub fn of(issue: &crate::schema::Issue) -> Reason {
        let mut args: BTreeMap<String, String> =
            issue.numbers().into_iter().map(|(name, n)| (name.to_owned(), crate::measure::format_number(n))).collect();
        if let crate::schema::Issue::MissingNumber(what) = issue {
            args.insert("what".to_owned(), (*what).to_owned());
        }
        Reason { code: issue.code().to_owned(), args }
    }
}

/// The answer to a push.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushResponse {
    /// The highest counter of this device the server has processed (applied or refused).
    pub high: u64,
    /// The ops among those that were refused.
    pub refused: Vec<Refusal>,
}

/// `POST /api/sync/pull`: what the device has seen so far, per scope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PullRequest {
    /// Must be [`SYNC_VERSION`].
    pub version: u32,
    /// The pulling device.
    pub device: DeviceId,
    /// Scope → the last sequence number received in it (missing: 0, everything).
    #[serde(default)]
    pub cursors: BTreeMap<String, u64>,
    /// The most field states wanted in this page (at most [`MAX_PULL_PAGE`]).
    #[serde(default)]
    pub limit: Option<u32>,
    /// The highest counter of this device whose fate (applied or refused) the device already
    /// knows; the answer lists refusals above it.
    #[serde(default)]
    pub known_high: u64,
    /// Whether the device words refusals itself (see [`PushRequest::codes`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub codes: bool,
}

impl PullRequest {
    /// The checks on the pull as a whole: version and the size of its numbers.
    pub fn check(&self) -> Result<(), WireIssue> {
        check_version(self.version)?;
        if self.cursors.len() > MAX_CURSORS {
            return Err(WireIssue::TooManyCursors);
        }
        if self.known_high > MAX_NUMBER || self.cursors.values().any(|c| *c > MAX_NUMBER) {
            return Err(WireIssue::TooLargeNumber);
        }
        Ok(())
    }
}

/// One page of a pull.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PullResponse {
    /// Current sibling sets of the fields changed after the cursors, oldest change first.
    pub fields: Vec<FieldUpdate>,
    /// The cursors to send next, for every scope the person may read.
    pub cursors: BTreeMap<String, u64>,
    /// The highest counter of this device the server has processed.
    pub high: u64,
    /// This device's refused ops above `known_high`: a device whose push answer was lost
    /// learns here which of its ops were not applied, so it does not fold them.
    pub refused: Vec<Refusal>,
    /// Whether more changes wait: pull again with the new cursors.
    pub more: bool,
    /// The server store's identity. When it changes, the server was restored from a backup:
    /// the device's cursors and acks may be ahead of it (DESIGN.md is silent; see the app's
    /// sync). Empty from a server that does not say.
    #[serde(default)]
    pub store: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{team_scope, DeviceClock, Edit, Kind, Replica, Uuid7, Value};

    fn push(ops: usize) -> PushRequest {
        let mut clock = DeviceClock { device: Uuid7::from_parts(1, [1; 10]), counter: 0, last_hlc: None };
        let team = Uuid7::from_parts(2, [2; 10]);
        let edits = (0..ops)
            .map(|i| Edit {
                record: Uuid7::from_parts(3 + i as u64, [3; 10]),
                kind: Kind::Cycle,
                scope: team_scope(&team),
                field: "title".into(),
                value: Value::Text(format!("Cycle {i}")),
            })
            .collect();
        let ops = Replica::default().edit(&mut clock, edits, 1_700_000_000_000, None);
        PushRequest { version: SYNC_VERSION, device: clock.device, ops, codes: false }
    }

    #[test]
    fn a_well_formed_push_passes() {
        assert_eq!(push(3).check(), Ok(()));
        assert_eq!(push(0).check(), Ok(()));
    }

    #[test]
    fn whole_push_problems_are_named() {
        let mut p = push(2);
        p.version = 7;
        assert_eq!(p.check(), Err(WireIssue::Version(7)));
        assert_eq!(push(MAX_OPS_PER_PUSH + 1).check(), Err(WireIssue::TooManyOps));
    }

    #[test]
    fn a_batch_never_cuts_a_record_in_two_when_it_can_help_it() {
        let ops = |records: &[u8]| -> Vec<Op> {
            let device = Uuid7::from_parts(1, [1; 10]);
            records
                .iter()
                .enumerate()
                .map(|(n, r)| Op {
                    record: Uuid7::from_parts(2, [*r; 10]),
                    kind: Kind::Cycle,
                    scope: "team:x".into(),
                    field: format!("f{n}"),
                    value: Value::Null,
                    dot: Dot { device: device.clone(), counter: n as u64 + 1 },
                    hlc: crate::Hlc { wall_ms: 1, counter: 0, device: device.clone() },
                    replaces: Vec::new(),
                    author: None,
                })
                .collect()
        };
        assert_eq!(batch_len(&ops(&[1, 1, 2]), 5), 3);
        assert_eq!(batch_len(&ops(&[1, 1, 2, 2, 2]), 4), 2, "record 2's run stays whole");
        assert_eq!(batch_len(&ops(&[1, 1, 2, 3]), 3), 3, "cut between records");
        assert_eq!(batch_len(&ops(&[1, 1, 1, 1]), 2), 2, "a run longer than a push is cut");
        let mut p = push(2);
        p.ops[1].dot.device = Uuid7::from_parts(9, [9; 10]);
        assert_eq!(p.check(), Err(WireIssue::ForeignOp));
        let mut p = push(2);
        p.ops.swap(0, 1);
        assert_eq!(p.check(), Err(WireIssue::CounterOrder), "reordered");
        let mut p = push(2);
        p.ops[1].dot.counter = 1;
        assert_eq!(p.check(), Err(WireIssue::CounterOrder), "replayed within a push");
        let mut p = push(1);
        p.ops[0].dot.counter = 0;
        assert_eq!(p.check(), Err(WireIssue::CounterOrder));
        for set in [
            |p: &mut PushRequest| p.ops[1].dot.counter = MAX_NUMBER + 1,
            |p: &mut PushRequest| p.ops[0].hlc.wall_ms = u64::MAX,
            |p: &mut PushRequest| p.ops[0].replaces.push(Dot { device: p.device.clone(), counter: u64::MAX }),
        ] {
            let mut p = push(2);
            set(&mut p);
            assert_eq!(p.check(), Err(WireIssue::TooLargeNumber));
        }
    }

    #[test]
    fn pulls_with_huge_numbers_or_too_many_cursors_are_refused() {
        let pull = |cursors: BTreeMap<String, u64>, known_high| PullRequest {
            version: SYNC_VERSION,
            device: Uuid7::from_parts(1, [1; 10]),
            cursors,
            limit: None,
            known_high,
            codes: false,
        };
        assert_eq!(pull(BTreeMap::new(), 5).check(), Ok(()));
        assert_eq!(pull(BTreeMap::new(), MAX_NUMBER + 1).check(), Err(WireIssue::TooLargeNumber));
        let big = BTreeMap::from([("team:x".to_owned(), u64::MAX)]);
        assert_eq!(pull(big, 0).check(), Err(WireIssue::TooLargeNumber));
        let many = (0..=MAX_CURSORS).map(|i| (format!("team:{i}"), 0)).collect();
        assert_eq!(pull(many, 0).check(), Err(WireIssue::TooManyCursors));
    }
}
