//! The access lifecycle against the real binary and its store (issue 15, items 9–12): invites
//! that are single-use unless made for more, expire, are listed with their uses and revoked
//! by their maker; roles that only faculty change, in the activity log; removal from a team;
//! disabled accounts; password changes and one-time reset codes; authors stamped with the role
//! faculty gave them. Every refusal answers with its reason and changes nothing stored.

mod support;

use ramp_core::wire::PushResponse;
use ramp_core::{team_scope, Kind, Replica};
use serde_json::{json, Value as Json};
use support::{cycle_ops, device, pull, push, setup, Server, Setup, PASSWORD};

/// A request that must be refused with this status and reason code, and change nothing.
fn refused(server: &Server, method: &str, path: &str, token: Option<&str>, body: &Json, status: u16, reason: &str) {
    let before = server.digest();
    let (got, answer) = server.request(method, path, token, body);
    assert_eq!(got, status, "{method} {path}: {answer}");
    assert_eq!(answer["reason"], reason, "{method} {path}: {answer}");
    assert!(answer["error"].as_str().is_some_and(|words| words.len() > 10), "a reason in words: {answer}");
    assert_eq!(server.digest(), before, "{method} {path} was refused yet changed the store");
}

fn ok(server: &Server, method: &str, path: &str, token: Option<&str>, body: &Json) -> Json {
    let (status, answer) = server.request(method, path, token, body);
    assert!((200..300).contains(&status), "{method} {path}: {status} {answer}");
    answer
}

fn signup(server: &Server, code: &str, email: &str, name: &str) -> (u16, Json) {
    server.request(
        "POST",
        "/api/auth/signup",
        None,
        &json!({ "code": code, "email": email, "name": name, "password": PASSWORD }),
    )
}

fn user_id(server: &Server, token: &str) -> String {
    ok(server, "GET", "/api/me", Some(token), &json!(null))["user"].as_str().unwrap().to_owned()
}

/// The access changes of a scope's activity log, as "actor action subject role detail".
fn access_log(s: &Setup, token: &str, scope: &str) -> Vec<String> {
    let page = ok(&s.server, "GET", &format!("/api/audit?scope={scope}"), Some(token), &json!(null));
    page["access"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap_or("-").to_owned();
            format!("{} {} {} {} {}", text("actor"), text("action"), text("subject"), text("role"), text("detail"))
        })
        .collect()
}

/// A second collaborative run by Gus, with a team of its own.
fn other_collaborative(s: &Setup) -> (String, String) {
    s.server.admin(&["create-user", "--email", "gus@example.org", "--name", "Gus", "--password", PASSWORD]);
    let collab = s.server.admin(&["create-collaborative", "--faculty", "gus@example.org"]);
    let team = s.server.admin(&["create-team", "--collab", &collab, "--name", "Elsewhere"]);
    (s.server.login("gus@example.org", PASSWORD), team)
}

