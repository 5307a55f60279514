//! The Model for Improvement worksheets as a person meets them on a phone: the aim coached
//! until complete, measures with data entered at the point of care, the driver diagram and a
//! ramp of PDSA cycles traced from aim to cycle, printing, and a team backup carried into a
//! clean browser profile. All of it offline where a team would be offline.

use std::path::Path;
use std::time::{Duration, Instant};

use ramp_e2e::{Browser, Server, TempDir, PHONE, TABLET};
use serde_json::json;

/// The page at phone and tablet width, checked and photographed ([`Browser::look`]).
async fn look(browser: &Browser, name: &str) -> anyhow::Result<()> {
    browser.look(name).await
}

/// Adds a measure from the measures page and returns its page's URL.
async fn add_measure(browser: &Browser, team_url: &str, name: &str, value_type: &str) -> anyhow::Result<String> {
    browser.goto(&format!("{team_url}/measures")).await?;
    browser.type_into("#f-name", name).await?;
    browser.click("label[for=f-measure_type-outcome]").await?;
    browser.click(&format!("label[for=f-value_type-{value_type}]")).await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=measure-name]", name).await?;
    browser.url().await
}

/// Enters one period's numerator and denominator and saves them.
async fn enter(browser: &Browser, period: &str, numerator: &str, denominator: &str) -> anyhow::Result<()> {
    browser.set_value("#entry-period", period).await?;
    browser.set_value("#p-numerator", numerator).await?;
    browser.set_value("#p-denominator", denominator).await?;
    browser.click("[data-testid=save-point]").await?;
    browser.wait_for_text("[data-testid=saved-note]", "Saved").await?;
    Ok(())
}

