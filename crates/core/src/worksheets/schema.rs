//! The fields of each kind of record and the rules their values must keep.
//!
//! The one definition of field lists, labels, limits and validation: the app draws its forms
//! from [`fields`] and checks drafts with [`check`], and the server checks ops with the same
//! function. Never touches storage or the network.

use std::collections::BTreeMap;
use std::fmt;

use crate::record::{Kind, Scope, DELETED};
use crate::register::{Op, Value};

/// The longest single-line text accepted.
pub const MAX_LINE: usize = 200;
/// The longest paragraph accepted.
pub const MAX_PARAGRAPH: usize = 10_000;
/// The most rows a table field may hold.
pub const MAX_ROWS: usize = 50;

/// The part of a worksheet a field belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// What the record is (a team's name; a cycle's title, change idea, objective…).
    About,
    /// PDSA: Plan.
    Plan,
    /// PDSA: Do.
    Do,
    /// PDSA: Study.
    Study,
    /// PDSA: Act.
    Act,
    /// The aim worksheet.
    Aim,
    /// A measure: its name and kind.
    Measure,
    /// A measure: its operational definition.
    Definition,
    /// A measure: where it starts and where it should get to.
    Goal,
    /// A measure: the data-collection plan.
    Collection,
    /// A measure: how its chart is drawn.
    Chart,
    /// One data point.
    Point,
    /// A driver of the driver diagram.
    Driver,
    /// A change idea.
    Idea,
    /// A monthly report: what happened this month.
    Report,
    /// A monthly report: the team's own score.
    SelfScore,
    /// A monthly report: the faculty's or coach's score.
    Review,
    /// A comment.
    Comment,
    /// The collaborative's own record.
    Collaborative,
    /// One event of the collaborative's calendar.
    Session,
    /// Where a team's copy comes from: the common measure a measure reports, the change idea
    /// an idea was adopted from. Not drawn on the worksheets.
    Common,
    /// A team's change idea offered to the collaborative's change package.
    Proposal,
    /// What a team writes for a learning session's storyboard (on the report of its month).
    Storyboard,
    /// Whether the collaborative's teams read each other's work.
    Sharing,
}

impl Section {
    /// A short lowercase name, for anchors and styling.
    /// Every section, in worksheet order.
    pub const ALL: [Section; 24] = [
        Section::About,
        Section::Plan,
        Section::Do,
        Section::Study,
        Section::Act,
        Section::Aim,
        Section::Measure,
        Section::Definition,
        Section::Goal,
        Section::Collection,
        Section::Chart,
        Section::Point,
        Section::Driver,
        Section::Idea,
        Section::Report,
        Section::SelfScore,
        Section::Review,
        Section::Comment,
        Section::Collaborative,
        Section::Session,
        Section::Common,
        Section::Proposal,
        Section::Storyboard,
        Section::Sharing,
    ];

    /// The section's name in keys and ids.
    pub fn key(self) -> &'static str {
        match self {
            Section::About => "about",
            Section::Plan => "plan",
            Section::Do => "do",
            Section::Study => "study",
            Section::Act => "act",
            Section::Aim => "aim",
            Section::Measure => "measure",
            Section::Definition => "definition",
            Section::Goal => "goal",
            Section::Collection => "collection",
            Section::Chart => "chart",
            Section::Point => "point",
            Section::Driver => "driver",
            Section::Idea => "idea",
            Section::Report => "report",
            Section::SelfScore => "self-score",
            Section::Review => "review",
            Section::Comment => "comment",
            Section::Collaborative => "collaborative",
            Section::Session => "session",
            Section::Common => "common",
            Section::Proposal => "proposal",
            Section::Storyboard => "storyboard",
            Section::Sharing => "sharing",
        }
    }

    /// The heading shown above the section.
    pub fn heading(self) -> &'static str {
        match self {
            Section::About => "The cycle",
            Section::Plan => "Plan",
            Section::Do => "Do",
            Section::Study => "Study",
            Section::Act => "Act",
            Section::Aim => "What are we trying to accomplish?",
            Section::Measure => "The measure",
            Section::Definition => "Operational definition",
            Section::Goal => "Baseline and goal",
            Section::Collection => "Collecting the data",
            Section::Chart => "The chart",
            Section::Point => "Data point",
            Section::Driver => "The driver",
            Section::Idea => "The change idea",
            Section::Report => "This month",
            Section::SelfScore => "The team's assessment",
            Section::Review => "Faculty or coach's assessment",
            Section::Comment => "Comment",
            Section::Collaborative => "The collaborative",
            Section::Session => "Calendar event",
            Section::Common => "Common measure",
            Section::Proposal => "For the change package",
            Section::Storyboard => "For the learning session",
            Section::Sharing => "Switch sharing on or off",
        }
    }
}

/// How a field is entered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    /// One line of text.
    Line,
    /// Several lines of text.
    Paragraph,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A number between `min` and `max`, whole when `whole`.
    Number {
        /// The smallest value accepted.
        min: f64,
        /// The largest value accepted.
        max: f64,
        /// Whether only whole numbers are accepted (counts).
        whole: bool,
    },
    /// A measurement period: a month `YYYY-MM`, or a week by its Monday `YYYY-MM-DD`.
    Period,
    /// A month, `YYYY-MM` (a monthly report's).
    Month,
    /// One record of this kind in the same team, by id (a cycle's change idea).
    Ref(Kind),
    /// Any number of records of this kind in the same team: rows with one column, `id`.
    Refs(Kind),
    /// One of a few choices: (stored value, label).
    Choice(&'static [(&'static str, &'static str)]),
    /// A table of rows, each named `row` on screen ("question", "task"), with these columns:
    /// (column name, column label).
    Table {
        /// What one row is called.
        row: &'static str,
        /// The columns.
        columns: &'static [(&'static str, &'static str)],
    },
}

/// One field of a kind of record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldSpec {
    /// The field's name in storage and on the wire.
    pub name: &'static str,
    /// Its label on screen.
    pub label: &'static str,
    /// A short help line shown under the input (may be empty).
    pub hint: &'static str,
    /// How it is entered.
    pub input: Input,
    /// `Some(explanation)` when the field must be filled in; the words say why.
    pub required: Option<&'static str>,
    /// Where it sits on the worksheet.
    pub section: Section,
    /// The kind of record it belongs to (a common measure's fields are a measure's), which
    /// names the catalogue keys of its words ([`keys`]).
    pub kind: Kind,
}

impl FieldSpec {
    /// The most characters the field holds, for a text field.
    pub fn max_chars(&self) -> Option<usize> {
        match self.input {
            Input::Line => Some(MAX_LINE),
            Input::Paragraph => Some(MAX_PARAGRAPH),
            _ => None,
        }
    }
}

const fn field(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    input: Input,
    section: Section,
) -> FieldSpec {
    // The kind is set by `of`, for the whole list.
    FieldSpec { name, label, hint, input, required: None, section, kind: Kind::Team }
}

/// A kind's list of fields, each marked as that kind's.
const fn of<const N: usize>(kind: Kind, mut specs: [FieldSpec; N]) -> [FieldSpec; N] {
    let mut i = 0;
    while i < N {
        specs[i].kind = kind;
        i += 1;
    }
    specs
}