#[test]
fn invites_are_single_use_unless_made_for_more_expire_and_only_their_maker_revokes_them() {
    let s = setup();
    let fay = s.server.login("fay@example.org", PASSWORD);
    let mia = s.server.login("mia@example.org", PASSWORD);
    let team = s.team1.to_string();

    // One use by default.
    let made = ok(&s.server, "POST", "/api/invites", Some(&fay), &json!({ "team": team, "role": "member" }));
    let code = made["code"].as_str().unwrap();
    let days = (made["expires_at"].as_i64().unwrap() - support_now_ms()) as f64 / 86_400_000.0;
    assert!((13.9..=14.0).contains(&days), "two weeks by default: {days}");
    assert_eq!(signup(&s.server, code, "ana@example.org", "Ana").0, 200);
    let before = s.server.digest();
    let (status, answer) = signup(&s.server, code, "ben@example.org", "Ben");
    assert_eq!((status, answer["reason"].as_str()), (400, Some("bad_invite")), "{answer}");
    assert!(answer["error"].as_str().unwrap().contains("not valid"), "{answer}");
    assert_eq!(s.server.digest(), before, "a used-up invite makes no account");

    // For three people, listed with who used it.
    let three =
        ok(&s.server, "POST", "/api/invites", Some(&fay), &json!({ "team": team, "role": "member", "uses": 3 }));
    let three_code = three["code"].as_str().unwrap();
    for (email, name) in [("ben@example.org", "Ben"), ("cy@example.org", "Cy")] {
        assert_eq!(signup(&s.server, three_code, email, name).0, 200);
    }
    let listed = ok(&s.server, "GET", &format!("/api/invites?team={team}"), Some(&fay), &json!(null));
    let invites = listed["invites"].as_array().unwrap();
    assert_eq!(invites.len(), 2);
    let three_listed = invites.iter().find(|i| i["id"] == three["id"]).unwrap();
    assert_eq!((three_listed["uses"].as_i64(), three_listed["max_uses"].as_i64()), (Some(2), Some(3)));
    assert_eq!(three_listed["used_by"], json!(["Ben", "Cy"]));
    assert!(!listed.to_string().contains(three_code) && !listed.to_string().contains(code), "codes are never listed");

    // Others cannot list or revoke it: a member, another collaborative's faculty.
    let (gus, _) = other_collaborative(&s);
    let list_path = format!("/api/invites?team={team}");
    refused(&s.server, "GET", &list_path, Some(&mia), &json!(null), 403, "forbidden");
    refused(&s.server, "GET", &list_path, Some(&gus), &json!(null), 403, "forbidden");
    let revoke = format!("/api/invites/{}/revoke", three["id"].as_str().unwrap());
    refused(&s.server, "POST", &revoke, Some(&gus), &json!(null), 403, "forbidden");
    refused(&s.server, "POST", &revoke, Some(&mia), &json!(null), 403, "forbidden");
    refused(&s.server, "POST", "/api/invites/nope/revoke", Some(&fay), &json!(null), 404, "not_found");

    // Revoked by its maker: its last use is gone.
    ok(&s.server, "POST", &revoke, Some(&fay), &json!(null));
    assert_eq!(signup(&s.server, three_code, "dee@example.org", "Dee").0, 400);
    let listed = ok(&s.server, "GET", &list_path, Some(&fay), &json!(null));
    let three_listed = listed["invites"].as_array().unwrap().iter().find(|i| i["id"] == three["id"]).unwrap().clone();
    assert!(three_listed["revoked_at"].as_i64().is_some(), "{three_listed}");

    // Expired.
    let soon = ok(&s.server, "POST", "/api/invites", Some(&fay), &json!({ "team": team, "role": "coach", "days": 1 }));
    s.server
        .sql(&format!("UPDATE invites SET expires_at = 1 WHERE id = '{}' RETURNING id", soon["id"].as_str().unwrap()));
    assert_eq!(signup(&s.server, soon["code"].as_str().unwrap(), "eve@example.org", "Eve").0, 400);

    // Bounds, and who may make them.
    for body in [
        json!({ "team": team, "role": "member", "uses": 0 }),
        json!({ "team": team, "role": "member", "uses": 201 }),
        json!({ "team": team, "role": "member", "days": 91 }),
        json!({ "team": team, "role": "faculty" }),
    ] {
        refused(&s.server, "POST", "/api/invites", Some(&fay), &body, 400, "bad_request");
    }
    refused(
        &s.server,
        "POST",
        "/api/invites",
        Some(&mia),
        &json!({ "team": team, "role": "member" }),
        403,
        "forbidden",
    );

    // The CLI lists the same, and says who took each.
    let printed = s.server.admin(&["list-invites", "--team", &team]);
    assert!(printed.contains("revoked") && printed.contains("used 2 of 3") && printed.contains("Ben, Cy"), "{printed}");
    assert!(printed.contains("used up") && printed.contains("expired"), "{printed}");

    // And the team's activity log shows what happened to its invites, by whom.
    let log = access_log(&s, &fay, &team_scope(&s.team1));
    for wanted in ["Fay invite_made - member 1", "Fay invite_made - member 3", "Fay invite_revoked - member -"] {
        assert!(log.contains(&wanted.to_owned()), "{wanted} in {log:?}");
    }
    assert!(log.contains(&"Ben joined Ben member -".to_owned()), "{log:?}");
}

fn support_now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

