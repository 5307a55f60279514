//! Writes the built app's service worker: `public/sw.js` with this build's id and the list of
//! files to precache (every file Trunk staged, except the worker itself).
//!
//! Runs as Trunk's post_build hook (`TRUNK_STAGING_DIR`), or by hand with `--dir`. The build id
//! is a hash of the staged files' names and contents, so any change to the app makes a new
//! worker, which is what makes the browser offer the update.
//!
//! Then writes a gzip and a brotli copy (`.gz`, `.br`) of every file worth compressing, which
//! the server sends to browsers that accept them: the first visit's transfer is the
//! compressed size, at no cost per request.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::root;

/// `gen-sw [--dir DIR]`.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let dir = match args {
        [flag, dir] if flag == "--dir" => PathBuf::from(dir),
        [] => std::env::var_os("TRUNK_STAGING_DIR")
            .map(PathBuf::from)
            .context("TRUNK_STAGING_DIR is not set; pass --dir")?,
        _ => bail!("usage: cargo xtask gen-sw [--dir DIR]"),
    };
    let template = std::fs::read_to_string(root().join("public/sw.js")).context("reading public/sw.js")?;
    let (build_id, files) = write(&dir, &template)?;
    println!("xtask: sw.js written: build {build_id}, {files} files precached, compressed copies beside them");
    Ok(())
}

/// The kinds of file worth compressing (images are compressed already).
const COMPRESSIBLE: &[&str] = &["wasm", "js", "css", "html", "json", "webmanifest", "svg", "ftl"];

/// Writes `name.gz` (gzip, level 9) and `name.br` (brotli, quality 11) beside every
/// compressible file in `dir`; returns the total raw, gzip and brotli sizes.
pub fn compress(dir: &Path) -> anyhow::Result<(u64, u64, u64)> {
    use std::io::Write;
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    let (mut raw, mut gzip_total, mut brotli_total) = (0, 0, 0);
    for (_, path) in files {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !COMPRESSIBLE.contains(&extension) {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&bytes)?;
        let gzip = gzip.finish()?;
        let mut brotli = Vec::new();
        {
            let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
            brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli, &params)?;
        }
        let with = |suffix: &str| PathBuf::from(format!("{}.{suffix}", path.display()));
        std::fs::write(with("gz"), &gzip)?;
        std::fs::write(with("br"), &brotli)?;
        raw += bytes.len() as u64;
        gzip_total += gzip.len() as u64;
        brotli_total += brotli.len() as u64;
    }
    Ok((raw, gzip_total, brotli_total))
}

/// Fills in the template and writes `dir/sw.js`, then the compressed copies of every file
/// (a stale `.br` beside a changed file would be served instead of it); returns the build id
/// and the number of files precached.
pub fn write(dir: &Path, template: &str) -> anyhow::Result<(String, usize)> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.retain(|(url, _)| url != "/sw.js");
    files.sort();
    let mut hash = Fnv::default();
    for (url, path) in &files {
        hash.write(url.as_bytes());
        hash.write(&std::fs::read(path).with_context(|| format!("reading {}", path.display()))?);
    }
    let build_id = format!("{:016x}", hash.0);
    let urls: Vec<String> = files.iter().map(|(url, _)| format!("{url:?}")).collect();
    if !template.contains("__RAMP_BUILD_ID__") || !template.contains("__RAMP_PRECACHE__") {
        bail!("public/sw.js lacks the __RAMP_BUILD_ID__ / __RAMP_PRECACHE__ placeholders");
    }
    let worker = template
        .replace("__RAMP_BUILD_ID__", &build_id)
        .replace("__RAMP_PRECACHE__", &format!("[\n  {}\n]", urls.join(",\n  ")));
    std::fs::write(dir.join("sw.js"), worker).context("writing sw.js")?;
    compress(dir)?;
    Ok((build_id, files.len()))
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if path.is_dir() {
            collect(base, &path, files)?;
        } else if extension != "gz" && extension != "br" {
            let relative = path.strip_prefix(base)?.to_string_lossy().replace('\\', "/");
            files.push((format!("/{relative}"), path));
        }
    }
    Ok(())
}

/// The FNV-1a hash of `bytes` (what names a build's files).
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut hash = Fnv::default();
    hash.write(bytes);
    hash.0
}

/// FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precaches_every_file_but_the_worker_and_changes_id_with_content() {
        let dir = std::env::temp_dir().join(format!("ramp-gen-sw-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        std::fs::write(dir.join("index.html"), "<html>").unwrap();
        std::fs::write(dir.join("icons/icon-192.png"), [1, 2, 3]).unwrap();
        let template = "const BUILD_ID = \"__RAMP_BUILD_ID__\"; const PRECACHE = __RAMP_PRECACHE__;";
        let (first, count) = write(&dir, template).unwrap();
        assert_eq!(count, 2);
        let worker = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(worker.contains("\"/index.html\"") && worker.contains("\"/icons/icon-192.png\""), "{worker}");
        assert!(!worker.contains("\"/sw.js\""));
        let (again, _) = write(&dir, template).unwrap();
        assert_eq!(first, again, "writing sw.js itself does not change the id");
        std::fs::write(dir.join("index.html"), "<html><body>").unwrap();
        let (changed, _) = write(&dir, template).unwrap();
        assert_ne!(first, changed);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
