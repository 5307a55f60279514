//! A member's month on a 390 px phone, as the walkthrough did it: sign in, start a cycle from
//! a change idea, plan with a prediction, lose the signal, do and study, adapt, plan the next
//! cycle, enter this month's data with "1,250", reload with no signal, and come back online;
//! what the person sees is checked at each step, the status chip's words first of all.

use ramp_e2e::{set_up_team, Browser, Server, PHONE};
use serde_json::json;

/// The status chip's detail line.
const CHIP: &str = "[data-testid=sync-status]";

#[tokio::test]
async fn a_member_runs_a_ramp_offline_and_enters_this_months_data_on_a_phone() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let team = set_up_team(&server)?;
    let phone = Browser::start(PHONE).await?;
    phone.open_team(&server, "mia@example.org", &team).await?;
    let team_url = phone.url().await?;
    assert_eq!(phone.js("return document.title", vec![]).await?, json!("Ward 7 Falls Team · Ramp"));
    let first_link = phone.js("return document.querySelector('body a').innerText", vec![]).await?;
    assert_eq!(first_link, json!("Skip to content"), "the first stop of the keyboard skips the header");
    phone.wait_offline_ready().await?;

    // The team's work so far: a measure, a cycle of another idea, and the idea to test.
    phone.goto(&format!("{team_url}/measures")).await?;
    phone.type_into("#f-name", "Patients checked for falls risk").await?;
    phone.click("label[for=f-measure_type-process]").await?;
    phone.click("form.create-form button[type=submit]").await?;
    phone.wait_for_text("[data-testid=measure-name]", "Patients checked for falls risk").await?;
    phone.goto(&team_url).await?;
    phone.start_cycle("Huddle at 7:15", "Safety huddle").await?;
    phone.goto(&format!("{team_url}/drivers")).await?;
    phone.click("[data-testid=add-idea]").await?;
    phone.type_into("#f-text", "Falls risk check at admission").await?;
    phone.click("form.create-form button[type=submit]").await?;
    phone.wait_for_text("[data-testid=idea-title]", "Falls risk check at admission").await?;
    let idea_url = phone.url().await?;

    // A cycle started from the idea, planned with a question and a prediction of two lines.
    phone.click("[data-testid=ramp-next]").await?;
    // A submit with the title missing puts the focus where the fix goes.
    phone.click("form.create-form button[type=submit]").await?;
    phone
        .wait_until(
            "the title has the focus",
            "return document.activeElement && document.activeElement.id === 'f-title';",
        )
        .await?;
    phone.wait_for_text("#f-title-problem", "Give the cycle a title").await?;
    // Near a text field's limit, a counter says how much room is left.
    phone.find("#f-title").await?.send_keys(&"x".repeat(170)).await?;
    phone.wait_for_text("[data-testid=field-title] [data-testid=char-count]", "170 of 200 characters").await?;
    phone.set_value("#f-title", "").await?;
    phone.type_into("#f-title", "Risk check test 1").await?;
    phone.click("form.create-form button[type=submit]").await?;
    phone.wait_for_text("[data-testid=cycle-title]", "Risk check test 1").await?;
    let first_cycle = phone.url().await?;
    phone
        .wait_until(
            "the tab is named after the cycle",
            "return document.title === 'Ward 7 Falls Team · PDSA: Risk check test 1 · Ramp';",
        )
        .await?;
    phone.click("[data-testid=field-predictions] button.secondary").await?;
    let question = "Can a nurse finish the check in under 3 minutes, on a night shift with two admissions at once?";
    phone.type_into("#f-predictions-0-question", question).await?;
    phone.type_into("#f-predictions-0-prediction", "Yes, in about 2 minutes\nonce the form is on the ward").await?;
    phone.wait_saved().await?;
    let fits = phone
        .js(
            "const q = document.querySelector('#f-predictions-0-question');\
             return q.tagName === 'TEXTAREA' && q.scrollHeight <= q.clientHeight + 2 && q.scrollWidth <= q.clientWidth;",
            vec![],
        )
        .await?;
    assert_eq!(fits, json!(true), "the question wraps and shows whole at 390 px");

    // No signal: the chip says so unmistakably, and what is written waits, marked.
    server.stop();
    phone.type_into("#f-observations", "Checked 5 patients; 2 checks took over 3 minutes").await?;
    phone.wait_saved().await?;
    phone
        .sync_until(
            "the phone knows it is offline",
            &format!("return document.querySelector('{CHIP}').innerText.includes('Offline');"),
        )
        .await?;
    let chip = phone.text(CHIP).await?;
    assert!(chip.starts_with("Offline: ") && chip.contains("not sent yet"), "{chip}");
    let class = phone.js("return document.querySelector('[data-testid=save-status]').className", vec![]).await?;
    assert_eq!(class, json!("chip chip-offline"), "offline does not look like all sent");
    phone.look("journey-offline-cycle").await?;
    phone.type_into("#new-comment", "Try the check at handover instead?").await?;
    phone.click("[data-testid=add-comment]").await?;
    phone.wait_for_text("[data-testid=comment] [data-testid=unsent]", "Not sent yet").await?;

    // Study beside the Plan's question and prediction; then Adapt.
    phone.wait_for_text("[data-testid=planned-predictions]", "in under 3 minutes").await?;
    phone.wait_for_text("[data-testid=planned-predictions]", "Predicted: Yes, in about 2 minutes").await?;
    phone.type_into("#f-comparison", "Slower than predicted at night").await?;
    phone.type_into("#f-learning", "The form needs to be shorter").await?;
    phone.click("label[for=f-decision-adapt]").await?;
    phone.wait_saved().await?;
    phone.js("document.querySelector('#sec-study').scrollIntoView()", vec![]).await?;
    phone.look("journey-study").await?;

    // The next cycle follows this one, with a title that counts on.
    phone.click("[data-testid=next-cycle]").await?;
    phone.wait_for_text("h1", "Start a PDSA cycle").await?;
    assert_eq!(phone.value_of("#f-title").await?, json!("Risk check test 2"));
    phone.click("form.create-form button[type=submit]").await?;
    phone.wait_for_text("[data-testid=cycle-title]", "Risk check test 2").await?;
    let follows = phone
        .js("const s = document.querySelector('#f-previous'); return [...s.options].map(o => o.text)", vec![])
        .await?;
    assert_eq!(follows, json!(["— choose —", "Risk check test 1"]), "only this idea's cycles can be followed");
    let chosen = phone
        .js("const s = document.querySelector('#f-previous'); return s.options[s.selectedIndex].text", vec![])
        .await?;
    assert_eq!(chosen, json!("Risk check test 1"));
    phone.goto(&idea_url).await?;
    phone.wait_for_text("[data-testid=ramp]", "Risk check test 2").await?;
    let order =
        phone.js("return [...document.querySelectorAll('.ramp .card-title')].map(e => e.innerText)", vec![]).await?;
    assert_eq!(order, json!(["Risk check test 1", "Risk check test 2"]));
    phone.goto(&team_url).await?;
    phone.wait_for_text("[data-testid=overview-ramps]", "Falls risk check at admission").await?;
    let ramp_card = phone
        .js(
            "return [...document.querySelectorAll('[data-testid=overview-ramps] .card')]\
             .find(c => c.innerText.includes('Falls risk check')).innerText",
            vec![],
        )
        .await?;
    let ramp_card = ramp_card.as_str().unwrap_or_default().to_owned();
    assert!(ramp_card.contains("2 cycles") && ramp_card.contains("Plan") && !ramp_card.contains("Done"), "{ramp_card}");
    phone.wait_for_text("[data-testid=cycle-list]", "Not sent yet").await?;

    // This month's data in one tap from the overview: the form first, the focus in it.
    phone.click("[data-testid=enter-data]").await?;
    phone.wait_for_text("#enter", "Enter this month's data").await?;
    phone
        .wait_until(
            "the numerator has the focus",
            "return document.activeElement && document.activeElement.id === 'p-numerator';",
        )
        .await?;
    let first = phone
        .js(
            "return document.querySelector('[data-testid=data-entry]').getBoundingClientRect().top <\
             document.querySelector('[data-testid=chart-empty], [data-testid=chart]').getBoundingClientRect().top",
            vec![],
        )
        .await?;
    assert_eq!(first, json!(true), "the form comes before the chart");
    phone.set_value("#p-numerator", "1,100").await?;
    phone.set_value("#p-denominator", "1,250").await?;
    phone.wait_for_text("[data-testid=entry-preview]", "= 88%").await?;
    phone.click("[data-testid=save-point]").await?;
    phone.wait_for_text("[data-testid=saved-note]", ": 88%").await?;
    phone.wait_for_text("[data-testid=points]", "1,100 / 1,250").await?;
    phone.look("journey-measure-entry").await?;

    // A reload with no signal keeps everything, and says it is still waiting.
    phone.reload().await?;
    phone.wait_for_text("[data-testid=points]", "88%").await?;
    phone
        .sync_until(
            "the reloaded page knows it is offline",
            &format!("return document.querySelector('{CHIP}').innerText.includes('Offline');"),
        )
        .await?;
    assert!(phone.text(CHIP).await?.contains("not sent yet"));
    phone.goto(&first_cycle).await?;
    phone.wait_for_text("[data-testid=comment] [data-testid=unsent]", "Not sent yet").await?;

    // Back online: everything is sent, and nothing is marked as waiting any more.
    server.restart()?;
    phone.sync_until_synced("the phone's changes reached the server").await?;
    let chip = phone.text(CHIP).await?;
    assert!(chip.starts_with("Synced at") && !chip.contains("not sent"), "{chip}");
    let class = phone.js("return document.querySelector('[data-testid=save-status]').className", vec![]).await?;
    assert_eq!(class, json!("chip chip-ok"));
    phone.wait_until("no item is marked as waiting", "return !document.querySelector('[data-testid=unsent]');").await?;
    phone.close().await;
    Ok(())
}
