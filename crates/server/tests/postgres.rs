//! What is PostgreSQL's own (issue 19); the other server tests run on it as on SQLite.
//!
//! - Several `ramp-server` instances on one store give devices what one gives: phones push
//!   through instance A while tablets pull through instance B, and every tablet ends up
//!   holding every change A accepted. A pull that skipped a change that committed after a
//!   higher sequence number was visible would leave a tablet without it for good, since its
//!   cursor has moved past. Meanwhile an invite made through A is taken through B, and a
//!   session begun on A works on B.
//! - A store backed up with `pg_dump` and put back with `pg_restore` and `ramp-server admin
//!   new-store-id` says it is another store, holds what the copy held, and takes pushes.
//!
//! Needs `RAMP_TEST_POSTGRES` (`cargo xtask test` starts a PostgreSQL and runs these with it),
//! and for the backup PostgreSQL's programs' folder in `RAMP_TEST_POSTGRES_BIN`.

mod support;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use ramp_core::wire::PushResponse;
use ramp_core::{team_scope, Edit, Kind, Replica, Uuid7, Value};
use serde_json::json;
use support::*;

/// Phones pushing, each in this many pushes of this many new cycles.
const PHONES: u8 = 8;
const PUSHES: u64 = 30;
const PER_PUSH: u64 = 5;
/// Tablets pulling meanwhile.
const TABLETS: u8 = 4;

/// What a tablet holds: each cycle's title, by record.
type Held = BTreeMap<String, Value>;

/// Pulls until nothing more waits; the titles it received go into `held`.
fn pull_all(
    server: &Server,
    token: &str,
    tablet: &ramp_core::DeviceClock,
    cursors: &mut serde_json::Value,
    held: &mut Held,
) {
    loop {
        let page = pull(server, token, tablet, cursors);
        for field in page.fields.iter().filter(|f| f.kind == Kind::Cycle && f.field == "title") {
            held.insert(field.record.to_string(), field.state.value().clone());
        }
        *cursors = serde_json::to_value(&page.cursors).unwrap();
        if !page.more {
            return;
        }
    }
}

#[test]
#[ignore = "needs PostgreSQL: `cargo xtask test` runs it with RAMP_TEST_POSTGRES"]
fn devices_pulling_through_one_instance_get_every_change_pushed_through_another() {
    assert!(postgres().is_some(), "set RAMP_TEST_POSTGRES to a PostgreSQL server (cargo xtask test does)");
    let s = setup();
    let mut b = s.server.beside();
    b.start();
    let a = Arc::new(s.server);
    let b = Arc::new(b);
    let team = s.team1;
    let pushing = Arc::new(AtomicBool::new(true));

    let tablets: Vec<_> = (0..TABLETS)
        .map(|n| {
            let (b, pushing) = (b.clone(), pushing.clone());
            std::thread::spawn(move || {
                let token = b.login("cal@example.org", PASSWORD);
                let tablet = device(100 + n);
                let (mut cursors, mut held) = (json!({}), Held::new());
                let mut pulls = 0;
                // Pull again and again while the phones push: each page is a snapshot in the
                // middle of other instances' commits.
                while pushing.load(Ordering::Relaxed) {
                    pull_all(&b, &token, &tablet, &mut cursors, &mut held);
                    pulls += 1;
                }
                pull_all(&b, &token, &tablet, &mut cursors, &mut held);
                (held, pulls)
            })
        })
        .collect();

    let phones: Vec<_> = (0..PHONES)
        .map(|n| {
            let (a, scope) = (a.clone(), team_scope(&team));
            std::thread::spawn(move || {
                let token = a.login("mia@example.org", PASSWORD);
                let mut clock = device(n + 1);
                let mut replica = Replica::default();
                let mut written = Held::new();
                for push_n in 0..PUSHES {
                    let edits: Vec<Edit> = (0..PER_PUSH)
                        .map(|k| {
                            let record = Uuid7::from_parts(1_700_000_000_000 + push_n * PER_PUSH + k, [n + 1; 10]);
                            let title = Value::Text(format!("phone {n} cycle {}", push_n * PER_PUSH + k));
                            written.insert(record.to_string(), title.clone());
                            Edit {
                                record,
                                kind: Kind::Cycle,
                                scope: scope.clone(),
                                field: "title".into(),
                                value: title,
                            }
                        })
                        .collect();
                    let ops = replica.edit(&mut clock, edits, 1_700_000_000_000, None);
                    let (status, body) = push(&a, &token, &clock, &ops);
                    assert_eq!(status, 200, "{body}");
                    let ack: PushResponse = serde_json::from_value(body).unwrap();
                    assert!(ack.refused.is_empty(), "{:?}", ack.refused);
                }
                written
            })
        })
        .collect();

    // Meanwhile, an invite made through A is taken through B (the servers share the secret),
    // and a session begun on A works on B.
    let fay = a.login("fay@example.org", PASSWORD);
    let (status, made) =
        a.request("POST", "/api/invites", Some(&fay), &json!({ "team": team.to_string(), "role": "member" }));
    assert_eq!(status, 201, "{made}");
    let signup = json!({ "code": made["code"], "email": "ana@example.org", "name": "Ana", "password": PASSWORD });
    let (status, joined) = b.request("POST", "/api/auth/signup", None, &signup);
    assert_eq!(status, 200, "{joined}");
    assert_eq!(b.request("GET", "/api/me", Some(&fay), &json!(null)).0, 200);

    let mut accepted = Held::new();
    for phone in phones {
        accepted.extend(phone.join().unwrap());
    }
    pushing.store(false, Ordering::Relaxed);
    assert_eq!(accepted.len(), (PHONES as u64 * PUSHES * PER_PUSH) as usize);
    for (n, tablet) in tablets.into_iter().enumerate() {
        let (held, pulls) = tablet.join().unwrap();
        assert!(pulls > 1, "tablet {n} pulled only {pulls} times while the phones pushed");
        let missing: Vec<_> = accepted.keys().filter(|record| !held.contains_key(*record)).collect();
        assert!(missing.is_empty(), "tablet {n} never received {} accepted changes: {missing:?}", missing.len());
        assert_eq!(held, accepted, "tablet {n} holds what the phones wrote");
    }
}

