//! `cargo xtask bench`: Ramp's figures, measured on this machine, each next to its budget.
//!
//! Prints one table (the median of several runs per figure) and writes it as JSON under
//! `target/bench/`: `{"name", "value", "unit", "budget", "pass"}` per figure. `--quick` is the
//! smoke mode the test command runs: small sizes, one run, budgets shown but not enforced.
//! Figures: each wasm module's size as the server sends it, and the whole offline set; the
//! first screen of a first visit (what it fetched, at home and at a deep link); Lighthouse's
//! mobile profile on a first visit and on a warm launch (not in `--quick`);
//! cold and warm (offline) load to the app's `ramp-interactive` mark, and what a repeat visit
//! fetches; local saves (p50, p95 of the app's `ramp-save` measure); a 500-point chart analysed,
//! opened and redrawn; a large team's overview drawn; in the browser against the real server,
//! fresh pulls of 1,000 × 10 and 10,000 × 1 records and an incremental sync of 10, push
//! throughput, and the server's pull rate under 50 clients and its memory.
//! The coach's dashboard with 30 large teams, pulled by the coach's browser, then drawn; on the
//! same device, the collaborative's change library and a large team's storyboard opened.

use std::time::{Duration, Instant};

use anyhow::Context;
use ramp_core::chart::{self, ChartType, Input, RuleSet, Settings};
use ramp_core::sample::{self, Shape};
use ramp_e2e::{request_json, set_up_team, Browser, Server, TempDir, PASSWORD, PHONE, TABLET};
use serde_json::json;

/// One measured figure.
struct Figure {
    name: String,
    value: f64,
    unit: &'static str,
    /// The most it may be, or for `at_least` figures the least; `None`: shown, not budgeted.
    budget: Option<f64>,
    /// Higher is better (throughput).
    at_least: bool,
}

impl Figure {
    fn most(name: impl Into<String>, value: f64, unit: &'static str, budget: f64) -> Figure {
        Figure { name: name.into(), value, unit, budget: Some(budget), at_least: false }
    }

    fn least(name: impl Into<String>, value: f64, unit: &'static str, budget: f64) -> Figure {
        Figure { name: name.into(), value, unit, budget: Some(budget), at_least: true }
    }

    fn shown(name: impl Into<String>, value: f64, unit: &'static str) -> Figure {
        Figure { name: name.into(), value, unit, budget: None, at_least: false }
    }

    fn pass(&self) -> bool {
        match self.budget {
            None => true,
            Some(budget) if self.at_least => self.value >= budget,
            Some(budget) => self.value <= budget,
        }
    }
}

