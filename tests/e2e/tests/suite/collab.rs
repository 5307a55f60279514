//! Running a collaborative (issue 6) in Chromium against the real server: a coach comments and
//! scores offline and the team member's device shows both after sync, with an unread count;
//! the demo collaborative's dashboard (offline after one sync), sort and filter, reports with
//! a point-apart score, the collaborative's page and the cross-team view, screenshotted at
//! phone and tablet width.

use ramp_e2e::{set_up_team, Browser, Server, PASSWORD, PHONE, TABLET};
use serde_json::json;

#[tokio::test]
async fn a_coach_comments_and_scores_offline_and_the_member_sees_both() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let team = set_up_team(&server)?;
    server.admin(&["create-user", "--email", "cal@example.org", "--name", "Cal Coach", "--password", PASSWORD])?;
    server.admin(&["add-member", "--team", &team, "--email", "cal@example.org", "--role", "coach"])?;

    // Mia writes a cycle and this month's report with the team's score.
    let phone = Browser::start(PHONE).await?;
    phone.open_team(&server, "mia@example.org", &team).await?;
    let cycle_url = phone.start_cycle("Night huddle", "Huddle at 22:00").await?;
    phone.goto(&format!("{}/teams/{team}/reports", server.url)).await?;
    phone.click("[data-testid=open-report]").await?;
    phone.wait_for_text("[data-testid=report-title]", "Report for").await?;
    let report_url = phone.url().await?;
    phone.type_into("#f-progress", "Huddles on nights started").await?;
    phone.click("[id='f-self_score-3.5']").await?;
    phone.wait_saved().await?;
    phone.sync_until_synced("Mia's report is on the server").await?;

    // Cal syncs on the tablet, then works offline: a comment on the cycle, a score on the report.
    let tablet = Browser::start(TABLET).await?;
    tablet.sign_in(&server, "cal@example.org", PASSWORD).await?;
    tablet.goto(&format!("{}/dashboard", server.url)).await?;
    tablet.wait_for_text("[data-testid=dashboard]", "Ward 7 Falls Team").await?;
    tablet.wait_offline_ready().await?;
    server.stop();
    tablet.goto(&cycle_url).await?;
    tablet.wait_for_text("[data-testid=cycle-title]", "Night huddle").await?;
    let disabled = tablet.js("return document.querySelector('#f-title').matches(':disabled')", vec![]).await?;
    assert_eq!(disabled, json!(true), "the coach reads the worksheet but does not change it");
    tablet.type_into("#new-comment", "Good start. What did the night nurses say?").await?;
    tablet.click("[data-testid=add-comment]").await?;
    tablet.wait_for_text("[data-testid=comments]", "What did the night nurses say?").await?;
    // Written offline, it says so: it has not reached the team yet.
    tablet.wait_for_text("[data-testid=comment] [data-testid=unsent]", "Not sent yet").await?;
    tablet.goto(&report_url).await?;
    tablet.wait_for_text("[data-testid=score-summary]", "3.5").await?;
    let locked = tablet.js("return document.querySelector('#f-progress').matches(':disabled')", vec![]).await?;
    assert_eq!(locked, json!(true), "the team's words are the team's");
    tablet.click("[id='f-faculty_score-2.5']").await?;
    tablet.type_into("#f-faculty_note", "Process measures moved; outcomes not yet").await?;
    tablet.wait_saved().await?;
    tablet.wait_for_text("[data-testid=score-gap]", "a point or more apart").await?;
    tablet
        .sync_until(
            "the tablet knows it is offline",
            "return document.querySelector('[data-testid=sync-status]').innerText.includes('Offline');",
        )
        .await?;
    tablet.screenshot("coach-report-offline-tablet").await?;

    // Back online: Cal's changes reach the server, then Mia's phone.
    server.restart()?;
    tablet.sync_until_synced("the coach's changes are on the server").await?;
    phone.goto(&format!("{}/teams/{team}", server.url)).await?;
    phone
        .sync_until(
            "the comment reaches the phone",
            "return !!document.querySelector('[data-testid=unread-comments]');",
        )
        .await?;
    phone.wait_for_text("[data-testid=unread-comments]", "1 unread comment").await?;
    phone.wait_for_text("[data-testid=unread-comments]", "Cal Coach").await?;
    phone.screenshot("member-unread-phone").await?;
    // The link lands on the comment itself, which says the writer is the team's coach.
    phone.click("[data-testid=unread-comments] a").await?;
    phone
        .wait_until(
            "the unread comment has the focus",
            "const a = document.activeElement; return !!a && a.dataset.testid === 'comment' && a.innerText.includes('night nurses');",
        )
        .await?;
    assert!(phone.url().await?.contains("#comment-"), "the link names the comment");
    phone.wait_for_text("[data-testid=comment] [data-testid=comment-role]", "coach").await?;
    let unsent =
        phone.js("return !!document.querySelector('[data-testid=comment] [data-testid=unsent]')", vec![]).await?;
    assert_eq!(unsent, json!(false), "a comment that came from the server is not marked as waiting");
    phone.goto(&report_url).await?;
    phone.wait_for_text("[data-testid=score-gap]", "The team scored 3.5 and faculty scored 2.5").await?;
    phone.wait_for_text("[data-testid=score-summary]", "2.5 — Changes tested, but no improvement").await?;
    // The coach's score, its reason and who gave it when sit at the top beside the team's own;
    // the team is not shown the coach's scale it cannot use.
    phone.wait_for_text("[data-testid=coach-score]", "Why: Process measures moved; outcomes not yet").await?;
    phone.wait_for_text("[data-testid=coach-score]", "Scored by Cal Coach").await?;
    let pills = phone.js("return document.querySelectorAll('[id^=f-faculty_score]').length", vec![]).await?;
    assert_eq!(pills, json!(0), "the coach's scale is not drawn for the team");
    let above = phone
        .js(
            "return document.querySelector('[data-testid=coach-score]').getBoundingClientRect().top <             document.querySelector('#sec-report').getBoundingClientRect().top",
            vec![],
        )
        .await?;
    assert_eq!(above, json!(true), "the scores come before the report's fields");
    phone.look("member-report").await?;
    phone.goto(&cycle_url).await?;
    phone.wait_for_text("[data-testid=comment]", "Cal Coach").await?;
    // Once shown, the comment is read: the overview has nothing unread.
    phone.goto(&format!("{}/teams/{team}", server.url)).await?;
    phone.wait_for_text("[data-testid=team-name]", "Ward 7 Falls Team").await?;
    let unread = phone.js("return !!document.querySelector('[data-testid=unread-comments]')", vec![]).await?;
    assert_eq!(unread, json!(false), "read comments are no longer counted");
    phone.close().await;
    tablet.close().await;
    Ok(())
}

