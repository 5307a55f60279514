//! A team's storyboard for a learning session, from its live data as it stood on the session's
//! first day: the team and its members, the aim and whether it is met, each measure's chart
//! with its signal in words and the cycles marked, the driver diagram in brief with the ideas
//! being tested or adopted, the ramps, the team's own score of that month, and what the team
//! wrote for the session ("what we learned", "what's next", on the report of the session's
//! month, so one month has one storyboard on every device).

use std::collections::HashMap;

use crate::chart::{self, Meaning, MeasureChart};
use crate::cycle;
use crate::drivers::Drivers;
use crate::id::RecordId;
use crate::measure::{self, Point};
use crate::period::{day_number, Period};
use crate::record::{team_scope, Kind, Record};
use crate::spread::library::{Decisions, Stage};

/// A learning session of the collaborative's calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// Its record.
    pub id: RecordId,
    /// Its number ("learning session 2"), if given.
    pub number: Option<u32>,
    /// Its first day, `YYYY-MM-DD`.
    pub start: String,
    /// The month it falls in: the month of the report that holds the team's words for it.
    pub month: Period,
}

/// The learning sessions of a collaborative, in date order.
pub fn learning_sessions<'a>(records: impl IntoIterator<Item = &'a Record>, collab: &RecordId) -> Vec<Session> {
    let scope = format!("collab:{collab}");
    let mut sessions: Vec<Session> = records
        .into_iter()
        .filter(|r| r.kind == Kind::Session && r.scope == scope && !r.is_deleted())
        .filter(|r| r.text("session_type") == "learning_session")
        .filter_map(|r| {
            let start = r.text("start");
            day_number(start)?;
            Some(Session {
                id: r.id.clone(),
                number: match r.value("number") {
                    crate::register::Value::Number(n) => Some(*n as u32),
                    _ => None,
                },
                start: start.to_owned(),
                month: Period::containing("monthly", start)?,
            })
        })
        .collect();
    crate::order::sort_by(&mut sessions, |a, b| a.start.cmp(&b.start).then(a.id.cmp(&b.id)));
    sessions
}

/// The session a storyboard opens on: the last one that has begun by `today`, else the first.
pub fn current<'a>(sessions: &'a [Session], today: &str) -> Option<&'a Session> {
    sessions.iter().rev().find(|s| s.start.as_str() <= today).or(sessions.first())
}

/// One measure on the storyboard.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryMeasure {
    /// The measure's record.
    pub measure: Record,
    /// Its points up to the session.
    pub series: Vec<Point>,
    /// Its chart up to the session.
    pub chart: MeasureChart,
    /// What its latest signal means, if it has one (the app words the signal).
    pub meaning: Option<Meaning>,
}

/// A change idea in the driver diagram in brief.
#[derive(Clone, Debug, PartialEq)]
pub struct IdeaLine {
    /// The team's idea.
    pub idea: RecordId,
    /// Its words.
    pub text: String,
    /// Where the team is with it.
    pub stage: Stage,
    /// Its cycles up to the session.
    pub cycles: usize,
    /// Its Act decisions.
    pub decisions: Decisions,
}

/// A primary driver with the ideas under its secondary drivers, in brief.
#[derive(Clone, Debug, PartialEq)]
pub struct DriverLine {
    /// The primary driver's words.
    pub primary: String,
    /// Each secondary driver's words with the ideas being tested or adopted under it.
    pub secondaries: Vec<(String, Vec<IdeaLine>)>,
}

/// A team's storyboard for one session.
#[derive(Clone, Debug, PartialEq)]
pub struct Storyboard {
    /// The team.
    pub team: RecordId,
    /// The team's name.
    pub name: String,
    /// Organization and site, as one line.
    pub place: String,
    /// The people who wrote in the team as members, by name (from who the server stamped on
    /// the team's values: a device holds no list of accounts).
    pub members: Vec<String>,
    /// The aim in one sentence ("" when it has none).
    pub aim: String,
    /// Whether the aim is met: the outcome measure's recent median against its goal.
    pub aim_met: Option<bool>,
    /// The measures: outcome, process, balancing.
    pub measures: Vec<StoryMeasure>,
    /// The driver diagram in brief: only ideas with cycles.
    pub drivers: Vec<DriverLine>,
    /// The ramps: every idea with cycles, most cycles first.
    pub ramps: Vec<IdeaLine>,
    /// The report that holds the team's words for the session.
    pub report: RecordId,
    /// What the team learned.
    pub learned: String,
    /// What is next.
    pub next: String,
    /// The team's own score of the session's month (or the last before it), with its month.
    pub self_score: Option<(Period, f64)>,
}

