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

/// A measure the generator makes: a percentage, each with its own definition, and its months
/// moving from `before` to `after` (in %) once the team's changes take hold.
struct SampleMeasure {
    name: &'static str,
    kind: &'static str,
    /// "up" or "down": which way is better.
    direction: &'static str,
    numerator: &'static str,
    denominator: &'static str,
    definition: &'static str,
    goal: f64,
    before: u64,
    after: u64,
}

/// The measures of a falls team, the aim's outcome first; a team with more measures repeats
/// them in order.
const MEASURES: &[SampleMeasure] = &[
    SampleMeasure {
        name: "Patients who had a fall with harm",
        kind: "outcome",
        direction: "down",
        numerator: "Patients who fell in the month and were harmed (any injury, from a bruise up)",
        denominator: "Patients on the ward at any time in the month",
        definition:
            "From the incident reports, checked against the ward's falls log; a patient who falls twice counts once.",
        goal: 3.0,
        before: 9,
        after: 4,
    },
    SampleMeasure {
        name: "Patients screened for falls risk",
        kind: "process",
        direction: "up",
        numerator: "Patients with the falls risk screen completed within 24 hours of admission",
        denominator: "Patients admitted in the month",
        definition: "From the admission records; a screen after 24 hours does not count.",
        goal: 90.0,
        before: 55,
        after: 78,
    },
    SampleMeasure {
        name: "Hourly rounds completed",
        kind: "process",
        direction: "up",
        numerator: "Hourly rounds signed for in the high-risk bays",
        denominator: "Hourly rounds due in the high-risk bays (24 a day per bay)",
        definition: "Counted from the rounding charts on five random days of the month.",
        goal: 95.0,
        before: 60,
        after: 82,
    },
    SampleMeasure {
        name: "Patients restrained or sedated to prevent falls",
        kind: "balancing",
        direction: "down",
        numerator: "Patients given bed rails, restraint or sedation to stop them getting up",
        denominator: "Patients on the ward at any time in the month",
        definition: "From the drug charts and the restraint log: the cost a falls programme must not push up.",
        goal: 5.0,
        before: 12,
        after: 8,
    },
    SampleMeasure {
        name: "Patients with non-slip socks",
        kind: "process",
        direction: "up",
        numerator: "Patients seen wearing non-slip socks or their own safe footwear",
        denominator: "Patients checked on the monthly walk-round",
        definition: "One walk-round in the second week of the month, every bed.",
        goal: 90.0,
        before: 45,
        after: 70,
    },
];

