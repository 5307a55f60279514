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

/// The most field states one pull page returns.
pub const MAX_PULL_PAGE: u32 = 2_000;

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
}

/// An op the server processed but did not apply, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    /// The refused op.
    pub dot: Dot,
    /// Why, in words for the person who wrote it.
    pub reason: String,
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
}