#[tokio::test]
async fn the_demo_collaborative_on_a_coach_tablet_and_a_faculty_phone() -> anyhow::Result<()> {
    let mut server = Server::start_demo()?;
    let demo_password = "ramp-demo-2026";

    // The coach: one sync, then the dashboard offline.
    let tablet = Browser::start(TABLET).await?;
    tablet.sign_in(&server, "coach@demo.ramp", demo_password).await?;
    tablet.click("[data-testid=open-dashboard]").await?;
    tablet
        .wait_until("three teams", "return document.querySelectorAll('[data-testid=dash-team]').length === 3;")
        .await?;
    tablet.wait_offline_ready().await?;
    server.stop();
    tablet.reload().await?;
    tablet
        .wait_until("three teams offline", "return document.querySelectorAll('[data-testid=dash-team]').length === 3;")
        .await?;
    // Quiet teams first: the care home that stopped two months ago stands out.
    let first = tablet.text("[data-testid=dash-team]").await?;
    assert!(first.contains("Hillview Care Home") && first.contains("Gone quiet"), "{first}");
    let quiet = tablet.js("return document.querySelectorAll('[data-testid=quiet]').length", vec![]).await?;
    assert_eq!(quiet, json!(1));
    // Each aim-progress bar is drawn as long as the percentage it states (an inline style
    // attribute, which the security policy blocks, drew them all full).
    let bars = tablet
        .js(
            "return [...document.querySelectorAll('[data-testid=dash-team] .progress')].map(p => [\
               Math.round(100 * p.querySelector('.progress-fill').getBoundingClientRect().width / p.getBoundingClientRect().width),\
               parseInt(p.getAttribute('aria-label'))]);",
            vec![],
        )
        .await?;
    let bars = bars.as_array().cloned().unwrap_or_default();
    assert!(!bars.is_empty(), "the demo's teams have aim progress");
    for bar in &bars {
        let (drawn, stated) = (bar[0].as_i64().unwrap(), bar[1].as_i64().unwrap());
        assert!((drawn - stated.clamp(0, 100)).abs() <= 1, "drawn {drawn} % for {stated} %: {bars:?}");
    }
    let blocked = tablet.csp_violations().await?;
    assert!(blocked.is_empty(), "the dashboard: the security policy blocked {blocked:?}");
    tablet.screenshot("dashboard-demo-tablet").await?;
    tablet.viewport(PHONE).await?;
    tablet.screenshot("dashboard-demo-phone").await?;
    tablet.viewport(TABLET).await?;
    tablet.type_into("[data-testid=dash-filter]", "river").await?;
    tablet
        .wait_until("one team found", "return document.querySelectorAll('[data-testid=dash-team]').length === 1;")
        .await?;
    tablet.wait_for_text("[data-testid=dash-team]", "Riverside Rehab").await?;
    tablet.set_value("[data-testid=dash-filter]", "").await?;
    tablet.click("[data-testid=dash-quiet]").await?;
    tablet
        .wait_until("only the quiet team", "return document.querySelectorAll('[data-testid=dash-team]').length === 1;")
        .await?;
    tablet.wait_for_text("[data-testid=dash-team]", "Hillview").await?;
    tablet.click("[data-testid=dash-quiet]").await?;
    tablet.js("const s = document.querySelector('[data-testid=dash-sort]'); s.value = 'name'; s.dispatchEvent(new Event('change'));", vec![]).await?;
    tablet.wait_until(
        "sorted by name",
        "const names = [...document.querySelectorAll('.dash-name')].map(a => a.innerText); return names.join('|') === 'Hillview Care Home|Riverside Rehab|Ward 7 Falls Team';",
    ).await?;
    // Tapping a team opens its worksheets, read-only for a coach.
    tablet.click(".dash-name").await?;
    tablet.wait_for_text("[data-testid=read-only]", "only its members change").await?;
    tablet.close().await;

    // Faculty: the collaborative, its reports with a point-apart month, the cross-team view.
    server.restart()?;
    let phone = Browser::start(PHONE).await?;
    phone.sign_in(&server, "faculty@demo.ramp", demo_password).await?;
    phone.wait_for_text("[data-testid=collab-list]", "Safer Wards Collaborative").await?;
    phone.click("[data-testid=collab-list] a").await?;
    phone.wait_for_text("[data-testid=calendar]", "Learning session 3").await?;
    phone.wait_for_text("[data-testid=common-measures]", "Patients screened for falls risk").await?;
    phone.wait_for_text("[data-testid=package-ideas]", "Safety huddle at shift change").await?;
    phone.wait_for_text("[data-testid=collab-teams]", "Riverside Rehab").await?;
    // Every id once: the "Add a date" form's dates are not the collaborative's own.
    let twice = phone.duplicate_ids().await?;
    assert!(twice.is_empty(), "element ids used twice on the collaborative's page: {twice:?}");
    phone.screenshot("collab-demo-phone").await?;
    let collab_url = phone.url().await?;
    phone.click("[data-testid=team-people]").await?;
    phone.wait_for_text("[data-testid=people]", "@").await?;
    phone.js("const s = document.querySelector('#invite-role'); s.value = 'coach'; s.dispatchEvent(new Event('change'));", vec![]).await?;
    phone.click("[data-testid=make-invite] button[type=submit]").await?;
    phone.wait_for_text("[data-testid=invite-code]", "For one person joining as coach").await?;
    phone.goto(&format!("{collab_url}/compare")).await?;
    phone
        .wait_until(
            "a chart per team and common measure",
            "return document.querySelectorAll('.compare-cell svg').length === 9;",
        )
        .await?;
    // One scale per common measure: every team's chart reads the same values up its side and
    // the same months along the bottom; the score table names the teams.
    let axes = phone
        .js(
            "return [...document.querySelectorAll('[data-testid=compare-grid]')].map(g =>\
               [...g.querySelectorAll('.compare-chart')].map(svg => [...svg.querySelectorAll('text.tick')].map(t => t.textContent).join('|')));",
            vec![],
        )
        .await?;
    let axes: Vec<Vec<String>> = serde_json::from_value(axes)?;
    assert_eq!(axes.len(), 3, "three common measures");
    for teams in &axes {
        assert_eq!(teams.len(), 3, "three teams each: {axes:?}");
        assert!(teams.iter().all(|axis| axis == &teams[0] && axis.contains('|')), "one scale: {axes:?}");
    }
    phone.wait_for_text("[data-testid=team-key]", "Ward 7 Falls Team").await?;
    phone.wait_for_text("[data-testid=score-distribution]", "T1").await?;
    phone.look("compare-demo").await?;
    phone.screenshot("compare-demo-phone").await?;
    phone.viewport(TABLET).await?;
    phone.screenshot("compare-demo-tablet").await?;
    // As printed for a learning session: no buttons or navigation, the charts and the table.
    phone.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })).await?;
    let printed = phone.js("return getComputedStyle(document.querySelector('.top')).display", vec![]).await?;
    assert_eq!(printed, json!("none"), "the header is not printed");
    let stamp = phone.js("const p = document.querySelector('[data-testid=print-asof]'); return getComputedStyle(p).display + ' ' + p.innerText;", vec![]).await?;
    assert!(
        stamp.as_str().is_some_and(|s| s.starts_with("block Data as of")),
        "the printout says when its data is from: {stamp}"
    );
    phone.screenshot("compare-demo-print").await?;
    phone.cdp("Emulation.setEmulatedMedia", json!({ "media": "" })).await?;
    phone.goto(&collab_url).await?;
    phone.click("[data-testid=collab-teams] a").await?;
    phone.wait_for_text("[data-testid=team-name]", "").await?;
    let team_url = phone.url().await?;
    phone.goto(&format!("{team_url}/reports")).await?;
    phone
        .wait_until(
            "18 months of reports",
            "return document.querySelectorAll('[data-testid=report-list] li').length >= 16;",
        )
        .await?;
    phone.screenshot("reports-demo-tablet").await?;
    phone.close().await;

    // A member: the team already reports the common measures and has adopted the package's
    // ideas; a tap finds the copy among its own change ideas, to adapt.
    let member = Browser::start(PHONE).await?;
    member.sign_in(&server, "member@demo.ramp", demo_password).await?;
    member.goto(&collab_url).await?;
    member.wait_for_text("[data-testid=common-measures]", "✓ In Ward 7 Falls Team's measures").await?;
    let offered = member.js("return document.querySelectorAll('[data-testid=adopt-measure]').length", vec![]).await?;
    assert_eq!(offered, json!(0), "no offer to add a measure the team already reports");
    let editable = member.js("return document.querySelector('#f-name').matches(':disabled')", vec![]).await?;
    assert_eq!(editable, json!(true), "members read the collaborative's record");
    // The demo's team adopted the package already (adopting one is in `spread.rs`).
    member.wait_for_text("[data-testid=package-ideas]", "✓ Adopted by Ward 7 Falls Team").await?;
    member.click("[data-testid=package-ideas] a.card-meta").await?;
    member.wait_until("the team's copy of the idea", "return location.pathname.includes('/ideas/');").await?;
    member.wait_saved().await?;
    // The team charts days between falls with harm, a rare event, as a T chart: falls have
    // grown rarer, and the chart says so by Shewhart's rules.
    let team_path = member.js("return location.pathname.split('/').slice(0, 3).join('/')", vec![]).await?;
    member.goto(&format!("{}{}/measures", server.url, team_path.as_str().unwrap_or_default())).await?;
    member.wait_for_text("main", "Days between falls with harm").await?;
    member
        .js(
            "[...document.querySelectorAll('main a')].find(a => a.innerText.includes('Days between falls')).click();",
            vec![],
        )
        .await?;
    member.wait_for_text("[data-testid=chart-caption]", "T chart (time between events) · Shewhart rules").await?;
    // Worded and coloured by what it means: longer between falls is better.
    member.wait_for_text("[data-testid=chart-signals]", "Improvement: Shift: 9 points above the mean").await?;
    let improvement = member
        .js(
            "return [...document.querySelectorAll('[data-testid=chart-signals] li.signal-improvement')].map(l => l.innerText).join(' | ')",
            vec![],
        )
        .await?;
    assert!(improvement.as_str().unwrap_or_default().contains("Above the upper limit: Nov"), "{improvement}");
    member
        .js(
            "document.querySelector('[data-testid=chart]').scrollIntoView({block: 'start'}); window.scrollBy(0, -90);",
            vec![],
        )
        .await?;
    member.screenshot("chart-t-demo-phone").await?;
    member.close().await;
    Ok(())
}
