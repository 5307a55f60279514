//! Sharing between the teams of a collaborative (issue 20).
//!
//! A collaborative's faculty switch sharing on with its `sharing` field. While it is on, the
//! members and coaches of each of its teams may read, never write, what other teams of the
//! same collaborative do: their aims, measures and data, drivers, change ideas, cycles and
//! comments, and from their monthly reports only what a storyboard shows (the month, the
//! team's own score and its words for a learning session). They may comment on it. A team's
//! data never reaches a collaborative it is not part of, and the faculty's scores and the
//! team's reports stay with the team, its coach and faculty.
//!
//! When sharing goes off, other teams' devices get nothing new; what they received stays on
//! them, readable, until they remove it.

use crate::record::Kind;
use crate::register::{FieldState, Value};

/// The collaborative's field that switches sharing on.
pub const FIELD: &str = "sharing";

/// The value of [`FIELD`] that means on.
pub const ON: &str = "on";

/// The kinds other teams read whole while sharing is on: every kind of a team's scope but its
/// monthly reports.
pub fn whole_kinds() -> impl Iterator<Item = Kind> {
    Kind::ALL.into_iter().filter(|kind| *kind != Kind::Report)
}

/// The fields of a monthly report other teams read: what a storyboard shows of it.
pub const REPORT_FIELDS: &[&str] = &["month", "self_score", "learned", "next"];

/// Whether a field of a kind reaches the other teams of the collaborative while sharing is on.
pub fn is_shared(kind: Kind, field: &str) -> bool {
    match kind {
        Kind::Report => REPORT_FIELDS.contains(&field),
        kind => Kind::ALL.contains(&kind),
    }
}

/// Whether a collaborative's sharing field says on. A conflict (faculty who switched it both
/// ways without seeing each other) counts as off until someone resolves it: sharing is on only
/// when every value says so.
pub fn is_on(state: &FieldState) -> bool {
    !state.is_empty() && state.siblings().iter().all(|s| s.value == Value::Text(ON.to_owned()))
}

/// The pull cursor under which a device receives what other teams share of a team scope: kept
/// apart from the scope's own cursor, so a person who later joins the team receives the whole
/// team from the start, not only what was shared.
pub fn cursor_key(scope: &str) -> String {
    format!("shared:{scope}")
}

/// The role stamped on what a person writes in another team's scope (their comments).
pub const VISITOR_ROLE: &str = "other team";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::{Dot, Uuid7};
    use crate::register::Sibling;
    use crate::Hlc;

    fn sibling(value: &str, n: u8) -> Sibling {
        let device = Uuid7::from_parts(1, [n; 10]);
        Sibling {
            value: Value::Text(value.to_owned()),
            dot: Dot { device: device.clone(), counter: 1 },
            hlc: Hlc { wall_ms: 1, counter: 0, device },
            author: None,
        }
    }

    #[test]
    fn sharing_is_on_only_when_every_value_says_on() {
        assert!(!is_on(&FieldState::default()), "never set: off");
        assert!(is_on(&FieldState::from_siblings(vec![sibling("on", 1)])));
        assert!(!is_on(&FieldState::from_siblings(vec![sibling("off", 1)])));
        assert!(!is_on(&FieldState::from_siblings(vec![sibling("on", 1), sibling("off", 2)])), "a conflict is off");
    }

    #[test]
    fn reports_share_only_what_a_storyboard_shows_and_collaborative_records_are_not_team_data() {
        assert!(is_shared(Kind::Cycle, "title") && is_shared(Kind::Datapoint, "numerator"));
        assert!(is_shared(Kind::Report, "self_score") && is_shared(Kind::Report, "learned"));
        for private in ["faculty_score", "faculty_note", "barriers", "help_needed", "progress"] {
            assert!(!is_shared(Kind::Report, private), "{private}");
        }
        assert!(!is_shared(Kind::Session, "start"));
        assert_eq!(cursor_key("team:x"), "shared:team:x");
    }
}