/// The falls driver diagram: two primary drivers, each with two secondary drivers, handed to
/// `add` as (id, fields); returns the secondary drivers' ids (for change ideas to link to).
fn falls_drivers(
    rng: &mut Rng,
    primary_ms: u64,
    secondary_ms: u64,
    mut add: impl FnMut(RecordId, Vec<(&'static str, Value)>),
) -> Vec<RecordId> {
    let text = |s: &str| Value::Text(s.to_owned());
    let primary: Vec<RecordId> = (0..2).map(|_| rng.id(primary_ms)).collect();
    for (id, words) in primary.iter().zip(["Reliable risk assessment", "A safe environment"]) {
        add(id.clone(), vec![("level", text("primary")), ("text", text(words))]);
    }
    let secondary: Vec<RecordId> = (0..4).map(|_| rng.id(secondary_ms)).collect();
    for (i, (id, words)) in secondary
        .iter()
        .zip(["Screen every admission", "Know who is at risk", "Clear floors", "Help within reach"])
        .enumerate()
    {
        add(
            id.clone(),
            vec![
                ("level", text("secondary")),
                ("text", text(words)),
                ("links", links_value(&[primary[i / 2].clone()])),
            ],
        );
    }
    secondary
}

/// A made-up team with its aim, drivers, change ideas, measures with data ending December
/// 2026, and cycles.
pub fn team(seed: u64, name: &str, shape: Shape) -> Backup {
    team_until(seed, name, shape, Period::Month { year: 2026, month: 12 }, &Story::default())
}

/// How a made-up team's months go: when its measures improve, and whether it went quiet.
#[derive(Clone, Debug, Default)]
pub struct Story {
    /// The share of the months (in thirds) before the improvement: 0 means the default, one third.
    pub shift_third: usize,
    /// Months at the end without cycles or data (a team that has gone quiet).
    pub quiet_months: usize,
    /// The collaborative's common measures the first measures report, in order.
    pub common: Vec<RecordId>,
    /// Months after the last month of data that still have cycles (this month's work).
    pub cycles_after: usize,
    /// The collaborative's change package, in the order of the sample's ideas: the team's
    /// ideas are adopted copies of these (ids derived from team and source).
    pub package: Vec<RecordId>,
    /// Ideas the team adapted: (which idea, the team's own wording).
    pub adapted: Vec<(usize, &'static str)>,
    /// Ideas the team came to on its own, not from the package (by their place in it).
    pub own: Vec<usize>,
}

/// A made-up team whose monthly data ends with `last`, its cycles spread over the same months.
pub fn team_until(seed: u64, name: &str, shape: Shape, last: Period, story: &Story) -> Backup {
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
    let secondary = falls_drivers(&mut rng, base_ms + 1, base_ms + 2, |id, fields| push(&id, Kind::Driver, fields));
    let ideas: Vec<RecordId> = (0..IDEAS.len())
        .map(|i| {
            let id = rng.id(base_ms + 3);
            match story.package.get(i) {
                Some(source) if !story.own.contains(&i) => crate::derived::adopted_id(&team, source),
                _ => id,
            }
        })
        .collect();
    for (i, (id, words)) in ideas.iter().zip(IDEAS).enumerate() {
        let words = story.adapted.iter().find(|(a, _)| *a == i).map_or(*words, |(_, own)| *own);
        let mut fields =
            vec![("text", text(words)), ("drivers", links_value(&[secondary[i % secondary.len()].clone()]))];
        if let Some(source) = story.package.get(i).filter(|_| !story.own.contains(&i)) {
            fields.push(("source", Value::Text(source.to_string())));
        }
        push(id, Kind::ChangeIdea, fields);
    }
    let mut measures = Vec::new();
    let first = {
        let mut p = last;
        for _ in 1..shape.points {
            p = p.previous();
        }
        p
    };
    let data_points = shape.points.saturating_sub(story.quiet_months);
    for m in 0..shape.measures {
        let id = rng.id(base_ms + 4 + m as u64);
        let spec = &MEASURES[m % MEASURES.len()];
        let mut fields = vec![
            ("name", text(spec.name)),
            ("measure_type", text(spec.kind)),
            ("value_type", text("proportion")),
            ("frequency", text("monthly")),
            ("direction", text(spec.direction)),
            ("numerator", text(spec.numerator)),
            ("denominator", text(spec.denominator)),
            ("definition", text(spec.definition)),
            ("goal", Value::Number(spec.goal)),
        ];
        if let Some(common) = story.common.get(m) {
            fields.push(("common", Value::Text(common.to_string())));
        }
        push(&id, Kind::Measure, fields);
        // A stable process that changes after the first third: a real shift to find, with
        // noise in proportion to the level (a few falls a month, dozens of screens).
        let mut period = first;
        let shift = story.shift_third.max(1);
        for p in 0..data_points {
            let denominator = 40 + rng.below(40);
            let rate = if p * 3 < shape.points * shift { spec.before } else { spec.after };
            let noise = (rate / 6).max(1);
            let percent = rate - noise + rng.below(2 * noise + 1);
            let numerator = ((denominator * percent + 50) / 100).min(denominator);
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
        // Cycles spread over the active months, a week long each.
        let active = (shape.points + story.cycles_after).saturating_sub(story.quiet_months).max(1);
        let mut month = first;
        for _ in 0..(c * (active - 1) / shape.cycles.saturating_sub(1).max(1)) {
            month = month.next();
        }
        let month = month.key();
        // The last cycle starts on the 1st: under way, or just done, whatever day it is.
        let day = if c + 1 == shape.cycles { 1 } else { 1 + (c * 7) % 21 };
        let mut fields = vec![
            ("title", Value::Text(format!("{} — test {}", IDEAS[idea], c / ideas.len() + 1))),
            ("change_idea", Value::Text(ideas[idea].to_string())),
            ("objective_type", text("test")),
            (
                "scale",
                Value::Text(match 1 + c / ideas.len() {
                    1 => "1 patient, one shift".to_owned(),
                    n => format!("{n} patients, one shift"),
                }),
            ),
            ("start", Value::Text(format!("{month}-{day:02}"))),
            ("end", Value::Text(format!("{month}-{:02}", day + 6))),
            ("predictions", prediction_rows(c)),
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

/// The questions and predictions of a made-up cycle.
fn prediction_rows(c: usize) -> Value {
    let row = |q: &str, p: &str| {
        BTreeMap::from([("question".to_owned(), q.to_owned()), ("prediction".to_owned(), p.to_owned())])
    };
    Value::Rows(vec![
        row(
            "Will staff use it on every round?",
            ["Most rounds, not nights", "Every day shift", "Half the rounds"][c % 3],
        ),
        row("How long does it take?", "Under two minutes"),
    ])
}

/// A demo collaborative: its own records, its teams' work, and what its faculty and coach
/// wrote about the teams.
#[derive(Clone, Debug, PartialEq)]
pub struct Demo {
    /// The collaborative's id.
    pub collab: RecordId,
    /// The collaborative's records: itself, its calendar, common measures and change package.
    pub records: Vec<BackupRecord>,
    /// Each team's work as its members wrote it (reports with their self-scores included).
    pub teams: Vec<Backup>,
    /// What faculty and the coach wrote in the teams: report scores and comments, by team.
    pub reviews: Vec<(RecordId, BackupRecord)>,
}

/// The demo teams: name, organisation, seed, the third of the months after which they
/// improve, months they have been quiet, and their self-scores' climb.
const DEMO_TEAMS: &[(&str, &str, u64, usize, usize)] = &[
    ("Ward 7 Falls Team", "St Elsewhere Hospital", 71, 1, 0),
    ("Riverside Rehab", "Riverside Community Hospital", 72, 2, 0),
    ("Hillview Care Home", "Hillview Care Group", 73, 2, 2),
];

/// The second demo team's wording of the package's huddle.
pub const DEMO_ADAPTED_HUDDLE: &str =
    "Two-minute huddle at every handover, led by the nurse in charge, agency staff included";

/// The package's ideas each demo team came to on its own (so the library shows ideas adopted by
/// one, two and three teams).
const DEMO_OWN: [&[usize]; 3] = [&[5], &[3], &[4, 5]];

/// What each demo team learned by the last learning session, and what it does next.
const DEMO_LEARNED: [&str; 3] = [
    "Screening sticks when it is on the admission checklist, not a separate form.",
    "Agency staff join the huddle when the nurse in charge invites them by name.",
    "Night staff need their own version of the rounding prompt.",
];
const DEMO_NEXT: [&str; 3] = [
    "Spread the huddle to wards 5 and 6.",
    "Test the huddle on the weekend shifts.",
    "Test a falls champion on nights.",
];

/// The first demo team's rare-event measure: days between falls with harm, one reading a
/// month (the days between that month's last fall and the one before), charted as a T chart:
/// falls grow rarer once the team's changes take hold.
fn days_between_falls(backup: &mut Backup, first: Period, months: usize) {
    const DAYS: [f64; 18] =
        [6.0, 9.0, 4.0, 11.0, 7.0, 5.0, 8.0, 14.0, 19.0, 26.0, 22.0, 35.0, 31.0, 44.0, 38.0, 52.0, 47.0, 60.0];
    let team = backup.team.clone();
    let measure = Rng(4242).id(1_767_225_600_000 + 9);
    let text = |s: &str| Value::Text(s.to_owned());
    let fields = [
        ("name", text("Days between falls with harm")),
        ("measure_type", text("outcome")),
        ("value_type", text("continuous")),
        ("frequency", text("monthly")),
        ("direction", text("up")),
        ("unit", text("days")),
        ("chart", text("t")),
        ("definition", text("Days from the fall with harm before to the last fall with harm in the month.")),
    ];
    let fields = fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    backup.records.push(BackupRecord { id: measure.clone(), kind: Kind::Measure, fields });
    let mut period = first;
    for days in DAYS.iter().skip(DAYS.len().saturating_sub(months)) {
        let fields = BTreeMap::from([
            ("measure".to_owned(), Value::Text(measure.to_string())),
            ("period".to_owned(), Value::Text(period.key())),
            ("value".to_owned(), Value::Number(*days)),
        ]);
        backup.records.push(BackupRecord { id: point_id(&team, &measure, period), kind: Kind::Datapoint, fields });
        period = period.next();
    }
}

/// A realistic demo collaborative on reducing falls whose data ends with the month `last`:
/// three teams, 18 months of monthly data with real shifts, ramps of cycles, monthly reports
/// with self-scores, faculty scores (one month a point apart), and coach comments.
pub fn demo(last: Period) -> Demo {
    const MONTHS: usize = 18;
    let mut rng = Rng(2027);
    let base_ms = 1_735_689_600_000; // 2025-01-01
    let collab = rng.id(base_ms);
    let text = |s: &str| Value::Text(s.to_owned());
    let mut records = Vec::new();
    let push = |records: &mut Vec<BackupRecord>, id: RecordId, kind: Kind, fields: Vec<(&str, Value)>| {
        let fields = fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        records.push(BackupRecord { id, kind, fields });
    };
    let mut first = last;
    for _ in 1..MONTHS {
        first = first.previous();
    }
    let day = |period: Period, day: u32| format!("{}-{day:02}", period.key());
    let month_after = |mut p: Period, n: usize| {
        for _ in 0..n {
            p = p.next();
        }
        p
    };
    push(
        &mut records,
        collab.clone(),
        Kind::Collaborative,
        vec![
            ("name", text("Safer Wards Collaborative")),
            ("topic", text("Reducing falls with harm")),
            ("aim", text("Reduce falls with harm by 50 % across all teams within 18 months, for adults over 65.")),
            ("start", Value::Text(day(first, 1))),
            ("end", Value::Text(day(month_after(first, MONTHS + 2), 28))),
            ("sharing", text(crate::spread::share::ON)),
        ],
    );
    // The last learning session's month: the teams' storyboards for it carry their words.
    let last_session = month_after(first, 12);
    let mut sessions = vec![("expert_meeting", 0, first.previous(), "Online")];
    for n in 0..3 {
        sessions.push(("learning_session", n + 1, month_after(first, n * 6), "Conference centre, Leeds"));
        sessions.push(("action_period", n + 1, month_after(first, n * 6 + 1), "At the teams' sites"));
    }
    sessions.push(("outcomes_congress", 0, month_after(first, MONTHS + 1), "Conference centre, Leeds"));
    for (kind, number, month, place) in sessions {
        let mut fields = vec![("session_type", text(kind)), ("place", text(place))];
        if kind == "action_period" {
            fields.push(("start", Value::Text(day(month, 1))));
            fields.push(("end", Value::Text(day(month_after(month, 4), 28))));
        } else {
            fields.push(("start", Value::Text(day(month, 10))));
            fields.push(("end", Value::Text(day(month, 11))));
        }
        if number > 0 {
            fields.push(("number", Value::Number(number as f64)));
        }
        let id = rng.id(base_ms + 1);
        push(&mut records, id, Kind::Session, fields);
    }
    let mut common = Vec::new();
    for spec in MEASURES.iter().take(3) {
        let id = rng.id(base_ms + 2);
        push(
            &mut records,
            id.clone(),
            Kind::MeasureDef,
            vec![
                ("name", text(spec.name)),
                ("measure_type", text(spec.kind)),
                ("value_type", text("proportion")),
                ("frequency", text("monthly")),
                ("direction", text(spec.direction)),
                ("numerator", text(spec.numerator)),
                ("denominator", text(spec.denominator)),
                ("definition", text(spec.definition)),
                ("goal", Value::Number(spec.goal)),
            ],
        );
        common.push(id);
    }
    let secondary =
        falls_drivers(&mut rng, base_ms + 3, base_ms + 4, |id, fields| push(&mut records, id, Kind::Driver, fields));
    let mut package = Vec::new();
    for (i, words) in IDEAS.iter().enumerate() {
        let id = rng.id(base_ms + 5);
        push(
            &mut records,
            id.clone(),
            Kind::ChangeIdea,
            vec![
                ("text", text(words)),
                ("description", text("Tested by teams in earlier collaboratives.")),
                ("drivers", links_value(&[secondary[i % secondary.len()].clone()])),
            ],
        );
        package.push(id);
    }

    let mut teams = Vec::new();
    let mut reviews = Vec::new();
    for (t, (name, organisation, seed, shift, quiet)) in DEMO_TEAMS.iter().enumerate() {
        let shape = Shape { measures: 4, points: MONTHS, cycles: 14 + 4 * (2 - t) };
        // The second team adapted the huddle to its own wards.
        let adapted = if t == 1 { vec![(0, DEMO_ADAPTED_HUDDLE)] } else { Vec::new() };
        let story = Story {
            shift_third: *shift,
            quiet_months: *quiet,
            common: common.clone(),
            cycles_after: 1,
            package: package.clone(),
            adapted,
            own: DEMO_OWN[t].to_vec(),
        };
        let mut backup = team_until(*seed, name, shape, last, &story);
        let team = backup.team.clone();
        if t == 0 {
            days_between_falls(&mut backup, first, MONTHS);
        }
        if let Some(record) = backup.records.iter_mut().find(|r| r.kind == Kind::Team) {
            record.fields.insert("organization".into(), text(organisation));
        }
        let mut month = first;
        for m in 0..(MONTHS - quiet) {
            let id = crate::report::id(&team, month);
            // Scores climb by half a point every three months once the team improves.
            let climb = (m * 2 / 6) as f64 * 0.5 / (*shift as f64);
            let own = (1.0 + climb).min(4.0);
            let score = |v: f64| Value::Text(format!("{:.1}", (v * 2.0).round() / 2.0));
            let mut fields = vec![
                ("month", Value::Text(month.key())),
                (
                    "progress",
                    text(
                        [
                            "Ran two more cycles on the huddle; nights joined in.",
                            "Screening now on the admission checklist.",
                            "Spread rounding to a second bay.",
                        ][m % 3],
                    ),
                ),
                (
                    "achievements",
                    text(
                        [
                            "Every admission screened for a full week.",
                            "Falls leaflet written with patients.",
                            "Night staff trained.",
                        ][m % 3],
                    ),
                ),
                (
                    "barriers",
                    text(
                        [
                            "Agency staff on nights do not know the plan.",
                            "Short-staffed during the holidays.",
                            "The alarm supplier is late.",
                        ][m % 3],
                    ),
                ),
                (
                    "help_needed",
                    text(
                        ["How other teams brief agency staff.", "", "Data help: our denominator keeps changing."]
                            [m % 3],
                    ),
                ),
                ("self_score", score(own)),
            ];
            if month == last_session {
                fields.push(("learned", text(DEMO_LEARNED[t])));
                fields.push(("next", text(DEMO_NEXT[t])));
            }
            fields.retain(|(_, v)| !v.is_blank());
            push(&mut backup.records, id.clone(), Kind::Report, fields);
            // Faculty score: the same, half a point lower now and then, and once a point apart.
            let review = if t == 1 && m == MONTHS - quiet - 2 {
                own - 1.0
            } else if m % 4 == 3 {
                own - 0.5
            } else {
                own
            };
            let note = if (own - review).abs() >= 1.0 {
                "Process measures moved; outcomes have not yet. Let us talk at the next call."
            } else {
                "Agreed: steady testing, data every month."
            };
            let mut review_fields = BTreeMap::from([("faculty_score".to_owned(), score(review.max(0.5)))]);
            review_fields.insert("faculty_note".to_owned(), text(note));
            reviews.push((team.clone(), BackupRecord { id, kind: Kind::Report, fields: review_fields }));
            month = month.next();
        }
        if t == 2 {
            // A team's own idea that worked, proposed for the change package.
            let idea = rng.id(base_ms + 6);
            let fields = BTreeMap::from([
                ("text".to_owned(), text("Falls champion on every shift")),
                ("description".to_owned(), text("One named person per shift checks socks, alarms and rounding.")),
                ("proposed".to_owned(), text("yes")),
            ]);
            backup.records.push(BackupRecord { id: idea, kind: Kind::ChangeIdea, fields });
        }
        let cycles: Vec<RecordId> =
            backup.records.iter().filter(|r| r.kind == Kind::Cycle).map(|r| r.id.clone()).collect();
        let remarks = [
            "Good ramp. What did night staff say about it?",
            "Try the next test on a second bay before adopting.",
            "Your predictions were spot on — write down why.",
        ];
        for (i, cycle) in cycles.iter().rev().take(3).enumerate() {
            let id = rng.id(base_ms + 10 + i as u64);
            let fields = BTreeMap::from([
                ("target".to_owned(), Value::Text(cycle.to_string())),
                ("text".to_owned(), text(remarks[i])),
            ]);
            reviews.push((team.clone(), BackupRecord { id, kind: Kind::Comment, fields }));
        }
        teams.push(backup);
    }
    Demo { collab, records, teams, reviews }
}

impl Demo {
    /// The whole demo on one device, as faculty's device holds it after a sync: the
    /// collaborative's records, every team's work and the reviews.
    pub fn replica(&self) -> crate::replica::Replica {
        let mut replica = crate::replica::Replica::default();
        let mut clock =
            crate::replica::DeviceClock { device: Uuid7::from_parts(1, [7; 10]), counter: 0, last_hlc: None };
        let edits = |records: &[BackupRecord], scope: &str| -> Vec<crate::replica::Edit> {
            records
                .iter()
                .flat_map(|r| {
                    r.fields.iter().map(|(field, value)| crate::replica::Edit {
                        record: r.id.clone(),
                        kind: r.kind,
                        scope: scope.to_owned(),
                        field: field.clone(),
                        value: value.clone(),
                    })
                })
                .collect()
        };
        replica.edit(&mut clock, edits(&self.records, &format!("collab:{}", self.collab)), 1, None);
        for team in &self.teams {
            replica.edit(&mut clock, edits(&team.records, &crate::team_scope(&team.team)), 2, None);
        }
        for (team, review) in &self.reviews {
            replica.edit(&mut clock, edits(std::slice::from_ref(review), &crate::team_scope(team)), 3, None);
        }
        replica
    }
}

/// Words the sync records' texts are made of.
const WORDS: &[&str] = &[
    "the", "team", "tested", "huddle", "on", "ward", "seven", "with", "night", "staff", "and", "saw", "fewer", "falls",
    "after", "rounds", "patients", "said", "they", "felt", "safer", "when", "bed", "alarms", "were", "answered",
    "quickly", "next", "cycle", "tries", "a", "second", "bay", "for", "one", "week",
];

/// Which of the sync records are measures (the rest are PDSA cycles): every fifth.
fn sync_record_is_measure(n: usize) -> bool {
    n % 5 == 4
}

/// How many of the sync records numbered `numbers` are PDSA cycles (what a team's list of
/// cycles shows of them).
pub fn sync_cycles(numbers: std::ops::Range<usize>) -> usize {
    numbers.filter(|n| !sync_record_is_measure(*n)).count()
}

/// The records a sync benchmark moves, as edits in a team: the records numbered `numbers`,
/// each with its first `fields` fields (at most 10). Four in five are PDSA cycles (texts and
/// dates), every fifth a measure (texts, choices and numbers); every text is 20 to 200
/// characters and says its record's number and `version` ("Cycle 12, version 1: …"), so a
/// changed record can be told from the first one. Deterministic, like the rest of this module.
pub fn sync_records(
    team: &RecordId,
    numbers: std::ops::Range<usize>,
    fields: usize,
    version: usize,
) -> Vec<crate::replica::Edit> {
    const CYCLE: [&str; 10] = [
        "title",
        "objective",
        "start",
        "scale",
        "end",
        "data_plan",
        "observations",
        "problems",
        "comparison",
        "learning",
    ];
    const MEASURE: [&str; 10] = [
        "name",
        "definition",
        "baseline",
        "numerator",
        "goal",
        "denominator",
        "unit",
        "measure_type",
        "value_type",
        "direction",
    ];
    let scope = crate::record::team_scope(team);
    let mut edits = Vec::new();
    for n in numbers {
        let measure = sync_record_is_measure(n);
        let record = Uuid7::from_parts(1_767_225_600_000 + n as u64, [9; 10]);
        let (kind, names) = if measure { (Kind::Measure, MEASURE) } else { (Kind::Cycle, CYCLE) };
        let mut rng = Rng((n as u64) << 8 | version as u64);
        for field in names.iter().take(fields) {
            let value = match *field {
                "start" => Value::Text(format!("2026-{:02}-{:02}", 1 + n % 12, 1 + n % 25)),
                "end" => Value::Text(format!("2026-{:02}-{:02}", 1 + n % 12, 4 + n % 25)),
                "baseline" => Value::Number((40 + rng.below(30)) as f64),
                "goal" => Value::Number((70 + rng.below(30)) as f64),
                "measure_type" => Value::Text(["outcome", "process", "balancing"][n % 3].to_owned()),
                "value_type" => Value::Text("proportion".to_owned()),
                "direction" => Value::Text("up".to_owned()),
                _ => {
                    let noun = if measure { "Measure" } else { "Cycle" };
                    let mut text = format!("{noun} {n}, version {version}:");
                    // Never shorter than what says the record and version.
                    let length = (20 + rng.below(181) as usize).max(text.len());
                    while text.len() < length {
                        text.push(' ');
                        text.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
                    }
                    let cut = text.char_indices().nth(length).map_or(text.len(), |(i, _)| i);
                    text.truncate(cut);
                    if text.ends_with(' ') {
                        text.pop();
                        text.push('.');
                    }
                    Value::Text(text)
                }
            };
            edits.push(crate::replica::Edit {
                record: record.clone(),
                kind,
                scope: scope.clone(),
                field: (*field).to_owned(),
                value,
            });
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_records_hold_texts_of_20_to_200_characters_numbers_and_dates_that_the_server_accepts() {
        let team = Uuid7::from_parts(1, [3; 10]);
        let edits = sync_records(&team, 0..1_000, 10, 0);
        assert_eq!(edits.len(), 10_000);
        assert_eq!(edits, sync_records(&team, 0..1_000, 10, 0), "deterministic");
        let records: std::collections::BTreeSet<_> = edits.iter().map(|e| &e.record).collect();
        assert_eq!(records.len(), 1_000);
        let measures = edits.iter().filter(|e| e.kind == Kind::Measure && e.field == "name").count();
        assert_eq!(measures, 200);
        assert_eq!(sync_cycles(0..1_000), 800);
        assert_eq!(sync_cycles(990..1_000), 8);
        let mut kinds_of_value = (0, 0, 0);
        let mut bytes = 0;
        for edit in &edits {
            crate::schema::check_field(edit.kind, &edit.field, &edit.value)
                .unwrap_or_else(|e| panic!("{}: {e}", edit.field));
            match &edit.value {
                Value::Number(_) => kinds_of_value.1 += 1,
                Value::Text(t) if edit.field == "start" || edit.field == "end" => {
                    assert!(crate::schema::parse_date(t).is_some(), "{t}");
                    kinds_of_value.2 += 1;
                }
                Value::Text(t) if ["measure_type", "value_type", "direction"].contains(&edit.field.as_str()) => {
                    bytes += t.len()
                }
                Value::Text(t) => {
                    let length = t.chars().count();
                    assert!((20..=200).contains(&length), "{length}: {t}");
                    kinds_of_value.0 += 1;
                    bytes += t.len();
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        assert!(kinds_of_value.0 > 6_000 && kinds_of_value.1 == 400 && kinds_of_value.2 == 1_600, "{kinds_of_value:?}");
        assert!((600_000..900_000).contains(&bytes), "{bytes} bytes of text");
        let changed = sync_records(&team, 990..1_000, 1, 1);
        assert!(changed.iter().all(|e| e.value.as_text().contains(", version 1:")));
        assert_ne!(changed[0].value, sync_records(&team, 990..991, 1, 0)[0].value);
    }

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
    fn the_demo_collaborative_holds_three_teams_of_eighteen_months_that_import_and_validate() {
        let last = Period::parse("2026-10").unwrap();
        let demo = demo(last);
        assert_eq!(demo, super::demo(last), "deterministic");
        assert_eq!(demo.teams.len(), 3);
        let kinds = |records: &[BackupRecord], kind: Kind| records.iter().filter(|r| r.kind == kind).count();
        assert_eq!(kinds(&demo.records, Kind::Collaborative), 1);
        assert_eq!(kinds(&demo.records, Kind::MeasureDef), 3);
        assert!(kinds(&demo.records, Kind::Session) >= 8);
        for record in &demo.records {
            for (field, value) in &record.fields {
                crate::schema::check_field(record.kind, field, value).unwrap_or_else(|e| panic!("{field}: {e}"));
            }
        }
        let mut disagreements = 0;
        let mut quiet_teams = Vec::new();
        for team in &demo.teams {
            let (edits, report) = crate::backup::plan(team, &BTreeMap::new());
            assert!(report.skipped.is_empty(), "{:?}", report.skipped);
            assert!(report.added[&Kind::Report] >= 16);
            let mut replica = crate::replica::Replica::default();
            let mut clock =
                crate::replica::DeviceClock { device: Uuid7::from_parts(1, [1; 10]), counter: 0, last_hlc: None };
            replica.edit(&mut clock, edits, 1, None);
            let reviews: Vec<crate::replica::Edit> = demo
                .reviews
                .iter()
                .filter(|(t, _)| t == &team.team)
                .flat_map(|(_, r)| {
                    r.fields.iter().map(|(f, v)| crate::replica::Edit {
                        record: r.id.clone(),
                        kind: r.kind,
                        scope: crate::team_scope(&team.team),
                        field: f.clone(),
                        value: v.clone(),
                    })
                })
                .collect();
            replica.edit(&mut clock, reviews, 2, None);
            let scope = crate::team_scope(&team.team);
            disagreements += crate::report::reports(replica.local().values(), &scope)
                .iter()
                .filter(|r| crate::report::disagreement(r).is_some())
                .count();
            let summary =
                &crate::dashboard::summaries(replica.local().values(), std::slice::from_ref(&team.team), "2026-11-28")
                    [0];
            assert!(summary.aim.is_some() && summary.scores.len() >= 16, "{summary:?}");
            quiet_teams.push(!summary.quiet().is_empty());
            assert!(summary.days_since_cycle.is_some(), "{summary:?}");
            eprintln!(
                "{}: cycle {:?} days, data {:?} days",
                summary.name, summary.days_since_cycle, summary.days_since_data
            );
        }
        assert_eq!(disagreements, 1, "one month where faculty and team are a point apart");
        assert_eq!(quiet_teams, [false, false, true], "the third team has gone quiet");
    }

    #[test]
    fn the_first_demo_team_charts_days_between_falls_as_a_t_chart() {
        use crate::chart::Signal;
        let demo = demo(Period::parse("2026-11").unwrap());
        let backup = &demo.teams[0];
        let mut replica = crate::replica::Replica::default();
        let mut clock =
            crate::replica::DeviceClock { device: Uuid7::from_parts(1, [1; 10]), counter: 0, last_hlc: None };
        let (edits, _) = crate::backup::plan(backup, &BTreeMap::new());
        replica.edit(&mut clock, edits, 1, None);
        let measure = replica
            .local()
            .values()
            .find(|r| r.kind == Kind::Measure && r.text("name") == "Days between falls with harm")
            .expect("the measure");
        let series = crate::measure::series(measure, replica.local().values());
        assert_eq!(series.len(), 18);
        let chart = crate::chart::for_measure(measure, &series);
        assert_eq!(chart.settings.chart, crate::chart::ChartType::T);
        assert_eq!(chart.settings.rules, crate::chart::RuleSet::Shewhart);
        // Falls grew rarer: the recent months run above the mean, the last one beyond the limit.
        let signals = &chart.analysis.signals;
        assert!(signals.iter().any(|s| matches!(s, Signal::Shift { above: true, to: 17, .. })), "{signals:?}");
        assert_eq!(chart.analysis.latest(), Some(&Signal::Beyond { above: true, at: 17 }));
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
