//! Installs what the build and the tests need, skipping what is already there: the wasm32
//! target, trunk, wasm-bindgen-cli (the exact version in Cargo.lock), wasm-opt 132 (npm's
//! binaryen; Debian's 108 makes a wasm that crashes), cargo-fuzz, chromium and chromedriver,
//! and PostgreSQL (Debian's package) for the server's tests on it.
//!
//! Never downloads from anywhere but the package registries (see shared/TOOLCHAIN.md).

use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context};

use xtask::root;

use crate::run_command;

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132.0.0";
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// Lighthouse, for the bench's first-visit and warm-launch figures: 12.8 is the last line that
/// runs on the machine's Node.js 20 (13 needs 22).
const LIGHTHOUSE_VERSION: &str = "12.8.2";

/// axe-core, the accessibility checks the end-to-end tests run on every page they look at.
const AXE_VERSION: &str = "4.10.3";

/// The folder npm installs binaryen into.
fn tools_dir() -> PathBuf {
    root().join("target/tools")
}

/// `PATH` with wasm-opt 132 and cargo's bin folder first.
pub fn path_with_tools() -> anyhow::Result<std::ffi::OsString> {
    let mut paths = vec![tools_dir().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
    {
        paths.push(home.join("bin"));
    }
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    Ok(std::env::join_paths(paths)?)
}

/// The output of `program args…`, if it runs and succeeds.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let path = path_with_tools().ok()?;
    let output = Command::new(program).args(args).env("PATH", path).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The wasm-bindgen version pinned in Cargo.lock.
fn locked_wasm_bindgen() -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen entry")
}

/// The wasm32 target, trunk, wasm-bindgen-cli and wasm-opt.
pub fn ensure_build_tools() -> anyhow::Result<()> {
    let targets = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        println!("xtask: installing the wasm32-unknown-unknown target");
        run_command(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let trunk = output_of("trunk", &["--version"]).unwrap_or_default();
    if !trunk.contains(TRUNK_VERSION) {
        println!("xtask: installing trunk {TRUNK_VERSION} (about 12 minutes on 2 cores)");
        run_command(Command::new("cargo").args(["install", "trunk", "--locked", "--version", TRUNK_VERSION]))?;
    }
    let wanted = locked_wasm_bindgen()?;
    let bindgen = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    if bindgen.split_whitespace().nth(1) != Some(wanted.as_str()) {
        println!("xtask: installing wasm-bindgen-cli {wanted} (about 4 minutes)");
        // Not --locked: its lock file pins a crate version the registry no longer has.
        run_command(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--force", "--version", &wanted]))?;
    }
    let wasm_opt = output_of("wasm-opt", &["--version"]).unwrap_or_default();
    let local_wasm_opt = tools_dir().join("node_modules/.bin/wasm-opt");
    if !wasm_opt.contains("version 132") || !local_wasm_opt.exists() {
        println!("xtask: installing wasm-opt (npm binaryen@{BINARYEN_VERSION})");
        npm_install(&tools_dir(), &format!("binaryen@{BINARYEN_VERSION}"))?;
    }
    Ok(())
}

/// Lighthouse (npm), beside wasm-opt in `target/tools`; returns the path of its command.
pub fn ensure_lighthouse() -> anyhow::Result<PathBuf> {
    npm_package(&tools_dir(), "lighthouse", LIGHTHOUSE_VERSION)?;
    Ok(tools_dir().join("node_modules/.bin/lighthouse"))
}

/// axe-core (npm), in a folder of its own beside the other tools; returns its script, which
/// the end-to-end tests inject into each page they check (`RAMP_AXE`).
pub fn ensure_axe() -> anyhow::Result<PathBuf> {
    Ok(npm_package(&tools_dir().join("axe"), "axe-core", AXE_VERSION)?.join("axe.min.js"))
}

/// npm's `name` at `version` in `prefix`, installed unless that version is there already;
/// returns the package's folder.
fn npm_package(prefix: &std::path::Path, name: &str, version: &str) -> anyhow::Result<PathBuf> {
    let folder = prefix.join("node_modules").join(name);
    let installed = std::fs::read_to_string(folder.join("package.json")).unwrap_or_default();
    if !installed.contains(&format!("\"version\": \"{version}\"")) {
        println!("xtask: installing {name} {version} (npm)");
        npm_install(prefix, &format!("{name}@{version}"))?;
    }
    Ok(folder)
}

/// Installs an npm package at an exact version into `prefix`.
fn npm_install(prefix: &std::path::Path, spec: &str) -> anyhow::Result<()> {
    std::fs::create_dir_all(prefix)?;
    let prefix = prefix.display().to_string();
    run_command(Command::new("npm").args([
        "install",
        "--no-audit",
        "--no-fund",
        "--save-exact",
        "--prefix",
        &prefix,
        spec,
    ]))
}

/// cargo-fuzz, for the fuzz targets under `fuzz/` (run on stable with `--sanitizer none`).
pub fn ensure_fuzz_tools() -> anyhow::Result<()> {
    let installed = output_of("cargo", &["fuzz", "--version"]).unwrap_or_default();
    if !installed.contains(CARGO_FUZZ_VERSION) {
        println!("xtask: installing cargo-fuzz {CARGO_FUZZ_VERSION} (about 2 minutes)");
        run_command(Command::new("cargo").args([
            "install",
            "cargo-fuzz",
            "--locked",
            "--version",
            CARGO_FUZZ_VERSION,
        ]))?;
    }
    Ok(())
}

/// Chromium and its driver, from Debian's packages.
pub fn ensure_browser() -> anyhow::Result<()> {
    let present = |program: &str| output_of(program, &["--version"]).is_some();
    if present("chromium") && present("chromedriver") {
        return Ok(());
    }
    println!("xtask: installing chromium and chromium-driver (apt)");
    apt_install(&["chromium", "chromium-driver"])
}

/// PostgreSQL's programs (initdb, pg_ctl, postgres): Debian's `postgresql` package, installed
/// when missing. Returns the folder they are in (the newest version's, if several).
pub fn ensure_postgres() -> anyhow::Result<PathBuf> {
    if let Some(bin) = postgres_bin() {
        return Ok(bin);
    }
    println!("xtask: installing postgresql (apt)");
    apt_install(&["postgresql"])?;
    postgres_bin().context("the postgresql package left no initdb under /usr/lib/postgresql")
}

fn postgres_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// Whether this runs as root (apt without sudo; PostgreSQL as its own user).
pub fn is_root() -> bool {
    output_of("id", &["-u"]).is_some_and(|uid| uid.trim() == "0")
}

/// `apt-get install -y` the packages (after `apt-get update`), with sudo unless root.
fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    let as_root = is_root();
    let apt = |args: &[&str]| {
        let mut command = if as_root { Command::new("apt-get") } else { Command::new("sudo") };
        if !as_root {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run_command(&mut command)
    };
    apt(&["update"])?;
    apt(&[&["install", "-y"][..], packages].concat())
}
