//! Sharing between the teams of a collaborative against the real server (issue 20), from every
//! role: with sharing on, members and coaches read other teams of their collaborative (only
//! what `share::is_shared` lets out) and may comment there, never write; faculty read all as
//! before; nobody of another collaborative reads anything; turning sharing off stops new data
//! from reaching other teams' devices; a person who joins a team later gets all of it.

mod support;

use ramp_core::spread::share;
use ramp_core::wire::PullResponse;
use ramp_core::{report, team_scope, DeviceClock, Kind, Uuid7};
use serde_json::json;
use support::{device, edit, ops, pull, push, setup, PASSWORD};

/// The reasons of a push's refusals, by counter.
fn refused(body: &serde_json::Value) -> Vec<(u64, String)> {
    body["refused"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|r| (r["dot"]["counter"].as_u64().unwrap(), r["reason"].as_str().unwrap().to_owned()))
        .collect()
}

/// Every page of a pull from these cursors; the fields and the last cursors.
fn pull_all(
    server: &support::Server,
    token: &str,
    clock: &DeviceClock,
    cursors: &mut serde_json::Value,
) -> Vec<(String, String, String)> {
    let mut seen = Vec::new();
    loop {
        let page: PullResponse = pull(server, token, clock, cursors);
        for f in &page.fields {
            seen.push((f.scope.clone(), f.kind.as_str().to_owned(), f.field.clone()));
        }
        for (scope, seq) in &page.cursors {
            cursors[scope] = json!(seq);
        }
        if !page.more {
            return seen;
        }
    }
}

fn switch_sharing(s: &support::Setup, fay: &str, clock: &mut DeviceClock, on: bool, seen: &[ramp_core::Dot]) {
    let collab = Uuid7::parse(s.collab.strip_prefix("collab:").unwrap()).unwrap();
    let value = if on { share::ON } else { "off" };
    let mut op = ops(clock, vec![edit(&collab, Kind::Collaborative, &s.collab, share::FIELD, value)]);
    op[0].replaces = seen.to_vec();
    let (status, body) = push(&s.server, fay, clock, &op);
    assert_eq!((status, refused(&body)), (200, vec![]), "{body}");
}

