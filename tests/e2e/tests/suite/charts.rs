//! A measure's chart as a team and a coach meet it: a run chart with its signals in words,
//! the rule set switched, a control chart with a phase break, a PDSA cycle on the time axis
//! that opens on tap, and the small charts of the team overview.

use std::time::Duration;

use ramp_e2e::{Browser, Server, PHONE, TABLET};
use serde_json::json;

/// Sixteen months: eight low, then eight high (numerators out of 100).
const MONTHS: [(&str, &str); 16] = [
    ("2025-01", "55"),
    ("2025-02", "50"),
    ("2025-03", "60"),
    ("2025-04", "65"),
    ("2025-05", "45"),
    ("2025-06", "60"),
    ("2025-07", "62"),
    ("2025-08", "58"),
    ("2025-09", "85"),
    ("2025-10", "82"),
    ("2025-11", "90"),
    ("2025-12", "86"),
    ("2026-01", "84"),
    ("2026-02", "88"),
    ("2026-03", "83"),
    ("2026-04", "87"),
];

async fn screenshots(browser: &Browser, name: &str) -> anyhow::Result<()> {
    for (size, label) in [(TABLET, "tablet"), (PHONE, "phone")] {
        browser.viewport(size).await?;
        // The chart itself in view (a measure's page puts this month's entry form above it).
        browser
            .js("const c = document.querySelector('[data-testid=chart]'); if (c) c.scrollIntoView(); else window.scrollTo(0, 0);", vec![])
            .await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        browser.screenshot(&format!("{name}-{label}")).await?;
    }
    let blocked = browser.csp_violations().await?;
    assert!(blocked.is_empty(), "{name}: the security policy blocked {blocked:?}");
    Ok(())
}

