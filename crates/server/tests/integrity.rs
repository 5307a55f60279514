//! The store's integrity under requests it refuses, against the real binary and its SQLite
//! file: a refused pull leaves no transaction open, the health check notices a store that
//! cannot write, a refusal survives a lost answer, derived ids cannot be squatted, and nothing
//! a request sends grows a field or a pull page without bound.

mod support;

use std::time::{Duration, Instant};

use ramp_core::derived::adopted_id;
use ramp_core::period::Period;
use ramp_core::register::MAX_SIBLINGS;
use ramp_core::wire::{PushResponse, MAX_PULL_BYTES, SYNC_VERSION};
use ramp_core::{aim, measure, report, team_scope, DeviceClock, Edit, Kind, Op, Replica, Uuid7, Value};
use serde_json::json;
use support::*;

fn pull_body(clock: &DeviceClock, known_high: u64) -> serde_json::Value {
    json!({ "version": SYNC_VERSION, "device": clock.device, "cursors": {}, "known_high": known_high })
}

fn edits(record: &Uuid7, kind: Kind, scope: &str, fields: &[(&str, Value)]) -> Vec<Edit> {
    fields
        .iter()
        .map(|(field, value)| Edit {
            record: record.clone(),
            kind,
            scope: scope.to_owned(),
            field: (*field).to_owned(),
            value: value.clone(),
        })
        .collect()
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

fn ack(status_body: (u16, serde_json::Value)) -> PushResponse {
    let (status, body) = status_body;
    assert_eq!(status, 200, "{body}");
    serde_json::from_value(body).unwrap()
}

#[test]
fn a_refused_pull_leaves_no_transaction_open_and_sync_goes_on_for_everyone() {
    let s = setup();
    let mia = s.server.login("mia@example.org", PASSWORD);
    let fay = s.server.login("fay@example.org", PASSWORD);
    let mut phone = device(1);
    let mut replica = Replica::default();
    let ops = cycle_ops(&mut replica, &mut phone, &s.team1, 1, "Huddle");
    assert_eq!(push(&s.server, &mia, &phone, &ops).0, 200);

    // Mia signs out on a shared ward PC; Fay signs in on the same browser, which keeps its
    // device id, and pulls first: refused, more times than the store has connections.
    for _ in 0..8 {
        let (status, body) = s.server.request("POST", "/api/sync/pull", Some(&fay), &pull_body(&phone, 0));
        assert_eq!(status, 409, "{body}");
    }
    // Everyone else's sync goes on: pulls, and pushes (which need the write lock).
    let tablet = device(2);
    for n in 0..20 {
        let (status, body) = s.server.request("POST", "/api/sync/pull", Some(&mia), &pull_body(&tablet, 0));
        assert_eq!(status, 200, "pull {n} after the refused ones: {body}");
    }
    let mut clock = device(3);
    let mut replica = Replica::default();
    for n in 0..10u8 {
        let ops = cycle_ops(&mut replica, &mut clock, &s.team1, 10 + n, "After");
        let (status, body) = push(&s.server, &mia, &clock, &ops);
        assert_eq!(status, 200, "push {n} after the refused pulls: {body}");
    }
    let (status, body) = s.server.request("GET", "/api/health", None, &json!(null));
    assert_eq!(status, 200, "{body}");
}

#[test]
fn health_says_so_while_the_store_cannot_write() {
    let s = setup();
    assert_eq!(s.server.request("GET", "/api/health", None, &json!(null)).0, 200);
    let path = s.server.data().join("ramp.sqlite");
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let mut holder: sqlx::AnyConnection = runtime.block_on(async {
        sqlx::any::install_default_drivers();
        let url = match &s.server.database {
            Some(url) => url.clone(),
            None => format!("sqlite://{}", path.display()),
        };
        let mut conn: sqlx::AnyConnection = sqlx::Connection::connect(&url).await.unwrap();
        // Another writer holds the store's write lock and does not let go (a wedged process):
        // SQLite's file lock, or on PostgreSQL the lock on the row the health check writes.
        if s.server.on_postgres() {
            sqlx::query("BEGIN").execute(&mut conn).await.unwrap();
            sqlx::query("UPDATE health SET checked_at = 0").execute(&mut conn).await.unwrap();
        } else {
            sqlx::query("BEGIN IMMEDIATE").execute(&mut conn).await.unwrap();
        }
        conn
    });
    let started = Instant::now();
    let (status, body) = s.server.request("GET", "/api/health", None, &json!(null));
    assert_eq!(status, 503, "a store that cannot write is not healthy: {body}");
    assert!(body["error"].as_str().unwrap().contains("cannot take changes"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(9), "answered in {:?}", started.elapsed());
    runtime.block_on(async { sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap() });
    let (status, body) = s.server.request("GET", "/api/health", None, &json!(null));
    assert_eq!(status, 200, "healthy again once the lock is released: {body}");
}

#[test]
fn a_refusal_comes_back_with_its_reason_when_the_push_is_sent_again() {
    let s = setup();
    let mia = s.server.login("mia@example.org", PASSWORD);
    let mut phone = device(1);
    let mut replica = Replica::default();
    // One op she may write, one she may not (another team's), in one push.
    let mut ops = cycle_ops(&mut replica, &mut phone, &s.team1, 1, "Ours");
    ops.extend(cycle_ops(&mut replica, &mut phone, &s.team2, 2, "Theirs"));
    let first = ack(push(&s.server, &mia, &phone, &ops));
    assert_eq!(first.refused.len(), 1);
    let before = s.server.digest();

    // The answer was lost: the device sends the same push again.
    let again = ack(push(&s.server, &mia, &phone, &ops));
    assert_eq!(again.high, 2);
    assert_eq!(again.refused, first.refused, "the refusal and its reason come back");
    assert!(again.refused[0].reason.contains("cannot change this team"), "{:?}", again.refused);
    assert_eq!(s.server.digest(), before, "sending again changed nothing stored");

    // Sent again as a shorter push (only the first op): the answer's high covers the refused
    // op, which the device would fold as saved, so its refusal comes back too.
    let shorter = ack(push(&s.server, &mia, &phone, &ops[..1]));
    assert_eq!((shorter.high, shorter.refused.clone()), (2, first.refused.clone()));

    // A pull from below the refused counter reports it too.
    let (status, body) = s.server.request("POST", "/api/sync/pull", Some(&mia), &pull_body(&phone, 0));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["refused"][0]["dot"]["counter"], 2, "{body}");
}

#[test]
fn a_device_that_words_refusals_itself_gets_their_codes_and_an_older_one_never_sees_a_code() {
    let s = setup();
    let mia = s.server.login("mia@example.org", PASSWORD);
    let mut phone = device(1);
    let mut replica = Replica::default();
    let ops = cycle_ops(&mut replica, &mut phone, &s.team2, 1, "Theirs");
    let body = |codes: bool| {
        let mut body = json!({ "version": SYNC_VERSION, "device": phone.device, "ops": ops });
        if codes {
            body["codes"] = json!(true);
        }
        body
    };
    // A device from before reasons: words only, and no field it would refuse to read.
    let (status, old) = s.server.request("POST", "/api/sync/push", Some(&mia), &body(false));
    assert_eq!(status, 200, "{old}");
    assert!(old["refused"][0]["reason"].as_str().is_some_and(|r| r.contains("cannot change this team")), "{old}");
    assert!(old["refused"][0].get("code").is_none(), "an older device is never sent a code: {old}");
    serde_json::from_value::<PushResponse>(old.clone()).expect("the answer reads as the wire type");

    // The same push again from a device that words refusals itself: the stored refusal comes
    // back with its code, beside the same words.
    let (status, new) = s.server.request("POST", "/api/sync/push", Some(&mia), &body(true));
    assert_eq!(status, 200, "{new}");
    assert_eq!(new["refused"][0]["code"], json!({ "code": "not_yours" }), "{new}");
    assert_eq!(new["refused"][0]["reason"], old["refused"][0]["reason"]);

    // A pull reports it the same way, with or without codes as asked.
    let mut pull = pull_body(&phone, 0);
    let (_, plain) = s.server.request("POST", "/api/sync/pull", Some(&mia), &pull);
    assert!(plain["refused"][0].get("code").is_none(), "{plain}");
    pull["codes"] = json!(true);
    let (_, coded) = s.server.request("POST", "/api/sync/pull", Some(&mia), &pull);
    assert_eq!(coded["refused"][0]["code"]["code"], "not_yours", "{coded}");

    // A reason with values carries them.
    let issue = ramp_core::schema::Issue::TooManySiblings { max: 8 };
    let reason = ramp_core::wire::Reason::of(&issue);
    assert_eq!((reason.code.as_str(), reason.args.get("max").map(String::as_str)), ("too_many_siblings", Some("8")));
}

/// The people who could squat another team's derived ids, each with a token and a device.
struct Squatter {
    token: String,
    clock: DeviceClock,
    replica: Replica,
}

impl Squatter {
    fn push(&mut self, server: &Server, edits: Vec<Edit>) -> PushResponse {
        let ops = self.replica.edit(&mut self.clock, edits, 1_700_000_000_000, None);
        ack(push(server, &self.token, &self.clock, &ops))
    }
}

#[test]
fn nobody_can_create_a_record_under_an_id_derived_for_another_kind_team_or_key() {
    let mut s = setup();
    s.server.kill();
    s.server.admin(&["create-user", "--email", "tia@example.org", "--name", "Tia", "--password", PASSWORD]);
    s.server.admin(&["add-member", "--team", s.team2.as_str(), "--email", "tia@example.org", "--role", "member"]);
    s.server.admin(&["create-user", "--email", "oz@example.org", "--name", "Oz", "--password", PASSWORD]);
    let other_collab = s.server.admin(&["create-collaborative", "--faculty", "oz@example.org", "--name", "Elsewhere"]);
    s.server.start();
    let oz_token = s.server.login("oz@example.org", PASSWORD);
    let collab_id = other_collab.strip_prefix("collab:").unwrap();
    let (status, body) =
        s.server.request("POST", "/api/teams", Some(&oz_token), &json!({ "collab": collab_id, "name": "Decoy" }));
    assert_eq!(status, 201, "{body}");
    let oz_team = Uuid7::parse(body["team"].as_str().unwrap()).unwrap();

    // Team 1's derived ids: its aim, a future month's report, a data point, adopted copies.
    let team = s.team1.clone();
    let scope = team_scope(&team);
    let measure_id = Uuid7::from_parts(1_800_000_000_000, [7; 10]);
    let source = Uuid7::from_parts(1_800_000_000_001, [8; 10]);
    let month = Period::parse("2027-01").unwrap();
    let aim_id = aim::id(&team);
    let report_id = report::id(&team, month);
    let point_id = measure::point_id(&team, &measure_id, month);
    let adopted_measure = adopted_id(&team, &source);
    let adopted_idea = adopted_id(&team, &Uuid7::from_parts(1_800_000_000_002, [9; 10]));
    let derived = [&aim_id, &report_id, &point_id, &adopted_measure, &adopted_idea];
    let point_key = |extra: (&'static str, Value)| -> Vec<(&'static str, Value)> {
        vec![("measure", text(measure_id.as_str())), ("period", text("2027-01")), extra]
    };

    let squatter = |email: &str, n: u8| Squatter {
        token: s.server.login(email, PASSWORD),
        clock: device(n),
        replica: Replica::default(),
    };
    let mut coach = squatter("cal@example.org", 20);
    let mut other_member = squatter("tia@example.org", 21);
    let mut other_faculty = squatter("oz@example.org", 22);
    let before = s.server.data_digest();
    let refused = |who: &str, response: PushResponse, expected: usize| {
        assert_eq!(response.refused.len(), expected, "{who}: every op refused: {:?}", response.refused);
        assert!(response.refused.iter().all(|r| !r.reason.is_empty()), "{who}: with a reason");
    };

    // The coach: comments under each derived id, a report under the data point's id.
    for id in derived {
        let ops = edits(id, Kind::Comment, &scope, &[("target", text(team.as_str())), ("text", text("squat"))]);
        refused("coach's comment", coach.push(&s.server, ops), 2);
    }
    let ops = edits(&point_id, Kind::Report, &scope, &[("faculty_note", text("squat"))]);
    refused("coach's report under a data point's id", coach.push(&s.server, ops), 1);
    let ops = edits(&report_id, Kind::Report, &scope, &[("faculty_note", text("squat"))]);
    refused("coach's report without its month", coach.push(&s.server, ops), 1);

    // A member of another team, in their own team, with the right keys.
    let theirs = team_scope(&s.team2);
    for (who, squatter, scope) in [
        ("another team's member", &mut other_member, theirs.clone()),
        ("another collaborative's faculty", &mut other_faculty, team_scope(&oz_team)),
    ] {
        refused(who, squatter.push(&s.server, edits(&aim_id, Kind::Aim, &scope, &[("what", text("squat"))])), 1);
        refused(who, squatter.push(&s.server, edits(&aim_id, Kind::Cycle, &scope, &[("title", text("squat"))])), 1);
        let ops = edits(&report_id, Kind::Report, &scope, &[("month", text("2027-01")), ("progress", text("x"))]);
        refused(who, squatter.push(&s.server, ops), 2);
        let ops = edits(&point_id, Kind::Datapoint, &scope, &point_key(("value", Value::Number(3.0))));
        refused(who, squatter.push(&s.server, ops), 3);
        let ops =
            edits(&adopted_measure, Kind::Measure, &scope, &[("name", text("x")), ("common", text(source.as_str()))]);
        refused(who, squatter.push(&s.server, ops), 2);
        let ops = edits(&adopted_idea, Kind::ChangeIdea, &scope, &[("text", text("x"))]);
        refused(who, squatter.push(&s.server, ops), 1);
    }
    // Another collaborative's faculty, in their own collaborative's records.
    for id in derived {
        let ops = edits(id, Kind::Session, &other_collab, &[("place", text("squat"))]);
        refused("faculty's session", other_faculty.push(&s.server, ops), 1);
        let ops = edits(id, Kind::ChangeIdea, &other_collab, &[("text", text("squat"))]);
        refused("faculty's change idea", other_faculty.push(&s.server, ops), 1);
    }
    assert_eq!(s.server.data_digest(), before, "no squatted record was stored");

    // The real team writes every one of its derived records, as the app does.
    let mut mia = squatter("mia@example.org", 23);
    let mut writes = edits(&aim_id, Kind::Aim, &scope, &[("what", text("Fewer falls"))]);
    writes.extend(edits(&report_id, Kind::Report, &scope, &[("month", text("2027-01")), ("progress", text("Good"))]));
    writes.extend(edits(&point_id, Kind::Datapoint, &scope, &point_key(("value", Value::Number(4.0)))));
    writes.extend(edits(
        &adopted_measure,
        Kind::Measure,
        &scope,
        &[("name", text("Falls")), ("common", text(source.as_str()))],
    ));
    let idea_source = Uuid7::from_parts(1_800_000_000_002, [9; 10]);
    writes.extend(edits(
        &adopted_idea,
        Kind::ChangeIdea,
        &scope,
        &[("text", text("Huddle")), ("source", text(idea_source.as_str()))],
    ));
    let response = mia.push(&s.server, writes);
    assert!(response.refused.is_empty(), "the team's own writes are accepted: {:?}", response.refused);
    // And a member of the team cannot move a key once written, nor write a random-id point.
    let moved = edits(&point_id, Kind::Datapoint, &scope, &[("period", text("2027-02"))]);
    refused("a moved key", mia.push(&s.server, moved), 1);
    let random = Uuid7::from_parts(1_800_000_000_100, [1; 10]);
    refused(
        "a random-id data point",
        mia.push(&s.server, edits(&random, Kind::Datapoint, &scope, &point_key(("value", Value::Number(1.0))))),
        3,
    );
}

/// Ops on one field that each replace nothing, from one device: each adds a value.
fn unreplacing_ops(clock: &mut DeviceClock, edit: &Edit, n: usize) -> Vec<Op> {
    (0..n)
        .flat_map(|i| {
            let edit = Edit { value: Value::Text(format!("note {i}")), ..edit.clone() };
            Replica::default().edit(clock, vec![edit], 1_700_000_000_000, None)
        })
        .collect()
}

#[test]
fn a_field_holds_a_bounded_number_of_values_and_pull_pages_a_bounded_number_of_bytes() {
    let s = setup();
    let cal = s.server.login("cal@example.org", PASSWORD);
    let scope = team_scope(&s.team1);
    let report_id = report::id(&s.team1, Period::parse("2026-11").unwrap());
    let mut clock = device(30);
    let month = edits(&report_id, Kind::Report, &scope, &[("month", text("2026-11"))]);
    let mut ops = Replica::default().edit(&mut clock, month, 1_700_000_000_000, None);
    let note = edits(&report_id, Kind::Report, &scope, &[("faculty_note", text(""))]).remove(0);
    ops.extend(unreplacing_ops(&mut clock, &note, MAX_SIBLINGS + 8));
    let response = ack(push(&s.server, &cal, &clock, &ops));
    assert_eq!(response.refused.len(), 8, "past {MAX_SIBLINGS} values the field refuses more");
    assert!(response.refused[0].reason.contains("conflicting values"), "{:?}", response.refused[0]);
    let stored =
        s.server.sql(&format!("SELECT state FROM fields WHERE record = '{report_id}' AND field = 'faculty_note'"));
    let state: Vec<serde_json::Value> = serde_json::from_str(&stored[0]).unwrap();
    assert_eq!(state.len(), MAX_SIBLINGS);

    // 300 cycles with 10,000-character objectives: about 3 MB of field states.
    let mia = s.server.login("mia@example.org", PASSWORD);
    let mut phone = device(31);
    let mut replica = Replica::default();
    for batch in 0..3u64 {
        let edits: Vec<Edit> = (0..100u64)
            .map(|n| Edit {
                record: Uuid7::from_parts(1_800_000_000_000 + batch * 100 + n, [5; 10]),
                kind: Kind::Cycle,
                scope: scope.clone(),
                field: "objective".into(),
                value: Value::Text("x".repeat(10_000)),
            })
            .collect();
        let ops = replica.edit(&mut phone, edits, 1_700_000_000_000, None);
        assert!(ack(push(&s.server, &mia, &phone, &ops)).refused.is_empty());
    }
    let tablet = device(32);
    let mut cursors = json!({});
    let (mut pages, mut objectives) = (0, 0);
    loop {
        let page = pull(&s.server, &mia, &tablet, &cursors);
        let bytes: usize = page.fields.iter().map(|f| serde_json::to_string(&f.state).unwrap().len()).sum();
        assert!(bytes <= MAX_PULL_BYTES, "page {pages} holds {bytes} bytes of states");
        objectives += page.fields.iter().filter(|f| f.field == "objective").count();
        pages += 1;
        cursors = serde_json::to_value(&page.cursors).unwrap();
        if !page.more {
            break;
        }
    }
    assert_eq!(objectives, 300, "paging by bytes still delivers everything");
    assert!(pages >= 2, "{pages} pages");
}
