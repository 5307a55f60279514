//! Records: an id, a kind, a scope and named fields, each field a multi-value register.
//!
//! Owns how an op lands in a record. Never validates values or decides permissions; that is
//! `schema`'s and the server's job.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::id::RecordId;
use crate::register::{FieldState, Op, Value};

/// What a record is. Unknown kinds are refused when decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A team working on the collaborative's aim (scope: the team itself).
    Team,
    /// A PDSA cycle (scope: its team).
    Cycle,
}

impl Kind {
    /// The kind's name on the wire and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Team => "team",
            Kind::Cycle => "cycle",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The field that marks a record deleted; it merges like any other field.
pub const DELETED: &str = "deleted";

/// The scope of everything belonging to one team.
pub fn team_scope(team: &RecordId) -> String {
    format!("team:{team}")
}

/// A parsed scope: one team's records, or a collaborative's shared records.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// `team:<id>`.
    Team(RecordId),
    /// `collab:<id>`.
    Collab(RecordId),
}

impl Scope {
    /// Parses `team:<id>` or `collab:<id>`; anything else is `None`.
    pub fn parse(text: &str) -> Option<Scope> {
        let (kind, id) = text.split_once(':')?;
        let id = crate::id::Uuid7::parse(id).ok()?;
        match kind {
            "team" => Some(Scope::Team(id)),
            "collab" => Some(Scope::Collab(id)),
            _ => None,
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Team(id) => write!(f, "team:{id}"),
            Scope::Collab(id) => write!(f, "collab:{id}"),
        }
    }
}

/// One record with all its fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The record's id, made on the device that created it.
    pub id: RecordId,
    /// What the record is.
    pub kind: Kind,
    /// Which team or collaborative it belongs to.
    pub scope: String,
    /// Its fields by name.
    pub fields: BTreeMap<String, FieldState>,
}

impl Record {
    /// An empty record (no field written yet).
    pub fn new(id: RecordId, kind: Kind, scope: String) -> Record {
        Record { id, kind, scope, fields: BTreeMap::new() }
    }

    /// An empty record for the record an op writes.
    pub fn for_op(op: &Op) -> Record {
        Record::new(op.record.clone(), op.kind, op.scope.clone())
    }

    /// Applies an op to its field; returns whether anything changed.
    pub fn apply(&mut self, op: &Op) -> bool {
        self.fields.entry(op.field.clone()).or_default().apply_op(op)
    }

    /// The shown value of a field (`Value::Null` when never written).
    pub fn value(&self, field: &str) -> &Value {
        self.fields.get(field).map_or(&Value::Null, FieldState::value)
    }

    /// The shown value of a text field, or "".
    pub fn text(&self, field: &str) -> &str {
        self.value(field).as_text()
    }

    /// Whether the record is marked deleted.
    pub fn is_deleted(&self) -> bool {
        matches!(self.value(DELETED), Value::Bool(true))
    }

    /// The names of the fields in conflict.
    pub fn conflicts(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().filter(|(_, state)| state.is_conflict()).map(|(name, _)| name.as_str())
    }
}
