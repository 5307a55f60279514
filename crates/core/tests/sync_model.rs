//! Property tests of the sync protocol: `shared/sync-model/sim.py` ported to proptest.
//!
//! Random devices write, resolve conflicts, push (acks lost, only a prefix sent) and pull
//! (pages of random size, pulls cut short) against the reference [`Hub`]; then everyone syncs
//! until nothing changes. The hub refuses every write of one field (as the server refuses what
//! a writer may not change), so refusals meet lost answers and re-sent pushes. Checked, as in
//! the model: P1 convergence, P2 no silent loss, P3 no resurrection, X1 no false conflict, X2
//! no view regression; and R1: a refused op is never taken as saved anywhere and always reaches
//! its device with the refusal. Mutants (acks that claim more than the server applied; a
//! server that forgets a refusal when the push comes again) show the checker catches loss.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use ramp_core::{DeviceClock, Dot, Edit, FieldState, Hub, Kind, Op, RecordId, Replica, Uuid7, Value};

#[derive(Clone, Debug)]
enum Action {
    Write { device: usize, key: usize },
    Resolve { device: usize, pick: usize },
    Push { device: usize, ack_lost: bool, prefix: Option<usize> },
    Pull { device: usize, page_size: usize, max_pages: Option<usize> },
}

#[derive(Clone, Debug)]
struct Schedule {
    n_devices: usize,
    n_records: usize,
    n_fields: usize,
    skews: Vec<i64>,
    actions: Vec<Action>,
}

fn action(prefix_pushes: bool) -> impl Strategy<Value = Action> {
    prop_oneof![
        35 => (0..5usize, 0..9usize).prop_map(|(device, key)| Action::Write { device, key }),
        10 => (0..5usize, 0..9usize).prop_map(|(device, pick)| Action::Resolve { device, pick }),
        27 => (0..5usize, prop::bool::weighted(0.4), 1..4usize).prop_map(move |(device, ack_lost, prefix)| {
            Action::Push { device, ack_lost, prefix: prefix_pushes.then_some(prefix) }
        }),
        28 => (0..5usize, 1..5usize, prop::option::weighted(0.3, 1..4usize))
            .prop_map(|(device, page_size, max_pages)| Action::Pull { device, page_size, max_pages }),
    ]
}

const DAYS_3: i64 = 3 * 86_400_000;

fn schedule(prefix_pushes: bool) -> impl Strategy<Value = Schedule> {
    (
        2..=5usize,
        1..=3usize,
        1..=3usize,
        // Device clocks off by up to three days either way (and, half the time, by a few ms).
        prop::collection::vec(prop_oneof![-5i64..=5, -DAYS_3..=DAYS_3], 5),
        prop::collection::vec(action(prefix_pushes), 20..250),
    )
        .prop_map(|(n_devices, n_records, n_fields, skews, actions)| Schedule {
            n_devices,
            n_records,
            n_fields,
            skews,
            actions,
        })
}

struct Device {
    clock: DeviceClock,
    replica: Replica,
    cursor: u64,
    /// The highest counter this device has an answer for (sent with pulls).
    known_high: u64,
    /// Its ops the server refused, as the device was told.
    told_refused: BTreeSet<Dot>,
    skew: i64,
    /// Dot → the step at which this device first had it in its synced state or local view.
    seen: HashMap<Dot, u64>,
}

struct World {
    hub: Hub,
    devices: Vec<Device>,
    keys: Vec<(RecordId, String)>,
    t: u64,
    ops: HashMap<Dot, (Op, u64)>,
    created: Vec<Dot>,
    removed_by: HashMap<Dot, Dot>,
    violations: Vec<String>,
    /// Mutant: acks claim every op sent was applied, even those the server skipped.
    mutant_overclaiming_ack: bool,
    /// Mutant: a re-sent push is answered without the refusals of ops processed before.
    mutant_forgetting_refusals: bool,
    /// Every op the server refused.
    refused: BTreeSet<Dot>,
}

/// The field the hub refuses every write of.
const REFUSED_FIELD: &str = "f1";

type View = BTreeMap<(RecordId, String), BTreeSet<Dot>>;

fn view(replica: &Replica) -> View {
    replica
        .local()
        .values()
        .flat_map(|r| r.fields.iter().map(move |(f, s)| ((r.id.clone(), f.clone()), s.dots().into_iter().collect())))
        .collect()
}

fn dots(state: Option<&FieldState>) -> BTreeSet<Dot> {
    state.map(|s| s.dots().into_iter().collect()).unwrap_or_default()
}

