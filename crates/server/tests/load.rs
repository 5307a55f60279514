//! Load: 100 simulated devices (ten people, ten devices each) syncing at once against one real
//! `ramp-server` on loopback for a bounded time, editing a shared set of records so their
//! writes collide. Afterwards every device's view equals the server's, and the server's
//! memory stayed flat.
//!
//! Each device is `ramp-core`'s `Replica` with the app's sync loop (push the outbox, fold the
//! ack, pull pages until done), over plain HTTP/1.1.

mod support;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ramp_core::wire::{PullResponse, PushResponse, SYNC_VERSION};
use ramp_core::{team_scope, DeviceClock, Edit, FieldState, Kind, Replica, Uuid7, Value};
use serde_json::json;
use support::*;

const DEVICES: usize = 100;
const PEOPLE: usize = 10;
const RECORDS: u64 = 60;
const RUN_FOR: Duration = Duration::from_secs(12);

/// A device: its replica, clock and cursors.
struct Device {
    replica: Replica,
    clock: DeviceClock,
    cursors: BTreeMap<String, u64>,
    known_high: u64,
}

/// Counts of what the devices did.
#[derive(Default)]
struct Counts {
    requests: AtomicU64,
    ops: AtomicU64,
    conflicts_seen: AtomicU64,
}

fn sync(port: u16, token: &str, device: &mut Device, counts: &Counts) {
    let outbox: Vec<_> = device.replica.outbox().iter().take(1_000).cloned().collect();
    if !outbox.is_empty() {
        let body = json!({ "version": SYNC_VERSION, "device": device.clock.device, "ops": outbox }).to_string();
        let (status, answer) = request_on(port, "POST", "/api/sync/push", Some(token), Some(body.as_bytes())).unwrap();
        counts.requests.fetch_add(1, Ordering::Relaxed);
        assert_eq!(status, 200, "{answer}");
        let ack: PushResponse = serde_json::from_value(answer).unwrap();
        assert!(ack.refused.is_empty(), "{:?}", ack.refused);
        counts.ops.fetch_add(outbox.len() as u64, Ordering::Relaxed);
        device.replica.acked(ack.high, &[]);
        device.known_high = ack.high;
    }
    loop {
        let body = json!({
            "version": SYNC_VERSION, "device": device.clock.device, "cursors": device.cursors,
            "known_high": device.known_high, "limit": 500,
        })
        .to_string();
        let (status, answer) = request_on(port, "POST", "/api/sync/pull", Some(token), Some(body.as_bytes())).unwrap();
        counts.requests.fetch_add(1, Ordering::Relaxed);
        assert_eq!(status, 200, "{answer}");
        let page: PullResponse = serde_json::from_value(answer).unwrap();
        device.replica.pulled(page.high, &[], page.fields);
        device.cursors = page.cursors;
        device.known_high = device.known_high.max(page.high);
        if !page.more {
            break;
        }
    }
}

