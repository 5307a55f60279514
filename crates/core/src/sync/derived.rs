//! Ids that every device must agree on, derived from a team and a key (DESIGN.md §4): a
//! team's aim, a report from team + month, a data point from team + measure + period, and a
//! team's adopted copy of a collaborative's measure or change idea from team + source.
//!
//! Owns which kinds are derived, which fields make their key, and the one check the server
//! runs on every op that creates a record or writes a key field: nobody may create a record
//! under an id that is derived for another kind, team or key (squatting it would refuse the
//! real team's writes for good). Derived ids keep their team's creation time
//! ([`Uuid7::derived`]), so the ids derived from a team are recognisable without knowing the
//! key: an id with a team's time is that team's derived id, or nothing. Never does IO: the
//! caller passes the key's values and whether another team has the id's time.

use crate::id::{RecordId, Uuid7};
use crate::period::Period;
use crate::record::{Kind, Scope};
use crate::register::Value;
use crate::schema::Issue;

/// The id of a team's copy of a collaborative's record (a common measure, a change idea):
/// the same on every device, so adopting twice, or on two devices, makes one copy.
pub fn adopted_id(team: &RecordId, source: &RecordId) -> RecordId {
    Uuid7::derived(team, &format!("adopted/{source}"))
}

/// The fields whose values, beside the team, make a derived record's id.
pub fn key_fields(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Report => &["month"],
        Kind::Datapoint => &["measure", "period"],
        Kind::Measure => &["common"],
        Kind::ChangeIdea => &["source"],
        _ => &[],
    }
}

/// Whether every record of this kind has a derived id (never a random one).
pub fn always_derived(kind: Kind) -> bool {
    matches!(kind, Kind::Team | Kind::Aim | Kind::Report | Kind::Datapoint)
}

/// Whether `id` carries `team`'s creation time, as every id derived from the team does.
pub fn in_team_space(id: &RecordId, team: &RecordId) -> bool {
    id.unix_ms() == team.unix_ms()
}

/// The id a record of `kind` in `team` must have when its key fields hold what `key` says;
/// `None` when ids of the kind are not derived, or the key is missing or not well formed.
pub fn expected_id<'a>(kind: Kind, team: &RecordId, key: impl Fn(&str) -> Option<&'a Value>) -> Option<RecordId> {
    let link = |field: &str| key(field).and_then(|v| Uuid7::parse(v.as_text()).ok());
    match kind {
        Kind::Team => Some(team.clone()),
        Kind::Aim => Some(crate::aim::id(team)),
        Kind::Report => match Period::parse(key("month")?.as_text())? {
            month @ Period::Month { .. } => Some(crate::report::id(team, month)),
            Period::Week { .. } => None,
        },
        Kind::Datapoint => {
            let period = Period::parse(key("period")?.as_text())?;
            Some(crate::measure::point_id(team, &link("measure")?, period))
        }
        Kind::Measure => Some(adopted_id(team, &link("common")?)),
        Kind::ChangeIdea => Some(adopted_id(team, &link("source")?)),
        _ => None,
    }
}

/// Checks a record's id against its kind, scope and key, for an op that creates the record
/// or writes one of its key fields. `key` gives the record's key values (as written in the
/// same push, or stored); `other_team_has_time` says whether a team other than the scope's
/// was created at the id's time (its derived ids carry that time).
pub fn check<'a>(
    kind: Kind,
    scope: &str,
    id: &RecordId,
    key: impl Fn(&str) -> Option<&'a Value>,
    other_team_has_time: bool,
) -> Result<(), Issue> {
    match Scope::parse(scope) {
        Some(Scope::Team(team)) if in_team_space(id, &team) => {
            // Among the team's derived ids: it must be the one its kind and key give.
            match expected_id(kind, &team, key) {
                Some(expected) if &expected == id => Ok(()),
                _ => Err(Issue::DerivedId),
            }
        }
        Some(Scope::Team(_)) if always_derived(kind) || other_team_has_time => Err(Issue::DerivedId),
        Some(Scope::Collab(collab)) if kind == Kind::Collaborative && &collab == id => Ok(()),
        Some(Scope::Collab(_)) if other_team_has_time => Err(Issue::DerivedId),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, Value> {
        pairs.iter().map(|(k, v)| (k.to_string(), Value::Text(v.to_string()))).collect()
    }

    #[test]
    fn each_derived_kind_is_accepted_under_its_own_id_only() {
        let team = Uuid7::from_parts(1_767_225_600_000, [3; 10]);
        let other = Uuid7::from_parts(1_767_225_700_000, [4; 10]);
        let scope = format!("team:{team}");
        let measure = Uuid7::from_parts(1_767_225_900_000, [5; 10]);
        let month = Period::parse("2026-03").unwrap();
        let point = crate::measure::point_id(&team, &measure, month);
        let report = crate::report::id(&team, month);
        let aim = crate::aim::id(&team);
        let point_key = values(&[("measure", measure.as_str()), ("period", "2026-03")]);
        let report_key = values(&[("month", "2026-03")]);
        let none = BTreeMap::new();
        let ok = |kind, id: &RecordId, key: &BTreeMap<String, Value>| check(kind, &scope, id, |f| key.get(f), false);
        assert_eq!(ok(Kind::Aim, &aim, &none), Ok(()));
        assert_eq!(ok(Kind::Datapoint, &point, &point_key), Ok(()));
        assert_eq!(ok(Kind::Report, &report, &report_key), Ok(()));
        assert_eq!(ok(Kind::Measure, &adopted_id(&team, &measure), &values(&[("common", measure.as_str())])), Ok(()));
        // Another kind, or the same kind with another key, under a derived id.
        for (kind, id, key) in [
            (Kind::Comment, &aim, &none),
            (Kind::Cycle, &report, &none),
            (Kind::Report, &point, &report_key),
            (Kind::Datapoint, &point, &values(&[("measure", measure.as_str()), ("period", "2026-04")])),
            (Kind::Datapoint, &point, &values(&[("measure", measure.as_str())])),
            (Kind::Report, &report, &values(&[("month", "2026-04")])),
            (Kind::Aim, &report, &none),
        ] {
            assert_eq!(ok(kind, id, key), Err(Issue::DerivedId), "{kind:?} {id}");
        }
        // Another team's derived id, in this team or a collaborative.
        let theirs = crate::aim::id(&other);
        assert_eq!(check(Kind::Cycle, &scope, &theirs, |_| None, true), Err(Issue::DerivedId));
        assert_eq!(check(Kind::Session, &format!("collab:{measure}"), &theirs, |_| None, true), Err(Issue::DerivedId));
        // A derived kind under a random id.
        assert_eq!(check(Kind::Datapoint, &scope, &measure, |f| point_key.get(f), false), Err(Issue::DerivedId));
        // Ordinary records with ordinary ids.
        assert_eq!(check(Kind::Cycle, &scope, &measure, |_| None, false), Ok(()));
        assert_eq!(check(Kind::Measure, &scope, &measure, |_| None, false), Ok(()));
        let collab = Uuid7::from_parts(1_767_225_600_000, [9; 10]);
        assert_eq!(check(Kind::Collaborative, &format!("collab:{collab}"), &collab, |_| None, true), Ok(()));
    }
}
