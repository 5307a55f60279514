//! Made-up but realistic team data: the one generator behind benchmarks, tests and (later)
//! the demo collaborative.
//!
//! Deterministic: the same seed and shape give the same team, byte for byte. Produces a
//! [`Backup`], the format a device imports. Never reads the clock or a random source.

use std::collections::BTreeMap;

use crate::backup::{Backup, BackupRecord, FORMAT, VERSION};
use crate::drivers::links_value;
use crate::id::{RecordId, Uuid7};
use crate::measure::point_id;
use crate::period::Period;
use crate::record::Kind;
use crate::register::Value;

/// How much data a made-up team holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Measures, each with `points` monthly data points.
    pub measures: usize,
    /// Data points per measure (months, ending with December 2026).
    pub points: usize,
    /// PDSA cycles, spread over the change ideas.
    pub cycles: usize,
}

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn id(&mut self, ms: u64) -> Uuid7 {
        let bytes = self.next().to_be_bytes();
        let more = self.next().to_be_bytes();
        let mut random = [0u8; 10];
        random[..8].copy_from_slice(&bytes);
        random[8..].copy_from_slice(&more[..2]);
        Uuid7::from_parts(ms, random)
    }
}

const IDEAS: &[&str] = &[
    "Safety huddle at shift change",
    "Falls risk screen on admission",
    "Hourly rounding in high-risk bays",
    "Non-slip socks for every patient",
    "Bed alarms for confused patients",
    "Medication review after a fall",
];

/// Measures that are percentages, as the generator makes them.
const MEASURES: &[&str] = &[
    "Patients screened for falls risk",
    "Hourly rounds completed",
    "Patients who feel safe",
    "Staff who know the falls plan",
    "Bed alarms answered within 2 minutes",
    "Patients with a medication review",
    "Patients with non-slip socks",
    "Huddles held",
    "Care plans updated after a fall",
    "Discharges with a falls leaflet",
];

