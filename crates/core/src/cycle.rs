//! PDSA cycles: the stage a cycle has reached, derived from what has been written.
//!
//! The stage is never stored: it follows the worksheet, so it cannot disagree with it or
//! conflict on its own. Never validates (see `schema`).

use std::fmt;

use crate::record::{Kind, Record};
use crate::schema::{self, Section, DECISIONS};

/// How far a cycle has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Being planned (only the cycle and Plan parts are filled in).
    Plan,
    /// Being carried out (something is written under Do).
    Do,
    /// Being studied (something is written under Study).
    Study,
    /// Deciding what to do next (next steps written, no decision yet).
    Act,
    /// Finished with a decision: the stored value, "adapt", "adopt" or "abandon".
    Done(&'static str),
}

impl Stage {
    /// The stage a cycle record has reached: the last section with anything written, or done
    /// once an Act decision is chosen.
    pub fn of(cycle: &Record) -> Stage {
        let decision = cycle.text("decision");
        if let Some((stored, _)) = DECISIONS.iter().find(|(stored, _)| *stored == decision) {
            return Stage::Done(stored);
        }
        let written = |section: Section| {
            schema::fields(Kind::Cycle)
                .iter()
                .filter(|spec| spec.section == section)
                .any(|spec| !cycle.value(spec.name).is_blank())
        };
        if written(Section::Act) {
            Stage::Act
        } else if written(Section::Study) {
            Stage::Study
        } else if written(Section::Do) {
            Stage::Do
        } else {
            Stage::Plan
        }
    }

    /// A short machine name, for styling and tests: plan, do, study, act, done.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Plan => "plan",
            Stage::Do => "do",
            Stage::Study => "study",
            Stage::Act => "act",
            Stage::Done(_) => "done",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stage::Plan => f.write_str("Plan"),
            Stage::Do => f.write_str("Do"),
            Stage::Study => f.write_str("Study"),
            Stage::Act => f.write_str("Act"),
            Stage::Done("adapt") => f.write_str("Done: adapted"),
            Stage::Done("adopt") => f.write_str("Done: adopted"),
            Stage::Done(_) => f.write_str("Done: abandoned"),
        }
    }
}

/// The live (not deleted) cycles in a scope, newest first. Record ids are UUIDv7, so id order
/// is creation order.
pub fn newest_first<'a>(records: impl IntoIterator<Item = &'a Record>, scope: &str) -> Vec<&'a Record> {
    let mut cycles: Vec<&Record> =
        records.into_iter().filter(|r| r.kind == Kind::Cycle && r.scope == scope && !r.is_deleted()).collect();
    cycles.sort_by(|a, b| b.id.cmp(&a.id));
    cycles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Hlc;
    use crate::id::{Dot, Uuid7};
    use crate::register::{Op, Value};

    fn cycle(fields: &[(&str, &str)]) -> Record {
        let device = Uuid7::from_parts(1, [1; 10]);
        let id = Uuid7::from_parts(2, [2; 10]);
        let mut record = Record::new(id.clone(), Kind::Cycle, "team:x".into());
        for (i, (field, text)) in fields.iter().enumerate() {
            record.apply(&Op {
                record: id.clone(),
                kind: Kind::Cycle,
                scope: "team:x".into(),
                field: field.to_string(),
                value: Value::Text(text.to_string()),
                dot: Dot { device: device.clone(), counter: i as u64 + 1 },
                hlc: Hlc { wall_ms: i as u64, counter: 0, device: device.clone() },
                replaces: vec![],
                author: None,
            });
        }
        record
    }

    #[test]
    fn stage_follows_the_last_section_written() {
        assert_eq!(Stage::of(&cycle(&[("title", "t"), ("data_plan", "count")])), Stage::Plan);
        assert_eq!(Stage::of(&cycle(&[("title", "t"), ("observations", "went well")])), Stage::Do);
        assert_eq!(Stage::of(&cycle(&[("observations", "x"), ("learning", "y")])), Stage::Study);
        assert_eq!(Stage::of(&cycle(&[("learning", "y"), ("next_steps", "z")])), Stage::Act);
        assert_eq!(Stage::of(&cycle(&[("decision", "adopt")])), Stage::Done("adopt"));
        assert_eq!(Stage::of(&cycle(&[("decision", "adopt")])).to_string(), "Done: adopted");
    }

    #[test]
    fn newest_cycles_come_first_and_other_scopes_are_left_out() {
        let older = Record::new(Uuid7::from_parts(1_000, [0; 10]), Kind::Cycle, "team:x".into());
        let newer = Record::new(Uuid7::from_parts(2_000, [0; 10]), Kind::Cycle, "team:x".into());
        let elsewhere = Record::new(Uuid7::from_parts(3_000, [0; 10]), Kind::Cycle, "team:y".into());
        let team = Record::new(Uuid7::from_parts(4_000, [0; 10]), Kind::Team, "team:x".into());
        let listed: Vec<_> =
            newest_first([&older, &newer, &elsewhere, &team], "team:x").iter().map(|r| r.id.clone()).collect();
        assert_eq!(listed, vec![newer.id.clone(), older.id.clone()]);
    }

    #[test]
    fn blank_answers_do_not_advance_the_stage() {
        assert_eq!(Stage::of(&cycle(&[("observations", "   "), ("decision", "")])), Stage::Plan);
    }
}
