//! The app as a person meets it: a team and a full PDSA cycle through the UI, kept across
//! reloads and a stopped server, checked by rules, installable, and updated in place.

use ramp_e2e::{copy_dir, Browser, Server, TempDir, PHONE, TABLET};
use serde_json::json;

/// Starts a cycle from the team page, with its scale, and returns the worksheet's URL.
async fn start_cycle(browser: &Browser, title: &str, idea: &str) -> anyhow::Result<String> {
    let url = browser.start_cycle(title, idea).await?;
    browser.type_into("#f-scale", "One nurse, one shift").await?;
    browser.wait_saved().await?;
    Ok(url)
}

/// What IndexedDB holds: (cycle records with this title, outbox entries).
async fn stored(browser: &Browser, title: &str) -> anyhow::Result<(u64, u64)> {
    let script = r#"
        const [title, done] = arguments;
        const open = indexedDB.open('ramp');
        open.onsuccess = () => {
            const tx = open.result.transaction(['records', 'outbox'], 'readonly');
            const records = tx.objectStore('records').getAll();
            const outbox = tx.objectStore('outbox').count();
            tx.oncomplete = () => {
                const cycles = records.result.filter((r) => {
                    const rec = JSON.parse(r.json);
                    return rec.kind === 'cycle' && (rec.fields.title || []).some((s) => s.value === title);
                });
                done([cycles.length, outbox.result]);
                open.result.close();
            };
        };
        open.onerror = () => done([-1, -1]);
    "#;
    let value = browser.js_async(script, vec![json!(title)]).await?;
    Ok((value[0].as_u64().unwrap_or(0), value[1].as_u64().unwrap_or(0)))
}