#[tokio::test]
async fn the_aim_is_coached_and_measure_data_is_entered_offline() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    let team_url = browser.create_team(&server, "Ward 7 Falls Team").await?;
    browser.wait_offline_ready().await?;
    server.stop();

    // The aim: each gap is named until the aim says how much, by when and for whom.
    browser.goto(&format!("{team_url}/aim")).await?;
    for gap in ["What will improve", "not a number", "not a time", "For whom"] {
        browser.wait_for_text("[data-testid=aim-gaps]", gap).await?;
    }
    browser.type_into("#f-what", "reduce falls with harm").await?;
    browser.type_into("#f-how_much", "some").await?;
    browser.wait_for_text("#f-how_much-problem", "not a number").await?;
    let typed = browser.value_of("#f-how_much").await?;
    assert_eq!(typed, json!("some"), "the words typed stay on screen");
    browser.set_value("#f-how_much", "50").await?;
    browser.type_into("#f-unit", "% fewer").await?;
    browser.set_value("#f-by_when", "2027-06-30").await?;
    browser.type_into("#f-population", "adults over 65").await?;
    browser.type_into("#f-place", "wards 5 to 7").await?;
    browser.wait_for_text("[data-testid=aim-complete]", "how much, by when and for whom").await?;
    browser
        .wait_for_text(
            "[data-testid=aim-suggestion]",
            "By 30 Jun 2027, reduce falls with harm by 50 % for adults over 65 in wards 5 to 7.",
        )
        .await?;
    browser.click("[data-testid=use-suggestion]").await?;
    browser.wait_saved().await?;
    browser.reload().await?;
    browser.wait_for_text("[data-testid=aim-complete]", "by when").await?;
    let statement = browser.value_of("#f-statement").await?;
    assert!(statement.as_str().unwrap_or("").contains("in wards 5 to 7."), "{statement}");
    look(&browser, "aim").await?;

    // A measure, and its data entered month by month.
    let measure_url = add_measure(&browser, &team_url, "Patients screened for falls risk", "proportion").await?;
    browser.set_value("#entry-period", "2026-03").await?;
    browser.wait_for_text("[data-testid=entry-status]", "Mar 2026: no data yet").await?;
    browser.set_value("#p-numerator", "12").await?;
    browser.set_value("#p-denominator", "10").await?;
    browser.type_into("#p-note", "Agency staff week").await?;
    browser.click("[data-testid=save-point]").await?;
    browser.wait_for_text("#p-numerator-problem", "cannot be above 100 %").await?;
    assert_eq!(browser.value_of("#p-numerator").await?, json!("12"), "nothing typed is lost");
    assert_eq!(browser.value_of("#p-note").await?, json!("Agency staff week"));
    browser.set_value("#p-numerator", "-2").await?;
    browser.wait_for_text("#p-numerator-problem", "cannot be negative").await?;
    // Numbers as people write them: thousands separators read as such, counts whole, a
    // fraction or an exponent refused with how to write it.
    browser.set_value("#p-numerator", "1,100").await?;
    browser.set_value("#p-denominator", "1 250").await?;
    browser.wait_for_text("[data-testid=entry-preview]", "= 88%").await?;
    browser.set_value("#p-numerator", "12.5").await?;
    browser.wait_for_text("#p-numerator-problem", "whole number").await?;
    browser.set_value("#p-numerator", "½").await?;
    browser.wait_for_text("#p-numerator-problem", "0.5 for a half").await?;
    browser.set_value("#p-numerator", "1e3").await?;
    browser.wait_for_text("#p-numerator-problem", "in full").await?;
    browser.set_value("#p-denominator", "10").await?;
    browser.set_value("#p-numerator", "8").await?;
    browser.wait_for_text("[data-testid=entry-preview]", "= 80%").await?;
    browser.click("[data-testid=save-point]").await?;
    browser.wait_for_text("[data-testid=saved-note]", "Saved Mar 2026: 80%").await?;
    enter(&browser, "2026-04", "5", "10").await?;
    enter(&browser, "2026-05", "9", "12").await?;
    browser.wait_for_text("[data-testid=points]", "Mar 2026").await?;
    browser.wait_for_text("[data-testid=points]", "75%").await?;
    // Correcting a month: Edit loads it, and saving changes that one record.
    browser.click("button[aria-label='Edit Apr 2026']").await?;
    browser.wait_for_text("[data-testid=entry-status]", "Apr 2026 has data").await?;
    assert_eq!(browser.value_of("#p-numerator").await?, json!("5"));
    browser.set_value("#p-numerator", "6").await?;
    browser.click("[data-testid=save-point]").await?;
    browser.wait_for_text("[data-testid=saved-note]", "Saved Apr 2026: 60%").await?;
    let rows = browser.js("return document.querySelectorAll('[data-testid=points] tbody tr').length", vec![]).await?;
    assert_eq!(rows, json!(3), "one row per month");
    look(&browser, "measure").await?;

    // Offline reload: the data is on the device, and the overview shows the latest value.
    browser.reload().await?;
    browser.wait_for_text("[data-testid=points]", "60%").await?;
    browser.goto(&team_url).await?;
    browser.wait_for_text("[data-testid=overview-measures]", "75% · May 2026").await?;
    browser.wait_for_text("[data-testid=overview-aim]", "reduce falls with harm").await?;
    browser.goto(&format!("{team_url}/measures")).await?;
    browser.wait_for_text("[data-testid=measure-list]", "Patients screened").await?;
    look(&browser, "measures").await?;
    assert!(measure_url.contains("/measures/"));
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn drivers_change_ideas_and_a_ramp_of_cycles_trace_from_aim_to_cycle() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    let team_url = browser.create_team(&server, "Clinic Access Team").await?;
    browser.goto(&format!("{team_url}/aim")).await?;
    browser.type_into("#f-what", "same-day appointments").await?;
    browser.wait_saved().await?;

    // Aim → primary → secondary → change idea, linked on each one's page.
    browser.goto(&format!("{team_url}/drivers")).await?;
    browser.click("[data-testid=add-primary]").await?;
    browser.type_into("#f-text", "Match capacity to demand").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=driver-tree]", "Match capacity to demand").await?;
    browser.click("[data-testid=add-secondary]").await?;
    browser.type_into("#f-text", "Know the daily demand").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=field-links]", "Match capacity to demand").await?;
    browser.click("[data-testid=field-links] label.link-choice").await?;
    browser.wait_saved().await?;
    browser.goto(&format!("{team_url}/drivers")).await?;
    browser.click("[data-testid=add-idea]").await?;
    browser.type_into("#f-text", "Count requests each morning").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=idea-title]", "Count requests each morning").await?;
    browser.wait_for_text("[data-testid=field-drivers]", "Know the daily demand (secondary)").await?;
    browser.click("[data-testid=field-drivers] label.link-choice").await?;
    browser.wait_saved().await?;
    let idea_url = browser.url().await?;

    // The tree nests them: the idea under the secondary, under the primary.
    browser.goto(&format!("{team_url}/drivers")).await?;
    browser.wait_for_text("[data-testid=driver-tree]", "Count requests each morning").await?;
    let nested = browser
        .js(
            "const idea = [...document.querySelectorAll('.tree-idea')].find(a => a.innerText.includes('Count requests'));\
             const secondary = idea.closest('.branch-secondary'); const primary = secondary && secondary.parentElement.closest('.branch-primary');\
             return [!!secondary && secondary.querySelector('.branch-head').innerText, !!primary && primary.querySelector('.branch-head').innerText];",
            vec![],
        )
        .await?;
    assert_eq!(nested, json!(["Know the daily demand", "Match capacity to demand"]));
    look(&browser, "drivers").await?;
    // On a tablet: a diagram with the aim, three boxes and a line for each link.
    browser.viewport(TABLET).await?;
    let shape = browser
        .js(
            "const d = document.querySelector('[data-testid=driver-diagram]');\
             return [getComputedStyle(d).display !== 'none', d.querySelectorAll('.node').length, d.querySelectorAll('line').length,\
                     getComputedStyle(document.querySelector('[data-testid=driver-tree]')).display];",
            vec![],
        )
        .await?;
    assert_eq!(shape, json!([true, 4, 3, "none"]));
    let lefts = browser
        .js("return [...document.querySelectorAll('[data-testid=driver-diagram] .node')].map(n => Math.round(n.getBoundingClientRect().left))", vec![])
        .await?;
    let lefts: Vec<i64> = lefts.as_array().unwrap().iter().filter_map(|v| v.as_i64()).collect();
    assert!(lefts.windows(2).all(|w| w[1] > w[0]), "each column further right (positions applied): {lefts:?}");
    browser.viewport(PHONE).await?;

    // A ramp: the first cycle from the idea's page, prompted to predict, start small, link a
    // measure; then "adapt" leads to the next cycle, which follows the first.
    browser.goto(&idea_url).await?;
    browser.click("[data-testid=ramp-next]").await?;
    let chosen = browser
        .js("const s = document.querySelector('#f-change_idea'); return s.options[s.selectedIndex].text", vec![])
        .await?;
    assert_eq!(chosen, json!("Count requests each morning"), "the change idea is chosen from the list");
    browser.type_into("#f-title", "Tally sheet on Monday").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Tally sheet on Monday").await?;
    for prompt in ["prediction", "how small the first test is", "Which measure"] {
        browser.wait_for_text("[data-testid=prompts]", prompt).await?;
    }
    browser.click("[data-testid=field-predictions] button.secondary").await?;
    browser.type_into("#f-predictions-0-question", "How many same-day requests?").await?;
    browser.wait_for_text("[data-testid=prompts]", "Question 1 has no prediction").await?;
    browser.type_into("#f-predictions-0-prediction", "About 40").await?;
    browser.type_into("#f-scale", "One receptionist, one morning").await?;
    browser.wait_until(
        "the prediction and scale prompts go",
        "const p = document.querySelector('[data-testid=prompts]'); return !!p && !p.innerText.includes('prediction') && !p.innerText.includes('how small');",
    )
    .await?;
    browser.click("label[for=f-decision-adapt]").await?;
    browser.wait_for_text("[data-testid=prompts]", "plan the next cycle").await?;
    browser.wait_saved().await?;
    look(&browser, "cycle-prompts").await?;
    browser.click("[data-testid=next-cycle]").await?;
    browser.wait_for_text("h1", "Start a PDSA cycle").await?;
    assert_eq!(browser.value_of("#f-title").await?, json!("Tally sheet on Monday, cycle 2"));
    browser.set_value("#f-title", "Tally sheet all week").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Tally sheet all week").await?;
    let first_prompts = browser.text("[data-testid=prompts]").await?;
    assert!(!first_prompts.contains("how small"), "a follow-up cycle is not a first test: {first_prompts}");

    // Trace back: the cycle links to its idea's ramp, which lists both in order.
    browser.click("[data-testid=ramp-link]").await?;
    browser.wait_for_text("[data-testid=ramp]", "Tally sheet all week").await?;
    let order =
        browser.js("return [...document.querySelectorAll('.ramp .card-title')].map(e => e.innerText)", vec![]).await?;
    assert_eq!(order, json!(["Tally sheet on Monday", "Tally sheet all week"]));
    browser.wait_for_text("[data-testid=ramp]", "Scale: One receptionist, one morning").await?;
    browser.wait_for_text("[data-testid=ramp]", "Done: adapted").await?;
    look(&browser, "idea").await?;
    browser.goto(&team_url).await?;
    browser.wait_for_text("[data-testid=overview-ramps]", "Count requests each morning").await?;
    browser.wait_for_text("[data-testid=overview-ramps]", "2 cycles").await?;
    look(&browser, "team").await?;

    // Printing: the worksheet prints its values as text, without buttons or navigation.
    browser.goto(&idea_url).await?;
    browser.click(".ramp a").await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Tally sheet on Monday").await?;
    browser.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })).await?;
    let printed = browser
        .js(
            "const shown = (css) => [...document.querySelectorAll(css)].some(e => getComputedStyle(e).display !== 'none');\
             return [shown('.print-value'), shown('main button'), shown('.team-nav, .crumbs, .top'), shown('#f-scale'),\
                     [...document.querySelectorAll('.print-value')].some(e => e.innerText.includes('One receptionist'))];",
            vec![],
        )
        .await?;
    assert_eq!(printed, json!([true, false, false, false, true]));
    browser.screenshot("cycle-print").await?;
    browser.cdp("Emulation.setEmulatedMedia", json!({ "media": "" })).await?;
    browser.close().await;
    Ok(())
}