#[test]
fn an_invite_never_changes_a_role_and_a_change_of_role_is_faculty_s_shown_in_the_log() {
    let s = setup();
    let fay = s.server.login("fay@example.org", PASSWORD);
    let cal = s.server.login("cal@example.org", PASSWORD);
    let mia = s.server.login("mia@example.org", PASSWORD);
    let team = s.team1.to_string();
    let invite = |role: &str| {
        let made = ok(&s.server, "POST", "/api/invites", Some(&fay), &json!({ "team": team, "role": role }));
        made["code"].as_str().unwrap().to_owned()
    };

    // Cal coaches team 1: a member's invite to it does not make him a member.
    let member_code = invite("member");
    refused(
        &s.server,
        "POST",
        "/api/invites/accept",
        Some(&cal),
        &json!({ "code": member_code }),
        409,
        "already_on_team",
    );
    let (_, answer) = s.server.request("POST", "/api/invites/accept", Some(&cal), &json!({ "code": member_code }));
    assert!(answer["error"].as_str().unwrap().contains("already a coach"), "{answer}");
    // A coach's invite to where he coaches already: nothing changes, the invite stays unused.
    let coach_code = invite("coach");
    let answer = ok(&s.server, "POST", "/api/invites/accept", Some(&cal), &json!({ "code": coach_code }));
    assert_eq!(answer["already"], true);
    assert_eq!(signup(&s.server, &coach_code, "cora@example.org", "Cora").0, 200, "still usable by someone new");
    // Nor does the admin's add-member.
    let output =
        s.server.admin_output(&["add-member", "--team", &team, "--email", "cal@example.org", "--role", "member"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("already a coach"));
    let me = ok(&s.server, "GET", "/api/me", Some(&cal), &json!(null));
    assert!(!me["writable"].as_array().unwrap().contains(&json!(team_scope(&s.team1))), "{me}");

    // Faculty change it; a member cannot.
    let cal_id = user_id(&s.server, &cal);
    let path = format!("/api/teams/{team}/people/{cal_id}");
    refused(&s.server, "PATCH", &path, Some(&mia), &json!({ "role": "member" }), 403, "forbidden");
    refused(&s.server, "PATCH", &path, Some(&fay), &json!({ "role": "faculty" }), 400, "bad_request");
    let nobody = format!("/api/teams/{team}/people/{}", user_id(&s.server, &fay));
    refused(&s.server, "PATCH", &nobody, Some(&fay), &json!({ "role": "member" }), 404, "not_on_team");
    ok(&s.server, "PATCH", &path, Some(&fay), &json!({ "role": "member" }));
    let me = ok(&s.server, "GET", "/api/me", Some(&cal), &json!(null));
    assert!(me["writable"].as_array().unwrap().contains(&json!(team_scope(&s.team1))), "{me}");
    let people = ok(&s.server, "GET", &format!("/api/teams/{team}/people"), Some(&fay), &json!(null));
    let roles: Vec<String> = people["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!("{} {} {}", p["name"].as_str().unwrap(), p["email"].as_str().unwrap(), p["role"].as_str().unwrap())
        })
        .collect();
    assert_eq!(roles, ["Cal cal@example.org member", "Cora cora@example.org coach", "Mia mia@example.org member"]);
    s.server.admin(&["set-role", "--team", &team, "--email", "cal@example.org", "--role", "coach"]);

    let log = access_log(&s, &fay, &team_scope(&s.team1));
    assert!(log.contains(&"Fay role_changed Cal member coach".to_owned()), "{log:?}");
    assert!(log.contains(&"server role_changed Cal coach member".to_owned()), "{log:?}");
    let first = log.iter().position(|l| l.starts_with("server role_changed")).unwrap();
    let second = log.iter().position(|l| l.starts_with("Fay role_changed")).unwrap();
    assert!(first < second, "newest first: {log:?}");
}

