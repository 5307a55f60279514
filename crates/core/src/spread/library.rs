//! The change library: every change idea of a collaborative's change package, across the teams
//! that adopted it.
//!
//! For each package idea and each team that adopted it (a team's idea whose `source` is the
//! package idea): the team's own wording beside the package's, how many cycles the team ran on
//! it and at what scales, its Act decisions, where the team is with it (testing, implementing,
//! spreading), and, for a team that reports a common outcome measure, whether a signal of
//! improvement began after the team started testing it. Beside them, the teams' own ideas
//! proposed for the package and not yet in it.
//!
//! Derived from the records on the device each time: a device sees the teams it may read.

use std::collections::HashMap;

use crate::chart::{self, Meaning};
use crate::cycle;
use crate::id::RecordId;
use crate::measure;
use crate::period::{day_number, Period};
use crate::record::{team_scope, Kind, Record};

/// Where a team is with a change idea, from the last cycle of its ramp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Adopted into the team's ideas; no cycle yet.
    NotStarted,
    /// Cycles that collect data, develop or test the change.
    Testing,
    /// The last cycle implements it.
    Implementing,
    /// The last cycle spreads it.
    Spreading,
    /// The last cycle's Act decision was to abandon it.
    Abandoned,
}

impl Stage {
    /// Every stage, in the order a ramp goes through them.
    pub const ALL: [Stage; 5] =
        [Stage::NotStarted, Stage::Testing, Stage::Implementing, Stage::Spreading, Stage::Abandoned];

    /// A short lowercase name, for styles and tests.
    pub fn key(self) -> &'static str {
        match self {
            Stage::NotStarted => "not-started",
            Stage::Testing => "testing",
            Stage::Implementing => "implementing",
            Stage::Spreading => "spreading",
            Stage::Abandoned => "abandoned",
        }
    }

    /// The stage of a ramp (its cycles in the order run).
    pub fn of(ramp: &[&Record]) -> Stage {
        match ramp.last() {
            None => Stage::NotStarted,
            Some(last) if last.text("decision") == "abandon" => Stage::Abandoned,
            Some(last) => match last.text("objective_type") {
                "implement" => Stage::Implementing,
                "spread" => Stage::Spreading,
                _ => Stage::Testing,
            },
        }
    }
}

/// What a team's common outcome measure says about a change idea.
#[derive(Clone, Debug, PartialEq)]
pub enum Evidence {
    /// The team reports no common outcome measure with data (or ran no cycle on the idea).
    NotReported,
    /// No signal of improvement on the team's outcome measure.
    NoImprovement {
        /// The measure's name.
        measure: String,
    },
    /// Improvement signals, but all began before the team started testing the idea.
    ImprovedBefore {
        /// The measure's name.
        measure: String,
    },
    /// A signal of improvement that began on or after the month the team started testing.
    ImprovedAfter {
        /// The measure's name.
        measure: String,
        /// The period the signal began.
        from: Period,
    },
}

impl Evidence {
    /// Whether a signal of improvement began after testing started.
    pub fn improved_after(&self) -> bool {
        matches!(self, Evidence::ImprovedAfter { .. })
    }
}

/// The Act decisions of a ramp's cycles, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Cycles that decided to adapt.
    pub adapt: usize,
    /// Cycles that decided to adopt.
    pub adopt: usize,
    /// Cycles that decided to abandon.
    pub abandon: usize,
}

impl Decisions {
    /// The decisions of a ramp's cycles.
    pub fn of(ramp: &[&Record]) -> Decisions {
        let mut decisions = Decisions::default();
        for cycle in ramp {
            match cycle.text("decision") {
                "adapt" => decisions.adapt += 1,
                "adopt" => decisions.adopt += 1,
                "abandon" => decisions.abandon += 1,
                _ => {}
            }
        }
        decisions
    }
}

