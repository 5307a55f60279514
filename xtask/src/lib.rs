//! The xtask library: the pieces other crates reuse. The end-to-end tests call [`gen_sw`] to
//! make a "new deployment" of a built app, exactly as a rebuild would.

pub mod gen_sw;

use std::path::{Path, PathBuf};

/// The project's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the project root").to_path_buf()
}