/// The storyboard of `team` for `session`, from every record on the device.
pub fn build<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    team: &RecordId,
    session: &Session,
    language: &dyn crate::aim::AimLanguage,
) -> Storyboard {
    let scope = team_scope(team);
    let mine: Vec<&Record> = records.into_iter().filter(|r| r.scope == scope && !r.is_deleted()).collect();
    let until = &session.start;
    let started = |c: &&Record| {
        let start = c.text("start");
        !start.is_empty() && start <= until.as_str()
    };
    let team_record = mine.iter().find(|r| r.kind == Kind::Team);
    let name = team_record.map_or("", |r| r.text("name")).to_owned();
    let place = team_record
        .map(|r| [r.text("organization"), r.text("site")].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>())
        .unwrap_or_default()
        .join(" · ");
    let mut members: Vec<String> = Vec::new();
    for r in &mine {
        for state in r.fields.values() {
            for s in state.siblings() {
                let Some(author) = s.author.as_deref() else { continue };
                if crate::identity::role_of(author) == Some("member") {
                    let name = crate::identity::name_of(author);
                    if !members.iter().any(|m| m == name) {
                        members.push(name.to_owned());
                    }
                }
            }
        }
    }
    crate::order::sort_by_key(&mut members, |m| m.to_lowercase());

    let aim = mine.iter().find(|r| r.kind == Kind::Aim).map(|a| crate::aim::statement(a, language)).unwrap_or_default();
    let mut measure_records: Vec<&Record> = mine.iter().copied().filter(|r| r.kind == Kind::Measure).collect();
    let rank = |m: &Record| match m.text("measure_type") {
        "outcome" => 0,
        "process" => 1,
        "balancing" => 2,
        _ => 3,
    };
    crate::order::sort_by(&mut measure_records, |a, b| (rank(a), &a.id).cmp(&(rank(b), &b.id)));
    let cut = Period::containing("monthly", until).map(|p| p.next().start_day());
    let measures: Vec<StoryMeasure> = measure_records
        .iter()
        .map(|m| {
            let mut series = measure::series(m, mine.iter().copied().filter(|r| r.kind == Kind::Datapoint));
            // Data for periods that began before the session (this month's so far included).
            series.retain(|p| cut.is_none_or(|cut| p.period.start_day() < cut));
            let chart = chart::for_measure(m, &series);
            StoryMeasure { measure: (*m).clone(), meaning: chart.latest_meaning(), chart, series }
        })
        .collect();
    let aim_met = measures
        .iter()
        .find(|m| m.measure.text("measure_type") == "outcome")
        .and_then(|m| crate::dashboard::progress(&m.measure, &m.series))
        .map(|p| p.percent >= 100.0);

    let cycles: Vec<&Record> = mine.iter().copied().filter(|r| r.kind == Kind::Cycle).filter(started).collect();
    // Each idea's ramp up to the session, found once for the driver diagram and the ramps.
    let lines: HashMap<&str, IdeaLine> = mine
        .iter()
        .filter(|r| r.kind == Kind::ChangeIdea)
        .map(|idea| {
            let ramp = cycle::ramp(cycles.iter().copied(), &scope, idea.id.as_str());
            let line = IdeaLine {
                idea: idea.id.clone(),
                text: idea.text("text").to_owned(),
                stage: Stage::of(&ramp),
                cycles: ramp.len(),
                decisions: Decisions::of(&ramp),
            };
            (idea.id.as_str(), line)
        })
        .collect();
    let tree = Drivers::of(mine.iter().copied(), &scope);
    let mut drivers = Vec::new();
    for primary in mine.iter().filter(|r| r.kind == Kind::Driver && r.text("level") == "primary") {
        let mut secondaries = Vec::new();
        for secondary in tree.secondaries_of(&primary.id) {
            let ideas: Vec<IdeaLine> = tree
                .ideas_of(&secondary.id)
                .into_iter()
                .filter_map(|i| lines.get(i.id.as_str()))
                .filter(|i| i.cycles > 0 && i.stage != Stage::Abandoned)
                .cloned()
                .collect();
            if !ideas.is_empty() {
                secondaries.push((secondary.text("text").to_owned(), ideas));
            }
        }
        if !secondaries.is_empty() {
            drivers.push(DriverLine { primary: primary.text("text").to_owned(), secondaries });
        }
    }
    let mut ramps: Vec<IdeaLine> = lines.into_values().filter(|i| i.cycles > 0).collect();
    crate::order::sort_by(&mut ramps, |a, b| {
        b.cycles.cmp(&a.cycles).then(a.text.cmp(&b.text)).then(a.idea.cmp(&b.idea))
    });

    let report_id = crate::report::id(team, session.month);
    let report = mine.iter().find(|r| r.id == report_id);
    let self_score = {
        let mut scored: Vec<(Period, f64)> = crate::report::reports(mine.iter().copied(), &scope)
            .into_iter()
            .filter_map(|r| Some((crate::report::month(r)?, crate::report::score(r, "self_score")?)))
            .filter(|(month, _)| *month <= session.month)
            .collect();
        crate::order::sort_by_key(&mut scored, |(m, _)| *m);
        scored.pop()
    };
    Storyboard {
        team: team.clone(),
        name,
        place,
        members,
        aim,
        aim_met,
        measures,
        drivers,
        ramps,
        report: report_id,
        learned: report.map_or("", |r| r.text("learned")).to_owned(),
        next: report.map_or("", |r| r.text("next")).to_owned(),
        self_score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::demo;

    #[test]
    fn the_last_learning_sessions_storyboard_holds_the_teams_words_score_charts_and_ramps() {
        let demo = demo(Period::parse("2026-10").unwrap());
        let replica = demo.replica();
        let sessions = learning_sessions(replica.local().values(), &demo.collab);
        assert_eq!(sessions.len(), 3);
        assert!(sessions.windows(2).all(|w| w[0].start < w[1].start));
        let last = current(&sessions, "2026-11-30").unwrap();
        assert_eq!(last, &sessions[2]);
        assert_eq!(current(&sessions, "2000-01-01"), Some(&sessions[0]), "before the first: the first");
        assert_eq!(last.number, Some(3));

        let riverside = &demo.teams[1].team;
        let board = build(replica.local().values(), riverside, last, &crate::aim::English);
        assert_eq!(board.name, "Riverside Rehab");
        assert!(board.learned.contains("Agency staff") && board.next.contains("weekend"), "{board:?}");
        let (month, score) = board.self_score.unwrap();
        assert_eq!(month, last.month);
        assert!((0.5..=5.0).contains(&score));
        assert!(!board.aim.is_empty());
        assert_eq!(board.measures.len(), 4);
        assert_eq!(board.measures[0].measure.text("measure_type"), "outcome");
        let cut = last.month.next().start_day();
        for m in &board.measures {
            assert!(m.series.iter().all(|p| p.period.start_day() < cut), "no data after the session");
            assert!(!m.chart.points.is_empty(), "each measure's chart up to the session");
        }
        assert!(!board.ramps.is_empty() && board.ramps.windows(2).all(|w| w[0].cycles >= w[1].cycles));
        let cycles_then: usize = board.ramps.iter().map(|r| r.cycles).sum();
        let cycles_now = replica
            .local()
            .values()
            .filter(|r| r.kind == Kind::Cycle && r.scope == crate::team_scope(riverside))
            .count();
        assert!(cycles_then < cycles_now, "cycles begun after the session are not on it");
        assert!(!board.drivers.is_empty());
        assert!(board.drivers.iter().flat_map(|d| &d.secondaries).all(|(_, ideas)| !ideas.is_empty()));

        // An earlier session: no words written for it, and less data.
        let first = build(replica.local().values(), riverside, &sessions[0], &crate::aim::English);
        assert!(first.learned.is_empty());
        assert!(first.measures[0].series.len() < board.measures[0].series.len());
    }

    #[test]
    fn members_are_the_people_the_server_stamped_as_members_of_the_team() {
        let demo = demo(Period::parse("2026-10").unwrap());
        let mut replica = demo.replica();
        let team = demo.teams[0].team.clone();
        let mut clock = crate::replica::DeviceClock {
            device: crate::id::Uuid7::from_parts(1, [9; 10]),
            counter: 0,
            last_hlc: None,
        };
        let scope = crate::team_scope(&team);
        for (n, author) in ["Mia · member", "Cal · coach", "Ann · member", "Mia · member"].into_iter().enumerate() {
            let cycle = crate::id::Uuid7::from_parts(1_800_000_000_000 + n as u64, [n as u8; 10]);
            let edit = crate::replica::Edit {
                record: cycle,
                kind: Kind::Cycle,
                scope: scope.clone(),
                field: "title".into(),
                value: crate::register::Value::Text("t".into()),
            };
            replica.edit(&mut clock, vec![edit], 10, Some(author));
        }
        let sessions = learning_sessions(replica.local().values(), &demo.collab);
        let board = build(replica.local().values(), &team, &sessions[2], &crate::aim::English);
        assert_eq!(board.members, ["Ann", "Mia"]);
    }
}
