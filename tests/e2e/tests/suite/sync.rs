//! Two devices, two people, one team: offline edits on both merge when they reconnect; the
//! same field edited on both is shown as a conflict with who wrote what, and resolving it on
//! one device resolves it on the other.

use ramp_e2e::{set_up_team, Browser, Server, PASSWORD, PHONE, TABLET};
use serde_json::json;

/// Mia signs in on the phone (the team arrives from the server), starts a cycle and syncs;
/// Max signs in on the tablet and opens it. Both pages can then work offline. Returns the
/// cycle's URL.
async fn cycle_on_two_devices(
    server: &Server,
    team: &str,
    phone: &Browser,
    tablet: &Browser,
    title: &str,
    change_idea: &str,
) -> anyhow::Result<String> {
    phone.open_team(server, "mia@example.org", team).await?;
    let cycle_url = phone.start_cycle(title, change_idea).await?;
    phone.wait_offline_ready().await?;
    phone.sync_until("the cycle reached the server", "return document.body.innerText.includes('Synced at');").await?;
    tablet.sign_in(server, "max@example.org", PASSWORD).await?;
    tablet.goto(&cycle_url).await?;
    tablet.wait_for_text("[data-testid=cycle-title]", title).await?;
    tablet.wait_offline_ready().await?;
    Ok(cycle_url)
}

#[tokio::test]
async fn offline_edits_on_two_devices_merge_and_a_conflict_is_resolved_everywhere() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let team = set_up_team(&server)?;
    let phone = Browser::start(PHONE).await?;
    let tablet = Browser::start(TABLET).await?;

    cycle_on_two_devices(&server, &team, &phone, &tablet, "Bedside huddle", "Daily falls huddle").await?;

    // Both work offline: the same field on both, and a different field on the tablet.
    server.stop();
    phone.type_into("#f-objective", "Cut falls at night").await?;
    phone.wait_saved().await?;
    tablet.type_into("#f-objective", "Cut falls on every shift").await?;
    tablet.type_into("#f-learning", "Night staff need a shorter script").await?;
    tablet.wait_saved().await?;
    phone
        .sync_until(
            "the phone knows it is offline",
            "return document.querySelector('[data-testid=sync-status]').innerText.includes('Offline');",
        )
        .await?;

    // Back online: the different field merges silently; the same field is a conflict.
    server.restart()?;
    tablet.sync_until_synced("the tablet has synced").await?;
    phone
        .sync_until(
            "the phone shows the conflict",
            "return !!document.querySelector('[data-testid=field-objective] + [data-testid=conflict]');",
        )
        .await?;
    let learning = phone.value_of("#f-learning").await?;
    assert_eq!(learning, json!("Night staff need a shorter script"), "the tablet's other edit merged");
    let conflict = phone.text("[data-testid=conflict]").await?;
    assert!(conflict.contains("Cut falls at night") && conflict.contains("Mia"), "{conflict}");
    assert!(conflict.contains("Cut falls on every shift") && conflict.contains("Max"), "{conflict}");
    // Each version says who wrote it and on which device.
    let versions = phone
        .js("return [...document.querySelectorAll('[data-testid=conflict-meta]')].map(e => e.innerText)", vec![])
        .await?;
    let versions: Vec<String> = serde_json::from_value(versions)?;
    assert!(versions.iter().any(|v| v.starts_with("Mia (member) on this device")), "{versions:?}");
    assert!(versions.iter().any(|v| v.starts_with("Max (member) on another device")), "{versions:?}");
    phone.wait_for_text("[data-testid=sync-status]", "1 conflict").await?;
    tablet
        .sync_until("the tablet shows the conflict too", "return !!document.querySelector('[data-testid=conflict]');")
        .await?;

    // Mia keeps Max's wording: the conflict is gone on both devices.
    phone.click("[data-testid=conflict] .conflict-choice:nth-of-type(1) button").await?;
    phone.wait_for_text("[data-testid=sync-status]", "Synced at").await?;
    phone
        .sync_until("the phone's conflict is resolved", "return !document.querySelector('[data-testid=conflict]');")
        .await?;
    let kept = phone.value_of("#f-objective").await?;
    tablet
        .sync_until("the tablet's conflict is resolved", "return !document.querySelector('[data-testid=conflict]');")
        .await?;
    assert_eq!(tablet.value_of("#f-objective").await?, kept);
    assert!(!tablet.text("[data-testid=sync-status]").await?.contains("conflict"));
    phone.close().await;
    tablet.close().await;
    Ok(())
}