const fn required(mut spec: FieldSpec, why: &'static str) -> FieldSpec {
    spec.required = Some(why);
    spec
}

/// A team's objective types: why the cycle is run.
pub const OBJECTIVE_TYPES: &[(&str, &str)] = &[
    ("collect_data", "Collect data"),
    ("develop", "Develop a change"),
    ("test", "Test a change"),
    ("implement", "Implement a change"),
    ("spread", "Spread a change"),
];

/// Answers to "was it carried out as planned?" and "did results match predictions?".
pub const YES_PARTLY_NO: &[(&str, &str)] = &[("yes", "Yes"), ("partly", "Partly"), ("no", "No")];

/// The Act decisions.
pub const DECISIONS: &[(&str, &str)] = &[("adapt", "Adapt"), ("adopt", "Adopt"), ("abandon", "Abandon")];

/// The columns of the predictions table.
pub const PREDICTION_COLUMNS: &[(&str, &str)] = &[("question", "Question"), ("prediction", "Prediction")];

/// The columns of the tasks table.
pub const TASK_COLUMNS: &[(&str, &str)] = &[("what", "What"), ("who", "Who"), ("when", "When"), ("where", "Where")];

/// What a measure tells: the result, the work done to get it, or what else might suffer.
pub const MEASURE_TYPES: &[(&str, &str)] =
    &[("outcome", "Outcome"), ("process", "Process"), ("balancing", "Balancing")];

/// How a measure's value is made from the data: the stored value, and its label.
pub const VALUE_TYPES: &[(&str, &str)] = &[
    ("proportion", "Percentage: numerator ÷ denominator"),
    ("rate", "Rate: numerator per N of denominator"),
    ("count", "Count of events"),
    ("continuous", "Measurement: time, score, weight…"),
];

/// How often a measure is collected.
pub const FREQUENCIES: &[(&str, &str)] = &[("monthly", "Monthly"), ("weekly", "Weekly")];

/// Which way is better.
pub const DIRECTIONS: &[(&str, &str)] = &[("up", "Higher is better"), ("down", "Lower is better")];

/// The charts a measure can be drawn as.
pub const CHART_TYPES: &[(&str, &str)] = &[
    ("run", "Run chart"),
    ("spc", "Control chart (SPC) for the measure's type"),
    ("i", "I chart (individual measurements)"),
    ("t", "T chart (days between rare events)"),
    ("g", "G chart (cases between rare events)"),
    ("c", "C chart (counts)"),
    ("p", "P chart (percentages)"),
    ("pp", "P′ chart (percentages, large denominators)"),
    ("u", "U chart (rates)"),
    ("up", "U′ chart (rates, large denominators)"),
];

/// Whether a control chart draws its 2-sigma lines.
pub const TWO_SIGMA: &[(&str, &str)] = &[("no", "No"), ("yes", "Yes, draw them")];

/// The rule sets a chart can be read by.
pub const RULE_SETS: &[(&str, &str)] = &[
    ("ihi", "IHI rules (run charts) · Shewhart rules (control charts)"),
    ("anhoej", "Anhøj rules (with points beyond limits on control charts)"),
    ("mdc", "Making Data Count rules (NHS England; control charts)"),
];

/// The columns of a measure's phase breaks.
pub const PHASE_COLUMNS: &[(&str, &str)] = &[("from", "From (month, YYYY-MM, or week's Monday)"), ("reason", "Reason")];

/// The two levels of drivers.
pub const DRIVER_LEVELS: &[(&str, &str)] = &[("primary", "Primary driver"), ("secondary", "Secondary driver")];

/// The largest count or amount accepted anywhere.
pub const MAX_NUMBER: f64 = 1e12;

const fn number(min: f64, max: f64, whole: bool) -> Input {
    Input::Number { min, max, whole }
}

const TEAM_FIELDS: &[FieldSpec] = &of(
    Kind::Team,
    [
        required(
            field(
                "name",
                "Team name",
                "As the collaborative knows you, e.g. “Ward 7 Falls Team”.",
                Input::Line,
                Section::About,
            ),
            "Give the team a name, so its members can find it.",
        ),
        field("organization", "Organization", "", Input::Line, Section::About),
        field("site", "Site", "Ward, clinic or unit.", Input::Line, Section::About),
    ],
);

const CYCLE_FIELDS: &[FieldSpec] = &of(
    Kind::Cycle,
    [
        required(
            field(
                "title",
                "Cycle title",
                "A few words the team will recognise in the list.",
                Input::Line,
                Section::About,
            ),
            "Give the cycle a title, so the team can find it in the list.",
        ),
        required(
            field(
                "change_idea",
                "Change idea tested",
                "The change this cycle tests, from the team's change ideas.",
                Input::Ref(Kind::ChangeIdea),
                Section::About,
            ),
            "Pick the change idea: every PDSA cycle tests a change.",
        ),
        field(
            "previous",
            "Follows the cycle",
            "The cycle this one builds on, if it is the next step of a ramp.",
            Input::Ref(Kind::Cycle),
            Section::About,
        ),
        field(
            "measure",
            "Measure it should move",
            "Which of the team's measures should show the change.",
            Input::Ref(Kind::Measure),
            Section::About,
        ),
        field("objective_type", "Objective of this cycle", "", Input::Choice(OBJECTIVE_TYPES), Section::About),
        field(
            "objective",
            "Objective",
            "What this cycle is meant to find out or achieve.",
            Input::Paragraph,
            Section::About,
        ),
        field(
            "scale",
            "Scale of the test",
            "Start small: one patient, one clinician, one day.",
            Input::Line,
            Section::About,
        ),
        field("start", "Start date", "", Input::Date, Section::About),
        field("end", "End date", "", Input::Date, Section::About),
        field(
            "predictions",
            "Questions and predictions",
            "What do you want to learn, and what do you predict will happen?",
            Input::Table { row: "question", columns: PREDICTION_COLUMNS },
            Section::Plan,
        ),
        field(
            "tasks",
            "Tasks to run the test",
            "What needs doing, by whom, when and where.",
            Input::Table { row: "task", columns: TASK_COLUMNS },
            Section::Plan,
        ),
        field(
            "data_plan",
            "Plan for collecting data",
            "Who collects what, when and how.",
            Input::Paragraph,
            Section::Plan,
        ),
        field("ran_as_planned", "Was the cycle carried out as planned?", "", Input::Choice(YES_PARTLY_NO), Section::Do),
        field("observations", "What did you observe?", "", Input::Paragraph, Section::Do),
        field("problems", "Problems and surprises", "", Input::Paragraph, Section::Do),
        field(
            "matched_predictions",
            "Did the results match your predictions?",
            "",
            Input::Choice(YES_PARTLY_NO),
            Section::Study,
        ),
        field("comparison", "Compare the results with your predictions", "", Input::Paragraph, Section::Study),
        field("learning", "What did you learn?", "", Input::Paragraph, Section::Study),
        field("decision", "Decision", "Adapt, adopt or abandon the change.", Input::Choice(DECISIONS), Section::Act),
        field("next_steps", "Next steps and next cycle", "", Input::Paragraph, Section::Act),
    ],
);

