//! `cargo xtask bench`: Ramp's figures, measured on this machine, each next to its budget.
//!
//! Prints one table (the median of several runs per figure) and writes it as JSON under
//! `target/bench/`: `{"name", "value", "unit", "budget", "pass"}` per figure. `--quick` is the
//! smoke mode the test command runs: small sizes, one run, budgets shown but not enforced.
//! Figures so far: a 500-point chart analysed natively, and opened and redrawn in Chromium.

use std::time::{Duration, Instant};

use anyhow::Context;
use ramp_core::chart::{self, ChartType, Input, RuleSet, Settings};
use ramp_core::sample::{self, Shape};
use ramp_e2e::{Browser, Server, TempDir, TABLET};
use serde_json::json;

/// One measured figure.
struct Figure {
    name: &'static str,
    value: f64,
    unit: &'static str,
    /// The most it may be (lower is better).
    budget: f64,
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let quick = std::env::args().any(|a| a == "--quick");
    let (points, runs) = if quick { (60, 1) } else { (500, 7) };
    let mut figures = Vec::new();

    // Native: analysing a chart of `points` points with both rule sets and an SPC chart.
    let inputs: Vec<Input> = (0..points)
        .map(|i| {
            let d = 50.0 + (i * 7 % 30) as f64;
            let n = (d * if i * 3 < points { 0.55 } else { 0.75 }).round();
            Input { label: format!("P{i}"), value: n / d * 100.0, ratio: Some((n, d)), astronomical: false }
        })
        .collect();
    let mut samples = Vec::new();
    for _ in 0..runs.max(20) {
        let started = Instant::now();
        for (chart, rules) in
            [(ChartType::Run, RuleSet::Ihi), (ChartType::Run, RuleSet::Anhoej), (ChartType::P, RuleSet::Anhoej)]
        {
            let settings = Settings { chart, rules, scale: 100.0, freeze: None, phases: vec![points / 2] };
            std::hint::black_box(chart::analyse(&inputs, &settings));
        }
        samples.push(started.elapsed().as_secs_f64() * 1000.0 / 3.0);
    }
    figures.push(Figure {
        name: "chart analysis (native, per chart)",
        value: median(samples),
        unit: "ms",
        budget: 5.0,
    });

    // In Chromium: a team with one measure of `points` points, imported from a backup file.
    let server = Server::start()?;
    let browser = Browser::start(TABLET).await?;
    let files = TempDir::new("bench");
    let backup = sample::team(42, "Bench Ward", Shape { measures: 1, points, cycles: 12 });
    let file = files.path().join("bench.json");
    std::fs::write(&file, serde_json::to_string(&backup)?)?;
    browser.goto(&format!("{}/settings", server.url)).await?;
    browser.find("#import-file").await?.send_keys(&file.to_string_lossy()).await?;
    browser.click("[data-testid=import-button]").await?;
    browser.wait_for_text("[data-testid=import-headline]", "Imported").await?;
    let team_url = format!("{}/teams/{}", server.url, backup.team);
    let measure_href = {
        browser.goto(&team_url).await?;
        browser.wait_for_text("[data-testid=overview-measures]", "Patients").await?;
        let href = browser
            .js("return document.querySelector('[data-testid=overview-measures] a.card').getAttribute('href')", vec![])
            .await?;
        href.as_str().context("a measure card")?.to_owned()
    };
    // Opening the measure page: from the tap to every point drawn.
    let open = r#"
        const [href, points, done] = arguments;
        const link = [...document.querySelectorAll('a.card')].find(a => a.getAttribute('href') === href);
        const started = performance.now();
        link.click();
        (function wait() {
            if (document.querySelectorAll('[data-testid=chart] circle.dot').length >= points) done(performance.now() - started);
            else requestAnimationFrame(wait);
        })();
    "#;
    let mut samples = Vec::new();
    for _ in 0..runs {
        browser.goto(&team_url).await?;
        browser.wait_for_text("[data-testid=overview-measures]", "Patients").await?;
        let ms = browser.js_async(open, vec![json!(measure_href), json!(points)]).await?;
        samples.push(ms.as_f64().context("a time")?);
    }
    figures.push(Figure {
        name: "measure page with its chart, opened",
        value: median(samples),
        unit: "ms",
        budget: 150.0,
    });
    // Redrawing after a change of rule set: analysis, drawing and the save.
    let switch = r#"
        const [rules, done] = arguments;
        const caption = document.querySelector('[data-testid=chart-caption]');
        const before = caption.innerText;
        const started = performance.now();
        document.querySelector(`label[for=f-rules-${rules}]`).click();
        (function wait() {
            if (document.querySelector('[data-testid=chart-caption]').innerText !== before) done(performance.now() - started);
            else requestAnimationFrame(wait);
        })();
    "#;
    let mut samples = Vec::new();
    for run in 0..runs.max(2) {
        let rules = if run % 2 == 0 { "anhoej" } else { "ihi" };
        let ms = browser.js_async(switch, vec![json!(rules)]).await?;
        samples.push(ms.as_f64().context("a time")?);
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    figures.push(Figure {
        name: "chart redrawn after a rule-set change",
        value: median(samples),
        unit: "ms",
        budget: 30.0,
    });
    browser.close().await;
    drop(server);

    let title = format!("Ramp bench ({points}-point chart{})", if quick { ", quick" } else { "" });
    println!("\n{title:<44} {:>10} {:>10}", "value", "budget");
    for f in &figures {
        let pass = f.value <= f.budget;
        println!(
            "{:<44} {:>7.1} {:<2} {:>7.1} {:<2}  {}",
            f.name,
            f.value,
            f.unit,
            f.budget,
            f.unit,
            if pass { "pass" } else { "FAIL" }
        );
    }
    let json: Vec<_> = figures
        .iter()
        .map(|f| json!({ "name": f.name, "value": f.value, "unit": f.unit, "budget": f.budget, "pass": f.value <= f.budget }))
        .collect();
    let root = std::env::var_os("RAMP_ROOT").map(std::path::PathBuf::from).unwrap_or_else(|| ".".into());
    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(if quick { "bench-quick.json" } else { "bench.json" });
    std::fs::write(&path, serde_json::to_string_pretty(&json)?)?;
    println!("written to {}", path.display());
    Ok(())
}