/// A made-up team with its aim, drivers, change ideas, measures with data, and cycles.
pub fn team(seed: u64, name: &str, shape: Shape) -> Backup {
    let mut rng = Rng(seed);
    let base_ms = 1_767_225_600_000; // 2026-01-01
    let team = rng.id(base_ms);
    let mut records = Vec::new();
    let mut push = |id: &RecordId, kind: Kind, fields: Vec<(&str, Value)>| {
        let fields: BTreeMap<String, Value> = fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        records.push(BackupRecord { id: id.clone(), kind, fields });
    };
    let text = |s: &str| Value::Text(s.to_owned());
    push(
        &team,
        Kind::Team,
        vec![("name", text(name)), ("organization", text("St Elsewhere Hospital")), ("site", text("Wards 5–7"))],
    );
    push(
        &crate::aim::id(&team),
        Kind::Aim,
        vec![
            ("what", text("reduce falls with harm")),
            ("how_much", Value::Number(50.0)),
            ("unit", text("% fewer")),
            ("by_when", text("2027-06-30")),
            ("population", text("adults over 65")),
            ("place", text("wards 5 to 7")),
        ],
    );
    let primary: Vec<RecordId> = (0..2).map(|_| rng.id(base_ms + 1)).collect();
    for (id, words) in primary.iter().zip(["Reliable risk assessment", "A safe environment"]) {
        push(id, Kind::Driver, vec![("level", text("primary")), ("text", text(words))]);
    }
    let secondary: Vec<RecordId> = (0..4).map(|_| rng.id(base_ms + 2)).collect();
    for (i, (id, words)) in secondary
        .iter()
        .zip(["Screen every admission", "Know who is at risk", "Clear floors", "Help within reach"])
        .enumerate()
    {
        push(
            id,
            Kind::Driver,
            vec![
                ("level", text("secondary")),
                ("text", text(words)),
                ("links", links_value(&[primary[i / 2].clone()])),
            ],
        );
    }
    let ideas: Vec<RecordId> = (0..IDEAS.len()).map(|_| rng.id(base_ms + 3)).collect();
    for (i, (id, words)) in ideas.iter().zip(IDEAS).enumerate() {
        push(
            id,
            Kind::ChangeIdea,
            vec![("text", text(words)), ("drivers", links_value(&[secondary[i % secondary.len()].clone()]))],
        );
    }
    let mut measures = Vec::new();
    let last = Period::parse("2026-12").expect("a month");
    for m in 0..shape.measures {
        let id = rng.id(base_ms + 4 + m as u64);
        let kind = ["outcome", "process", "balancing"][m % 3];
        push(
            &id,
            Kind::Measure,
            vec![
                ("name", text(MEASURES[m % MEASURES.len()])),
                ("measure_type", text(kind)),
                ("value_type", text("proportion")),
                ("frequency", text("monthly")),
                ("direction", text("up")),
                ("numerator", text("patients screened")),
                ("denominator", text("patients admitted")),
                ("goal", Value::Number(90.0)),
            ],
        );
        // A stable process that improves after the first third: a real shift to find.
        let mut period = last;
        for _ in 1..shape.points {
            period = period.previous();
        }
        for p in 0..shape.points {
            let denominator = 40 + rng.below(40);
            let rate = if p * 3 < shape.points { 55 } else { 75 };
            let numerator = (denominator * (rate - 8 + rng.below(17)) / 100).min(denominator);
            let point = point_id(&team, &id, period);
            let mut fields = vec![
                ("measure", Value::Text(id.to_string())),
                ("period", Value::Text(period.key())),
                ("numerator", Value::Number(numerator as f64)),
                ("denominator", Value::Number(denominator as f64)),
            ];
            if rng.below(12) == 0 {
                fields.push(("note", text("Agency staff covered most night shifts")));
            }
            push(&point, Kind::Datapoint, fields);
            period = period.next();
        }
        measures.push(id);
    }
    let mut previous: BTreeMap<usize, RecordId> = BTreeMap::new();
    for c in 0..shape.cycles {
        let id = rng.id(base_ms + 100 + c as u64);
        let idea = c % ideas.len();
        let month = 1 + (c % 12);
        let mut fields = vec![
            ("title", Value::Text(format!("{} — test {}", IDEAS[idea], c / ideas.len() + 1))),
            ("change_idea", Value::Text(ideas[idea].to_string())),
            ("objective_type", text("test")),
            ("scale", Value::Text(format!("{} patients, one shift", 1 + c / ideas.len()))),
            ("start", Value::Text(format!("2026-{month:02}-05"))),
            ("end", Value::Text(format!("2026-{month:02}-12"))),
            ("observations", text("Nurses used it on most rounds; nights were harder.")),
            ("learning", text("A printed prompt on the board keeps it going.")),
            ("decision", text(["adapt", "adopt", "adapt", "abandon"][c % 4])),
        ];
        if let Some(measure) = measures.get(c % measures.len().max(1)) {
            fields.push(("measure", Value::Text(measure.to_string())));
        }
        if let Some(before) = previous.get(&idea) {
            fields.push(("previous", Value::Text(before.to_string())));
        }
        push(&id, Kind::Cycle, fields);
        previous.insert(idea, id);
    }
    Backup {
        format: FORMAT.to_owned(),
        version: VERSION,
        team,
        exported_at: "2026-12-31T00:00:00Z".to_owned(),
        records,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_team_and_it_imports_cleanly() {
        let shape = Shape { measures: 3, points: 24, cycles: 10 };
        let a = team(7, "Ward 7", shape);
        assert_eq!(a, team(7, "Ward 7", shape));
        assert_ne!(a.team, team(8, "Ward 7", shape).team);
        let (edits, report) = crate::backup::plan(&a, &BTreeMap::new());
        assert!(report.skipped.is_empty(), "{:?}", report.skipped);
        assert_eq!(report.added[&Kind::Datapoint], 72);
        assert_eq!(report.added[&Kind::Cycle], 10);
        assert!(!edits.is_empty());
    }

    #[test]
    fn its_data_has_the_shift_it_was_made_with() {
        let backup = team(1, "Ward 7", Shape { measures: 1, points: 60, cycles: 0 });
        let mut replica = crate::replica::Replica::default();
        let mut clock =
            crate::replica::DeviceClock { device: Uuid7::from_parts(1, [1; 10]), counter: 0, last_hlc: None };
        let (edits, _) = crate::backup::plan(&backup, &BTreeMap::new());
        replica.edit(&mut clock, edits, 1, None);
        let measure = replica.local().values().find(|r| r.kind == Kind::Measure).unwrap();
        let series = crate::measure::series(measure, replica.local().values());
        assert_eq!(series.len(), 60);
        let chart = crate::chart::for_measure(measure, &series);
        assert!(!chart.analysis.signals.is_empty(), "the improvement shows as a signal");
    }
}
