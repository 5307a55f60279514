//! The coach's dashboard: one summary per team — scores over time, PDSA cycles per month,
//! days since the last cycle and the last data point, progress towards the aim — and which
//! teams have gone quiet.
//!
//! Pure: built from the records on the device and a "today" the caller passes in, in one pass
//! over the records. Never reads the clock, never draws.

use std::collections::HashMap;

use crate::analysis::median;
use crate::id::RecordId;
use crate::measure;
use crate::period::{day_number, Period};
use crate::record::{team_scope, Kind, Record};
use crate::report;

/// Days without a PDSA cycle (one under way counts as today) after which a team has gone quiet.
pub const QUIET_CYCLE_DAYS: i64 = 30;
/// Days since the end of the last period with data after which a team has gone quiet.
pub const QUIET_DATA_DAYS: i64 = 45;
/// How many months of velocity (cycles per month) a summary holds.
pub const VELOCITY_MONTHS: usize = 6;
/// How many measures a summary shows as small multiples.
pub const SMALL_MULTIPLES: usize = 3;

/// One month's scores: the team's own and the faculty's or coach's.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthScores {
    /// The month.
    pub month: Period,
    /// The team's self-score.
    pub team: Option<f64>,
    /// The faculty's or coach's score.
    pub review: Option<f64>,
}

/// Where a team stands against its aim, on its main outcome measure.
#[derive(Clone, Debug, PartialEq)]
pub struct AimProgress {
    /// The measure's name.
    pub measure: String,
    /// Where it started: the measure's baseline, else the median of its first points.
    pub baseline: f64,
    /// Where it is: the median of its last three points.
    pub latest: f64,
    /// Where the aim says it should get to.
    pub goal: f64,
    /// How much of the way from baseline to goal, 0–100.
    pub percent: f64,
}

/// Why a team stands out as quiet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quiet {
    /// No PDSA cycle for this many days (`None`: never one).
    NoCycle(Option<i64>),
    /// No new data for this many days (`None`: never any).
    NoData(Option<i64>),
}

/// One team on the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamSummary {
    /// The team.
    pub team: RecordId,
    /// Its name.
    pub name: String,
    /// Its reports' scores, oldest month first.
    pub scores: Vec<MonthScores>,
    /// PDSA cycles per month for the last [`VELOCITY_MONTHS`] months, oldest first.
    pub velocity: Vec<(Period, usize)>,
    /// All its live cycles.
    pub cycles: usize,
    /// Days since its last cycle ran.
    pub days_since_cycle: Option<i64>,
    /// Days since the end of its last period with data.
    pub days_since_data: Option<i64>,
    /// Progress on its main outcome measure.
    pub aim: Option<AimProgress>,
    /// The measures to show in small (common measures first), at most [`SMALL_MULTIPLES`].
    pub measures: Vec<SmallMultiple>,
}

/// One measure drawn in small on the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct SmallMultiple {
    /// The measure.
    pub measure: RecordId,
    /// Its name.
    pub name: String,
    /// Its chart, analysed (the app words its latest signal).
    pub chart: crate::chart::MeasureChart,
}

impl SmallMultiple {
    fn of(measure: &Record, series: &[measure::Point]) -> SmallMultiple {
        let chart = crate::chart::for_measure(measure, series);
        SmallMultiple { measure: measure.id.clone(), name: measure.text("name").to_owned(), chart }
    }
}

impl TeamSummary {
    /// Why the team has gone quiet; empty when it has not.
    pub fn quiet(&self) -> Vec<Quiet> {
        let mut why = Vec::new();
        if self.days_since_cycle.is_none_or(|d| d > QUIET_CYCLE_DAYS) {
            why.push(Quiet::NoCycle(self.days_since_cycle));
        }
        if self.days_since_data.is_none_or(|d| d > QUIET_DATA_DAYS) {
            why.push(Quiet::NoData(self.days_since_data));
        }
        why
    }

    /// The latest month's scores that has any.
    pub fn latest_scores(&self) -> Option<&MonthScores> {
        self.scores.iter().rev().find(|s| s.team.is_some() || s.review.is_some())
    }

    /// Cycles in the last [`VELOCITY_MONTHS`] months.
    pub fn recent_cycles(&self) -> usize {
        self.velocity.iter().map(|(_, n)| n).sum()
    }
}

