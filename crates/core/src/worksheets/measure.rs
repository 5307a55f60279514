//! Measures and their data: how a point's value is made, which points are impossible, the
//! series of a measure, and the CSV export of its data.
//!
//! Owns the rules of data entry (numerator ≤ denominator for a percentage, no negative counts,
//! a denominator above zero) and the id of a data point, derived from team, measure and period
//! so that two devices entering the same month meet in one record. Never draws or stores.

use std::collections::BTreeMap;

use crate::id::{RecordId, Uuid7};
use crate::period::Period;
use crate::record::{Kind, Record};
use crate::register::Value;
use crate::schema::{self, Issue, Problem};

/// How a measure's value is made from the data entered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueType {
    /// numerator ÷ denominator, shown as a percentage.
    Proportion,
    /// numerator ÷ denominator × `per`.
    Rate {
        /// The multiplier: 1,000 for "per 1,000 bed days".
        per: f64,
    },
    /// A whole number of events.
    Count,
    /// A measurement: time, score, weight.
    Continuous,
}

impl ValueType {
    /// The value type a measure record declares (a percentage when it declares none).
    pub fn of(measure: &Record) -> ValueType {
        let per = match measure.value("rate_per") {
            Value::Number(n) if *n >= 1.0 => *n,
            _ => 1.0,
        };
        ValueType::from_key(measure.text("value_type"), per)
    }

    /// The value type a `value_type` key names (a rate per `per`); a proportion when unknown.
    pub fn from_key(key: &str, per: f64) -> ValueType {
        match key {
            "rate" => ValueType::Rate { per },
            "count" => ValueType::Count,
            "continuous" => ValueType::Continuous,
            _ => ValueType::Proportion,
        }
    }

    /// Whether data is entered as numerator and denominator.
    pub fn is_ratio(self) -> bool {
        matches!(self, ValueType::Proportion | ValueType::Rate { .. })
    }
}

/// The id of the data point of `measure` for `period` in a team: the same on every device.
pub fn point_id(team: &RecordId, measure: &RecordId, period: Period) -> RecordId {
    Uuid7::derived(team, &format!("{measure}/{}", period.key()))
}

fn number(values: &BTreeMap<String, Value>, field: &str) -> Option<f64> {
    match values.get(field) {
        Some(Value::Number(n)) => Some(*n),
        _ => None,
    }
}

/// The value of a point for its measure: a percentage, a rate, a count or a measurement.
/// `None` when the numbers it needs are missing or impossible.
pub fn value_of(value_type: ValueType, point: &BTreeMap<String, Value>) -> Option<f64> {
    value_from(value_type, number(point, "numerator"), number(point, "denominator"), number(point, "value"))
}

/// [`value_of`] from the three numbers a point may hold.
fn value_from(
    value_type: ValueType,
    numerator: Option<f64>,
    denominator: Option<f64>,
    value: Option<f64>,
) -> Option<f64> {
    match value_type {
        ValueType::Proportion | ValueType::Rate { .. } => {
            let (n, d) = (numerator?, denominator?);
            if d <= 0.0 || n < 0.0 || (value_type == ValueType::Proportion && n > d) {
                return None;
            }
            let per = if let ValueType::Rate { per } = value_type { per } else { 100.0 };
            Some(n / d * per)
        }
        ValueType::Count | ValueType::Continuous => value,
    }
}

/// Every problem with a data point about to be saved for a measure: the field checks of the
/// schema, then the numbers the measure needs and the ones that cannot be.
pub fn check_point(value_type: ValueType, point: &BTreeMap<String, Value>) -> Vec<Problem> {
    let mut problems = schema::check(Kind::Datapoint, point);
    let mut add = |field: &str, issue: Issue| {
        if !problems.iter().any(|p| p.field == field) {
            problems.push(Problem { field: field.to_owned(), issue });
        }
    };
    let blank = |field: &str| point.get(field).is_none_or(Value::is_blank);
    if value_type.is_ratio() {
        if blank("numerator") {
            add("numerator", Issue::MissingNumber("numerator"));
        }
        if blank("denominator") {
            add("denominator", Issue::MissingNumber("denominator"));
        }
        // Numerators and denominators are counts (patients, falls, bed days): whole numbers.
        for field in ["numerator", "denominator"] {
            if number(point, field).is_some_and(|n| n.fract() != 0.0) {
                add(field, Issue::NotWhole);
            }
        }
        if let (Some(n), Some(d)) = (number(point, "numerator"), number(point, "denominator")) {
            if d == 0.0 {
                add("denominator", Issue::ZeroDenominator);
            } else if value_type == ValueType::Proportion && n > d {
                add("numerator", Issue::AboveHundred);
            }
        }
    } else {
        if blank("value") {
            add("value", Issue::MissingNumber(if value_type == ValueType::Count { "count" } else { "value" }));
        }
        if let (ValueType::Count, Some(v)) = (value_type, number(point, "value")) {
            if v < 0.0 {
                add("value", Issue::OutOfRange { min: 0, max: schema::MAX_NUMBER as i64 });
            } else if v.fract() != 0.0 {
                add("value", Issue::NotWhole);
            }
        }
    }
    problems
}

