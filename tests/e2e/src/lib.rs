//! The end-to-end harness: the real `ramp-server` on a free port with a fresh data folder,
//! chromedriver with a fresh headless Chromium profile, and small page helpers.
//!
//! `cargo xtask test` sets `RAMP_DIST` (the release build) and `RAMP_SERVER` (the binary).
//! Never mocks anything: what the tests see is what a person's browser sees.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// A phone's viewport (iPhone 14-ish).
pub const PHONE: (u32, u32) = (390, 844);
/// A tablet's viewport (iPad Air portrait).
pub const TABLET: (u32, u32) = (820, 1180);

/// How long to wait for anything in the page.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A loopback port nothing listens on, for a server or a chromedriver of this run.
///
/// Taken below the kernel's ephemeral range (32768–60999 on Linux) and never from port 0: a
/// port the kernel hands out for `bind(0)` and that is released until the server binds it
/// can meanwhile become the local end of any outgoing connection (the browser's, the tests'),
/// or be handed to a second test running beside this one, whose server then fails to bind
/// while the first server answers its health check. A counter keeps the tests of one run apart.
fn free_port() -> u16 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let start = std::process::id() % 600 * 20;
    loop {
        let port = (20_000 + (start + NEXT.fetch_add(1, Ordering::Relaxed)) % 12_000) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

fn env_path(name: &str) -> anyhow::Result<PathBuf> {
    std::env::var_os(name).map(PathBuf::from).with_context(|| format!("{name} is not set: run `cargo xtask test`"))
}

/// A fresh temporary folder, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Makes a new empty folder under the system's temp dir.
    pub fn new(label: &str) -> TempDir {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        let path = std::env::temp_dir().join(format!("ramp-e2e-{label}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir(path)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The password every test account has.
pub const PASSWORD: &str = "long enough password";

/// A collaborative run by Fay (faculty) with one team, "Ward 7 Falls Team", whose members are
/// Mia and Max; returns the team's id.
pub fn set_up_team(server: &Server) -> anyhow::Result<String> {
    for (email, name) in [("fay@example.org", "Fay"), ("mia@example.org", "Mia"), ("max@example.org", "Max")] {
        server.admin(&["create-user", "--email", email, "--name", name, "--password", PASSWORD])?;
    }
    let collab = server.admin(&["create-collaborative", "--faculty", "fay@example.org"])?;
    let team = server.admin(&["create-team", "--collab", &collab, "--name", "Ward 7 Falls Team"])?;
    for email in ["mia@example.org", "max@example.org"] {
        server.admin(&["add-member", "--team", &team, "--email", email, "--role", "member"])?;
    }
    Ok(team)
}

/// A running `ramp-server` with its own data folder.
pub struct Server {
    child: Option<Child>,
    /// Its address, e.g. `http://127.0.0.1:40123`.
    pub url: String,
    port: u16,
    dist: PathBuf,
    /// Flags added to every start (`--demo`).
    flags: Vec<String>,
    /// The data folder (SQLite file inside, unless the store is `database`).
    pub data: TempDir,
    /// A PostgreSQL store instead of the data folder's SQLite file.
    database: Option<String>,
}

impl Server {
    /// Starts the server on the release build (`RAMP_DIST`).
    pub fn start() -> anyhow::Result<Server> {
        Server::start_with_dist(env_path("RAMP_DIST")?)
    }

    /// Starts the server on a given build folder.
    pub fn start_with_dist(dist: PathBuf) -> anyhow::Result<Server> {
        Server::launch(dist, Vec::new(), None)
    }

    /// Starts a server on the release build with its store in a PostgreSQL database (several
    /// may share one).
    pub fn start_on_database(url: &str) -> anyhow::Result<Server> {
        Server::launch(env_path("RAMP_DIST")?, Vec::new(), Some(url.to_owned()))
    }

    /// Starts the server on the release build with the demo collaborative loaded.
    pub fn start_demo() -> anyhow::Result<Server> {
        Server::launch(env_path("RAMP_DIST")?, vec!["--demo".into()], None)
    }

    /// A server on a free port with a data folder of its own, started.
    fn launch(dist: PathBuf, flags: Vec<String>, database: Option<String>) -> anyhow::Result<Server> {
        let port = free_port();
        let url = format!("http://127.0.0.1:{port}");
        let mut server = Server { child: None, url, port, dist, flags, data: TempDir::new("data"), database };
        server.restart()?;
        Ok(server)
    }

    /// `--database URL`, when the store is PostgreSQL.
    fn database_args(&self) -> Vec<String> {
        self.database.iter().flat_map(|url| ["--database".to_owned(), url.clone()]).collect()
    }

    /// Starts the (stopped) server again on the same port and data.
    pub fn restart(&mut self) -> anyhow::Result<()> {
        let mut child = Command::new(env_path("RAMP_SERVER")?)
            .args(["--addr", &format!("127.0.0.1:{}", self.port)])
            .arg("--data")
            .arg(self.data.path())
            .arg("--dist")
            .arg(&self.dist)
            .args(self.database_args())
            .args(&self.flags)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .context("starting ramp-server")?;
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            // An answer counts only while this server runs: one that could not bind its port
            // must not pass for the process that holds it.
            if let Some(status) = child.try_wait()? {
                bail!("ramp-server on port {} stopped before answering ({status}); its words are above", self.port);
            }
            if http_get(self.port, "/api/health").is_ok_and(|body| body.contains("\"ok\"")) {
                self.child = Some(child);
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        bail!("ramp-server did not answer /api/health")
    }

    /// Runs `ramp-server admin …` on this server's data; returns what it printed.
    pub fn admin(&self, args: &[&str]) -> anyhow::Result<String> {
        let output = Command::new(env_path("RAMP_SERVER")?)
            .arg("admin")
            .args(args)
            .arg("--data")
            .arg(self.data.path())
            .args(self.database_args())
            .output()?;
        if !output.status.success() {
            bail!("admin {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
        }
        Ok(String::from_utf8(output.stdout)?.trim().to_owned())
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Its process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Runs `ramp-server <args…> --data <this server's data>` (`backup`, `restore`); returns
    /// what it printed, or fails with what it said.
    pub fn command(&self, args: &[&str]) -> anyhow::Result<String> {
        let output = Command::new(env_path("RAMP_SERVER")?).args(args).arg("--data").arg(self.data.path()).output()?;
        if !output.status.success() {
            bail!("ramp-server {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
        }
        Ok(String::from_utf8(output.stdout)?.trim().to_owned())
    }

    /// Kills the server (SIGKILL), as a lost connection or a crash would look to the app.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One JSON request on loopback (HTTP/1.1, connection closed after), with a bearer token if
/// given; returns the status and the body.
pub fn request_json(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &str,
) -> std::io::Result<(u16, String)> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )?;
    stream.write_all(body.as_bytes())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let text = String::from_utf8_lossy(&response);
    let (head, body) = text.split_once("\r\n\r\n").ok_or(std::io::ErrorKind::UnexpectedEof)?;
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or(std::io::ErrorKind::InvalidData)?;
    Ok((status, body.to_owned()))
}

/// A bare HTTP/1.0 GET on loopback; returns the whole response.
fn http_get(port: u16, path: &str) -> std::io::Result<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(2)))?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response)
}

/// Headless Chromium driven through chromedriver, with a fresh profile.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    _profile: TempDir,
    _disk: Option<SmallDisk>,
}

/// A small tmpfs, unmounted when dropped.
pub struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(mb: u32) -> anyhow::Result<SmallDisk> {
        let dir = TempDir::new("small-disk");
        let path = dir.path().to_owned();
        std::mem::forget(dir);
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mb}m"), "tmpfs"])
            .arg(&path)
            .status()
            .context("running mount")?;
        if !status.success() {
            bail!("could not mount a {mb} MB tmpfs at {} (the storage-full test needs root)", path.display());
        }
        Ok(SmallDisk(path))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with the given viewport.
    pub async fn start(viewport: (u32, u32)) -> anyhow::Result<Browser> {
        Browser::start_with(viewport, TempDir::new("profile"), None).await
    }

    /// Starts a browser whose profile (and so its site storage) lives on a disk of only `mb`
    /// megabytes: a tmpfs mounted for the test (needs root, as CI runs). The way to run out of
    /// storage for real; Chromium's DevTools quota override has no effect in this build.
    pub async fn start_on_small_disk(viewport: (u32, u32), mb: u32) -> anyhow::Result<Browser> {
        let disk = SmallDisk::mount(mb)?;
        let profile = TempDir(disk.0.join("profile"));
        std::fs::create_dir_all(profile.path())?;
        Browser::start_with(viewport, profile, Some(disk)).await
    }

    async fn start_with(viewport: (u32, u32), profile: TempDir, disk: Option<SmallDisk>) -> anyhow::Result<Browser> {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting chromedriver (cargo xtask test installs it)")?;
        let args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--no-first-run".to_owned(),
            format!("--window-size={},{}", viewport.0, viewport.1),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), json!({ "binary": "/usr/bin/chromium", "args": args }));
        let deadline = Instant::now() + PATIENCE;
        let client = loop {
            let attempt = ClientBuilder::rustls()
                .context("rustls")?
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
            match attempt {
                Ok(client) => break client,
                Err(_) if Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(100)).await,
                Err(error) => bail!("could not connect to chromedriver: {error}"),
            }
        };
        let browser = Browser { client, driver, _profile: profile, _disk: disk };
        browser.viewport(viewport).await?;
        // Every page records what the Content-Security-Policy blocked, for csp_violations().
        let record = "window.__csp = []; document.addEventListener('securitypolicyviolation', \
                      (e) => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || e.sample)));";
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": record })).await?;
        Ok(browser)
    }

    /// What the page's Content-Security-Policy has blocked since it loaded.
    pub async fn csp_violations(&self) -> anyhow::Result<Vec<String>> {
        let found = self.js("return window.__csp || []", vec![]).await?;
        Ok(found
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
            .unwrap_or_default())
    }

    /// Sets the viewport exactly (device metrics), e.g. [`PHONE`] or [`TABLET`].
    pub async fn viewport(&self, (width, height): (u32, u32)) -> anyhow::Result<()> {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700 }),
        )
        .await?;
        Ok(())
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Value) -> anyhow::Result<Value> {
        Ok(self.client.issue_cmd(Cdp { cmd: cmd.to_owned(), params }).await?)
    }

    /// Opens a new tab, switches to it and returns its handle.
    pub async fn open_tab(&self) -> anyhow::Result<fantoccini::wd::WindowHandle> {
        let tab = self.client.new_window(true).await?;
        self.client.switch_to_window(tab.handle.clone()).await?;
        self.viewport_of_new_tab().await?;
        Ok(tab.handle)
    }

    async fn viewport_of_new_tab(&self) -> anyhow::Result<()> {
        let record = "window.__csp = []; document.addEventListener('securitypolicyviolation', \
                      (e) => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || e.sample)));";
        self.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": record })).await?;
        Ok(())
    }

    /// Switches to a tab.
    pub async fn switch_to(&self, handle: &fantoccini::wd::WindowHandle) -> anyhow::Result<()> {
        self.client.switch_to_window(handle.clone()).await?;
        Ok(())
    }

    /// Closes the current tab (as a person closing it would); switch to another tab after.
    pub async fn close_tab(&self) -> anyhow::Result<()> {
        self.client.close_window().await?;
        Ok(())
    }

    /// Opens a URL.
    pub async fn goto(&self, url: &str) -> anyhow::Result<()> {
        self.client.goto(url).await?;
        Ok(())
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn find(&self, css: &str) -> anyhow::Result<fantoccini::elements::Element> {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .with_context(|| format!("no element matches {css}"))
    }

    /// Types into the input matching `css`, then leaves it (Tab), as a person would.
    pub async fn type_into(&self, css: &str, text: &str) -> anyhow::Result<()> {
        self.click(css).await?;
        let input = self.find(css).await?;
        input.send_keys(text).await?;
        input.send_keys("\u{e004}").await?;
        Ok(())
    }

    /// Sets an input's value directly and fires `input` and `change`: for date pickers (they
    /// differ by locale) and for clearing a field.
    pub async fn set_value(&self, css: &str, value: &str) -> anyhow::Result<()> {
        self.find(css).await?;
        self.js(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1];\
             el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![json!(css), json!(value)],
        )
        .await?;
        Ok(())
    }

    /// Scrolls the element matching `css` to the middle of the screen (clear of the sticky
    /// header), as a person would before touching it, and clicks it.
    pub async fn click(&self, css: &str) -> anyhow::Result<()> {
        let element = self.find(css).await?;
        self.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", vec![json!(css)]).await?;
        element.click().await?;
        Ok(())
    }

    /// Runs a script and returns its value.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> anyhow::Result<Value> {
        Ok(self.client.execute(script, args).await?)
    }

    /// Runs an async script (its last argument is the callback) and returns what it passes.
    pub async fn js_async(&self, script: &str, args: Vec<Value>) -> anyhow::Result<Value> {
        Ok(self.client.execute_async(script, args).await?)
    }

    /// The current value of the input matching `css`.
    pub async fn value_of(&self, css: &str) -> anyhow::Result<Value> {
        self.js("return document.querySelector(arguments[0]).value;", vec![json!(css)]).await
    }

    /// The visible text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> anyhow::Result<String> {
        Ok(self.find(css).await?.text().await?)
    }

    /// Waits until the first element matching `css` has text containing `wanted`.
    pub async fn wait_for_text(&self, css: &str, wanted: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + PATIENCE;
        let mut last = String::new();
        while Instant::now() < deadline {
            let script = "const el = document.querySelector(arguments[0]); return el ? el.innerText : null;";
            if let Value::String(text) = self.js(script, vec![json!(css)]).await? {
                if text.contains(wanted) {
                    return Ok(());
                }
                last = text;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        bail!("{css} never showed {wanted:?} (last: {last:?})")
    }

    /// Waits until a script returns `true`.
    pub async fn wait_until(&self, what: &str, script: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if self.js(script, vec![]).await? == json!(true) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("timed out waiting until {what}")
    }

    /// Waits until the page has opened: its heading drawn, nothing in it still loading.
    pub async fn wait_opened(&self, what: &str) -> anyhow::Result<()> {
        self.wait_until(
            &format!("{what} opened"),
            "const main = document.querySelector('main');\
             return !!main && !!main.querySelector('h1') && !main.querySelector('.loading');",
        )
        .await
    }

    /// Waits until the status chip says the latest change is saved on this device.
    pub async fn wait_saved(&self) -> anyhow::Result<()> {
        self.wait_for_text("[data-testid=save-status]", "Saved on this device").await
    }

    /// Waits until a service worker controls the page (the app is available offline).
    pub async fn wait_offline_ready(&self) -> anyhow::Result<()> {
        self.wait_until("a service worker controls the page", "return !!navigator.serviceWorker.controller;").await
    }

    /// Takes a screenshot of the page at tablet and at phone width (and stays at phone width),
    /// checking at each that nothing reaches past the right edge, that no element id is used
    /// twice, and that the security policy blocked nothing.
    pub async fn look(&self, name: &str) -> anyhow::Result<()> {
        self.look_at(name, TABLET, "tablet").await?;
        self.look_at(name, PHONE, "phone").await
    }

    /// [`Browser::look`] at one width only (phone width, 200 % text, both themes, axe-core),
    /// for sweeps of many pages.
    /// Also photographs the whole page, below the fold, to be looked at.
    pub async fn look_at_phone(&self, name: &str) -> anyhow::Result<()> {
        let looked = self.look_at(name, PHONE, "phone").await;
        self.screenshot_whole(&format!("{name}-phone-whole")).await?;
        looked
    }

    /// The checks and photographs of [`Browser::look`] at one window size.
    async fn look_at(&self, name: &str, size: (u32, u32), label: &str) -> anyhow::Result<()> {
        let mut found = Vec::new();
        self.viewport(size).await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let wide = self.past_the_edge().await?;
        if !wide.is_null() {
            found.push(format!("{name} has something past the right edge at {label} width: {wide}"));
        }
        if label == "phone" {
            // Text at 200 % (WCAG 1.4.4; the root's 112.5 % doubled): the page still fits
            // the phone's width.
            self.js("document.documentElement.style.fontSize = '225%';", vec![]).await?;
            tokio::time::sleep(Duration::from_millis(200)).await;
            let zoomed = self.past_the_edge().await;
            self.js("document.documentElement.style.fontSize = '';", vec![]).await?;
            let zoomed = zoomed?;
            if !zoomed.is_null() {
                found.push(format!("{name} at 200 % text has something past the right edge: {zoomed}"));
            }
        }
        let twice = self.duplicate_ids().await?;
        if !twice.is_empty() {
            found.push(format!("{name}: element ids used twice: {twice:?}"));
        }
        let blocked = self.csp_violations().await?;
        if !blocked.is_empty() {
            found.push(format!("{name}: the security policy blocked {blocked:?}"));
        }
        let spilled = self
            .js(
                "const c = [...document.querySelectorAll('main .choice, main .button, main button, main nav a')].find(box => {\
                   const r = box.getBoundingClientRect(); if (r.width === 0) return false;\
                   const round = parseFloat(getComputedStyle(box).borderTopLeftRadius) >= r.height / 2;\
                   if (round && r.height > 60) return true;\
                   /* Words wider than their box (a squeezed tab). */\
                   if (box.scrollWidth > box.clientWidth + 1) return true;\
                   return [...box.children].some(k => { const q = k.getBoundingClientRect();\
                     return q.width > 0 && (q.right > r.right + 1 || q.bottom > r.bottom + 1); }); });\
                 return c ? c.textContent.slice(0, 60) : null;",
                vec![],
            )
            .await?;
        if !spilled.is_null() {
            found.push(format!("{name}: text spills out of its pill or button (or a pill of several lines cuts it at the corners) at {label} width: {spilled}"));
        }
        let skipped = self.skipped_headings().await?;
        if !skipped.is_empty() {
            found.push(format!("{name}: headings out of order: {skipped:?}"));
        }
        let small = self.small_targets().await?;
        if !small.is_empty() {
            found.push(format!("{name}: touch targets under 44 × 44 px at {label} width: {small:#?}"));
        }
        let problems = self.accessibility_problems().await?;
        if !problems.is_empty() {
            found.push(format!("{name}: axe-core finds at {label} width: {problems:#?}"));
        }
        let moving = self.moving_under_reduced_motion().await?;
        if !moving.is_empty() {
            found.push(format!("{name}: still moves when the system asks for less motion: {moving:?}"));
        }
        // The dark theme (the system's setting), checked and photographed the same way.
        self.color_scheme("dark").await?;
        let problems = self.accessibility_problems().await;
        let photo = self.screenshot(&format!("{name}-{label}-dark")).await;
        self.color_scheme("light").await?;
        let problems = problems?;
        photo?;
        if !problems.is_empty() {
            found.push(format!("{name}: axe-core finds at {label} width, dark theme: {problems:#?}"));
        }
        self.screenshot(&format!("{name}-{label}")).await?;
        anyhow::ensure!(found.is_empty(), "{}", found.join("\n"));
        Ok(())
    }

    /// What reaches past the right edge of the window (null when nothing does).
    async fn past_the_edge(&self) -> anyhow::Result<Value> {
        self.js(
            "const scrolls = e => { for (let x = e.parentElement; x; x = x.parentElement) { const o = getComputedStyle(x).overflowX;\
               if ((o === 'auto' || o === 'scroll') && x.getBoundingClientRect().right <= window.innerWidth + 1) return true; } return false; };\
             /* Past the edge, unless inside a region that scrolls sideways itself (a data table's, as WCAG 1.4.10 allows). */\
             const past = [...document.querySelectorAll('main *')].find(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e));\
             if (past) return `${past.tagName.toLowerCase()}.${past.className.baseVal ?? past.className} (${past.textContent.slice(0, 40)}) ends at ${Math.round(past.getBoundingClientRect().right)} px`;\
             return document.documentElement.scrollWidth > window.innerWidth ? 'the page scrolls sideways' : null;",
            vec![],
        )
        .await
    }

    /// Controls a person taps that are smaller than 44 × 44 px (links inside sentences aside,
    /// as WCAG allows), as "tag.class “words”: width × height".
    pub async fn small_targets(&self) -> anyhow::Result<Vec<String>> {
        let found = self
            .js(
                "const controls = 'button, .button, select, textarea, summary, label.choice, nav a, a.card, a.small, \
                   input:not([type=checkbox]):not([type=radio]):not([type=hidden])';\
                 return [...document.querySelectorAll(`header ${controls.split(', ').join(', header ')}, main ${controls.split(', ').join(', main ')}`)]\
                   .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && e.offsetParent !== null\
                     && (r.width < 43.5 || r.height < 43.5); })\
                   .map(e => { const r = e.getBoundingClientRect();\
                     return `${e.tagName.toLowerCase()}.${e.className} “${(e.innerText || e.value || '').trim().slice(0, 30)}”: ${Math.round(r.width)} × ${Math.round(r.height)}`; });",
                vec![],
            )
            .await?;
        Ok(serde_json::from_value(found)?)
    }

    /// What still animates or transitions when the system asks for less motion (as
    /// "tag.class: 0.3s"), with the setting emulated and then put back.
    pub async fn moving_under_reduced_motion(&self) -> anyhow::Result<Vec<String>> {
        let features = |value: &str| json!({ "features": [{ "name": "prefers-reduced-motion", "value": value }] });
        self.cdp("Emulation.setEmulatedMedia", features("reduce")).await?;
        let found = self
            .js(
                "const long = t => t.split(',').some(d => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1) > 0.001);\
                 return [...document.querySelectorAll('body *')].filter(e => { const s = getComputedStyle(e);\
                     return (s.transitionProperty !== 'none' && long(s.transitionDuration)) || (s.animationName !== 'none' && long(s.animationDuration)); })\
                   .slice(0, 5).map(e => { const s = getComputedStyle(e);\
                     return `${e.tagName.toLowerCase()}.${e.className.baseVal ?? e.className}: ${s.transitionDuration} ${s.animationDuration}`; });",
                vec![],
            )
            .await;
        self.cdp("Emulation.setEmulatedMedia", features("")).await?;
        Ok(serde_json::from_value(found?)?)
    }

    /// Emulates the system's colour scheme ("light" or "dark") for the page.
    pub async fn color_scheme(&self, scheme: &str) -> anyhow::Result<()> {
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await?;
        tokio::time::sleep(Duration::from_millis(100)).await;
        Ok(())
    }

    /// What axe-core (`RAMP_AXE`) finds against WCAG 2.1 A and AA on the page: every violation,
    /// and every text whose contrast it could not decide ("needs review"), which counts as a
    /// problem until the page lets it decide. One line each: rule, where, what it asks.
    pub async fn accessibility_problems(&self) -> anyhow::Result<Vec<String>> {
        static AXE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        if self.js("return typeof window.axe === 'object';", vec![]).await? != json!(true) {
            let source = match AXE.get() {
                Some(source) => source,
                None => {
                    let path = env_path("RAMP_AXE")?;
                    let source =
                        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
                    AXE.get_or_init(|| source)
                }
            };
            self.js(source, vec![]).await?;
        }
        let found = self
            .js_async(
                "const done = arguments[arguments.length - 1];\
                 /* Sections off screen skip rendering (content-visibility: auto): render them \
                    while axe reads their colours, as they are when scrolled to. */\
                 const lazy = [...document.querySelectorAll('main *')].filter(e => getComputedStyle(e).contentVisibility === 'auto');\
                 lazy.forEach(e => e.style.contentVisibility = 'visible');\
                 const restore = x => { lazy.forEach(e => e.style.contentVisibility = ''); return x; };\
                 const why = n => (n.any || []).concat(n.all || []).map(c => c.data && c.data.messageKey).filter(k => k);\
                 const where = n => n.target.join(' ') + (why(n).length ? ` [${why(n).join(', ')}]` : '');\
                 /* A contrast axe leaves to review is computed here: the text's colour (an SVG \
                    text's fill) over the first opaque background behind it, against WCAG's 4.5:1 \
                    (3:1 for large text). A problem only when it falls short. */\
                 const rgb = c => (c.match(/[0-9.]+/g) || []).map(Number);\
                 const lum = c => { const v = rgb(c).slice(0, 3).map(x => x / 255).map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };\
                 const backdrop = e => { for (let x = e; x; x = x.parentElement) { const b = getComputedStyle(x).backgroundColor; const a = rgb(b); if (a.length === 3 || a[3] === 1) return b; } return 'rgb(255, 255, 255)'; };\
                 const computed = (n, help) => { const e = document.querySelector(n.target[0]); if (!e) return `contrast to review: ${where(n)} is gone`;\
                   const s = getComputedStyle(e); const fg = e instanceof SVGElement ? s.fill : s.color; const bg = backdrop(e);\
                   const [a, b] = [lum(fg), lum(bg)]; const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);\
                   const size = parseFloat(s.fontSize); const large = size >= 24 || (size >= 18.66 && +s.fontWeight >= 700);\
                   return ratio >= (large ? 3 : 4.5) ? null : `color-contrast (computed): ${where(n)}: ${fg} on ${bg} is ${ratio.toFixed(2)}:1 (${help})`; };\
                 const line = r => `${r.id}: ${r.nodes.slice(0, 4).map(where).join(' | ')} (${r.help})`;\
                 axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},\
                                    resultTypes: ['violations', 'incomplete']})\
                   .then(r => done(restore(r.violations.map(line).concat(\
                      r.incomplete.filter(i => i.id === 'color-contrast').flatMap(i => i.nodes.map(n => computed(n, i.help)))\
                        .filter(p => p)))))\
                   .catch(e => done(restore(['axe failed: ' + e])));",
                vec![],
            )
            .await?;
        Ok(serde_json::from_value(found)?)
    }

    /// Headings that skip a level, or a page without exactly one h1 (as "h3 after h1: words").
    pub async fn skipped_headings(&self) -> anyhow::Result<Vec<String>> {
        let skipped = self
            .js(
                "const hs = [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]                   .filter(h => h.offsetParent !== null);                 const out = []; let last = 0;                 for (const h of hs) { const n = +h.tagName[1];                   if (n > last + 1) out.push(`${h.tagName.toLowerCase()} after h${last}: ${h.innerText}`);                   last = n; }                 const ones = hs.filter(h => h.tagName === 'H1').length;                 if (ones !== 1) out.push(`${ones} h1 on the page`);                 return out;",
                vec![],
            )
            .await?;
        Ok(serde_json::from_value(skipped)?)
    }

    /// The element ids the page uses more than once (each id, once per repeat).
    pub async fn duplicate_ids(&self) -> anyhow::Result<Vec<String>> {
        let twice = self
            .js(
                "const ids = [...document.querySelectorAll('[id]')].map(e => e.id);\
                 return ids.filter((id, i) => ids.indexOf(id) !== i);",
                vec![],
            )
            .await?;
        Ok(serde_json::from_value(twice)?)
    }

    /// Signs in through the sign-in page and waits for the first sync to finish.
    pub async fn sign_in(&self, server: &Server, email: &str, password: &str) -> anyhow::Result<()> {
        self.goto(&format!("{}/signin", server.url)).await?;
        self.type_into("#signin-email", email).await?;
        self.type_into("#signin-password", password).await?;
        self.click("form button[type=submit]").await?;
        self.wait_for_text("[data-testid=sync-status]", "Synced at").await
    }

    /// Signs in and opens the team's page (of [`set_up_team`]).
    pub async fn open_team(&self, server: &Server, email: &str, team: &str) -> anyhow::Result<()> {
        self.sign_in(server, email, PASSWORD).await?;
        self.goto(&format!("{}/teams/{team}", server.url)).await?;
        self.wait_for_text("[data-testid=team-name]", "Ward 7 Falls Team").await
    }

    /// Asks the app to sync (as the browser's `online` event does) until a script returns
    /// `true`.
    pub async fn sync_until(&self, what: &str, script: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            self.js("window.dispatchEvent(new Event('online'));", vec![]).await?;
            tokio::time::sleep(Duration::from_millis(400)).await;
            if self.js(script, vec![]).await? == json!(true) {
                return Ok(());
            }
        }
        bail!("timed out syncing until {what}")
    }

    /// Asks the app to sync until its status chip says "Synced at".
    pub async fn sync_until_synced(&self, what: &str) -> anyhow::Result<()> {
        self.sync_until(
            what,
            "return document.querySelector('[data-testid=sync-status]').innerText.includes('Synced at');",
        )
        .await
    }

    /// From a team's page, starts a PDSA cycle and waits for its worksheet; returns its URL.
    pub async fn start_cycle(&self, title: &str, change_idea: &str) -> anyhow::Result<String> {
        self.click("[data-testid=start-cycle]").await?;
        self.type_into("#f-title", title).await?;
        self.pick_change_idea(change_idea).await?;
        self.click("form.create-form button[type=submit]").await?;
        self.wait_for_text("[data-testid=cycle-title]", title).await?;
        self.url().await
    }

    /// Creates a team from the start page and returns the team page's URL.
    pub async fn create_team(&self, server: &Server, name: &str) -> anyhow::Result<String> {
        self.goto(&server.url).await?;
        self.type_into("#f-name", name).await?;
        self.type_into("#f-organization", "St Elsewhere Hospital").await?;
        self.type_into("#f-site", "Ward 7").await?;
        self.click("form.create-form button[type=submit]").await?;
        self.wait_for_text("[data-testid=team-name]", name).await?;
        self.url().await
    }

    /// On the "Start a PDSA cycle" form: picks the change idea with these words from the
    /// list, or writes it as a new one.
    pub async fn pick_change_idea(&self, idea: &str) -> anyhow::Result<()> {
        let script = "const s = document.querySelector('#f-change_idea');\
                      const o = [...s.options].find(o => o.text === arguments[0]); return o ? o.value : null;";
        let found = self.js(script, vec![json!(idea)]).await?;
        match found.as_str() {
            Some(value) => self.set_value("#f-change_idea", value).await,
            None => {
                self.set_value("#f-change_idea", "new").await?;
                self.type_into("#new-idea", idea).await
            }
        }
    }

    /// Reloads the page.
    pub async fn reload(&self) -> anyhow::Result<()> {
        self.client.refresh().await?;
        Ok(())
    }

    /// The current URL.
    pub async fn url(&self) -> anyhow::Result<String> {
        Ok(self.client.current_url().await?.to_string())
    }

    /// Saves a PNG of the viewport under `target/screenshots/`.
    pub async fn screenshot(&self, name: &str) -> anyhow::Result<PathBuf> {
        let png = self.client.screenshot().await?;
        save_screenshot(name, &png)
    }

    /// Photographs the whole page at the window's width, below the fold too (at most 10,000 px
    /// of it), as `target/screenshots/<name>.png`.
    pub async fn screenshot_whole(&self, name: &str) -> anyhow::Result<PathBuf> {
        use base64::Engine as _;
        // Sections off screen skip rendering (content-visibility: auto): render them for the
        // photograph, as they are when scrolled to.
        self.js(
            "document.querySelectorAll('main *').forEach(e => { if (getComputedStyle(e).contentVisibility === 'auto') {\
               e.style.contentVisibility = 'visible'; e.dataset.lazy = ''; } });",
            vec![],
        )
        .await?;
        let shot = self.photograph_whole().await;
        self.js(
            "document.querySelectorAll('[data-lazy]').forEach(e => { e.style.contentVisibility = ''; delete e.dataset.lazy; });",
            vec![],
        )
        .await?;
        save_screenshot(name, &base64::engine::general_purpose::STANDARD.decode(shot?)?)
    }

    /// The whole page's photograph, as Chromium gives it (base64).
    async fn photograph_whole(&self) -> anyhow::Result<String> {
        let metrics = self.cdp("Page.getLayoutMetrics", json!({})).await?;
        let size = |what: &str| metrics["cssContentSize"][what].as_f64().context("the page's size");
        let (width, height) = (size("width")?, size("height")?.min(10_000.0));
        let shot = self
            .cdp(
                "Page.captureScreenshot",
                json!({ "format": "png", "captureBeyondViewport": true,
                        "clip": { "x": 0, "y": 0, "width": width, "height": height, "scale": 1 } }),
            )
            .await?;
        Ok(shot["data"].as_str().context("a photograph")?.to_owned())
    }
}

/// Writes a photograph as `target/screenshots/<name>.png`.
fn save_screenshot(name: &str, png: &[u8]) -> anyhow::Result<PathBuf> {
    let dir = std::env::var_os("RAMP_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .join("target/screenshots");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png)?;
    Ok(path)
}

impl Browser {
    /// Closes the browser and its driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// chromedriver's `goog/cdp/execute` endpoint.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

/// Copies a build folder (to deploy a "new version" into without touching the real one).
pub fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
