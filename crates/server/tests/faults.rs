//! Faults on the server side, against the real binary and its SQLite file: the store running
//! out of room (a real full disk: a small tmpfs, which needs root as CI has; and the size cap,
//! which fails the same way: SQLITE_FULL), and a backup taken while devices push, restored
//! into a stopped server and synced from.
//! (The server killed mid-push is in `sync.rs`; the client's faults in the e2e tests.)

mod support;

use std::process::Command;
use std::time::Duration;

use ramp_core::wire::{PushResponse, SYNC_VERSION};
use ramp_core::{team_scope, DeviceClock, Edit, Kind, Op, Replica, Uuid7, Value};
use serde_json::json;
use support::*;

/// Ops writing long observations into `count` cycles, from one device.
fn long_ops(replica: &mut Replica, clock: &mut DeviceClock, team: &Uuid7, start: u64, count: u64) -> Vec<Op> {
    let edits = (start..start + count)
        .map(|n| Edit {
            record: Uuid7::from_parts(1_700_000_000_000 + n, [3; 10]),
            kind: Kind::Cycle,
            scope: team_scope(team),
            field: "observations".into(),
            value: Value::Text(format!("{n}: {}", "What we saw on the ward today. ".repeat(150))),
        })
        .collect();
    replica.edit(clock, edits, 1_700_000_000_000 + start, Some("Mia"))
}

/// Where pushes of long observations stopped fitting.
struct Full {
    /// The push that was refused (0-based).
    batch: u64,
    /// The device's high before it.
    acked: u64,
    /// The server's answer to it.
    body: serde_json::Value,
    /// Its ops, still to send.
    waiting: Vec<Op>,
}

/// Pushes 20 long ops at a time until the server answers 507 (at most `pushes` times).
fn push_until_full(s: &Setup, token: &str, clock: &mut DeviceClock, pushes: u64) -> Full {
    let mut replica = Replica::default();
    let mut acked = 0;
    for batch in 0..pushes {
        let ops = long_ops(&mut replica, clock, &s.team1, batch * 20, 20);
        let (status, body) = push(&s.server, token, clock, &ops);
        match status {
            200 => acked = serde_json::from_value::<PushResponse>(body).unwrap().high,
            507 => return Full { batch, acked, body, waiting: ops },
            other => panic!("push {batch}: {other} {body}"),
        }
    }
    panic!("{pushes} pushes fitted: the store never filled up")
}

#[test]
fn a_full_store_answers_507_with_a_reason_and_keeps_everything_it_acknowledged() {
    let mut s = setup();
    s.server.kill();
    s.server.start_with(&["--max-store-mb", "2"]);
    let token = s.server.login("mia@example.org", PASSWORD);
    let mut clock = device(1);
    let Full { batch, acked, body, waiting } = push_until_full(&s, &token, &mut clock, 40);
    assert!(batch > 0, "some pushes fit first");
    assert!(body["error"].as_str().unwrap().contains("storage is full"), "{body}");
    assert!(body["error"].as_str().unwrap().contains("stay on this device"), "{body}");

    // Reads still work, and everything acknowledged is there, once.
    let (status, health) = s.server.try_request("GET", "/api/health", None, None).unwrap();
    assert_eq!((status, &health["status"]), (200, &json!("ok")));
    let view = pull(&s.server, &token, &clock, &json!({}));
    assert_eq!(view.high, acked, "the refused push left no trace");
    let stored = view.fields.iter().filter(|f| f.field == "observations").count() as u64;
    assert_eq!(stored, acked, "every acknowledged op is stored");
    assert_eq!(s.server.sql("PRAGMA integrity_check"), vec!["ok".to_owned()]);

    // Given room again (restart without the cap), the same push goes through.
    s.server.kill();
    assert_eq!(s.server.sql("PRAGMA integrity_check"), vec!["ok".to_owned()]);
    s.server.start();
    let (status, body) = push(&s.server, &token, &clock, &waiting);
    assert_eq!(status, 200, "{body}");
    assert_eq!(serde_json::from_value::<PushResponse>(body).unwrap().high, clock.counter);
    println!("store full after {batch} pushes of 20 long ops ({acked} acknowledged): 507, nothing lost");
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN).args(args).output().unwrap()
}

