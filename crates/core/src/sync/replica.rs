//! A device's copy of the data: the synced state, the outbox of pending ops, and the local
//! view (synced state with the pending ops re-applied).
//!
//! Owns the device half of the sync protocol (DESIGN.md §4): stamping edits as ops, and what
//! happens when ops leave the outbox on an ack or a pull. Never does IO: the app's store
//! persists what [`Replica::edit`] returns, and the sync client feeds acks and pull pages in.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::clock::Hlc;
use crate::id::{DeviceId, Dot, RecordId};
use crate::record::{Kind, Record};
use crate::register::{FieldState, Op, Sibling, Value};

/// One change a person makes: a field of a record gets a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// The record written (new or existing).
    pub record: RecordId,
    /// Its kind.
    pub kind: Kind,
    /// Its scope.
    pub scope: String,
    /// The field.
    pub field: String,
    /// The new value.
    pub value: Value,
}

/// A field's state as the server sent it in a pull page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldUpdate {
    /// The record.
    pub record: RecordId,
    /// Its kind.
    pub kind: Kind,
    /// Its scope.
    pub scope: String,
    /// The field.
    pub field: String,
    /// The server's current siblings for that field.
    pub state: FieldState,
}

/// A device's identity and clocks: who stamps the next op, and with which counter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeviceClock {
    /// This device.
    pub device: DeviceId,
    /// The counter of the last op this device stamped (0: none yet).
    pub counter: u64,
    /// The latest clock reading this device made or received.
    pub last_hlc: Option<Hlc>,
}

/// The device's data: synced state, outbox, and the derived local view.
#[derive(Clone, Debug, Default)]
pub struct Replica {
    synced: BTreeMap<RecordId, Record>,
    outbox: Vec<Op>,
    local: BTreeMap<RecordId, Record>,
}

impl Replica {
    /// Rebuilds a replica from what storage holds: the synced records and the outbox in
    /// counter order. The local view is derived.
    pub fn new(synced: Vec<Record>, outbox: Vec<Op>) -> Replica {
        let synced: BTreeMap<_, _> = synced.into_iter().map(|r| (r.id.clone(), r)).collect();
        let mut replica = Replica { local: synced.clone(), synced, outbox };
        let ids: BTreeSet<RecordId> = replica.outbox.iter().map(|op| op.record.clone()).collect();
        replica.recompute(ids);
        replica
    }

    /// The local view: what the person sees.
    pub fn local(&self) -> &BTreeMap<RecordId, Record> {
        &self.local
    }

    /// One record of the local view.
    pub fn record(&self, id: &RecordId) -> Option<&Record> {
        self.local.get(id)
    }

    /// The last copy of each record received from (or acked by) the server.
    pub fn synced(&self) -> &BTreeMap<RecordId, Record> {
        &self.synced
    }

    /// The ops not yet known to be applied by the server, in counter order.
    pub fn outbox(&self) -> &[Op] {
        &self.outbox
    }

    /// Whether this device holds changes to a record that have not reached the server yet
    /// (written offline, or waiting for the next push).
    pub fn unsent(&self, record: &RecordId) -> bool {
        self.outbox.iter().any(|op| &op.record == record)
    }

    /// Stamps edits as ops (each replacing what the local view shows in its field), applies
    /// them to the local view and queues them. Edits that would not change the shown value of
    /// a field without conflict are skipped. Returns the new ops; the caller persists them
    /// with the records they touched before telling the person "saved".
    pub fn edit(&mut self, clock: &mut DeviceClock, edits: Vec<Edit>, now_ms: u64, author: Option<&str>) -> Vec<Op> {
        let mut ops = Vec::new();
        for edit in edits {
            let current = self.local.get(&edit.record).and_then(|r| r.fields.get(&edit.field));
            let unchanged = current.is_some_and(|f| !f.is_conflict() && f.value() == &edit.value);
            let never_written_and_blank = current.is_none() && edit.value.is_blank();
            if unchanged || never_written_and_blank {
                continue;
            }
            clock.counter += 1;
            // After this device's last reading and after every value it replaces: a write made
            // after seeing another sorts after it, whatever either device's clock said.
            let seen = current.and_then(|f| f.siblings().iter().map(|s| &s.hlc).max());
            let after = clock.last_hlc.as_ref().max(seen);
            let hlc = Hlc::tick(after, now_ms, &clock.device);
            clock.last_hlc = Some(hlc.clone());
            let op = Op {
                replaces: current.map(FieldState::dots).unwrap_or_default(),
                record: edit.record,
                kind: edit.kind,
                scope: edit.scope,
                field: edit.field,
                value: edit.value,
                dot: Dot { device: clock.device.clone(), counter: clock.counter },
                hlc,
                author: author.map(str::to_owned),
            };
            self.local.entry(op.record.clone()).or_insert_with(|| Record::for_op(&op)).apply(&op);
            self.outbox.push(op.clone());
            ops.push(op);
        }
        ops
    }

