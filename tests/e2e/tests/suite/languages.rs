//! Ramp in another language: a member on a phone chooses Spanish in Settings, then names a
//! team, starts and plans a PDSA cycle and enters a measure's data the way Spanish is written
//! ("1.250" is one thousand two hundred and fifty, "12,5" twelve and a half), reads the chart's
//! signal in Spanish and writes the month's report. Offline once the app is on the device, as a
//! ward would be.

use ramp_e2e::{Browser, Server, PHONE};
use serde_json::json;

/// Enters one month's value and waits for the saved note.
async fn enter(browser: &Browser, month: &str, value: &str, saved: &str) -> anyhow::Result<()> {
    browser.set_value("#entry-period", month).await?;
    browser.set_value("#p-value", value).await?;
    browser.click("[data-testid=save-point]").await?;
    browser.wait_for_text("[data-testid=saved-note]", saved).await?;
    Ok(())
}

#[tokio::test]
async fn a_member_plans_a_cycle_and_enters_data_in_spanish() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    // The browser speaks English: so does Ramp, until Spanish is chosen in Settings.
    browser.goto(&format!("{}/settings", server.url)).await?;
    browser.wait_for_text("main h1", "Settings").await?;
    browser.wait_offline_ready().await?;
    browser.set_value("#language-choice", "es").await?;
    browser.wait_for_text("main h1", "Ajustes").await?;
    let lang = browser.js("return document.documentElement.lang;", vec![]).await?;
    assert_eq!(lang, json!("es"), "the page says which language it is in, for screen readers");
    // Installed to the home screen, the app is named in Spanish too.
    let name = browser
        .js_async(
            "const done = arguments[0]; fetch(document.querySelector('link[rel=manifest]').href)\
               .then(r => r.json()).then(m => done(m.name)).catch(e => done(String(e)));",
            vec![],
        )
        .await?;
    assert_eq!(name, json!("Ramp: ciclos PDSA y medidas"), "the install manifest in Spanish");
    server.stop();

    // A team, named from the start page's form in Spanish.
    browser.goto(&server.url).await?;
    browser.wait_for_text("main h1", "Bienvenido a Ramp").await?;
    browser.wait_for_text("label[for=f-name]", "Nombre del equipo").await?;
    browser.type_into("#f-name", "Equipo de caídas de la planta 7").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=team-name]", "Equipo de caídas").await?;
    browser.wait_for_text("[data-testid=save-status]", "Guardado en este dispositivo").await?;
    browser.wait_for_text("[data-testid=sync-status]", "Solo en este dispositivo").await?;
    let team_url = browser.url().await?;

    // A PDSA cycle: started in under a minute, its plan written on its worksheet.
    browser.click("[data-testid=start-cycle]").await?;
    browser.wait_for_text("main h1", "Iniciar un ciclo PDSA").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("#f-title-problem", "Dé un título al ciclo").await?;
    browser.type_into("#f-title", "Reunión breve, prueba 1").await?;
    browser.pick_change_idea("Reunión de seguridad en el cambio de turno").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Reunión breve, prueba 1").await?;
    browser.wait_for_text("a[href='#sec-plan']", "Planificar").await?;
    browser.click("a[href='#sec-plan']").await?;
    browser.wait_for_text("[data-testid=field-predictions]", "Preguntas y predicciones").await?;
    browser.wait_for_text("[data-testid=field-data_plan]", "Plan de recogida de datos").await?;
    // A screen reader hears the save: the chip is a polite live region that stays in the page
    // while its words change (a region put in anew would be silent), from saving to saved.
    browser
        .js(
            "const chip = document.querySelector('[data-testid=save-status]'); window.heard = [];\
             new MutationObserver(() => window.heard.push(chip.querySelector('.chip-headline').textContent))\
               .observe(chip, { subtree: true, childList: true, characterData: true });",
            vec![],
        )
        .await?;
    browser.type_into("#f-data_plan", "La enfermera de turno anota cada caída").await?;
    browser
        .wait_until(
            "the chip said saving, then saved",
            "const h = window.heard || []; const i = h.findIndex(t => t.includes('Guardando…'));\
             return i >= 0 && h.slice(i).some(t => t.includes('Guardado en este dispositivo'));",
        )
        .await?;
    let live = browser
        .js(
            "const chip = document.querySelector('[data-testid=save-status]');\
             return [chip.getAttribute('role'), chip.getAttribute('aria-live'), chip.innerText.includes('Guardado en este dispositivo')];",
            vec![],
        )
        .await?;
    assert_eq!(live, json!(["status", "polite", true]), "the save state is announced where it is shown");
    browser.look("es-cycle").await?;

    // A measure, its data written as Spanish writes numbers.
    browser.goto(&format!("{team_url}/measures")).await?;
    browser.wait_for_text("label[for=f-name]", "Nombre de la medida").await?;
    browser.type_into("#f-name", "Minutos hasta la primera valoración").await?;
    browser.click("label[for=f-measure_type-outcome]").await?;
    browser.click("label[for=f-value_type-continuous]").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=measure-name]", "Minutos hasta").await?;
    browser.set_value("#entry-period", "2026-01").await?;
    browser.wait_for_text("[data-testid=entry-status]", "ene 2026: aún sin datos").await?;
    browser.set_value("#p-value", "1.250").await?;
    browser.wait_for_text("[data-testid=entry-preview]", "= 1.250").await?;
    browser.set_value("#p-value", "1,250").await?;
    browser.wait_for_text("[data-testid=entry-preview]", "= 1,25").await?;
    browser.set_value("#p-value", "1.250").await?;
    browser.click("[data-testid=save-point]").await?;
    browser.wait_for_text("[data-testid=saved-note]", "Guardado ene 2026: 1.250").await?;
    for (month, value, shown) in [
        ("2026-02", "1.300", "1.300"),
        ("2026-03", "1.275", "1.275"),
        ("2026-04", "1.310", "1.310"),
        ("2026-05", "1.290", "1.290"),
        ("2026-06", "1.260", "1.260"),
        ("2026-07", "12,5", "12,5"),
        ("2026-08", "13", "13"),
        ("2026-09", "12", "12"),
        ("2026-10", "11,5", "11,5"),
        ("2026-11", "12,8", "12,8"),
        ("2026-12", "13,1", "13,1"),
    ] {
        enter(&browser, month, value, &format!(": {shown}")).await?;
    }
    browser.wait_for_text("[data-testid=points]", "dic 2026").await?;
    browser.wait_for_text("[data-testid=points]", "12,5").await?;
    browser.wait_for_text("[data-testid=points]", "1.310").await?;
    // The chart's signal, in Spanish: six months below the median.
    browser.wait_for_text("main", "Desplazamiento: 6 puntos por debajo de la mediana de jul 2026 a dic 2026").await?;
    browser.look("es-measure").await?;
    // Windows high contrast: the chart keeps its line and its signals, in the system's colours,
    // and a signal's points stand apart from the others.
    // In the light and the dark theme alike, the chart's line, centre and signal points stand
    // out from its background (WCAG 1.4.11's 3:1 for graphics), the signals in a colour of
    // their own.
    for scheme in ["light", "dark"] {
        browser.color_scheme(scheme).await?;
        let marks = browser
            .js(
                "const rgb = c => (c.match(/[0-9.]+/g) || []).map(Number);\
                 const lum = c => { const v = rgb(c).slice(0, 3).map(x => x / 255).map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);\
                   return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };\
                 const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)]; return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };\
                 const chart = document.querySelector('.chart');\
                 let back = 'rgb(255, 255, 255)'; for (let e = chart; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor;\
                   const a = rgb(b); if (a.length === 3 || a[3] === 1) { back = b; break; } }\
                 const s = q => getComputedStyle(chart.querySelector(q));\
                 const marks = { line: s('.series').stroke, signal: s('.dot-signal').fill, centre: s('.centre, .median').stroke };\
                 return Object.entries(marks).map(([k, c]) => [k, c, Math.round(ratio(c, back) * 100) / 100]);",
                vec![],
            )
            .await?;
        let marks: Vec<(String, String, f64)> = serde_json::from_value(marks)?;
        for (mark, colour, contrast) in &marks {
            assert!(
                *contrast >= 3.0,
                "{scheme} theme: the chart's {mark} ({colour}) is {contrast}:1 on its background"
            );
        }
        assert_ne!(marks[0].1, marks[1].1, "{scheme} theme: signals in a colour apart from the line: {marks:?}");
    }
    browser.color_scheme("light").await?;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "features": [{ "name": "forced-colors", "value": "active" }] }))
        .await?;
    let colours = browser
        .js(
            "const s = q => getComputedStyle(document.querySelector(q));\
             return [s('.chart .series').stroke, s('.chart .dot-signal').fill, s('.chart .centre, .chart .median').stroke];",
            vec![],
        )
        .await?;
    browser.screenshot("es-measure-forced-colors").await?;
    browser.cdp("Emulation.setEmulatedMedia", json!({ "features": [] })).await?;
    let colours: Vec<String> = serde_json::from_value(colours)?;
    assert!(colours.iter().all(|c| c != "none" && !c.is_empty()), "every mark drawn: {colours:?}");
    assert_ne!(colours[0], colours[1], "signal points stand apart from the line: {colours:?}");
    browser.goto(&team_url).await?;
    browser.wait_for_text("[data-testid=overview-measures]", "13,1 · dic 2026").await?;
    browser.wait_for_text("[data-testid=latest-signal]", "Desplazamiento").await?;
    browser.look("es-team").await?;

    // This month's report, in Spanish: its month, its fields and the team's own score.
    browser.goto(&format!("{team_url}/reports")).await?;
    browser.wait_for_text("main h1", "Informes mensuales").await?;
    browser.set_value("#report-month", "2026-12").await?;
    browser.click("[data-testid=open-report]").await?;
    browser.wait_for_text("[data-testid=report-title]", "Informe de dic 2026").await?;
    browser.wait_for_text("[data-testid=field-progress]", "Avances de este mes").await?;
    browser.type_into("#f-progress", "Empezamos las reuniones breves en el turno de noche").await?;
    browser.click("[id='f-self_score-3.0']").await?;
    browser.wait_for_text("[data-testid=team-score]", "3,0 — Mejora modesta").await?;
    browser.wait_for_text("[data-testid=save-status]", "Guardado en este dispositivo").await?;
    browser.look("es-report").await?;
    // Printed for a learning session, in Spanish: what it is, whose, and as of when.
    browser.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })).await?;
    let printed = browser
        .js(
            "const shown = q => { const e = document.querySelector(q); return getComputedStyle(e).display === 'none' ? '' : e.textContent; };\
             return [shown('.top'), shown('.print-kind'), shown('[data-testid=print-asof]')];",
            vec![],
        )
        .await?;
    browser.screenshot("es-report-print").await?;
    browser.cdp("Emulation.setEmulatedMedia", json!({ "media": "" })).await?;
    let printed: Vec<String> = serde_json::from_value(printed)?;
    assert_eq!(printed[0], "", "the header is not printed");
    assert!(
        printed[1].starts_with("Informe mensual · Equipo de caídas"),
        "the printout says what and whose: {printed:?}"
    );
    assert!(printed[2].starts_with("Datos de este dispositivo a "), "and says as of when, in Spanish: {printed:?}");

    // The choice is kept on the device: a reload opens in Spanish, with the report as written.
    browser.reload().await?;
    browser.wait_for_text("[data-testid=report-title]", "Informe de dic 2026").await?;
    browser.wait_for_text("[data-testid=team-score]", "3,0 — Mejora modesta").await?;
    browser.wait_for_text("nav.team-nav", "Ciclos PDSA").await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn ramp_opens_in_the_browsers_language_until_one_is_chosen() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    // A phone set to Mexican Spanish, then English: Ramp has Spanish, so Spanish it is.
    let agent = browser.js("return navigator.userAgent;", vec![]).await?;
    browser.cdp("Emulation.setUserAgentOverride", json!({ "userAgent": agent, "acceptLanguage": "es-MX,en" })).await?;
    browser.goto(&server.url).await?;
    browser.wait_for_text("main h1", "Bienvenido a Ramp").await?;
    let lang = browser.js("return [document.documentElement.lang, navigator.language];", vec![]).await?;
    assert_eq!(lang, json!(["es", "es-MX"]), "Spanish, from the browser's own languages");
    // Chosen in Settings, English stays, whatever the browser says.
    browser.goto(&format!("{}/settings", server.url)).await?;
    browser.wait_for_text("main h1", "Ajustes").await?;
    browser.set_value("#language-choice", "en").await?;
    browser.wait_for_text("main h1", "Settings").await?;
    browser.goto(&server.url).await?;
    browser.wait_for_text("main h1", "Welcome to Ramp").await?;
    browser.close().await;
    Ok(())
}