/// The value at quantile `q` (0–1) of the samples.
fn quantile(mut samples: Vec<f64>, q: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[((samples.len() - 1) as f64 * q).round() as usize]
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let quick = std::env::args().any(|a| a == "--quick");
    // `--only=browser`, `--only=dashboard`, `--only=sync` or `--only=first-visit`: one part,
    // when working on it.
    let only = std::env::args().find_map(|a| a.strip_prefix("--only=").map(str::to_owned));
    let (points, runs) = if quick { (60, 1) } else { (500, 7) };
    let mut figures = Vec::new();

    // Native: analysing a chart of `points` points with both rule sets and an SPC chart.
    let inputs: Vec<Input> = (0..points)
        .map(|i| {
            let d = 50.0 + (i * 7 % 30) as f64;
            let n = (d * if i * 3 < points { 0.55 } else { 0.75 }).round();
            Input { ratio: Some((n, d)), ..Input::point(&format!("P{i}"), n / d * 100.0) }
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
        samples.push(started.elapsed().as_secs_f64() * 1e6 / 3.0);
    }
    // In microseconds: a chart takes well under a millisecond.
    figures.push(Figure::most(
        format!("chart analysis, {points} points (native, per chart)"),
        median(samples),
        "µs",
        5_000.0,
    ));
    figures.extend(sizes()?);

    // `--only=first-visit`: what a first visit fetches and waits for, alone (a minute or two).
    if only.as_deref() == Some("first-visit") {
        let server = Server::start()?;
        figures.extend(first_screen(&server).await?);
        if let Some(command) = std::env::var_os("RAMP_LIGHTHOUSE") {
            figures.extend(lighthouse(std::path::Path::new(&command), &server.url, 3)?);
        }
    }
    // In Chromium: a team with one measure of `points` points, imported from a backup file.
    if only.as_deref().is_none_or(|o| o == "browser") {
        let server = Server::start()?;
        let browser = Browser::start(TABLET).await?;
        let files = TempDir::new("bench");
        let mut backup = sample::team(42, "Bench Ward", Shape { measures: 1, points, cycles: 12 });
        // A control chart (the proportion's P chart): limits drawn besides the run rules.
        for record in backup.records.iter_mut().filter(|r| r.kind == ramp_core::Kind::Measure) {
            record.fields.insert("chart".into(), ramp_core::Value::Text("spc".into()));
        }
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
                .js(
                    "return document.querySelector('[data-testid=overview-measures] a.card').getAttribute('href')",
                    vec![],
                )
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
                if (document.querySelector(`[data-testid=chart] svg[data-points='${points}']`)) done(performance.now() - started);
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
        figures.push(Figure::most(
            format!("measure page, {points}-point SPC chart, opened"),
            median(samples),
            "ms",
            150.0,
        ));
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
        figures.push(Figure::most(
            format!("{points}-point SPC chart redrawn after a rule-set change"),
            median(samples),
            "ms",
            30.0,
        ));
        // As a person sees it, on a tablet and on a phone.
        browser.js("window.scrollTo(0, 0)", vec![]).await?;
        browser.screenshot(&format!("bench-chart-{points}-spc-tablet")).await?;
        browser.viewport(PHONE).await?;
        browser.reload().await?;
        browser.find(&format!("[data-testid=chart] svg[data-points='{points}']")).await?;
        browser.screenshot(&format!("bench-chart-{points}-spc-phone")).await?;
        browser.viewport(TABLET).await?;
        figures.extend(local_saves(&browser, &server, quick).await?);
        figures.extend(warm_load(&browser, &team_url, runs).await?);
        browser.close().await;
        figures.extend(cold_load(&server, runs.min(5)).await?);
        figures.extend(first_screen(&server).await?);
        // Installed and named by `cargo xtask bench` (not in its --quick smoke run).
        if let Some(command) = std::env::var_os("RAMP_LIGHTHOUSE") {
            figures.extend(lighthouse(std::path::Path::new(&command), &server.url, 3)?);
        }
        figures.extend(overview(&server, quick, runs).await?);
        drop(server);
    }
    if only.as_deref().is_none_or(|o| o == "dashboard") {
        figures.extend(dashboard(quick, runs).await?);
    }
    if only.as_deref().is_none_or(|o| o == "sync") {
        figures.extend(sync_figures(quick, runs.min(5)).await?);
    }
    // Started and named by `cargo xtask bench` (and its --quick smoke run).
    if only.as_deref().is_none_or(|o| o == "sync" || o == "postgres") {
        if let (Some(base), Some(bin)) = (std::env::var_os("RAMP_POSTGRES"), std::env::var_os("RAMP_POSTGRES_BIN")) {
            let base = base.to_str().context("RAMP_POSTGRES is not UTF-8")?;
            figures.extend(postgres_figures(base, std::path::Path::new(&bin), quick)?);
        }
    }

    let title = format!("Ramp bench{}", if quick { " (quick: small sizes, one run)" } else { "" });
    println!("\n{title:<64} {:>12} {:>16}", "value", "budget");
    for f in &figures {
        let budget = match f.budget {
            Some(b) => format!("{} {b:>9.1} {:<5}", if f.at_least { "≥" } else { "≤" }, f.unit),
            None => "—".to_owned(),
        };
        let verdict = match (f.budget, f.pass()) {
            (None, _) => "",
            (_, true) => "pass",
            (_, false) => "FAIL",
        };
        println!("{:<64} {:>9.1} {:<5} {budget:>16}  {verdict}", f.name, f.value, f.unit);
    }
    let json: Vec<_> = figures
        .iter()
        .map(|f| json!({ "name": f.name, "value": f.value, "unit": f.unit, "budget": f.budget, "pass": f.pass() }))
        .collect();
    let root = std::env::var_os("RAMP_ROOT").map(std::path::PathBuf::from).unwrap_or_else(|| ".".into());
    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(if quick { "bench-quick.json" } else { "bench.json" });
    std::fs::write(&path, serde_json::to_string_pretty(&json)?)?;
    println!("written to {}", path.display());
    Ok(())
}

/// The built app's files as the server sends them (the brotli copy written at build time,
/// or the file itself): each wasm module, and the whole offline set, which the service worker
/// precaches on the first visit (every file of the build).
fn sizes() -> anyhow::Result<Vec<Figure>> {
    let dist = std::env::var_os("RAMP_DIST").map(std::path::PathBuf::from).context("RAMP_DIST")?;
    let kb = |bytes: u64| bytes as f64 / 1024.0;
    let mut files = Vec::new();
    collect_files(&dist, &mut files)?;
    let mut figures = Vec::new();
    let (mut offline, mut wasm_raw, mut wasm_sent) = (0, 0, 0);
    let mut pieces = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
        let raw = std::fs::metadata(path)?.len();
        let sent = std::fs::metadata(format!("{}.br", path.display())).map_or(raw, |m| m.len());
        offline += sent;
        if name.ends_with(".wasm") {
            wasm_raw += raw;
            wasm_sent += sent;
            pieces.push((module_name(&name), sent));
        }
    }
    // The main module first, then the page chunks, then the chunks of shared code.
    pieces.sort_by_key(|(name, _)| {
        let number: u32 = name.trim_start_matches("chunk_").parse().unwrap_or(0);
        (!name.starts_with("main"), !name.starts_with("split"), number, name.clone())
    });
    for (name, sent) in pieces {
        figures.push(Figure::shown(format!("wasm module {name}, brotli"), kb(sent), "KB"));
    }
    figures.push(Figure::shown("wasm, all modules, raw", kb(wasm_raw), "KB"));
    figures.push(Figure::shown("wasm, all modules, brotli", kb(wasm_sent), "KB"));
    figures.push(Figure::most("the whole offline set (every file precached), brotli", kb(offline), "KB", 450.0));
    Ok(figures)
}