const AIM_FIELDS: &[FieldSpec] = &of(
    Kind::Aim,
    [
        field(
            "what",
            "What will improve",
            "In a few words, e.g. “reduce falls with harm”, “same-day appointments”.",
            Input::Line,
            Section::Aim,
        ),
        field("how_much", "How much (a number)", "e.g. 50", number(-MAX_NUMBER, MAX_NUMBER, false), Section::Aim),
        field("unit", "…of what", "e.g. “% fewer”, “% of patients”, “days or less”.", Input::Line, Section::Aim),
        field("by_when", "By when", "A date, not “soon”.", Input::Date, Section::Aim),
        field("population", "For whom", "The patients or people, e.g. “adults over 65”.", Input::Line, Section::Aim),
        field("place", "Where", "Ward, clinic, service.", Input::Line, Section::Aim),
        field("baseline", "Where you start", "e.g. “9 falls per 1,000 bed days in 2025”.", Input::Line, Section::Aim),
        field(
            "statement",
            "Aim statement",
            "One sentence the whole team can repeat: how much, by when, for whom.",
            Input::Paragraph,
            Section::Aim,
        ),
    ],
);

const MEASURE_FIELDS: &[FieldSpec] = &of(
    Kind::Measure,
    [
        required(
            field("name", "Measure name", "e.g. “Falls per 1,000 bed days”.", Input::Line, Section::Measure),
            "Give the measure a name, so the team can find it.",
        ),
        required(
            field(
                "measure_type",
                "Kind of measure",
                "Outcome: the result; process: the work; balancing: what else might suffer.",
                Input::Choice(MEASURE_TYPES),
                Section::Measure,
            ),
            "Say whether it is an outcome, process or balancing measure.",
        ),
        required(
            field("value_type", "How it is calculated", "", Input::Choice(VALUE_TYPES), Section::Measure),
            "Say how the measure is calculated, so its data can be entered.",
        ),
        field("frequency", "How often", "", Input::Choice(FREQUENCIES), Section::Measure),
        field("direction", "Improvement means", "", Input::Choice(DIRECTIONS), Section::Measure),
        field(
            "definition",
            "Operational definition",
            "Exactly what counts and what does not, so anyone would get the same number.",
            Input::Paragraph,
            Section::Definition,
        ),
        field("numerator", "Numerator", "What is counted, e.g. “patients screened”.", Input::Line, Section::Definition),
        field("denominator", "Denominator", "Out of what, e.g. “patients admitted”.", Input::Line, Section::Definition),
        field(
            "rate_per",
            "Rate per",
            "For rates: e.g. 1000 for “per 1,000 bed days”.",
            number(1.0, 1e9, true),
            Section::Definition,
        ),
        field("unit", "Unit", "e.g. minutes, falls per 1,000 bed days.", Input::Line, Section::Definition),
        field(
            "baseline",
            "Baseline",
            "Where the measure starts, in its unit.",
            number(-MAX_NUMBER, MAX_NUMBER, false),
            Section::Goal,
        ),
        field(
            "goal",
            "Goal",
            "Where the aim says it should get to.",
            number(-MAX_NUMBER, MAX_NUMBER, false),
            Section::Goal,
        ),
        field(
            "chart",
            "Chart",
            "A run chart to start; a control chart once there are 20 points.",
            Input::Choice(CHART_TYPES),
            Section::Chart,
        ),
        field("rules", "Rules for signals", "", Input::Choice(RULE_SETS), Section::Chart),
        field(
            "two_sigma",
            "2-sigma lines",
            "On control charts: also draw lines two thirds of the way to each limit.",
            Input::Choice(TWO_SIGMA),
            Section::Chart,
        ),
        field(
            "freeze",
            "Freeze the baseline after this many points",
            "The centre line and limits of the first points are extended forward. Leave empty to use all points.",
            number(0.0, 10_000.0, true),
            Section::Chart,
        ),
        field("freeze_reason", "Why the baseline is frozen", "", Input::Line, Section::Chart),
        field(
            "phases",
            "Phase breaks",
            "Where the process changed: the centre line and limits are recomputed from there.",
            Input::Table { row: "phase break", columns: PHASE_COLUMNS },
            Section::Chart,
        ),
        field("collect_who", "Who collects it", "", Input::Line, Section::Collection),
        field("collect_how", "How", "Source, sampling, tally sheet…", Input::Paragraph, Section::Collection),
        field("collect_when", "When", "e.g. “every Monday for the week before”.", Input::Line, Section::Collection),
        field(
            "common",
            "Common measure",
            "The collaborative's common measure this measure reports, if any.",
            Input::Ref(Kind::MeasureDef),
            Section::Common,
        ),
    ],
);

const DATAPOINT_FIELDS: &[FieldSpec] = &of(
    Kind::Datapoint,
    [
        required(
            field("measure", "Measure", "", Input::Ref(Kind::Measure), Section::Point),
            "Pick the measure this data belongs to.",
        ),
        required(field("period", "Period", "", Input::Period, Section::Point), "Say which month or week this is."),
        field("numerator", "Numerator", "", number(0.0, MAX_NUMBER, false), Section::Point),
        field("denominator", "Denominator", "", number(0.0, MAX_NUMBER, false), Section::Point),
        field("value", "Value", "", number(-MAX_NUMBER, MAX_NUMBER, false), Section::Point),
        field("note", "Note", "Anything that explains this point.", Input::Paragraph, Section::Point),
        field(
            "astronomical",
            "Astronomical point?",
            "A value everyone would agree is highly unusual. It is marked on the run chart.",
            Input::Choice(ASTRONOMICAL),
            Section::Point,
        ),
        field(
            "exclude",
            "Leave out of the calculations?",
            "For a point you know has another cause (a data error, a one-off event): it stays on the chart, \
         marked, but the centre line, limits and rules leave it out.",
            Input::Choice(EXCLUDE),
            Section::Point,
        ),
        field(
            "exclude_reason",
            "Why it is left out",
            "Said beside the point on the chart.",
            Input::Line,
            Section::Point,
        ),
    ],
);

/// The answers to "leave out of the calculations?".
pub const EXCLUDE: &[(&str, &str)] = &[("no", "No, use it"), ("yes", "Yes, leave it out")];

/// The answers to "astronomical point?".
pub const ASTRONOMICAL: &[(&str, &str)] = &[("no", "No"), ("yes", "Yes, clearly unusual")];

const DRIVER_FIELDS: &[FieldSpec] = &of(
    Kind::Driver,
    [
        required(
            field("level", "Level", "", Input::Choice(DRIVER_LEVELS), Section::Driver),
            "Say whether this is a primary or a secondary driver.",
        ),
        required(
            field("text", "Driver", "What must be in place to reach the aim.", Input::Line, Section::Driver),
            "Write the driver.",
        ),
        field(
            "links",
            "Primary drivers it serves",
            "For a secondary driver: which primary drivers it feeds.",
            Input::Refs(Kind::Driver),
            Section::Driver,
        ),
    ],
);