/// One point of a measure's series.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The data point record's id.
    pub id: RecordId,
    /// Its period.
    pub period: Period,
    /// Its value for the measure (`None`: incomplete).
    pub value: Option<f64>,
    /// The numerator, if entered.
    pub numerator: Option<f64>,
    /// The denominator, if entered.
    pub denominator: Option<f64>,
    /// The note, if any.
    pub note: String,
    /// Whether the team marked it as an astronomical point (IHI run chart rule 4: a value
    /// everyone would agree is highly unusual; a judgement, not a calculation).
    pub astronomical: bool,
    /// Whether the team left it out of the chart's calculations (it stays drawn, marked).
    pub excluded: bool,
    /// Why it was left out.
    pub exclude_reason: String,
}

/// The live data points of a measure, in period order.
pub fn series<'a>(measure: &Record, records: impl IntoIterator<Item = &'a Record>) -> Vec<Point> {
    let value_type = ValueType::of(measure);
    let measure_id = measure.id.as_str();
    let mut points: Vec<Point> = records
        .into_iter()
        .filter(|r| r.kind == Kind::Datapoint && r.scope == measure.scope && !r.is_deleted())
        .filter(|r| r.text("measure") == measure_id)
        .filter_map(|r| {
            let period = Period::parse(r.text("period"))?;
            // Read in place: a chart of many points must not copy every field of every point.
            let number = |field: &str| match r.value(field) {
                Value::Number(n) => Some(*n),
                _ => None,
            };
            let (numerator, denominator) = (number("numerator"), number("denominator"));
            Some(Point {
                id: r.id.clone(),
                period,
                value: value_from(value_type, numerator, denominator, number("value")),
                numerator,
                denominator,
                note: r.text("note").to_owned(),
                astronomical: r.text("astronomical") == "yes",
                excluded: r.text("exclude") == "yes",
                exclude_reason: r.text("exclude_reason").to_owned(),
            })
        })
        .collect();
    crate::order::sort_by_key(&mut points, |p| p.period);
    points
}

