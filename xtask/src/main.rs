//! `cargo xtask`: Ramp's project tasks. The README's two commands are `serve` and `test`.
//!
//! - `serve [--addr A] [--data D] [--database URL] [--demo]`: install what is missing, build the
//!   app (release), and run ramp-server on it (default http://127.0.0.1:8080, SQLite under
//!   ./data; with `--demo`, the demo collaborative under ./data-demo; with `--database`, the
//!   store in that PostgreSQL database).
//! - `test`: install what is missing, then fmt, clippy, native tests, the server's tests again
//!   on a throw-away PostgreSQL, browser (wasm) tests, the release build and the end-to-end
//!   tests in headless Chromium.
//! - `test-postgres`: only the server's tests on PostgreSQL.
//! - `bench [--quick]`: build the release app, start the real server, drive headless Chromium
//!   and print each figure next to its budget (JSON under target/bench/). `--quick` is the
//!   smoke mode `test` runs: small sizes, one run.
//! - `fuzz [--seconds N] [TARGET…]`: run the cargo-fuzz targets under `fuzz/` for N seconds
//!   each (default 60), starting from `fuzz/seeds/<target>/`; `test` runs them for 15 s each.
//!   A crash leaves its input under `target/fuzz/artifacts/<target>/`; copied into the seeds
//!   folder it is replayed at the start of every run from then on (the regression test).
//! - `gen-sw [--dir D]`: Trunk's post_build hook: writes the service worker's precache list and
//!   build id into the staging folder (or D).
//!
//! Never edits the source tree: outputs go under `target/` and `dist/`.

mod catalogue;
mod manifests;
mod postgres;
mod tidy;
mod tools;
mod wasm;

use std::process::Command;

use anyhow::{bail, Context};
use xtask::{gen_sw, root};

const HELP: &str = "\
usage: cargo xtask <task>

tasks:
  serve [--addr 127.0.0.1:8080] [--data ./data] [--database URL] [--demo]
                                                   build the app and serve it with ramp-server
  test                                             run every check and test
  test-postgres                                    run the server's tests on a throw-away PostgreSQL
  bench [--quick]                                  measure Ramp's figures against their budgets
  fuzz [--seconds 60] [TARGET...]                  run the fuzz targets (sync_push, sync_pull, backup_import)
  gen-sw [--dir DIR]                               write the service worker
  post-build                                       build the wasm in chunks, then the service worker (Trunk hook)
";

fn main() {
    if let Err(error) = run() {
        eprintln!("xtask: {error:#}");
        std::process::exit(1);
    }
}

fn run() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let task = args.next();
    let rest: Vec<String> = args.collect();
    match task.as_deref() {
        Some("serve") => serve(&rest),
        Some("test") => test(),
        Some("test-postgres") => server_tests_on_postgres(),
        Some("bench") => bench(rest.iter().any(|a| a == "--quick")),
        Some("fuzz") => fuzz_command(&rest),
        Some("gen-sw") => gen_sw::run(&rest),
        Some("post-build") => post_build(),
        _ => {
            eprint!("{HELP}");
            bail!("unknown task {}", task.unwrap_or_default())
        }
    }
}

fn serve(args: &[String]) -> anyhow::Result<()> {
    let mut server_args = vec!["--dist".to_owned(), root().join("dist").display().to_string()];
    let mut args = args.iter();
    let mut demo = false;
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--addr" | "--data" | "--database" => {
                let value = args.next().with_context(|| format!("{flag} needs a value"))?;
                server_args.extend([flag.clone(), value.clone()]);
            }
            "--demo" => {
                demo = true;
                server_args.push(flag.clone());
            }
            other => bail!("unknown flag {other} for serve"),
        }
    }
    if !server_args.iter().any(|a| a == "--data") {
        // The demo lives in its own folder, away from real data.
        let folder = if demo { "data-demo" } else { "data" };
        server_args.extend(["--data".to_owned(), root().join(folder).display().to_string()]);
    }
    tools::ensure_build_tools()?;
    build_app()?;
    cargo(&["build", "--package", "ramp-server"])?;
    let server = root().join("target/debug/ramp-server");
    println!("xtask: serving Ramp; stop with Ctrl-C");
    run_command(Command::new(server).args(&server_args))
}

