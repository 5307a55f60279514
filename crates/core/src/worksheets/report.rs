//! Monthly reports, scores on the IHI assessment scale, and comments: the rules a team and its
//! faculty share about a month's work.
//!
//! Owns a report's id (one per team and month), reading scores, when two scores differ enough
//! to say so, which cycles belong to a month, and which comments sit on a record and are
//! unread. Never reads the clock: "today" is passed in.

use std::collections::BTreeSet;

use crate::id::{RecordId, Uuid7};
use crate::period::{day_number, Period};
use crate::record::{Kind, Record};
use crate::schema::SCORES;

/// The id of a team's report for a month: the same on every device, so two people writing
/// the same month's report meet in one record.
pub fn id(team: &RecordId, month: Period) -> RecordId {
    Uuid7::derived(team, &format!("report/{}", month.key()))
}

/// The difference between two scores from which a report says they disagree.
pub const DISAGREEMENT: f64 = 1.0;

/// A score field's value as a number, if it holds one of the scale's levels.
pub fn score(report: &Record, field: &str) -> Option<f64> {
    let text = report.text(field);
    SCORES.iter().find(|(stored, _)| *stored == text).and_then(|(stored, _)| stored.parse().ok())
}

/// What a level of the assessment scale means, in words ("Modest improvement: …").
pub fn level_words(score: f64) -> &'static str {
    SCORES
        .iter()
        .find(|(stored, _)| stored.parse::<f64>().ok() == Some(score))
        .map_or("", |(_, words)| words.split_once(" — ").map_or(*words, |(_, rest)| rest))
}

/// The team's and the reviewer's scores of a report, when both are given and differ by a
/// point or more.
pub fn disagreement(report: &Record) -> Option<(f64, f64)> {
    let (team, review) = (score(report, "self_score")?, score(report, "faculty_score")?);
    ((team - review).abs() >= DISAGREEMENT - 1e-9).then_some((team, review))
}

/// The report's month, if it is one.
pub fn month(report: &Record) -> Option<Period> {
    Period::parse(report.text("month")).filter(|p| matches!(p, Period::Month { .. }))
}

/// A team's live reports, newest month first.
pub fn reports<'a>(records: impl IntoIterator<Item = &'a Record>, scope: &str) -> Vec<&'a Record> {
    let mut found: Vec<&Record> = records
        .into_iter()
        .filter(|r| r.kind == Kind::Report && r.scope == scope && !r.is_deleted() && month(r).is_some())
        .collect();
    crate::order::sort_by_key(&mut found, |r| std::cmp::Reverse(month(r)));
    found
}

/// The day a cycle last happened: its end date if it has one, else its start date.
pub fn cycle_day(cycle: &Record) -> Option<i64> {
    day_number(cycle.text("end")).or_else(|| day_number(cycle.text("start")))
}

/// The team's cycles that ran during a month (started, ended or spanned it), oldest first.
pub fn cycles_in<'a>(records: impl IntoIterator<Item = &'a Record>, scope: &str, month: Period) -> Vec<&'a Record> {
    let (first, after) = (month.start_day(), month.next().start_day());
    let mut found: Vec<&Record> = records
        .into_iter()
        .filter(|r| r.kind == Kind::Cycle && r.scope == scope && !r.is_deleted())
        .filter(|r| {
            let start = day_number(r.text("start"));
            let end = day_number(r.text("end"));
            match (start, end) {
                (Some(s), Some(e)) => s < after && e >= first,
                (Some(d), None) | (None, Some(d)) => d >= first && d < after,
                (None, None) => false,
            }
        })
        .collect();
    crate::order::sort_by_key(&mut found, |r| (day_number(r.text("start")), r.id.clone()));
    found
}

/// The comments on a record, oldest first.
pub fn comments_on<'a>(records: impl IntoIterator<Item = &'a Record>, target: &RecordId) -> Vec<&'a Record> {
    let target = target.to_string();
    let mut found: Vec<&Record> = records
        .into_iter()
        .filter(|r| r.kind == Kind::Comment && !r.is_deleted() && r.text("target") == target)
        .collect();
    crate::order::sort_by(&mut found, |a, b| (written_at(a), &a.id).cmp(&(written_at(b), &b.id)));
    found
}

/// Who wrote a comment, as the server stamped it.
pub fn author(comment: &Record) -> Option<&str> {
    comment.fields.get("text")?.shown()?.author.as_deref()
}

/// When a comment was written (its device's clock, milliseconds).
pub fn written_at(comment: &Record) -> u64 {
    comment.fields.get("text").and_then(|f| f.shown()).map_or(0, |s| s.hlc.wall_ms)
}