#[tokio::test]
async fn a_full_pdsa_cycle_is_kept_across_reloads_and_without_the_server() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    let team_url = browser.create_team(&server, "Ward 7 Falls Team").await?;
    let cycle_url = start_cycle(&browser, "Bedside safety huddle", "Daily 5-minute falls huddle").await?;
    browser.wait_for_text("[data-testid=stage]", "Plan").await?;

    // Plan: a question with its prediction, a task, the data plan.
    browser.click("[data-testid=field-predictions] button.secondary").await?;
    browser.type_into("#f-predictions-0-question", "Will the huddle take under 5 minutes?").await?;
    browser.type_into("#f-predictions-0-prediction", "Yes, 4 minutes on average").await?;
    browser.click("[data-testid=field-tasks] button.secondary").await?;
    browser.type_into("#f-tasks-0-what", "Run the huddle at 7:15").await?;
    browser.type_into("#f-tasks-0-who", "Charge nurse").await?;
    browser.type_into("#f-data_plan", "Time each huddle with a phone timer").await?;
    browser.wait_saved().await?;
    // Do.
    browser.click("label[for=f-ran_as_planned-partly]").await?;
    browser.type_into("#f-observations", "Took 6 minutes on day one, 4 by day three").await?;
    browser.type_into("#f-problems", "Night staff missed the first one").await?;
    browser.wait_for_text("[data-testid=stage]", "Do").await?;
    // Study.
    browser.click("label[for=f-matched_predictions-partly]").await?;
    browser.type_into("#f-comparison", "Longer than predicted at first").await?;
    browser.type_into("#f-learning", "A fixed script keeps it short").await?;
    browser.wait_for_text("[data-testid=stage]", "Study").await?;
    // Act.
    browser.type_into("#f-next_steps", "Test the script on the night shift").await?;
    browser.wait_for_text("[data-testid=stage]", "Act").await?;
    browser.click("label[for=f-decision-adapt]").await?;
    browser.wait_for_text("[data-testid=stage]", "Done: adapted").await?;
    browser.wait_saved().await?;
    let (cycles, outbox) = stored(&browser, "Bedside safety huddle").await?;
    assert_eq!(cycles, 1, "the cycle record is in IndexedDB");
    assert!(outbox >= 15, "every field change is queued for the server (outbox: {outbox})");

    // Reload: everything is still there, and the team lists the cycle with its stage.
    browser.reload().await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Bedside safety huddle").await?;
    let value = browser.value_of("#f-observations").await?;
    assert_eq!(value, json!("Took 6 minutes on day one, 4 by day three"));
    browser.goto(&team_url).await?;
    browser.wait_for_text("[data-testid=cycle-list]", "Bedside safety huddle").await?;
    browser.wait_for_text("[data-testid=cycle-list]", "Done: adapted").await?;

    // Stop the server: the app and the deep link to the cycle still load, and edits still save.
    browser.wait_offline_ready().await?;
    server.stop();
    browser.goto(&cycle_url).await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Bedside safety huddle").await?;
    let from_worker =
        browser.js("return performance.getEntriesByType('navigation')[0].workerStart > 0", vec![]).await?;
    assert_eq!(from_worker, json!(true), "the page came from the service worker");
    browser.type_into("#f-learning", " and a timer helps").await?;
    browser.wait_saved().await?;
    browser.reload().await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Bedside safety huddle").await?;
    let learning = browser.value_of("#f-learning").await?;
    assert_eq!(learning, json!("A fixed script keeps it short and a timer helps"));
    // Typed and reloaded at once, before the pause after typing: the chip never said "Saved"
    // early, and the words are there after the reload (written when the page was hidden).
    browser.click("#f-next_steps").await?;
    browser.find("#f-next_steps").await?.send_keys(" tonight").await?; // no Tab: still typing
    let chip = browser.text("[data-testid=save-status]").await?;
    assert!(chip.contains("Saving"), "while the words wait to be written: {chip:?}");
    browser.reload().await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Bedside safety huddle").await?;
    assert_eq!(browser.value_of("#f-next_steps").await?, json!("Test the script on the night shift tonight"));
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn bad_input_is_explained_and_nothing_typed_is_lost() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    browser.create_team(&server, "Clinic B").await?;
    browser.click("[data-testid=start-cycle]").await?;
    // Submitting without a title: the title is explained, the change idea typed stays.
    browser.pick_change_idea("Pre-visit phone call").await?;
    browser.set_value("#f-start", "2026-03-10").await?;
    browser.set_value("#f-end", "2026-03-01").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("#f-title-problem", "Give the cycle a title").await?;
    browser.wait_for_text("#f-end-problem", "The end date is before the start date").await?;
    browser.wait_for_text(".form-problem", "2 things need fixing").await?;
    let idea = browser.value_of("#new-idea").await?;
    assert_eq!(idea, json!("Pre-visit phone call"));
    // Fixing both starts the cycle.
    browser.type_into("#f-title", "Call before the visit").await?;
    browser.set_value("#f-end", "2026-03-17").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Call before the visit").await?;

    // On the worksheet: an end date before the start is held back, with the reason shown.
    browser.set_value("#f-end", "2026-03-02").await?;
    browser.wait_for_text("#f-end-problem", "The end date is before the start date").await?;
    browser.wait_for_text("[data-testid=save-status]", "Not saved").await?;
    browser.wait_for_text("[data-testid=save-status]", "End date").await?;
    let end = browser.value_of("#f-end").await?;
    assert_eq!(end, json!("2026-03-02"), "the typed date stays on screen");
    // Other fields still save meanwhile; clearing the title is refused the same way.
    browser.type_into("#f-objective", "Fewer missed appointments").await?;
    browser.set_value("#f-title", "").await?;
    browser.wait_for_text("#f-title-problem", "Give the cycle a title").await?;
    browser.set_value("#f-end", "2026-03-20").await?;
    browser.type_into("#f-title", "Call before the visit, v2").await?;
    browser.wait_saved().await?;
    browser.reload().await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Call before the visit, v2").await?;
    let saved = browser
        .js("return [document.querySelector('#f-end').value, document.querySelector('#f-objective').value]", vec![])
        .await?;
    assert_eq!(saved, json!(["2026-03-20", "Fewer missed appointments"]));
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn chromium_finds_the_app_installable() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    browser.goto(&server.url).await?;
    browser.find("#f-name").await?;
    browser.wait_offline_ready().await?;
    let errors = browser.cdp("Page.getInstallabilityErrors", json!({})).await?;
    assert_eq!(errors["installabilityErrors"], json!([]), "{errors}");
    let manifest = browser.cdp("Page.getAppManifest", json!({})).await?;
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_new_version_is_offered_and_reloading_keeps_the_data() -> anyhow::Result<()> {
    let deployed = TempDir::new("dist");
    let dist = std::env::var_os("RAMP_DIST").expect("RAMP_DIST");
    copy_dir(std::path::Path::new(&dist), deployed.path())?;
    let server = Server::start_with_dist(deployed.path().to_path_buf())?;
    let browser = Browser::start(PHONE).await?;
    browser.create_team(&server, "Update Team").await?;
    browser.wait_offline_ready().await?;
    let old_caches = browser.js_async("caches.keys().then(arguments[0])", vec![]).await?;

    // Deploy a new build: a changed page and the worker regenerated, as a rebuild does.
    let index = deployed.path().join("index.html");
    let page = std::fs::read_to_string(&index)?.replace("<title>Ramp</title>", "<title>Ramp</title><!-- v2 -->");
    std::fs::write(&index, page)?;
    let template = std::fs::read_to_string(xtask::root().join("public/sw.js"))?;
    let (build_id, _) = xtask::gen_sw::write(deployed.path(), &template)?;

    browser.reload().await?;
    browser.wait_for_text("[data-testid=update-banner]", "New version available").await?;
    browser.click("[data-testid=update-banner] button").await?;
    browser
        .wait_until(
            "the new worker controls the page and the banner is gone",
            "return !!navigator.serviceWorker.controller && !document.querySelector('[data-testid=update-banner]') \
             && document.head.innerHTML.includes('<!-- v2 -->');",
        )
        .await?;
    let caches = browser.js_async("caches.keys().then(arguments[0])", vec![]).await?;
    assert_eq!(caches, json!([format!("ramp-shell-{build_id}")]), "old cache {old_caches} replaced");
    browser.wait_for_text("[data-testid=team-name]", "Update Team").await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn pages_fit_phone_and_tablet_screens() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    browser.goto(&server.url).await?;
    browser.find("#f-name").await?;
    browser.screenshot("home-empty-phone").await?;
    let mut pages = Vec::new();
    let team_url = browser.create_team(&server, "Ward 7 Falls Team").await?;
    let cycle_url = start_cycle(&browser, "Bedside safety huddle", "Daily 5-minute falls huddle").await?;
    browser.click("[data-testid=field-predictions] button.secondary").await?;
    browser.type_into("#f-predictions-0-question", "Will it take under 5 minutes?").await?;
    browser.type_into("#f-observations", "Took 6 minutes on day one").await?;
    browser.wait_saved().await?;
    pages.extend([
        ("home", server.url.clone()),
        ("team", team_url.clone()),
        ("new-cycle", format!("{team_url}/cycles/new")),
        ("cycle", cycle_url),
        ("settings", format!("{}/settings", server.url)),
        ("signin", format!("{}/signin", server.url)),
    ]);
    for (width_name, viewport) in [("phone", PHONE), ("tablet", TABLET)] {
        browser.viewport(viewport).await?;
        for (name, url) in &pages {
            browser.goto(url).await?;
            browser.find("main h1").await?;
            let overflow = browser
                .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
                .await?;
            assert_eq!(overflow, json!(0), "{name} scrolls sideways at {width_name} width");
            browser.screenshot(&format!("{name}-{width_name}")).await?;
        }
    }
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn the_team_lists_its_cycles_newest_first() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    let team_url = browser.create_team(&server, "Order Team").await?;
    start_cycle(&browser, "Older cycle", "Idea one").await?;
    browser.goto(&team_url).await?;
    start_cycle(&browser, "Newer cycle", "Idea two").await?;
    browser.click(".crumbs a").await?;
    browser.wait_for_text("[data-testid=cycle-list]", "Older cycle").await?;
    let titles = browser
        .js(
            "return [...document.querySelectorAll('[data-testid=cycle-list] .card-title')].map((e) => e.innerText)",
            vec![],
        )
        .await?;
    assert_eq!(titles, json!(["Newer cycle", "Older cycle"]));
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_team_with_many_cycles_shows_the_newest_fifty_and_more_on_request() -> anyhow::Result<()> {
    use ramp_core::sample::{self, Shape};
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    let files = TempDir::new("many-cycles");
    let backup = sample::team(11, "Busy Ward", Shape { measures: 1, points: 6, cycles: 62 });
    let file = files.path().join("busy.json");
    std::fs::write(&file, serde_json::to_string(&backup)?)?;
    browser.goto(&format!("{}/settings", server.url)).await?;
    browser.find("#import-file").await?.send_keys(&file.to_string_lossy()).await?;
    browser.click("[data-testid=import-button]").await?;
    browser.wait_for_text("[data-testid=import-headline]", "Imported").await?;

    browser.goto(&format!("{}/teams/{}/cycles", server.url, backup.team)).await?;
    browser.wait_for_text("[data-testid=cycle-count]", "62 PDSA cycles, the newest 50 shown").await?;
    let cards = "return document.querySelectorAll('[data-testid=cycle-list] li').length";
    assert_eq!(browser.js(cards, vec![]).await?, json!(50));
    browser.screenshot("cycles-many-phone").await?;
    browser.click("[data-testid=more-cycles]").await?;
    browser.wait_for_text("[data-testid=cycle-count]", "62 PDSA cycles").await?;
    browser.wait_until("every cycle is listed", &format!("{cards} === 62;")).await?;
    assert_eq!(browser.text("[data-testid=cycle-count]").await?, "62 PDSA cycles");
    browser.viewport(TABLET).await?;
    browser.screenshot("cycles-many-tablet").await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_page_whose_code_cannot_be_fetched_says_so_and_offers_to_try_again() -> anyhow::Result<()> {
    // The worksheets' chunk cannot be fetched (the connection dropped before the service
    // worker stored it): the server of this test does not have it.
    let deployed = TempDir::new("dist");
    let dist = std::env::var_os("RAMP_DIST").expect("RAMP_DIST");
    copy_dir(std::path::Path::new(&dist), deployed.path())?;
    let held_back = TempDir::new("chunk");
    for entry in std::fs::read_dir(deployed.path())? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
        if name.starts_with("split_worksheets-") {
            std::fs::rename(&path, held_back.path().join(&name))?;
        }
    }
    assert!(std::fs::read_dir(held_back.path())?.count() >= 1, "the build has a worksheets chunk");
    let server = Server::start_with_dist(deployed.path().to_path_buf())?;
    let browser = Browser::start(PHONE).await?;
    browser.goto(&server.url).await?;
    browser.type_into("#f-name", "Chunkless Team").await?;
    browser.click("form.create-form button[type=submit]").await?;

    // The team page says what is missing; the header, the save status and the start page work.
    browser.wait_for_text("[data-testid=chunk-failed]", "This page could not be loaded").await?;
    browser.wait_for_text("[data-testid=chunk-failed]", "Everything you saved is still on this device").await?;
    browser.wait_for_text("[data-testid=save-status]", "Saved on this device").await?;
    browser.look("chunk-failed").await?;
    browser.click("header a.brand").await?;
    browser.wait_for_text("main h1", "Your teams").await?;
    browser.wait_for_text("main .cards", "Chunkless Team").await?;
    browser.click("main .cards a.card").await?;
    browser.wait_for_text("[data-testid=chunk-failed] button", "Try again").await?;

    // The connection is back: "Try again" fetches the chunk and draws the page, no reload.
    for entry in std::fs::read_dir(held_back.path())? {
        let path = entry?.path();
        std::fs::rename(&path, deployed.path().join(path.file_name().expect("a name")))?;
    }
    browser.js("window.notReloaded = true", vec![]).await?;
    browser.click("[data-testid=chunk-failed] button").await?;
    browser.wait_for_text("[data-testid=team-name]", "Chunkless Team").await?;
    assert_eq!(browser.js("return window.notReloaded === true", vec![]).await?, json!(true));
    let failed = browser.js("return !!document.querySelector('[data-testid=chunk-failed]')", vec![]).await?;
    assert_eq!(failed, json!(false));
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn every_page_opens_offline_from_what_the_first_visit_stored() -> anyhow::Result<()> {
    // The demo's faculty sees every kind of page: the collaborative's, the dashboard, a
    // team's worksheets and charts.
    let mut server = Server::start_demo()?;
    let browser = Browser::start(PHONE).await?;
    browser.sign_in(&server, "faculty@demo.ramp", "ramp-demo-2026").await?;
    browser.wait_for_text("[data-testid=collab-list]", "Safer Wards Collaborative").await?;
    browser.wait_offline_ready().await?;
    // The addresses, from the links on the pages (online, as a person would follow them).
    let hrefs = |prefix: &str| {
        format!(
            "return [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href'))\
             .filter(h => h.startsWith('{prefix}'));"
        )
    };
    let links = |value: serde_json::Value| -> Vec<String> {
        value.as_array().into_iter().flatten().filter_map(|h| h.as_str().map(str::to_owned)).collect()
    };
    browser.click("[data-testid=collab-list] a").await?;
    browser.wait_for_text("[data-testid=common-measures]", "Patients screened for falls risk").await?;
    let collab = browser.url().await?.trim_start_matches(&server.url).to_owned();
    let on_collab = links(browser.js(&hrefs("/"), vec![]).await?);
    let common_measure = on_collab.iter().find(|h| h.contains("/measures/")).expect("a common measure").clone();
    let team =
        on_collab.iter().find(|h| h.starts_with("/teams/") && h.matches('/').count() == 2).expect("a team").clone();
    browser.goto(&format!("{}{team}", server.url)).await?;
    browser.find("[data-testid=team-name]").await?;
    browser
        .wait_until("the team's measures", "return !!document.querySelector(\"main a[href*='/measures/']\");")
        .await?;
    let on_team = links(browser.js(&hrefs(&team), vec![]).await?);
    let first = |part: &str| {
        on_team.iter().find(|h| h.contains(part) && h.trim_start_matches(&team).matches('/').count() == 2).cloned()
    };
    let measure = first("/measures/").expect("a measure");
    let cycle = first("/cycles/").expect("a cycle");
    browser.goto(&format!("{}{team}/drivers", server.url)).await?;
    browser.wait_until("a change idea", "return !!document.querySelector(\"main a[href*='/ideas/']\");").await?;
    let on_drivers = links(browser.js(&hrefs(&team), vec![]).await?);
    let driver = on_drivers.iter().find(|h| h.contains("/drivers/")).expect("a driver").clone();
    let idea = on_drivers.iter().find(|h| h.contains("/ideas/")).expect("a change idea").clone();
    browser.goto(&format!("{}{team}/reports", server.url)).await?;
    browser.wait_until("a month's report", "return !!document.querySelector(\"main a[href*='/reports/']\");").await?;
    let report = links(browser.js(&hrefs(&format!("{team}/reports/")), vec![]).await?).remove(0);

    // Offline: every page, each a fresh start from the service worker.
    server.stop();
    let pages = [
        "/".to_owned(),
        "/settings".to_owned(),
        "/signin".to_owned(),
        "/dashboard".to_owned(),
        collab.clone(),
        format!("{collab}/compare"),
        format!("{collab}/library"),
        format!("{collab}/storyboards"),
        common_measure,
        team.clone(),
        format!("{team}/aim"),
        format!("{team}/measures"),
        measure,
        format!("{team}/drivers"),
        driver,
        idea,
        format!("{team}/cycles"),
        format!("{team}/cycles/new"),
        cycle,
        format!("{team}/activity"),
        format!("{team}/people"),
        format!("{team}/reports"),
        report,
        format!("{team}/storyboard"),
    ];
    for page in &pages {
        browser.goto(&format!("{}{page}", server.url)).await?;
        browser.wait_opened(&format!("{page}, offline,")).await?;
        let state = browser
            .js(
                "return [performance.getEntriesByType('navigation')[0].workerStart > 0,\
                 !!document.querySelector('[data-testid=chunk-failed]'), document.querySelector('main h1').innerText];",
                vec![],
            )
            .await?;
        assert_eq!(state[0], json!(true), "{page} came from the service worker");
        assert_eq!(state[1], json!(false), "{page} has its code offline: {state}");
        assert_ne!(state[2], json!("Nothing here"), "{page} is a page");
    }
    browser.close().await;
    Ok(())
}
