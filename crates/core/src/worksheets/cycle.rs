//! PDSA cycles: the stage a cycle has reached, derived from what has been written.
//!
//! The stage is never stored: it follows the worksheet, so it cannot disagree with it or
//! conflict on its own. Never validates (see `schema`).

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

/// The live (not deleted) cycles in a scope, newest first. Record ids are UUIDv7, so id order
/// is creation order.
pub fn newest_first<'a>(records: impl IntoIterator<Item = &'a Record>, scope: &str) -> Vec<&'a Record> {
    let mut cycles: Vec<&Record> =
        records.into_iter().filter(|r| r.kind == Kind::Cycle && r.scope == scope && !r.is_deleted()).collect();
    crate::order::sort_by(&mut cycles, |a, b| b.id.cmp(&a.id));
    cycles
}

/// The ramp of a change idea: its live cycles in the order they were run, by start date and
/// creation, each after the one it follows (a cycle dated before the one it follows still comes
/// after it). A cycle that follows nothing is placed by its own date, so a newer test that was
/// not linked still comes last.
pub fn ramp<'a>(records: impl IntoIterator<Item = &'a Record>, scope: &str, idea: &str) -> Vec<&'a Record> {
    let cycles: Vec<&Record> = records
        .into_iter()
        .filter(|r| r.kind == Kind::Cycle && r.scope == scope && !r.is_deleted() && r.text("change_idea") == idea)
        .collect();
    let by_id: std::collections::HashMap<&str, &Record> = cycles.iter().map(|c| (c.id.as_str(), *c)).collect();
    // The latest start along the "follows" links up to each cycle, and how many links: each
    // cycle's found once, from the nearest cycle up the chain already placed (a long ramp is
    // walked once, not once per cycle).
    let mut placed: std::collections::HashMap<&str, (&str, usize)> = std::collections::HashMap::new();
    for cycle in &cycles {
        let mut chain = vec![*cycle];
        let mut above = None;
        while let Some(previous) = by_id.get(chain[chain.len() - 1].text("previous")).copied() {
            if let Some(known) = placed.get(previous.id.as_str()) {
                above = Some(*known);
                break;
            }
            if chain.len() > cycles.len() {
                break; // a loop of "follows" links: stop rather than spin
            }
            chain.push(previous);
        }
        for at in chain.into_iter().rev() {
            let here = match above {
                Some((start, depth)) => (at.text("start").max(start), depth + 1),
                None => (at.text("start"), 0),
            };
            placed.insert(at.id.as_str(), here);
            above = Some(here);
        }
    }
    let mut ordered: Vec<((&str, usize), &Record)> = cycles.iter().map(|c| (placed[c.id.as_str()], *c)).collect();
    crate::order::sort_by(&mut ordered, |(ka, a), (kb, b)| (ka, &a.id).cmp(&(kb, &b.id)));
    ordered.into_iter().map(|(_, c)| c).collect()
}

/// The cycle a new cycle of an idea follows: the last of its ramp.
pub fn last_of_ramp<'a>(records: impl IntoIterator<Item = &'a Record>, scope: &str, idea: &str) -> Option<&'a Record> {
    ramp(records, scope, idea).pop()
}

/// A title for the cycle after `previous`, the `number`th of its ramp: a title that ends in a
/// number counts on ("Huddle test 5" → "Huddle test 6"); any other gets the cycle's number
/// ("Teach-back on one ward" → "Teach-back on one ward, cycle 3"). `cycle` is the word for a
/// cycle in the reader's language ("cycle", "ciclo").
pub fn next_title(previous: &str, number: usize, cycle: &str) -> String {
    let previous = previous.trim();
    let previous = previous.strip_suffix(" (next)").unwrap_or(previous).trim_end();
    if previous.is_empty() {
        let mut word = cycle.chars();
        let capital = word.next().map(|c| c.to_uppercase().collect::<String>() + word.as_str()).unwrap_or_default();
        return format!("{capital} {number}");
    }
    let digits = previous.len() - previous.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && digits < previous.len() {
        let (stem, count) = previous.split_at(previous.len() - digits);
        if let Ok(count) = count.parse::<u64>() {
            return format!("{stem}{}", count + 1);
        }
    }
    let stem = match previous.rsplit_once(&format!(", {cycle} ")) {
        Some((stem, n)) if n.chars().all(|c| c.is_ascii_digit()) => stem,
        _ => previous,
    };
    format!("{stem}, {cycle} {number}")
}