impl World {
    fn new(s: &Schedule) -> World {
        let keys = (0..s.n_records)
            .flat_map(|r| (0..s.n_fields).map(move |f| (Uuid7::from_parts(1_000 + r as u64, [0; 10]), format!("f{f}"))))
            .collect();
        let devices = (0..s.n_devices)
            .map(|d| Device {
                clock: DeviceClock { device: Uuid7::from_parts(1, [d as u8 + 1; 10]), counter: 0, last_hlc: None },
                replica: Replica::default(),
                cursor: 0,
                known_high: 0,
                told_refused: BTreeSet::new(),
                skew: s.skews[d],
                seen: HashMap::new(),
            })
            .collect();
        let mut hub = Hub::default();
        hub.refuse_field(REFUSED_FIELD);
        World {
            hub,
            devices,
            keys,
            t: 0,
            ops: HashMap::new(),
            created: Vec::new(),
            removed_by: HashMap::new(),
            violations: Vec::new(),
            mutant_overclaiming_ack: false,
            mutant_forgetting_refusals: false,
            refused: BTreeSet::new(),
        }
    }

    fn observe(&mut self, d: usize) {
        let t = self.t;
        let device = &mut self.devices[d];
        let synced = device.replica.synced().values().flat_map(|r| r.fields.values());
        let local = device.replica.local().values().flat_map(|r| r.fields.values());
        for state in synced.chain(local) {
            for dot in state.dots() {
                device.seen.entry(dot).or_insert(t);
            }
        }
    }

    fn write(&mut self, d: usize, key: usize) {
        let (record, field) = self.keys[key % self.keys.len()].clone();
        let device = &mut self.devices[d];
        let now = (1_700_000_000_000 + self.t as i64 * 10 + device.skew) as u64;
        let edit = Edit {
            record,
            kind: Kind::Cycle,
            scope: "team:t".into(),
            field,
            value: Value::Text(format!("v{}", self.t)),
        };
        for op in device.replica.edit(&mut device.clock, vec![edit], now, None) {
            self.created.push(op.dot.clone());
            self.ops.insert(op.dot.clone(), (op, self.t));
        }
        self.observe(d);
    }

    fn resolve(&mut self, d: usize, pick: usize) {
        let conflicted: Vec<usize> = (0..self.keys.len())
            .filter(|k| {
                let (record, field) = &self.keys[*k];
                let local = self.devices[d].replica.record(record);
                local.and_then(|r| r.fields.get(field)).is_some_and(FieldState::is_conflict)
            })
            .collect();
        if !conflicted.is_empty() {
            self.write(d, conflicted[pick % conflicted.len()]);
        }
    }

    /// The server applies ops one by one (as a push does, in order), and we watch what each
    /// one removes and whether it leaves a false conflict.
    fn server_apply(&mut self, d: usize, batch: &[Op]) -> (u64, Vec<Dot>) {
        let device_id = self.devices[d].clock.device.clone();
        let mut high = 0;
        let mut refused = Vec::new();
        for op in batch {
            let key = (op.record.clone(), op.field.clone());
            let before = dots(self.hub.records().get(&key.0).and_then(|r| r.fields.get(&key.1)));
            let high_before = self.hub.high(&device_id);
            let answer = self.hub.answer_push(&device_id, std::slice::from_ref(op));
            high = answer.high;
            for dot in answer.refused {
                self.refused.insert(dot.clone());
                if !(self.mutant_forgetting_refusals && dot.counter <= high_before) {
                    refused.push(dot);
                }
            }
            let after = dots(self.hub.records().get(&key.0).and_then(|r| r.fields.get(&key.1)));
            if before == after {
                continue;
            }
            if self.removed_by.contains_key(&op.dot) {
                self.violations.push(format!("P3: {:?} re-added after removal", op.dot));
            }
            for gone in before.difference(&after) {
                self.removed_by.insert(gone.clone(), op.dot.clone());
            }
            let writer_seen = &self.devices[d].seen;
            let op_t = self.ops[&op.dot].1;
            for other in after.iter().filter(|x| **x != op.dot) {
                if writer_seen.get(other).is_some_and(|t| *t < op_t) {
                    self.violations
                        .push(format!("X1: {other:?} and {:?} both live but the writer had seen the first", op.dot));
                }
            }
        }
        if batch.is_empty() {
            high = self.hub.push(&device_id, &[]);
        }
        (high, refused)
    }