/// The comments in a scope this device has not shown yet (`seen`: ids shown), by target.
pub fn unread<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    scope: &str,
    seen: &BTreeSet<String>,
) -> Vec<(String, &'a Record)> {
    records
        .into_iter()
        .filter(|r| r.kind == Kind::Comment && r.scope == scope && !r.is_deleted())
        .filter(|r| !seen.contains(r.id.as_str()))
        .map(|r| (r.text("target").to_owned(), r))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Value;
    use crate::replica::{DeviceClock, Edit, Replica};

    /// A fresh device for every write, so no two writes share a dot.
    fn device() -> DeviceClock {
        static NEXT: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(1);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        DeviceClock { device: Uuid7::from_parts(1, [n; 10]), counter: 0, last_hlc: None }
    }

    fn write(replica: &mut Replica, record: &RecordId, kind: Kind, scope: &str, fields: &[(&str, &str)]) {
        let edits = fields
            .iter()
            .map(|(f, v)| Edit {
                record: record.clone(),
                kind,
                scope: scope.to_owned(),
                field: (*f).to_owned(),
                value: Value::Text((*v).to_owned()),
            })
            .collect();
        replica.edit(&mut device(), edits, 1_000, Some("Ana"));
    }

    #[test]
    fn scores_a_point_apart_are_a_disagreement_and_half_a_point_is_not() {
        let team = Uuid7::from_parts(5, [5; 10]);
        let scope = crate::team_scope(&team);
        let month = Period::parse("2026-10").unwrap();
        let mut replica = Replica::default();
        let report = id(&team, month);
        assert_eq!(report, id(&team, month), "the same month gives the same report");
        assert_ne!(report, id(&team, month.next()));
        write(&mut replica, &report, Kind::Report, &scope, &[("month", "2026-10"), ("self_score", "3.5")]);
        let r = replica.record(&report).unwrap();
        assert_eq!(score(r, "self_score"), Some(3.5));
        assert_eq!(disagreement(r), None, "no faculty score yet");
        write(&mut replica, &report, Kind::Report, &scope, &[("faculty_score", "3.0")]);
        assert_eq!(disagreement(replica.record(&report).unwrap()), None);
        write(&mut replica, &report, Kind::Report, &scope, &[("faculty_score", "2.5")]);
        assert_eq!(disagreement(replica.record(&report).unwrap()), Some((3.5, 2.5)));
        assert!(level_words(3.0).starts_with("Modest improvement"));
        assert_eq!(reports(replica.local().values(), &scope).len(), 1);
    }

    #[test]
    fn a_month_holds_the_cycles_that_ran_in_it() {
        let team = Uuid7::from_parts(5, [5; 10]);
        let scope = crate::team_scope(&team);
        let mut replica = Replica::default();
        let cases = [
            ("2026-09-25", "2026-10-02", true),
            ("2026-10-10", "", true),
            ("2026-09-01", "2026-11-30", true),
            ("2026-09-01", "2026-09-30", false),
            ("2026-11-01", "", false),
            ("", "", false),
        ];
        for (i, (start, end, _)) in cases.iter().enumerate() {
            let cycle = Uuid7::from_parts(10 + i as u64, [i as u8; 10]);
            write(&mut replica, &cycle, Kind::Cycle, &scope, &[("title", start), ("start", start), ("end", end)]);
        }
        let found = cycles_in(replica.local().values(), &scope, Period::parse("2026-10").unwrap());
        let starts: Vec<&str> = found.iter().map(|c| c.text("start")).collect();
        let expected: Vec<&str> = cases.iter().filter(|c| c.2).map(|c| c.0).collect();
        let mut expected_sorted = expected.clone();
        expected_sorted.sort();
        assert_eq!(starts, expected_sorted);
    }

    #[test]
    fn comments_sit_on_their_target_and_are_unread_until_seen() {
        let team = Uuid7::from_parts(5, [5; 10]);
        let scope = crate::team_scope(&team);
        let cycle = Uuid7::from_parts(9, [9; 10]);
        let mut replica = Replica::default();
        let (a, b) = (Uuid7::from_parts(20, [1; 10]), Uuid7::from_parts(21, [2; 10]));
        write(&mut replica, &a, Kind::Comment, &scope, &[("target", &cycle.to_string()), ("text", "Nice ramp")]);
        write(&mut replica, &b, Kind::Comment, &scope, &[("target", &cycle.to_string()), ("text", "Next: nights?")]);
        let on = comments_on(replica.local().values(), &cycle);
        assert_eq!(on.iter().map(|c| c.text("text")).collect::<Vec<_>>(), ["Nice ramp", "Next: nights?"]);
        assert_eq!(author(on[0]), Some("Ana"));
        let seen: BTreeSet<String> = [a.to_string()].into();
        let unread = unread(replica.local().values(), &scope, &seen);
        assert_eq!(unread.len(), 1);
        assert_eq!(unread[0].0, cycle.to_string());
    }
}
