//! Writes the built app's service worker: `public/sw.js` with this build's id and the list of
//! files to precache (every file Trunk staged, except the worker itself).
//!
//! Runs as Trunk's post_build hook (`TRUNK_STAGING_DIR`), or by hand with `--dir`. The build id
//! is a hash of the staged files' names and contents, so any change to the app makes a new
//! worker, which is what makes the browser offer the update.

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
    println!("xtask: sw.js written: build {build_id}, {files} files precached");
    Ok(())
}

/// Fills in the template and writes `dir/sw.js`; returns the build id and the file count.
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
    Ok((build_id, files.len()))
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect(base, &path, files)?;
        } else {
            let relative = path.strip_prefix(base)?.to_string_lossy().replace('\\', "/");
            files.push((format!("/{relative}"), path));
        }
    }
    Ok(())
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
