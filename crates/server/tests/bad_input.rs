//! The bad-input catalogue: every kind of bad request, sent to the real `ramp-server` with a
//! real SQLite file, each checked for its answer (status and reason) and for what it left
//! stored. A request refused as a whole leaves every table as it was; an op refused on its own
//! is recorded as processed (deduplication, the audit log) and changes no worksheet.
//!
//! The table is the test: add a row for every new way in.

mod support;

use ramp_core::wire::{PushResponse, MAX_NUMBER, SYNC_VERSION};
use ramp_core::{team_scope, DeviceClock, Edit, Kind, Op, Replica, Uuid7, Value};
use serde_json::{json, Value as Json};
use support::*;

/// Who sends a request.
#[derive(Clone, Copy, Debug)]
enum Who {
    Nobody,
    /// Mia, a member of team 1.
    Member,
    /// Cal, coach of team 1.
    Coach,
    /// Fay, faculty of the collaborative.
    Faculty,
    /// 64 hex characters that were never issued.
    Forged,
    /// The stored hash of Mia's token, sent as if it were a token.
    StoredHash,
    /// A session whose expiry has passed.
    Expired,
    /// A session ended by `ramp-server admin revoke-sessions`.
    Revoked,
}

/// What must be true of the store afterwards.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stored {
    /// Every table as it was.
    Unchanged,
    /// The worksheets as they were (the refused ops are recorded as processed).
    DataUnchanged,
}

struct Case {
    name: &'static str,
    who: Who,
    method: &'static str,
    path: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    status: u16,
    /// Words the answer must contain (the reason, or a refusal's reason).
    says: &'static str,
    stored: Stored,
}

fn case(
    name: &'static str,
    who: Who,
    path: &'static str,
    body: impl Into<Vec<u8>>,
    status: u16,
    says: &'static str,
) -> Case {
    Case {
        name,
        who,
        method: "POST",
        path,
        content_type: "application/json",
        body: body.into(),
        status,
        says,
        stored: Stored::Unchanged,
    }
}

fn clock(n: u8) -> DeviceClock {
    device(n)
}

/// A push body from a device, with its ops as JSON (so a case can break them).
fn push_body(clock: &DeviceClock, ops: &[Op]) -> Json {
    json!({ "version": SYNC_VERSION, "device": clock.device, "ops": ops })
}

fn edit(record: &Uuid7, kind: Kind, team: &Uuid7, field: &str, value: Value) -> Edit {
    Edit { record: record.clone(), kind, scope: team_scope(team), field: field.into(), value }
}

fn ops_of(clock: &mut DeviceClock, edits: Vec<Edit>) -> Vec<Op> {
    Replica::default().edit(clock, edits, 1_700_000_000_000, Some("someone"))
}

