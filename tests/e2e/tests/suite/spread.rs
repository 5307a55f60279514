//! All teach, all learn (issue 20) in Chromium against the real server's demo: sharing between
//! teams (a member reads and comments on another team, never changes it; faculty switch it
//! off and the member is told what stays on the device), the change library (the second
//! team's adapted huddle with its evidence, sorting and filtering, a team's proposal accepted
//! by faculty with its origin, then adopted by another team), "Teams that tried this" from a
//! team's own idea, and storyboards for the last learning session (a team's, edited, and
//! faculty's set side by side), screenshotted at phone and tablet width and in print.

use ramp_e2e::{Browser, Server, PHONE, TABLET};
use serde_json::json;

const DEMO_PASSWORD: &str = "ramp-demo-2026";

#[tokio::test]
async fn teams_learn_from_each_other_through_sharing_the_change_library_and_storyboards() -> anyhow::Result<()> {
    let server = Server::start_demo()?;

    // The member: her own team on the home page; the others through the collaborative.
    let phone = Browser::start(PHONE).await?;
    phone.sign_in(&server, "member@demo.ramp", DEMO_PASSWORD).await?;
    phone.wait_for_text("[data-testid=collab-list]", "Safer Wards Collaborative").await?;
    let home = phone.text("main").await?;
    assert!(home.contains("Ward 7 Falls Team") && !home.contains("Riverside Rehab"), "only her own team: {home}");
    phone.click("[data-testid=collab-list] a").await?;
    phone.wait_for_text("[data-testid=sharing-state]", "Sharing is on").await?;
    let collab_url = phone.url().await?;
    phone.wait_for_text("[data-testid=collab-teams]", "Riverside Rehab").await?;
    phone.wait_for_text("[data-testid=collab-teams]", "Another team: read and comment").await?;
    let on_collab = phone.js("return !!document.querySelector('#f-sharing-on')", vec![]).await?;
    assert_eq!(on_collab, json!(false), "only faculty switch sharing");

    // The change library: the second team's own wording of the huddle, and its evidence.
    phone.goto(&format!("{collab_url}/library")).await?;
    phone
        .wait_until(
            "six package ideas",
            "return document.querySelectorAll('[data-testid=library-entry]').length === 6;",
        )
        .await?;
    let huddle = phone
        .js(
            "const e = [...document.querySelectorAll('[data-testid=library-entry]')].find(e => e.querySelector('h2').innerText === 'Safety huddle at shift change');\
             const r = e.querySelector('[data-team=\"Riverside Rehab\"]');\
             return [e.querySelector('[data-testid=library-teams]').innerText, r.querySelector('[data-testid=library-wording]').innerText,\
                     r.querySelector('[data-testid=library-evidence-words]').innerText, r.querySelector('a').getAttribute('href')];",
            vec![],
        )
        .await?;
    let huddle: Vec<String> = serde_json::from_value(huddle)?;
    assert!(huddle[0].starts_with("Adopted by 3 teams"), "{huddle:?}");
    assert!(huddle[1].contains("Two-minute huddle at every handover"), "the team's own wording: {huddle:?}");
    assert!(huddle[2].contains("signal of improvement began") && huddle[2].contains("not proof"), "{huddle:?}");
    let riverside_idea = huddle[3].clone();
    // Sorting by evidence puts the ideas with the most teams that improved after testing first.
    phone
        .js("const s = document.querySelector('[data-testid=library-sort]'); s.value = 'evidence'; s.dispatchEvent(new Event('change'));", vec![])
        .await?;
    phone
        .wait_until(
            "most evidence first",
            "const n = [...document.querySelectorAll('[data-testid=library-teams]')].map(p => +(p.innerText.match(/(\\d+) improved/) || [0, 0])[1]);\
             return n.length === 6 && n.every((v, i) => i === 0 || n[i - 1] >= v);",
        )
        .await?;
    phone.click("[data-testid=library-evidence]").await?;
    phone
        .wait_until(
            "only ideas with evidence",
            "const e = [...document.querySelectorAll('[data-testid=library-entry]')]; return e.length > 0 && e.length < 6 && e.every(x => x.innerText.includes('improved after testing'));",
        )
        .await?;
    phone.click("[data-testid=library-evidence]").await?;
    phone.wait_for_text("[data-testid=proposals]", "Falls champion on every shift").await?;
    let accept = phone.js("return document.querySelectorAll('[data-testid=accept-proposal]').length", vec![]).await?;
    assert_eq!(accept, json!(0), "members propose; faculty accept");
    phone.look("library").await?;

    // "Teams that tried this" from the member's own copy of the huddle, to the other team's ramp.
    let ward_idea = phone
        .js(
            "const e = [...document.querySelectorAll('[data-testid=library-entry]')].find(e => e.querySelector('h2').innerText === 'Safety huddle at shift change');\
             return e.querySelector('[data-team=\"Ward 7 Falls Team\"] a').getAttribute('href');",
            vec![],
        )
        .await?;
    phone.goto(&format!("{}{}", server.url, ward_idea.as_str().unwrap_or_default())).await?;
    phone.wait_for_text("[data-testid=tried-elsewhere]", "Riverside Rehab").await?;
    phone.wait_for_text("[data-testid=tried-elsewhere]", "Hillview Care Home").await?;
    phone.wait_for_text("[data-testid=tried-elsewhere]", "Two-minute huddle at every handover").await?;
    phone.look("idea-tried-elsewhere").await?;
    phone.js("document.querySelector('[data-testid=tried-elsewhere]').scrollIntoView({block: 'start'}); window.scrollBy(0, -100);", vec![]).await?;
    phone.screenshot("idea-tried-elsewhere-section-phone").await?;
    phone.click(&format!("[data-testid=tried-elsewhere] a[href='{riverside_idea}']")).await?;
    phone.wait_for_text("[data-testid=other-team]", "Another team's work").await?;
    phone.wait_for_text("[data-testid=idea-title]", "Two-minute huddle").await?;
    let next = phone.js("return !!document.querySelector('[data-testid=ramp-next]')", vec![]).await?;
    assert_eq!(next, json!(false), "no cycle can be started in another team");
    phone.click("[data-testid=ramp] a.card").await?;
    phone.wait_for_text("[data-testid=cycle-title]", "").await?;
    let locked = phone.js("return document.querySelector('#f-title').matches(':disabled')", vec![]).await?;
    assert_eq!(locked, json!(true), "another team's worksheet is read only");
    phone.wait_for_text("[data-testid=read-only]", "Another team's work").await?;
    let other_cycle = phone.url().await?;
    phone.type_into("#new-comment", "How did you get the agency nurses to join?").await?;
    phone.click("[data-testid=add-comment]").await?;
    phone.wait_for_text("[data-testid=comments]", "agency nurses").await?;
    phone.sync_until_synced("the comment reaches the server").await?;
    phone.look("other-team-cycle").await?;
    phone.js("document.querySelector('[data-testid=comments]').scrollIntoView({block: 'start'}); window.scrollBy(0, -100);", vec![]).await?;
    phone.screenshot("other-team-cycle-section-phone").await?;

    // Her team's own idea, proposed for the package.
    let ward = ward_idea.as_str().unwrap_or_default().split("/ideas/").next().unwrap_or_default().to_owned();
    phone.goto(&format!("{}{ward}/drivers", server.url)).await?;
    phone.click("[data-testid=add-idea]").await?;
    phone.type_into("#f-text", "Sock check at every handover").await?;
    phone.click("form.create-form button[type=submit]").await?;
    phone.wait_for_text("[data-testid=idea-title]", "Sock check at every handover").await?;
    phone.click("[id='f-proposed-yes']").await?;
    phone.wait_saved().await?;

    // Her team's storyboard for the last learning session: its words, score, charts, ramps.
    phone.goto(&format!("{}{ward}/storyboard", server.url)).await?;
    phone.wait_for_text("#story-session", "Session 3 · ").await?;
    phone
        .wait_until(
            "the storyboard's charts",
            "return document.querySelectorAll('[data-testid=story-measure] svg').length >= 4;",
        )
        .await?;
    let learned = phone.value_of("#f-learned").await?;
    assert!(learned.as_str().unwrap_or_default().contains("admission checklist"), "the team's words: {learned}");
    phone.wait_for_text("[data-testid=story-score]", "Team's own score").await?;
    phone.wait_for_text("[data-testid=story-members]", "Mia Patel").await?;
    phone.wait_for_text("[data-testid=story-aim-met]", "Aim").await?;
    phone.wait_for_text("[data-testid=story-ramps]", "cycles").await?;
    phone.set_value("#f-next", "Spread the huddle to wards 5 and 6, then nights.").await?;
    phone.wait_saved().await?;
    phone.sync_until_synced("the storyboard's words reach the server").await?;
    phone.look("storyboard").await?;
    phone.js("document.querySelector('[data-testid=story-words]').scrollIntoView({block: 'start'}); window.scrollBy(0, -100);", vec![]).await?;
    phone.screenshot("storyboard-section-phone").await?;
    phone.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })).await?;
    let nav = phone.js("return getComputedStyle(document.querySelector('.team-nav')).display", vec![]).await?;
    assert_eq!(nav, json!("none"), "the printout is the storyboard alone");
    phone.viewport(TABLET).await?;
    phone.screenshot("storyboard-print").await?;
    // Printed, it fills two A4 landscape pages: the team, aim and charts; then the drivers,
    // ramps and the team's words.
    let pdf = phone.cdp("Page.printToPDF", json!({ "preferCSSPageSize": true })).await?;
    let pages = pdf_pages(pdf["data"].as_str().unwrap_or_default())?;
    assert_eq!(pages, 2, "the storyboard prints on two A4 landscape pages");
    phone.cdp("Emulation.setEmulatedMedia", json!({ "media": "" })).await?;
    phone.viewport(PHONE).await?;

    // Faculty: every team's storyboard side by side, printed as one set; the member's comment
    // and proposal arrived; they accept the care home's idea and switch sharing off.
    let tablet = Browser::start(TABLET).await?;
    tablet.sign_in(&server, "faculty@demo.ramp", DEMO_PASSWORD).await?;
    tablet.goto(&format!("{collab_url}/storyboards")).await?;
    tablet
        .wait_until("three storyboards", "return document.querySelectorAll('[data-testid=storyboard]').length === 3;")
        .await?;
    tablet.wait_for_text("[data-testid=storyboard-set]", "Agency staff join the huddle").await?;
    tablet.wait_for_text("[data-testid=storyboard-set]", "Spread the huddle to wards 5 and 6, then nights.").await?;
    tablet.look("storyboards").await?;
    tablet.viewport(TABLET).await?;
    tablet.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })).await?;
    let breaks = tablet
        .js(
            "return [...document.querySelectorAll('[data-testid=storyboard]')].map(b => getComputedStyle(b).breakBefore);",
            vec![],
        )
        .await?;
    assert_eq!(breaks, json!(["auto", "page", "page"]), "one team's storyboard per printed sheet");
    let pdf = tablet.cdp("Page.printToPDF", json!({ "preferCSSPageSize": true })).await?;
    let pages = pdf_pages(pdf["data"].as_str().unwrap_or_default())?;
    assert_eq!(pages, 6, "the set prints as one: two A4 landscape pages a team");
    tablet.screenshot("storyboards-print").await?;
    tablet.cdp("Emulation.setEmulatedMedia", json!({ "media": "" })).await?;
    tablet.goto(&other_cycle).await?;
    tablet.wait_for_text("[data-testid=comments]", "agency nurses").await?;
    tablet.wait_for_text("[data-testid=comments]", "Mia Patel").await?;
    tablet.goto(&format!("{collab_url}/library")).await?;
    tablet.wait_for_text("[data-testid=proposals]", "Sock check at every handover").await?;
    tablet
        .js(
            "[...document.querySelectorAll('[data-testid=library-use]')].find(u => u.innerText.includes('Falls champion')).querySelector('[data-testid=accept-proposal]').click();",
            vec![],
        )
        .await?;
    tablet
        .wait_until(
            "the accepted idea in the package, with its origin",
            "return [...document.querySelectorAll('[data-testid=library-entry]')].some(e => e.innerText.includes('Falls champion on every shift') && e.innerText.includes('Came from Hillview Care Home'));",
        )
        .await?;
    tablet.wait_saved().await?;
    tablet.goto(&collab_url).await?;
    tablet.click("[id='f-sharing-off']").await?;
    tablet.wait_for_text("[data-testid=sharing-state]", "Sharing is off").await?;
    tablet.wait_saved().await?;
    tablet.sync_until_synced("sharing is off on the server").await?;
    tablet.close().await;

    // The member again: told sharing ended and what stays on her device; the other team's pages
    // say so; she adopts the accepted idea, which names the team it came from.
    phone.goto(&collab_url).await?;
    phone.sync_until_synced("the member's device hears sharing is off").await?;
    phone.wait_for_text("[data-testid=sharing-state]", "Sharing is off").await?;
    phone.wait_for_text("[data-testid=sharing-left]", "2 other teams").await?;
    phone.wait_for_text("[data-testid=package-ideas]", "Came from Hillview Care Home").await?;
    phone
        .js(
            "[...document.querySelectorAll('[data-testid=package-ideas] li')].find(l => l.innerText.includes('Falls champion')).querySelector('[data-testid=adopt-idea]').click();",
            vec![],
        )
        .await?;
    phone.wait_for_text("[data-testid=package-ideas]", "✓ Adopted by Ward 7 Falls Team").await?;
    phone.look("collab-sharing-off").await?;
    phone.js("document.querySelector('[data-testid=sharing]').scrollIntoView({block: 'start'}); window.scrollBy(0, -100);", vec![]).await?;
    phone.screenshot("collab-sharing-off-section-phone").await?;
    phone.goto(&other_cycle).await?;
    phone.wait_for_text("[data-testid=read-only]", "Sharing has ended").await?;
    phone.wait_for_text("[data-testid=cycle-title]", "").await?;
    let comment_box = phone.js("return !!document.querySelector('#new-comment')", vec![]).await?;
    assert_eq!(comment_box, json!(false), "no more comments on another team once sharing ends");
    phone.look("other-team-after-sharing").await?;
    phone.goto(&format!("{}{riverside_idea}", server.url)).await?;
    phone.wait_for_text("[data-testid=other-team]", "Sharing has ended").await?;
    phone.close().await;
    Ok(())
}

/// The pages of a PDF that Chromium printed (base64), by its page objects.
fn pdf_pages(base64: &str) -> anyhow::Result<usize> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD.decode(base64)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(text.matches("/Type /Page").count() - text.matches("/Type /Pages").count())
}