    /// After the server was restored from a backup (its store id changed): `fields` is the
    /// server's whole state (a pull from empty cursors) and `high` its highest counter for this
    /// device. The synced state becomes exactly the server's, then [`Replica::resend_lost`]
    /// queues again what the server lost of this device's writes. Returns the ids of every
    /// record whose synced state or view may have changed, and the new ops.
    pub fn rebase(
        &mut self,
        high: u64,
        fields: Vec<FieldUpdate>,
        clock: &mut DeviceClock,
        now_ms: u64,
        author: Option<&str>,
    ) -> (BTreeSet<RecordId>, Vec<Op>) {
        let before = std::mem::take(&mut self.synced);
        let mut ids: BTreeSet<RecordId> = before.keys().cloned().collect();
        ids.extend(self.pulled(high, &[], fields));
        self.recompute(ids.clone());
        let ops = self.resend_lost(clock, &before, now_ms, author);
        ids.extend(ops.iter().map(|op| op.record.clone()));
        (ids, ops)
    }

    /// `before` is the synced state this device held before the server was restored; its
    /// current synced state is the restored server's. Its own values
    /// that the server no longer has are written again as new ops, each replacing only the
    /// server's values that are older than it (by clock reading); a newer value on the server
    /// makes a visible conflict rather than being overwritten. Others' lost values are theirs
    /// to send again. Returns the new ops (queued, like edits).
    pub fn resend_lost(
        &mut self,
        clock: &mut DeviceClock,
        before: &BTreeMap<RecordId, Record>,
        now_ms: u64,
        author: Option<&str>,
    ) -> Vec<Op> {
        let mut ops = Vec::new();
        for (id, old) in before {
            for (field, state) in &old.fields {
                let known: Vec<Dot> =
                    self.local.get(id).and_then(|r| r.fields.get(field)).map(FieldState::dots).unwrap_or_default();
                for lost in state.siblings().iter().filter(|s| s.dot.device == clock.device && !known.contains(&s.dot))
                {
                    let current = self.local.get(id).and_then(|r| r.fields.get(field));
                    let older: Vec<&Sibling> =
                        current.map(|f| f.siblings().iter().filter(|s| s.hlc < lost.hlc).collect()).unwrap_or_default();
                    let replaces: Vec<Dot> = older.iter().map(|s| s.dot.clone()).collect();
                    clock.counter += 1;
                    let hlc = Hlc::tick(clock.last_hlc.as_ref().max(Some(&lost.hlc)), now_ms, &clock.device);
                    clock.last_hlc = Some(hlc.clone());
                    let op = Op {
                        record: id.clone(),
                        kind: old.kind,
                        scope: old.scope.clone(),
                        field: field.clone(),
                        value: lost.value.clone(),
                        dot: Dot { device: clock.device.clone(), counter: clock.counter },
                        hlc,
                        replaces,
                        author: author.map(str::to_owned).or_else(|| lost.author.clone()),
                    };
                    self.local.entry(op.record.clone()).or_insert_with(|| Record::for_op(&op)).apply(&op);
                    self.outbox.push(op.clone());
                    ops.push(op);
                }
            }
        }
        ops
    }

