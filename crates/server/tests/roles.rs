//! The roles of a collaborative against the real server (issue 6): what a member, a coach and
//! faculty may read and write — reports' scores, comments, the collaborative's own records —
//! and faculty's set-up through the API (collaboratives, teams, invites).

mod support;

use ramp_core::{report, team_scope, Kind, Op, Replica, Uuid7};
use serde_json::json;
use support::{device, edit, ops, pull, push, setup, PASSWORD};

/// The reasons a push's ops were refused, in order ("" for applied ops).
fn reasons(body: &serde_json::Value, ops: &[Op]) -> Vec<String> {
    let refused = body["refused"].as_array().cloned().unwrap_or_default();
    ops.iter()
        .map(|op| {
            refused
                .iter()
                .find(|r| r["dot"]["counter"].as_u64() == Some(op.dot.counter))
                .map_or(String::new(), |r| r["reason"].as_str().unwrap().to_owned())
        })
        .collect()
}

#[test]
fn a_member_writes_the_report_a_coach_scores_it_and_neither_can_do_the_others_part() {
    let s = setup();
    let (mia, cal, fay) = (
        s.server.login("mia@example.org", PASSWORD),
        s.server.login("cal@example.org", PASSWORD),
        s.server.login("fay@example.org", PASSWORD),
    );
    let scope = team_scope(&s.team1);
    let month = ramp_core::period::Period::parse("2026-10").unwrap();
    let report = report::id(&s.team1, month);

    // The member: the month, the words and the team's score go in; the faculty score does not.
    let mut member = device(1);
    let mine = ops(
        &mut member,
        vec![
            edit(&report, Kind::Report, &scope, "month", "2026-10"),
            edit(&report, Kind::Report, &scope, "progress", "Two cycles on nights"),
            edit(&report, Kind::Report, &scope, "self_score", "3.5"),
            edit(&report, Kind::Report, &scope, "faculty_score", "5.0"),
        ],
    );
    let (status, body) = push(&s.server, &mia, &member, &mine);
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        reasons(&body, &mine),
        ["", "", "", "Only the collaborative's faculty or the team's coach can score this."]
    );

    // The coach: the faculty score, a note and a comment go in; the team's words do not.
    let mut coach = device(2);
    let comment = Uuid7::from_parts(1_700_000_000_500, [9; 10]);
    let theirs = ops(
        &mut coach,
        vec![
            edit(&report, Kind::Report, &scope, "faculty_score", "2.5"),
            edit(&report, Kind::Report, &scope, "faculty_note", "Outcomes have not moved yet"),
            edit(&comment, Kind::Comment, &scope, "target", report.as_str()),
            edit(&comment, Kind::Comment, &scope, "text", "What did nights say?"),
            edit(&report, Kind::Report, &scope, "progress", "Coach rewrote it"),
            edit(&Uuid7::from_parts(1_700_000_000_600, [8; 10]), Kind::Cycle, &scope, "title", "Coach's cycle"),
        ],
    );
    let (status, body) = push(&s.server, &cal, &coach, &theirs);
    assert_eq!(status, 200, "{body}");
    let cannot = "You cannot change this team's worksheets.";
    assert_eq!(reasons(&body, &theirs), ["", "", "", "", cannot, cannot]);

    // A comment is written once: the coach cannot change it, nor can faculty.
    let again = ops(&mut coach, vec![edit(&comment, Kind::Comment, &scope, "text", "Edited")]);
    let (_, body) = push(&s.server, &cal, &coach, &again);
    assert_eq!(reasons(&body, &again), ["A comment cannot be changed once written; add another one."]);

    // The member's device pulls both: the score a point apart, the note and the comment.
    let pulled = pull(&s.server, &mia, &member, &json!({}));
    let mut replica = Replica::default();
    replica.pulled(pulled.high, &[], pulled.fields);
    let r = replica.record(&report).expect("the report");
    assert_eq!(r.text("progress"), "Two cycles on nights");
    assert_eq!(report::disagreement(r), Some((3.5, 2.5)));
    let comments = report::comments_on(replica.local().values(), &report);
    assert_eq!(comments.len(), 1);
    assert_eq!(
        report::author(comments[0]),
        Some("Cal · coach"),
        "stamped with the coach's name and role by the server"
    );

    // Faculty may score too, and write the collaborative's records; members and coaches may not.
    let collab = Uuid7::parse(s.collab.strip_prefix("collab:").unwrap()).unwrap();
    let mut faculty = device(3);
    let def = Uuid7::from_parts(1_700_000_000_700, [7; 10]);
    let fays = ops(
        &mut faculty,
        vec![
            edit(&report, Kind::Report, &scope, "faculty_score", "3.0"),
            edit(&collab, Kind::Collaborative, &s.collab, "topic", "Falls"),
            edit(&def, Kind::MeasureDef, &s.collab, "name", "Falls per 1,000 bed days"),
        ],
    );
    let (_, body) = push(&s.server, &fay, &faculty, &fays);
    assert_eq!(reasons(&body, &fays), ["", "", ""]);
    for (token, clock) in [(&mia, &mut member), (&cal, &mut coach)] {
        let tried = ops(clock, vec![edit(&def, Kind::MeasureDef, &s.collab, "name", "Renamed")]);
        let (_, body) = push(&s.server, token, clock, &tried);
        assert_eq!(reasons(&body, &tried), [cannot]);
    }
    // A collaborative's kinds stay in its scope; a team's kinds in a team.
    let misplaced = ops(
        &mut faculty,
        vec![
            edit(&def, Kind::MeasureDef, &scope, "name", "In a team"),
            edit(&report, Kind::Report, &s.collab, "month", "2026-10"),
        ],
    );
    let (_, body) = push(&s.server, &fay, &faculty, &misplaced);
    let bad_scope = "This record does not belong where it says it does.";
    assert_eq!(reasons(&body, &misplaced), [bad_scope, bad_scope]);
    // Members read the collaborative's records (the common measures).
    let pulled = pull(&s.server, &mia, &device(4), &json!({}));
    assert!(pulled.fields.iter().any(|f| f.record == def), "the member's device gets the common measure");
}

