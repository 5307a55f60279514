//! Every page of the app, in English and in Spanish, checked as [`Browser::look_at_phone`]
//! checks a page: axe-core (WCAG 2.1 A and AA, contrast it leaves to review computed) in the
//! light and the dark theme, nothing past the phone's edge at normal and 200 % text, touch
//! targets, headings, element ids and the security policy. The demo's collaborative gives each
//! page something to show: a member walks her team's pages, faculty the collaborative's.
//!
//! The pages are found by following the app's own links, so a page added to the router and
//! linked from another is swept without naming it here; [`ROUTES`] must name every route the
//! router has, and the test fails when one is missed.

use ramp_e2e::{Browser, Server, PHONE};
use serde_json::json;

const DEMO_PASSWORD: &str = "ramp-demo-2026";

/// Every route of the app's router (src/lib.rs), as written there.
const ROUTES: &[&str] = &[
    "/",
    "/settings",
    "/dashboard",
    "/collabs/:collab",
    "/collabs/:collab/compare",
    "/collabs/:collab/library",
    "/collabs/:collab/storyboards",
    "/collabs/:collab/measures/:measure",
    "/signin",
    "/teams/:team",
    "/teams/:team/aim",
    "/teams/:team/measures",
    "/teams/:team/measures/:measure",
    "/teams/:team/drivers",
    "/teams/:team/drivers/:driver",
    "/teams/:team/ideas/:idea",
    "/teams/:team/cycles",
    "/teams/:team/cycles/new",
    "/teams/:team/cycles/:cycle",
    "/teams/:team/activity",
    "/teams/:team/people",
    "/teams/:team/reports",
    "/teams/:team/reports/:month",
    "/teams/:team/storyboard",
];

/// The member's pages: (route, how to reach it: the page to open and the link on it to follow,
/// as a pattern its address matches).
const MEMBER: &[(&str, &str, &str)] = &[
    ("/", "/", ""),
    ("/settings", "/settings", ""),
    ("/signin", "/signin", ""),
    ("/teams/:team", "/", r"^/teams/[^/]+$"),
    ("/teams/:team/aim", "{team}/aim", ""),
    ("/teams/:team/measures", "{team}/measures", ""),
    ("/teams/:team/measures/:measure", "{team}/measures", r"/measures/[^/]+$"),
    ("/teams/:team/drivers", "{team}/drivers", ""),
    ("/teams/:team/drivers/:driver", "{team}/drivers", r"/drivers/[^/]+$"),
    ("/teams/:team/ideas/:idea", "{team}/drivers", r"/ideas/[^/]+$"),
    ("/teams/:team/cycles", "{team}/cycles", ""),
    ("/teams/:team/cycles/new", "{team}/cycles/new", ""),
    ("/teams/:team/cycles/:cycle", "{team}/cycles", r"/cycles/(?!new$)[^/]+$"),
    ("/teams/:team/activity", "{team}/activity", ""),
    ("/teams/:team/reports", "{team}/reports", ""),
    ("/teams/:team/reports/:month", "{team}/reports", r"/reports/[^/]+$"),
    ("/teams/:team/people", "{team}/people", ""),
    ("/teams/:team/storyboard", "{team}/storyboard", ""),
];

/// Faculty's pages, reached the same way.
const FACULTY: &[(&str, &str, &str)] = &[
    ("/dashboard", "/dashboard", ""),
    ("/collabs/:collab", "/", r"^/collabs/[^/]+$"),
    ("/collabs/:collab/compare", "{collab}/compare", ""),
    ("/collabs/:collab/library", "{collab}/library", ""),
    ("/collabs/:collab/storyboards", "{collab}/storyboards", ""),
    ("/collabs/:collab/measures/:measure", "{collab}", r"^/collabs/[^/]+/measures/[^/]+$"),
    ("/teams/:team", "{collab}", r"^/teams/[^/]+$"),
    ("/teams/:team/people", "{team}/people", ""),
];

/// Waits for the page to finish opening: its heading shown, nothing still loading.
async fn opened(browser: &Browser, what: &str) -> anyhow::Result<()> {
    browser.wait_opened(what).await?;
    // The page's records come from the device's store a moment after its frame.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    Ok(())
}

/// The address of the first link in the page's main part that matches `pattern` (a
/// JavaScript regular expression), once there is one.
async fn link(browser: &Browser, pattern: &str) -> anyhow::Result<String> {
    let find = format!(
        "return [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href'))\
           .find(h => new RegExp({}).test(h)) || null;",
        serde_json::to_string(pattern)?
    );
    browser.wait_until(&format!("a link to {pattern}"), &find.replace("|| null", "!== undefined")).await?;
    let found = browser.js(&find, vec![]).await?;
    found.as_str().map(str::to_owned).ok_or_else(|| anyhow::anyhow!("no link matching {pattern}"))
}