/// One team's use of a change idea.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamUse {
    /// The team.
    pub team: RecordId,
    /// The team's name.
    pub team_name: String,
    /// The team's own idea record (its copy, or its own idea).
    pub idea: RecordId,
    /// The team's wording.
    pub wording: String,
    /// Whether the team's wording differs from the package's (it adapted the idea).
    pub adapted: bool,
    /// The cycles it ran on the idea.
    pub cycles: usize,
    /// The scales of its cycles, in the order run, each once.
    pub scales: Vec<String>,
    /// Its Act decisions.
    pub decisions: Decisions,
    /// Where it is with the idea.
    pub stage: Stage,
    /// The day its first cycle on the idea started (`YYYY-MM-DD`), if one did.
    pub first_test: Option<String>,
    /// What its common outcome measure says.
    pub evidence: Evidence,
}

/// One idea of the change package with the teams that adopted it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The package's idea.
    pub idea: RecordId,
    /// Its wording.
    pub text: String,
    /// Its description.
    pub description: String,
    /// The package's drivers it works on, as (id, text).
    pub drivers: Vec<(RecordId, String)>,
    /// The team it was accepted from, if it came from one: (team id, the team's name if this
    /// device has it).
    pub origin: Option<(RecordId, String)>,
    /// The team's idea it was accepted from, if any.
    pub from_idea: Option<RecordId>,
    /// The teams that adopted it, by name.
    pub teams: Vec<TeamUse>,
}

impl Entry {
    /// How many teams improved after they started testing it.
    pub fn evidence(&self) -> usize {
        self.teams.iter().filter(|t| t.evidence.improved_after()).count()
    }

    /// The first driver's text, for sorting by driver ("" when it has none).
    fn driver_text(&self) -> &str {
        self.drivers.first().map_or("", |(_, text)| text.as_str())
    }
}

/// The change library of a collaborative.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    /// The package's ideas.
    pub entries: Vec<Entry>,
    /// The teams' own ideas proposed for the package and not yet in it.
    pub proposals: Vec<TeamUse>,
}

/// How the library is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// By the first driver's text, then the idea's.
    #[default]
    Driver,
    /// The ideas the most teams adopted first.
    Teams,
    /// The ideas with the most teams that improved after testing them first.
    Evidence,
}

impl SortBy {
    /// Every order, with its key (the app words it: `library-sort-<key>`).
    pub const ALL: [(SortBy, &'static str); 3] =
        [(SortBy::Driver, "driver"), (SortBy::Teams, "teams"), (SortBy::Evidence, "evidence")];
}

/// Which entries are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only ideas that work on this driver.
    pub driver: Option<RecordId>,
    /// Only ideas adopted by at least this many teams.
    pub min_teams: usize,
    /// Only ideas with a team that improved after testing.
    pub with_evidence: bool,
}

impl Library {
    /// The entries the filter keeps, in the order asked.
    pub fn view(&self, sort: SortBy, filter: &Filter) -> Vec<&Entry> {
        let mut entries: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| filter.driver.as_ref().is_none_or(|d| e.drivers.iter().any(|(id, _)| id == d)))
            .filter(|e| e.teams.len() >= filter.min_teams)
            .filter(|e| !filter.with_evidence || e.evidence() > 0)
            .collect();
        let by_text = |a: &&Entry, b: &&Entry| a.text.to_lowercase().cmp(&b.text.to_lowercase());
        match sort {
            SortBy::Driver => crate::order::sort_by(&mut entries, |a, b| {
                a.driver_text().to_lowercase().cmp(&b.driver_text().to_lowercase()).then_with(|| by_text(a, b))
            }),
            SortBy::Teams => crate::order::sort_by(&mut entries, |a, b| {
                b.teams.len().cmp(&a.teams.len()).then_with(|| by_text(a, b))
            }),
            SortBy::Evidence => crate::order::sort_by(&mut entries, |a, b| {
                b.evidence().cmp(&a.evidence()).then(b.teams.len().cmp(&a.teams.len())).then_with(|| by_text(a, b))
            }),
        }
        entries
    }
}

/// One team's records, bucketed in one pass.
#[derive(Default)]
struct TeamRecords<'a> {
    name: &'a str,
    ideas: Vec<&'a Record>,
    /// The team's cycles by the change idea they test.
    cycles: HashMap<&'a str, Vec<&'a Record>>,
    measures: Vec<&'a Record>,
    points: Vec<&'a Record>,
}

/// The improvement signals of a team's first common outcome measure, as (measure name, [the
/// period each began]), if the team charts one with data.
type Improvements = Option<(String, Vec<Period>)>;