/// A reminder of a good PDSA habit that this cycle does not show yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prompt {
    /// No question with a prediction written before the test is run.
    NoPrediction,
    /// Questions numbered from 1 without a prediction.
    QuestionsWithoutPrediction(Vec<usize>),
    /// The first cycle of a ramp does not say how small it is.
    NoScale,
    /// The first cycle of a ramp sounds big.
    BigFirstTest,
    /// No measure linked: what should this change move?
    NoMeasure,
    /// "Adapt" was chosen and no cycle follows yet.
    NextCycle,
}

/// Words that make a first test sound big, in English ("all wards", "the whole hospital");
/// the app gives the reader's language's (`cycle-big-scale-words`).
pub const BIG_SCALE_ENGLISH: &[&str] = &["all", "every", "everyone", "whole", "entire", "hospital"];

/// The prompts for a cycle, given the other cycles of the team (to know whether it is the
/// first of its ramp and whether a cycle follows it) and the words that make a first test
/// sound big in the language it is written in.
pub fn prompts<'a>(cycle: &Record, others: impl IntoIterator<Item = &'a Record>, big_scale: &[&str]) -> Vec<Prompt> {
    let mut prompts = Vec::new();
    let rows = cycle.value("predictions").as_rows();
    let asked: Vec<(usize, bool)> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.get("question").is_some_and(|q| !q.trim().is_empty()))
        .map(|(i, row)| (i + 1, row.get("prediction").is_some_and(|p| !p.trim().is_empty())))
        .collect();
    if asked.is_empty() {
        prompts.push(Prompt::NoPrediction);
    } else {
        let missing: Vec<usize> = asked.iter().filter(|(_, predicted)| !predicted).map(|(n, _)| *n).collect();
        if !missing.is_empty() {
            prompts.push(Prompt::QuestionsWithoutPrediction(missing));
        }
    }
    if cycle.text("previous").is_empty() {
        let scale = cycle.text("scale").to_lowercase();
        let words: Vec<&str> = scale.split(|c: char| !c.is_alphanumeric()).collect();
        if scale.trim().is_empty() {
            prompts.push(Prompt::NoScale);
        } else if big_scale.iter().any(|big| words.contains(big)) {
            prompts.push(Prompt::BigFirstTest);
        }
    }
    if cycle.text("measure").is_empty() {
        prompts.push(Prompt::NoMeasure);
    }
    if cycle.text("decision") == "adapt" {
        let id = cycle.id.as_str();
        let followed = others.into_iter().any(|c| c.kind == Kind::Cycle && !c.is_deleted() && c.text("previous") == id);
        if !followed {
            prompts.push(Prompt::NextCycle);
        }
    }
    prompts
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
        assert_eq!(Stage::of(&cycle(&[("decision", "adopt")])), Stage::Done("adopt"));
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

    fn with_rows(mut record: Record, field: &str, rows: &[&[(&str, &str)]]) -> Record {
        let device = Uuid7::from_parts(1, [9; 10]);
        let value = Value::Rows(
            rows.iter().map(|row| row.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()).collect(),
        );
        let counter = record.fields.len() as u64 + 100;
        record.apply(&Op {
            record: record.id.clone(),
            kind: Kind::Cycle,
            scope: record.scope.clone(),
            field: field.into(),
            value,
            dot: Dot { device: device.clone(), counter },
            hlc: Hlc { wall_ms: counter, counter: 0, device },
            replaces: vec![],
            author: None,
        });
        record
    }

    #[test]
    fn prompts_ask_for_predictions_a_small_first_test_a_measure_and_a_next_cycle() {
        let bare = cycle(&[("title", "t")]);
        assert_eq!(
            prompts(&bare, [], BIG_SCALE_ENGLISH),
            vec![Prompt::NoPrediction, Prompt::NoScale, Prompt::NoMeasure]
        );
        let planned = with_rows(
            cycle(&[("title", "t"), ("scale", "1 patient"), ("measure", "m")]),
            "predictions",
            &[&[("question", "Will nurses use it?"), ("prediction", "Yes, 4 of 5")], &[("question", "How long?")]],
        );
        assert_eq!(prompts(&planned, [], BIG_SCALE_ENGLISH), vec![Prompt::QuestionsWithoutPrediction(vec![2])]);
        let big = cycle(&[("scale", "All wards"), ("measure", "m"), ("previous", "")]);
        assert!(prompts(&big, [], BIG_SCALE_ENGLISH).contains(&Prompt::BigFirstTest));
        let adapted = cycle(&[("scale", "one day"), ("measure", "m"), ("decision", "adapt")]);
        assert!(prompts(&adapted, [], BIG_SCALE_ENGLISH).contains(&Prompt::NextCycle));
        let mut next = Record::new(Uuid7::from_parts(9, [9; 10]), Kind::Cycle, "team:x".into());
        next = with_rows(next, "tasks", &[]);
        let follows = cycle_following(&adapted);
        assert!(!prompts(&adapted, [&next, &follows], BIG_SCALE_ENGLISH).contains(&Prompt::NextCycle));
    }

    fn cycle_following(previous: &Record) -> Record {
        let mut record = cycle(&[("previous", previous.id.as_str())]);
        record.id = Uuid7::from_parts(50, [5; 10]);
        record
    }

    #[test]
    fn a_ramp_follows_the_chain_of_cycles() {
        let make = |n: u8, idea: &str, previous: &str, start: &str| {
            let mut record = cycle(&[("change_idea", idea), ("previous", previous), ("start", start)]);
            record.id = Uuid7::from_parts(u64::from(n), [n; 10]);
            record
        };
        let first = make(1, "huddle", "", "2026-01-10");
        let third = make(2, "huddle", "", "2026-03-01");
        let second = make(3, "huddle", "", "2026-02-01");
        let (third, second) = {
            let mut second = second;
            let mut third = third;
            second = with_field(second, "previous", first.id.as_str());
            third = with_field(third, "previous", second.id.as_str());
            (third, second)
        };
        let other = make(4, "alarms", "", "2026-01-01");
        let ramp: Vec<_> =
            ramp([&third, &other, &second, &first], "team:x", "huddle").iter().map(|c| c.id.clone()).collect();
        assert_eq!(ramp, vec![first.id.clone(), second.id.clone(), third.id.clone()]);
    }

    #[test]
    fn a_newer_unlinked_test_comes_last_in_its_ramp() {
        let make = |n: u8, previous: &str, start: &str| {
            let mut record = cycle(&[("change_idea", "huddle"), ("previous", previous), ("start", start)]);
            record.id = Uuid7::from_parts(u64::from(n), [n; 10]);
            record
        };
        let first = make(1, "", "2026-01-10");
        let second = with_field(make(2, "", "2026-02-01"), "previous", first.id.as_str());
        let adapted =
            with_field(with_field(make(3, "", "2026-03-01"), "previous", second.id.as_str()), "decision", "adapt");
        // Started from the overview, not linked to the ramp: still the newest test.
        let newest = make(4, "", "2026-04-01");
        // Linked, but dated before the cycle it follows: still after it.
        let misdated = with_field(make(5, "", "2026-01-01"), "previous", newest.id.as_str());
        let order: Vec<_> = ramp([&misdated, &newest, &adapted, &second, &first], "team:x", "huddle")
            .iter()
            .map(|c| c.id.clone())
            .collect();
        assert_eq!(
            order,
            vec![first.id.clone(), second.id.clone(), adapted.id.clone(), newest.id.clone(), misdated.id.clone()]
        );
        let last = last_of_ramp([&first, &second, &adapted, &newest], "team:x", "huddle").map(|c| c.id.clone());
        assert_eq!(last, Some(newest.id.clone()));
        assert_eq!(last_of_ramp([&first], "team:x", "alarms"), None);
    }

    #[test]
    fn the_next_title_counts_on() {
        assert_eq!(next_title("Huddle test 5", 6, "cycle"), "Huddle test 6");
        assert_eq!(next_title("Huddle test 9 (next)", 10, "cycle"), "Huddle test 10");
        assert_eq!(next_title("Teach-back on one ward", 3, "cycle"), "Teach-back on one ward, cycle 3");
        assert_eq!(next_title("Teach-back on one ward, cycle 3", 4, "cycle"), "Teach-back on one ward, cycle 4");
        assert_eq!(next_title("2026", 2, "cycle"), "2026, cycle 2");
        assert_eq!(next_title("  ", 2, "cycle"), "Cycle 2");
        assert_eq!(next_title("Reunión breve", 3, "ciclo"), "Reunión breve, ciclo 3");
        assert_eq!(next_title("Reunión breve, ciclo 3", 4, "ciclo"), "Reunión breve, ciclo 4");
        assert_eq!(next_title("", 2, "ciclo"), "Ciclo 2");
    }

    fn with_field(mut record: Record, field: &str, text: &str) -> Record {
        let device = Uuid7::from_parts(1, [8; 10]);
        let replaces = record.fields.get(field).map(|f| f.dots()).unwrap_or_default();
        record.apply(&Op {
            record: record.id.clone(),
            kind: Kind::Cycle,
            scope: record.scope.clone(),
            field: field.into(),
            value: Value::Text(text.into()),
            dot: Dot { device: device.clone(), counter: 1 },
            hlc: Hlc { wall_ms: 1, counter: 0, device },
            replaces,
            author: None,
        });
        record
    }

    #[test]
    fn blank_answers_do_not_advance_the_stage() {
        assert_eq!(Stage::of(&cycle(&[("observations", "   "), ("decision", "")])), Stage::Plan);
    }
}
