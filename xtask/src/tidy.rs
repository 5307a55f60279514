//! Repository checks run by `cargo test -p xtask`: every Rust file opens with a `//!` doc,
//! `ramp-core` depends on no web, server or IO crate, and the app's components reach neither
//! the store nor sync.

#[cfg(test)]
mod tests {
    use std::path::Path;

    use xtask::root;

    fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy();
            if path.is_dir() && name != "target" && !name.starts_with('.') && name != "dist" && name != "node_modules" {
                rust_files(&path, found);
            } else if name.ends_with(".rs") {
                found.push(path);
            }
        }
    }

    #[test]
    fn every_rust_file_starts_with_a_module_doc() {
        let mut files = Vec::new();
        rust_files(&root(), &mut files);
        assert!(files.len() > 10, "found only {} files", files.len());
        let missing: Vec<String> = files
            .iter()
            .filter(|path| !std::fs::read_to_string(path).unwrap().starts_with("//!"))
            .map(|path| path.strip_prefix(root()).unwrap().display().to_string())
            .collect();
        assert!(missing.is_empty(), "files without a //! doc on their first line: {missing:?}");
    }

    #[test]
    fn components_never_touch_storage_or_sync() {
        let mut files = Vec::new();
        rust_files(&root().join("src/components"), &mut files);
        assert!(files.len() > 3, "found only {} components", files.len());
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            for forbidden in ["crate::store", "crate::sync", "LocalDb", "web_sys::IdbDatabase", "local_storage"] {
                assert!(!text.contains(forbidden), "{} uses {forbidden}: move it to src/panels", path.display());
            }
        }
    }

    #[test]
    fn core_has_no_web_server_or_io_dependencies() {
        let manifest = std::fs::read_to_string(root().join("crates/core/Cargo.toml")).unwrap();
        let dependencies = manifest.split("[dependencies]").nth(1).unwrap().split("\n[").next().unwrap();
        for forbidden in ["leptos", "web-sys", "js-sys", "wasm-bindgen", "axum", "tokio", "sqlx", "reqwest", "gloo"] {
            assert!(!dependencies.contains(forbidden), "ramp-core depends on {forbidden}");
        }
    }
}
