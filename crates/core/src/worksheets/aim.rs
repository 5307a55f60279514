//! The aim: what a team is trying to accomplish, and what is still missing from it.
//!
//! Owns the coaching a good faculty member gives an aim ("some is not a number, soon is not a
//! time") and the suggested wording of the statement. Never stores anything; one aim per team,
//! its id derived from the team's ([`id`]).

use std::fmt;

use crate::id::{RecordId, Uuid7};
use crate::period::date_label;
use crate::record::Record;
use crate::register::Value;

/// The id of a team's aim: the same on every device, so two devices writing the aim offline
/// meet in one record.
pub fn id(team: &RecordId) -> RecordId {
    Uuid7::derived(team, "aim")
}

/// Something an aim still lacks before it is complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Nothing says what will improve.
    What,
    /// No number: how much.
    Number,
    /// No date: by when.
    Date,
    /// No population: for whom.
    Population,
    /// The statement uses a vague word instead of a number or a time.
    Vague(&'static str),
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gap::What => f.write_str("What will improve? Name it: “falls with harm”, “waiting time”."),
            Gap::Number => f.write_str("How much? “Some” is not a number: give one, e.g. 50 (% fewer)."),
            Gap::Date => f.write_str("By when? “Soon” is not a time: give a date."),
            Gap::Population => {
                f.write_str("For whom? Name the patients or people, e.g. “adults over 65 on wards 5–7”.")
            }
            Gap::Vague(word) => {
                write!(f, "The statement says “{word}”: say exactly how much and by when instead.")
            }
        }
    }
}

/// Words that promise nothing measurable.
const VAGUE: &[&str] = &["some", "soon", "more", "better", "fewer", "less", "asap", "eventually", "improve"];

/// What the aim still lacks, in the order a coach would ask. Empty: the aim is complete.
pub fn gaps(aim: Option<&Record>) -> Vec<Gap> {
    let text = |field: &str| aim.map_or("", |a| a.text(field)).trim();
    let mut gaps = Vec::new();
    if text("what").is_empty() {
        gaps.push(Gap::What);
    }
    if !matches!(aim.map(|a| a.value("how_much")), Some(Value::Number(_))) {
        gaps.push(Gap::Number);
    }
    if text("by_when").is_empty() {
        gaps.push(Gap::Date);
    }
    if text("population").is_empty() {
        gaps.push(Gap::Population);
    }
    let statement = text("statement").to_lowercase();
    let words: Vec<&str> = statement.split(|c: char| !c.is_alphanumeric()).collect();
    if let Some(word) = VAGUE.iter().find(|vague| words.contains(vague)) {
        // A vague word is fine next to a number and a date ("50 % fewer falls by June 2027").
        let has_number = statement.chars().any(|c| c.is_ascii_digit());
        if !has_number || matches!(*word, "soon" | "some" | "asap" | "eventually") {
            gaps.push(Gap::Vague(word));
        }
    }
    gaps
}

/// "50 %", "3 per 1,000 bed days".
fn with_unit(number: &str, unit: &str) -> String {
    if unit.is_empty() {
        number.to_owned()
    } else {
        format!("{number} {unit}")
    }
}

/// What is to change and by how much, as a sentence says it: "reduce falls with harm by 50 %",
/// "reduce falls to 3 per 1,000 bed days", "50 % fewer falls with harm", "patients screened
/// at 90 %".
fn how_much_of(what: &str, number: &str, unit: &str) -> String {
    const CHANGE_VERBS: &[&str] =
        &["reduce", "cut", "lower", "decrease", "halve", "increase", "raise", "improve", "grow", "double"];
    const COMPARATIVES: &[&str] = &["fewer", "less", "lower", "more", "higher", "greater"];
    let first_word = what.split_whitespace().next().unwrap_or_default().to_lowercase();
    let unit = unit.trim();
    let (bare_unit, comparative) = match unit.rsplit_once(' ') {
        Some((rest, last)) if COMPARATIVES.contains(&last) => (rest.trim(), true),
        _ if COMPARATIVES.contains(&unit) => ("", true),
        _ => (unit, false),
    };
    if CHANGE_VERBS.contains(&first_word.as_str()) {
        // A change by a share ("by 50 %") or to a level ("to 3 per 1,000 bed days").
        let by = comparative || bare_unit.starts_with('%') || bare_unit.is_empty();
        format!("{what} {} {}", if by { "by" } else { "to" }, with_unit(number, bare_unit))
    } else if comparative {
        format!("{} {what}", with_unit(number, unit))
    } else {
        format!("{what} at {}", with_unit(number, unit))
    }
}

/// The aim as one sentence: the team's own statement, or else the suggested one.
pub fn statement(aim: &Record) -> String {
    let own = aim.text("statement").trim();
    if own.is_empty() {
        suggest(aim)
    } else {
        own.to_owned()
    }
}