/// "main" for the app's main module, `split_worksheets` for a page chunk, `chunk_3` for shared
/// code: the file's name without the build's hash.
fn module_name(file: &str) -> String {
    let stem = file.trim_end_matches(".wasm").trim_end_matches("_bg");
    let plain = stem.rsplit_once('-').map_or(stem, |(name, _hash)| name);
    if plain == "ramp" {
        "main".to_owned()
    } else {
        plain.to_owned()
    }
}

fn collect_files(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if path.is_dir() {
            collect_files(&path, files)?;
        } else if extension != "br" && extension != "gz" {
            files.push(path);
        }
    }
    Ok(())
}

/// What the page fetched over the network once its first screen is drawn (its h1, nothing
/// still "Opening…"): the bytes, and the wasm modules among the files.
const FIRST_SCREEN: &str = r#"
    const done = arguments[0];
    (function wait() {
        const main = document.querySelector('main');
        if (!main || !main.querySelector('h1') || main.querySelector('.loading')) { setTimeout(wait, 10); return; }
        const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
        done([
            entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
            entries.map((e) => e.name.split('/').pop()).filter((n) => n.endsWith('.wasm')),
        ]);
    })();
"#;

/// The first screen of a first visit, at home and at a deep link: what the browser fetched
/// before it (budget: 200 KB), and which wasm modules.
async fn first_screen(server: &Server) -> anyhow::Result<Vec<Figure>> {
    let mut figures = Vec::new();
    for (label, path) in [("home", "/"), ("the sign-in link", "/signin")] {
        let browser = Browser::start(PHONE).await?;
        browser.goto(&format!("{}{path}", server.url)).await?;
        let found = browser.js_async(FIRST_SCREEN, vec![]).await?;
        browser.close().await;
        let bytes = found[0].as_f64().context("bytes")?;
        let modules: Vec<String> =
            found[1].as_array().into_iter().flatten().filter_map(|m| m.as_str()).map(module_name).collect();
        println!("bench: first screen of {label} ({path}) loaded the wasm modules {}", modules.join(", "));
        figures.push(Figure::most(format!("first screen, first visit: {label}, bytes"), bytes / 1024.0, "KB", 200.0));
    }
    Ok(figures)
}

/// Lighthouse's mobile profile (simulated slow 4G, 4× slower CPU), median of `runs`: a first
/// visit (a fresh profile each time), then warm launches from the service worker (one profile,
/// primed by a first run).
fn lighthouse(command: &std::path::Path, url: &str, runs: usize) -> anyhow::Result<Vec<Figure>> {
    let dir = TempDir::new("lighthouse");
    let profile = dir.path().join("profile");
    let run = |name: &str, warm: bool| -> anyhow::Result<serde_json::Value> {
        let out = dir.path().join(format!("{name}.json"));
        let mut flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
                         --disable-background-networking --disable-component-update --no-first-run"
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut lighthouse = std::process::Command::new(command);
        lighthouse.arg(url).args(["--only-categories=performance", "--output=json", "--quiet"]);
        if warm {
            flags.push_str(&format!(" --user-data-dir={}", profile.display()));
            lighthouse.arg("--disable-storage-reset");
        }
        let status = lighthouse
            .arg(format!("--chrome-flags={flags}"))
            .arg(format!("--output-path={}", out.display()))
            .env("CHROME_PATH", "/usr/bin/chromium")
            .status()
            .context("could not start lighthouse")?;
        anyhow::ensure!(status.success(), "lighthouse failed ({status})");
        Ok(serde_json::from_str(&std::fs::read_to_string(&out)?)?)
    };
    let metric = |report: &serde_json::Value, audit: &str| report["audits"][audit]["numericValue"].as_f64();
    let score = |report: &serde_json::Value| report["categories"]["performance"]["score"].as_f64().map(|s| s * 100.0);
    let mut figures = Vec::new();
    for warm in [false, true] {
        if warm {
            run("prime", true)?;
        }
        let reports = (0..runs).map(|i| run(&format!("{warm}-{i}"), warm)).collect::<anyhow::Result<Vec<_>>>()?;
        let median_of = |f: &dyn Fn(&serde_json::Value) -> Option<f64>| -> anyhow::Result<f64> {
            Ok(median(reports.iter().map(f).collect::<Option<Vec<_>>>().context("a Lighthouse figure missing")?))
        };
        let label = if warm { "warm launch" } else { "first visit" };
        let performance = median_of(&score)?;
        figures.push(Figure::least(
            format!("Lighthouse mobile, {label}: performance"),
            performance,
            "",
            if warm { 95.0 } else { 90.0 },
        ));
        let lcp = median_of(&|r| metric(r, "largest-contentful-paint"))?;
        let tbt = median_of(&|r| metric(r, "total-blocking-time"))?;
        let bytes = median_of(&|r| metric(r, "total-byte-weight"))?;
        if warm {
            figures.push(Figure::shown(format!("Lighthouse mobile, {label}: LCP"), lcp, "ms"));
            figures.push(Figure::shown(format!("Lighthouse mobile, {label}: TBT"), tbt, "ms"));
        } else {
            figures.push(Figure::most(format!("Lighthouse mobile, {label}: LCP"), lcp, "ms", 2_500.0));
            figures.push(Figure::most(format!("Lighthouse mobile, {label}: TBT"), tbt, "ms", 200.0));
        }
        figures.push(Figure::shown(format!("Lighthouse mobile, {label}: bytes"), bytes / 1024.0, "KB"));
    }
    Ok(figures)
}