fn test() -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    let axe = tools::ensure_axe()?;
    step("format", || cargo(&["fmt", "--all", "--check"]))?;
    // The app's release build ends in one long single-threaded link (LTO, one codegen unit)
    // and wasm-opt: it runs beside the checks below, in its own target folder so neither waits
    // for the other's lock, and its output goes to a log shown when it is joined.
    let app_build = Background::app_build()?;
    step("clippy (native)", || {
        cargo(&["clippy", "--workspace", "--exclude", "ramp", "--all-targets", "--", "-D", "warnings"])
    })?;
    step("clippy (wasm app)", || {
        cargo(&[
            "clippy",
            "--package",
            "ramp",
            "--all-targets",
            "--features",
            "split",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])
    })?;
    step("native tests", || cargo(&[&["test"][..], NATIVE_PACKAGES].concat()))?;
    // Again on PostgreSQL, reusing the step above's build. Not beside the next steps: the load
    // test's devices, starved of CPU by a compile, did too little work to count (CI, 1284964).
    step("server tests on PostgreSQL (a throw-away cluster)", server_tests_on_postgres)?;
    step("browser tests (wasm-bindgen-test in headless Chromium)", || {
        cargo(&["test", "--package", "ramp", "--target", "wasm32-unknown-unknown"])
    })?;
    step("fuzzing smoke run (15 s per target)", || fuzz(FUZZ_TARGETS, 15))?;
    step("release build of the app (started at the beginning)", || app_build.join())?;
    step("server build", || cargo(&["build", "--package", "ramp-server"]))?;
    step("end-to-end tests (headless Chromium against ramp-server)", || {
        let mut command = cargo_command(&["test", "--package", "ramp-e2e", "--", "--test-threads=2"]);
        command
            .env("RAMP_DIST", root().join("dist"))
            .env("RAMP_SERVER", root().join("target/debug/ramp-server"))
            .env("RAMP_ROOT", root())
            .env("RAMP_AXE", &axe);
        run_command(&mut command)
    })?;
    step("benchmark smoke run (small sizes, budgets not enforced)", || run_bench(true, false, None))?;
    println!("xtask: all checks passed in {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// The packages with native tests.
const NATIVE_PACKAGES: &[&str] = &["--package", "ramp-core", "--package", "ramp-server", "--package", "xtask"];

/// The server's integration tests again, each test's server on a database of its own in a
/// throw-away PostgreSQL, and the tests only PostgreSQL can run (several servers sharing one
/// store, pg_dump and pg_restore). Left out: what is SQLite's own (its file's faults and
/// backups: `faults`, `http`).
fn server_tests_on_postgres() -> anyhow::Result<()> {
    let cluster = postgres::Cluster::start()?;
    run_command(&mut postgres_tests(&cluster))
}

/// The command that runs [`server_tests_on_postgres`]' tests on `cluster`, which must outlive
/// it.
fn postgres_tests(cluster: &postgres::Cluster) -> Command {
    // The native tests' packages, so cargo reuses their build (one package alone unifies its
    // dependencies' features differently, and rebuilds sqlx and axum for a minute).
    let mut args = [&["test"][..], NATIVE_PACKAGES].concat();
    for test in ["sync", "roles", "bad_input", "lifecycle", "integrity", "sign_in", "load", "postgres", "sharing"] {
        args.extend(["--test", test]);
    }
    args.extend(["--", "--include-ignored"]);
    let mut command = cargo_command(&args);
    command.env("RAMP_TEST_POSTGRES", &cluster.url).env("RAMP_TEST_POSTGRES_BIN", &cluster.bin);
    command
}

fn bench(quick: bool) -> anyhow::Result<()> {
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    // Lighthouse takes half a minute a run: the full bench only, not the smoke run `test` makes.
    let lighthouse = if quick { None } else { Some(tools::ensure_lighthouse()?) };
    build_app()?;
    cargo(&["build", "--package", "ramp-server", "--release"])?;
    run_bench(quick, true, lighthouse)
}

/// The cargo-fuzz targets under `fuzz/fuzz_targets/`.
const FUZZ_TARGETS: &[&str] = &["sync_push", "sync_pull", "backup_import"];

fn fuzz_command(args: &[String]) -> anyhow::Result<()> {
    let mut seconds = 60;
    let mut targets = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => seconds = args.next().context("--seconds needs a value")?.parse()?,
            target if FUZZ_TARGETS.contains(&target) => targets.push(target),
            other => bail!("unknown fuzz target or flag {other} (targets: {})", FUZZ_TARGETS.join(", ")),
        }
    }
    fuzz(if targets.is_empty() { FUZZ_TARGETS } else { &targets }, seconds)
}

/// Runs each fuzz target for `seconds` on stable Rust (no sanitizer), seeds first.
fn fuzz(targets: &[&str], seconds: u32) -> anyhow::Result<()> {
    tools::ensure_fuzz_tools()?;
    let work = root().join("target/fuzz");
    for target in targets {
        let corpus = work.join("corpus").join(target);
        let artifacts = work.join("artifacts").join(target);
        std::fs::create_dir_all(&corpus)?;
        std::fs::create_dir_all(&artifacts)?;
        let corpus = corpus.display().to_string();
        let seeds = root().join("fuzz/seeds").join(target).display().to_string();
        let time = format!("-max_total_time={seconds}");
        let artifact_prefix = format!("-artifact_prefix={}/", artifacts.display());
        let dict = format!("-dict={}", root().join("fuzz/json.dict").display());
        let target_dir = work.join("build").display().to_string();
        cargo(&[
            "fuzz",
            "run",
            "--sanitizer",
            "none",
            "--fuzz-dir",
            "fuzz",
            "--target-dir",
            &target_dir,
            target,
            &corpus,
            &seeds,
            "--",
            &time,
            &artifact_prefix,
            &dict,
            "-max_len=65536",
            "-print_final_stats=1",
        ])
        .with_context(|| format!("fuzz target {target} failed: its input is in {}", artifacts.display()))?;
    }
    Ok(())
}