/// The summaries of `teams` from every record on the device, in the order given. `today` is
/// a date, `YYYY-MM-DD`.
pub fn summaries<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    teams: &[RecordId],
    today: &str,
) -> Vec<TeamSummary> {
    let scopes: HashMap<String, usize> = teams.iter().enumerate().map(|(i, t)| (team_scope(t), i)).collect();
    let mut by_team: Vec<Vec<&Record>> = vec![Vec::new(); teams.len()];
    for record in records {
        if let Some(&i) = scopes.get(&record.scope) {
            if !record.is_deleted() {
                by_team[i].push(record);
            }
        }
    }
    teams.iter().zip(by_team).map(|(team, records)| summary(team, &records, today)).collect()
}

fn summary(team: &RecordId, records: &[&Record], today: &str) -> TeamSummary {
    let today_day = day_number(today).unwrap_or(0);
    let this_month = Period::containing("monthly", today);
    let name = records.iter().find(|r| r.kind == Kind::Team && &r.id == team).map_or("", |r| r.text("name"));
    let scope = team_scope(team);

    let mut scores: Vec<MonthScores> = report::reports(records.iter().copied(), &scope)
        .into_iter()
        .filter_map(|r| {
            Some(MonthScores {
                month: report::month(r)?,
                team: report::score(r, "self_score"),
                review: report::score(r, "faculty_score"),
            })
        })
        .collect();
    crate::order::sort_by_key(&mut scores, |s| s.month);

    // One pass over the cycles: how many, the latest day one ran (its last day, or today while
    // it is under way), and how many started in each month of velocity.
    let months: Vec<Period> = match this_month {
        Some(month) => {
            let mut months = vec![month];
            while months.len() < VELOCITY_MONTHS {
                let earlier = months[0].previous();
                months.insert(0, earlier);
            }
            months
        }
        None => Vec::new(),
    };
    let bounds: Vec<(i64, i64)> = months.iter().map(|m| (m.start_day(), m.next().start_day())).collect();
    let mut counts = vec![0usize; months.len()];
    let (mut cycles, mut latest_cycle) = (0, None::<i64>);
    for r in records.iter().filter(|r| r.kind == Kind::Cycle) {
        cycles += 1;
        let start = day_number(r.text("start"));
        if let Some(last) = report::cycle_day(r) {
            let ran = if last <= today_day { Some(last) } else { start.filter(|d| *d <= today_day).map(|_| today_day) };
            latest_cycle = latest_cycle.max(ran);
        }
        if let Some(day) = start.or_else(|| day_number(r.text("end"))) {
            if let Some(i) = bounds.iter().position(|(first, after)| day >= *first && day < *after) {
                counts[i] += 1;
            }
        }
    }
    let days_since_cycle = latest_cycle.map(|d| today_day - d);
    let velocity: Vec<(Period, usize)> = months.into_iter().zip(counts).collect();

    let mut measures: Vec<&Record> = records.iter().copied().filter(|r| r.kind == Kind::Measure).collect();
    crate::order::sort_by_key(&mut measures, |m| (m.text("common").is_empty(), m.id.clone()));
    let mut last_data: Option<i64> = None;
    let mut aim = None;
    let mut smalls = Vec::new();
    // Each measure's data points, found in one pass (not one pass per measure).
    let mut points: HashMap<&str, Vec<&Record>> = HashMap::new();
    for r in records.iter().filter(|r| r.kind == Kind::Datapoint) {
        points.entry(r.text("measure")).or_default().push(r);
    }
    for m in &measures {
        let series = measure::series(m, points.get(m.id.as_str()).into_iter().flatten().copied());
        if smalls.len() < SMALL_MULTIPLES {
            smalls.push(SmallMultiple::of(m, &series));
        }
        if let Some(end) = series.iter().rev().find(|p| p.value.is_some()).map(|p| p.period.next().start_day()) {
            last_data = Some(last_data.map_or(end, |d: i64| d.max(end)));
        }
        if aim.is_none() && m.text("measure_type") == "outcome" {
            aim = progress(m, &series);
        }
    }
    let days_since_data = last_data.map(|end| (today_day - end).max(0));
    TeamSummary {
        team: team.clone(),
        name: name.to_owned(),
        scores,
        velocity,
        cycles,
        days_since_cycle,
        days_since_data,
        aim,
        measures: smalls,
    }
}

