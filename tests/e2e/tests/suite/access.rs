//! The access lifecycle in the browser (issue 15): faculty see a team's people and invites,
//! make an invite for several people, remove a member; the member's phone then says "You are
//! no longer on this team", keeps the team readable and the change it had not sent, with the
//! reason, to download. A reset code from faculty sets a new password on the sign-in page,
//! and a changed password signs the other devices out.

use ramp_e2e::{set_up_team, Browser, Server, PASSWORD, PHONE, TABLET};
use serde_json::json;

/// Clicks a button of the person card that names `who` on the people page.
async fn on_person(browser: &Browser, who: &str, button: &str) -> anyhow::Result<()> {
    let clicked = browser
        .js(
            "const card = [...document.querySelectorAll('[data-testid=person]')].find(c => c.innerText.includes(arguments[0]));\
             if (!card) return false; card.querySelector(arguments[1]).click(); return true;",
            vec![json!(who), json!(format!("[data-testid={button}]"))],
        )
        .await?;
    anyhow::ensure!(clicked == json!(true), "no card for {who}");
    Ok(())
}

#[tokio::test]
async fn faculty_remove_a_member_whose_phone_keeps_what_it_had_not_sent_and_a_reset_code_works() -> anyhow::Result<()> {
    let server = Server::start()?;
    let team = set_up_team(&server)?;
    let people_url = format!("{}/teams/{team}/people", server.url);

    // Mia's phone has the team and a cycle.
    let phone = Browser::start(PHONE).await?;
    phone.open_team(&server, "mia@example.org", &team).await?;
    let cycle_url = phone.start_cycle("Night checks", "Hourly rounding").await?;
    phone.sync_until_synced("the cycle reached the server").await?;

    // Fay sees the team's people, makes an invite for two coaches, and removes Mia.
    let tablet = Browser::start(TABLET).await?;
    tablet.sign_in(&server, "fay@example.org", PASSWORD).await?;
    tablet.goto(&people_url).await?;
    tablet.wait_for_text("[data-testid=people]", "mia@example.org").await?;
    tablet.wait_for_text("[data-testid=people]", "max@example.org").await?;
    tablet.js("const s = document.querySelector('#invite-role'); s.value = 'coach'; s.dispatchEvent(new Event('change'));", vec![]).await?;
    tablet.set_value("#invite-uses", "2").await?;
    tablet.click("[data-testid=make-invite] button[type=submit]").await?;
    tablet.wait_for_text("[data-testid=invite-code]", "For 2 people joining as coach").await?;
    tablet.wait_for_text("[data-testid=invites]", "Coach invite · Open").await?;
    tablet.wait_for_text("[data-testid=invites]", "Used 0 of 2").await?;
    tablet.look("people").await?;
    tablet.viewport(TABLET).await?;
    tablet.click("[data-testid=revoke-invite]").await?;
    tablet.wait_for_text("[data-testid=invites]", "Coach invite · Revoked").await?;
    tablet.js("window.confirm = () => true;", vec![]).await?;
    on_person(&tablet, "Mia", "remove-person").await?;
    tablet.wait_for_text("[data-testid=people-status]", "Mia is no longer on this team").await?;
    let left = tablet.text("[data-testid=people]").await?;
    assert!(!left.contains("Mia") && left.contains("Max"), "{left}");

    // Mia, whose phone does not know yet (it still shows the cycle it opened), writes in it:
    // the change is refused with its reason, the team says she is no longer on it, and
    // nothing is lost.
    assert_eq!(phone.url().await?, cycle_url);
    phone.type_into("#f-objective", "Check every bed at 2am").await?;
    phone.wait_saved().await?;
    phone.sync_until("the phone is told", "return !!document.querySelector('[data-testid=read-only]') && document.querySelector('[data-testid=read-only]').innerText.includes('no longer on this team');").await?;
    phone.look("removed-cycle").await?;
    phone.goto(&format!("{}/teams/{team}", server.url)).await?;
    phone.wait_for_text("[data-testid=removed]", "You are no longer on this team").await?;
    phone.wait_for_text("main", "Night checks").await?;
    phone.wait_for_text("[data-testid=sync-status]", "Synced at").await?;
    phone.look("removed-team").await?;
    phone.goto(&format!("{}/settings", server.url)).await?;
    phone.wait_for_text("[data-testid=refused]", "Check every bed at 2am").await?;
    phone.wait_for_text("[data-testid=refused]", "no longer on this team").await?;
    phone.find("[data-testid=download-refused]").await?;
    phone.look("removed-settings").await?;

    // The team's activity log says who removed whom, and what happened to the invite.
    tablet.goto(&format!("{}/teams/{team}/activity", server.url)).await?;
    tablet.wait_for_text("[data-testid=activity]", "Fay removed Mia (member) from the team.").await?;
    tablet.wait_for_text("[data-testid=activity]", "Fay revoked a coach invite.").await?;
    tablet.wait_for_text("[data-testid=activity]", "Refused: You are no longer on this team").await?;
    tablet.look("activity-access").await?;

    // Max forgot his password: Fay makes him a reset code; he sets a new one on the sign-in page.
    tablet.goto(&people_url).await?;
    tablet.wait_for_text("[data-testid=people]", "max@example.org").await?;
    on_person(&tablet, "Max", "make-reset").await?;
    tablet.wait_for_text("[data-testid=reset-code]", "Give Max this code").await?;
    let code = tablet.text("[data-testid=reset-code] code").await?;
    let max = Browser::start(PHONE).await?;
    max.goto(&format!("{}/signin", server.url)).await?;
    max.type_into("#reset-email", "max@example.org").await?;
    max.type_into("#reset-code", "WRONG-CODE0").await?;
    max.type_into("#reset-password", "a brand new password").await?;
    max.click("[data-testid=reset-problem] + button").await?;
    max.wait_for_text("[data-testid=reset-problem]", "reset code is not valid").await?;
    max.look("signin-reset").await?;
    max.js("document.querySelector('#reset-email').scrollIntoView({block: 'center'});", vec![]).await?;
    max.screenshot("signin-reset-form-phone").await?;
    max.set_value("#reset-code", &code).await?;
    max.click("[data-testid=reset-problem] + button").await?;
    max.wait_for_text("[data-testid=sync-status]", "Synced at").await?;

    // Signed in on a second device too, he changes his password: the other device is signed out.
    let other = Browser::start(TABLET).await?;
    other.sign_in(&server, "max@example.org", "a brand new password").await?;
    max.goto(&format!("{}/settings", server.url)).await?;
    max.type_into("#password-current", "a brand new password").await?;
    max.type_into("#password-new", "another new password").await?;
    max.click("[data-testid=password-problem] + button").await?;
    max.wait_for_text("[data-testid=password-changed]", "1 other device was signed out").await?;
    assert_eq!(max.value_of("#password-new").await?, json!(""), "the password does not stay on the screen");
    max.look("settings-password").await?;
    other
        .sync_until(
            "the other device must sign in again",
            "return document.querySelector('[data-testid=sync-status]').innerText.includes('Sign in');",
        )
        .await?;
    for browser in [phone, tablet, max, other] {
        browser.close().await;
    }
    Ok(())
}