/// Trunk's post_build hook: the wasm in chunks (see `wasm.rs`), then the service worker that
/// precaches them with everything else.
fn post_build() -> anyhow::Result<()> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR").context("TRUNK_STAGING_DIR is not set (a Trunk hook)")?;
    let staging = std::path::PathBuf::from(staging);
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|profile| profile == "release");
    let pieces = wasm::build(&staging, release)?;
    for piece in &pieces {
        println!("xtask: {:>9} bytes  {}", piece.bytes, piece.name);
    }
    let manifests = manifests::write(&staging)?;
    println!("xtask: {manifests} manifests in other languages");
    gen_sw::run(&["--dir".to_owned(), staging.display().to_string()])
}

/// Runs the benchmark binary (`tests/e2e/src/bin/bench.rs`) against the built app.
fn run_bench(quick: bool, release: bool, lighthouse: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    let mut args = vec!["run", "--package", "ramp-e2e", "--bin", "bench"];
    if release {
        args.push("--release");
    }
    args.push("--");
    if quick {
        args.push("--quick");
    }
    let server = if release { "target/release/ramp-server" } else { "target/debug/ramp-server" };
    let mut command = cargo_command(&args);
    command.env("RAMP_DIST", root().join("dist")).env("RAMP_SERVER", root().join(server)).env("RAMP_ROOT", root());
    if let Some(lighthouse) = lighthouse {
        command.env("RAMP_LIGHTHOUSE", lighthouse);
    }
    // The server's figures on PostgreSQL, beside SQLite's.
    let cluster = postgres::Cluster::start()?;
    command.env("RAMP_POSTGRES", &cluster.url).env("RAMP_POSTGRES_BIN", &cluster.bin);
    run_command(&mut command)
}

/// Builds the app into `dist/` with Trunk, in release mode (the wasm-release profile).
fn build_app() -> anyhow::Result<()> {
    // Trunk passes --offline to cargo; make sure the registry cache holds everything first.
    cargo(&["fetch"])?;
    run_command(&mut trunk_build()?)
}

/// `trunk build --release`, in the app's own target folder (`target/app`).
fn trunk_build() -> anyhow::Result<Command> {
    let mut command = Command::new("trunk");
    command
        .current_dir(root())
        .args(["build", "--release"])
        .env("PATH", tools::path_with_tools()?)
        .env("CARGO_TARGET_DIR", root().join("target/app"));
    Ok(command)
}

/// A long job running in the background while `test` goes on (the app's release build): its
/// output goes to a log under `target/`, shown when joined.
struct Background {
    what: &'static str,
    child: std::process::Child,
    log: std::path::PathBuf,
    started: std::time::Instant,
}

impl Background {
    fn start(what: &'static str, mut command: Command, log_name: &str) -> anyhow::Result<Background> {
        let log = root().join("target").join(log_name);
        std::fs::create_dir_all(root().join("target"))?;
        let out = std::fs::File::create(&log)?;
        let child = command.stdout(out.try_clone()?).stderr(out).spawn().with_context(|| format!("starting {what}"))?;
        println!("xtask: {what} started in the background (log: {})", log.display());
        Ok(Background { what, child, log, started: std::time::Instant::now() })
    }

    /// The app's release build (Trunk).
    fn app_build() -> anyhow::Result<Background> {
        cargo(&["fetch"])?;
        Background::start("release build of the app", trunk_build()?, "app-build.log")
    }

    fn join(mut self) -> anyhow::Result<()> {
        let status = self.child.wait()?;
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let shown: Vec<&str> = log.lines().filter(|line| !line.trim_start().starts_with("Compiling")).collect();
        println!("{}", shown.join("\n"));
        println!("xtask: the {} took {:.1} s from its start", self.what, self.started.elapsed().as_secs_f64());
        if !status.success() {
            bail!("the {} failed ({status}); its whole output is in {}", self.what, self.log.display());
        }
        Ok(())
    }
}

impl Drop for Background {
    /// A check failed before the job was joined: stop it rather than leave it running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn step(name: &str, task: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    println!("\nxtask: == {name} ==");
    task().with_context(|| format!("step failed: {name}"))?;
    println!("xtask: {name}: done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

fn cargo_command(args: &[&str]) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(root()).args(args);
    if let Ok(path) = tools::path_with_tools() {
        command.env("PATH", path);
    }
    command
}

fn cargo(args: &[&str]) -> anyhow::Result<()> {
    run_command(&mut cargo_command(args))
}

/// Runs a command, inheriting the terminal; fails on a non-zero exit.
pub fn run_command(command: &mut Command) -> anyhow::Result<()> {
    let shown = format!("{command:?}");
    let status = command.status().with_context(|| format!("could not start {shown}"))?;
    if !status.success() {
        bail!("{shown} failed ({status})");
    }
    Ok(())
}