#[tokio::test]
async fn a_new_member_joins_with_an_invite_code_and_finds_the_team() -> anyhow::Result<()> {
    let server = Server::start()?;
    let team = set_up_team(&server)?;
    let code = server.admin(&["invite", "--team", &team, "--role", "member"])?;
    let phone = Browser::start(PHONE).await?;
    phone.goto(&format!("{}/signin", server.url)).await?;
    phone.type_into("#join-code", "WRONG-CODE0").await?;
    phone.type_into("#join-name", "Nia").await?;
    phone.type_into("#join-email", "nia@example.org").await?;
    phone.type_into("#join-password", PASSWORD).await?;
    phone.click("[data-testid=join-problem] + button").await?;
    phone.wait_for_text("[data-testid=join-problem]", "invite code is not valid").await?;
    assert_eq!(phone.value_of("#join-name").await?, json!("Nia"), "what was typed stays");
    phone.set_value("#join-code", &code.to_lowercase()).await?;
    phone.click("[data-testid=join-problem] + button").await?;
    phone.wait_for_text("[data-testid=sync-status]", "Synced at").await?;
    phone.goto(&server.url).await?;
    phone.wait_for_text("main", "Ward 7 Falls Team").await?;
    phone.goto(&format!("{}/settings", server.url)).await?;
    phone.wait_for_text("[data-testid=account]", "Signed in as Nia").await?;
    phone.close().await;
    Ok(())
}

#[tokio::test]
async fn a_coach_reads_a_team_offline_but_is_not_offered_to_change_it() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let team = set_up_team(&server)?;
    server.admin(&["create-user", "--email", "cal@example.org", "--name", "Cal", "--password", PASSWORD])?;
    server.admin(&["add-member", "--team", &team, "--email", "cal@example.org", "--role", "coach"])?;
    let member = Browser::start(PHONE).await?;
    member.sign_in(&server, "mia@example.org", PASSWORD).await?;
    member.goto(&format!("{}/teams/{team}", server.url)).await?;
    let cycle_url = member.start_cycle("Discharge call", "Call within 48 hours").await?;
    member.sync_until("the cycle is on the server", "return document.body.innerText.includes('Synced at');").await?;
    member.close().await;

    let tablet = Browser::start(TABLET).await?;
    tablet.sign_in(&server, "cal@example.org", PASSWORD).await?;
    tablet.goto(&cycle_url).await?;
    tablet.wait_for_text("[data-testid=cycle-title]", "Discharge call").await?;
    tablet.wait_offline_ready().await?;
    server.stop();
    tablet.reload().await?;
    tablet.wait_for_text("[data-testid=read-only]", "only its members change them").await?;
    let disabled = tablet.js("return document.querySelector('#f-title').matches(':disabled')", vec![]).await?;
    assert_eq!(disabled, json!(true), "the coach cannot type in the worksheet");
    tablet.click(".crumbs a").await?;
    tablet.wait_for_text("[data-testid=cycle-list]", "Discharge call").await?;
    let start = tablet.js("return !!document.querySelector('[data-testid=start-cycle]')", vec![]).await?;
    assert_eq!(start, json!(false), "no Start button for a coach");
    tablet.screenshot("coach-team-tablet").await?;
    tablet.close().await;
    Ok(())
}

#[tokio::test]
async fn work_from_before_signing_in_moves_into_the_team_and_syncs() -> anyhow::Result<()> {
    let server = Server::start()?;
    let team = set_up_team(&server)?;
    let code = server.admin(&["invite", "--team", &team, "--role", "member"])?;
    let phone = Browser::start(PHONE).await?;
    // Before signing in: a team and a cycle, on the device only.
    phone.goto(&server.url).await?;
    phone.type_into("#f-name", "My ward").await?;
    phone.click("form.create-form button[type=submit]").await?;
    phone.wait_for_text("[data-testid=team-name]", "My ward").await?;
    phone.start_cycle("Early test", "Pre-visit call").await?;
    phone.wait_for_text("[data-testid=sync-status]", "On this device only").await?;

    // Joining the collaborative: nothing is sent until the person decides.
    phone.goto(&format!("{}/signin", server.url)).await?;
    phone.type_into("#join-code", &code).await?;
    phone.type_into("#join-name", "Nia").await?;
    phone.type_into("#join-email", "nia@example.org").await?;
    phone.type_into("#join-password", PASSWORD).await?;
    phone.click("[data-testid=join-problem] + button").await?;
    phone.wait_for_text("[data-testid=sync-status]", "Local team to move").await?;
    phone.goto(&format!("{}/settings", server.url)).await?;
    phone.wait_for_text("[data-testid=local-teams]", "“My ward” and its cycles are only on this device").await?;
    phone.screenshot("settings-local-team-phone").await?;
    phone.click("[data-testid=local-teams] button.primary").await?;
    phone.sync_until_synced("the moved cycle is sent").await?;

    // A teammate finds the cycle in the team.
    let tablet = Browser::start(TABLET).await?;
    tablet.sign_in(&server, "mia@example.org", PASSWORD).await?;
    tablet.goto(&format!("{}/teams/{team}", server.url)).await?;
    tablet.wait_for_text("[data-testid=cycle-list]", "Early test").await?;
    phone.close().await;
    tablet.close().await;
    Ok(())
}