/// Local saves: a PDSA cycle's field edited again and again; each save's time from the edit
/// to its IndexedDB commit (the app's `ramp-save` measure).
async fn local_saves(browser: &Browser, server: &Server, quick: bool) -> anyhow::Result<Vec<Figure>> {
    browser.goto(&format!("{}/", server.url)).await?;
    browser.click("a.card[href^='/teams/']").await?;
    browser.wait_for_text("[data-testid=team-name]", "Bench Ward").await?;
    let team = browser.url().await?;
    browser.goto(&format!("{team}/cycles")).await?;
    browser.click("[data-testid=cycle-list] a").await?;
    browser.find("#f-objective").await?;
    browser.js("performance.clearMeasures('ramp-save')", vec![]).await?;
    let edits = if quick { 5 } else { 60 };
    let edit = r#"
        const [text, count, done] = arguments;
        const el = document.querySelector('#f-objective');
        el.value = text;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
        (function wait() {
            if (performance.getEntriesByName('ramp-save').length >= count) done(true);
            else setTimeout(wait, 1);
        })();
    "#;
    for n in 0..edits {
        browser.js_async(edit, vec![json!(format!("Objective, version {n}")), json!(n + 1)]).await?;
    }
    let times = browser.js("return performance.getEntriesByName('ramp-save').map((e) => e.duration)", vec![]).await?;
    let times: Vec<f64> = times.as_array().context("durations")?.iter().filter_map(|t| t.as_f64()).collect();
    Ok(vec![
        Figure::shown("local save of a PDSA cycle edit, p50", quantile(times.clone(), 0.5), "ms"),
        Figure::most("local save of a PDSA cycle edit, p95", quantile(times, 0.95), "ms", 7.0),
    ])
}

/// Time from navigation start to the app's `ramp-interactive` mark, and the bytes that came
/// over the network for the page and everything it loaded.
const LOAD_FIGURES: &str = r#"
    const done = arguments[0];
    (function wait() {
        const mark = performance.getEntriesByName('ramp-interactive')[0];
        if (!mark) { setTimeout(wait, 5); return; }
        const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
        done([mark.startTime, entries.reduce((sum, e) => sum + (e.transferSize || 0), 0)]);
    })();
"#;

/// Repeat visits, offline: the page and the app from the service worker, the team from
/// IndexedDB.
async fn warm_load(browser: &Browser, team_url: &str, runs: usize) -> anyhow::Result<Vec<Figure>> {
    browser.wait_offline_ready().await?;
    browser.cdp("Network.enable", json!({})).await?;
    let offline = json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 });
    browser.cdp("Network.emulateNetworkConditions", offline).await?;
    let (mut times, mut bytes) = (Vec::new(), Vec::new());
    for _ in 0..runs.max(3) {
        browser.goto(team_url).await?;
        let found = browser.js_async(LOAD_FIGURES, vec![]).await?;
        times.push(found[0].as_f64().context("a time")?);
        bytes.push(found[1].as_f64().context("bytes")?);
    }
    let online = json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 });
    browser.cdp("Network.emulateNetworkConditions", online).await?;
    Ok(vec![
        Figure::most("warm offline load to interactive", median(times), "ms", 500.0),
        Figure::most("repeat visit: bytes over the network", bytes.into_iter().fold(0.0, f64::max), "B", 0.0),
    ])
}

/// First visits: a fresh profile each time, from navigation to the first worksheet drawn.
async fn cold_load(server: &Server, runs: usize) -> anyhow::Result<Vec<Figure>> {
    let (mut times, mut bytes) = (Vec::new(), Vec::new());
    for _ in 0..runs.max(1) {
        let browser = Browser::start(PHONE).await?;
        browser.goto(&server.url).await?;
        let found = browser.js_async(LOAD_FIGURES, vec![]).await?;
        times.push(found[0].as_f64().context("a time")?);
        bytes.push(found[1].as_f64().context("bytes")?);
        browser.close().await;
    }
    Ok(vec![
        Figure::shown("cold load (no cache) to interactive", median(times), "ms"),
        Figure::shown("first visit: bytes over the network", median(bytes) / 1024.0, "KB"),
    ])
}