#[test]
fn a_person_removed_from_a_team_stops_receiving_it_and_what_they_send_is_refused_with_a_reason() {
    let s = setup();
    let fay = s.server.login("fay@example.org", PASSWORD);
    let mia = s.server.login("mia@example.org", PASSWORD);
    let team = s.team1.to_string();
    let mia_id = user_id(&s.server, &mia);
    let mut replica = Replica::default();
    let mut clock = device(1);
    let ops = cycle_ops(&mut replica, &mut clock, &s.team1, 1, "Before");
    let (_, answer) = push(&s.server, &mia, &clock, &ops);
    assert!(serde_json::from_value::<PushResponse>(answer).unwrap().refused.is_empty());

    let (gus, _) = other_collaborative(&s);
    let path = format!("/api/teams/{team}/people/{mia_id}");
    refused(&s.server, "DELETE", &path, Some(&gus), &json!(null), 403, "forbidden");
    ok(&s.server, "DELETE", &path, Some(&fay), &json!(null));
    refused(&s.server, "DELETE", &path, Some(&fay), &json!(null), 404, "not_on_team");

    // Her devices are told, and receive nothing more of the team.
    let me = ok(&s.server, "GET", "/api/me", Some(&mia), &json!(null));
    assert_eq!(me["removed"], json!([team_scope(&s.team1)]), "{me}");
    assert!(!me["readable"].as_array().unwrap().contains(&json!(team_scope(&s.team1))));
    let fay_clock = device(2);
    let fay_ops = cycle_ops(&mut Replica::default(), &mut fay_clock.clone(), &s.team1, 2, "After");
    push(&s.server, &fay, &fay_clock, &fay_ops);
    let page = pull(&s.server, &mia, &device(3), &json!({}));
    assert!(page.fields.iter().all(|f| f.scope != team_scope(&s.team1)), "nothing of the team: {:?}", page.fields);

    // What she sends to it is refused, with the reason, and changes nothing.
    let before = s.server.data_digest();
    let ops = cycle_ops(&mut replica, &mut clock, &s.team1, 3, "Unsent");
    let (status, answer) = push(&s.server, &mia, &clock, &ops);
    assert_eq!(status, 200, "{answer}");
    let answer: PushResponse = serde_json::from_value(answer).unwrap();
    assert_eq!(answer.refused.len(), 1);
    assert!(answer.refused[0].reason.contains("no longer on this team"), "{:?}", answer.refused);
    assert_eq!(s.server.data_digest(), before);

    let log = access_log(&s, &fay, &team_scope(&s.team1));
    assert!(log.contains(&"Fay removed Mia member -".to_owned()), "{log:?}");

    // The admin's command removes too; an invite brings a person back.
    s.server.admin(&["remove-member", "--team", &team, "--email", "cal@example.org"]);
    let cal = s.server.login("cal@example.org", PASSWORD);
    let me = ok(&s.server, "GET", "/api/me", Some(&cal), &json!(null));
    assert_eq!(me["removed"], json!([team_scope(&s.team1)]));
    let made = ok(&s.server, "POST", "/api/invites", Some(&fay), &json!({ "team": team, "role": "member" }));
    ok(&s.server, "POST", "/api/invites/accept", Some(&mia), &json!({ "code": made["code"] }));
    let me = ok(&s.server, "GET", "/api/me", Some(&mia), &json!(null));
    assert_eq!(me["removed"], json!([]), "{me}");
    let ops = cycle_ops(&mut replica, &mut clock, &s.team1, 4, "Back");
    let (_, answer) = push(&s.server, &mia, &clock, &ops);
    assert!(serde_json::from_value::<PushResponse>(answer).unwrap().refused.is_empty());
}