fn improvements(team: &TeamRecords) -> Improvements {
    let mut outcomes: Vec<&&Record> =
        team.measures.iter().filter(|m| !m.text("common").is_empty() && m.text("measure_type") == "outcome").collect();
    crate::order::sort_by_key(&mut outcomes, |m| m.id.clone());
    let measure = outcomes.first()?;
    let series = measure::series(measure, team.points.iter().copied());
    if series.iter().all(|p| p.value.is_none()) {
        return None;
    }
    let chart = chart::for_measure(measure, &series);
    let signals = chart
        .analysis
        .signals
        .iter()
        .filter(|s| s.marks_points() && s.meaning(chart.higher_is_better) == Meaning::Improvement)
        .filter_map(|s| chart.points.get(s.span()?.0).map(|p| p.period))
        .collect();
    Some((measure.text("name").to_owned(), signals))
}

fn team_use(
    team: &RecordId,
    records: &TeamRecords,
    idea: &Record,
    package_text: Option<&str>,
    improvements: &Improvements,
) -> TeamUse {
    let scope = team_scope(team);
    let tested = records.cycles.get(idea.id.as_str()).map_or(&[][..], Vec::as_slice);
    let ramp = cycle::ramp(tested.iter().copied(), &scope, idea.id.as_str());
    let mut scales: Vec<String> = Vec::new();
    for c in &ramp {
        let scale = c.text("scale").trim();
        if !scale.is_empty() && !scales.iter().any(|s| s == scale) {
            scales.push(scale.to_owned());
        }
    }
    let first_test = ramp.iter().map(|c| c.text("start")).filter(|s| day_number(s).is_some()).min().map(str::to_owned);
    let evidence = match (improvements, &first_test) {
        (Some((measure, signals)), Some(start)) => {
            let began = Period::containing("monthly", start).map_or(i64::MAX, |p| p.start_day());
            match signals.iter().filter(|from| from.start_day() >= began).min() {
                Some(from) => Evidence::ImprovedAfter { measure: measure.clone(), from: *from },
                None if signals.is_empty() => Evidence::NoImprovement { measure: measure.clone() },
                None => Evidence::ImprovedBefore { measure: measure.clone() },
            }
        }
        _ => Evidence::NotReported,
    };
    let wording = idea.text("text").to_owned();
    TeamUse {
        team: team.clone(),
        team_name: records.name.to_owned(),
        idea: idea.id.clone(),
        adapted: package_text.is_some_and(|p| p.trim() != wording.trim()),
        wording,
        cycles: ramp.len(),
        scales,
        decisions: Decisions::of(&ramp),
        stage: Stage::of(&ramp),
        first_test,
        evidence,
    }
}