/// The team overview of a large team (300 cycles, 10 measures of 36 points), from the tap on
/// the team to every measure card drawn.
async fn overview(server: &Server, quick: bool, runs: usize) -> anyhow::Result<Vec<Figure>> {
    let shape = if quick {
        Shape { measures: 3, points: 12, cycles: 20 }
    } else {
        Shape { measures: 10, points: 36, cycles: 300 }
    };
    let browser = Browser::start(TABLET).await?;
    let files = TempDir::new("bench-overview");
    let backup = sample::team(7, "Big Ward", shape);
    let file = files.path().join("big.json");
    std::fs::write(&file, serde_json::to_string(&backup)?)?;
    browser.goto(&format!("{}/settings", server.url)).await?;
    browser.find("#import-file").await?.send_keys(&file.to_string_lossy()).await?;
    browser.click("[data-testid=import-button]").await?;
    browser.wait_for_text("[data-testid=import-headline]", "Imported").await?;
    let open = r#"
        const [href, measures, done] = arguments;
        const link = document.querySelector(`a.card[href='${href}']`);
        const started = performance.now();
        link.click();
        (function wait() {
            const cards = document.querySelectorAll('[data-testid=overview-measures] a.card svg').length;
            if (cards >= measures && document.querySelector('[data-testid=cycle-list] li')) done(performance.now() - started);
            else requestAnimationFrame(wait);
        })();
    "#;
    let href = format!("/teams/{}", backup.team);
    let mut times = Vec::new();
    for _ in 0..runs {
        browser.goto(&format!("{}/", server.url)).await?;
        browser.find(&format!("a.card[href='{href}']")).await?;
        let ms = browser.js_async(open, vec![json!(href), json!(shape.measures)]).await?;
        times.push(ms.as_f64().context("a time")?);
    }
    browser.close().await;
    let name = format!("team overview, {} cycles and {}×{} points, drawn", shape.cycles, shape.measures, shape.points);
    Ok(vec![Figure::most(name, median(times), "ms", 150.0)])
}

/// The coach's dashboard over a large collaborative (30 teams of 300 cycles and 10 measures
/// of 36 points each): the teams are pushed to the real server, the coach's tablet pulls them
/// all, then the time from the tap on "Open the dashboard" to every team's card drawn.
async fn dashboard(quick: bool, runs: usize) -> anyhow::Result<Vec<Figure>> {
    let (teams, shape) = if quick {
        (3, Shape { measures: 3, points: 12, cycles: 20 })
    } else {
        (30, Shape { measures: 10, points: 36, cycles: 300 })
    };
    let server = Server::start()?;
    server.admin(&["create-user", "--email", "fay@example.org", "--name", "Fay", "--password", PASSWORD])?;
    server.admin(&["create-user", "--email", "cal@example.org", "--name", "Cal", "--password", PASSWORD])?;
    let collab = server.admin(&["create-collaborative", "--faculty", "fay@example.org"])?;
    let mut pusher = Pusher::new(&server, "fay@example.org", 7)?;
    // The collaborative's calendar, common measures, drivers and change package (the demo's),
    // which every team adopted: the change library and the storyboards read them.
    let last = ramp_core::period::Period::Month { year: 2026, month: 12 };
    let demo = sample::demo(last);
    let collab_edits: Vec<ramp_core::Edit> = demo
        .records
        .iter()
        .filter(|r| r.kind != ramp_core::Kind::Collaborative)
        .flat_map(|r| {
            r.fields.iter().map(|(field, value)| ramp_core::Edit {
                record: r.id.clone(),
                kind: r.kind,
                scope: collab.clone(),
                field: field.clone(),
                value: value.clone(),
            })
        })
        .collect();
    pusher.push(collab_edits)?;
    let of_kind = |kind| demo.records.iter().filter(move |r| r.kind == kind).map(|r| r.id.clone());
    let story = sample::Story {
        common: of_kind(ramp_core::Kind::MeasureDef).collect(),
        package: of_kind(ramp_core::Kind::ChangeIdea).collect(),
        ..Default::default()
    };
    let mut first_team = String::new();
    for t in 0..teams {
        let backup = sample::team_until(1_000 + t as u64, &format!("Team {t:02}"), shape, last, &story);
        let id = backup.team.to_string();
        server.admin(&["create-team", "--collab", &collab, "--name", &format!("Team {t:02}"), "--id", &id])?;
        server.admin(&["add-member", "--team", &id, "--email", "cal@example.org", "--role", "coach"])?;
        let (edits, _) = ramp_core::backup::plan(&backup, &Default::default());
        pusher.push(edits)?;
        if t == 0 {
            first_team = id;
        }
    }
    let browser = Browser::start(TABLET).await?;
    browser.goto(&format!("{}/signin", server.url)).await?;
    browser.type_into("#signin-email", "cal@example.org").await?;
    browser.type_into("#signin-password", PASSWORD).await?;
    browser.click("form button[type=submit]").await?;
    // A large first pull: wait for it in its own, longer loop.
    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        let status = browser.text("[data-testid=sync-status]").await.unwrap_or_default();
        if status.contains("Synced at") && browser.find("[data-testid=open-dashboard]").await.is_ok() {
            break;
        }
        anyhow::ensure!(Instant::now() < deadline, "the coach's first pull did not finish");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let open = r#"
        const [teams, done] = arguments;
        const started = performance.now();
        document.querySelector('[data-testid=open-dashboard]').click();
        (function wait() {
            if (document.querySelectorAll('[data-testid=dash-team]').length >= teams) {
                const summaries = performance.getEntriesByName('ramp-dashboard-summaries').pop();
                done([performance.now() - started, summaries ? summaries.duration : 0]);
            } else requestAnimationFrame(wait);
        })();
    "#;
    let (mut times, mut summaries) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        browser.goto(&format!("{}/", server.url)).await?;
        browser.find("[data-testid=open-dashboard]").await?;
        let found = browser.js_async(open, vec![json!(teams)]).await?;
        times.push(found[0].as_f64().context("a time")?);
        summaries.push(found[1].as_f64().context("a time")?);
    }
    // The change library and a storyboard, each opened by a tap from the page before it.
    let open_by_link = r#"
        const [link, wanted, count, done] = arguments;
        const started = performance.now();
        document.querySelector(link).click();
        (function wait() {
            if (document.querySelectorAll(wanted).length >= count) {
                const built = performance.getEntriesByName('ramp-library-build').pop();
                done([performance.now() - started, built ? built.duration : 0]);
            } else requestAnimationFrame(wait);
        })();
    "#;
    let collab_id = collab.trim_start_matches("collab:");
    let (mut library, mut built, mut storyboard) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        browser.goto(&format!("{}/collabs/{collab_id}", server.url)).await?;
        browser.find("[data-testid=sharing-state]").await?;
        let link = format!("a[href='/collabs/{collab_id}/library']");
        let ideas = demo.records.iter().filter(|r| r.kind == ramp_core::Kind::ChangeIdea).count();
        browser.js("performance.clearMeasures('ramp-library-build')", vec![]).await?;
        let found = browser
            .js_async(open_by_link, vec![json!(link), json!("[data-testid=library-use]"), json!(ideas * teams)])
            .await?;
        library.push(found[0].as_f64().context("a time")?);
        built.push(found[1].as_f64().context("a time")?);
        browser.goto(&format!("{}/teams/{first_team}", server.url)).await?;
        browser.find("[data-testid=team-name]").await?;
        let link = format!("a[href='/teams/{first_team}/storyboard']");
        let found = browser
            .js_async(open_by_link, vec![json!(link), json!("[data-testid=story-measure] svg"), json!(shape.measures)])
            .await?;
        storyboard.push(found[0].as_f64().context("a time")?);
    }
    browser.close().await;
    let name = format!(
        "coach dashboard, {teams} teams × ({} cycles, {}×{} points), drawn",
        shape.cycles, shape.measures, shape.points
    );
    Ok(vec![
        Figure::most(name, median(times), "ms", 150.0),
        Figure::shown("  of which: the teams' summaries computed", median(summaries), "ms"),
        Figure::most(format!("change library over the same {teams} teams, opened"), median(library), "ms", 150.0),
        Figure::shown("  of which: the library derived from the records", median(built), "ms"),
        Figure::most("a large team's storyboard (last learning session), opened", median(storyboard), "ms", 150.0),
    ])
}

