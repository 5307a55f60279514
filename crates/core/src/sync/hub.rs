//! The server half of the sync protocol, in memory: apply pushes once per device counter, give
//! every field change its own sequence number, and answer pulls with field states in pages.
//!
//! The server's storage implements the same rules against its database; this module is the
//! reference the property tests check devices against. Checks no permissions or validation,
//! but refuses every op on the fields it is told to ([`Hub::refuse_field`]), as the server
//! refuses what a writer may not change, and answers a refused op sent again with its refusal.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::id::{DeviceId, Dot, RecordId};
use crate::record::Record;
use crate::register::Op;
use crate::replica::FieldUpdate;

/// One page of a pull.
#[derive(Clone, Debug, PartialEq)]
pub struct PullPage {
    /// Field states changed after the cursor, oldest change first.
    pub fields: Vec<FieldUpdate>,
    /// The cursor to send next: the sequence number of the last field returned.
    pub cursor: u64,
    /// The highest counter applied for the pulling device.
    pub high: u64,
    /// Whether more changes follow this page.
    pub more: bool,
    /// The pulling device's refused ops above the `known_high` it sent.
    pub refused: Vec<Dot>,
}

/// The answer to a push.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushAnswer {
    /// The highest counter processed for the device.
    pub high: u64,
    /// The ops of this push that were refused, those processed by an earlier push included.
    pub refused: Vec<Dot>,
}

/// The hub's state: records, the sequence number of each field's last change, and the highest
/// counter applied per device.
#[derive(Clone, Debug, Default)]
pub struct Hub {
    records: BTreeMap<RecordId, Record>,
    changed_at: BTreeMap<(RecordId, String), u64>,
    high: HashMap<DeviceId, u64>,
    last_seq: u64,
    refused_fields: BTreeSet<String>,
    refused: BTreeSet<Dot>,
}

impl Hub {
    /// Applies a device's ops in order, skipping those at or below the device's highest
    /// applied counter (retries after a lost ack). Returns the new highest counter.
    pub fn push(&mut self, device: &DeviceId, ops: &[Op]) -> u64 {
        self.answer_push(device, ops).high
    }

    /// The highest counter processed for a device (0 for a device never seen).
    pub fn high(&self, device: &DeviceId) -> u64 {
        self.high.get(device).copied().unwrap_or(0)
    }

    /// Refuses every op on this field from now on.
    pub fn refuse_field(&mut self, field: &str) {
        self.refused_fields.insert(field.to_owned());
    }

    /// [`Hub::push`], answered with every refused op from the push's first counter up to the
    /// new high: refused now, or when first processed (the answer to that push may have been
    /// lost, and a device folds everything up to the high it is answered, sent this time or not).
    pub fn answer_push(&mut self, device: &DeviceId, ops: &[Op]) -> PushAnswer {
        let high = self.high.entry(device.clone()).or_insert(0);
        for op in ops {
            if op.dot.counter <= *high {
                continue;
            }
            *high = op.dot.counter;
            if self.refused_fields.contains(&op.field) {
                self.refused.insert(op.dot.clone());
                continue;
            }
            let record = self.records.entry(op.record.clone()).or_insert_with(|| Record::for_op(op));
            if record.apply(op) {
                self.last_seq += 1;
                self.changed_at.insert((op.record.clone(), op.field.clone()), self.last_seq);
            }
        }
        let (first, high) = (ops.first().map_or(u64::MAX, |op| op.dot.counter), *high);
        let refused = self
            .refused
            .iter()
            .filter(|dot| &dot.device == device && (first..=high).contains(&dot.counter))
            .cloned()
            .collect();
        PushAnswer { high, refused }
    }

    /// The fields changed after `cursor`, at most `limit` of them; every refusal reported.
    pub fn pull(&self, device: &DeviceId, cursor: u64, limit: usize) -> PullPage {
        self.pull_above(device, cursor, limit, 0)
    }

    /// [`Hub::pull`] from a device that knows the answers up to its counter `known_high`:
    /// only its refusals above that are reported.
    pub fn pull_above(&self, device: &DeviceId, cursor: u64, limit: usize, known_high: u64) -> PullPage {
        let mut changed: Vec<(u64, &(RecordId, String))> =
            self.changed_at.iter().filter(|(_, seq)| **seq > cursor).map(|(key, seq)| (*seq, key)).collect();
        changed.sort();
        let more = changed.len() > limit;
        changed.truncate(limit);
        let fields = changed
            .iter()
            .map(|(_, (id, field))| {
                let record = &self.records[id];
                FieldUpdate {
                    record: id.clone(),
                    kind: record.kind,
                    scope: record.scope.clone(),
                    field: field.clone(),
                    state: record.fields[field].clone(),
                }
            })
            .collect();
        PullPage {
            fields,
            cursor: changed.last().map_or(cursor, |(seq, _)| *seq),
            high: self.high(device),
            more,
            refused: self
                .refused
                .iter()
                .filter(|dot| &dot.device == device && dot.counter > known_high)
                .cloned()
                .collect(),
        }
    }

    /// The records as the hub holds them.
    pub fn records(&self) -> &BTreeMap<RecordId, Record> {
        &self.records
    }
}
