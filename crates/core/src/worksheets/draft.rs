//! A worksheet being edited: the values on screen, which of them can be saved, and which
//! must be fixed first.
//!
//! Holds what the person typed even when it is invalid, so a failed check never throws text
//! away. Never saves anything: the app turns [`Draft::changes`] into edits.

use std::collections::{BTreeMap, BTreeSet};

use crate::record::{Kind, Record};
use crate::register::Value;
use crate::schema::{self, Problem};

/// The values of one record's form.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    kind: Kind,
    values: BTreeMap<String, Value>,
    /// Fields the person has typed in since they were last saved: only these are saved, and
    /// only the others follow changes arriving from elsewhere.
    touched: BTreeSet<String>,
}

impl Draft {
    /// An empty form for a new record of `kind`.
    pub fn new(kind: Kind) -> Draft {
        Draft { kind, values: BTreeMap::new(), touched: BTreeSet::new() }
    }

    /// A form showing a record's current values.
    pub fn of(record: &Record) -> Draft {
        let values = schema::fields(record.kind)
            .iter()
            .map(|spec| (spec.name.to_owned(), record.value(spec.name).clone()))
            .filter(|(_, value)| *value != Value::Null)
            .collect();
        Draft { kind: record.kind, values, touched: BTreeSet::new() }
    }

    /// The value on screen for a field (`Value::Null` when empty).
    pub fn get(&self, field: &str) -> &Value {
        self.values.get(field).unwrap_or(&Value::Null)
    }

    /// Puts a typed value in the form.
    pub fn set(&mut self, field: &str, value: Value) {
        self.values.insert(field.to_owned(), value);
        self.touched.insert(field.to_owned());
    }

    /// Follows the saved record: fields the person is not editing take its values, and
    /// touched fields whose value it now holds count as saved.
    pub fn refresh(&mut self, saved: &Record) {
        for spec in schema::fields(self.kind) {
            let saved_value = saved.value(spec.name);
            let saved_here = saved.fields.get(spec.name).is_some_and(|f| !f.is_conflict());
            if self.touched.contains(spec.name) {
                if saved_here && self.get(spec.name) == saved_value {
                    self.touched.remove(spec.name);
                }
            } else if saved_value == &Value::Null {
                self.values.remove(spec.name);
            } else {
                self.values.insert(spec.name.to_owned(), saved_value.clone());
            }
        }
    }

    /// Every problem with the form as it stands.
    pub fn problems(&self) -> Vec<Problem> {
        schema::check(self.kind, &self.values)
    }

    /// The first problem with one field, if any.
    pub fn problem(&self, field: &str) -> Option<Problem> {
        self.problems().into_iter().find(|p| p.field == field)
    }

    /// The touched fields that differ from `saved` (nothing saved yet: `None`) and have no
    /// problem: what can be saved now. Fields with problems wait, still on screen, until
    /// fixed; fields the person did not touch are never written back.
    pub fn changes(&self, saved: Option<&Record>) -> Vec<(String, Value)> {
        let problems = self.problems();
        self.values
            .iter()
            .filter(|(field, _)| self.touched.contains(*field))
            .filter(|(field, _)| !problems.iter().any(|p| &p.field == *field))
            .filter(|(field, value)| {
                let saved_value = saved.map_or(&Value::Null, |r| r.value(field));
                let conflicted = saved.and_then(|r| r.fields.get(field.as_str())).is_some_and(|f| f.is_conflict());
                conflicted || (saved_value != *value && !(saved_value.is_blank() && value.is_blank()))
            })
            .map(|(field, value)| (field.clone(), value.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Issue;

    fn text(value: &str) -> Value {
        Value::Text(value.into())
    }

    #[test]
    fn invalid_fields_wait_and_valid_ones_are_saved() {
        let mut draft = Draft::new(Kind::Cycle);
        draft.set("title", text("Huddles"));
        draft.set("change_idea", text("01900000-0001-7fff-bfff-ffffffffffff"));
        draft.set("start", text("2026-03-10"));
        draft.set("end", text("2026-03-01"));
        let fields: Vec<String> = draft.changes(None).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["change_idea", "start", "title"]);
        assert_eq!(draft.problem("end").map(|p| p.issue), Some(Issue::EndBeforeStart));
        assert_eq!(draft.get("end"), &text("2026-03-01"), "the typed date stays in the form");
    }

    #[test]
    fn only_touched_fields_are_saved_and_others_follow_the_record() {
        use crate::clock::Hlc;
        use crate::id::{Dot, Uuid7};
        use crate::register::Op;
        let device = Uuid7::from_parts(1, [1; 10]);
        let id = Uuid7::from_parts(2, [2; 10]);
        let mut record = Record::new(id.clone(), Kind::Cycle, "team:x".into());
        let write = |record: &mut Record, counter: u64, field: &str, value: &str| {
            record.apply(&Op {
                record: id.clone(),
                kind: Kind::Cycle,
                scope: "team:x".into(),
                field: field.into(),
                value: text(value),
                dot: Dot { device: device.clone(), counter },
                hlc: Hlc { wall_ms: counter, counter: 0, device: device.clone() },
                replaces: record.fields.get(field).map(|f| f.dots()).unwrap_or_default(),
                author: None,
            });
        };
        write(&mut record, 1, "title", "T");
        write(&mut record, 2, "change_idea", "C");
        let mut draft = Draft::of(&record);
        draft.set("learning", text("typed here"));
        // Another device changes the title meanwhile.
        write(&mut record, 3, "title", "T from elsewhere");
        assert_eq!(draft.changes(Some(&record)), vec![("learning".to_owned(), text("typed here"))]);
        draft.refresh(&record);
        assert_eq!(draft.get("title"), &text("T from elsewhere"));
        assert_eq!(draft.get("learning"), &text("typed here"), "what is being typed stays");
        write(&mut record, 4, "learning", "typed here");
        draft.refresh(&record);
        assert!(draft.changes(Some(&record)).is_empty());
    }

    #[test]
    fn clearing_a_never_written_field_is_not_a_change() {
        let mut draft = Draft::new(Kind::Cycle);
        draft.set("title", text("t"));
        draft.set("change_idea", text("01900000-0001-7fff-bfff-ffffffffffff"));
        draft.set("objective", text(""));
        let fields: Vec<String> = draft.changes(None).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["change_idea", "title"]);
    }
}