const CHANGE_IDEA_FIELDS: &[FieldSpec] = &of(
    Kind::ChangeIdea,
    [
        required(
            field(
                "text",
                "Change idea",
                "A change to test, e.g. “safety huddle at shift change”.",
                Input::Line,
                Section::Idea,
            ),
            "Write the change idea.",
        ),
        field(
            "description",
            "Description",
            "What the change is and where it comes from.",
            Input::Paragraph,
            Section::Idea,
        ),
        field("drivers", "Secondary drivers it works on", "", Input::Refs(Kind::Driver), Section::Idea),
        field(
            "source",
            "Adopted from",
            "The collaborative's change idea this team's idea was adopted from, if any.",
            Input::Ref(Kind::ChangeIdea),
            Section::Common,
        ),
        field(
            "proposed",
            "Propose it for the change package?",
            "When it works for you, faculty can add it to the collaborative's change package for every team, \
         with your team named as where it came from.",
            Input::Choice(PROPOSED),
            Section::Proposal,
        ),
        field(
            "origin",
            "Came from",
            "The team's change idea a package idea was accepted from.",
            Input::Ref(Kind::ChangeIdea),
            Section::Common,
        ),
        field("origin_team", "Came from the team", "", Input::Ref(Kind::Team), Section::Common),
    ],
);

/// The answers to "propose it for the change package?".
pub const PROPOSED: &[(&str, &str)] = &[("no", "No"), ("yes", "Yes, propose it")];

/// The answers to "share between teams?".
pub const SHARING: &[(&str, &str)] = &[
    ("off", "Off: each team sees only its own work"),
    ("on", "On: teams read each other's aims, measures, ideas and cycles"),
];

/// The IHI assessment scale for collaboratives, as (stored value, what the level means).
pub const SCORES: &[(&str, &str)] = &[
    ("0.5", "0.5 — Intent to participate: the team has signed up and formed, nothing more yet."),
    ("1.0", "1.0 — Team formed, goal set: the team has an aim and has started planning."),
    ("1.5", "1.5 — Planning for the project has begun: research and discussion, no changes tested yet."),
    ("2.0", "2.0 — Activity, but no changes: measures are reported and the first PDSA cycles are being planned."),
    ("2.5", "2.5 — Changes tested, but no improvement: cycles are under way, the measures have not moved yet."),
    ("3.0", "3.0 — Modest improvement: tests have led to changes; process measures show some improvement."),
    ("3.5", "3.5 — Improvement: process measures keep improving and outcome measures begin to move."),
    (
        "4.0",
        "4.0 — Significant improvement: half the aim's goals are met; outcome measures show sustained improvement.",
    ),
    ("4.5", "4.5 — Sustainable improvement: most goals met for three months or more; spreading has begun."),
    ("5.0", "5.0 — Outstanding sustainable results: every goal of the aim is met and held; changes spread."),
];

/// The events of a collaborative's calendar.
pub const SESSION_TYPES: &[(&str, &str)] = &[
    ("expert_meeting", "Expert meeting"),
    ("learning_session", "Learning session"),
    ("action_period", "Action period"),
    ("outcomes_congress", "Outcomes congress"),
];

const REPORT_FIELDS: &[FieldSpec] = &of(
    Kind::Report,
    [
        // Not drawn on the report's page: the month is the page's (its id is derived from it).
        required(field("month", "Month", "", Input::Month, Section::About), "Say which month this report covers."),
        field(
            "progress",
            "Progress this month",
            "What the team did and what moved.",
            Input::Paragraph,
            Section::Report,
        ),
        field(
            "achievements",
            "Achievements",
            "What went well; what you are proud of.",
            Input::Paragraph,
            Section::Report,
        ),
        field("barriers", "Barriers", "What got in the way.", Input::Paragraph, Section::Report),
        field(
            "help_needed",
            "Help needed",
            "What you would like from faculty, your coach or other teams.",
            Input::Paragraph,
            Section::Report,
        ),
        field(
            "self_score",
            "Where the team is on the assessment scale",
            "Your own view of where the team stands this month.",
            Input::Choice(SCORES),
            Section::SelfScore,
        ),
        field(
            "faculty_score",
            "Score from faculty or the coach",
            "Faculty's or the coach's view of the same month.",
            Input::Choice(SCORES),
            Section::Review,
        ),
        field(
            "faculty_note",
            "Why this score",
            "A line for the team on what the score rests on.",
            Input::Paragraph,
            Section::Review,
        ),
        field(
            "learned",
            "What we learned",
            "For the storyboard of the learning session in this month: what your tests taught you.",
            Input::Paragraph,
            Section::Storyboard,
        ),
        field(
            "next",
            "What's next",
            "For the storyboard: what you will test or spread in the next action period.",
            Input::Paragraph,
            Section::Storyboard,
        ),
    ],
);

const COMMENT_FIELDS: &[FieldSpec] = &of(
    Kind::Comment,
    [
        required(
            field("target", "On", "", Input::Ref(Kind::Cycle), Section::Comment),
            "Say what the comment is about.",
        ),
        required(field("text", "Comment", "", Input::Paragraph, Section::Comment), "Write the comment."),
    ],
);

const COLLABORATIVE_FIELDS: &[FieldSpec] = &of(
    Kind::Collaborative,
    [
        required(
            field("name", "Name of the collaborative", "e.g. “Safer Wards 2027”.", Input::Line, Section::Collaborative),
            "Give the collaborative a name, so teams can recognise it.",
        ),
        field("topic", "Topic", "e.g. “Reducing falls with harm”.", Input::Line, Section::Collaborative),
        field(
            "aim",
            "The collaborative's aim",
            "How much, by when, for whom, across all teams.",
            Input::Paragraph,
            Section::Collaborative,
        ),
        field("start", "Starts", "", Input::Date, Section::Collaborative),
        field("end", "Ends", "", Input::Date, Section::Collaborative),
        field(
            "sharing",
            "Share between teams",
            "When on, members and coaches read (never change) the other teams' aims, measures, change \
         ideas and cycles, and can comment on them.",
            Input::Choice(SHARING),
            Section::Sharing,
        ),
    ],
);

const SESSION_FIELDS: &[FieldSpec] = &of(
    Kind::Session,
    [
        required(
            field("session_type", "Event", "", Input::Choice(SESSION_TYPES), Section::Session),
            "Say what kind of event this is.",
        ),
        field("number", "Number", "e.g. 2 for learning session 2.", number(1.0, 20.0, true), Section::Session),
        required(field("start", "Starts", "", Input::Date, Section::Session), "Give the date it starts."),
        field("end", "Ends", "", Input::Date, Section::Session),
        field("place", "Where", "A venue, or “online”.", Input::Line, Section::Session),
    ],
);

/// The fields of a kind, in worksheet order.
pub fn fields(kind: Kind) -> &'static [FieldSpec] {
    match kind {
        Kind::Team => TEAM_FIELDS,
        Kind::Cycle => CYCLE_FIELDS,
        Kind::Aim => AIM_FIELDS,
        Kind::Measure => MEASURE_FIELDS,
        Kind::Datapoint => DATAPOINT_FIELDS,
        Kind::Driver => DRIVER_FIELDS,
        Kind::ChangeIdea => CHANGE_IDEA_FIELDS,
        Kind::Report => REPORT_FIELDS,
        Kind::Comment => COMMENT_FIELDS,
        Kind::Collaborative => COLLABORATIVE_FIELDS,
        Kind::Session => SESSION_FIELDS,
        // A common measure is defined like a team's own measure; teams copy it to report it.
        Kind::MeasureDef => MEASURE_FIELDS,
    }
}