#[test]
fn a_backup_taken_while_devices_push_restores_and_devices_sync_from_it() {
    let mut s = setup();
    let token = s.server.login("mia@example.org", PASSWORD);
    let data = s.server.data();
    let backup = s.server.dir.path().join("backup.sqlite");

    // A device pushes steadily from another thread while the backup is taken.
    let port = s.server.port;
    let pusher_token = token.clone();
    let team = s.team1.clone();
    let pusher = std::thread::spawn(move || {
        let mut clock = device(1);
        let mut replica = Replica::default();
        let mut acked = Vec::new();
        for round in 0..40u64 {
            let ops = long_ops(&mut replica, &mut clock, &team, round * 5, 5);
            let body = json!({ "version": SYNC_VERSION, "device": clock.device, "ops": ops }).to_string();
            let (status, answer) =
                request_on(port, "POST", "/api/sync/push", Some(&pusher_token), Some(body.as_bytes())).unwrap();
            assert_eq!(status, 200, "{answer}");
            acked.push((std::time::Instant::now(), serde_json::from_value::<PushResponse>(answer).unwrap().high));
            std::thread::sleep(Duration::from_millis(5));
        }
        acked
    });
    std::thread::sleep(Duration::from_millis(60));
    let started = std::time::Instant::now();
    let output = run(&["backup", "--to", backup.to_str().unwrap(), "--data", data.to_str().unwrap()]);
    let finished = std::time::Instant::now();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(said.contains("backed up to") && said.contains("2 teams"), "{said}");
    let acked = pusher.join().unwrap();
    // The backup holds what was acknowledged before it started, and nothing not yet sent after it.
    let before = acked.iter().filter(|(at, _)| *at < started).map(|(_, h)| *h).max().unwrap_or(0);
    let after = acked.iter().filter(|(at, _)| *at <= finished).map(|(_, h)| *h).max().unwrap_or(0);
    assert!(after < 200, "the pushes were still going when the backup ended ({after} of 200)");

    // The same file again is refused; a restore under a running server is refused.
    let again = run(&["backup", "--to", backup.to_str().unwrap(), "--data", data.to_str().unwrap()]);
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("exists already"));
    let busy = run(&["restore", "--from", backup.to_str().unwrap(), "--data", data.to_str().unwrap()]);
    assert!(!busy.status.success());
    assert!(String::from_utf8_lossy(&busy.stderr).contains("stop it first"), "{:?}", busy);
    let old_store = pull(&s.server, &token, &device(50), &json!({})).store;

    // A damaged file is refused and the store left alone.
    s.server.kill();
    let junk = s.server.dir.path().join("junk.sqlite");
    std::fs::write(&junk, b"not a database at all").unwrap();
    let refused = run(&["restore", "--from", junk.to_str().unwrap(), "--data", data.to_str().unwrap()]);
    assert!(!refused.status.success(), "{refused:?}");
    let output = run(&["restore", "--from", backup.to_str().unwrap(), "--data", data.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("before-restore"));
    s.server.start();

    // A fresh device pulls the restored store: every acknowledged op up to the backup, whole.
    let view = pull(&s.server, &token, &device(51), &json!({}));
    assert_ne!(view.store, old_store, "the restored store says it is another store");
    let cycles = view.fields.iter().filter(|f| f.field == "observations").count() as u64;
    assert!(cycles >= before && cycles <= after, "{before} ≤ {cycles} ≤ {after}");
    assert_eq!(view.high, 0, "a new device");
    let pusher_view = pull(&s.server, &token, &device(1), &json!({}));
    assert_eq!(pusher_view.high, cycles, "the pushing device's high is the backup's");
    // And the restored server takes new pushes.
    let mut clock = device(52);
    let ops = cycle_ops(&mut Replica::default(), &mut clock, &s.team1, 7, "After the restore");
    assert_eq!(push(&s.server, &token, &clock, &ops).0, 200);
    println!("backup while pushing: {cycles} of {} changes in the copy ({before} acknowledged before it began)", 200);
}

/// Mounts a tmpfs of `mb` megabytes over `dir`, keeping what was in it; unmounted on drop.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    fn over(dir: &std::path::Path, mb: u32) -> SmallDisk {
        let saved = dir.with_extension("saved");
        std::fs::rename(dir, &saved).unwrap();
        std::fs::create_dir_all(dir).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mb}m"), "tmpfs"])
            .arg(dir)
            .status()
            .unwrap();
        assert!(status.success(), "mounting a tmpfs needs root (CI runs as root)");
        for entry in std::fs::read_dir(&saved).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
        }
        SmallDisk(dir.to_owned())
    }

    fn grow(&self, mb: u32) {
        let status = Command::new("mount").args(["-o", &format!("remount,size={mb}m")]).arg(&self.0).status().unwrap();
        assert!(status.success());
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_answers_507_and_the_store_comes_through_whole() {
    let mut s = setup();
    s.server.kill();
    let disk = SmallDisk::over(&s.server.data(), 3);
    s.server.start();
    let token = s.server.login("mia@example.org", PASSWORD);
    let mut clock = device(1);
    let Full { batch, acked, body, waiting } = push_until_full(&s, &token, &mut clock, 60);
    assert!(body["error"].as_str().unwrap().contains("storage is full"), "{body}");
    let view = pull(&s.server, &token, &clock, &json!({}));
    assert_eq!(view.high, acked, "the refused push left no trace");
    assert_eq!(view.fields.iter().filter(|f| f.field == "observations").count() as u64, acked);

    // Room again, without a restart: the same push goes through and the store is whole.
    disk.grow(64);
    let (status, body) = push(&s.server, &token, &clock, &waiting);
    assert_eq!(status, 200, "{body}");
    assert_eq!(serde_json::from_value::<PushResponse>(body).unwrap().high, clock.counter);
    s.server.kill();
    assert_eq!(s.server.sql("PRAGMA integrity_check"), vec!["ok".to_owned()]);
    println!("disk full after {batch} pushes ({acked} ops acknowledged): 507, then whole once there was room");
    drop(disk);
}