/// Opens and checks each page of `pages` in the language the device has chosen, noting the
/// team's and the collaborative's addresses as they are found. What the checks find on every
/// page, not just the first, goes into `problems`.
async fn sweep(
    browser: &Browser,
    server: &Server,
    pages: &[(&str, &str, &str)],
    language: &str,
    who: &str,
    problems: &mut Vec<String>,
) -> anyhow::Result<()> {
    let mut places: Vec<(&str, String)> = Vec::new();
    for (route, open, follow) in pages {
        let mut address = open.to_string();
        for (name, place) in places.iter() {
            address = address.replace(name, place);
        }
        browser.goto(&format!("{}{address}", server.url)).await?;
        opened(browser, &address).await?;
        if !follow.is_empty() {
            let next = link(browser, follow).await.map_err(|e| e.context(format!("finding {route} on {address}")))?;
            if *route == "/teams/:team" {
                places.push(("{team}", next.clone()));
            }
            if *route == "/collabs/:collab" {
                places.push(("{collab}", next.clone()));
            }
            browser.goto(&format!("{}{next}", server.url)).await?;
            opened(browser, route).await?;
        }
        let name = match *route {
            "/" => format!("page-{language}-{who}-home"),
            _ => format!("page-{language}-{who}{}", route.replace(['/', ':'], "-")),
        };
        if let Err(found) = browser.look_at_phone(&name).await {
            problems.push(format!("{route} in {language}: {found:#}"));
        }
        let stored = unworded(browser, language).await?;
        if !stored.is_empty() {
            problems.push(format!("{route} in {language} shows words as stored, not as the reader's: {stored:?}"));
        }
    }
    Ok(())
}

/// Text on the page (outside the fields a person types in) that shows a value as stored rather
/// than worded: a date or month as kept ("2025-06-01", "2026-12"), or, in another language
/// than English, a role's stored name after a person's ("Sam Reyes · coach").
async fn unworded(browser: &Browser, language: &str) -> anyhow::Result<Vec<String>> {
    let found = browser
        .js(
            "const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);\
             const stored = arguments[0] === 'en' ? /\\b\\d{4}-\\d{2}(-\\d{2})?\\b/\
               : /\\b\\d{4}-\\d{2}(-\\d{2})?\\b|· (member|coach|faculty)\\b/;\
             const found = [];\
             for (let n = walker.nextNode(); n; n = walker.nextNode()) {\
               if (n.parentElement.closest('input, textarea, select, script, style')) continue;\
               const m = n.textContent.match(stored); if (m) found.push(n.textContent.trim().slice(0, 80)); }\
             return found.slice(0, 5);",
            vec![json!(language)],
        )
        .await?;
    Ok(serde_json::from_value(found)?)
}

/// Chooses the device's language (as Settings does: kept on the device, the app reloaded).
async fn choose(browser: &Browser, server: &Server, code: &str) -> anyhow::Result<()> {
    browser.goto(&format!("{}/settings", server.url)).await?;
    opened(browser, "settings").await?;
    browser.set_value("#language-choice", code).await?;
    browser.wait_until("the language chosen", &format!("return document.documentElement.lang === {code:?};")).await
}

/// Signs the demo's `who` in on a fresh phone and sweeps `pages` in English and then in Spanish.
async fn walk(server: &Server, who: &str, pages: &[(&str, &str, &str)]) -> anyhow::Result<()> {
    let browser = Browser::start(PHONE).await?;
    browser.sign_in(server, &format!("{who}@demo.ramp"), DEMO_PASSWORD).await?;
    let mut problems = Vec::new();
    sweep(&browser, server, pages, "en", who, &mut problems).await?;
    choose(&browser, server, "es").await?;
    sweep(&browser, server, pages, "es", who, &mut problems).await?;
    browser.close().await;
    anyhow::ensure!(problems.is_empty(), "{} pages fail the checks:\n{}", problems.len(), problems.join("\n\n"));
    Ok(())
}

#[test]
fn the_sweep_names_every_route_of_the_router() -> anyhow::Result<()> {
    let router = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../src/lib.rs"))?;
    let routed: Vec<&str> = router.split("path!(\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    assert!(routed.len() > 20, "the router's routes are read: {routed:?}");
    let swept: Vec<&str> = MEMBER.iter().chain(FACULTY).map(|(route, ..)| *route).collect();
    for route in &routed {
        assert!(ROUTES.contains(route), "{route} is routed but not in ROUTES");
        assert!(swept.contains(route), "{route} is routed but no walk sweeps it");
    }
    assert_eq!(routed.len(), ROUTES.len(), "ROUTES names only routed pages");
    Ok(())
}

#[tokio::test]
async fn every_page_a_member_opens_passes_the_checks_in_both_languages_and_themes() -> anyhow::Result<()> {
    let server = Server::start_demo()?;
    walk(&server, "member", MEMBER).await
}

#[tokio::test]
async fn every_page_faculty_open_passes_the_checks_in_both_languages_and_themes() -> anyhow::Result<()> {
    let server = Server::start_demo()?;
    walk(&server, "faculty", FACULTY).await?;
    // Before signing in (the start page's form, the sign-in page) and a page that is not
    // there, in each language, through the same checks.
    let browser = Browser::start(PHONE).await?;
    let mut problems = Vec::new();
    for code in ["en", "es"] {
        choose(&browser, &server, code).await?;
        for (page, name) in [("/", "signed-out-home"), ("/signin", "signed-out-signin"), ("/no/such/page", "not-found")]
        {
            browser.goto(&format!("{}{page}", server.url)).await?;
            opened(&browser, page).await?;
            if let Err(found) = browser.look_at_phone(&format!("page-{code}-{name}")).await {
                problems.push(format!("{page} in {code}: {found:#}"));
            }
        }
    }
    browser.close().await;
    anyhow::ensure!(problems.is_empty(), "{}", problems.join("\n\n"));
    Ok(())
}