/// The catalogue keys of the schema's words. The app's catalogues (`locales/*.ftl`) hold the
/// words in each language; these functions are the one naming of their keys, for the app that
/// looks them up and for the checks that every key is in every catalogue. (The English beside
/// each field here is what `en.ftl` says: a check keeps the two the same.)
pub mod keys {
    use super::{fields, Input, Section};
    use crate::record::Kind;

    /// A common measure is worded as a team's measure: they share their fields.
    fn kind_key(kind: Kind) -> &'static str {
        match kind {
            Kind::MeasureDef => Kind::Measure.as_str(),
            kind => kind.as_str(),
        }
    }

    /// A field's label: `field-cycle-title`.
    pub fn label(kind: Kind, field: &str) -> String {
        format!("field-{}-{field}", kind_key(kind))
    }

    /// A field's help line.
    pub fn hint(kind: Kind, field: &str) -> String {
        format!("{}-hint", label(kind, field))
    }

    /// Why a required field is needed.
    pub fn required(kind: Kind, field: &str) -> String {
        format!("{}-required", label(kind, field))
    }

    /// One of a choice field's choices, by its stored value ("0.5" becomes "0_5": a key has no
    /// points).
    pub fn choice(kind: Kind, field: &str, stored: &str) -> String {
        format!("{}-is-{}", label(kind, field), stored.replace('.', "_"))
    }

    /// A table field's column.
    pub fn column(kind: Kind, field: &str, column: &str) -> String {
        format!("{}-col-{column}", label(kind, field))
    }

    /// What one row of a table field is called ("question").
    pub fn row(kind: Kind, field: &str) -> String {
        format!("{}-row", label(kind, field))
    }

    /// A worksheet section's heading.
    pub fn section(section: Section) -> String {
        format!("section-{}", section.key())
    }

    /// Every key the schema's words need, with the English each has here.
    pub fn all() -> Vec<(String, String)> {
        let mut words: Vec<(String, String)> =
            Section::ALL.iter().map(|s| (section(*s), s.heading().to_owned())).collect();
        let mut kinds: Vec<Kind> = Kind::ALL.into_iter().chain(Kind::COLLAB).collect();
        kinds.dedup();
        let mut seen = std::collections::BTreeSet::new();
        for kind in kinds {
            if !seen.insert(kind_key(kind)) {
                continue;
            }
            for spec in fields(kind) {
                let name = spec.name;
                words.push((label(kind, name), spec.label.to_owned()));
                if !spec.hint.is_empty() {
                    words.push((hint(kind, name), spec.hint.to_owned()));
                }
                if let Some(why) = spec.required {
                    words.push((required(kind, name), why.to_owned()));
                }
                match spec.input {
                    Input::Choice(choices) => words.extend(
                        choices.iter().map(|(stored, words)| (choice(kind, name, stored), (*words).to_owned())),
                    ),
                    Input::Table { row: row_name, columns } => {
                        words.push((row(kind, name), row_name.to_owned()));
                        words.extend(columns.iter().map(|(c, words)| (column(kind, name, c), (*words).to_owned())));
                    }
                    _ => {}
                }
            }
        }
        words
    }
}

/// The spec of one field of a kind, if it has one.
pub fn spec(kind: Kind, name: &str) -> Option<&'static FieldSpec> {
    fields(kind).iter().find(|spec| spec.name == name)
}