#[test]
#[ignore = "needs PostgreSQL: `cargo xtask test` runs it with RAMP_TEST_POSTGRES"]
fn a_store_put_back_by_pg_restore_says_it_is_another_and_holds_the_copy() {
    let base = postgres().expect("set RAMP_TEST_POSTGRES to a PostgreSQL server (cargo xtask test does)");
    let bin = std::path::PathBuf::from(std::env::var("RAMP_TEST_POSTGRES_BIN").expect("RAMP_TEST_POSTGRES_BIN"));
    let mut s = setup();
    let token = s.server.login("mia@example.org", PASSWORD);
    let (mut phone, mut replica) = (device(1), Replica::default());
    for n in 0..3 {
        let ops = cycle_ops(&mut replica, &mut phone, &s.team1, n, "Before the copy");
        assert_eq!(push(&s.server, &token, &phone, &ops).0, 200);
    }
    let old_store = pull(&s.server, &token, &device(50), &json!({})).store;

    // ramp-server's own backup names PostgreSQL's tools instead of copying a file.
    let said = s.server.admin_output(&["new-store-id"]);
    assert!(said.status.success());
    let renewed = pull(&s.server, &token, &device(50), &json!({})).store;
    assert_ne!(renewed, old_store, "new-store-id changes the identity devices see");
    let backup = std::process::Command::new(BIN)
        .args(["backup", "--to", "copy.sqlite", "--database", s.server.database.as_deref().unwrap()])
        .output()
        .unwrap();
    assert!(!backup.status.success());
    assert!(String::from_utf8_lossy(&backup.stderr).contains("pg_dump"), "{backup:?}");

    let copy = s.server.dir.path().join("ramp.dump");
    let dump = std::process::Command::new(bin.join("pg_dump"))
        .args(["--format=custom", "--file"])
        .arg(&copy)
        .arg(s.server.database.as_deref().unwrap())
        .output()
        .unwrap();
    assert!(dump.status.success(), "{}", String::from_utf8_lossy(&dump.stderr));
    let ops = cycle_ops(&mut replica, &mut phone, &s.team1, 9, "After the copy");
    assert_eq!(push(&s.server, &token, &phone, &ops).0, 200);

    // Put back into a new database; the server moves to it.
    s.server.kill();
    let restored = new_database(&base);
    let put_back = std::process::Command::new(bin.join("pg_restore"))
        .args(["--no-owner", "--dbname", &restored])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(put_back.status.success(), "{}", String::from_utf8_lossy(&put_back.stderr));
    s.server.database = Some(restored);
    s.server.admin(&["new-store-id"]);
    s.server.start();

    let view = pull(&s.server, &token, &device(51), &json!({}));
    assert_ne!(view.store, renewed, "the restored store says it is another store");
    let titles: Vec<&Value> =
        view.fields.iter().filter(|f| f.kind == Kind::Cycle && f.field == "title").map(|f| f.state.value()).collect();
    assert_eq!(titles, vec![&Value::Text("Before the copy".into()); 3], "what the copy held, nothing after");
    assert_eq!(pull(&s.server, &token, &phone, &json!({})).high, 3, "the phone's high is the copy's");
    // The phone sends again what the copy lacks, and the restored store takes it.
    let (status, body) = push(&s.server, &token, &phone, &ops);
    assert_eq!(status, 200, "{body}");
    assert_eq!(serde_json::from_value::<PushResponse>(body).unwrap().high, 4);
}
