//! Fuzzes what the server does with a push body before touching storage: JSON decoding,
//! the whole-push checks (`PushRequest::check`), each op's checks (`schema::check_op`), and
//! the merge of the accepted ops into field states (`FieldState::apply_op`).
//!
//! Properties: nothing panics; a decoded push re-encodes to a body that decodes to the same
//! push; applying an op twice changes nothing the second time.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use ramp_core::wire::PushRequest;
use ramp_core::{schema, FieldState};

fuzz_target!(|data: &[u8]| {
    let Ok(push) = serde_json::from_slice::<PushRequest>(data) else { return };
    let again: PushRequest = serde_json::from_str(&serde_json::to_string(&push).unwrap()).unwrap();
    assert_eq!(again, push, "a push survives a round trip");
    if push.check().is_err() {
        return;
    }
    let mut fields: BTreeMap<(String, String), FieldState> = BTreeMap::new();
    for op in &push.ops {
        if schema::check_op(op).is_err() {
            continue;
        }
        let field = fields.entry((op.record.to_string(), op.field.clone())).or_default();
        field.apply_op(op);
        let before = field.clone();
        assert!(!field.apply_op(op), "an op applied twice changes nothing");
        assert_eq!(*field, before);
    }
});
