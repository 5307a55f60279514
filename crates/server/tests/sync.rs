//! Sync against the real `ramp-server` binary and a real SQLite file: accounts and roles set up
//! with `ramp-server admin`, sign-in, push and pull, every refusal, and a server killed
//! (SIGKILL) in the middle of pushes losing nothing it acknowledged.

mod support;

use std::time::Duration;

use ramp_core::wire::{PullResponse, PushResponse, SYNC_VERSION};
use ramp_core::{team_scope, Edit, Kind, Op, Replica, Uuid7, Value};
use serde_json::json;
use support::*;

#[test]
fn two_devices_meet_through_the_server_and_retries_apply_once() {
    let s = setup();
    let token = s.server.login("MIA@example.org ", PASSWORD);
    let (mut phone, tablet) = (device(1), device(2));
    let mut phone_replica = Replica::default();

    // A fresh device receives the team's live state: its name, written by the admin.
    let first = pull(&s.server, &token, &tablet, &json!({}));
    let names: Vec<&Value> =
        first.fields.iter().filter(|f| f.kind == Kind::Team && f.field == "name").map(|f| f.state.value()).collect();
    assert_eq!(names, vec![&Value::Text("Ward 7".into())], "only team 1 is readable");
    assert_eq!(first.high, 0);

    let ops = cycle_ops(&mut phone_replica, &mut phone, &s.team1, 1, "Huddle");
    let (status, body) = push(&s.server, &token, &phone, &ops);
    assert_eq!(status, 200, "{body}");
    let ack: PushResponse = serde_json::from_value(body).unwrap();
    assert_eq!((ack.high, ack.refused.len()), (1, 0));

    // The ack was lost: the same push again changes nothing.
    let (_, body) = push(&s.server, &token, &phone, &ops);
    assert_eq!(serde_json::from_value::<PushResponse>(body).unwrap().high, 1);

    let cursors = serde_json::to_value(&first.cursors).unwrap();
    let page = pull(&s.server, &token, &tablet, &cursors);
    assert_eq!(page.fields.len(), 1, "one field changed once: {:?}", page.fields);
    assert_eq!(page.fields[0].state.value(), &Value::Text("Huddle".into()));
    assert_eq!(
        page.fields[0].state.siblings()[0].author.as_deref(),
        Some("Mia · member"),
        "the author is the session's name and role"
    );
    let again = pull(&s.server, &token, &tablet, &serde_json::to_value(&page.cursors).unwrap());
    assert!(again.fields.is_empty() && !again.more);

    // The phone learns its high from a pull too (for an ack it never got).
    let phone_view = pull(&s.server, &token, &phone, &json!({}));
    assert_eq!(phone_view.high, 1);
}