/// The change library of `collab` from every record on the device, over the `teams` given
/// (the collaborative's teams this device may read).
pub fn build<'a>(records: impl IntoIterator<Item = &'a Record>, collab: &RecordId, teams: &[RecordId]) -> Library {
    let collab_scope = format!("collab:{collab}");
    let index: HashMap<String, usize> = teams.iter().enumerate().map(|(i, t)| (team_scope(t), i)).collect();
    let mut by_team: Vec<TeamRecords> = teams.iter().map(|_| TeamRecords::default()).collect();
    let mut package: Vec<&Record> = Vec::new();
    let mut drivers: HashMap<&str, &str> = HashMap::new();
    for r in records {
        // The scope first: most records on a coach's device are in teams, and a deletion
        // is dearer to read than a scope.
        let team = index.get(&r.scope);
        if (team.is_none() && r.scope != collab_scope) || r.is_deleted() {
            continue;
        }
        if r.scope == collab_scope {
            match r.kind {
                Kind::ChangeIdea => package.push(r),
                Kind::Driver => {
                    drivers.insert(r.id.as_str(), r.text("text"));
                }
                _ => {}
            }
            continue;
        }
        let Some(&i) = team else { continue };
        let team = &mut by_team[i];
        match r.kind {
            Kind::Team => team.name = r.text("name"),
            Kind::ChangeIdea => team.ideas.push(r),
            Kind::Cycle => team.cycles.entry(r.text("change_idea")).or_default().push(r),
            Kind::Measure => team.measures.push(r),
            Kind::Datapoint => team.points.push(r),
            _ => {}
        }
    }
    let improvements: Vec<Improvements> = by_team.iter().map(improvements).collect();
    let team_name =
        |team: &RecordId| teams.iter().position(|t| t == team).map(|i| by_team[i].name.to_owned()).unwrap_or_default();
    let mut entries: Vec<Entry> = package
        .iter()
        .map(|idea| {
            let mut uses: Vec<TeamUse> = Vec::new();
            for (i, team) in teams.iter().enumerate() {
                for copy in by_team[i].ideas.iter().filter(|c| c.text("source") == idea.id.as_str()) {
                    uses.push(team_use(team, &by_team[i], copy, Some(idea.text("text")), &improvements[i]));
                }
            }
            crate::order::sort_by_key(&mut uses, |u| u.team_name.to_lowercase());
            let origin = crate::register::Value::as_text(idea.value("origin_team"));
            let origin = crate::id::Uuid7::parse(origin).ok().map(|team| {
                let name = team_name(&team);
                (team, name)
            });
            Entry {
                idea: idea.id.clone(),
                text: idea.text("text").to_owned(),
                description: idea.text("description").to_owned(),
                drivers: crate::drivers::links(idea, "drivers")
                    .into_iter()
                    .filter_map(|d| {
                        let text = drivers.get(d.as_str())?.to_string();
                        Some((d, text))
                    })
                    .collect(),
                origin,
                from_idea: crate::id::Uuid7::parse(idea.text("origin")).ok(),
                teams: uses,
            }
        })
        .collect();
    crate::order::sort_by_key(&mut entries, |e| e.text.to_lowercase());
    let accepted: Vec<&str> = package.iter().map(|p| p.text("origin")).filter(|o| !o.is_empty()).collect();
    let mut proposals = Vec::new();
    for (i, team) in teams.iter().enumerate() {
        for idea in by_team[i].ideas.iter().filter(|c| c.text("proposed") == "yes") {
            if !accepted.contains(&idea.id.as_str()) {
                proposals.push(team_use(team, &by_team[i], idea, None, &improvements[i]));
            }
        }
    }
    Library { entries, proposals }
}