/// Waits for a downloaded file whose name ends with `suffix` to be complete in `dir`.
async fn downloaded(dir: &Path, suffix: &str) -> anyhow::Result<std::path::PathBuf> {
    let deadline = Instant::now() + ramp_e2e::PATIENCE;
    loop {
        let found = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(suffix));
        if let Some(path) = found {
            return Ok(path);
        }
        anyhow::ensure!(Instant::now() < deadline, "no {suffix} file was downloaded into {}", dir.display());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_team_backup_imports_into_a_clean_profile_and_measure_data_exports_as_csv() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    let team_url = browser.create_team(&server, "Ward 9 Team").await?;
    add_measure(&browser, &team_url, "Falls, per 1,000 bed days", "rate").await?;
    browser.type_into("#f-rate_per", "1000").await?;
    browser.wait_saved().await?;
    enter(&browser, "2026-01", "4", "800").await?;
    browser.wait_for_text("[data-testid=saved-note]", "5 per 1,000").await?;
    enter(&browser, "2026-02", "2", "1000").await?;
    browser.goto(&team_url).await?;
    browser.start_cycle("Hourly rounding, one bay", "Hourly rounding").await?;
    browser.goto(&format!("{team_url}/aim")).await?;
    browser.type_into("#f-what", "fewer falls, \"with harm\"").await?;
    browser.wait_saved().await?;

    let downloads = TempDir::new("downloads");
    browser
        .cdp(
            "Browser.setDownloadBehavior",
            json!({ "behavior": "allow", "downloadPath": downloads.path().to_string_lossy() }),
        )
        .await?;
    browser.goto(&team_url).await?;
    browser.click("[data-testid=export-json]").await?;
    let backup = downloaded(downloads.path(), "Ward 9 Team.json").await?;
    browser.click("[data-testid=export-csv]").await?;
    let csv = downloaded(downloads.path(), "Ward 9 Team measures.csv").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let csv = std::fs::read_to_string(csv)?;
    assert_eq!(
        csv,
        "measure,period,numerator,denominator,value,note\r\n\
         \"Falls, per 1,000 bed days\",2026-01,4,800,5,\r\n\
         \"Falls, per 1,000 bed days\",2026-02,2,1000,2,\r\n"
    );
    browser.close().await;

    // A clean profile: a bad file is refused with a reason, the backup comes in whole, and a
    // second import changes nothing.
    let fresh = Browser::start(PHONE).await?;
    let junk = downloads.path().join("junk.json");
    std::fs::write(&junk, "{\"hello\": 1}")?;
    fresh.goto(&format!("{}/settings", server.url)).await?;
    fresh.find("#import-file").await?.send_keys(&junk.to_string_lossy()).await?;
    fresh.click("[data-testid=import-button]").await?;
    fresh.wait_for_text("[data-testid=import-report]", "not a Ramp team backup").await?;
    fresh.find("#import-file").await?.send_keys(&backup.to_string_lossy()).await?;
    fresh.click("[data-testid=import-button]").await?;
    fresh
        .wait_for_text(
            "[data-testid=import-headline]",
            "Imported 1 team, 1 PDSA cycle, 1 aim, 1 measure, 2 data points, 1 change idea.",
        )
        .await?;
    look(&fresh, "import").await?;
    fresh.click("[data-testid=import-button]").await?;
    fresh.wait_for_text("[data-testid=import-headline]", "Nothing new").await?;
    fresh.click("[data-testid=import-report] a").await?;
    fresh.wait_for_text("[data-testid=team-name]", "Ward 9 Team").await?;
    fresh.wait_for_text("[data-testid=overview-measures]", "2 per 1,000 · Feb 2026").await?;
    fresh.wait_for_text("[data-testid=overview-aim]", "Fewer falls, \"with harm\"").await?;
    fresh.wait_for_text("[data-testid=cycle-list]", "Hourly rounding, one bay").await?;
    fresh.wait_for_text("[data-testid=cycle-list]", "Hourly rounding").await?;
    fresh.close().await;
    Ok(())
}