#[test]
fn bad_requests_are_refused_with_reasons_and_change_nothing() {
    let s = setup();
    let token = s.server.login("mia@example.org", PASSWORD);
    let mut clock = device(3);
    let mut replica = Replica::default();
    let ops = cycle_ops(&mut replica, &mut clock, &s.team1, 1, "Valid");
    let post = |body: &[u8]| s.server.try_request("POST", "/api/sync/push", Some(&token), Some(body)).unwrap();

    let (status, body) = post(b"{\"version\": 1, \"device\": ");
    assert_eq!(status, 400, "truncated JSON: {body}");
    assert!(body["error"].as_str().unwrap().contains("EOF"), "{body}");
    let (status, body) = post(&[0xff, 0xfe, 0x00]);
    assert_eq!(status, 400, "not UTF-8: {body}");
    let raw = json!({ "version": 1, "device": clock.device, "ops": [{ "kind": "spaceship" }] });
    let (status, body) = s.server.request("POST", "/api/sync/push", Some(&token), &raw);
    assert_eq!(status, 400, "{body}");
    let (status, body) = s.server.request(
        "POST",
        "/api/sync/push",
        Some(&token),
        &json!({ "version": 99, "device": clock.device, "ops": [] }),
    );
    assert_eq!((status, body["error"].as_str().unwrap().contains("version 99")), (400, true), "{body}");
    let (status, body) = s.server.request(
        "POST",
        "/api/sync/push",
        Some(&token),
        &json!({ "version": 1, "device": clock.device, "ops": [], "extra": 1 }),
    );
    assert_eq!(status, 400, "unknown fields: {body}");
    let too_many: Vec<Op> = (0..1_001)
        .flat_map(|i| cycle_ops(&mut replica, &mut clock, &s.team1, (i % 200) as u8, &format!("x{i}")))
        .collect();
    let (status, body) = push(&s.server, &token, &clock, &too_many);
    assert_eq!(status, 400, "{body}");
    let (status, _) = push(&s.server, "not-a-token", &clock, &ops);
    assert_eq!(status, 401);
    let (status, _) = s.server.request("POST", "/api/sync/push", None, &json!({}));
    assert_eq!(status, 401);
    let huge = vec![b' '; 5 * 1024 * 1024];
    let (status, _) = post(&huge);
    assert_eq!(status, 413);

    // Another team's scope and a coach's write are refused per op, and count as processed.
    let mut other_clock = device(4);
    let mut other = Replica::default();
    let foreign = cycle_ops(&mut other, &mut other_clock, &s.team2, 9, "Not my team");
    let (status, body) = push(&s.server, &token, &other_clock, &foreign);
    assert_eq!(status, 200, "{body}");
    let ack: PushResponse = serde_json::from_value(body).unwrap();
    assert_eq!((ack.high, ack.refused.len()), (1, 1));
    assert!(ack.refused[0].reason.contains("cannot change"), "{:?}", ack.refused);
    // A device that lost that answer learns of the refusal from a pull.
    let (_, body) = s.server.request(
        "POST",
        "/api/sync/pull",
        Some(&token),
        &json!({ "version": SYNC_VERSION, "device": other_clock.device, "known_high": 0 }),
    );
    let learned: PullResponse = serde_json::from_value(body).unwrap();
    assert_eq!((learned.high, learned.refused.len()), (1, 1));
    assert_eq!(learned.refused[0].dot, foreign[0].dot);
    let coach = s.server.login("cal@example.org", PASSWORD);
    let mut coach_clock = device(5);
    let coach_ops = cycle_ops(&mut Replica::default(), &mut coach_clock, &s.team1, 8, "Coach edit");
    let (_, body) = push(&s.server, &coach, &coach_clock, &coach_ops);
    assert_eq!(serde_json::from_value::<PushResponse>(body).unwrap().refused.len(), 1);
    // The coach still reads team 1; nobody sees the refused writes.
    let (_, me) = s.server.try_request("GET", "/api/me", Some(&coach), None).unwrap();
    assert_eq!(me["writable"], json!([]), "{me}");
    assert!(me["readable"].as_array().unwrap().contains(&json!(format!("team:{}", s.team1))), "{me}");
    let coach_view = pull(&s.server, &coach, &coach_clock, &json!({}));
    assert!(coach_view.fields.iter().all(|f| f.field == "name"), "{:?}", coach_view.fields);

    // The same dot with other content: two devices share an id.
    let (status, _) = push(
        &s.server,
        &token,
        &other_clock,
        &cycle_ops(&mut Replica::default(), &mut device(4), &s.team1, 7, "Clash"),
    );
    assert_eq!(status, 409);
    // A device of another account.
    let (status, _) = push(&s.server, &coach, &other_clock, &[]);
    assert_eq!(status, 409);

    // Wrong passwords: refused, then rate-limited.
    for _ in 0..5 {
        let (status, _) = s.server.request(
            "POST",
            "/api/auth/login",
            None,
            &json!({ "email": "fay@example.org", "password": "wrong" }),
        );
        assert_eq!(status, 401);
    }
    let (status, body) =
        s.server.request("POST", "/api/auth/login", None, &json!({ "email": "fay@example.org", "password": PASSWORD }));
    assert_eq!(status, 429, "{body}");

    // Signing out revokes the token.
    let (status, _) = s.server.request("POST", "/api/auth/logout", Some(&token), &json!({}));
    assert_eq!(status, 204);
    let (status, _) = push(&s.server, &token, &clock, &ops);
    assert_eq!(status, 401);
}

