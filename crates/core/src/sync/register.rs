//! The multi-value register: one field's set of concurrent values, and the op that writes it.
//!
//! Owns the one merge rule of Ramp (DESIGN.md §4): applying an op removes the siblings whose
//! dots it replaces and adds itself, and a dot already present is skipped. Never decides who may
//! write or whether a value is valid: see `schema` for that.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::clock::Hlc;
use crate::id::{Dot, RecordId};
use crate::record::Kind;

/// A field's value as stored and sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// No value (a cleared field).
    Null,
    /// Yes or no.
    Bool(bool),
    /// A number.
    Number(f64),
    /// Text, dates (`YYYY-MM-DD`) and choices.
    Text(String),
    /// A table: each row maps column names to text (predictions, tasks).
    Rows(Vec<BTreeMap<String, String>>),
}

impl Value {
    /// The text of a text value, or "" for anything else.
    pub fn as_text(&self) -> &str {
        match self {
            Value::Text(text) => text,
            _ => "",
        }
    }

    /// The rows of a table value, or none for anything else.
    pub fn as_rows(&self) -> &[BTreeMap<String, String>] {
        match self {
            Value::Rows(rows) => rows,
            _ => &[],
        }
    }

    /// Whether the value says nothing: null, blank text or an empty table.
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Null => true,
            Value::Text(text) => text.trim().is_empty(),
            Value::Rows(rows) => rows.iter().all(|row| row.values().all(|cell| cell.trim().is_empty())),
            Value::Bool(_) | Value::Number(_) => false,
        }
    }
}

/// One write of one field: DESIGN.md §4's op.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Op {
    /// The record written.
    pub record: RecordId,
    /// The record's kind.
    pub kind: Kind,
    /// The record's scope (`team:<id>` or `collab:<id>`).
    pub scope: String,
    /// The field written.
    pub field: String,
    /// The new value.
    pub value: Value,
    /// This write's identity.
    pub dot: Dot,
    /// When, for display order only.
    pub hlc: Hlc,
    /// The dots of the values the writer saw in this field when writing.
    pub replaces: Vec<Dot>,
    /// Who wrote it (the account), if known.
    pub author: Option<String>,
}

impl Op {
    /// The sibling this op adds to its field.
    pub fn sibling(&self) -> Sibling {
        Sibling { value: self.value.clone(), dot: self.dot.clone(), hlc: self.hlc.clone(), author: self.author.clone() }
    }
}

/// One live value of a field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sibling {
    /// The value.
    pub value: Value,
    /// The write that made it.
    pub dot: Dot,
    /// When it was written, for display order.
    pub hlc: Hlc,
    /// Who wrote it, if known.
    pub author: Option<String>,
}

/// The most live values one field may hold at once: ops that replace nothing add a value
/// each, and a field past this is refused more (concurrent writers are few; a loop is not).
pub const MAX_SIBLINGS: usize = 32;

/// A field's state: its live siblings, kept sorted by dot. One sibling is a plain value;
/// several are a conflict.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldState {
    siblings: Vec<Sibling>,
}

impl FieldState {
    /// A state holding exactly these siblings (as received from the server).
    pub fn from_siblings(mut siblings: Vec<Sibling>) -> FieldState {
        crate::order::sort_by(&mut siblings, |a, b| a.dot.cmp(&b.dot));
        siblings.dedup_by(|a, b| a.dot == b.dot);
        FieldState { siblings }
    }

    /// Applies a write: skipped if its dot is already here; otherwise the siblings it
    /// replaces go and it comes in. Returns whether anything changed.
    pub fn apply(&mut self, sibling: Sibling, replaces: &[Dot]) -> bool {
        if self.siblings.iter().any(|s| s.dot == sibling.dot) {
            return false;
        }
        self.siblings.retain(|s| !replaces.contains(&s.dot));
        let at = self.siblings.partition_point(|s| s.dot < sibling.dot);
        self.siblings.insert(at, sibling);
        true
    }

    /// Applies an op to this field (the op's record and field are the caller's business).
    pub fn apply_op(&mut self, op: &Op) -> bool {
        self.apply(op.sibling(), &op.replaces)
    }

    /// The live siblings, sorted by dot.
    pub fn siblings(&self) -> &[Sibling] {
        &self.siblings
    }

    /// The dots of the live siblings: what a writer who saw this state replaces.
    pub fn dots(&self) -> Vec<Dot> {
        self.siblings.iter().map(|s| s.dot.clone()).collect()
    }

    /// The sibling shown: the one with the highest clock reading.
    pub fn shown(&self) -> Option<&Sibling> {
        self.siblings.iter().max_by(|a, b| a.hlc.cmp(&b.hlc))
    }

    /// The value shown, or `Value::Null` for a field never written.
    pub fn value(&self) -> &Value {
        self.shown().map_or(&Value::Null, |s| &s.value)
    }

    /// Whether concurrent writes left more than one value.
    pub fn is_conflict(&self) -> bool {
        self.siblings.len() > 1
    }

    /// Whether no value was ever written (or all were replaced by nothing, which cannot happen).
    pub fn is_empty(&self) -> bool {
        self.siblings.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::Uuid7;

    fn sib(device: u8, counter: u64, wall_ms: u64, text: &str) -> Sibling {
        let device = Uuid7::from_parts(1, [device; 10]);
        Sibling {
            value: Value::Text(text.into()),
            dot: Dot { device: device.clone(), counter },
            hlc: Hlc { wall_ms, counter: 0, device },
            author: None,
        }
    }

    #[test]
    fn a_write_that_saw_the_value_replaces_it() {
        let mut field = FieldState::default();
        let first = sib(1, 1, 10, "first");
        assert!(field.apply(first.clone(), &[]));
        assert!(field.apply(sib(2, 1, 20, "second"), std::slice::from_ref(&first.dot)));
        assert_eq!(field.value(), &Value::Text("second".into()));
        assert!(!field.is_conflict());
    }

    #[test]
    fn concurrent_writes_are_both_kept_and_the_latest_is_shown() {
        let mut field = FieldState::default();
        field.apply(sib(1, 1, 30, "from A"), &[]);
        field.apply(sib(2, 1, 20, "from B"), &[]);
        assert!(field.is_conflict());
        assert_eq!(field.value(), &Value::Text("from A".into()));
        let resolve = sib(2, 2, 40, "agreed");
        field.apply(resolve, &field.dots());
        assert_eq!(field.siblings().len(), 1);
        assert_eq!(field.value(), &Value::Text("agreed".into()));
    }

    #[test]
    fn applying_the_same_dot_twice_changes_nothing() {
        let mut field = FieldState::default();
        let write = sib(1, 1, 10, "x");
        assert!(field.apply(write.clone(), &[]));
        assert!(!field.apply(write, &[]));
        assert_eq!(field.siblings().len(), 1);
    }

    #[test]
    fn values_round_trip_through_json() {
        let mut row = BTreeMap::new();
        row.insert("question".to_owned(), "Will it work?".to_owned());
        for value in
            [Value::Null, Value::Bool(true), Value::Number(2.5), Value::Text("t".into()), Value::Rows(vec![row])]
        {
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(serde_json::from_str::<Value>(&json).unwrap(), value, "{json}");
        }
    }

    #[test]
    fn blank_values() {
        assert!(Value::Null.is_blank());
        assert!(Value::Text("  ".into()).is_blank());
        assert!(Value::Rows(vec![BTreeMap::from([("a".to_owned(), " ".to_owned())])]).is_blank());
        assert!(!Value::Text("x".into()).is_blank());
        assert!(!Value::Bool(false).is_blank());
    }
}