/// How far a measure has come from its baseline towards its goal (its recent median), if it
/// has a goal and two values.
pub fn progress(measure: &Record, series: &[measure::Point]) -> Option<AimProgress> {
    let goal = match measure.value("goal") {
        crate::register::Value::Number(goal) => *goal,
        _ => return None,
    };
    let values: Vec<f64> = series.iter().filter_map(|p| p.value).collect();
    if values.len() < 2 {
        return None;
    }
    let baseline = match measure.value("baseline") {
        crate::register::Value::Number(b) => *b,
        _ => median(&values[..(values.len() / 2).clamp(1, 6)])?,
    };
    let latest = median(&values[values.len().saturating_sub(3)..])?;
    if (goal - baseline).abs() < f64::EPSILON {
        return None;
    }
    let percent = ((latest - baseline) / (goal - baseline) * 100.0).clamp(0.0, 100.0);
    Some(AimProgress { measure: measure.text("name").to_owned(), baseline, latest, goal, percent })
}

/// How the dashboard orders teams.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    /// Quiet teams first, the quietest first; then by name.
    Quiet,
    /// By name.
    Name,
    /// Lowest latest score first (the faculty's, else the team's).
    Score,
    /// Fewest recent cycles first.
    Velocity,
}

impl SortBy {
    /// Every order, with its key (the app words it: `dash-sort-<key>`).
    pub const ALL: [(SortBy, &'static str); 4] =
        [(SortBy::Quiet, "quiet"), (SortBy::Name, "name"), (SortBy::Score, "score"), (SortBy::Velocity, "velocity")];
}

/// Orders summaries in place.
pub fn sort(summaries: &mut [TeamSummary], by: SortBy) {
    let name = |s: &TeamSummary| s.name.to_lowercase();
    match by {
        SortBy::Name => crate::order::sort_by_key(summaries, name),
        SortBy::Quiet => crate::order::sort_by_key(summaries, |s| {
            let quiet = !s.quiet().is_empty();
            let days = s.days_since_cycle.unwrap_or(i64::MAX / 2).max(s.days_since_data.unwrap_or(i64::MAX / 2));
            (!quiet, std::cmp::Reverse(if quiet { days } else { 0 }), name(s))
        }),
        SortBy::Score => crate::order::sort_by(summaries, |a, b| {
            let score = |s: &TeamSummary| s.latest_scores().and_then(|m| m.review.or(m.team)).unwrap_or(0.0);
            score(a).total_cmp(&score(b)).then_with(|| name(a).cmp(&name(b)))
        }),
        SortBy::Velocity => crate::order::sort_by_key(summaries, |s| (s.recent_cycles(), name(s))),
    }
}

/// Whether a summary passes the dashboard's filter: its name contains `text` (any case), and
/// it is quiet when `quiet_only`.
pub fn matches(summary: &TeamSummary, text: &str, quiet_only: bool) -> bool {
    let text = text.trim().to_lowercase();
    (text.is_empty() || summary.name.to_lowercase().contains(&text)) && (!quiet_only || !summary.quiet().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Value;
    use crate::replica::{DeviceClock, Edit, Replica};
    use crate::Uuid7;

    struct Team {
        id: RecordId,
        replica: Replica,
        clock: DeviceClock,
    }

    impl Team {
        fn new(n: u8, name: &str) -> Team {
            let id = Uuid7::from_parts(u64::from(n), [n; 10]);
            let clock = DeviceClock { device: Uuid7::from_parts(1, [n; 10]), counter: 0, last_hlc: None };
            let mut team = Team { id: id.clone(), replica: Replica::default(), clock };
            team.write(&id, Kind::Team, &[("name", Value::Text(name.into()))]);
            team
        }

        fn write(&mut self, record: &RecordId, kind: Kind, fields: &[(&str, Value)]) {
            let scope = team_scope(&self.id);
            let edits = fields
                .iter()
                .map(|(f, v)| Edit {
                    record: record.clone(),
                    kind,
                    scope: scope.clone(),
                    field: (*f).into(),
                    value: v.clone(),
                })
                .collect();
            self.replica.edit(&mut self.clock, edits, 1, None);
        }

        fn cycle(&mut self, n: u64, start: &str) {
            let id = Uuid7::from_parts(100 + n, [7; 10]);
            self.write(&id, Kind::Cycle, &[("title", Value::Text("c".into())), ("start", Value::Text(start.into()))]);
        }
    }

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn a_cycle_under_way_counts_as_today_and_one_not_started_does_not() {
        let mut team = Team::new(3, "Ward 3");
        let id = Uuid7::from_parts(300, [3; 10]);
        team.write(&id, Kind::Cycle, &[("start", text("2026-11-25")), ("end", text("2026-12-02"))]);
        let later = Uuid7::from_parts(301, [3; 10]);
        team.write(&later, Kind::Cycle, &[("start", text("2026-12-10")), ("end", text("2026-12-12"))]);
        let found = summaries(team.replica.local().values(), std::slice::from_ref(&team.id), "2026-11-28");
        assert_eq!(found[0].days_since_cycle, Some(0));
        let found = summaries(team.replica.local().values(), std::slice::from_ref(&team.id), "2026-11-20");
        assert_eq!(found[0].days_since_cycle, None, "planned cycles are not activity yet");
    }

    #[test]
    fn a_busy_team_and_a_quiet_one() {
        let mut busy = Team::new(1, "Busy ward");
        for (n, start) in ["2026-06-10", "2026-10-01", "2026-11-02", "2026-11-20"].iter().enumerate() {
            busy.cycle(n as u64, start);
        }
        let measure = Uuid7::from_parts(50, [1; 10]);
        busy.write(
            &measure,
            Kind::Measure,
            &[
                ("name", text("Falls per 1,000 bed days")),
                ("measure_type", text("outcome")),
                ("value_type", text("continuous")),
                ("goal", Value::Number(4.0)),
            ],
        );
        for (i, value) in [9.0, 9.0, 8.0, 10.0, 6.0, 6.0, 5.0].iter().enumerate() {
            let period = Period::parse(&format!("2026-{:02}", i + 4)).unwrap();
            busy.write(
                &measure::point_id(&busy.id, &measure, period),
                Kind::Datapoint,
                &[
                    ("measure", text(measure.as_str())),
                    ("period", text(&period.key())),
                    ("value", Value::Number(*value)),
                ],
            );
        }
        let report = report::id(&busy.id, Period::parse("2026-10").unwrap());
        busy.write(&report, Kind::Report, &[("month", text("2026-10")), ("self_score", text("3.0"))]);

        let mut quiet = Team::new(2, "Quiet clinic");
        quiet.cycle(1, "2026-08-01");

        let records: Vec<&Record> = busy.replica.local().values().chain(quiet.replica.local().values()).collect();
        let teams = [busy.id.clone(), quiet.id.clone()];
        let found = summaries(records, &teams, "2026-11-28");
        let (b, q) = (&found[0], &found[1]);
        assert_eq!(b.name, "Busy ward");
        assert_eq!(b.days_since_cycle, Some(8));
        assert_eq!(b.velocity.iter().map(|(_, n)| *n).collect::<Vec<_>>(), [1, 0, 0, 0, 1, 2]);
        assert_eq!(b.velocity.last().unwrap().0.key(), "2026-11");
        assert_eq!(b.days_since_data, Some(27), "October's data ends on 1 November");
        let aim = b.aim.as_ref().expect("an outcome measure with a goal");
        assert_eq!((aim.baseline, aim.latest), (9.0, 6.0));
        assert!((aim.percent - 60.0).abs() < 1e-9, "{}", aim.percent);
        assert_eq!(b.latest_scores().unwrap().team, Some(3.0));
        assert!(b.quiet().is_empty());
        assert_eq!(b.measures.len(), 1);
        assert_eq!(b.measures[0].chart.points.len(), 7);
        assert_eq!(q.quiet(), [Quiet::NoCycle(Some(119)), Quiet::NoData(None)]);
        assert_eq!(q.quiet()[0], Quiet::NoCycle(Some(119)));

        let mut sorted = found.clone();
        sort(&mut sorted, SortBy::Quiet);
        assert_eq!(sorted[0].name, "Quiet clinic");
        sort(&mut sorted, SortBy::Name);
        assert_eq!(sorted[0].name, "Busy ward");
        sort(&mut sorted, SortBy::Velocity);
        assert_eq!(sorted[0].name, "Quiet clinic");
        sort(&mut sorted, SortBy::Score);
        assert_eq!(sorted[0].name, "Quiet clinic", "no score sorts as lowest");
        assert!(matches(b, "BUSY", false) && !matches(b, "clinic", false));
        assert!(!matches(b, "", true) && matches(q, "", true));
    }
}
