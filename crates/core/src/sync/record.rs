//! Records: an id, a kind, a scope and named fields, each field a multi-value register.
//!
//! Owns how an op lands in a record. Never validates values or decides permissions; that is
//! `schema`'s and the server's job.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::id::{Dot, RecordId};
use crate::register::{FieldState, Op, Value};

/// What a record is. Unknown kinds are refused when decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A team working on the collaborative's aim (scope: the team itself).
    Team,
    /// A PDSA cycle (scope: its team).
    Cycle,
    /// The team's aim (scope: its team; one per team, its id derived from the team's).
    Aim,
    /// One of the team's family of measures (scope: its team).
    Measure,
    /// One period's data for one measure (scope: its team; id derived from measure and period).
    Datapoint,
    /// A primary or secondary driver of the driver diagram (scope: its team).
    Driver,
    /// A change idea (scope: its team, or its collaborative's change package).
    ChangeIdea,
    /// A team's monthly report with its self-score and the faculty's score (scope: its team;
    /// id derived from the team and the month).
    Report,
    /// A comment on a cycle, the aim or a measure (scope: its team; append-only).
    Comment,
    /// A Breakthrough Series Collaborative's own record: topic, aim, dates (scope: itself).
    Collaborative,
    /// One event of the collaborative's calendar (scope: the collaborative).
    Session,
    /// One measure of the collaborative's common measure set (scope: the collaborative).
    MeasureDef,
}

impl Kind {
    /// The kind's name on the wire and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Team => "team",
            Kind::Cycle => "cycle",
            Kind::Aim => "aim",
            Kind::Measure => "measure",
            Kind::Datapoint => "datapoint",
            Kind::Driver => "driver",
            Kind::ChangeIdea => "change_idea",
            Kind::Report => "report",
            Kind::Comment => "comment",
            Kind::Collaborative => "collaborative",
            Kind::Session => "session",
            Kind::MeasureDef => "measure_def",
        }
    }

    /// Every kind a team's scope holds, in the order a team's work is read: team, aim,
    /// measures, data, drivers, change ideas, cycles, reports, comments.
    pub const ALL: [Kind; 9] = [
        Kind::Team,
        Kind::Aim,
        Kind::Measure,
        Kind::Datapoint,
        Kind::Driver,
        Kind::ChangeIdea,
        Kind::Cycle,
        Kind::Report,
        Kind::Comment,
    ];

    /// Every kind a collaborative's scope holds: its own record, its calendar, its common
    /// measures and its change package (drivers and change ideas).
    pub const COLLAB: [Kind; 5] =
        [Kind::Collaborative, Kind::Session, Kind::MeasureDef, Kind::Driver, Kind::ChangeIdea];
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

    /// The value that deletes this record as it stands: the dots of every value the deleter
    /// sees, so that an edit the deleter did not see can be told apart later.
    pub fn deletion(&self) -> Value {
        let rows = self
            .fields
            .iter()
            .filter(|(name, _)| name.as_str() != DELETED)
            .flat_map(|(_, state)| state.siblings())
            .map(|s| {
                BTreeMap::from([
                    ("device".to_owned(), s.dot.device.to_string()),
                    ("counter".to_owned(), s.dot.counter.to_string()),
                ])
            })
            .collect();
        Value::Rows(rows)
    }

    /// The dots seen by the live deletions of this record; `None` when it is not deleted.
    fn deletion_seen(&self) -> Option<Vec<Dot>> {
        let state = self.fields.get(DELETED)?;
        let deletions: Vec<&Value> = state
            .siblings()
            .iter()
            .map(|s| &s.value)
            .filter(|v| matches!(v, Value::Rows(_) | Value::Bool(true)))
            .collect();
        if deletions.is_empty() {
            return None;
        }
        let seen = deletions
            .into_iter()
            .flat_map(Value::as_rows)
            .filter_map(|row| {
                let device = crate::id::Uuid7::parse(row.get("device")?).ok()?;
                Some(Dot { device, counter: row.get("counter")?.parse().ok()? })
            })
            .collect();
        Some(seen)
    }

    /// Whether the record was deleted while someone changed it without seeing the deletion:
    /// a conflict for a person to settle (keep it, or delete it again), never a silent loss.
    pub fn deleted_while_edited(&self) -> bool {
        let Some(seen) = self.deletion_seen() else { return false };
        let bool_only =
            self.fields.get(DELETED).is_some_and(|s| s.siblings().iter().all(|s| !matches!(s.value, Value::Rows(_))));
        !bool_only
            && self
                .fields
                .iter()
                .filter(|(name, _)| name.as_str() != DELETED)
                .flat_map(|(_, state)| state.siblings())
                .any(|s| !seen.contains(&s.dot))
    }

    /// How many things about this record a person must settle: each field with concurrent
    /// values, plus a deletion disputed by an unseen edit. A deleted record has none.
    pub fn open_conflicts(&self) -> usize {
        if self.is_deleted() {
            return 0;
        }
        let fields = self.fields.iter().filter(|(name, state)| name.as_str() != DELETED && state.is_conflict()).count();
        fields + usize::from(self.deleted_while_edited())
    }

    /// Whether the record is deleted (and no unseen edit disputes the deletion).
    pub fn is_deleted(&self) -> bool {
        self.deletion_seen().is_some() && !self.deleted_while_edited()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Hlc;
    use crate::id::Uuid7;
    use crate::register::Op;

    fn op(record: &Record, device: u8, counter: u64, field: &str, value: Value) -> Op {
        let device = Uuid7::from_parts(1, [device; 10]);
        Op {
            record: record.id.clone(),
            kind: record.kind,
            scope: record.scope.clone(),
            field: field.into(),
            replaces: record.fields.get(field).map(|f| f.dots()).unwrap_or_default(),
            value,
            dot: Dot { device: device.clone(), counter },
            hlc: Hlc { wall_ms: counter, counter: 0, device },
            author: None,
        }
    }

    #[test]
    fn a_deletion_that_saw_everything_deletes() {
        let mut record = Record::new(Uuid7::from_parts(5, [5; 10]), Kind::Cycle, "team:x".into());
        record.apply(&op(&record, 1, 1, "title", Value::Text("T".into())));
        let deletion = op(&record, 1, 2, DELETED, record.deletion());
        record.apply(&deletion);
        assert!(record.is_deleted());
        assert!(!record.deleted_while_edited());
    }

    #[test]
    fn an_edit_the_deleter_did_not_see_makes_a_conflict_not_a_loss() {
        let mut on_a = Record::new(Uuid7::from_parts(5, [5; 10]), Kind::Cycle, "team:x".into());
        on_a.apply(&op(&on_a, 1, 1, "title", Value::Text("T".into())));
        let mut on_b = on_a.clone();
        let deletion = op(&on_a, 1, 2, DELETED, on_a.deletion());
        let edit = op(&on_b, 2, 1, "learning", Value::Text("B's learning".into()));
        on_a.apply(&deletion);
        on_b.apply(&edit);
        on_a.apply(&edit);
        on_b.apply(&deletion);
        for merged in [&on_a, &on_b] {
            assert!(merged.deleted_while_edited());
            assert_eq!(merged.open_conflicts(), 1);
            assert!(!merged.is_deleted(), "the record stays visible until someone decides");
        }
        // Keeping it: a write that replaces the deletion.
        let keep = op(&on_a, 2, 2, DELETED, Value::Bool(false));
        on_a.apply(&keep);
        assert!(!on_a.is_deleted() && !on_a.deleted_while_edited());
    }
}
