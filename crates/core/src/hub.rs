//! The server half of the sync protocol, in memory: apply pushes once per device counter, give
//! every field change its own sequence number, and answer pulls with field states in pages.
//!
//! The server's storage implements the same rules against its database; this module is the
//! reference the property tests check devices against. Never checks permissions or validation.

use std::collections::{BTreeMap, HashMap};

use crate::id::{DeviceId, RecordId};
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
}

/// The hub's state: records, the sequence number of each field's last change, and the highest
/// counter applied per device.
#[derive(Clone, Debug, Default)]
pub struct Hub {
    records: BTreeMap<RecordId, Record>,
    changed_at: BTreeMap<(RecordId, String), u64>,
    high: HashMap<DeviceId, u64>,
    last_seq: u64,
}

impl Hub {
    /// Applies a device's ops in order, skipping those at or below the device's highest
    /// applied counter (retries after a lost ack). Returns the new highest counter.
    pub fn push(&mut self, device: &DeviceId, ops: &[Op]) -> u64 {
        let high = self.high.entry(device.clone()).or_insert(0);
        for op in ops {
            if op.dot.counter <= *high {
                continue;
            }
            *high = op.dot.counter;
            let record = self.records.entry(op.record.clone()).or_insert_with(|| Record::for_op(op));
            if record.apply(op) {
                self.last_seq += 1;
                self.changed_at.insert((op.record.clone(), op.field.clone()), self.last_seq);
            }
        }
        *high
    }

    /// The fields changed after `cursor`, at most `limit` of them.
    pub fn pull(&self, device: &DeviceId, cursor: u64, limit: usize) -> PullPage {
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
            high: self.high.get(device).copied().unwrap_or(0),
            more,
        }
    }

    /// The records as the hub holds them.
    pub fn records(&self) -> &BTreeMap<RecordId, Record> {
        &self.records
    }
}