#[test]
fn a_disabled_account_loses_every_session_at_once_and_cannot_sign_in_until_enabled() {
    let s = setup();
    let fay = s.server.login("fay@example.org", PASSWORD);
    let (phone, tablet) = (s.server.login("mia@example.org", PASSWORD), s.server.login("mia@example.org", PASSWORD));
    let mia_id = user_id(&s.server, &phone);
    let mia = |token: &str| s.server.request("GET", "/api/me", Some(token), &json!(null)).0;

    refused(
        &s.server,
        "POST",
        &format!("/api/accounts/{mia_id}/disable"),
        Some(&phone),
        &json!(null),
        403,
        "forbidden",
    );
    let answer = ok(&s.server, "POST", &format!("/api/accounts/{mia_id}/disable"), Some(&fay), &json!(null));
    assert_eq!(answer["sessions_ended"], 2);
    assert_eq!((mia(&phone), mia(&tablet)), (401, 401));
    let login = |password: &str| {
        s.server.request("POST", "/api/auth/login", None, &json!({ "email": "mia@example.org", "password": password }))
    };
    let (status, answer) = login(PASSWORD);
    assert_eq!((status, answer["reason"].as_str()), (403, Some("account_disabled")), "{answer}");
    let (status, answer) = login("not her password at all");
    assert_eq!(
        (status, answer["reason"].as_str()),
        (401, Some("bad_credentials")),
        "only the password's owner learns it"
    );
    let log = access_log(&s, &fay, &team_scope(&s.team1));
    assert!(log.contains(&"Fay disabled Mia - -".to_owned()), "{log:?}");

    // Faculty cannot disable themselves, nor someone who also works in another collaborative.
    let fay_id = user_id(&s.server, &fay);
    refused(&s.server, "POST", &format!("/api/accounts/{fay_id}/disable"), Some(&fay), &json!(null), 403, "forbidden");
    let (_, elsewhere) = other_collaborative(&s);
    s.server.admin(&["add-member", "--team", &elsewhere, "--email", "cal@example.org", "--role", "coach"]);
    let cal_id = user_id(&s.server, &s.server.login("cal@example.org", PASSWORD));
    refused(&s.server, "POST", &format!("/api/accounts/{cal_id}/disable"), Some(&fay), &json!(null), 403, "forbidden");
    refused(&s.server, "POST", "/api/accounts/nobody/disable", Some(&fay), &json!(null), 404, "not_found");

    ok(&s.server, "POST", &format!("/api/accounts/{mia_id}/enable"), Some(&fay), &json!(null));
    assert_eq!(login(PASSWORD).0, 200);
    // The admin can disable anyone.
    let printed = s.server.admin(&["disable-account", "--email", "cal@example.org"]);
    assert!(printed.contains("ended 1 sessions"), "{printed}");
    assert_eq!(
        s.server
            .request("POST", "/api/auth/login", None, &json!({ "email": "cal@example.org", "password": PASSWORD }))
            .0,
        403
    );
}