#[test]
fn a_server_killed_mid_push_keeps_everything_it_acknowledged() {
    let mut s = setup();
    let token = s.server.login("mia@example.org", PASSWORD);
    let mut clock = device(6);
    let mut replica = Replica::default();
    let mut outbox: Vec<Op> = Vec::new();
    let mut acked = 0u64;
    let mut kills = 0;
    for round in 0..12u8 {
        for i in 0..25u8 {
            outbox.extend(cycle_ops(&mut replica, &mut clock, &s.team1, i, &format!("round {round} cycle {i}")));
        }
        // Push from another thread while the server is killed after a short, varying delay.
        let body = json!({ "version": SYNC_VERSION, "device": clock.device, "ops": outbox }).to_string();
        let port = s.server.port;
        let token_for_thread = token.clone();
        let pusher = std::thread::spawn(move || {
            request_on(port, "POST", "/api/sync/push", Some(&token_for_thread), Some(body.as_bytes()))
        });
        std::thread::sleep(Duration::from_millis(u64::from(round % 4) * 3));
        if round % 3 != 2 {
            s.server.kill();
            kills += 1;
            s.server.start();
        }
        if let Ok(Ok((200, body))) = pusher.join() {
            let ack: PushResponse = serde_json::from_value(body).unwrap();
            acked = ack.high;
        }
        // What was acked must be there after the restart, and applied once.
        let view = pull(&s.server, &token, &clock, &json!({}));
        assert!(view.high >= acked, "server forgot acked ops: high {} < acked {acked}", view.high);
        acked = view.high;
        outbox.retain(|op| op.dot.counter > acked);
    }
    // Retry what is left: everything lands, each field holds exactly its latest write.
    let (status, body) = push(&s.server, &token, &clock, &outbox);
    assert_eq!(status, 200, "{body}");
    assert_eq!(serde_json::from_value::<PushResponse>(body).unwrap().high, clock.counter);
    let view = pull(&s.server, &token, &clock, &json!({}));
    let titles: Vec<_> = view.fields.iter().filter(|f| f.field == "title").collect();
    assert_eq!(titles.len(), 25);
    for field in titles {
        assert_eq!(field.state.siblings().len(), 1, "no duplicate or lost sibling: {:?}", field.state);
        assert!(field.state.value().as_text().starts_with("round 11 "), "{:?}", field.state.value());
    }
    assert!(kills >= 8, "the server was killed {kills} times");
}

#[test]
fn an_invite_code_makes_an_account_in_its_team_and_role() {
    let s = setup();
    let code = s.server.admin(&["invite", "--team", s.team1.as_str(), "--role", "member", "--uses", "2"]);
    let coach_code = s.server.admin(&["invite", "--team", s.team2.as_str(), "--role", "coach"]);
    let signup = |code: &str, email: &str| {
        s.server.request(
            "POST",
            "/api/auth/signup",
            None,
            &json!({ "code": code, "email": email, "name": "Nia", "password": PASSWORD }),
        )
    };
    // Typed loosely (lowercase, spaces) it still works.
    let (status, body) = signup(&code.to_lowercase().replace('-', " "), "nia@example.org");
    assert_eq!(status, 200, "{body}");
    let token = body["token"].as_str().unwrap().to_owned();
    let view = pull(&s.server, &token, &device(9), &json!({}));
    let names: Vec<&Value> =
        view.fields.iter().filter(|f| f.kind == Kind::Team && f.field == "name").map(|f| f.state.value()).collect();
    assert_eq!(names, vec![&Value::Text("Ward 7".into())]);
    let mut clock = device(9);
    let ops = cycle_ops(&mut Replica::default(), &mut clock, &s.team1, 1, "Mine");
    let (_, body) = push(&s.server, &token, &clock, &ops);
    assert!(serde_json::from_value::<PushResponse>(body).unwrap().refused.is_empty(), "members write");

    let (status, _) = signup(&code, "nia@example.org");
    assert_eq!(status, 409, "the email is taken");
    let (status, body) = signup(&code, "noa@example.org");
    assert_eq!(status, 200, "the taken email did not use up the invite's second use: {body}");
    let (status, body) = signup(&code, "nell@example.org");
    assert_eq!(status, 400, "two uses, both taken: {body}");
    assert_eq!(body["reason"], "bad_invite");
    let (status, body) = signup("ZZZZZ-ZZZZZ", "other@example.org");
    assert_eq!(status, 400, "{body}");
    assert!(body["error"].as_str().unwrap().contains("not valid"));
    let (status, body) = s.server.request(
        "POST",
        "/api/auth/signup",
        None,
        &json!({ "code": coach_code, "email": "short@example.org", "name": "S", "password": "short" }),
    );
    assert_eq!(status, 400, "{body}");
    let (status, body) = signup(&coach_code, "cora@example.org");
    assert_eq!(status, 200, "{body}");
    let coach = body["token"].as_str().unwrap().to_owned();
    let mut coach_clock = device(10);
    let ops = cycle_ops(&mut Replica::default(), &mut coach_clock, &s.team2, 2, "Coach");
    let (_, body) = push(&s.server, &coach, &coach_clock, &ops);
    assert_eq!(
        serde_json::from_value::<PushResponse>(body).unwrap().refused.len(),
        1,
        "coaches do not write worksheets"
    );
}