#[tokio::test]
async fn deleting_while_someone_edits_is_a_conflict_not_a_loss() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let team = set_up_team(&server)?;
    let phone = Browser::start(PHONE).await?;
    let tablet = Browser::start(TABLET).await?;
    let cycle_url = cycle_on_two_devices(&server, &team, &phone, &tablet, "To be deleted?", "Idea").await?;

    // Offline: Mia deletes the cycle while Max records what he learned in it.
    server.stop();
    phone.js("window.confirm = () => true;", vec![]).await?;
    phone.click("[data-testid=delete-cycle]").await?;
    phone.wait_for_text("main", "PDSA cycles").await?;
    let listed = phone
        .js("return document.querySelector('[data-testid=cycle-list]').innerText.includes('To be deleted?')", vec![])
        .await?;
    assert_eq!(listed, json!(false), "deleted on the phone");
    tablet.type_into("#f-learning", "It worked on day 2").await?;
    tablet.wait_saved().await?;

    server.restart()?;
    phone.sync_until_synced("the phone has sent the deletion").await?;
    tablet
        .sync_until(
            "the tablet sees the dispute",
            "return !!document.querySelector('[data-testid=deletion-conflict]');",
        )
        .await?;
    phone
        .sync_until(
            "the cycle comes back on the phone",
            "return document.querySelector('[data-testid=cycle-list]').innerText.includes('To be deleted?');",
        )
        .await?;
    phone.wait_for_text("[data-testid=sync-status]", "1 conflict").await?;

    // Max keeps it: resolved everywhere, his learning intact.
    tablet.click("[data-testid=deletion-conflict] button").await?;
    tablet.sync_until("the tablet's dispute is settled", "return !document.querySelector('[data-testid=deletion-conflict]') && document.querySelector('[data-testid=sync-status]').innerText.includes('Synced at');").await?;
    assert_eq!(tablet.value_of("#f-learning").await?, json!("It worked on day 2"));
    phone.goto(&cycle_url).await?;
    phone.sync_until("the phone's dispute is settled", "return !!document.querySelector('#f-learning') && document.querySelector('#f-learning').value === 'It worked on day 2' && !document.querySelector('[data-testid=deletion-conflict]');").await?;
    phone.close().await;
    tablet.close().await;
    Ok(())
}

#[tokio::test]
async fn a_copied_browser_profile_gets_a_new_device_id_and_loses_nothing() -> anyhow::Result<()> {
    let server = Server::start()?;
    let team = set_up_team(&server)?;
    let phone = Browser::start(PHONE).await?;
    let copy = Browser::start(TABLET).await?;
    phone.sign_in(&server, "mia@example.org", PASSWORD).await?;
    copy.sign_in(&server, "mia@example.org", PASSWORD).await?;
    // The copy takes the phone's identity, as a copied profile would have it.
    phone.goto(&format!("{}/settings", server.url)).await?;
    let phone_device = phone.text("main code").await?;
    let script = r#"
        const [device, done] = arguments;
        const open = indexedDB.open('ramp');
        open.onsuccess = () => {
            const tx = open.result.transaction(['meta'], 'readwrite');
            tx.objectStore('meta').put({ json: JSON.stringify({ device, counter: 0, last_hlc: null }) }, 'device');
            tx.oncomplete = () => { open.result.close(); done(true); };
        };
    "#;
    copy.js_async(script, vec![json!(phone_device)]).await?;
    copy.reload().await?;
    copy.wait_for_text("[data-testid=sync-status]", "Synced at").await?;

    // Both write under the same dots; the server refuses the copy's, which renews itself.
    for (browser, title) in [(&phone, "From the phone"), (&copy, "From the copy")] {
        browser.goto(&format!("{}/teams/{team}", server.url)).await?;
        browser.click("[data-testid=start-cycle]").await?;
        browser.type_into("#f-title", title).await?;
        browser.pick_change_idea("Idea").await?;
        browser.click("form.create-form button[type=submit]").await?;
        browser.wait_for_text("[data-testid=cycle-title]", title).await?;
        browser.sync_until("it is sent", "return document.querySelector('[data-testid=sync-status]').innerText.includes('Synced at') && !document.querySelector('[data-testid=sync-status]').innerText.includes('not sent yet');").await?;
    }
    copy.goto(&format!("{}/settings", server.url)).await?;
    let copy_device = copy.text("main code").await?;
    assert_ne!(copy_device, phone_device, "the copy took a new id");
    phone.goto(&format!("{}/teams/{team}", server.url)).await?;
    phone.sync_until("both cycles are on the phone", "const t = document.querySelector('[data-testid=cycle-list]').innerText; return t.includes('From the phone') && t.includes('From the copy');").await?;
    phone.close().await;
    copy.close().await;
    Ok(())
}