    /// The server processed this device's ops up to counter `high`; those in `refused` it did
    /// not apply. The applied ones leave the outbox and are folded into the synced state first,
    /// so the local view does not change; the refused ones leave the outbox unfolded and are
    /// returned, for the person to see (their values leave the local view).
    pub fn acked(&mut self, high: u64, refused: &[Dot]) -> Vec<Op> {
        let (ids, refused) = self.fold_acked(high, refused);
        self.recompute(ids);
        refused
    }

    /// One page of a pull: the server has applied this device's ops up to `high`, and these
    /// fields now hold these siblings. Acked ops are folded into the synced state *before* the
    /// page overwrites it (DESIGN.md §4); then the local view is recomputed. Returns the ids
    /// of the records whose local view may have changed.
    /// Ops in `refused` are dropped from the outbox without folding, as in [`Replica::acked`].
    pub fn pulled(&mut self, high: u64, refused: &[Dot], page: Vec<FieldUpdate>) -> BTreeSet<RecordId> {
        let (mut ids, _) = self.fold_acked(high, refused);
        for update in page {
            let record = self
                .synced
                .entry(update.record.clone())
                .or_insert_with(|| Record::new(update.record.clone(), update.kind, update.scope.clone()));
            record.fields.insert(update.field, update.state);
            ids.insert(update.record);
        }
        self.recompute(ids.clone());
        ids
    }

    /// Moves device-only records from one scope to another before they are ever sent: the
    /// pending ops in `from` get scope `to`, and the ops writing the record `drop` (the local
    /// team that is being merged into an existing one) are removed. Refused (returns `false`,
    /// changing nothing) when any record in `from` has already reached the server.
    pub fn move_scope(&mut self, from: &str, to: &str, drop: &RecordId) -> bool {
        if self.synced.values().any(|r| r.scope == from) {
            return false;
        }
        let mut ids = BTreeSet::new();
        self.outbox.retain(|op| op.scope != from || &op.record != drop);
        for op in self.outbox.iter_mut().filter(|op| op.scope == from) {
            op.scope = to.to_owned();
            ids.insert(op.record.clone());
        }
        ids.insert(drop.clone());
        for id in &ids {
            self.local.remove(id);
        }
        self.recompute(ids);
        true
    }

    /// Gives the pending ops a new identity: this device's id turned out to be shared with
    /// another device (a copied browser profile), so the server refused the old dots. Every
    /// pending op gets a dot of `clock` (a fresh device), in order; `replaces` and the local
    /// view follow the renaming. Nothing pending is dropped.
    pub fn restamp(&mut self, clock: &mut DeviceClock) {
        let mut renamed: Vec<(Dot, Dot)> = Vec::new();
        for op in &mut self.outbox {
            clock.counter += 1;
            let new_dot = Dot { device: clock.device.clone(), counter: clock.counter };
            renamed.push((op.dot.clone(), new_dot.clone()));
            op.dot = new_dot;
            op.hlc.device = clock.device.clone();
            for replaced in &mut op.replaces {
                if let Some((_, new)) = renamed.iter().find(|(old, _)| old == replaced) {
                    *replaced = new.clone();
                }
            }
        }
        let ids: BTreeSet<RecordId> = self.outbox.iter().map(|op| op.record.clone()).collect();
        self.recompute(ids);
    }

    /// Removes device-only records of a scope (never sent) from the outbox and the view.
    /// Refused (returns `false`) when any record in the scope has reached the server.
    pub fn forget_scope(&mut self, scope: &str) -> bool {
        if self.synced.values().any(|r| r.scope == scope) {
            return false;
        }
        let ids: BTreeSet<RecordId> =
            self.outbox.iter().filter(|op| op.scope == scope).map(|op| op.record.clone()).collect();
        self.outbox.retain(|op| op.scope != scope);
        for id in &ids {
            self.local.remove(id);
        }
        true
    }

    fn fold_acked(&mut self, high: u64, refused: &[Dot]) -> (BTreeSet<RecordId>, Vec<Op>) {
        // The outbox holds only this device's ops, in counter order.
        let n_acked = self.outbox.iter().take_while(|op| op.dot.counter <= high).count();
        let mut ids = BTreeSet::new();
        let mut dropped = Vec::new();
        for op in self.outbox.drain(..n_acked) {
            ids.insert(op.record.clone());
            if refused.contains(&op.dot) {
                dropped.push(op);
                continue;
            }
            self.synced.entry(op.record.clone()).or_insert_with(|| Record::for_op(&op)).apply(&op);
        }
        (ids, dropped)
    }