#[test]
fn a_coach_reads_only_assigned_teams_and_faculty_set_up_teams_and_invites() {
    let s = setup();
    let (cal, fay, mia) = (
        s.server.login("cal@example.org", PASSWORD),
        s.server.login("fay@example.org", PASSWORD),
        s.server.login("mia@example.org", PASSWORD),
    );
    let (status, me) = s.server.request("GET", "/api/me", Some(&cal), &json!(null));
    assert_eq!(status, 200);
    assert_eq!(me["coached"], json!([team_scope(&s.team1)]));
    assert!(me["collabs"][s.team1.as_str()].is_string() && me["collabs"][s.team2.as_str()].is_null());
    // Team 2's worksheets never reach the coach's device, and writing there is refused.
    let mut fay_device = device(5);
    let cycle = Uuid7::from_parts(1_700_000_000_800, [5; 10]);
    let written = ops(&mut fay_device, vec![edit(&cycle, Kind::Cycle, &team_scope(&s.team2), "title", "Team 2's")]);
    assert_eq!(push(&s.server, &fay, &fay_device, &written).0, 200);
    let pulled = pull(&s.server, &cal, &device(6), &json!({}));
    assert!(pulled.fields.iter().all(|f| f.scope != team_scope(&s.team2)));
    assert!(pulled.fields.iter().any(|f| f.scope == team_scope(&s.team1)));
    let mut coach = device(6);
    let tried = ops(
        &mut coach,
        vec![edit(&Uuid7::from_parts(1_700_000_000_900, [6; 10]), Kind::Comment, &team_scope(&s.team2), "text", "hi")],
    );
    let (_, body) = push(&s.server, &cal, &coach, &tried);
    assert_eq!(reasons(&body, &tried), ["You cannot change this team's worksheets."]);

    // Faculty add a team and invite a coach; a coach and a member cannot.
    let collab_id = s.collab.strip_prefix("collab:").unwrap();
    let (status, body) =
        s.server.request("POST", "/api/teams", Some(&fay), &json!({ "collab": collab_id, "name": "Ward 9" }));
    assert_eq!(status, 201, "{body}");
    let team3 = body["team"].as_str().unwrap().to_owned();
    for token in [&cal, &mia] {
        let (status, body) =
            s.server.request("POST", "/api/teams", Some(token), &json!({ "collab": collab_id, "name": "Sneaky" }));
        assert_eq!(status, 403, "{body}");
        let (status, _) =
            s.server.request("POST", "/api/invites", Some(token), &json!({ "team": team3, "role": "coach" }));
        assert_eq!(status, 403);
    }
    let (status, body) =
        s.server.request("POST", "/api/invites", Some(&fay), &json!({ "team": team3, "role": "coach" }));
    assert_eq!(status, 201, "{body}");
    let code = body["code"].as_str().unwrap().to_owned();
    let (status, _) =
        s.server.request("POST", "/api/invites", Some(&fay), &json!({ "team": team3, "role": "faculty" }));
    assert_eq!(status, 400);
    // The coach, already signed in, takes the invite and now coaches team 3 too.
    let (status, body) = s.server.request("POST", "/api/invites/accept", Some(&cal), &json!({ "code": code }));
    assert_eq!(status, 200, "{body}");
    let (_, me) = s.server.request("GET", "/api/me", Some(&cal), &json!(null));
    assert!(me["coached"].as_array().unwrap().contains(&json!(format!("team:{team3}"))), "{me}");
    let (status, _) = s.server.request("POST", "/api/invites/accept", Some(&cal), &json!({ "code": "NOPE-NOPE" }));
    assert_eq!(status, 400);
    // Anyone signed in may start a collaborative and is its faculty.
    let (status, body) = s.server.request("POST", "/api/collabs", Some(&mia), &json!({ "name": "Mia's own" }));
    assert_eq!(status, 201, "{body}");
    let (_, me) = s.server.request("GET", "/api/me", Some(&mia), &json!(null));
    assert!(me["governed"].as_array().unwrap().contains(&body["scope"]));
    let (status, _) = s.server.request("POST", "/api/collabs", Some(&mia), &json!({ "name": "  " }));
    assert_eq!(status, 400);
}

#[test]
fn the_demo_loads_once_with_its_accounts() {
    let mut server = support::Server::new();
    server.start_with(&["--demo"]);
    let faculty = server.login("faculty@demo.ramp", ramp_server::demo::PASSWORD);
    let (_, me) = server.request("GET", "/api/me", Some(&faculty), &json!(null));
    assert_eq!(me["governed"].as_array().unwrap().len(), 4, "the collaborative and its three teams: {me}");
    let coach = server.login("coach@demo.ramp", ramp_server::demo::PASSWORD);
    let (_, me) = server.request("GET", "/api/me", Some(&coach), &json!(null));
    assert_eq!(me["coached"].as_array().unwrap().len(), 3);
    let fields = server.sql("SELECT count(*) || '' FROM fields")[0].clone();
    server.kill();
    server.start_with(&["--demo"]);
    assert_eq!(server.sql("SELECT count(*) || '' FROM fields")[0], fields, "a second start adds nothing");
    let refused = server.sql("SELECT count(*) || '' FROM ops WHERE refused IS NOT NULL")[0].clone();
    assert_eq!(refused, "0", "every demo record passes the server's checks");
}