/// What is wrong with one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// A required field is blank; the words say why it is needed.
    Required(&'static str),
    /// Text longer than the limit.
    TooLong {
        /// The limit, in characters.
        max: usize,
    },
    /// A table with more rows than the limit.
    TooManyRows {
        /// The limit.
        max: usize,
    },
    /// Not a real calendar date.
    NotADate,
    /// The end date comes before the start date.
    EndBeforeStart,
    /// A value that is not one of the field's choices.
    NotAChoice,
    /// A value of the wrong type (text where a table goes…).
    WrongType,
    /// A field this kind of record does not have.
    UnknownField,
    /// A scope that is not `team:<id>` or `collab:<id>`, or does not fit the kind of record.
    BadScope,
    /// Text where a number goes.
    NotANumber,
    /// Typed text that is not a number Ramp reads surely; the words say how to write it.
    BadNumber(crate::number::NumberIssue),
    /// A number outside the field's range.
    OutOfRange {
        /// The smallest value accepted.
        min: i64,
        /// The largest value accepted.
        max: i64,
    },
    /// A fraction where only whole numbers make sense (counts).
    NotWhole,
    /// Not a month (`YYYY-MM`) or a week's Monday (`YYYY-MM-DD`).
    NotAPeriod,
    /// A link that is not a record id.
    NotALink,
    /// A proportion's numerator above its denominator: more than 100 %.
    AboveHundred,
    /// A proportion or rate with a denominator of zero.
    ZeroDenominator,
    /// A data point without the number(s) its measure needs.
    MissingNumber(&'static str),
    /// A field only the collaborative's faculty may write (see [`writers`]).
    FacultyOnly,
    /// A field only the collaborative's faculty or the team's coach may write.
    ReviewersOnly,
    /// A comment that has been written already: comments are never changed.
    CommentWritten,
    /// A week where only a month goes (a monthly report).
    NotAMonth,
    /// A scope the person may not change.
    NotYours,
    /// A record id that is derived for another kind, team or key (DESIGN.md §4).
    DerivedId,
    /// A field that already holds as many conflicting values as it may.
    TooManySiblings {
        /// The most values one field may hold at once.
        max: usize,
    },
    /// A team the person was removed from: their changes to it are no longer taken.
    NoLongerOnTeam,
    /// A team record the server does not know: teams are made in a collaborative, online.
    UnknownTeam,
    /// A clock reading further ahead of the server's clock than it accepts.
    ClockAhead {
        /// How far ahead a reading may be, in hours.
        hours: u64,
    },
}

impl Issue {
    /// The issue as a stable reason code: the app words it in the reader's language, with
    /// [`Issue::numbers`] put in (`Required` and `MissingNumber` also say which field,
    /// `BadNumber` which [`NumberIssue`](crate::number::NumberIssue)).
    pub fn code(&self) -> &'static str {
        match self {
            Issue::Required(_) => "required",
            Issue::TooLong { .. } => "too_long",
            Issue::TooManyRows { .. } => "too_many_rows",
            Issue::NotADate => "not_a_date",
            Issue::EndBeforeStart => "end_before_start",
            Issue::NotAChoice => "not_a_choice",
            Issue::WrongType => "wrong_type",
            Issue::UnknownField => "unknown_field",
            Issue::BadScope => "bad_scope",
            Issue::NotANumber => "not_a_number",
            Issue::BadNumber(crate::number::NumberIssue::NotANumber) => "not_a_number",
            Issue::BadNumber(crate::number::NumberIssue::Fraction) => "fraction",
            Issue::BadNumber(crate::number::NumberIssue::Exponent) => "exponent",
            Issue::BadNumber(crate::number::NumberIssue::Grouping) => "grouping",
            Issue::OutOfRange { min, .. } if *min > 0 => "out_of_range_from",
            Issue::OutOfRange { min, .. } if *min == 0 => "out_of_range",
            Issue::OutOfRange { .. } => "out_of_range_between",
            Issue::NotWhole => "not_whole",
            Issue::NotAPeriod => "not_a_period",
            Issue::NotALink => "not_a_link",
            Issue::AboveHundred => "above_hundred",
            Issue::ZeroDenominator => "zero_denominator",
            Issue::MissingNumber(_) => "missing_number",
            Issue::FacultyOnly => "faculty_only",
            Issue::ReviewersOnly => "reviewers_only",
            Issue::CommentWritten => "comment_written",
            Issue::NotAMonth => "not_a_month",
            Issue::NotYours => "not_yours",
            Issue::DerivedId => "derived_id",
            Issue::TooManySiblings { .. } => "too_many_siblings",
            Issue::NoLongerOnTeam => "no_longer_on_team",
            Issue::UnknownTeam => "unknown_team",
            Issue::ClockAhead { .. } => "clock_ahead",
        }
    }

    /// Every code [`Issue::code`] gives.
    pub const CODES: [&'static str; 32] = [
        "required",
        "too_long",
        "too_many_rows",
        "not_a_date",
        "end_before_start",
        "not_a_choice",
        "wrong_type",
        "unknown_field",
        "bad_scope",
        "not_a_number",
        "fraction",
        "exponent",
        "grouping",
        "out_of_range_from",
        "out_of_range",
        "out_of_range_between",
        "not_whole",
        "not_a_period",
        "not_a_link",
        "above_hundred",
        "zero_denominator",
        "missing_number",
        "faculty_only",
        "reviewers_only",
        "comment_written",
        "not_a_month",
        "not_yours",
        "derived_id",
        "too_many_siblings",
        "no_longer_on_team",
        "unknown_team",
        "clock_ahead",
    ];

    /// The numbers its words put in, by name: `max`, `min`, `hours`.
    pub fn numbers(&self) -> Vec<(&'static str, f64)> {
        match self {
            Issue::TooLong { max } | Issue::TooManyRows { max } | Issue::TooManySiblings { max } => {
                vec![("max", *max as f64)]
            }
            Issue::OutOfRange { min, max } => vec![("min", *min as f64), ("max", *max as f64)],
            Issue::ClockAhead { hours } => vec![("hours", *hours as f64)],
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Issue::Required(why) => f.write_str(why),
            Issue::TooLong { max } => {
                write!(f, "This is too long: keep it under {max} characters.")
            }
            Issue::TooManyRows { max } => write!(f, "This has too many rows: keep it to {max}."),
            Issue::NotADate => f.write_str("This is not a date: use the date picker or write it as YYYY-MM-DD."),
            Issue::EndBeforeStart => f.write_str("The end date is before the start date."),
            Issue::NotAChoice => f.write_str("Pick one of the choices offered."),
            Issue::WrongType => f.write_str("This value has the wrong type for this field."),
            Issue::UnknownField => f.write_str("This kind of record has no such field."),
            Issue::BadScope => f.write_str("This record does not belong where it says it does."),
            Issue::FacultyOnly => f.write_str("Only the collaborative's faculty can change this."),
            Issue::ReviewersOnly => f.write_str("Only the collaborative's faculty or the team's coach can score this."),
            Issue::CommentWritten => f.write_str("A comment cannot be changed once written; add another one."),
            Issue::NotAMonth => f.write_str("Reports are monthly: pick a month."),
            Issue::NotYours => f.write_str("You cannot change this team's worksheets."),
            Issue::NoLongerOnTeam => f.write_str(
                "You are no longer on this team: the collaborative's faculty removed you, so this change was not sent.",
            ),
            Issue::DerivedId => f.write_str(
                "This record's id belongs to another record (its team, kind, month, measure or source differ).",
            ),
            Issue::TooManySiblings { max } => write!(
                f,
                "This field already holds {max} conflicting values: resolve the conflict, then write it again."
            ),
            Issue::UnknownTeam => f.write_str("This team is not part of a collaborative on the server."),
            Issue::ClockAhead { hours } => write!(
                f,
                "This device's clock is more than {hours} hours ahead of the server's: set the date and time, then save again."
            ),
            Issue::NotANumber => f.write_str("This is not a number: write it with digits, like 12 or 3.5."),
            Issue::BadNumber(issue) => issue.fmt(f),
            Issue::OutOfRange { min, max } if *min >= 0 => {
                write!(f, "This cannot be negative or above {max}.")?;
                if *min > 0 {
                    write!(f, " Use at least {min}.")?;
                }
                Ok(())
            }
            Issue::OutOfRange { min, max } => write!(f, "Use a number between {min} and {max}."),
            Issue::NotWhole => f.write_str("This is a count: use a whole number."),
            Issue::NotAPeriod => f.write_str("This is not a month or a week: pick one from the calendar."),
            Issue::NotALink => f.write_str("This link does not point to a record: pick one from the list."),
            Issue::AboveHundred => {
                f.write_str("The numerator is larger than the denominator: a percentage cannot be above 100 %.")
            }
            Issue::ZeroDenominator => f.write_str("The denominator is 0: nothing to divide by. Check the count."),
            Issue::MissingNumber(what) => write!(f, "Enter the {what}."),
        }
    }
}

/// A problem with one field of a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field.
    pub field: String,
    /// What is wrong.
    pub issue: Issue,
}

/// Checks a whole draft of a record (field name → value): every problem, field by field.
/// Fields missing from the draft count as blank.
pub fn check(kind: Kind, draft: &BTreeMap<String, Value>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (name, value) in draft {
        if name == DELETED {
            if !matches!(value, Value::Bool(_) | Value::Null | Value::Rows(_)) {
                problems.push(Problem { field: name.clone(), issue: Issue::WrongType });
            }
            continue;
        }
        match spec(kind, name) {
            None => problems.push(Problem { field: name.clone(), issue: Issue::UnknownField }),
            Some(spec) => problems.extend(check_value(spec, value).map(|issue| Problem { field: name.clone(), issue })),
        }
    }
    for spec in fields(kind) {
        let blank = draft.get(spec.name).is_none_or(Value::is_blank);
        if let (Some(why), true) = (spec.required, blank) {
            problems.push(Problem { field: spec.name.to_owned(), issue: Issue::Required(why) });
        }
    }
    let date = |name: &str| draft.get(name).map(Value::as_text).filter(|text| parse_date(text).is_some());
    if let (Some(start), Some(end)) = (date("start"), date("end")) {
        if end < start {
            problems.push(Problem { field: "end".to_owned(), issue: Issue::EndBeforeStart });
        }
    }
    problems
}