    fn recompute(&mut self, ids: BTreeSet<RecordId>) {
        for id in ids {
            let mut record = self.synced.get(&id).cloned();
            for op in self.outbox.iter().filter(|op| op.record == id) {
                record.get_or_insert_with(|| Record::for_op(op)).apply(op);
            }
            match record {
                Some(record) => self.local.insert(id, record),
                None => self.local.remove(&id),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::Uuid7;
    use crate::record::team_scope;

    fn edit(record: &RecordId, kind: Kind, scope: &str, field: &str, text: &str) -> Edit {
        Edit {
            record: record.clone(),
            kind,
            scope: scope.to_owned(),
            field: field.into(),
            value: Value::Text(text.into()),
        }
    }

    #[test]
    fn a_local_team_moves_into_a_joined_team_before_anything_is_sent() {
        let mut clock = DeviceClock { device: Uuid7::from_parts(1, [1; 10]), counter: 0, last_hlc: None };
        let (local_team, joined, cycle) =
            (Uuid7::from_parts(1, [2; 10]), Uuid7::from_parts(1, [3; 10]), Uuid7::from_parts(1, [4; 10]));
        let (from, to) = (team_scope(&local_team), team_scope(&joined));
        let mut replica = Replica::default();
        replica.edit(&mut clock, vec![edit(&local_team, Kind::Team, &from, "name", "My ward")], 1, None);
        replica.edit(&mut clock, vec![edit(&cycle, Kind::Cycle, &from, "title", "Huddle")], 2, None);
        assert!(replica.move_scope(&from, &to, &local_team));
        assert!(replica.record(&local_team).is_none(), "the local team itself is merged away");
        assert_eq!(replica.record(&cycle).map(|r| r.scope.as_str()), Some(to.as_str()));
        assert_eq!(replica.outbox().len(), 1);
        assert_eq!(replica.outbox()[0].scope, to);
        assert_eq!(replica.outbox()[0].dot.counter, 2, "dots are kept");
    }

    #[test]
    fn restamping_renames_pending_ops_and_what_they_replace() {
        let old = Uuid7::from_parts(1, [1; 10]);
        let mut clock = DeviceClock { device: old.clone(), counter: 0, last_hlc: None };
        let team = Uuid7::from_parts(1, [2; 10]);
        let scope = team_scope(&team);
        let mut replica = Replica::default();
        replica.edit(&mut clock, vec![edit(&team, Kind::Team, &scope, "name", "One")], 1, None);
        replica.edit(&mut clock, vec![edit(&team, Kind::Team, &scope, "name", "Two")], 2, None);
        let mut fresh = DeviceClock { device: Uuid7::from_parts(9, [9; 10]), counter: 0, last_hlc: None };
        replica.restamp(&mut fresh);
        let dots: Vec<_> = replica.outbox().iter().map(|op| (op.dot.device.clone(), op.dot.counter)).collect();
        assert_eq!(dots, vec![(fresh.device.clone(), 1), (fresh.device.clone(), 2)]);
        assert_eq!(replica.outbox()[1].replaces, vec![replica.outbox()[0].dot.clone()]);
        let name = &replica.record(&team).unwrap().fields["name"];
        assert_eq!(name.siblings().len(), 1);
        assert_eq!(name.siblings()[0].dot, replica.outbox()[1].dot);
        assert_eq!(fresh.counter, 2);
    }

    #[test]
    fn records_that_reached_the_server_are_not_moved_or_forgotten() {
        let mut clock = DeviceClock { device: Uuid7::from_parts(1, [1; 10]), counter: 0, last_hlc: None };
        let team = Uuid7::from_parts(1, [2; 10]);
        let scope = team_scope(&team);
        let mut replica = Replica::default();
        replica.edit(&mut clock, vec![edit(&team, Kind::Team, &scope, "name", "Ward")], 1, None);
        replica.acked(1, &[]);
        assert!(!replica.move_scope(&scope, "team:elsewhere", &team));
        assert!(!replica.forget_scope(&scope));
        assert!(replica.record(&team).is_some());
    }

    #[test]
    fn after_a_restore_a_device_sends_its_lost_values_again_without_overwriting_newer_ones() {
        use crate::hub::Hub;
        let scope = "team:t";
        let record = Uuid7::from_parts(50, [5; 10]);
        let text = |r: &Replica, field: &str| {
            r.record(&record).and_then(|r| r.fields.get(field)).map(|f| {
                let mut values: Vec<String> = f.siblings().iter().map(|s| s.value.as_text().to_owned()).collect();
                values.sort();
                values.join(" | ")
            })
        };
        let sync = |hub: &mut Hub, r: &mut Replica, clock: &DeviceClock, cursor: &mut u64| {
            let ops = r.outbox().to_vec();
            let high = hub.push(&clock.device, &ops);
            r.acked(high, &[]);
            let page = hub.pull(&clock.device, *cursor, 1_000);
            *cursor = page.cursor;
            r.pulled(page.high, &[], page.fields);
        };
        let mut hub = Hub::default();
        let (mut a, mut b) = (Replica::default(), Replica::default());
        let mut a_clock = DeviceClock { device: Uuid7::from_parts(1, [1; 10]), counter: 0, last_hlc: None };
        let mut b_clock = DeviceClock { device: Uuid7::from_parts(2, [2; 10]), counter: 0, last_hlc: None };
        let (mut a_cursor, mut b_cursor) = (0, 0);
        a.edit(&mut a_clock, vec![edit(&record, Kind::Cycle, scope, "title", "v1")], 1_000, None);
        a.edit(&mut a_clock, vec![edit(&record, Kind::Cycle, scope, "objective", "o1")], 1_000, None);
        sync(&mut hub, &mut a, &a_clock, &mut a_cursor);
        let backup = hub.clone();
        a.edit(&mut a_clock, vec![edit(&record, Kind::Cycle, scope, "title", "v2")], 2_000, None);
        a.edit(&mut a_clock, vec![edit(&record, Kind::Cycle, scope, "objective", "o2")], 2_000, None);
        a.edit(&mut a_clock, vec![edit(&record, Kind::Cycle, scope, "learning", "l2")], 2_000, None);
        let later = Uuid7::from_parts(60, [6; 10]);
        a.edit(&mut a_clock, vec![edit(&later, Kind::Cycle, scope, "title", "made after the backup")], 2_000, None);
        sync(&mut hub, &mut a, &a_clock, &mut a_cursor);

        // The server is restored; B writes the objective afresh before A comes back.
        hub = backup;
        sync(&mut hub, &mut b, &b_clock, &mut b_cursor);
        b.edit(&mut b_clock, vec![edit(&record, Kind::Cycle, scope, "objective", "b's")], 3_000, None);
        sync(&mut hub, &mut b, &b_clock, &mut b_cursor);

        // A notices (the store id changed), pulls everything again, and sends what was lost.
        let everything = hub.pull(&a_clock.device, 0, 1_000);
        let (ids, resent) = a.rebase(everything.high, everything.fields, &mut a_clock, 2_500, None);
        assert_eq!(resent.len(), 4, "title, objective, learning, and the later record's title");
        assert!(ids.contains(&record) && ids.contains(&later));
        a_cursor = everything.cursor;
        sync(&mut hub, &mut a, &a_clock, &mut a_cursor);
        sync(&mut hub, &mut b, &b_clock, &mut b_cursor);
        for device in [&a, &b] {
            assert_eq!(text(device, "title").as_deref(), Some("v2"), "v2 replaced the older v1");
            assert_eq!(text(device, "learning").as_deref(), Some("l2"), "a field the server lost entirely");
            let later_title = device.record(&later).and_then(|r| r.fields.get("title")).map(|f| f.value().clone());
            assert_eq!(later_title, Some(Value::Text("made after the backup".into())), "a record it lost entirely");
            assert_eq!(text(device, "objective").as_deref(), Some("b's | o2"), "B's newer value is not overwritten");
        }
        // Nothing more to send the second time.
        let before = a.synced().clone();
        assert!(a.resend_lost(&mut a_clock, &before, 4_000, None).is_empty());
    }
}