/// A native device pushing ops as a member of a team.
struct Pusher {
    port: u16,
    token: String,
    replica: ramp_core::Replica,
    clock: ramp_core::DeviceClock,
}

impl Pusher {
    fn new(server: &Server, email: &str, n: u8) -> anyhow::Result<Pusher> {
        let body = json!({ "email": email, "password": PASSWORD }).to_string();
        let (status, answer) = request_json(server.port(), "POST", "/api/auth/login", None, &body)?;
        anyhow::ensure!(status == 200, "login: {answer}");
        let token = serde_json::from_str::<serde_json::Value>(&answer)?["token"].as_str().context("token")?.to_owned();
        let clock = ramp_core::DeviceClock {
            device: ramp_core::Uuid7::from_parts(1_700_000_000_000, [n; 10]),
            counter: 0,
            last_hlc: None,
        };
        Ok(Pusher { port: server.port(), token, replica: ramp_core::Replica::default(), clock })
    }

    /// Writes the edits and pushes them in pushes of at most 1,000 ops, cut where the app cuts
    /// its outbox (`wire::batch_len`: a record's key fields travel with its first op; cut
    /// blindly, a large team's datapoint went without its period and was refused); returns the
    /// ops sent.
    fn push(&mut self, edits: Vec<ramp_core::Edit>) -> anyhow::Result<usize> {
        let ops = self.replica.edit(&mut self.clock, edits, 1_767_225_600_000, Some("Bench"));
        let mut rest = &ops[..];
        while !rest.is_empty() {
            let (batch, after) = rest.split_at(ramp_core::wire::batch_len(rest, ramp_core::wire::MAX_OPS_PER_PUSH));
            rest = after;
            let body = json!({ "version": ramp_core::wire::SYNC_VERSION, "device": self.clock.device, "ops": batch });
            let (status, answer) =
                request_json(self.port, "POST", "/api/sync/push", Some(&self.token), &body.to_string())?;
            anyhow::ensure!(status == 200 && !answer.contains("\"reason\""), "push: {status} {answer}");
        }
        self.replica.acked(self.clock.counter, &[]);
        Ok(ops.len())
    }
}