/// SplitMix64, so each device's choices are its own and the run is repeatable in shape.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[test]
fn a_hundred_devices_syncing_at_once_all_end_equal_to_the_server_and_memory_stays_flat() {
    let s = setup();
    let mut tokens = Vec::new();
    for person in 0..PEOPLE {
        let email = format!("person{person}@example.org");
        s.server.admin(&[
            "create-user",
            "--email",
            &email,
            "--name",
            &format!("Person {person}"),
            "--password",
            PASSWORD,
        ]);
        s.server.admin(&["add-member", "--team", s.team1.as_str(), "--email", &email, "--role", "member"]);
        tokens.push(s.server.login(&email, PASSWORD));
    }
    let port = s.server.port;
    let team = s.team1.clone();
    let counts = Arc::new(Counts::default());
    let deadline = Instant::now() + RUN_FOR;
    let started = Instant::now();

    // Memory, sampled every 250 ms while the devices run.
    let memory = {
        let pid = s.server.pid().unwrap();
        std::thread::spawn(move || {
            let mut samples = Vec::new();
            while Instant::now() < deadline {
                let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
                let rss: u64 = status
                    .lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|n| n.parse().ok())
                    .unwrap();
                samples.push((started.elapsed(), rss));
                std::thread::sleep(Duration::from_millis(250));
            }
            samples
        })
    };

    let handles: Vec<_> = (0..DEVICES)
        .map(|n| {
            let token = tokens[n % PEOPLE].clone();
            let team = team.clone();
            let counts = counts.clone();
            std::thread::spawn(move || {
                let mut device = Device {
                    replica: Replica::default(),
                    clock: DeviceClock {
                        device: Uuid7::from_parts(1_700_000_000_000 + n as u64, [n as u8; 10]),
                        counter: 0,
                        last_hlc: None,
                    },
                    cursors: BTreeMap::new(),
                    known_high: 0,
                };
                let mut rng = 0x5EED_0000 + n as u64;
                let mut now = 1_700_000_000_000u64;
                while Instant::now() < deadline {
                    let edits = (0..1 + next(&mut rng) % 4)
                        .map(|_| {
                            let record = next(&mut rng) % RECORDS;
                            let field = ["title", "objective", "observations"][(next(&mut rng) % 3) as usize];
                            Edit {
                                record: Uuid7::from_parts(1_600_000_000_000 + record, [7; 10]),
                                kind: Kind::Cycle,
                                scope: team_scope(&team),
                                field: field.into(),
                                value: Value::Text(format!("device {n} wrote {}", next(&mut rng) % 1_000)),
                            }
                        })
                        .collect();
                    now += 1 + next(&mut rng) % 50;
                    device.replica.edit(&mut device.clock, edits, now, None);
                    sync(port, &token, &mut device, &counts);
                    std::thread::sleep(Duration::from_millis(next(&mut rng) % 40));
                }
                (device, token)
            })
        })
        .collect();
    let mut devices: Vec<(Device, String)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let samples = memory.join().unwrap();
    let busy = started.elapsed();

    // Quiet now: every device syncs once more (twice: the first may push what others then pull).
    for _ in 0..2 {
        for (device, token) in &mut devices {
            sync(port, token, device, &counts);
        }
    }
    // The server's state, as a fresh device sees it.
    let mut fresh = Device {
        replica: Replica::default(),
        clock: DeviceClock { device: Uuid7::from_parts(1, [200; 10]), counter: 0, last_hlc: None },
        cursors: BTreeMap::new(),
        known_high: 0,
    };
    sync(port, &tokens[0], &mut fresh, &counts);
    let server: BTreeMap<(String, String), FieldState> = fresh
        .replica
        .local()
        .values()
        .flat_map(|r| r.fields.iter().map(|(f, state)| ((r.id.to_string(), f.clone()), state.clone())))
        .collect();
    for (n, (device, _)) in devices.iter().enumerate() {
        assert!(device.replica.outbox().is_empty(), "device {n} has unsent ops");
        let view: BTreeMap<(String, String), FieldState> = device
            .replica
            .local()
            .values()
            .flat_map(|r| r.fields.iter().map(|(f, state)| ((r.id.to_string(), f.clone()), state.clone())))
            .collect();
        assert!(view == server, "device {n} differs from the server");
    }
    let conflicts = server.values().filter(|state| state.is_conflict()).count();
    counts.conflicts_seen.store(conflicts as u64, Ordering::Relaxed);

    // Memory: after the first quarter (warm-up: connections, caches), flat.
    let quarter = samples.len() / 4;
    let warm = samples[quarter..samples.len() / 2].iter().map(|(_, kib)| *kib).max().unwrap();
    let late = samples[samples.len() / 2..].iter().map(|(_, kib)| *kib).max().unwrap();
    let requests = counts.requests.load(Ordering::Relaxed);
    let ops = counts.ops.load(Ordering::Relaxed);
    println!(
        "load: {DEVICES} devices for {:.1} s: {requests} requests ({:.0}/s), {ops} ops applied, {} fields, \
         {conflicts} in conflict (visible), server memory {} KiB → {} KiB → {} KiB",
        busy.as_secs_f64(),
        requests as f64 / busy.as_secs_f64(),
        server.len(),
        samples[0].1,
        warm,
        late
    );
    assert!(ops > 1_000, "the devices did work: {ops} ops");
    assert!(conflicts > 0, "concurrent writes to the same fields make visible conflicts");
    assert!(late <= warm + warm / 5 + 4_096, "server memory grew from {warm} KiB to {late} KiB");
}