#[test]
fn a_sharing_collaboratives_teams_read_each_other_comment_never_write_and_stop_receiving_when_it_ends() {
    let s = setup();
    s.server.admin(&["create-user", "--email", "ann@example.org", "--name", "Ann", "--password", PASSWORD]);
    s.server.admin(&["add-member", "--team", s.team2.as_str(), "--email", "ann@example.org", "--role", "member"]);
    // Another collaborative, with its own member.
    s.server.admin(&["create-user", "--email", "zed@example.org", "--name", "Zed", "--password", PASSWORD]);
    let other = s.server.admin(&["create-collaborative", "--faculty", "zed@example.org"]);
    let team3 = s.server.admin(&["create-team", "--collab", &other, "--name", "Elsewhere"]);
    s.server.admin(&["add-member", "--team", &team3, "--email", "zed@example.org", "--role", "member"]);
    let login = |email: &str| s.server.login(email, PASSWORD);
    let (mia, cal, fay, ann, zed) = (
        login("mia@example.org"),
        login("cal@example.org"),
        login("fay@example.org"),
        login("ann@example.org"),
        login("zed@example.org"),
    );
    let (ward, clinic) = (team_scope(&s.team1), team_scope(&s.team2));

    // Ann's team writes a cycle and a report; faculty score it.
    let mut ann_device = device(1);
    let cycle = Uuid7::from_parts(1_700_000_000_100, [1; 10]);
    let month = ramp_core::period::Period::parse("2026-10").unwrap();
    let rep = report::id(&s.team2, month);
    let theirs = ops(
        &mut ann_device,
        vec![
            edit(&cycle, Kind::Cycle, &clinic, "title", "Huddle on nights"),
            edit(&rep, Kind::Report, &clinic, "month", "2026-10"),
            edit(&rep, Kind::Report, &clinic, "self_score", "3.0"),
            edit(&rep, Kind::Report, &clinic, "learned", "Nights need their own huddle"),
            edit(&rep, Kind::Report, &clinic, "barriers", "Our manager is on leave"),
        ],
    );
    assert_eq!(push(&s.server, &ann, &ann_device, &theirs).1["refused"], json!([]));
    let mut fay_device = device(2);
    let score = ops(&mut fay_device, vec![edit(&rep, Kind::Report, &clinic, "faculty_score", "2.5")]);
    assert_eq!(push(&s.server, &fay, &fay_device, &score).1["refused"], json!([]));

    // Sharing off (never set): Mia and Cal read nothing of the clinic, but know it is another team's.
    let mut mia_device = device(3);
    let mut mia_cursors = json!({});
    let seen = pull_all(&s.server, &mia, &mia_device, &mut mia_cursors);
    assert!(seen.iter().all(|(scope, _, _)| scope != &clinic), "{seen:?}");
    let (_, me) = s.server.request("GET", "/api/me", Some(&mia), &json!(null));
    let collab_id = s.collab.strip_prefix("collab:").unwrap();
    assert_eq!(me["others"], json!({ clinic.clone(): collab_id }));
    assert!(me["collabs"][s.team2.as_str()].is_null(), "not readable: not among the readable teams' collaboratives");
    assert!(!me["readable"].as_array().unwrap().contains(&json!(clinic)));

    // Faculty switch sharing on.
    switch_sharing(&s, &fay, &mut fay_device, true, &[]);
    let sharing_dot = ramp_core::Dot { device: fay_device.device.clone(), counter: fay_device.counter };

    // The member reads the clinic: its cycle and what a storyboard shows of its report, under a
    // cursor of its own; never the barriers or the faculty's score.
    let seen = pull_all(&s.server, &mia, &mia_device, &mut mia_cursors);
    let clinic_fields: Vec<(String, String)> =
        seen.iter().filter(|(scope, _, _)| scope == &clinic).map(|(_, k, f)| (k.clone(), f.clone())).collect();
    for wanted in [("cycle", "title"), ("report", "self_score"), ("report", "learned"), ("report", "month")] {
        assert!(clinic_fields.contains(&(wanted.0.to_owned(), wanted.1.to_owned())), "{wanted:?} in {clinic_fields:?}");
    }
    for private in ["barriers", "faculty_score"] {
        assert!(!clinic_fields.iter().any(|(_, f)| f == private), "{private} reached another team: {clinic_fields:?}");
    }
    assert!(mia_cursors.get(share::cursor_key(&clinic)).is_some(), "{mia_cursors}");
    assert!(mia_cursors.get(&clinic).is_none(), "{mia_cursors}");
    let (_, me) = s.server.request("GET", "/api/me", Some(&mia), &json!(null));
    assert!(me["readable"].as_array().unwrap().contains(&json!(clinic)));
    assert!(!me["writable"].as_array().unwrap().contains(&json!(clinic)));

    // The coach of the ward reads the clinic too, as a visitor, not its coach.
    let cal_device = device(4);
    let seen = pull_all(&s.server, &cal, &cal_device, &mut json!({}));
    assert!(seen.iter().any(|(scope, kind, _)| scope == &clinic && kind == "cycle"));
    assert!(!seen.iter().any(|(scope, _, f)| scope == &clinic && f == "faculty_score"));
    let mut cal_device = cal_device;
    let cal_score = ops(&mut cal_device, vec![edit(&rep, Kind::Report, &clinic, "faculty_score", "4.0")]);
    assert_eq!(refused(&push(&s.server, &cal, &cal_device, &cal_score).1).len(), 1, "not the clinic's coach");

    // Mia comments on the clinic's cycle (stamped as from another team); she cannot change it.
    let comment = Uuid7::from_parts(1_700_000_000_200, [2; 10]);
    let mine = ops(
        &mut mia_device,
        vec![
            edit(&comment, Kind::Comment, &clinic, "target", cycle.as_str()),
            edit(&comment, Kind::Comment, &clinic, "text", "How did you get nights to join?"),
            edit(&cycle, Kind::Cycle, &clinic, "title", "Mia's title"),
            edit(&rep, Kind::Report, &clinic, "learned", "Mia's words"),
        ],
    );
    let (status, body) = push(&s.server, &mia, &mia_device, &mine);
    assert_eq!(status, 200);
    let reasons = refused(&body);
    assert_eq!(
        reasons.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        [mine[2].dot.counter, mine[3].dot.counter],
        "{body}"
    );
    let author = s.server.sql(&format!("SELECT state FROM fields WHERE record = '{comment}' AND field = 'text'"));
    assert!(author[0].contains("Mia · other team"), "{author:?}");
    // Ann sees the comment in her own team.
    let seen = pull_all(&s.server, &ann, &device(5), &mut json!({}));
    assert!(seen.iter().any(|(scope, kind, _)| scope == &clinic && kind == "comment"));

    // Faculty read everything, as before; the other collaborative reads nothing of this one.
    let seen = pull_all(&s.server, &fay, &device(6), &mut json!({}));
    assert!(seen.iter().any(|(scope, _, f)| scope == &clinic && f == "barriers"));
    let seen = pull_all(&s.server, &zed, &device(7), &mut json!({}));
    assert!(seen.iter().all(|(scope, _, _)| scope != &clinic && scope != &ward && scope != &s.collab), "{seen:?}");
    let (_, me) = s.server.request("GET", "/api/me", Some(&zed), &json!(null));
    assert_eq!(me["others"], json!({}), "no team of another collaborative is even named");
    let mut zed_device = device(7);
    let zed_comment = Uuid7::from_parts(1_700_000_000_300, [3; 10]);
    let sneaky = ops(&mut zed_device, vec![edit(&zed_comment, Kind::Comment, &clinic, "text", "hello")]);
    assert_eq!(refused(&push(&s.server, &zed, &zed_device, &sneaky).1).len(), 1);

    // Sharing off: what the clinic writes next reaches no other team, and Mia may comment no more.
    switch_sharing(&s, &fay, &mut fay_device, false, &[sharing_dot]);
    let later = Uuid7::from_parts(1_700_000_000_400, [4; 10]);
    let next = ops(&mut ann_device, vec![edit(&later, Kind::Cycle, &clinic, "title", "After sharing ended")]);
    assert_eq!(push(&s.server, &ann, &ann_device, &next).1["refused"], json!([]));
    let seen = pull_all(&s.server, &mia, &mia_device, &mut mia_cursors);
    assert!(seen.iter().all(|(scope, _, _)| scope != &clinic), "{seen:?}");
    let (_, me) = s.server.request("GET", "/api/me", Some(&mia), &json!(null));
    assert_eq!(
        me["others"],
        json!({ clinic.clone(): collab_id }),
        "still known as another team's: never hers to write"
    );
    let comment2 = Uuid7::from_parts(1_700_000_000_500, [5; 10]);
    let late = ops(&mut mia_device, vec![edit(&comment2, Kind::Comment, &clinic, "text", "Still there?")]);
    assert_eq!(refused(&push(&s.server, &mia, &mia_device, &late).1).len(), 1);

    // Mia joins the clinic: her next pull brings the whole team, the private parts too.
    s.server.admin(&["add-member", "--team", s.team2.as_str(), "--email", "mia@example.org", "--role", "member"]);
    let seen = pull_all(&s.server, &mia, &mia_device, &mut mia_cursors);
    for wanted in ["barriers", "faculty_score", "title"] {
        assert!(seen.iter().any(|(scope, _, f)| scope == &clinic && f == wanted), "{wanted} missing after joining");
    }
}