/// Checks one op on its own, as the server does before applying it: the field exists for the
/// kind, the value fits the field, and the scope is well formed and fits the kind (a team is
/// its own scope; a cycle belongs to a team). Required fields are not checked here: a field
/// may be cleared by one op and filled by the next.
pub fn check_op(op: &Op) -> Result<(), Issue> {
    let scope_fits = match (op.kind, Scope::parse(&op.scope)) {
        (Kind::Team, Some(Scope::Team(team))) => team == op.record,
        (Kind::Aim, Some(Scope::Team(team))) => op.record == crate::aim::id(&team),
        (Kind::Collaborative, Some(Scope::Collab(collab))) => collab == op.record,
        (kind, Some(Scope::Team(_))) => Kind::ALL.contains(&kind),
        (kind, Some(Scope::Collab(_))) => Kind::COLLAB.contains(&kind),
        _ => false,
    };
    if !scope_fits {
        return Err(Issue::BadScope);
    }
    if op.kind == Kind::Report && op.field == "month" {
        if let (Value::Text(text), Some(Scope::Team(team))) = (&op.value, Scope::parse(&op.scope)) {
            // A report's id is its team's and month's: one report per month.
            if let Some(month @ crate::period::Period::Month { .. }) = crate::period::Period::parse(text) {
                if crate::report::id(&team, month) != op.record {
                    return Err(Issue::BadScope);
                }
            }
        }
    }
    if op.field == DELETED {
        return match &op.value {
            Value::Bool(_) | Value::Null => Ok(()),
            Value::Rows(rows) if rows.len() <= 10_000 => Ok(()),
            _ => Err(Issue::WrongType),
        };
    }
    let spec = spec(op.kind, &op.field).ok_or(Issue::UnknownField)?;
    match check_value(spec, &op.value) {
        Some(issue) => Err(issue),
        None => Ok(()),
    }
}

/// The field that names a record of a kind in lists and logs ("title" for a cycle), if any.
pub fn title_field(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Team | Kind::Measure | Kind::MeasureDef | Kind::Collaborative => Some("name"),
        Kind::Cycle => Some("title"),
        Kind::Driver | Kind::ChangeIdea | Kind::Comment => Some("text"),
        Kind::Datapoint => Some("period"),
        Kind::Report => Some("month"),
        Kind::Session => Some("session_type"),
        Kind::Aim => None,
    }
}

/// Who may write a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Writers {
    /// Anyone who may write in the scope (a team's members, its faculty).
    Scope,
    /// Only the faculty of the collaborative the scope belongs to.
    Faculty,
    /// The faculty, or a coach of the team (a report's faculty score).
    Reviewers,
    /// Writers of the scope and reviewers (a report's month, which either may write first).
    ScopeOrReviewers,
    /// Anyone who may read the scope: members, coaches, faculty (comments).
    Readers,
}

/// What a person is to one scope, for field permissions (from their roles).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// They may read the scope.
    pub reads: bool,
    /// They may change its worksheets (a member of the team, or its faculty).
    pub writes: bool,
    /// They are faculty of the collaborative the scope belongs to.
    pub governs: bool,
    /// They coach the team.
    pub coaches: bool,
}

/// The one rule of field permissions: removing a team (its `deleted` field) is for faculty;
/// a report's faculty score and note are for faculty or the team's coach; a comment is for
/// anyone who reads the team; everything else is for whoever may write in the scope.
pub fn writers(kind: Kind, field: &str) -> Writers {
    match (kind, field) {
        (Kind::Team, DELETED) => Writers::Faculty,
        (Kind::Report, "faculty_score" | "faculty_note") => Writers::Reviewers,
        (Kind::Report, "month") => Writers::ScopeOrReviewers,
        (Kind::Comment, DELETED) => Writers::Faculty,
        (Kind::Comment, _) => Writers::Readers,
        _ => Writers::Scope,
    }
}

/// Whether a person of this standing may write this field; `Err` says why not.
pub fn may_write(kind: Kind, field: &str, standing: Standing) -> Result<(), Issue> {
    match writers(kind, field) {
        Writers::Scope if standing.writes => Ok(()),
        Writers::Scope => Err(Issue::NotYours),
        Writers::Faculty if standing.governs => Ok(()),
        Writers::Faculty => Err(Issue::FacultyOnly),
        Writers::Reviewers if standing.governs || standing.coaches => Ok(()),
        Writers::Reviewers => Err(Issue::ReviewersOnly),
        Writers::ScopeOrReviewers if standing.writes || standing.governs || standing.coaches => Ok(()),
        Writers::ScopeOrReviewers => Err(Issue::NotYours),
        Writers::Readers if standing.reads => Ok(()),
        Writers::Readers => Err(Issue::NotYours),
    }
}

/// Checks one value for one field of a kind: the field exists and the value fits it.
pub fn check_field(kind: Kind, field: &str, value: &Value) -> Result<(), Issue> {
    let spec = spec(kind, field).ok_or(Issue::UnknownField)?;
    check_value(spec, value).map_or(Ok(()), Err)
}

fn check_value(spec: &FieldSpec, value: &Value) -> Option<Issue> {
    if let Value::Null = value {
        return None;
    }
    match (spec.input, value) {
        (Input::Line | Input::Paragraph, Value::Text(text)) => {
            let max = spec.max_chars().unwrap_or(MAX_LINE);
            (text.chars().count() > max).then_some(Issue::TooLong { max })
        }
        (Input::Date, Value::Text(text)) => (!text.is_empty() && parse_date(text).is_none()).then_some(Issue::NotADate),
        (Input::Number { min, max, whole }, Value::Number(n)) => {
            if !n.is_finite() || *n < min || *n > max {
                Some(Issue::OutOfRange { min: min as i64, max: max as i64 })
            } else if whole && n.fract() != 0.0 {
                Some(Issue::NotWhole)
            } else {
                None
            }
        }
        (Input::Number { .. }, Value::Text(text)) => Some(match crate::number::read(text) {
            Err(crate::number::NumberIssue::NotANumber) | Ok(_) => Issue::NotANumber,
            Err(issue) => Issue::BadNumber(issue),
        }),
        (Input::Period, Value::Text(text)) => crate::period::Period::parse(text).is_none().then_some(Issue::NotAPeriod),
        (Input::Month, Value::Text(text)) => match crate::period::Period::parse(text) {
            Some(crate::period::Period::Month { .. }) => None,
            Some(crate::period::Period::Week { .. }) => Some(Issue::NotAMonth),
            None => Some(Issue::NotAPeriod),
        },
        (Input::Ref(_), Value::Text(text)) => {
            (!text.is_empty() && crate::id::Uuid7::parse(text).is_err()).then_some(Issue::NotALink)
        }
        (Input::Refs(_), Value::Rows(rows)) => {
            if rows.len() > MAX_ROWS * 4 {
                return Some(Issue::TooManyRows { max: MAX_ROWS * 4 });
            }
            let ids_ok = rows
                .iter()
                .all(|row| row.len() == 1 && row.get("id").is_some_and(|id| crate::id::Uuid7::parse(id).is_ok()));
            (!ids_ok).then_some(Issue::NotALink)
        }
        (Input::Choice(choices), Value::Text(text)) => {
            (!text.is_empty() && !choices.iter().any(|(stored, _)| stored == text)).then_some(Issue::NotAChoice)
        }
        (Input::Table { columns, .. }, Value::Rows(rows)) => {
            if rows.len() > MAX_ROWS {
                return Some(Issue::TooManyRows { max: MAX_ROWS });
            }
            let cells_ok = rows.iter().flatten().all(|(column, cell)| {
                columns.iter().any(|(name, _)| name == column) && cell.chars().count() <= MAX_LINE * 5
            });
            (!cells_ok).then_some(Issue::TooLong { max: MAX_LINE * 5 })
        }
        _ => Some(Issue::WrongType),
    }
}

