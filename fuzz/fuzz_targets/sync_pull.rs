//! Fuzzes the decoding and checks of a pull body (`PullRequest`): nothing panics, and a
//! pull that passes its checks names no number the server's columns cannot hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ramp_core::wire::{PullRequest, MAX_NUMBER};

fuzz_target!(|data: &[u8]| {
    let Ok(pull) = serde_json::from_slice::<PullRequest>(data) else { return };
    if pull.check().is_ok() {
        assert!(pull.known_high <= MAX_NUMBER && pull.cursors.values().all(|c| *c <= MAX_NUMBER));
    }
});
