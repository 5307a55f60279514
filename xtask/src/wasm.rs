//! The app's wasm, in chunks: what Trunk's own rust pipeline would do, with the split between
//! the compiler and wasm-bindgen that it cannot do (Trunk issue 1022).
//!
//! 1. `cargo build` the app for wasm32 (the linker keeps its relocations: `--emit-relocs` in
//!    `.cargo/config.toml`);
//! 2. split it at the `#[wasm_split]` points of `src/chunks.rs` (`wasm_split_cli_support`):
//!    a main module, one `split_<page>` module a page and `chunk_<n>` modules for the code
//!    several pages share, and the loader script they import (`__wasm_split.js`);
//! 3. `wasm-bindgen --target web --keep-lld-exports` on the main module (the chunks link
//!    against its exports);
//! 4. `wasm-opt -Oz` on every module;
//! 5. name every file with the build's hash (the server lets hashed files be cached for a year)
//!    and write the start script into `index.html`.
//!
//! Runs in Trunk's post_build hook, before the service worker's precache list is written, so
//! the worker precaches every chunk and a new build replaces them all together.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

use crate::run_command;

/// The binary Trunk used to build (`data-bin`).
const BIN: &str = "ramp";
/// wasm-opt's features: those the Rust compiler emits for wasm32 by default.
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// One file of the built app's wasm: its name in the site and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub name: String,
    pub bytes: u64,
}

/// Builds the wasm into `staging` (Trunk's staging folder) and links it from its index.html.
pub fn build(staging: &Path, release: bool) -> anyhow::Result<Vec<Piece>> {
    let target_dir =
        std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| crate::root().join("target"));
    let profile = if release { "wasm-release" } else { "dev" };
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo
        .current_dir(crate::root())
        .args(["build", "--offline", "--target", "wasm32-unknown-unknown", "--bin", BIN, "--features", "split"])
        .args(["--profile", profile])
        .env("CARGO_TARGET_DIR", &target_dir);
    run_command(&mut cargo)?;
    let profile_dir = if release { "wasm-release" } else { "debug" };
    let input_path = target_dir.join("wasm32-unknown-unknown").join(profile_dir).join(format!("{BIN}.wasm"));
    let input = std::fs::read(&input_path).with_context(|| format!("reading {}", input_path.display()))?;
    let hash = format!("{:016x}", xtask::gen_sw::fnv(&input));

    let work = target_dir.join("wasm-split");
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    std::fs::create_dir_all(&work)?;
    let glue = format!("{BIN}-{hash}");
    let link = format!("__wasm_split-{hash}.js");
    let main_split = work.join("main.wasm");
    let main_module = format!("./{glue}.js");
    let link_name = format!("./{link}");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &work;
        options.main_out_path = &main_split;
        options.main_module = &main_module;
        options.link_name = &link_name;
        options
    })
    .map_err(|error| anyhow::anyhow!("splitting the wasm: {error:#}"))?;

    let mut bindgen = Command::new("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-name", &glue, "--out-dir"])
        .arg(staging)
        .arg(&main_split);
    if let Ok(path) = crate::tools::path_with_tools() {
        bindgen.env("PATH", path);
    }
    run_command(&mut bindgen)?;

    // The loader fetches each chunk by its plain name: give them the build's hash.
    let mut loader =
        std::fs::read_to_string(work.join(&link)).with_context(|| format!("reading the split loader {link}"))?;
    let mut wasm_files = vec![(staging.join(format!("{glue}_bg.wasm")), staging.join(format!("{glue}_bg.wasm")))];
    for module in &split.split_modules {
        let stem = module.file_stem().and_then(|s| s.to_str()).context("a chunk without a name")?;
        let plain = format!("\"./{stem}.wasm\"");
        if !loader.contains(&plain) {
            bail!("the split loader does not fetch {plain}");
        }
        let named = format!("{stem}-{hash}.wasm");
        loader = loader.replace(&plain, &format!("\"./{named}\""));
        wasm_files.push((module.clone(), staging.join(named)));
    }
    std::fs::write(staging.join(&link), loader)?;

    // wasm-opt (npm's binaryen) takes a second to start: two at a time.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let optimise = || -> anyhow::Result<()> {
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some((from, to)) = wasm_files.get(i) else { return Ok(()) };
            let mut opt = Command::new("wasm-opt");
            opt.arg(if release { "-Oz" } else { "-O1" })
                .args(WASM_OPT_FEATURES)
                .args(["--strip-debug", "--strip-producers"])
                .arg(from)
                .arg("-o")
                .arg(to);
            if let Ok(path) = crate::tools::path_with_tools() {
                opt.env("PATH", path);
            }
            run_command(&mut opt)?;
        }
    };
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2).map(|_| scope.spawn(optimise)).collect();
        workers.into_iter().try_for_each(|w| w.join().unwrap_or_else(|_| bail!("wasm-opt worker panicked")))
    })?;
    let mut pieces = Vec::new();
    for (_, to) in &wasm_files {
        let name = to.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        pieces.push(Piece { bytes: std::fs::metadata(to)?.len(), name });
    }

    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).context("reading the staged index.html")?;
    std::fs::write(&index, with_start_script(&html, &glue, &link)?)?;
    Ok(pieces)
}

/// `html` with the script that starts the app, and the preloads of what it needs first, at the
/// end of its head (where Trunk puts its own).
pub fn with_start_script(html: &str, glue: &str, link: &str) -> anyhow::Result<String> {
    let Some(head_end) = html.find("</head>") else { bail!("index.html has no </head>") };
    let tags = format!(
        "<link rel=\"modulepreload\" href=\"/{glue}.js\">\
         <link rel=\"modulepreload\" href=\"/{link}\">\
         <link rel=\"preload\" href=\"/{glue}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\
         <script type=\"module\">import init from \"/{glue}.js\"; init({{ module_or_path: \"/{glue}_bg.wasm\" }});</script>\n"
    );
    Ok(format!("{}{tags}{}", &html[..head_end], &html[head_end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_script_goes_at_the_end_of_the_head() {
        let html = "<html><head><title>Ramp</title></head><body></body></html>";
        let out = with_start_script(html, "ramp-00ff", "__wasm_split-00ff.js").unwrap();
        assert!(out.starts_with("<html><head><title>Ramp</title><link rel=\"modulepreload\" href=\"/ramp-00ff.js\">"));
        assert!(out.contains("import init from \"/ramp-00ff.js\"; init({ module_or_path: \"/ramp-00ff_bg.wasm\" });"));
        assert!(out.ends_with("</script>\n</head><body></body></html>"));
        assert!(with_start_script("<html></html>", "a", "b").is_err());
    }
}
