//! A team's backup: every live record of the team as readable JSON, and the plan for bringing
//! a backup into a device.
//!
//! Owns the file format and the import rules: a backup is checked field by field with the
//! schema; it adds what the device lacks and fills blank fields, and never overwrites a value
//! the device holds (a difference is reported, not decided). Never reads files or storage.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::id::RecordId;
use crate::record::{team_scope, Kind, Record, DELETED};
use crate::register::Value;
use crate::replica::Edit;
use crate::schema;

/// The `format` of a Ramp team backup.
pub const FORMAT: &str = "ramp-team-backup";
/// The version written; a newer one is refused with a clear message.
pub const VERSION: u32 = 1;
/// The largest backup file read, in bytes.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// A team's backup file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format's version.
    pub version: u32,
    /// The team.
    pub team: RecordId,
    /// When it was made (`YYYY-MM-DDTHH:MM:SSZ`, for people).
    pub exported_at: String,
    /// The team's live records.
    pub records: Vec<BackupRecord>,
}

/// One record in a backup: its shown values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupRecord {
    /// The record's id.
    pub id: RecordId,
    /// Its kind.
    pub kind: Kind,
    /// Its values by field name.
    pub fields: BTreeMap<String, Value>,
}

/// The backup of one team: its live records in kind order, with the values shown.
pub fn export<'a>(team: &RecordId, records: impl IntoIterator<Item = &'a Record>, exported_at: &str) -> Backup {
    let scope = team_scope(team);
    let mut records: Vec<BackupRecord> = records
        .into_iter()
        .filter(|r| r.scope == scope && !r.is_deleted())
        .map(|r| BackupRecord {
            id: r.id.clone(),
            kind: r.kind,
            fields: r
                .fields
                .iter()
                .filter(|(name, state)| name.as_str() != DELETED && !state.value().is_blank())
                .map(|(name, state)| (name.clone(), state.value().clone()))
                .collect(),
        })
        .collect();
    let rank = |kind: Kind| Kind::ALL.iter().position(|k| *k == kind);
    crate::order::sort_by(&mut records, |a, b| (rank(a.kind), &a.id).cmp(&(rank(b.kind), &b.id)));
    Backup {
        format: FORMAT.to_owned(),
        version: VERSION,
        team: team.clone(),
        exported_at: exported_at.to_owned(),
        records,
    }
}

/// Why a file cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_BYTES`].
    TooLarge,
    /// Not JSON, or not shaped like a backup; the parser's words.
    NotABackup(String),
    /// Made by a newer Ramp.
    NewerVersion(u32),
}

/// Reads a backup file.
pub fn read(text: &str) -> Result<Backup, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge);
    }
    #[derive(Deserialize)]
    struct Head {
        format: String,
        version: u32,
    }
    let head: Head = serde_json::from_str(text).map_err(|e| ImportError::NotABackup(e.to_string()))?;
    if head.format != FORMAT {
        return Err(ImportError::NotABackup(format!(
            "its format is “{}”",
            head.format.chars().take(40).collect::<String>()
        )));
    }
    if head.version > VERSION {
        return Err(ImportError::NewerVersion(head.version));
    }
    serde_json::from_str(text).map_err(|e| ImportError::NotABackup(e.to_string()))
}

/// A part of a backup an import leaves out, and why.
#[derive(Clone, Debug, PartialEq)]
pub enum Skipped {
    /// A record whose id does not fit the team (another team's, or a kind out of place).
    IdDoesNotFit {
        /// Its kind.
        kind: Kind,
        /// Its id.
        id: RecordId,
    },
    /// A record whose id this device already uses for something else.
    IdInUse {
        /// Its kind.
        kind: Kind,
        /// Its id.
        id: RecordId,
    },
    /// A value the schema refuses.
    BadValue {
        /// The record's kind.
        kind: Kind,
        /// The record.
        id: RecordId,
        /// The field.
        field: String,
        /// What is wrong with it.
        issue: schema::Issue,
    },
    /// A record with nothing in it.
    Empty {
        /// Its kind.
        kind: Kind,
        /// Its id.
        id: RecordId,
    },
}

/// What an import will do and did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// New records, by kind.
    pub added: BTreeMap<Kind, usize>,
    /// Blank fields of existing records that the backup filled.
    pub filled: usize,
    /// Records already on the device exactly as in the backup.
    pub unchanged: usize,
    /// Fields where the device holds another value: (kind, record id, field). Kept as they are.
    pub kept: Vec<(Kind, RecordId, String)>,
    /// Parts of the backup left out, each with why (the app words them).
    pub skipped: Vec<Skipped>,
}

impl Report {
    /// How many new records in all.
    pub fn added_total(&self) -> usize {
        self.added.values().sum()
    }
}