/// A number for people: whole numbers without decimals, others with at most two.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{n:.0}");
    }
    let text = format!("{n:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The data of measures as CSV (RFC 4180): one row per point, with the value computed.
pub fn csv<'a>(measures: &[&Record], records: impl IntoIterator<Item = &'a Record> + Clone) -> String {
    let mut out = String::from("measure,period,numerator,denominator,value,note\r\n");
    let cell = |n: Option<f64>| n.map(format_number).unwrap_or_default();
    for measure in measures {
        for point in series(measure, records.clone()) {
            let row = [
                quote(measure.text("name")),
                point.period.key(),
                cell(point.numerator),
                cell(point.denominator),
                cell(point.value),
                quote(&point.note),
            ];
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

fn quote(text: &str) -> String {
    // A leading =, +, - or @ would be run as a formula by spreadsheets: keep it text.
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(pairs: &[(&str, Value)]) -> BTreeMap<String, Value> {
        let mut values: BTreeMap<String, Value> = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        values.entry("measure".into()).or_insert(Value::Text(Uuid7::from_parts(1, [1; 10]).to_string()));
        values.entry("period".into()).or_insert(Value::Text("2026-03".into()));
        values
    }

    fn issues(value_type: ValueType, pairs: &[(&str, Value)]) -> Vec<(String, Issue)> {
        check_point(value_type, &point(pairs)).into_iter().map(|p| (p.field, p.issue)).collect()
    }

    #[test]
    fn a_proportion_needs_both_numbers_and_cannot_pass_100_percent() {
        let n = |x: f64| Value::Number(x);
        assert_eq!(issues(ValueType::Proportion, &[("numerator", n(3.0)), ("denominator", n(10.0))]), vec![]);
        assert_eq!(
            issues(ValueType::Proportion, &[("numerator", n(12.0)), ("denominator", n(10.0))]),
            vec![("numerator".into(), Issue::AboveHundred)]
        );
        assert_eq!(
            issues(ValueType::Proportion, &[("numerator", n(3.0))]),
            vec![("denominator".into(), Issue::MissingNumber("denominator"))]
        );
        assert_eq!(
            issues(ValueType::Proportion, &[("numerator", n(0.0)), ("denominator", n(0.0))]),
            vec![("denominator".into(), Issue::ZeroDenominator)]
        );
        assert_eq!(
            value_of(ValueType::Proportion, &point(&[("numerator", n(3.0)), ("denominator", n(12.0))])),
            Some(25.0)
        );
    }

    #[test]
    fn a_rate_may_pass_its_denominator() {
        let n = |x: f64| Value::Number(x);
        let falls = point(&[("numerator", n(4.0)), ("denominator", n(800.0))]);
        assert_eq!(check_point(ValueType::Rate { per: 1000.0 }, &falls), vec![]);
        assert_eq!(value_of(ValueType::Rate { per: 1000.0 }, &falls), Some(5.0));
        let more = point(&[("numerator", n(30.0)), ("denominator", n(20.0))]);
        assert_eq!(check_point(ValueType::Rate { per: 1.0 }, &more), vec![]);
    }

    #[test]
    fn negative_counts_fractions_and_text_are_refused() {
        assert_eq!(
            issues(ValueType::Count, &[("value", Value::Number(-1.0))]),
            vec![("value".into(), Issue::OutOfRange { min: 0, max: 1_000_000_000_000 })]
        );
        assert_eq!(issues(ValueType::Count, &[("value", Value::Number(2.5))]), vec![("value".into(), Issue::NotWhole)]);
        // 12.5 patients out of 40: counts are whole.
        assert_eq!(
            issues(ValueType::Proportion, &[("numerator", Value::Number(12.5)), ("denominator", Value::Number(40.0))]),
            vec![("numerator".into(), Issue::NotWhole)]
        );
        // As typed: "1,100 / 1,250" is 88 %, and "980 / 1,250" is not above 100 %.
        let typed = |t: &str| crate::number::read(t).unwrap().map_or(Value::Null, Value::Number);
        for (n, d) in [("1,100", "1,250"), ("980", "1,250"), ("1 100", "1250.0")] {
            assert_eq!(issues(ValueType::Proportion, &[("numerator", typed(n)), ("denominator", typed(d))]), vec![]);
        }
        // Text that is not a surely-read number says how to write it.
        let half = issues(ValueType::Continuous, &[("value", Value::Text("½".into()))]);
        assert_eq!(half, vec![("value".into(), Issue::BadNumber(crate::number::NumberIssue::Fraction))]);
        assert_eq!(
            issues(ValueType::Proportion, &[("numerator", Value::Number(-2.0)), ("denominator", Value::Number(5.0))]),
            vec![("numerator".into(), Issue::OutOfRange { min: 0, max: 1_000_000_000_000 })]
        );
        assert_eq!(
            issues(ValueType::Continuous, &[("value", Value::Text("12a".into()))]),
            vec![("value".into(), Issue::NotANumber)]
        );
        assert_eq!(issues(ValueType::Continuous, &[("value", Value::Number(-3.5))]), vec![]);
        assert!(Issue::OutOfRange { min: 0, max: 10 }.to_string().contains("negative"));
    }

    #[test]
    fn a_period_and_a_measure_are_required() {
        let mut values = point(&[("value", Value::Number(1.0))]);
        values.insert("period".into(), Value::Text("2026-03-03".into()));
        values.remove("measure");
        let found: Vec<_> = check_point(ValueType::Count, &values).into_iter().map(|p| p.field).collect();
        assert_eq!(found, vec!["period", "measure"]);
    }

    #[test]
    fn the_same_period_of_the_same_measure_has_one_id() {
        let team = Uuid7::from_parts(1, [1; 10]);
        let measure = Uuid7::from_parts(2, [2; 10]);
        let march = Period::parse("2026-03").unwrap();
        assert_eq!(point_id(&team, &measure, march), point_id(&team, &measure, march));
        assert_ne!(point_id(&team, &measure, march), point_id(&team, &measure, march.next()));
    }

    #[test]
    fn numbers_for_people_and_csv_cells() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(12.345), "12.35");
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("=1+1"), "'=1+1");
    }
}