    fn push(&mut self, d: usize, ack_lost: bool, prefix: Option<usize>) {
        let outbox = self.devices[d].replica.outbox();
        let batch: Vec<Op> = outbox[..prefix.unwrap_or(outbox.len()).min(outbox.len())].to_vec();
        let (mut high, refused) = self.server_apply(d, &batch);
        if self.mutant_overclaiming_ack {
            high = high.max(self.devices[d].clock.counter);
        }
        if !ack_lost {
            let device = &mut self.devices[d];
            let before = view(&device.replica);
            let dropped = device.replica.acked(high, &refused);
            device.known_high = device.known_high.max(high);
            device.told_refused.extend(dropped.iter().map(|op| op.dot.clone()));
            // Refused values leave the view; nothing else may change.
            let gone: BTreeSet<(RecordId, String)> =
                dropped.iter().map(|op| (op.record.clone(), op.field.clone())).collect();
            if changed_outside(&before, &view(&device.replica), &gone) {
                self.violations.push(format!("X2: device {d}'s view changed on an ack"));
            }
            self.observe(d);
        }
    }

    fn pull(&mut self, d: usize, page_size: usize, max_pages: Option<usize>) {
        let mut pages = 0;
        loop {
            let device = &mut self.devices[d];
            let page = self.hub.pull_above(&device.clock.device, device.cursor, page_size, device.known_high);
            let before = view(&device.replica);
            let mut sent: BTreeSet<(RecordId, String)> =
                page.fields.iter().map(|f| (f.record.clone(), f.field.clone())).collect();
            // Refused ops still pending leave the view with their refusal.
            for op in device.replica.outbox().iter().filter(|op| op.dot.counter <= page.high) {
                if page.refused.contains(&op.dot) {
                    sent.insert((op.record.clone(), op.field.clone()));
                    device.told_refused.insert(op.dot.clone());
                }
            }
            device.replica.pulled(page.high, &page.refused, page.fields);
            device.cursor = page.cursor;
            device.known_high = device.known_high.max(page.high);
            let after = view(&device.replica);
            if changed_outside(&before, &after, &sent) {
                self.violations.push(format!("X2: device {d}'s view of a field the page did not send changed"));
            }
            self.observe(d);
            pages += 1;
            if !page.more || max_pages.is_some_and(|max| pages >= max) {
                break;
            }
        }
    }

    fn step(&mut self, action: &Action, n: usize) {
        self.t += 1;
        match *action {
            Action::Write { device, key } => self.write(device % n, key),
            Action::Resolve { device, pick } => self.resolve(device % n, pick),
            Action::Push { device, ack_lost, prefix } => self.push(device % n, ack_lost, prefix),
            Action::Pull { device, page_size, max_pages } => self.pull(device % n, page_size, max_pages),
        }
    }

    fn quiesce(&mut self, prefix: bool) -> bool {
        for _ in 0..2_000 {
            let before: Vec<(View, usize, u64)> =
                self.devices.iter().map(|d| (view(&d.replica), d.replica.outbox().len(), d.cursor)).collect();
            for d in 0..self.devices.len() {
                self.t += 1;
                self.push(d, false, prefix.then_some(1));
                self.pull(d, 1, None);
            }
            let after: Vec<(View, usize, u64)> =
                self.devices.iter().map(|d| (view(&d.replica), d.replica.outbox().len(), d.cursor)).collect();
            if before == after && self.devices.iter().all(|d| d.replica.outbox().is_empty()) {
                return true;
            }
        }
        false
    }

    fn check_end(&mut self, converged: bool) {
        if !converged {
            self.violations.push("P1: syncing never settled".into());
        }
        let server: View = self
            .hub
            .records()
            .values()
            .flat_map(|r| {
                r.fields.iter().map(move |(f, s)| ((r.id.clone(), f.clone()), s.dots().into_iter().collect()))
            })
            .collect();
        for (d, device) in self.devices.iter().enumerate() {
            if !device.replica.outbox().is_empty() {
                self.violations.push(format!("P1: device {d}'s outbox is not empty"));
            }
            if view(&device.replica) != server {
                self.violations.push(format!("P1: device {d} differs from the server"));
            }
        }
        // Display order follows causality, whatever the clocks: a value sorts after every value
        // its writer replaced.
        for (op, _) in self.ops.values() {
            for replaced in &op.replaces {
                if self.ops.get(replaced).is_some_and(|(old, _)| old.hlc >= op.hlc) {
                    self.violations.push(format!("P6: {:?} sorts before {replaced:?}, which it replaced", op.dot));
                }
            }
        }
        // R1: a refused op is in no device's synced state or view, and its device was told.
        for (d, device) in self.devices.iter().enumerate() {
            let synced = device.replica.synced().values().flat_map(|r| r.fields.values().flat_map(FieldState::dots));
            let local = device.replica.local().values().flat_map(|r| r.fields.values().flat_map(FieldState::dots));
            if let Some(dot) = synced.chain(local).find(|dot| self.refused.contains(dot)) {
                self.violations.push(format!("R1: device {d} holds the refused {dot:?} as saved"));
            }
            for dot in self.refused.iter().filter(|dot| dot.device == device.clock.device) {
                if !device.told_refused.contains(dot) {
                    self.violations.push(format!("R1: device {d} was never told that {dot:?} was refused"));
                }
            }
        }
        for dot in &self.created {
            if self.refused.contains(dot) {
                continue;
            }
            let (op, _) = &self.ops[dot];
            if server.get(&(op.record.clone(), op.field.clone())).is_some_and(|live| live.contains(dot)) {
                continue;
            }
            match self.removed_by.get(dot) {
                None => self.violations.push(format!("P2: {dot:?} was lost without being replaced")),
                Some(by) => {
                    let (replacer, replacer_t) = &self.ops[by];
                    let writer = self.devices.iter().find(|d| d.clock.device == by.device).expect("writer");
                    let saw_it = writer.seen.get(dot).is_some_and(|t| t < replacer_t);
                    if !(replacer.replaces.contains(dot) && saw_it) {
                        self.violations.push(format!("P2: {dot:?} removed by {by:?}, whose writer had not seen it"));
                    }
                }
            }
        }
    }
}