#[tokio::test]
async fn refusals_an_expired_session_and_signing_out_lose_nothing_unasked() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let team = set_up_team(&server)?;
    let phone = Browser::start(PHONE).await?;
    phone.sign_in(&server, "mia@example.org", PASSWORD).await?;
    phone.goto(&format!("{}/teams/{team}", server.url)).await?;
    let cycle_url = phone.start_cycle("Weekend test", "Saturday huddle").await?;
    phone.sync_until_synced("the cycle is on the server").await?;

    // The session is revoked elsewhere: the next change waits, and the chip asks to sign in.
    let revoke = r#"
        const done = arguments[0];
        const token = JSON.parse(localStorage.getItem('ramp.session')).token;
        fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + token } }).then(() => done(true));
    "#;
    phone.js_async(revoke, vec![]).await?;
    phone.type_into("#f-objective", "Cover the weekend").await?;
    phone
        .sync_until(
            "the chip asks to sign in",
            "return document.querySelector('[data-testid=sync-status]').innerText.includes('Sign in again');",
        )
        .await?;
    phone.wait_for_text("[data-testid=sync-status]", "1 change not sent yet").await?;
    phone.sign_in(&server, "mia@example.org", PASSWORD).await?;
    phone.wait_for_text("[data-testid=sync-status]", "Synced at").await?;

    // Offline, Mia writes; meanwhile she becomes the team's coach. Her change is refused, and
    // shown with its value and the reason.
    phone.goto(&cycle_url).await?;
    phone.wait_offline_ready().await?;
    server.stop();
    phone.type_into("#f-learning", "Text the server will refuse").await?;
    phone.wait_saved().await?;
    server.admin(&["set-role", "--team", &team, "--email", "mia@example.org", "--role", "coach"])?;
    server.restart()?;
    phone
        .sync_until(
            "the refusal is known",
            "return document.querySelector('[data-testid=sync-status]').innerText.includes('1 change refused');",
        )
        .await?;
    phone.goto(&format!("{}/settings", server.url)).await?;
    phone.wait_for_text("[data-testid=refused]", "Text the server will refuse").await?;
    phone.wait_for_text("[data-testid=refused]", "cannot change").await?;
    phone.click("[data-testid=drop-refused]").await?;
    phone.wait_until("the refused list is dropped", "return !document.querySelector('[data-testid=refused]');").await?;

    // Signing out removes the team's data from the device.
    phone.js("window.confirm = () => true;", vec![]).await?;
    phone.click("[data-testid=account] button").await?;
    phone.wait_for_text("[data-testid=account]", "Not signed in").await?;
    phone.goto(&server.url).await?;
    phone.wait_for_text("main h1", "Welcome to Ramp").await?;
    phone.wait_for_text("[data-testid=home-next-step]", "Start by naming your team").await?;
    phone.close().await;
    Ok(())
}