/// A statement assembled from the parts written so far, e.g. "By 30 Jun 2027, reduce falls
/// with harm by 50 % for adults over 65 in wards 5–7." Empty when nothing is written.
pub fn suggest(aim: &Record) -> String {
    let text = |field: &str| aim.text(field).trim().to_owned();
    let mut parts = Vec::new();
    let when = text("by_when");
    if !when.is_empty() {
        parts.push(format!("By {},", date_label(&when)));
    }
    let what = text("what");
    let how_much = match aim.value("how_much") {
        Value::Number(n) => Some(crate::measure::format_number(*n)),
        _ => None,
    };
    match (what.is_empty(), how_much) {
        (_, None) => parts.extend((!what.is_empty()).then_some(what)),
        (true, Some(n)) => parts.push(with_unit(&n, &text("unit"))),
        (false, Some(n)) => parts.push(how_much_of(&what, &n, &text("unit"))),
    }
    let population = text("population");
    if !population.is_empty() {
        parts.push(format!("for {population}"));
    }
    let place = text("place");
    if !place.is_empty() {
        parts.push(format!("in {place}"));
    }
    if parts.is_empty() {
        return String::new();
    }
    let mut sentence = parts.join(" ");
    if let Some(first) = sentence.get(..1) {
        sentence = first.to_uppercase() + &sentence[1..];
    }
    sentence + "."
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Hlc;
    use crate::id::Dot;
    use crate::record::Kind;
    use crate::register::Op;

    fn aim(fields: &[(&str, Value)]) -> Record {
        let team = Uuid7::from_parts(1, [1; 10]);
        let device = Uuid7::from_parts(1, [2; 10]);
        let mut record = Record::new(id(&team), Kind::Aim, crate::record::team_scope(&team));
        for (i, (field, value)) in fields.iter().enumerate() {
            record.apply(&Op {
                record: record.id.clone(),
                kind: Kind::Aim,
                scope: record.scope.clone(),
                field: field.to_string(),
                value: value.clone(),
                dot: Dot { device: device.clone(), counter: i as u64 + 1 },
                hlc: Hlc { wall_ms: 1, counter: i as u32, device: device.clone() },
                replaces: vec![],
                author: None,
            });
        }
        record
    }

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn an_empty_aim_lacks_everything_in_a_coachs_order() {
        assert_eq!(gaps(None), vec![Gap::What, Gap::Number, Gap::Date, Gap::Population]);
        assert!(Gap::Number.to_string().contains("not a number"));
        assert!(Gap::Date.to_string().contains("not a time"));
    }

    #[test]
    fn a_complete_aim_has_no_gaps_and_a_statement() {
        let complete = aim(&[
            ("what", text("reduce falls with harm")),
            ("how_much", Value::Number(50.0)),
            ("unit", text("% fewer")),
            ("by_when", text("2027-06-30")),
            ("population", text("adults over 65")),
            ("place", text("wards 5–7")),
        ]);
        assert_eq!(gaps(Some(&complete)), vec![]);
        assert_eq!(
            suggest(&complete),
            "By 30 Jun 2027, reduce falls with harm by 50 % for adults over 65 in wards 5–7."
        );
        let worded = |what: &str, unit: &str| {
            let parts = aim(&[("what", text(what)), ("how_much", Value::Number(3.0)), ("unit", text(unit))]);
            suggest(&parts)
        };
        assert_eq!(worded("reduce falls", "per 1,000 bed days"), "Reduce falls to 3 per 1,000 bed days.");
        assert_eq!(worded("falls with harm", "% fewer"), "3 % fewer falls with harm.");
        assert_eq!(worded("increase patients screened", "%"), "Increase patients screened by 3 %.");
        assert_eq!(worded("patients screened", "%"), "Patients screened at 3 %.");
    }

    #[test]
    fn vague_words_in_the_statement_are_named() {
        let vague = aim(&[
            ("what", text("falls")),
            ("how_much", Value::Number(50.0)),
            ("by_when", text("2027-06-30")),
            ("population", text("adults")),
            ("statement", text("We will reduce falls soon.")),
        ]);
        assert_eq!(gaps(Some(&vague)), vec![Gap::Vague("soon")]);
        let precise = aim(&[
            ("what", text("falls")),
            ("how_much", Value::Number(50.0)),
            ("by_when", text("2027-06-30")),
            ("population", text("adults")),
            ("statement", text("50 % fewer falls by 30 June 2027.")),
        ]);
        assert_eq!(gaps(Some(&precise)), vec![]);
    }

    #[test]
    fn a_number_written_as_text_is_not_a_number() {
        let wordy = aim(&[("how_much", text("some"))]);
        assert!(gaps(Some(&wordy)).contains(&Gap::Number));
    }

    #[test]
    fn the_aim_id_is_the_same_everywhere_and_per_team() {
        let a = Uuid7::from_parts(1, [1; 10]);
        let b = Uuid7::from_parts(1, [3; 10]);
        assert_eq!(id(&a), id(&a));
        assert_ne!(id(&a), id(&b));
    }
}