/// Whether a view changed in any field but `allowed`.
fn changed_outside(before: &View, after: &View, allowed: &BTreeSet<(RecordId, String)>) -> bool {
    let keys: BTreeSet<_> = before.keys().chain(after.keys()).filter(|k| !allowed.contains(*k)).collect();
    keys.into_iter().any(|k| before.get(k) != after.get(k))
}

#[derive(Clone, Copy, PartialEq)]
enum Mutant {
    None,
    OverclaimingAck,
    ForgettingRefusals,
}

fn run(schedule: &Schedule, prefix: bool, mutant: Mutant) -> Vec<String> {
    let mut world = World::new(schedule);
    world.mutant_overclaiming_ack = mutant == Mutant::OverclaimingAck;
    world.mutant_forgetting_refusals = mutant == Mutant::ForgettingRefusals;
    for action in &schedule.actions {
        world.step(action, schedule.n_devices);
    }
    let converged = world.quiesce(prefix);
    world.check_end(converged);
    world.violations
}

fn cases() -> u32 {
    std::env::var("RAMP_SYNC_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Whole-outbox pushes: every property holds.
    #[test]
    fn sync_full_pushes_keeps_every_property(s in schedule(false)) {
        let violations = run(&s, false, Mutant::None);
        prop_assert!(violations.is_empty(), "{violations:#?}");
    }

    /// Pushes that send only a prefix of the outbox: every property holds.
    #[test]
    fn sync_prefix_pushes_keeps_every_property(s in schedule(true)) {
        let violations = run(&s, true, Mutant::None);
        prop_assert!(violations.is_empty(), "{violations:#?}");
    }
}

/// The checker can fail: a device that drops ops the server skipped (an ack claiming more
/// than was applied) loses writes, and the checks see it.
#[test]
fn checker_catches_an_ack_that_claims_too_much() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut caught = 0;
    for _ in 0..200 {
        let s = schedule(true).new_tree(&mut runner).expect("schedule").current();
        if !run(&s, true, Mutant::OverclaimingAck).is_empty() {
            caught += 1;
        }
    }
    assert!(caught > 0, "the mutant was never caught in 200 schedules");
}

/// The checker can fail: a server that answers a re-sent push without the refusal it gave
/// the first time (whose answer was lost) makes a device take a refused value as saved.
#[test]
fn checker_catches_a_refusal_forgotten_on_a_resent_push() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut caught = 0;
    for _ in 0..200 {
        let s = schedule(false).new_tree(&mut runner).expect("schedule").current();
        if run(&s, false, Mutant::ForgettingRefusals).iter().any(|v| v.starts_with("R1") || v.starts_with("P1")) {
            caught += 1;
        }
    }
    assert!(caught > 0, "the mutant was never caught in 200 schedules");
}

/// A hand-made schedule from the model's minimal counterexamples: a lost ack, then a write on
/// the same field, then a pull. The write must replace the acked value, not conflict with it.
#[test]
fn lost_ack_then_edit_is_not_a_conflict_with_oneself() {
    let s = Schedule {
        n_devices: 2,
        n_records: 1,
        n_fields: 1,
        skews: vec![0; 5],
        actions: vec![
            Action::Write { device: 0, key: 0 },
            Action::Push { device: 0, ack_lost: true, prefix: None },
            Action::Pull { device: 0, page_size: 4, max_pages: None },
            Action::Write { device: 0, key: 0 },
            Action::Push { device: 0, ack_lost: false, prefix: None },
            Action::Pull { device: 1, page_size: 4, max_pages: None },
        ],
    };
    assert_eq!(run(&s, false, Mutant::None), Vec::<String>::new());
}