#[tokio::test]
async fn two_devices_entering_the_same_month_meet_in_one_record() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let team = set_up_team(&server)?;
    let phone = Browser::start(PHONE).await?;
    let tablet = Browser::start(TABLET).await?;
    phone.sign_in(&server, "mia@example.org", PASSWORD).await?;
    phone.goto(&format!("{}/teams/{team}/measures", server.url)).await?;
    phone.type_into("#f-name", "Risk assessed within 6 hours").await?;
    phone.click("label[for=f-measure_type-process]").await?;
    phone.click("form.create-form button[type=submit]").await?;
    phone.wait_for_text("[data-testid=measure-name]", "Risk assessed").await?;
    let measure_url = phone.url().await?;
    phone.set_value("#entry-period", "2026-03").await?;
    phone.set_value("#p-numerator", "8").await?;
    phone.set_value("#p-denominator", "10").await?;
    phone.click("[data-testid=save-point]").await?;
    phone.wait_for_text("[data-testid=saved-note]", "Saved Mar 2026: 80%").await?;
    phone.wait_offline_ready().await?;
    phone.sync_until("March reached the server", "return document.body.innerText.includes('Synced at');").await?;

    // The tablet picks March and meets the phone's numbers: the same record, to correct.
    tablet.sign_in(&server, "max@example.org", PASSWORD).await?;
    tablet.goto(&measure_url).await?;
    tablet.wait_for_text("[data-testid=measure-name]", "Risk assessed").await?;
    tablet.wait_offline_ready().await?;
    tablet.set_value("#entry-period", "2026-03").await?;
    tablet.wait_for_text("[data-testid=entry-status]", "Mar 2026 has data").await?;
    assert_eq!(tablet.value_of("#p-numerator").await?, json!("8"));

    // Both enter April offline with different numbers: one April, shown as a conflict.
    server.stop();
    for (browser, numerator) in [(&phone, "3"), (&tablet, "4")] {
        browser.set_value("#entry-period", "2026-04").await?;
        browser.set_value("#p-numerator", numerator).await?;
        browser.set_value("#p-denominator", "10").await?;
        browser.click("[data-testid=save-point]").await?;
        browser.wait_for_text("[data-testid=saved-note]", "Saved Apr 2026").await?;
    }
    server.restart()?;
    for browser in [&phone, &tablet] {
        browser
            .sync_until(
                "April shows both values",
                "return document.querySelector('[data-testid=points]').innerText.includes('two values');",
            )
            .await?;
        let rows =
            browser.js("return document.querySelectorAll('[data-testid=points] tbody tr').length", vec![]).await?;
        assert_eq!(rows, json!(2), "March and one April");
    }
    // The tablet settles April; the phone follows.
    tablet.click("button[aria-label='Edit Apr 2026']").await?;
    tablet.set_value("#p-numerator", "4").await?;
    tablet.click("[data-testid=save-point]").await?;
    tablet.wait_for_text("[data-testid=saved-note]", "Saved Apr 2026: 40%").await?;
    phone
        .sync_until(
            "April is settled at 40%",
            "const t = document.querySelector('[data-testid=points]').innerText; return !t.includes('two values') && t.includes('40%');",
        )
        .await?;
    phone.close().await;
    tablet.close().await;
    Ok(())
}

#[tokio::test]
async fn faculty_read_who_changed_what_and_members_cannot() -> anyhow::Result<()> {
    let server = Server::start()?;
    let team = set_up_team(&server)?;
    let phone = Browser::start(PHONE).await?;
    phone.open_team(&server, "mia@example.org", &team).await?;
    phone.start_cycle("Bedside huddle", "Daily falls huddle").await?;
    phone.type_into("#f-objective", "Fewer falls at night").await?;
    phone.wait_saved().await?;
    phone.sync_until_synced("sent").await?;
    // A member has no activity log.
    phone.goto(&format!("{}/teams/{team}/cycles", server.url)).await?;
    phone.wait_for_text("nav.team-nav", "PDSA cycles").await?;
    let links = phone.text("nav.team-nav").await?;
    assert!(!links.contains("Activity"), "{links}");
    phone.goto(&format!("{}/teams/{team}/activity", server.url)).await?;
    phone.wait_for_text("[data-testid=activity-not-allowed]", "Only the collaborative's faculty").await?;

    // Faculty see every change with who made it.
    let tablet = Browser::start(TABLET).await?;
    tablet.open_team(&server, "fay@example.org", &team).await?;
    tablet.click("nav.team-nav a[href$='/activity']").await?;
    tablet
        .wait_for_text("[data-testid=activity]", "PDSA cycle “Bedside huddle”: Objective → Fewer falls at night")
        .await?;
    let log = tablet.text("[data-testid=activity]").await?;
    assert!(log.contains("Mia"), "{log}");
    let at = |words: &str| log.find(words).unwrap_or_else(|| panic!("{words} in {log}"));
    assert!(at("Objective") < at("Change idea"), "newest first: {log}");
    tablet.screenshot("activity-tablet").await?;
    tablet.viewport(PHONE).await?;
    tablet.screenshot("activity-phone").await?;
    phone.close().await;
    tablet.close().await;
    Ok(())
}