/// The edits that bring a backup into a device holding `local`, and the report of what they
/// do. Records keep their ids, so importing twice changes nothing the second time.
pub fn plan(backup: &Backup, local: &BTreeMap<RecordId, Record>) -> (Vec<Edit>, Report) {
    let scope = team_scope(&backup.team);
    let mut report = Report::default();
    let mut edits = Vec::new();
    for record in &backup.records {
        let id_fits = Kind::ALL.contains(&record.kind)
            && match record.kind {
                Kind::Team => record.id == backup.team,
                Kind::Aim => record.id == crate::aim::id(&backup.team),
                _ => record.id != backup.team,
            };
        if !id_fits {
            report.skipped.push(Skipped::IdDoesNotFit { kind: record.kind, id: record.id.clone() });
            continue;
        }
        let existing = local.get(&record.id);
        if let Some(existing) = existing {
            if existing.kind != record.kind || existing.scope != scope {
                report.skipped.push(Skipped::IdInUse { kind: record.kind, id: record.id.clone() });
                continue;
            }
        }
        let mut writes = Vec::new();
        for (field, value) in &record.fields {
            if let Err(issue) = schema::check_field(record.kind, field, value) {
                report.skipped.push(Skipped::BadValue {
                    kind: record.kind,
                    id: record.id.clone(),
                    field: field.clone(),
                    issue,
                });
                continue;
            }
            let here = existing.map_or(&Value::Null, |r| r.value(field));
            if here == value || value.is_blank() {
                continue;
            }
            if here.is_blank() {
                writes.push(Edit {
                    record: record.id.clone(),
                    kind: record.kind,
                    scope: scope.clone(),
                    field: field.clone(),
                    value: value.clone(),
                });
            } else {
                report.kept.push((record.kind, record.id.clone(), field.clone()));
            }
        }
        match existing {
            None if writes.is_empty() => {
                report.skipped.push(Skipped::Empty { kind: record.kind, id: record.id.clone() });
            }
            None => *report.added.entry(record.kind).or_default() += 1,
            Some(_) if writes.is_empty() && !report.kept.iter().any(|(_, id, _)| id == &record.id) => {
                report.unchanged += 1
            }
            Some(_) => report.filled += writes.len(),
        }
        edits.extend(writes);
    }
    (edits, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::Uuid7;
    use crate::replica::{DeviceClock, Replica};

    fn team() -> RecordId {
        Uuid7::from_parts(1_000, [1; 10])
    }

    fn replica_with(edits: Vec<Edit>) -> Replica {
        let mut replica = Replica::default();
        let mut clock = DeviceClock { device: Uuid7::from_parts(1, [9; 10]), counter: 0, last_hlc: None };
        replica.edit(&mut clock, edits, 5_000, None);
        replica
    }

    fn edit(record: &RecordId, kind: Kind, field: &str, value: Value) -> Edit {
        Edit { record: record.clone(), kind, scope: team_scope(&team()), field: field.into(), value }
    }

    fn sample() -> Replica {
        let cycle = Uuid7::from_parts(2_000, [2; 10]);
        let measure = Uuid7::from_parts(3_000, [3; 10]);
        replica_with(vec![
            edit(&team(), Kind::Team, "name", Value::Text("Ward 7".into())),
            edit(&cycle, Kind::Cycle, "title", Value::Text("Huddle".into())),
            edit(&measure, Kind::Measure, "name", Value::Text("Falls".into())),
            edit(&measure, Kind::Measure, "baseline", Value::Number(9.5)),
        ])
    }

    #[test]
    fn export_then_import_into_a_fresh_device_brings_everything_and_twice_changes_nothing() {
        let source = sample();
        let backup = export(&team(), source.local().values(), "2026-11-28T08:00:00Z");
        let text = serde_json::to_string_pretty(&backup).unwrap();
        let read_back = read(&text).unwrap();
        assert_eq!(read_back, backup);
        let (edits, report) = plan(&read_back, &BTreeMap::new());
        assert_eq!(report.added_total(), 3);
        assert_eq!(report.added[&Kind::Measure], 1);
        assert!(report.skipped.is_empty() && report.kept.is_empty());
        let fresh = replica_with(edits);
        assert_eq!(export(&team(), fresh.local().values(), "2026-11-28T08:00:00Z"), backup);
        let (again, report) = plan(&read_back, fresh.local());
        assert!(again.is_empty());
        assert_eq!(report.unchanged, 3);
    }

    #[test]
    fn values_the_device_holds_are_kept_and_reported() {
        let source = sample();
        let mut backup = export(&team(), source.local().values(), "now");
        let device = replica_with(vec![edit(&team(), Kind::Team, "name", Value::Text("Ward Seven".into()))]);
        backup.records[0].fields.insert("site".into(), Value::Text("North".into()));
        let (edits, report) = plan(&backup, device.local());
        assert_eq!(report.kept, vec![(Kind::Team, team(), "name".to_owned())]);
        assert_eq!(report.filled, 1, "the blank site is filled");
        assert!(!edits.iter().any(|e| e.kind == Kind::Team && e.field == "name"));
    }

    #[test]
    fn bad_files_and_bad_fields_are_refused_with_reasons() {
        assert!(matches!(read("not json"), Err(ImportError::NotABackup(_))));
        assert!(matches!(read(r#"{"format":"other","version":1}"#), Err(ImportError::NotABackup(_))));
        assert_eq!(read(r#"{"format":"ramp-team-backup","version":9}"#), Err(ImportError::NewerVersion(9)));
        let source = sample();
        let mut backup = export(&team(), source.local().values(), "now");
        let measure = backup.records.iter_mut().find(|r| r.kind == Kind::Measure).unwrap();
        measure.fields.insert("baseline".into(), Value::Text("lots".into()));
        measure.fields.insert("colour".into(), Value::Text("red".into()));
        let stranger = BackupRecord { id: Uuid7::from_parts(9, [9; 10]), kind: Kind::Team, fields: BTreeMap::new() };
        backup.records.push(stranger);
        let (edits, report) = plan(&backup, &BTreeMap::new());
        assert_eq!(report.skipped.len(), 3, "{:?}", report.skipped);
        assert!(
            report.skipped.iter().any(|s| matches!(s, Skipped::BadValue { field, issue: schema::Issue::NotANumber, .. } if field == "baseline")),
            "{:?}",
            report.skipped
        );
        assert!(edits.iter().any(|e| e.field == "name" && e.kind == Kind::Measure));
    }
}
