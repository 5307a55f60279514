//! The install manifest in each language Ramp speaks: Trunk's post_build hook writes
//! `manifest.<code>.webmanifest` beside `manifest.webmanifest` (English) for every other
//! catalogue, with the catalogue's `app-name`, `app-short-name` and `app-description`; the
//! app points its `<link rel="manifest">` at its language's (`src/i18n.rs`). English's words
//! must be the manifest's own, or the build stops.

use std::path::Path;

use anyhow::{bail, Context};

use crate::root;

/// The manifest's fields that a language words, with the catalogue keys that word them.
const WORDED: [(&str, &str); 3] =
    [("name", "app-name"), ("short_name", "app-short-name"), ("description", "app-description")];

/// A one-line message of a catalogue.
fn message(catalogue: &str, key: &str) -> Option<String> {
    catalogue
        .lines()
        .find_map(|line| line.strip_prefix(key)?.trim_start().strip_prefix('=').map(|v| v.trim().to_owned()))
}

/// The value of a top-level string field of the manifest, as written (`"name": "…"`).
fn field(manifest: &str, name: &str) -> Option<String> {
    let start = manifest.find(&format!("\"{name}\": \""))? + name.len() + 5;
    Some(manifest[start..].split('"').next()?.to_owned())
}

/// Writes the other languages' manifests into `dir`, beside its English one.
pub fn write(dir: &Path) -> anyhow::Result<usize> {
    let english = std::fs::read_to_string(dir.join("manifest.webmanifest")).context("reading the manifest")?;
    let mut written = 0;
    for entry in std::fs::read_dir(root().join("locales"))? {
        let path = entry?.path();
        let Some(code) =
            path.file_stem().and_then(|s| s.to_str()).filter(|_| path.extension().is_some_and(|e| e == "ftl"))
        else {
            continue;
        };
        let catalogue = std::fs::read_to_string(&path)?;
        let mut manifest = english.clone();
        for (name, key) in WORDED {
            let words = message(&catalogue, key).with_context(|| format!("{code}.ftl has no {key}"))?;
            let current = field(&english, name).with_context(|| format!("the manifest has no {name}"))?;
            if code == "en" {
                if words != current {
                    bail!("en.ftl's {key} is “{words}” but the manifest's {name} is “{current}”: make them the same");
                }
                continue;
            }
            manifest = manifest.replace(&format!("\"{name}\": \"{current}\""), &format!("\"{name}\": \"{words}\""));
        }
        if code != "en" {
            std::fs::write(dir.join(format!("manifest.{code}.webmanifest")), manifest)?;
            written += 1;
        }
    }
    Ok(written)
}
