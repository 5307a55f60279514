//! The end-to-end tests: the built app in headless Chromium against the real `ramp-server`.
//!
//! One test binary for every file, not one each: the suite links once instead of nine times,
//! and `--test-threads=2` keeps both threads busy across files (a file with one long test no
//! longer leaves a core idle while it runs). Run one file's tests with a filter, e.g.
//! `cargo test -p ramp-e2e --test suite journey::`.

mod access;
mod app;
mod charts;
mod collab;
mod faults;
mod journey;
mod languages;
mod pages;
mod spread;
mod sync;
mod worksheets;