/// In the page (the team's cycles): dispatch `online` (the app syncs) and time until the page
/// counts `cycles` cycles and IndexedDB holds more than `records` records (and, with `title`,
/// until the list shows those words `times` times).
const SYNC_UNTIL_SHOWN: &str = r#"
    const [cycles, records, title, times, done] = arguments;
    const started = performance.now();
    window.dispatchEvent(new Event('online'));
    const stored = (then) => {
        const open = indexedDB.open('ramp');
        open.onsuccess = () => {
            const count = open.result.transaction('synced').objectStore('synced').count();
            count.onsuccess = () => { open.result.close(); then(count.result); };
        };
    };
    (function wait() {
        const count = document.querySelector('[data-testid=cycle-count]');
        const listed = count && parseInt(count.innerText, 10) >= cycles;
        const shown = !title || document.querySelector('[data-testid=cycle-list]').innerText.split(title).length > times;
        if (listed && shown) {
            stored((count) => { if (count > records) done(performance.now() - started); else requestAnimationFrame(wait); });
        } else requestAnimationFrame(wait);
    })();
"#;

/// Sync in the browser against the real server: fresh pulls of two shapes (each the median of
/// `runs` fresh devices against fresh servers: one pull varies by a hundred milliseconds), an
/// incremental sync, push throughput, and the server under 50 clients pulling at once.
async fn sync_figures(quick: bool, runs: usize) -> anyhow::Result<Vec<Figure>> {
    let mut figures = Vec::new();
    let shapes: [(usize, usize); 2] = if quick { [(100, 10), (500, 1)] } else { [(1_000, 10), (10_000, 1)] };
    for (i, (records, fields)) in shapes.into_iter().enumerate() {
        let (mut pulls, mut pushes) = (Vec::new(), Vec::new());
        let mut bytes = 0;
        for run in 0..runs.max(1) {
            let server = Server::start()?;
            let team = set_up_team(&server)?;
            let browser = Browser::start(TABLET).await?;
            browser.sign_in(&server, "mia@example.org", PASSWORD).await?;
            browser.goto(&format!("{}/teams/{team}/cycles", server.url)).await?;
            browser.wait_for_text("h1", "Ward 7 Falls Team").await?;
            let mut pusher = Pusher::new(&server, "mia@example.org", 1)?;
            let team_id = ramp_core::Uuid7::parse(&team).context("a team id")?;
            let edits = sample::sync_records(&team_id, 0..records, fields, 0);
            bytes = edits.iter().map(|e| serde_json::to_string(&e.value).map_or(0, |v| v.len())).sum();
            let cycles = sample::sync_cycles(0..records);
            let started = Instant::now();
            let ops = pusher.push(edits)?;
            pushes.push(ops as f64 / started.elapsed().as_secs_f64());
            let found = browser.js_async(SYNC_UNTIL_SHOWN, vec![json!(cycles), json!(records), json!(null), json!(0)]);
            pulls.push(found.await?.as_f64().context("a time")?);
            if i == 0 && run == 0 {
                // The newest ten records change elsewhere (at the top of the list), again
                // and again; each time the device syncs them in.
                let changed_cycles = sample::sync_cycles(records - 10..records);
                let mut samples = Vec::new();
                for version in 1..=runs.max(1) {
                    pusher.push(sample::sync_records(&team_id, records - 10..records, 1, version))?;
                    let words = format!(", version {version}:");
                    let args = vec![json!(cycles), json!(records), json!(words), json!(changed_cycles)];
                    samples.push(browser.js_async(SYNC_UNTIL_SHOWN, args).await?.as_f64().context("a time")?);
                }
                figures.push(Figure::most("incremental sync of 10 changed records", median(samples), "ms", 40.0));
                figures.extend(server_under_load(&server, &pusher, if quick { 2 } else { 5 })?);
            }
            browser.close().await;
        }
        let label = format!("fresh pull, {records} records × {fields} fields (~{} KB), stored and shown", bytes / 1024);
        let budget = if i == 0 { 600.0 } else { 4_800.0 };
        figures.push(Figure::most(label, median(pulls), "ms", budget));
        if i == 0 {
            figures.push(Figure::least("push throughput (server applies, SQLite)", median(pushes), "ops/s", 10_000.0));
        }
    }
    Ok(figures)
}