#[test]
fn worksheet_records_are_checked_field_by_field_against_the_schema() {
    let s = setup();
    let token = s.server.login("mia@example.org", PASSWORD);
    let mut clock = device(7);
    let mut replica = Replica::default();
    let scope = team_scope(&s.team1);
    let measure = Uuid7::from_parts(1_700_000_000_500, [5; 10]);
    let edit = |record: &Uuid7, kind: Kind, field: &str, value: Value| Edit {
        record: record.clone(),
        kind,
        scope: scope.clone(),
        field: field.into(),
        value,
    };
    let march = ramp_core::period::Period::parse("2026-03").unwrap();
    let point = ramp_core::measure::point_id(&s.team1, &measure, march);
    let good = vec![
        edit(&ramp_core::aim::id(&s.team1), Kind::Aim, "how_much", Value::Number(50.0)),
        edit(&measure, Kind::Measure, "name", Value::Text("Falls".into())),
        // A new data point carries its key: its id is checked against measure and period.
        edit(&point, Kind::Datapoint, "measure", Value::Text(measure.to_string())),
        edit(&point, Kind::Datapoint, "period", Value::Text("2026-03".into())),
        edit(&point, Kind::Datapoint, "numerator", Value::Number(4.0)),
    ];
    let ops = replica.edit(&mut clock, good, 1_700_000_000_000, None);
    let (status, body) = push(&s.server, &token, &clock, &ops);
    assert_eq!(status, 200, "{body}");
    assert!(serde_json::from_value::<PushResponse>(body).unwrap().refused.is_empty());

    // An aim under another id, a negative count, text for a number, a period that is not one,
    // a link that is not an id: each refused with the schema's reason.
    let stray_aim = Uuid7::from_parts(1_700_000_000_600, [6; 10]);
    let bad = vec![
        edit(&stray_aim, Kind::Aim, "what", Value::Text("a second aim".into())),
        edit(&point, Kind::Datapoint, "denominator", Value::Number(-1.0)),
        edit(&measure, Kind::Measure, "goal", Value::Text("lots".into())),
        edit(&point, Kind::Datapoint, "period", Value::Text("2026-03-03".into())),
        edit(&point, Kind::Datapoint, "measure", Value::Text("falls".into())),
    ];
    let ops = replica.edit(&mut clock, bad, 1_700_000_000_001, None);
    let (status, body) = push(&s.server, &token, &clock, &ops);
    assert_eq!(status, 200, "{body}");
    let reasons: Vec<String> =
        serde_json::from_value::<PushResponse>(body).unwrap().refused.into_iter().map(|r| r.reason).collect();
    assert_eq!(reasons.len(), 5, "{reasons:?}");
    for (reason, expected) in
        reasons.iter().zip(["does not belong", "negative", "not a number", "not a month", "not point"])
    {
        assert!(reason.contains(expected), "{reason} should say {expected}");
    }
}

#[test]
fn a_session_used_again_slides_its_expiry_at_most_once_a_day() {
    let s = setup();
    let token = s.server.login("mia@example.org", PASSWORD);
    let hash = ramp_server::auth::token_hash(&token);
    let expiry = || {
        s.server.sql(&format!("SELECT CAST(expires_at AS TEXT) FROM sessions WHERE token_hash = '{hash}'"))[0]
            .parse::<i64>()
            .unwrap()
    };
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let day = 86_400_000;
    // Ten days left: the next request gives it the full 90 again.
    s.server.sql(&format!(
        "UPDATE sessions SET expires_at = {} WHERE token_hash = '{hash}' RETURNING 'ok'",
        now + 10 * day
    ));
    assert_eq!(pull(&s.server, &token, &device(1), &json!({})).high, 0);
    assert!(expiry() > now + 89 * day, "slid forward");
    // Used again within the day: left as it is (no write on every request).
    let set = now + 89 * day + day / 2;
    s.server.sql(&format!("UPDATE sessions SET expires_at = {set} WHERE token_hash = '{hash}' RETURNING 'ok'"));
    pull(&s.server, &token, &device(1), &json!({}));
    assert_eq!(expiry(), set);
}