/// Parses a `YYYY-MM-DD` calendar date into (year, month, day); `None` for anything else.
pub fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let year: u32 = text[..4].parse().ok()?;
    let month: u32 = text[5..7].parse().ok()?;
    let day: u32 = text[8..].parse().ok()?;
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1900 && (1..=days_in_month).contains(&day)).then_some((year, month, day))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_team_s_fields_are_all_lines() {
        // The start page's team form draws lines only (the app's `line_field`), so the first
        // screen does without the code of every other kind of input.
        assert!(fields(Kind::Team).iter().all(|spec| matches!(spec.input, Input::Line)));
    }

    use super::*;

    const IDEA: &str = "01900000-0001-7fff-bfff-ffffffffffff";

    fn draft(pairs: &[(&str, &str)]) -> BTreeMap<String, Value> {
        pairs.iter().map(|(k, v)| (k.to_string(), Value::Text(v.to_string()))).collect()
    }

    fn issues(kind: Kind, pairs: &[(&str, &str)]) -> Vec<(String, Issue)> {
        check(kind, &draft(pairs)).into_iter().map(|p| (p.field, p.issue)).collect()
    }

    #[test]
    fn a_report_covers_a_month_not_a_week() {
        assert_eq!(issues(Kind::Report, &[("month", "2026-11-02")]), vec![("month".to_owned(), Issue::NotAMonth)]);
        assert_eq!(issues(Kind::Report, &[("month", "2026-11")]), vec![]);
        assert_eq!(check_field(Kind::Report, "month", &Value::Text("Nov".into())), Err(Issue::NotAPeriod));
    }

    #[test]
    fn removing_a_team_is_for_faculty_and_every_other_field_for_the_scope() {
        assert_eq!(writers(Kind::Team, DELETED), Writers::Faculty);
        assert_eq!(writers(Kind::Team, "name"), Writers::Scope);
        assert_eq!(writers(Kind::Cycle, DELETED), Writers::Scope);
    }

    #[test]
    fn a_minimal_cycle_is_valid() {
        assert_eq!(issues(Kind::Cycle, &[("title", "Huddle"), ("change_idea", IDEA)]), vec![]);
    }

    #[test]
    fn required_fields_are_named_with_a_reason() {
        let found = issues(Kind::Cycle, &[("title", "  ")]);
        let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, vec!["title", "change_idea"]);
        assert!(found[0].1.to_string().contains("title"));
    }

    #[test]
    fn end_before_start_is_a_problem_on_the_end_date() {
        let found = issues(
            Kind::Cycle,
            &[("title", "t"), ("change_idea", IDEA), ("start", "2026-03-10"), ("end", "2026-03-09")],
        );
        assert_eq!(found, vec![("end".to_owned(), Issue::EndBeforeStart)]);
        let same_day = issues(
            Kind::Cycle,
            &[("title", "t"), ("change_idea", IDEA), ("start", "2026-03-10"), ("end", "2026-03-10")],
        );
        assert_eq!(same_day, vec![]);
    }

    #[test]
    fn dates_must_be_real() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        for bad in ["2023-02-29", "2026-13-01", "2026-04-31", "26-04-01", "2026/04/01", "", "2026-04-0a"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        let found = issues(Kind::Cycle, &[("title", "t"), ("change_idea", IDEA), ("start", "2026-02-30")]);
        assert_eq!(found, vec![("start".to_owned(), Issue::NotADate)]);
    }

    #[test]
    fn limits_types_and_unknown_fields() {
        let long = "x".repeat(MAX_LINE + 1);
        let found =
            issues(Kind::Cycle, &[("title", &long), ("change_idea", IDEA), ("decision", "maybe"), ("colour", "red")]);
        assert_eq!(
            found,
            vec![
                ("colour".to_owned(), Issue::UnknownField),
                ("decision".to_owned(), Issue::NotAChoice),
                ("title".to_owned(), Issue::TooLong { max: MAX_LINE }),
            ]
        );
        let mut wrong = draft(&[("title", "t"), ("change_idea", IDEA)]);
        wrong.insert("predictions".into(), Value::Text("not a table".into()));
        assert_eq!(check(Kind::Cycle, &wrong), vec![Problem { field: "predictions".into(), issue: Issue::WrongType }]);
    }

    #[test]
    fn ops_are_checked_for_field_value_and_scope() {
        use crate::clock::Hlc;
        use crate::id::{Dot, Uuid7};
        let device = Uuid7::from_parts(1, [1; 10]);
        let team = Uuid7::from_parts(2, [2; 10]);
        let op = |kind: Kind, record: &Uuid7, scope: String, field: &str, value: Value| Op {
            record: record.clone(),
            kind,
            scope,
            field: field.into(),
            value,
            dot: Dot { device: device.clone(), counter: 1 },
            hlc: Hlc { wall_ms: 1, counter: 0, device: device.clone() },
            replaces: vec![],
            author: None,
        };
        let cycle = Uuid7::from_parts(3, [3; 10]);
        let team_scope = crate::record::team_scope(&team);
        assert_eq!(check_op(&op(Kind::Team, &team, team_scope.clone(), "name", Value::Text("A".into()))), Ok(()));
        assert_eq!(check_op(&op(Kind::Cycle, &cycle, team_scope.clone(), "title", Value::Text("".into()))), Ok(()));
        assert_eq!(check_op(&op(Kind::Cycle, &cycle, team_scope.clone(), "deleted", Value::Bool(true))), Ok(()));
        assert_eq!(check_op(&op(Kind::Team, &cycle, team_scope.clone(), "name", Value::Null)), Err(Issue::BadScope));
        assert_eq!(check_op(&op(Kind::Cycle, &cycle, "team:nope".into(), "title", Value::Null)), Err(Issue::BadScope));
        assert_eq!(
            check_op(&op(Kind::Cycle, &cycle, team_scope.clone(), "colour", Value::Null)),
            Err(Issue::UnknownField)
        );
        assert_eq!(
            check_op(&op(Kind::Cycle, &cycle, team_scope.clone(), "decision", Value::Text("maybe".into()))),
            Err(Issue::NotAChoice)
        );
        assert_eq!(check_op(&op(Kind::Cycle, &cycle, team_scope, "title", Value::Number(1.0))), Err(Issue::WrongType));
    }

    #[test]
    fn every_field_list_has_unique_names() {
        for kind in Kind::ALL.into_iter().chain(Kind::COLLAB) {
            let mut names: Vec<_> = fields(kind).iter().map(|s| s.name).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), fields(kind).len());
        }
    }
}