/// The teams that tried a team's idea, other than the team itself: the other teams that
/// adopted the same package idea (or the one accepted from it), each with its ramp's figures.
pub fn tried_elsewhere(library: &Library, team_idea: &Record) -> Vec<TeamUse> {
    let source = team_idea.text("source");
    let entry =
        library.entries.iter().find(|e| e.idea.as_str() == source || e.from_idea.as_ref() == Some(&team_idea.id));
    entry
        .map(|e| e.teams.iter().filter(|t| team_scope(&t.team) != team_idea.scope).cloned().collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Period;
    use crate::sample::{demo, DEMO_ADAPTED_HUDDLE};

    fn demo_library() -> (Library, Vec<RecordId>) {
        let demo = demo(Period::parse("2026-10").unwrap());
        let replica = demo.replica();
        let teams: Vec<RecordId> = demo.teams.iter().map(|t| t.team.clone()).collect();
        (build(replica.local().values(), &demo.collab, &teams), teams)
    }

    #[test]
    fn every_package_idea_lists_the_teams_that_adopted_it_with_their_own_wording() {
        let (library, _) = demo_library();
        assert_eq!(library.entries.len(), 6);
        let mut adopted: Vec<usize> = library.entries.iter().map(|e| e.teams.len()).collect();
        adopted.sort();
        assert_eq!(adopted, [1, 2, 2, 3, 3, 3], "the demo's teams came to some ideas on their own");
        let huddle = library.entries.iter().find(|e| e.text == "Safety huddle at shift change").unwrap();
        let riverside = huddle.teams.iter().find(|t| t.team_name == "Riverside Rehab").unwrap();
        assert!(riverside.adapted && riverside.wording == DEMO_ADAPTED_HUDDLE);
        assert!(riverside.cycles >= 3, "{riverside:?}");
        assert_eq!(
            riverside.decisions.adapt + riverside.decisions.adopt + riverside.decisions.abandon,
            riverside.cycles
        );
        assert!(!riverside.scales.is_empty());
        let ward = huddle.teams.iter().find(|t| t.team_name == "Ward 7 Falls Team").unwrap();
        assert!(!ward.adapted, "the package's own words");
        assert!(!huddle.drivers.is_empty(), "{huddle:?}");
    }

    #[test]
    fn evidence_is_a_signal_of_improvement_that_began_after_testing_started() {
        let (library, _) = demo_library();
        let huddle = library.entries.iter().find(|e| e.text == "Safety huddle at shift change").unwrap();
        let riverside = huddle.teams.iter().find(|t| t.team_name == "Riverside Rehab").unwrap();
        let Evidence::ImprovedAfter { from, measure, .. } = &riverside.evidence else {
            panic!("{:?}", riverside.evidence)
        };
        assert_eq!(measure, "Patients who had a fall with harm");
        let first = Period::containing("monthly", riverside.first_test.as_deref().unwrap()).unwrap();
        assert!(*from >= first, "{from:?} before {first:?}");
    }

    #[test]
    fn a_team_that_improved_before_it_tested_the_idea_is_not_counted_as_evidence() {
        let (library, _) = demo_library();
        // An idea a team first tested after its outcome measure had already shifted.
        let late: Vec<&TeamUse> = library
            .entries
            .iter()
            .flat_map(|e| &e.teams)
            .filter(|t| matches!(t.evidence, Evidence::ImprovedBefore { .. }))
            .collect();
        for team in &late {
            assert!(!team.evidence.improved_after());
        }
        let counted: usize = library.entries.iter().map(Entry::evidence).sum();
        let improved = library.entries.iter().flat_map(|e| &e.teams).filter(|t| t.evidence.improved_after()).count();
        assert_eq!(counted, improved);
    }

    #[test]
    fn sorting_and_filtering_by_driver_teams_and_evidence() {
        let (mut library, _) = demo_library();
        // One idea adopted by no team, to tell the orders apart.
        library.entries[0].teams.clear();
        let few = library.entries[0].idea.clone();
        let by_teams = library.view(SortBy::Teams, &Filter::default());
        assert_eq!(by_teams.last().unwrap().idea, few);
        let two_or_more = library.view(SortBy::Teams, &Filter { min_teams: 2, ..Filter::default() });
        let by_hand = library.entries.iter().filter(|e| e.teams.len() >= 2).count();
        assert!(by_hand < library.entries.len() - 1, "the demo has ideas of one team");
        assert_eq!(two_or_more.len(), by_hand);
        assert!(two_or_more.iter().all(|e| e.teams.len() >= 2));
        let by_evidence = library.view(SortBy::Evidence, &Filter::default());
        assert!(by_evidence.windows(2).all(|w| w[0].evidence() >= w[1].evidence()));
        let with = library.view(SortBy::Driver, &Filter { with_evidence: true, ..Filter::default() });
        assert!(with.iter().all(|e| e.evidence() > 0));
        assert!(!with.is_empty() && with.len() < library.entries.len(), "{}", with.len());
        let driver = library.entries[1].drivers[0].0.clone();
        let on_driver = library.view(SortBy::Driver, &Filter { driver: Some(driver.clone()), ..Filter::default() });
        assert!(!on_driver.is_empty() && on_driver.iter().all(|e| e.drivers.iter().any(|(d, _)| *d == driver)));
        let by_driver = library.view(SortBy::Driver, &Filter::default());
        assert!(by_driver.windows(2).all(|w| w[0].driver_text().to_lowercase() <= w[1].driver_text().to_lowercase()));
    }

    #[test]
    fn a_proposed_idea_waits_until_faculty_accept_it_with_its_origin() {
        let demo = demo(Period::parse("2026-10").unwrap());
        let mut replica = demo.replica();
        let teams: Vec<RecordId> = demo.teams.iter().map(|t| t.team.clone()).collect();
        let library = build(replica.local().values(), &demo.collab, &teams);
        assert_eq!(library.proposals.len(), 1);
        let proposal = library.proposals[0].clone();
        assert_eq!(
            (proposal.wording.as_str(), proposal.team_name.as_str()),
            ("Falls champion on every shift", "Hillview Care Home")
        );

        // Faculty accept it: a package idea with its origin, which another team adopts.
        let accepted = crate::id::Uuid7::from_parts(1_800_000_000_000, [5; 10]);
        let collab = format!("collab:{}", demo.collab);
        let edit = |record: &RecordId, kind, scope: &str, field: &str, value: &str| crate::replica::Edit {
            record: record.clone(),
            kind,
            scope: scope.to_owned(),
            field: field.to_owned(),
            value: crate::register::Value::Text(value.to_owned()),
        };
        let copy = crate::derived::adopted_id(&teams[0], &accepted);
        let ward = team_scope(&teams[0]);
        let mut clock = crate::replica::DeviceClock {
            device: crate::id::Uuid7::from_parts(1, [8; 10]),
            counter: 0,
            last_hlc: None,
        };
        replica.edit(
            &mut clock,
            vec![
                edit(&accepted, Kind::ChangeIdea, &collab, "text", &proposal.wording),
                edit(&accepted, Kind::ChangeIdea, &collab, "origin", proposal.idea.as_str()),
                edit(&accepted, Kind::ChangeIdea, &collab, "origin_team", proposal.team.as_str()),
                edit(&copy, Kind::ChangeIdea, &ward, "text", "Falls champion on days"),
                edit(&copy, Kind::ChangeIdea, &ward, "source", accepted.as_str()),
            ],
            5,
            None,
        );
        let library = build(replica.local().values(), &demo.collab, &teams);
        assert!(library.proposals.is_empty(), "accepted: no longer waiting");
        let entry = library.entries.iter().find(|e| e.idea == accepted).unwrap();
        assert_eq!(entry.origin, Some((proposal.team.clone(), "Hillview Care Home".to_owned())));
        assert_eq!(entry.teams.len(), 1);
        assert!(entry.teams[0].adapted);

        // From the origin team's own idea, the teams that tried it; from a copy, the others.
        let own = replica.record(&proposal.idea).unwrap();
        let tried = tried_elsewhere(&library, own);
        assert_eq!(tried.iter().map(|t| t.team_name.as_str()).collect::<Vec<_>>(), ["Ward 7 Falls Team"]);
        let huddle_copy = replica
            .local()
            .values()
            .find(|r| {
                r.scope == ward && r.kind == Kind::ChangeIdea && r.text("text") == "Safety huddle at shift change"
            })
            .unwrap();
        let tried = tried_elsewhere(&library, huddle_copy);
        let mut names: Vec<&str> = tried.iter().map(|t| t.team_name.as_str()).collect();
        names.sort();
        assert_eq!(names, ["Hillview Care Home", "Riverside Rehab"]);
    }

    #[test]
    fn a_stage_is_read_from_the_last_cycle_of_the_ramp() {
        let cycle = |objective: &str, decision: &str| {
            let mut r = Record::new(crate::id::Uuid7::from_parts(1, [1; 10]), Kind::Cycle, "team:x".into());
            let mut clock = crate::replica::DeviceClock {
                device: crate::id::Uuid7::from_parts(1, [2; 10]),
                counter: 0,
                last_hlc: None,
            };
            for (field, value) in [("objective_type", objective), ("decision", decision)] {
                let op = crate::replica::Replica::default().edit(
                    &mut clock,
                    vec![crate::replica::Edit {
                        record: r.id.clone(),
                        kind: Kind::Cycle,
                        scope: "team:x".into(),
                        field: field.into(),
                        value: crate::register::Value::Text(value.into()),
                    }],
                    1,
                    None,
                );
                r.apply(&op[0]);
            }
            r
        };
        let (test, implement, spread, dropped) =
            (cycle("test", "adapt"), cycle("implement", "adopt"), cycle("spread", "adopt"), cycle("test", "abandon"));
        assert_eq!(Stage::of(&[]), Stage::NotStarted);
        assert_eq!(Stage::of(&[&test]), Stage::Testing);
        assert_eq!(Stage::of(&[&test, &implement]), Stage::Implementing);
        assert_eq!(Stage::of(&[&test, &implement, &spread]), Stage::Spreading);
        assert_eq!(Stage::of(&[&test, &dropped]), Stage::Abandoned);
    }
}