#[test]
fn a_changed_password_ends_the_other_sessions_and_a_reset_code_works_once() {
    let s = setup();
    let fay = s.server.login("fay@example.org", PASSWORD);
    let (phone, tablet) = (s.server.login("mia@example.org", PASSWORD), s.server.login("mia@example.org", PASSWORD));
    let status = |token: &str| s.server.request("GET", "/api/me", Some(token), &json!(null)).0;
    let login = |password: &str| {
        s.server
            .request("POST", "/api/auth/login", None, &json!({ "email": "mia@example.org", "password": password }))
            .0
    };

    let change = |current: &str, new: &str| json!({ "current": current, "new": new });
    refused(
        &s.server,
        "POST",
        "/api/auth/password",
        Some(&phone),
        &change("wrong password!", "a new long password"),
        400,
        "wrong_password",
    );
    refused(&s.server, "POST", "/api/auth/password", Some(&phone), &change(PASSWORD, "short"), 400, "short_password");
    // The reason's values come with its code, for the app to word it in its person's language.
    let (_, answer) = s.server.request("POST", "/api/auth/password", Some(&phone), &change(PASSWORD, "short"));
    assert_eq!(answer["values"], json!({ "min": "10" }), "{answer}");
    let answer = ok(&s.server, "POST", "/api/auth/password", Some(&phone), &change(PASSWORD, "a new long password"));
    assert_eq!(answer["sessions_ended"], 1);
    assert_eq!((status(&phone), status(&tablet)), (200, 401), "this session stays, the other ends");
    assert_eq!((login(PASSWORD), login("a new long password")), (401, 200));

    // A reset code from faculty: works once, for her email only, and ends every session.
    let mia_id = user_id(&s.server, &phone);
    let code = ok(&s.server, "POST", &format!("/api/accounts/{mia_id}/reset-code"), Some(&fay), &json!(null))["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let reset = |email: &str, code: &str, password: &str| json!({ "email": email, "code": code, "password": password });
    refused(
        &s.server,
        "POST",
        "/api/auth/reset",
        None,
        &reset("cal@example.org", &code, "reset password one"),
        400,
        "bad_reset_code",
    );
    refused(
        &s.server,
        "POST",
        "/api/auth/reset",
        None,
        &reset("mia@example.org", &code, "short"),
        400,
        "short_password",
    );
    let answer = ok(&s.server, "POST", "/api/auth/reset", None, &reset("mia@example.org", &code, "reset password one"));
    assert!(answer["token"].as_str().is_some());
    assert_eq!(status(&phone), 401, "the reset ends every earlier session");
    refused(
        &s.server,
        "POST",
        "/api/auth/reset",
        None,
        &reset("mia@example.org", &code, "reset password two"),
        400,
        "bad_reset_code",
    );
    assert_eq!(login("reset password one"), 200);
    let log = access_log(&s, &fay, &team_scope(&s.team1));
    assert!(log.contains(&"Fay reset_code Mia - -".to_owned()), "{log:?}");

    // A member cannot make one for someone else; an admin can, and an expired code fails.
    let cal = s.server.login("cal@example.org", PASSWORD);
    refused(
        &s.server,
        "POST",
        &format!("/api/accounts/{mia_id}/reset-code"),
        Some(&cal),
        &json!(null),
        403,
        "forbidden",
    );
    let code = s.server.admin(&["reset-code", "--email", "mia@example.org"]);
    s.server.sql("UPDATE reset_codes SET expires_at = 1 RETURNING user_id");
    refused(
        &s.server,
        "POST",
        "/api/auth/reset",
        None,
        &reset("mia@example.org", &code, "reset password three"),
        400,
        "bad_reset_code",
    );
    let code = s.server.admin(&["reset-code", "--email", "mia@example.org"]);
    ok(&s.server, "POST", "/api/auth/reset", None, &reset("mia@example.org", &code, "reset password four"));
    assert_eq!(login("reset password four"), 200);
}

#[test]
fn authors_carry_the_role_faculty_gave_them_so_a_chosen_name_cannot_pass_for_faculty() {
    let s = setup();
    let fay = s.server.login("fay@example.org", PASSWORD);
    let made = ok(
        &s.server,
        "POST",
        "/api/invites",
        Some(&fay),
        &json!({ "team": s.team1.to_string(), "role": "member", "uses": 2 }),
    );
    let code = made["code"].as_str().unwrap();
    let (status, answer) = signup(&s.server, code, "fake@example.org", "Fay · faculty");
    assert_eq!((status, answer["reason"].as_str()), (400, Some("name_character")), "{answer}");
    let (status, answer) = signup(&s.server, code, "fake@example.org", "Fay (Faculty)");
    assert_eq!(status, 200, "{answer}");
    let fake = answer["token"].as_str().unwrap().to_owned();

    let (fake_clock, fay_clock) = (device(1), device(2));
    let ops = cycle_ops(&mut Replica::default(), &mut fake_clock.clone(), &s.team1, 1, "by the impostor");
    push(&s.server, &fake, &fake_clock, &ops);
    let ops = cycle_ops(&mut Replica::default(), &mut fay_clock.clone(), &s.team1, 2, "by faculty");
    push(&s.server, &fay, &fay_clock, &ops);
    let page = pull(&s.server, &fay, &device(3), &json!({}));
    let mut authors: Vec<String> = page
        .fields
        .iter()
        .filter(|f| f.kind == Kind::Cycle)
        .map(|f| f.state.siblings()[0].author.clone().unwrap())
        .collect();
    authors.sort();
    assert_eq!(authors, ["Fay (Faculty) · member", "Fay · faculty"]);

    // The activity log names each account with its email.
    let page = ok(&s.server, "GET", &format!("/api/audit?scope={}", team_scope(&s.team1)), Some(&fay), &json!(null));
    let people: Vec<String> = page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} <{}>", e["person"].as_str().unwrap(), e["email"].as_str().unwrap()))
        .collect();
    assert!(people.contains(&"Fay (Faculty) <fake@example.org>".to_owned()), "{people:?}");
    assert!(people.contains(&"Fay <fay@example.org>".to_owned()), "{people:?}");
}
