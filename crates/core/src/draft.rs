//! A worksheet being edited: the values on screen, which of them can be saved, and which
//! must be fixed first.
//!
//! Holds what the person typed even when it is invalid, so a failed check never throws text
//! away. Never saves anything: the app turns [`Draft::changes`] into edits.

use std::collections::BTreeMap;

use crate::record::{Kind, Record};
use crate::register::Value;
use crate::schema::{self, Problem};

/// The values of one record's form.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    kind: Kind,
    values: BTreeMap<String, Value>,
}

impl Draft {
    /// An empty form for a new record of `kind`.
    pub fn new(kind: Kind) -> Draft {
        Draft { kind, values: BTreeMap::new() }
    }

    /// A form showing a record's current values.
    pub fn of(record: &Record) -> Draft {
        let values = schema::fields(record.kind)
            .iter()
            .map(|spec| (spec.name.to_owned(), record.value(spec.name).clone()))
            .filter(|(_, value)| *value != Value::Null)
            .collect();
        Draft { kind: record.kind, values }
    }

    /// The value on screen for a field (`Value::Null` when empty).
    pub fn get(&self, field: &str) -> &Value {
        self.values.get(field).unwrap_or(&Value::Null)
    }

    /// Puts a typed value in the form.
    pub fn set(&mut self, field: &str, value: Value) {
        self.values.insert(field.to_owned(), value);
    }

    /// Every problem with the form as it stands.
    pub fn problems(&self) -> Vec<Problem> {
        schema::check(self.kind, &self.values)
    }

    /// The first problem with one field, if any.
    pub fn problem(&self, field: &str) -> Option<Problem> {
        self.problems().into_iter().find(|p| p.field == field)
    }

    /// The fields that differ from `saved` (nothing saved yet: `None`) and have no problem:
    /// what can be saved now. Fields with problems wait, still on screen, until fixed.
    pub fn changes(&self, saved: Option<&Record>) -> Vec<(String, Value)> {
        let problems = self.problems();
        self.values
            .iter()
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
        draft.set("change_idea", text("Daily safety huddle"));
        draft.set("start", text("2026-03-10"));
        draft.set("end", text("2026-03-01"));
        let fields: Vec<String> = draft.changes(None).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["change_idea", "start", "title"]);
        assert_eq!(draft.problem("end").map(|p| p.issue), Some(Issue::EndBeforeStart));
        assert_eq!(draft.get("end"), &text("2026-03-01"), "the typed date stays in the form");
    }

    #[test]
    fn clearing_a_never_written_field_is_not_a_change() {
        let mut draft = Draft::new(Kind::Cycle);
        draft.set("title", text("t"));
        draft.set("change_idea", text("c"));
        draft.set("objective", text(""));
        let fields: Vec<String> = draft.changes(None).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["change_idea", "title"]);
    }
}
