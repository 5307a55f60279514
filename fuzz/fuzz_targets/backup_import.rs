//! Fuzzes the JSON backup import: `backup::read` then `backup::plan` into an empty device.
//!
//! Properties: nothing panics; every edit the plan makes is one the server would accept
//! (`schema::check_op`); importing the same file again changes nothing.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use ramp_core::{backup, schema, DeviceClock, Replica, Uuid7};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(file) = backup::read(text) else { return };
    let (edits, report) = backup::plan(&file, &BTreeMap::new());
    assert!(report.kept.is_empty(), "an empty device keeps nothing of its own");
    let mut device = Replica::default();
    let mut clock = DeviceClock { device: Uuid7::from_parts(1, [7; 10]), counter: 0, last_hlc: None };
    let ops = device.edit(&mut clock, edits, 1_700_000_000_000, None);
    for op in &ops {
        assert_eq!(schema::check_op(op), Ok(()), "an imported value the server would refuse: {op:?}");
    }
    let (again, _) = backup::plan(&file, device.local());
    assert!(again.is_empty(), "a second import changes nothing: {again:?}");
});