/// The server's figures on PostgreSQL, with one server and with two sharing the database, to
/// set beside SQLite's: push throughput (pushes through every server at once) and pulls per
/// second under 50 clients (spread over the servers).
fn postgres_figures(base: &str, bin: &std::path::Path, quick: bool) -> anyhow::Result<Vec<Figure>> {
    let mut figures = Vec::new();
    let records = if quick { 100 } else { 1_000 };
    let seconds = if quick { 2 } else { 5 };
    for instances in [1usize, 2] {
        let name = format!("ramp_bench_{}_{instances}", std::process::id());
        let made = std::process::Command::new(bin.join("createdb"))
            .arg(format!("--maintenance-db={base}/postgres"))
            .arg(&name)
            .output()?;
        anyhow::ensure!(made.status.success(), "createdb: {}", String::from_utf8_lossy(&made.stderr));
        let database = format!("{base}/{name}");
        let servers =
            (0..instances).map(|_| Server::start_on_database(&database)).collect::<anyhow::Result<Vec<_>>>()?;
        let team = set_up_team(&servers[0])?;
        let team_id = ramp_core::Uuid7::parse(&team).context("a team id")?;
        let mut pushers = servers
            .iter()
            .enumerate()
            .map(|(n, server)| Pusher::new(server, "mia@example.org", 60 + n as u8))
            .collect::<anyhow::Result<Vec<_>>>()?;
        // Each server takes its share of the records, all at once, ten fields each.
        let share = records / instances;
        let started = Instant::now();
        let ops = std::thread::scope(|scope| {
            let pushing: Vec<_> = pushers
                .iter_mut()
                .enumerate()
                .map(|(n, pusher)| {
                    let edits = sample::sync_records(&team_id, n * share..(n + 1) * share, 10, 0);
                    scope.spawn(move || pusher.push(edits))
                })
                .collect();
            pushing
                .into_iter()
                .map(|p| p.join().unwrap_or_else(|_| Err(anyhow::anyhow!("a pusher panicked"))))
                .sum::<anyhow::Result<usize>>()
        })?;
        let rate = ops as f64 / started.elapsed().as_secs_f64();
        let ports: Vec<u16> = servers.iter().map(Server::port).collect();
        let pulls = pull_rate(&ports, &pushers[0], seconds)?;
        if instances == 1 {
            figures.push(Figure::least("push throughput (server applies, PostgreSQL)", rate, "ops/s", 10_000.0));
            figures.push(Figure::shown("server: pulls per second, 50 clients, PostgreSQL", pulls, "req/s"));
        } else {
            figures.push(Figure::shown("push throughput, PostgreSQL, two servers at once", rate, "ops/s"));
            figures.push(Figure::shown(
                "server: pulls per second, 50 clients, PostgreSQL, two servers",
                pulls,
                "req/s",
            ));
        }
    }
    Ok(figures)
}

/// 50 clients pulling (nothing new, the usual case) as fast as they can for `seconds`; the
/// requests per second and the server's memory.
fn server_under_load(server: &Server, pusher: &Pusher, seconds: u64) -> anyhow::Result<Vec<Figure>> {
    let total = pull_rate(&[server.port()], pusher, seconds)?;
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.pid().context("running")?))?;
    let kib = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse::<f64>().ok())
    };
    Ok(vec![
        Figure::shown("server: pulls per second, 50 clients on loopback", total, "req/s"),
        Figure::shown("server: memory after (resident)", kib("VmRSS:").unwrap_or(0.0) / 1024.0, "MB"),
        Figure::shown("server: memory at its peak", kib("VmHWM:").unwrap_or(0.0) / 1024.0, "MB"),
    ])
}

/// Pulls per second: 50 clients, spread over the servers at `ports`, pulling as `pusher`'s
/// device (brought up to date first, so each asks for what is new: nothing, the usual case).
fn pull_rate(ports: &[u16], pusher: &Pusher, seconds: u64) -> anyhow::Result<f64> {
    let port = ports[0];
    let body = json!({ "version": ramp_core::wire::SYNC_VERSION, "device": pusher.clock.device, "cursors": {} });
    let (_, first) = request_json(port, "POST", "/api/sync/pull", Some(&pusher.token), &body.to_string())?;
    let mut cursors: serde_json::Value = serde_json::from_str::<serde_json::Value>(&first)?["cursors"].clone();
    // Follow the pages to the end, so each pull below asks for what is new.
    loop {
        let body =
            json!({ "version": ramp_core::wire::SYNC_VERSION, "device": pusher.clock.device, "cursors": cursors });
        let (_, page) = request_json(port, "POST", "/api/sync/pull", Some(&pusher.token), &body.to_string())?;
        let page: serde_json::Value = serde_json::from_str(&page)?;
        cursors = page["cursors"].clone();
        if page["more"] != json!(true) {
            break;
        }
    }
    let body = json!({ "version": ramp_core::wire::SYNC_VERSION, "device": pusher.clock.device, "cursors": cursors })
        .to_string();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let threads: Vec<_> = (0..50)
        .map(|n| {
            let (port, token, body) = (ports[n % ports.len()], pusher.token.clone(), body.clone());
            std::thread::spawn(move || {
                let mut done = 0u64;
                while Instant::now() < deadline {
                    if matches!(request_json(port, "POST", "/api/sync/pull", Some(&token), &body), Ok((200, _))) {
                        done += 1;
                    }
                }
                done
            })
        })
        .collect();
    let total: u64 = threads.into_iter().map(|t| t.join().unwrap_or(0)).sum();
    Ok(total as f64 / seconds as f64)
}