#[tokio::test]
async fn a_measure_chart_shows_its_signals_rules_phases_and_cycles() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    let team_url = browser.create_team(&server, "Ward 5 Screening").await?;
    browser.goto(&format!("{team_url}/measures")).await?;
    browser.type_into("#f-name", "Patients screened on admission").await?;
    browser.click("label[for=f-measure_type-process]").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=measure-name]", "Patients screened").await?;
    let measure_url = browser.url().await?;
    let measure_id = measure_url.rsplit('/').next().unwrap_or_default().to_owned();
    browser.wait_for_text("[data-testid=chart-empty]", "first data point").await?;
    for (period, numerator) in MONTHS {
        browser.set_value("#entry-period", period).await?;
        browser.set_value("#p-numerator", numerator).await?;
        browser.set_value("#p-denominator", "100").await?;
        browser.click("[data-testid=save-point]").await?;
        let (year, month) = period.split_once('-').unwrap_or_default();
        let name = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            [month.parse::<usize>().unwrap_or(1) - 1];
        browser.wait_for_text("[data-testid=saved-note]", &format!("Saved {name} {year}: {numerator}%")).await?;
    }

    // The run chart: median, both shifts explained in words, the rule set printed.
    browser.wait_for_text("[data-testid=chart-caption]", "Run chart · IHI run chart rules").await?;
    browser
        .wait_for_text("[data-testid=chart-signals]", "Shift: 8 points below the median from Jan 2025 to Aug 2025")
        .await?;
    browser
        .wait_for_text("[data-testid=chart-signals]", "Shift: 8 points above the median from Sep 2025 to Apr 2026")
        .await?;
    let marked =
        browser.js("return document.querySelectorAll('[data-testid=chart] .dot-signal').length", vec![]).await?;
    assert_eq!(marked, json!(16), "every point of a shift is marked");
    browser.wait_for_text("[data-testid=chart-legend]", "Part of a signal").await?;
    let limits = browser.js("return document.querySelector('[data-testid=chart-legend]').innerText", vec![]).await?;
    assert!(!limits.as_str().unwrap_or_default().contains("Control limits"), "a run chart has no limits: {limits}");
    browser.wait_for_text("[data-testid=chart-signals]", "Too few runs: 2 runs in 16 points").await?;
    // The team judges May's low value astronomical: the chart says so.
    browser.click("button[aria-label='Edit May 2025']").await?;
    browser.wait_for_text("[data-testid=entry-status]", "May 2025 has data").await?;
    browser.click("label[for=p-astronomical-yes]").await?;
    browser.click("[data-testid=save-point]").await?;
    browser.wait_for_text("[data-testid=saved-note]", "Saved May 2025").await?;
    browser.wait_for_text("[data-testid=chart-signals]", "Astronomical point (marked by the team): May 2025").await?;

    // Anhøj rules: the long run and the few crossings.
    browser.click("label[for=f-rules-anhoej]").await?;
    browser.wait_for_text("[data-testid=chart-caption]", "Anhøj rules").await?;
    browser
        .wait_for_text(
            "[data-testid=chart-signals]",
            "Unusually long run: 8 points above the median from Sep 2025 to Apr 2026",
        )
        .await?;
    browser.wait_for_text("[data-testid=chart-signals]", "Too few crossings: 1 in 16 points").await?;

    // The overview: the measure in small, with its latest signal: the one that ends latest,
    // and of those the shorter (the long run to April, not the few crossings of all 16).
    browser.goto(&team_url).await?;
    browser
        .wait_for_text("[data-testid=latest-signal]", "Unusually long run: 8 points above the median from Sep 2025")
        .await?;
    let sparks = browser
        .js("return document.querySelectorAll('[data-testid=overview-measures] svg.spark').length", vec![])
        .await?;
    assert_eq!(sparks, json!(1));
    screenshots(&browser, "overview-charts").await?;
    browser.goto(&measure_url).await?;
    browser.wait_for_text("[data-testid=chart-caption]", "Anhøj rules").await?;

    // A control chart with a phase break where the change began.
    browser.click("label[for=f-chart-spc]").await?;
    browser.wait_for_text("[data-testid=chart-caption]", "P chart").await?;
    browser.wait_for_text("[data-testid=chart]", "trial limits").await?;
    browser.click("[data-testid=field-phases] button.secondary").await?;
    browser.type_into("#f-phases-0-from", "2025-09").await?;
    browser.type_into("#f-phases-0-reason", "Huddles began").await?;
    browser.wait_for_text("[data-testid=chart]", "Huddles began (from Sep 2025)").await?;
    let shape = browser
        .js(
            "const c = document.querySelector('[data-testid=chart]');\
             return [c.querySelectorAll('line.centre').length, c.querySelectorAll('path.limit').length];",
            vec![],
        )
        .await?;
    assert_eq!(shape, json!([2, 2]), "a centre line per phase, upper and lower limits");
    // The limits in words under the chart, and a legend for what the marks mean.
    browser.wait_for_text("[data-testid=chart-lines]", "Control limits now: lower ").await?;
    browser.wait_for_text("[data-testid=chart-legend]", "Control limits").await?;
    browser.click("label[for=f-chart-run]").await?;
    browser.wait_for_text("[data-testid=chart-caption]", "Run chart").await?;

    // A cycle aimed at this measure appears on the axis; tapping it opens the cycle.
    browser.goto(&team_url).await?;
    browser.start_cycle("Screening prompt on the board", "Prompt on the whiteboard").await?;
    browser.set_value("#f-measure", &measure_id).await?;
    browser.set_value("#f-start", "2025-09-14").await?;
    browser.wait_saved().await?;
    browser.goto(&measure_url).await?;
    browser
        .wait_for_text("[data-testid=chart-annotations]", "Screening prompt on the board (from 14 Sep 2025)")
        .await?;
    let flags = browser.js("return document.querySelectorAll('[data-testid=chart-flag]').length", vec![]).await?;
    assert_eq!(flags, json!(1));
    // Two more cycles start that month: one flag, "1–3", in the strip under the axis where it
    // cannot hide a point; the legend explains it.
    for title in ["Prompt at handover", "Prompt on the admission form"] {
        browser.goto(&team_url).await?;
        browser.start_cycle(title, "Prompt on the whiteboard").await?;
        browser.set_value("#f-measure", &measure_id).await?;
        browser.set_value("#f-start", "2025-09-20").await?;
        browser.wait_saved().await?;
    }
    browser.goto(&measure_url).await?;
    browser.wait_for_text("[data-testid=chart-annotations]", "Prompt on the admission form").await?;
    let flags = browser
        .js("return [...document.querySelectorAll('[data-testid=chart-flag]')].map(f => f.querySelector('text').textContent)", vec![])
        .await?;
    assert_eq!(flags, json!(["1–3"]), "cycles of one month share a flag");
    let clear = browser
        .js(
            "const c = document.querySelector('[data-testid=chart]');\
             const flagTop = Math.min(...[...c.querySelectorAll('[data-testid=chart-flag]')].map(f => f.getBoundingClientRect().top));\
             const lowest = Math.max(...[...c.querySelectorAll('.dot-signal, .dots')].map(p => p.getBoundingClientRect().bottom));\
             return lowest < flagTop;",
            vec![],
        )
        .await?;
    assert_eq!(clear, json!(true), "no flag sits on a point");
    browser.wait_for_text("[data-testid=chart-legend]", "PDSA cycle started").await?;
    screenshots(&browser, "chart").await?;
    browser.click("[data-testid=chart-annotations] a").await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Screening prompt on the board").await?;

    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn measurements_get_an_i_chart_with_moving_ranges_gaps_and_notes() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    let team_url = browser.create_team(&server, "Alarm Team").await?;
    browser.goto(&format!("{team_url}/measures")).await?;
    browser.type_into("#f-name", "Minutes to answer a bed alarm").await?;
    browser.click("label[for=f-measure_type-process]").await?;
    browser.click("label[for=f-value_type-continuous]").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=measure-name]", "Minutes to answer").await?;
    // March is missing: the axis keeps its place.
    for (period, value, label) in
        [("2026-01", "4", "Jan"), ("2026-02", "5", "Feb"), ("2026-04", "3.5", "Apr"), ("2026-05", "6", "May")]
    {
        browser.set_value("#entry-period", period).await?;
        browser.set_value("#p-value", value).await?;
        if period == "2026-04" {
            browser.type_into("#p-note", "New alarm tones").await?;
        }
        browser.click("[data-testid=save-point]").await?;
        browser.wait_for_text("[data-testid=saved-note]", &format!("Saved {label} 2026: {value}")).await?;
    }
    // Points without a signal are one path of circles: "M{x - r},{y}a…" per point.
    let xs = browser
        .js(
            "return [...document.querySelector('[data-testid=chart] path.dots').getAttribute('d').matchAll(/M([-\\d.]+),/g)].map(m => Number(m[1]) + 4)",
            vec![],
        )
        .await?;
    let xs: Vec<f64> = xs.as_array().unwrap().iter().filter_map(|v| v.as_f64()).collect();
    assert_eq!(xs.len(), 4);
    assert!(((xs[2] - xs[1]) - 2.0 * (xs[1] - xs[0])).abs() < 0.5, "a missing month leaves a gap: {xs:?}");
    browser.click("[data-testid=chart-note]").await?;
    browser.wait_for_text("[data-testid=picked-note]", "Apr 2026: New alarm tones").await?;
    // A tap near a point (here, on the chart at the first point's x) shows its value.
    let tap = "const svg = document.querySelector('[data-testid=chart] svg'); const r = svg.getBoundingClientRect();
        const x = r.left + arguments[0] * r.width / svg.viewBox.baseVal.width;
        svg.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: r.top + 5, bubbles: true }));";
    browser.js(tap, vec![json!(xs[0])]).await?;
    browser.wait_for_text("[data-testid=picked-note]", "Jan 2026: 4").await?;
    browser.click("label[for=f-chart-spc]").await?;
    browser.wait_for_text("[data-testid=chart-caption]", "I chart (individuals)").await?;
    let mr = browser
        .js(
            "return (document.querySelector('[data-testid=mr-chart] path.dots')?.getAttribute('d') ?? '').split('M').length - 1 + document.querySelectorAll('[data-testid=mr-chart] circle.dot').length",
            vec![],
        )
        .await?;
    assert_eq!(mr, json!(3), "one moving range per point after the first");
    browser.wait_for_text("[data-testid=chart]", "trial limits").await?;
    screenshots(&browser, "chart-i").await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_whole_hospital_percentage_is_offered_p_prime_and_a_point_can_be_left_out() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    let team_url = browser.create_team(&server, "Hospital Falls Group").await?;
    browser.goto(&format!("{team_url}/measures")).await?;
    browser.type_into("#f-name", "Inpatients screened for falls risk").await?;
    browser.click("label[for=f-measure_type-process]").await?;
    browser.click("form.create-form button[type=submit]").await?;
    browser.wait_for_text("[data-testid=measure-name]", "Inpatients screened").await?;
    // A year of the whole hospital: about 4,000 admissions a month, screening between 45.5 %
    // and 55 %: far more month-to-month variation than a binomial count of 4,000 allows.
    let pct = [48.0, 51.0, 45.5, 53.0, 47.0, 50.5, 55.0, 49.0, 46.0, 52.0, 50.0, 47.5];
    for (m, p) in pct.iter().enumerate() {
        browser.set_value("#entry-period", &format!("2026-{:02}", m + 1)).await?;
        browser.set_value("#p-numerator", &format!("{}", p * 40.0)).await?;
        browser.set_value("#p-denominator", "4000").await?;
        browser.click("[data-testid=save-point]").await?;
        browser
            .wait_for_text(
                "[data-testid=saved-note]",
                &format!(
                    "Saved {}",
                    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m]
                ),
            )
            .await?;
    }
    // The picker offers the charts that fit a percentage: no I, T or G chart.
    let offered =
        browser.js("return [...document.querySelectorAll('[name=chart]')].map(i => i.value).join(' ')", vec![]).await?;
    assert_eq!(offered, json!("run spc p pp"));
    // As a P chart nearly every month looks special, and Ramp suggests P′.
    browser.click("label[for=f-chart-p]").await?;
    browser.wait_for_text("[data-testid=chart-caption]", "P chart (proportions) · Shewhart rules").await?;
    browser.wait_for_text("[data-testid=chart]", "The P′ chart (Laney: proportions, large denominators) fits").await?;
    let beyond = browser.text("[data-testid=chart-signals]").await?;
    assert!(beyond.matches("limit:").count() >= 4, "{beyond}");
    browser.click("label[for=f-chart-pp]").await?;
    browser.wait_for_text("[data-testid=chart-caption]", "P′ chart").await?;
    browser.wait_for_text("[data-testid=chart-signals]", "No signal").await?;
    // 2-sigma lines on request.
    browser.click("label[for=f-two_sigma-yes]").await?;
    browser
        .wait_until(
            "2-sigma lines",
            "return document.querySelectorAll('[data-testid=chart] path.sigma2').length === 2;",
        )
        .await?;
    // July was a data error: left out of the calculations, with a reason; still drawn.
    browser.click("button[aria-label='Edit Jul 2026']").await?;
    browser.wait_for_text("[data-testid=entry-status]", "Jul 2026 has data").await?;
    browser.click("[data-testid=exclude-point] summary").await?;
    browser.click("label[for=p-exclude-yes]").await?;
    browser.type_into("#p-exclude_reason", "Audit counted day cases").await?;
    browser.click("[data-testid=save-point]").await?;
    browser.wait_for_text("[data-testid=saved-note]", "Saved Jul 2026").await?;
    browser
        .wait_until(
            "July drawn as left out",
            "return document.querySelectorAll('[data-testid=excluded-point]').length === 1;",
        )
        .await?;
    browser
        .js(
            "document.querySelector('[data-testid=chart]').scrollIntoView({block: 'start'}); window.scrollBy(0, -90);",
            vec![],
        )
        .await?;
    browser.screenshot("chart-p-prime-phone").await?;
    let blocked = browser.csp_violations().await?;
    assert!(blocked.is_empty(), "the security policy blocked {blocked:?}");
    browser.close().await;
    Ok(())
}