#[test]
fn every_bad_request_is_answered_with_its_reason_and_changes_nothing() {
    let s = setup();
    let mia = s.server.login("mia@example.org", PASSWORD);
    let cal = s.server.login("cal@example.org", PASSWORD);
    let fay = s.server.login("fay@example.org", PASSWORD);
    let expired = s.server.login("fay@example.org", PASSWORD);
    s.server.sql(&format!(
        "UPDATE sessions SET expires_at = 1 WHERE token_hash = '{}' RETURNING user_id",
        ramp_server::auth::token_hash(&expired)
    ));
    s.server.admin(&["create-user", "--email", "rex@example.org", "--name", "Rex", "--password", PASSWORD]);
    s.server.admin(&["add-member", "--team", s.team1.as_str(), "--email", "rex@example.org", "--role", "member"]);
    let revoked = s.server.login("rex@example.org", PASSWORD);
    assert_eq!(s.server.admin(&["revoke-sessions", "--email", "rex@example.org"]), "ended 1 sessions");

    // Some real data first, so "unchanged" means something: a cycle, pushed by Mia's phone.
    let mut phone = clock(1);
    let cycle = Uuid7::from_parts(1_700_000_000_001, [1; 10]);
    let first = ops_of(&mut phone, vec![edit(&cycle, Kind::Cycle, &s.team1, "title", Value::Text("Huddles".into()))]);
    let later =
        ops_of(&mut phone, vec![edit(&cycle, Kind::Cycle, &s.team1, "objective", Value::Text("Try it".into()))]);
    let (status, body) = push(&s.server, &mia, &phone, &[first.clone(), later.clone()].concat());
    assert_eq!(status, 200, "{body}");

    let mut tablet = clock(2);
    let good = ops_of(&mut tablet, vec![edit(&cycle, Kind::Cycle, &s.team1, "title", Value::Text("Tablet".into()))]);
    let good_json = serde_json::to_value(&good).unwrap();
    let with_op = |change: &dyn Fn(&mut Json)| {
        let mut ops = good_json.clone();
        change(&mut ops[0]);
        json!({ "version": SYNC_VERSION, "device": tablet.device, "ops": ops }).to_string()
    };
    let deep = format!("{}1{}", "[".repeat(5_000), "]".repeat(5_000));
    let deep_value =
        with_op(&|op| op["value"] = serde_json::from_str::<Json>("[[[[1]]]]").unwrap()).replace("[[[[1]]]]", &deep);

    let push_path = "/api/sync/push";
    let pull_path = "/api/sync/pull";
    let pull_body = |extra: Json| {
        let mut body = json!({ "version": SYNC_VERSION, "device": tablet.device });
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        body.to_string()
    };

    let mut cases = vec![
        // Bodies that are not JSON, or not the JSON asked for.
        case("truncated body", Who::Member, push_path, &br#"{"version": 1, "device": "#[..], 400, "EOF"),
        case("not UTF-8", Who::Member, push_path, vec![0xff, 0xfe, 0x00, 0x80], 400, "Failed to parse"),
        case("empty body", Who::Member, push_path, Vec::new(), 400, "EOF"),
        case("huge body", Who::Member, push_path, vec![b' '; 5 * 1024 * 1024], 413, "too large"),
        case("deep JSON", Who::Member, push_path, deep_value, 400, "recursion limit"),
        case("a number where an object goes", Who::Member, push_path, "42", 400, "invalid type"),
        case(
            "version as text",
            Who::Member,
            push_path,
            with_op(&|_| ()).replace("\"version\":1", "\"version\":\"1\""),
            400,
            "invalid type",
        ),
        case(
            "another protocol version",
            Who::Member,
            push_path,
            with_op(&|_| ()).replace("\"version\":1", "\"version\":99"),
            400,
            "version 99",
        ),
        case(
            "unknown key in the push",
            Who::Member,
            push_path,
            with_op(&|_| ()).replace("\"ops\"", "\"extra\":1,\"ops\""),
            400,
            "unknown field",
        ),
        case(
            "unknown key in an op",
            Who::Member,
            push_path,
            with_op(&|op| op["colour"] = json!("red")),
            400,
            "unknown field",
        ),
        case(
            "unknown kind",
            Who::Member,
            push_path,
            with_op(&|op| op["kind"] = json!("spaceship")),
            400,
            "unknown variant",
        ),
        case(
            "record id not an id",
            Who::Member,
            push_path,
            with_op(&|op| op["record"] = json!("../../etc/passwd")),
            400,
            "id",
        ),
        case(
            "negative counter",
            Who::Member,
            push_path,
            with_op(&|op| op["dot"]["counter"] = json!(-1)),
            400,
            "invalid value",
        ),
        case(
            "enormous counter",
            Who::Member,
            push_path,
            with_op(&|op| op["dot"]["counter"] = json!(1e30)),
            400,
            "invalid type",
        ),
        case(
            "counter past 2^53",
            Who::Member,
            push_path,
            with_op(&|op| op["dot"]["counter"] = json!(MAX_NUMBER + 1)),
            400,
            "above",
        ),
        case(
            "clock reading past 2^53",
            Who::Member,
            push_path,
            with_op(&|op| op["hlc"]["wall_ms"] = json!(u64::MAX)),
            400,
            "above",
        ),
        case("counter zero", Who::Member, push_path, with_op(&|op| op["dot"]["counter"] = json!(0)), 400, "start at 1"),
        case(
            "an op of another device",
            Who::Member,
            push_path,
            with_op(&|op| op["dot"]["device"] = json!(phone.device)),
            400,
            "pushing device",
        ),
        case("wrong content type", Who::Member, push_path, with_op(&|_| ()), 415, "Content-Type"),
        case(
            "pull cursor past 2^53",
            Who::Member,
            pull_path,
            pull_body(json!({ "cursors": { "team:x": u64::MAX } })),
            400,
            "above",
        ),
        case(
            "pull with a negative cursor",
            Who::Member,
            pull_path,
            pull_body(json!({ "cursors": { "team:x": -5 } })),
            400,
            "invalid value",
        ),
        case(
            "pull known_high past 2^53",
            Who::Member,
            pull_path,
            pull_body(json!({ "known_high": MAX_NUMBER + 1 })),
            400,
            "above",
        ),
        case("pull with unknown key", Who::Member, pull_path, pull_body(json!({ "since": 0 })), 400, "unknown field"),
        // Who is asking.
        case("no token", Who::Nobody, push_path, with_op(&|_| ()), 401, "sign in again"),
        case("forged token", Who::Forged, push_path, with_op(&|_| ()), 401, "sign in again"),
        case("the stored hash as a token", Who::StoredHash, push_path, with_op(&|_| ()), 401, "sign in again"),
        case("expired session", Who::Expired, pull_path, pull_body(json!({})), 401, "sign in again"),
        case("revoked session", Who::Revoked, push_path, with_op(&|_| ()), 401, "sign in again"),
        case("no token for /api/me", Who::Nobody, "/api/me", "", 401, "sign in again"),
        case("unknown endpoint", Who::Member, "/api/sync/everything", "{}", 404, "no API endpoint"),
        // Replays and reordering.
        case(
            "the same push again",
            Who::Member,
            push_path,
            push_body(&phone, &[first.clone(), later.clone()].concat()).to_string(),
            200,
            "\"high\":2",
        ),
        case(
            "an old op after newer ones",
            Who::Member,
            push_path,
            push_body(&phone, &first).to_string(),
            200,
            "\"high\":2",
        ),
        case(
            "ops out of order",
            Who::Member,
            push_path,
            push_body(&phone, &[later.clone(), first.clone()].concat()).to_string(),
            400,
            "strictly increase",
        ),
        case(
            "the same counter twice in one push",
            Who::Member,
            push_path,
            {
                let mut twice = serde_json::to_value([&later[0], &later[0]]).unwrap();
                twice[1]["value"] = json!("other");
                json!({ "version": SYNC_VERSION, "device": phone.device, "ops": twice }).to_string()
            },
            400,
            "strictly increase",
        ),
        case(
            "a known dot with other content",
            Who::Member,
            push_path,
            {
                let mut clash = serde_json::to_value(&first).unwrap();
                clash[0]["value"] = json!("Something else");
                json!({ "version": SYNC_VERSION, "device": phone.device, "ops": clash }).to_string()
            },
            409,
            "another device",
        ),
        case(
            "Mia's device used by the coach",
            Who::Coach,
            push_path,
            push_body(&phone, &[]).to_string(),
            409,
            "another device",
        ),
        // Sign-in and invites.
        case(
            "sign-in with a missing field",
            Who::Nobody,
            "/api/auth/login",
            r#"{"email":"mia@example.org"}"#,
            400,
            "missing field",
        ),
        case(
            "sign-in with a wrong password",
            Who::Nobody,
            "/api/auth/login",
            r#"{"email":"mia@example.org","password":"wrong one"}"#,
            401,
            "not right",
        ),
        case(
            "sign-in of nobody",
            Who::Nobody,
            "/api/auth/login",
            r#"{"email":"ghost@example.org","password":"whatever it is"}"#,
            401,
            "not right",
        ),
        case(
            "sign-up with a made-up code",
            Who::Nobody,
            "/api/auth/signup",
            r#"{"code":"ZZZZZ-ZZZZZ","email":"x@example.org","name":"X","password":"long enough password"}"#,
            400,
            "not valid",
        ),
        case(
            "sign-up with a short password",
            Who::Nobody,
            "/api/auth/signup",
            r#"{"code":"ZZZZZ-ZZZZZ","email":"x@example.org","name":"X","password":"short"}"#,
            400,
            "at least 10",
        ),
        case(
            "sign-up without a name",
            Who::Nobody,
            "/api/auth/signup",
            r#"{"code":"ZZZZZ-ZZZZZ","email":"x@example.org","name":"  ","password":"long enough password"}"#,
            400,
            "your name",
        ),
    ];
    for c in &mut cases {
        if c.name == "wrong content type" {
            c.content_type = "text/plain";
        }
        if c.name == "no token for /api/me" {
            c.method = "GET";
        }
    }

    // Ops refused one by one: the push is answered 200 and each refusal named.
    let stranger = Uuid7::from_parts(1_700_000_000_009, [9; 10]);
    let per_op: Vec<(&str, Who, Edit, &str)> = vec![
        (
            "another team's scope",
            Who::Member,
            edit(&stranger, Kind::Cycle, &s.team2, "title", Value::Text("x".into())),
            "cannot change",
        ),
        (
            "a coach writing a worksheet",
            Who::Coach,
            edit(&stranger, Kind::Cycle, &s.team1, "title", Value::Text("x".into())),
            "cannot change",
        ),
        (
            "a member removing the team",
            Who::Member,
            edit(&s.team1, Kind::Team, &s.team1, "deleted", Value::Bool(true)),
            "Only the collaborative's faculty",
        ),
        (
            "an unknown field",
            Who::Member,
            edit(&stranger, Kind::Cycle, &s.team1, "colour", Value::Text("red".into())),
            "no such field",
        ),
        (
            "a value too long",
            Who::Member,
            edit(&stranger, Kind::Cycle, &s.team1, "title", Value::Text("x".repeat(10_000))),
            "too long",
        ),
        (
            "a number for a date",
            Who::Member,
            edit(&stranger, Kind::Cycle, &s.team1, "start", Value::Number(3.0)),
            "wrong type",
        ),
        (
            "a cycle moved to another kind",
            Who::Member,
            edit(&cycle, Kind::Measure, &s.team1, "name", Value::Text("x".into())),
            "does not belong",
        ),
        (
            "a second aim",
            Who::Member,
            edit(&stranger, Kind::Aim, &s.team1, "what", Value::Text("x".into())),
            "does not belong",
        ),
        (
            "a team record under another id",
            Who::Member,
            edit(&stranger, Kind::Team, &s.team1, "name", Value::Text("x".into())),
            "does not belong",
        ),
    ];
    for (n, (name, who, edit, says)) in (10u8..).zip(per_op) {
        let mut device_clock = clock(n);
        let ops = ops_of(&mut device_clock, vec![edit]);
        let mut c = case(name, who, push_path, push_body(&device_clock, &ops).to_string(), 200, says);
        c.stored = Stored::DataUnchanged;
        cases.push(c);
    }
    // Faculty-only and role-bound reads.
    let audit_path: &'static str = Box::leak(format!("/api/audit?scope={}", team_scope(&s.team1)).into_boxed_str());
    for (name, who, status, says) in [
        ("the audit log read by a member", Who::Member, 403, "only the collaborative's faculty"),
        ("the audit log read by a coach", Who::Coach, 403, "only the collaborative's faculty"),
    ] {
        let mut c = case(name, who, audit_path, "", status, says);
        c.method = "GET";
        cases.push(c);
    }
    let mut c = case("the audit log without a scope", Who::Faculty, "/api/audit", "", 400, "scope");
    c.method = "GET";
    cases.push(c);

    let mut tried = 0;
    for c in &cases {
        let token = match c.who {
            Who::Nobody => None,
            Who::Member => Some(mia.clone()),
            Who::Coach => Some(cal.clone()),
            Who::Faculty => Some(fay.clone()),
            Who::Forged => Some("ab".repeat(32)),
            Who::StoredHash => Some(ramp_server::auth::token_hash(&mia)),
            Who::Expired => Some(expired.clone()),
            Who::Revoked => Some(revoked.clone()),
        };
        let (before_all, before_data) = (s.server.digest(), s.server.data_digest());
        let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
        let head = format!("{} {} HTTP/1.1\r\n{auth}Content-Type: {}\r\n", c.method, c.path, c.content_type);
        let (status, answer) = raw_request(s.server.port, &head, &c.body).unwrap();
        assert_eq!(status, c.status, "{}: answered {answer}", c.name);
        assert!(answer.contains(c.says), "{}: the answer should say “{}”: {answer}", c.name, c.says);
        if status >= 400 {
            assert!(answer.starts_with("{\"error\":"), "{}: a JSON reason: {answer}", c.name);
        }
        if c.status == 200 && c.stored == Stored::DataUnchanged {
            let refused = serde_json::from_str::<PushResponse>(&answer).unwrap().refused;
            assert_eq!(refused.len(), 1, "{}: {answer}", c.name);
        }
        match c.stored {
            Stored::Unchanged => assert!(s.server.digest() == before_all, "{}: the store changed", c.name),
            Stored::DataUnchanged => assert!(s.server.data_digest() == before_data, "{}: a worksheet changed", c.name),
        }
        tried += 1;
    }

    // After all that, the data is exactly what the one good push made, and still usable.
    let view = pull(&s.server, &mia, &clock(99), &json!({}));
    let titles: Vec<&Value> = view.fields.iter().filter(|f| f.field == "title").map(|f| f.state.value()).collect();
    assert_eq!(titles, vec![&Value::Text("Huddles".into())]);
    let (status, _) = push(&s.server, &mia, &tablet, &good);
    assert_eq!(status, 200);
    println!("bad-input catalogue: {tried} bad requests tried, every answer and the store checked");
}

#[test]
fn repeated_bad_sign_ins_and_invite_codes_are_slowed_down() {
    let s = setup();
    let try_login = || {
        s.server.request("POST", "/api/auth/login", None, &json!({ "email": "fay@example.org", "password": "wrong" }))
    };
    for _ in 0..5 {
        assert_eq!(try_login().0, 401);
    }
    let (status, body) =
        s.server.request("POST", "/api/auth/login", None, &json!({ "email": "fay@example.org", "password": PASSWORD }));
    assert_eq!(status, 429, "even the right password waits: {body}");
    // A back-off, not a lock someone else's wrong tries could keep a person in.
    assert!(body["error"].as_str().unwrap().contains("wait a second"), "{body}");
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    assert_eq!(s.server.login("fay@example.org", PASSWORD).len(), 64, "in after the back-off");
    // Another account is not slowed by Fay's.
    assert_eq!(s.server.login("mia@example.org", PASSWORD).len(), 64);

    let before = s.server.digest();
    let signup = || {
        s.server.request(
            "POST",
            "/api/auth/signup",
            None,
            &json!({ "code": "QQQQQ-QQQQQ", "email": "new@example.org", "name": "New", "password": PASSWORD }),
        )
    };
    for _ in 0..5 {
        assert_eq!(signup().0, 400);
    }
    assert_eq!(signup().0, 429);
    assert!(s.server.digest() == before, "guessing codes made nothing");
}

#[test]
fn faculty_read_who_changed_what_in_their_teams() {
    let s = setup();
    let mia = s.server.login("mia@example.org", PASSWORD);
    let fay = s.server.login("fay@example.org", PASSWORD);
    let mut phone = clock(1);
    let mut replica = Replica::default();
    for title in ["First", "Second"] {
        let ops = cycle_ops(&mut replica, &mut phone, &s.team1, 1, title);
        assert_eq!(push(&s.server, &mia, &phone, &ops).0, 200);
    }
    let mut other = clock(2);
    let refused = cycle_ops(&mut Replica::default(), &mut other, &s.team2, 2, "Not mine");
    push(&s.server, &mia, &other, &refused);

    let audit = |token: &str, scope: String, query: &str| {
        s.server.try_request("GET", &format!("/api/audit?scope={scope}{query}"), Some(token), None).unwrap()
    };
    let (status, log) = audit(&fay, team_scope(&s.team1), "");
    assert_eq!(status, 200, "{log}");
    let entries = log["entries"].as_array().unwrap();
    let lines: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| (e["person"].as_str().unwrap().into(), e["field"].as_str().unwrap().into(), e["value"].to_string()))
        .collect();
    assert_eq!(lines[0], ("Mia".into(), "title".into(), "\"Second\"".into()), "newest first: {lines:?}");
    assert_eq!(lines[1], ("Mia".into(), "title".into(), "\"First\"".into()));
    assert!(lines.iter().any(|l| l.0 == "server" || l.1 == "name"), "the team's creation is there: {lines:?}");
    // Mia's refused attempt on team 2 is in team 2's log, marked refused.
    let (_, log2) = audit(&fay, team_scope(&s.team2), "");
    let attempt = log2["entries"].as_array().unwrap().iter().find(|e| e["person"] == "Mia").expect("in team 2's log");
    assert!(attempt["refused"].as_str().unwrap().contains("cannot change"), "{attempt}");
    // Paging back in time.
    let (_, page) = audit(&fay, team_scope(&s.team1), "&limit=1");
    assert_eq!(page["entries"].as_array().unwrap().len(), 1);
    assert_eq!(page["more"], json!(true));
    let before = page["entries"][0]["id"].as_i64().unwrap();
    let (_, older) = audit(&fay, team_scope(&s.team1), &format!("&before={before}"));
    let older = older["entries"].as_array().unwrap();
    assert_eq!(older.len(), entries.len() - 1, "every older entry, none twice");
    assert_eq!(older[0]["value"], json!("First"));
    // The collaborative's faculty of another collaborative, a member and a coach do not read it.
    assert_eq!(audit(&mia, team_scope(&s.team1), "").0, 403);
    let me = s.server.try_request("GET", "/api/me", Some(&fay), None).unwrap().1;
    assert!(me["governed"].as_array().unwrap().contains(&json!(team_scope(&s.team1))), "{me}");
}
