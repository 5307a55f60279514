//! What a measure's chart shows: its points, centre line and limits phase by phase, and the
//! signals found by the chosen rule set, each described in words.
//!
//! Owns the choice of chart (run chart, or the SPC chart that fits the data: I for
//! measurements, P for percentages, U for rates, C for counts; T and G for the time or cases
//! between rare events; Laney's P′ and U′ for large denominators), the rule sets (IHI and
//! Anhøj for run charts; Shewhart, the default, or Anhøj for control charts), the baseline
//! freeze, phase breaks and points left out of the calculations. The numbers come from
//! `analysis`; the app only draws. Never reads storage.
//!
//! Sources: the runs table of Perla, Provost & Murray (2011, Table 1); the Shewhart rules of
//! Provost & Murray, The Health Care Data Guide (2011); Anhøj & Olesen (2014); the limits of
//! qicharts2's `R/helper.functions.R`.

use crate::analysis::{self, anhoej, Limits};
use crate::measure::{Point, ValueType};
use crate::period::Period;
use crate::record::Record;
use crate::register::Value;

/// The kind of chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartType {
    /// Points around the median.
    Run,
    /// Individuals (measurements).
    I,
    /// Proportions (percentages).
    P,
    /// Rates.
    U,
    /// Counts.
    C,
    /// Cases (opportunities) between rare events.
    G,
    /// Time (days) between rare events.
    T,
    /// Laney's P′: proportions with large denominators.
    PPrime,
    /// Laney's U′: rates with large denominators.
    UPrime,
}

impl ChartType {
    /// Whether its centre line is the median (a run chart's, and a G chart's: Provost and
    /// Murray draw the G chart's at the median of its skewed counts), rather than the mean.
    pub fn centres_on_median(self) -> bool {
        matches!(self, ChartType::Run | ChartType::G)
    }

    /// Whether its limits come from numerators and denominators.
    pub fn uses_ratios(self) -> bool {
        matches!(self, ChartType::P | ChartType::U | ChartType::PPrime | ChartType::UPrime)
    }

    /// Every chart type.
    pub const ALL: [ChartType; 9] = [
        ChartType::Run,
        ChartType::I,
        ChartType::P,
        ChartType::U,
        ChartType::C,
        ChartType::G,
        ChartType::T,
        ChartType::PPrime,
        ChartType::UPrime,
    ];

    /// The stored name (the measure's `chart` field).
    pub fn key(self) -> &'static str {
        match self {
            ChartType::Run => "run",
            ChartType::I => "i",
            ChartType::P => "p",
            ChartType::U => "u",
            ChartType::C => "c",
            ChartType::G => "g",
            ChartType::T => "t",
            ChartType::PPrime => "pp",
            ChartType::UPrime => "up",
        }
    }

    /// The `chart` choices to offer for a measure whose `value_type` field reads as given: the
    /// run chart, the usual control chart, and the charts that fit the type.
    pub fn choices(value_type: &str) -> Vec<&'static str> {
        let fitting = ChartType::fitting(ValueType::from_key(value_type, 1.0));
        std::iter::once("run").chain(["spc"]).chain(fitting[1..].iter().map(|c| c.key())).collect()
    }

    /// The charts that fit a measure's type, the usual control chart first after the run
    /// chart: measurements I, T (time between events), G (cases between); counts C, G;
    /// percentages P, P′; rates U, U′.
    pub fn fitting(value_type: ValueType) -> &'static [ChartType] {
        match value_type {
            ValueType::Continuous => &[ChartType::Run, ChartType::I, ChartType::T, ChartType::G],
            ValueType::Count => &[ChartType::Run, ChartType::C, ChartType::G, ChartType::T],
            ValueType::Proportion => &[ChartType::Run, ChartType::P, ChartType::PPrime],
            ValueType::Rate { .. } => &[ChartType::Run, ChartType::U, ChartType::UPrime],
        }
    }
}

/// The rules that look for non-random variation around the centre line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSet {
    /// Shift of 6, trend of 5, too few or too many runs (Perla, Provost & Murray 2011).
    Ihi,
    /// Unusually long runs, too few crossings (Anhøj & Olesen 2014); on control charts with
    /// points beyond the limits, as qicharts2.
    Anhoej,
    /// The Health Care Data Guide's rules for control charts: a point beyond a limit; 8 or more
    /// in a row on one side of the centre; 6 in a row rising or falling; 2 of 3 in a row in the
    /// outer third on one side; 15 in a row in the inner third.
    Shewhart,
    /// NHS England's "Making Data Count" (as NHSRplotthedots computes it): a point beyond a
    /// limit; 7 in a row on one side of the mean (a point on the mean breaks it); 7 in a row
    /// each higher or each lower than the last (an equal one breaks it); 2 of 3 in a row beyond
    /// the 2-sigma line but within the limits, all three on one side of the mean.
    MakingDataCount,
}

impl RuleSet {
    /// Every rule set.
    pub const ALL: [RuleSet; 4] = [RuleSet::Ihi, RuleSet::Anhoej, RuleSet::Shewhart, RuleSet::MakingDataCount];

    /// Its name in keys ("shewhart").
    pub fn key(self) -> &'static str {
        match self {
            RuleSet::Ihi => "ihi",
            RuleSet::Anhoej => "anhoej",
            RuleSet::Shewhart => "shewhart",
            RuleSet::MakingDataCount => "mdc",
        }
    }
}

/// One point to chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    /// Its label ("Mar 2026").
    pub label: String,
    /// Its value in the measure's unit (a percentage for proportions).
    pub value: f64,
    /// Its numerator and denominator, for P and U charts.
    pub ratio: Option<(f64, f64)>,
    /// Marked by the team as an astronomical point (shown on run charts).
    pub astronomical: bool,
    /// Left out of the calculations (centre, limits and rules) by the team; still drawn.
    pub excluded: bool,
}

impl Input {
    /// A point with a value and nothing else.
    pub fn point(label: &str, value: f64) -> Input {
        Input { label: label.to_owned(), value, ratio: None, astronomical: false, excluded: false }
    }
}

/// How to chart a measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Run chart or SPC chart.
    pub chart: ChartType,
    /// The run rules.
    pub rules: RuleSet,
    /// For percentages and rates: what one unit of numerator ÷ denominator is shown as (100, 1000…).
    pub scale: f64,
    /// Freeze the centre and limits on the first N points and extend them forward.
    pub freeze: Option<usize>,
    /// Indices of points where a new phase starts (limits recomputed from there).
    pub phases: Vec<usize>,
}

impl Settings {
    /// A chart of values as given (scale 1), no freeze, no phases.
    pub fn new(chart: ChartType, rules: RuleSet) -> Settings {
        Settings { chart, rules, scale: 1.0, freeze: None, phases: Vec::new() }
    }
}

/// A pattern the rules found, over points `from..=to` (indices into the series): `above`
/// and `up` give the side or direction, `points` how many points it covers, the others the
/// figures and limits it was judged by.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq)]
pub enum Signal {
    /// Six or more points on one side of the centre (IHI).
    Shift { above: bool, points: usize, from: usize, to: usize },
    /// Five or more points rising or falling (IHI).
    Trend { up: bool, points: usize, from: usize, to: usize },
    /// Fewer runs than chance allows (IHI), over the phase `from..=to`.
    FewRuns { runs: usize, useful: usize, lower: usize, from: usize, to: usize },
    /// More runs than chance allows (IHI), over the phase `from..=to`.
    ManyRuns { runs: usize, useful: usize, upper: usize, from: usize, to: usize },
    /// A run longer than chance allows (Anhøj).
    LongRun { above: bool, points: usize, max: usize, from: usize, to: usize },
    /// Fewer crossings than chance allows (Anhøj), over the phase `from..=to`.
    FewCrossings { crossings: usize, min: usize, useful: usize, from: usize, to: usize },
    /// Two of three points in a row in the outer third on one side (Shewhart).
    TwoOfThree { above: bool, from: usize, to: usize },
    /// Fifteen or more points in a row in the inner third (Shewhart).
    Hugging { points: usize, from: usize, to: usize },
    /// A point beyond a control limit.
    Beyond { above: bool, at: usize },
    /// A point the team judged astronomical (IHI run chart rule 4).
    Astronomical { at: usize },
}

impl Signal {
    /// The points the signal covers (a whole-phase signal, like too few runs, covers its phase).
    pub fn span(&self) -> Option<(usize, usize)> {
        match self {
            Signal::Shift { from, to, .. }
            | Signal::Trend { from, to, .. }
            | Signal::LongRun { from, to, .. }
            | Signal::FewRuns { from, to, .. }
            | Signal::ManyRuns { from, to, .. }
            | Signal::FewCrossings { from, to, .. }
            | Signal::TwoOfThree { from, to, .. }
            | Signal::Hugging { from, to, .. } => Some((*from, *to)),
            Signal::Beyond { at, .. } | Signal::Astronomical { at } => Some((*at, *at)),
        }
    }

    /// Whether the signal is about particular points (marked on the chart) rather than the
    /// phase as a whole (too few or too many runs, too few crossings).
    pub fn marks_points(&self) -> bool {
        !matches!(self, Signal::FewRuns { .. } | Signal::ManyRuns { .. } | Signal::FewCrossings { .. })
    }

    /// How specific the signal is, most first: a point, then 2 of 3, a trend, a run, hugging,
    /// a whole phase. Breaks ties in [`Analysis::latest`].
    fn generality(&self) -> u8 {
        match self {
            Signal::Beyond { .. } | Signal::Astronomical { .. } => 0,
            Signal::TwoOfThree { .. } => 1,
            Signal::Trend { .. } => 2,
            Signal::Shift { .. } | Signal::LongRun { .. } => 3,
            Signal::Hugging { .. } => 4,
            Signal::FewRuns { .. } | Signal::ManyRuns { .. } | Signal::FewCrossings { .. } => 5,
        }
    }

    /// The signal in words, e.g. "Shift: 7 points below the median from Mar 2026 to Sep 2026".
    pub fn describe(&self, labels: &[String], centre_name: &str) -> String {
        let label = |i: usize| labels.get(i).cloned().unwrap_or_default();
        let side = |above: bool| if above { "above" } else { "below" };
        match self {
            Signal::Shift { above, points, from, to } => {
                format!(
                    "Shift: {points} points {} the {centre_name} from {} to {}",
                    side(*above),
                    label(*from),
                    label(*to)
                )
            }
            Signal::Trend { up, points, from, to } => format!(
                "Trend: {points} points {} from {} to {}",
                if *up { "rising" } else { "falling" },
                label(*from),
                label(*to)
            ),
            Signal::FewRuns { runs, useful, lower, .. } => {
                format!("Too few runs: {runs} runs in {useful} points (at least {lower} expected)")
            }
            Signal::ManyRuns { runs, useful, upper, .. } => {
                format!("Too many runs: {runs} runs in {useful} points (at most {upper} expected)")
            }
            Signal::LongRun { above, points, max, from, to } => format!(
                "Unusually long run: {points} points {} the {centre_name} from {} to {} (longest expected: {max})",
                side(*above),
                label(*from),
                label(*to)
            ),
            Signal::FewCrossings { crossings, min, useful, .. } => {
                format!("Too few crossings: {crossings} in {useful} points (at least {min} expected)")
            }
            Signal::TwoOfThree { above, from, to } => format!(
                "2 of 3 points near the {} limit (outer third) from {} to {}",
                if *above { "upper" } else { "lower" },
                label(*from),
                label(*to)
            ),
            Signal::Hugging { points, from, to } => format!(
                "{points} points in a row close to the {centre_name} (inner third) from {} to {}",
                label(*from),
                label(*to)
            ),
            Signal::Astronomical { at } => format!("Astronomical point (marked by the team): {}", label(*at)),
            Signal::Beyond { above, at } => {
                format!("{}: {}", if *above { "Above the upper limit" } else { "Below the lower limit" }, label(*at))
            }
        }
    }
}

/// What a signal means for its measure, by the measure's direction of improvement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// The measure moved the way the team wants.
    Improvement,
    /// The measure moved the wrong way.
    Deterioration,
    /// Something changed, but not up or down (too few runs, points hugging the centre), or the
    /// measure does not say which way is better.
    Change,
}

impl Meaning {
    /// Its name for styles: `improvement`, `deterioration`, `change`.
    pub fn key(self) -> &'static str {
        match self {
            Meaning::Improvement => "improvement",
            Meaning::Deterioration => "deterioration",
            Meaning::Change => "change",
        }
    }
}

impl Signal {
    /// Which way the signal moves the measure: `Some(true)` up, `Some(false)` down, `None` for
    /// no direction (runs, crossings, hugging, an astronomical point).
    pub fn direction(&self) -> Option<bool> {
        match self {
            Signal::Shift { above, .. }
            | Signal::LongRun { above, .. }
            | Signal::Beyond { above, .. }
            | Signal::TwoOfThree { above, .. } => Some(*above),
            Signal::Trend { up, .. } => Some(*up),
            _ => None,
        }
    }

    /// What it means for a measure where higher is better (`Some(true)`), lower is
    /// (`Some(false)`), or neither is said (`None`).
    pub fn meaning(&self, higher_is_better: Option<bool>) -> Meaning {
        match (self.direction(), higher_is_better) {
            (Some(up), Some(better)) if up == better => Meaning::Improvement,
            (Some(_), Some(_)) => Meaning::Deterioration,
            _ => Meaning::Change,
        }
    }
}

/// A chart's centre line and limits at each point, and what the rules found.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// The chart drawn.
    pub chart: ChartType,
    /// The centre line at each point.
    pub centre: Vec<f64>,
    /// The control limits at each point (SPC charts only).
    pub limits: Vec<Option<(f64, f64)>>,
    /// The signals, in the order found.
    pub signals: Vec<Signal>,
    /// Whether each point is part of a signal.
    pub marked: Vec<bool>,
    /// Cautions for people: too few points, and so on (the app words them).
    pub warnings: Vec<Warning>,
    /// The 2-sigma lines at each point (SPC charts): two thirds of the way from the centre to
    /// each limit as drawn.
    pub two_sigma: Vec<Option<(f64, f64)>>,
}

impl Analysis {
    /// The signal that ends latest in time; on a tie the shorter, then the more specific one
    /// (a point before a pattern, a pattern before a whole phase).
    pub fn latest(&self) -> Option<&Signal> {
        self.signals.iter().max_by(|a, b| {
            let (a_from, a_to) = a.span().unwrap_or((0, 0));
            let (b_from, b_to) = b.span().unwrap_or((0, 0));
            a_to.cmp(&b_to).then((b_to - b_from).cmp(&(a_to - a_from))).then(b.generality().cmp(&a.generality()))
        })
    }
}

/// A measure's chart, ready to draw: the points charted, the settings, and where the
/// baseline freeze and phase breaks fall, each with its reason.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureChart {
    /// The points with a value, in period order.
    pub points: Vec<Point>,
    /// What went in to the analysis.
    pub inputs: Vec<Input>,
    /// Each point's place on the time axis, in periods from the first (a missing month
    /// leaves a gap; the rules still read the points in order).
    pub x: Vec<f64>,
    /// How it is charted.
    pub settings: Settings,
    /// The analysis.
    pub analysis: Analysis,
    /// Vertical marks: (index of the first point after the mark, what it marks).
    pub marks: Vec<(usize, Mark)>,
    /// For an I chart, its moving-range chart.
    pub moving_ranges: Option<MovingRanges>,
    /// Whether higher is better (`Some(true)`), lower (`Some(false)`), or unsaid.
    pub higher_is_better: Option<bool>,
}

impl MeasureChart {
    /// What its latest signal means, if it has one.
    pub fn latest_meaning(&self) -> Option<Meaning> {
        self.analysis.latest().map(|s| s.meaning(self.higher_is_better))
    }
}

/// The moving-range (MR) chart that goes with an I chart, phase by phase: no moving range
/// spans a phase break.
#[derive(Clone, Debug, PartialEq)]
pub struct MovingRanges {
    /// |xᵢ − xᵢ₋₁| at each point; `None` at a phase's first point (and next to a point left
    /// out of the calculations).
    pub ranges: Vec<Option<f64>>,
    /// The mean moving range of the point's phase (of its baseline, when frozen).
    pub centre: Vec<f64>,
    /// The upper limit at each point, 3.267 × that mean.
    pub upper: Vec<f64>,
}

/// Builds a measure's chart from its record and its series (`measure::series`).
pub fn for_measure(measure: &Record, series: &[Point]) -> MeasureChart {
    let value_type = ValueType::of(measure);
    let points: Vec<Point> = series.iter().filter(|p| p.value.is_some()).cloned().collect();
    let inputs: Vec<Input> = points
        .iter()
        .map(|p| Input {
            label: p.period.label(),
            value: p.value.unwrap_or(f64::NAN),
            ratio: p.numerator.zip(p.denominator),
            astronomical: p.astronomical,
            excluded: p.excluded,
        })
        .collect();
    let mut warnings = Vec::new();
    let fitting = ChartType::fitting(value_type);
    let chart = match measure.text("chart") {
        "" | "run" => ChartType::Run,
        // The usual control chart for the measure's type.
        "spc" => fitting[1],
        key => match fitting.iter().find(|c| c.key() == key) {
            Some(chart) => *chart,
            None => {
                warnings.push(Warning::ChartDoesNotFit { shown: fitting[1] });
                fitting[1]
            }
        },
    };
    let rules = match (chart, measure.text("rules")) {
        (_, "anhoej") => RuleSet::Anhoej,
        (ChartType::Run, _) => RuleSet::Ihi,
        (_, "mdc") => RuleSet::MakingDataCount,
        // The IHI run chart rules are for run charts: a control chart takes Shewhart's.
        _ => RuleSet::Shewhart,
    };
    let scale = match value_type {
        ValueType::Proportion => 100.0,
        ValueType::Rate { per } => per,
        _ => 1.0,
    };
    let mut marks = Vec::new();
    let freeze = match measure.value("freeze") {
        Value::Number(n) if *n >= 2.0 && (*n as usize) < points.len() => {
            let k = *n as usize;
            let reason = measure.text("freeze_reason").trim();
            Some((k, Mark::Freeze { reason: reason.to_owned() }))
        }
        _ => None,
    };
    let mut phases = Vec::new();
    for row in measure.value("phases").as_rows() {
        let from = row.get("from").map(|s| s.trim()).unwrap_or_default();
        let reason = row.get("reason").map(|s| s.trim()).unwrap_or_default();
        if from.is_empty() {
            continue;
        }
        let period = Period::parse(from).or_else(|| Period::containing(measure.text("frequency"), from));
        match period.and_then(|start| points.iter().position(|p| p.period >= start)) {
            Some(index) if index > 0 => {
                phases.push(index);
                let from = period.unwrap_or(points[index].period);
                marks.push((index, Mark::Phase { from, reason: reason.to_owned() }));
            }
            Some(_) => {}
            None if period.is_none() => warnings.push(Warning::PhaseBreakNotAPeriod { from: from.to_owned() }),
            None => {}
        }
    }
    // A freeze holds within the first phase: past its first break it would freeze points of
    // another phase, so it is not used, and said so (DESIGN.md §7).
    let freeze = match (freeze, phases.iter().min()) {
        (Some((k, _)), Some(first_break)) if k >= *first_break => {
            warnings.push(Warning::FreezePastBreak { points: k });
            None
        }
        (Some((k, words)), _) => {
            marks.push((k, words));
            Some(k)
        }
        (None, _) => None,
    };
    let first = points.first().map_or(0, |p| p.period.ordinal());
    let x = points.iter().map(|p| (p.period.ordinal() - first) as f64).collect();
    let settings = Settings { chart, rules, scale, freeze, phases };
    let mut analysis = analyse(&inputs, &settings);
    analysis.warnings.extend(warnings);
    if let Some(warning) = laney_suggestion(&settings, &inputs) {
        analysis.warnings.push(warning);
    }
    if chart == ChartType::Run && measure.text("chart") == "spc" {
        analysis.warnings.push(Warning::NoControlChart);
    }
    crate::order::sort_by_key(&mut marks, |(index, _)| *index);
    let moving_ranges = (chart == ChartType::I && inputs.len() >= 2).then(|| moving_ranges(&inputs, &settings));
    let higher_is_better = match measure.text("direction") {
        "up" => Some(true),
        "down" => Some(false),
        _ => None,
    };
    MeasureChart { points, inputs, x, settings, analysis, marks, moving_ranges, higher_is_better }
}

/// A caution about a chart, for people (the app words it).
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// The chart chosen does not fit the measure's type: this one is shown instead.
    ChartDoesNotFit {
        /// The chart shown.
        shown: ChartType,
    },
    /// A phase break whose start is neither a month nor a date: left out.
    PhaseBreakNotAPeriod {
        /// What was written.
        from: String,
    },
    /// The baseline freeze reaches past the first phase break: not used.
    FreezePastBreak {
        /// The points the freeze asked for.
        points: usize,
    },
    /// The points vary far more than the chart expects: Laney's chart fits.
    Overdispersed {
        /// How many times as much (σz).
        sigma_z: f64,
        /// The chart chosen.
        chart: ChartType,
        /// The chart that fits.
        better: ChartType,
    },
    /// A control chart was asked for, but the measure's type has none.
    NoControlChart,
    /// Fewer points than the run chart rules need to be reliable.
    FewPointsForRules {
        /// Points in the phase.
        points: usize,
        /// Points the rules want.
        needed: usize,
    },
    /// Fewer points than trustworthy limits need: trial limits.
    TrialLimits {
        /// Points in the baseline.
        points: usize,
        /// Points the limits want.
        needed: usize,
    },
    /// A T chart with times between events not above 0.
    TNeedsPositive,
}

/// A vertical mark on a chart, before the point it starts at.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// The baseline is frozen here, with the team's reason (may be empty).
    Freeze {
        /// Why.
        reason: String,
    },
    /// A new phase starts here, with the team's reason (may be empty).
    Phase {
        /// The period the phase starts in.
        from: Period,
        /// Why.
        reason: String,
    },
}

/// How much wider than binomial or Poisson the points may vary before Ramp suggests Laney's
/// chart: σz of 2 (limits twice as wide) is past what sampling variation explains for
/// denominators of hundreds or thousands (Laney 2002 suggests P′ whenever σz is well above 1).
pub const LANEY_SUGGESTED: f64 = 2.0;

/// For a P or U chart whose points vary far more than its limits allow (large denominators
/// make them too tight), the words that suggest the P′ or U′ chart.
fn laney_suggestion(settings: &Settings, inputs: &[Input]) -> Option<Warning> {
    let (other, proportion) = match settings.chart {
        ChartType::P => (ChartType::PPrime, true),
        ChartType::U => (ChartType::UPrime, false),
        _ => return None,
    };
    let used: Vec<(f64, f64)> = inputs.iter().filter(|p| !p.excluded).filter_map(|p| p.ratio).collect();
    if used.len() < RUN_MIN {
        return None;
    }
    let (num, den): (Vec<f64>, Vec<f64>) = used.into_iter().unzip();
    let sigma_z = analysis::overdispersion(&num, &den, proportion);
    (sigma_z >= LANEY_SUGGESTED).then_some(Warning::Overdispersed { sigma_z, chart: settings.chart, better: other })
}

/// Points needed before run rules mean much.
pub const RUN_MIN: usize = 10;
/// Points needed before control limits are trustworthy.
pub const SPC_MIN: usize = 20;

/// Analyses a measure's points with its settings.
pub fn analyse(points: &[Input], settings: &Settings) -> Analysis {
    let n = points.len();
    let mut result = Analysis {
        chart: settings.chart,
        centre: vec![f64::NAN; n],
        limits: vec![None; n],
        signals: Vec::new(),
        marked: vec![false; n],
        warnings: Vec::new(),
        two_sigma: vec![None; n],
    };
    for (phase, (start, end)) in phase_bounds(settings, n).into_iter().enumerate() {
        let segment = &points[start..end];
        // The baseline: the frozen first points of the first phase, or the whole phase; either
        // way without the points the team left out.
        let base_len = match settings.freeze {
            Some(k) if phase == 0 && k >= 2 && k < segment.len() => k,
            _ => segment.len(),
        };
        let base: Vec<Input> = segment[..base_len].iter().filter(|p| !p.excluded).cloned().collect();
        // The rules read the points used: a left-out point is a gap to them.
        let values: Vec<f64> = segment.iter().map(|p| if p.excluded { f64::NAN } else { p.value }).collect();
        let (centre, limits) = centre_and_limits(settings, &base, segment);
        for i in 0..segment.len() {
            result.centre[start + i] = centre;
            result.limits[start + i] = limits.as_ref().map(|l| (l[i].lower, l[i].upper));
            result.two_sigma[start + i] = limits.as_ref().map(|l| {
                let c = l[i].centre;
                (c - (c - l[i].lower) * 2.0 / 3.0, c + (l[i].upper - c) * 2.0 / 3.0)
            });
        }
        let needed = if settings.chart == ChartType::Run { RUN_MIN } else { SPC_MIN };
        if base.len() < needed {
            result.warnings.push(if settings.chart == ChartType::Run {
                Warning::FewPointsForRules { points: base.len(), needed: RUN_MIN }
            } else {
                Warning::TrialLimits { points: base.len(), needed: SPC_MIN }
            });
        }
        if settings.chart == ChartType::T && segment.iter().any(|p| !p.excluded && p.value <= 0.0) {
            result.warnings.push(Warning::TNeedsPositive);
        }
        let mut found = match (settings.rules, &limits) {
            (RuleSet::Shewhart, Some(limits)) => shewhart(&values, centre, limits, start),
            (RuleSet::MakingDataCount, Some(limits)) => making_data_count(&values, centre, limits, start),
            // On a run chart the control chart rule sets read as the IHI run chart rules.
            (RuleSet::Shewhart | RuleSet::MakingDataCount, None) => run_rules(&values, centre, RuleSet::Ihi, start),
            (rules, _) => run_rules(&values, centre, rules, start),
        };
        if settings.chart == ChartType::Run && settings.rules == RuleSet::Ihi {
            for (i, point) in segment.iter().enumerate() {
                if point.astronomical && !point.excluded {
                    found.push(Signal::Astronomical { at: start + i });
                }
            }
        }
        let with_beyond = matches!(settings.rules, RuleSet::Shewhart | RuleSet::MakingDataCount);
        if let (Some(limits), false) = (&limits, with_beyond) {
            found.extend(beyond(&values, limits, start));
        }
        for signal in found.iter().filter(|s| s.marks_points()) {
            if let Some((from, to)) = signal.span() {
                for marked in &mut result.marked[from..=to] {
                    *marked = true;
                }
            }
        }
        result.signals.extend(found);
    }
    result
}

/// The phases as (first index, end): from 0 and each break to the next.
fn phase_bounds(settings: &Settings, n: usize) -> Vec<(usize, usize)> {
    let mut starts: Vec<usize> = settings.phases.iter().copied().filter(|i| *i > 0 && *i < n).collect();
    crate::order::sort(&mut starts);
    starts.dedup();
    let mut bounds = vec![0];
    bounds.extend(starts);
    bounds.push(n);
    bounds.windows(2).map(|w| (w[0], w[1])).filter(|(a, b)| a < b).collect()
}

/// The moving-range chart of an I chart, phase by phase (no range across a break, none next
/// to a left-out point), each phase's centre the mean moving range of its baseline.
pub fn moving_ranges(points: &[Input], settings: &Settings) -> MovingRanges {
    let n = points.len();
    let mut mr = MovingRanges { ranges: vec![None; n], centre: vec![f64::NAN; n], upper: vec![f64::NAN; n] };
    for (phase, (start, end)) in phase_bounds(settings, n).into_iter().enumerate() {
        for i in start + 1..end {
            let (a, b) = (&points[i - 1], &points[i]);
            if !a.excluded && !b.excluded {
                mr.ranges[i] = Some((b.value - a.value).abs());
            }
        }
        let base_end = match settings.freeze {
            Some(k) if phase == 0 && k >= 2 && k < end - start => start + k,
            _ => end,
        };
        let base: Vec<f64> = mr.ranges[start + 1..base_end].iter().flatten().copied().collect();
        let centre = if base.is_empty() { f64::NAN } else { base.iter().sum::<f64>() / base.len() as f64 };
        for i in start..end {
            mr.centre[i] = centre;
            mr.upper[i] = analysis::MR_FACTOR * centre;
        }
    }
    mr
}

/// Points beyond a limit.
fn beyond(values: &[f64], limits: &[Limits], start: usize) -> Vec<Signal> {
    let mut signals = Vec::new();
    for (i, (value, limit)) in values.iter().zip(limits).enumerate() {
        if *value > limit.upper + 1e-12 {
            signals.push(Signal::Beyond { above: true, at: start + i });
        } else if *value < limit.lower - 1e-12 {
            signals.push(Signal::Beyond { above: false, at: start + i });
        }
    }
    signals
}

/// The Health Care Data Guide's rules on one phase of a control chart: a point beyond a
/// limit; 8 or more in a row on one side of the centre; 6 in a row rising or falling; 2 of 3
/// in a row in the outer third on one side; 15 in a row in the inner third. The thirds are of
/// the distance from the centre line to each limit as drawn. Points left out (NaN) are skipped.
fn shewhart(values: &[f64], centre: f64, limits: &[Limits], start: usize) -> Vec<Signal> {
    let mut signals = beyond(values, limits, start);
    if !centre.is_finite() {
        return signals;
    }
    for (above, from, to, points) in side_runs(values, centre) {
        if points >= 8 {
            signals.push(Signal::Shift { above, points, from: start + from, to: start + to });
        }
    }
    signals.extend(trends(values, start, 6));
    // The points used, with their index: the "in a row" rules read them in order.
    let used: Vec<(usize, f64)> = values.iter().copied().enumerate().filter(|(_, v)| v.is_finite()).collect();
    let outer = |i: usize, v: f64| -> Option<bool> {
        let l = &limits[i];
        if v > l.centre + (l.upper - l.centre) * 2.0 / 3.0 {
            Some(true)
        } else if v < l.centre - (l.centre - l.lower) * 2.0 / 3.0 {
            Some(false)
        } else {
            None
        }
    };
    // 2 of 3: each window of three points in a row with two in one side's outer third;
    // overlapping windows on the same side make one signal.
    let mut hits = Vec::new();
    for window in used.windows(3) {
        let sides: Vec<Option<bool>> = window.iter().map(|(i, v)| outer(*i, *v)).collect();
        for side in [true, false] {
            let on: Vec<usize> =
                window.iter().zip(&sides).filter(|(_, s)| **s == Some(side)).map(|((i, _), _)| *i).collect();
            if on.len() >= 2 {
                hits.push((side, on[0], on[on.len() - 1]));
            }
        }
    }
    signals.extend(two_of_three(hits, start));
    // 15 or more in a row in the inner third.
    let inner = |i: usize, v: f64| {
        let l = &limits[i];
        v < l.centre + (l.upper - l.centre) / 3.0 && v > l.centre - (l.centre - l.lower) / 3.0
    };
    let mut run: Option<(usize, usize, usize)> = None;
    let close = |run: Option<(usize, usize, usize)>, signals: &mut Vec<Signal>| {
        if let Some((from, to, points)) = run.filter(|r| r.2 >= 15) {
            signals.push(Signal::Hugging { points, from: start + from, to: start + to });
        }
    };
    for (i, v) in &used {
        if inner(*i, *v) {
            run = Some(match run {
                Some((from, _, points)) => (from, *i, points + 1),
                None => (*i, *i, 1),
            });
        } else {
            close(run.take(), &mut signals);
        }
    }
    close(run, &mut signals);
    signals
}

/// NHS England's "Making Data Count" rules on one phase of a control chart, as NHSRplotthedots
/// computes them (`ptd_calculate_point_type.R`): beyond a limit; 7 in a row on one side of the
/// mean, a point on the mean breaking the run; 7 in a row each higher (or lower) than the
/// last, an equal one breaking it; in 3 in a row all on one side of the mean, 2 beyond the
/// 2-sigma line but within the limits. Points left out (NaN) are skipped.
fn making_data_count(values: &[f64], centre: f64, limits: &[Limits], start: usize) -> Vec<Signal> {
    let mut signals = beyond(values, limits, start);
    if !centre.is_finite() {
        return signals;
    }
    let used: Vec<(usize, f64)> = values.iter().copied().enumerate().filter(|(_, v)| v.is_finite()).collect();
    let side = |v: f64| (v > centre) as i8 - (v < centre) as i8;
    // Runs of one sign (0, on the mean, is a run of its own that never signals).
    let mut from = 0;
    for k in 1..=used.len() {
        if k == used.len() || side(used[k].1) != side(used[from].1) {
            let points = k - from;
            if points >= 7 && side(used[from].1) != 0 {
                let (a, b) = (used[from].0, used[k - 1].0);
                signals.push(Signal::Shift { above: side(used[from].1) > 0, points, from: start + a, to: start + b });
            }
            from = k;
        }
    }
    // Strict trends: each point higher (or lower) than the one before; (first, last, up).
    let mut trend: Option<(usize, usize, bool)> = None;
    let close = |trend: Option<(usize, usize, bool)>, signals: &mut Vec<Signal>| {
        if let Some((a, b, up)) = trend {
            let points = b - a + 1;
            if points >= 7 {
                signals.push(Signal::Trend { up, points, from: start + used[a].0, to: start + used[b].0 });
            }
        }
    };
    for k in 1..used.len() {
        let (before, now) = (used[k - 1].1, used[k].1);
        if now == before {
            close(trend.take(), &mut signals);
            continue;
        }
        let up = now > before;
        trend = match trend {
            Some((a, _, dir)) if dir == up => Some((a, k, up)),
            other => {
                close(other, &mut signals);
                Some((k - 1, k, up))
            }
        };
    }
    close(trend, &mut signals);
    // 2 of 3 near a limit, the three on one side of the mean.
    let near = |i: usize, v: f64| {
        let l = &limits[i];
        let inside = v <= l.upper + 1e-12 && v >= l.lower - 1e-12;
        inside && (v > l.centre + (l.upper - l.centre) * 2.0 / 3.0 || v < l.centre - (l.centre - l.lower) * 2.0 / 3.0)
    };
    let mut hits = Vec::new();
    for window in used.windows(3) {
        let sides: Vec<i8> = window.iter().map(|(_, v)| side(*v)).collect();
        let on: Vec<usize> = window.iter().filter(|(i, v)| near(*i, *v)).map(|(i, _)| *i).collect();
        if sides[0] != 0 && sides.iter().all(|s| *s == sides[0]) && on.len() >= 2 {
            hits.push((sides[0] > 0, on[0], on[on.len() - 1]));
        }
    }
    signals.extend(two_of_three(hits, start));
    signals
}

/// "2 of 3" signals from the windows that hold one, (above, first hit, last hit) in order:
/// overlapping windows on the same side make one signal.
fn two_of_three(hits: Vec<(bool, usize, usize)>, start: usize) -> Vec<Signal> {
    let mut signals: Vec<Signal> = Vec::new();
    for (above, from, to) in hits {
        match signals.last_mut() {
            Some(Signal::TwoOfThree { above: side, to: end, .. }) if *side == above && start + from <= *end => {
                *end = (*end).max(start + to);
            }
            _ => signals.push(Signal::TwoOfThree { above, from: start + from, to: start + to }),
        }
    }
    signals
}

/// The centre line of a phase (from its baseline) and, for SPC charts, the limits at each of
/// its points, in display units.
fn centre_and_limits(settings: &Settings, base: &[Input], segment: &[Input]) -> (f64, Option<Vec<Limits>>) {
    let values: Vec<f64> = base.iter().map(|p| p.value).collect();
    let scale = settings.scale;
    let ratios = |list: &[Input]| -> (Vec<f64>, Vec<f64>) {
        list.iter().map(|p| p.ratio.unwrap_or((f64::NAN, f64::NAN))).unzip()
    };
    let same = |l: Limits| (l.centre, Some(vec![l; segment.len()]));
    match settings.chart {
        ChartType::Run => (analysis::median(&values).unwrap_or(f64::NAN), None),
        ChartType::I => same(analysis::i_chart(&values)),
        ChartType::C => same(analysis::c_chart(&values)),
        ChartType::G => same(analysis::g_chart(&values)),
        ChartType::T => same(analysis::t_chart(&values)),
        ChartType::P | ChartType::U | ChartType::PPrime | ChartType::UPrime => {
            let (num, den) = ratios(base);
            let centre = num.iter().sum::<f64>() / den.iter().sum::<f64>();
            let (_, seg_den) = ratios(segment);
            let limits = match settings.chart {
                ChartType::P | ChartType::U => {
                    // Limits of each point of the phase around the baseline's centre.
                    let seg_num: Vec<f64> = seg_den.iter().map(|d| centre * d).collect();
                    if settings.chart == ChartType::P {
                        analysis::p_chart(&seg_num, &seg_den)
                    } else {
                        analysis::u_chart(&seg_num, &seg_den)
                    }
                }
                // Laney: σz from the baseline, each point of the phase with its own σᵢ.
                _ => {
                    let proportion = settings.chart == ChartType::PPrime;
                    let sigma_z = analysis::overdispersion(&num, &den, proportion);
                    analysis::laney_limits(centre, sigma_z, &seg_den, proportion)
                }
            };
            let scaled = limits
                .into_iter()
                .map(|l| Limits { centre: l.centre * scale, lower: l.lower * scale, upper: l.upper * scale })
                .collect();
            (centre * scale, Some(scaled))
        }
    }
}

/// Runs of useful points on one side of the centre: (above, first index, last index, points).
fn side_runs(values: &[f64], centre: f64) -> Vec<(bool, usize, usize, usize)> {
    let mut runs: Vec<(bool, usize, usize, usize)> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        if *value == centre || !value.is_finite() {
            continue;
        }
        let above = *value > centre;
        match runs.last_mut() {
            Some(run) if run.0 == above => {
                run.2 = i;
                run.3 += 1;
            }
            _ => runs.push((above, i, i, 1)),
        }
    }
    runs
}

/// The run rules of a rule set on one phase, indices offset by `start`.
fn run_rules(values: &[f64], centre: f64, rules: RuleSet, start: usize) -> Vec<Signal> {
    let mut signals = Vec::new();
    if !centre.is_finite() {
        return signals;
    }
    let runs = side_runs(values, centre);
    let useful: usize = runs.iter().map(|r| r.3).sum();
    let (from, to) = (start, start + values.len().saturating_sub(1));
    match rules {
        RuleSet::Ihi | RuleSet::Shewhart | RuleSet::MakingDataCount => {
            for (above, first, last, points) in &runs {
                if *points >= 6 {
                    signals.push(Signal::Shift {
                        above: *above,
                        points: *points,
                        from: start + first,
                        to: start + last,
                    });
                }
            }
            signals.extend(trends(values, start, 5));
            if useful >= RUN_MIN {
                let (lower, upper) = runs_limits(useful);
                let count = runs.len();
                if count < lower {
                    signals.push(Signal::FewRuns { runs: count, useful, lower, from, to });
                } else if count > upper {
                    signals.push(Signal::ManyRuns { runs: count, useful, upper, from, to });
                }
            }
        }
        RuleSet::Anhoej => {
            let used: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
            let a = anhoej(&used, centre);
            if a.runs_signal {
                for (above, first, last, points) in &runs {
                    if *points > a.longest_run_max {
                        signals.push(Signal::LongRun {
                            above: *above,
                            points: *points,
                            max: a.longest_run_max,
                            from: start + first,
                            to: start + last,
                        });
                    }
                }
            }
            if a.crossings_signal {
                signals.push(Signal::FewCrossings {
                    crossings: a.crossings,
                    min: a.crossings_min,
                    useful: a.useful,
                    from,
                    to,
                });
            }
        }
    }
    signals
}

/// Trends: `min` or more points each higher (or each lower) than the one before (5 on run
/// charts, 6 on control charts); a point equal to the one before neither counts nor breaks the
/// trend.
fn trends(values: &[f64], start: usize, min: usize) -> Vec<Signal> {
    let mut signals = Vec::new();
    // (direction, first index, last index, points counted)
    let mut current: Option<(bool, usize, usize, usize)> = None;
    let mut last_distinct: Option<(usize, f64)> = None;
    let close = |run: Option<(bool, usize, usize, usize)>, signals: &mut Vec<Signal>| {
        if let Some((up, from, to, points)) = run {
            if points >= min {
                signals.push(Signal::Trend { up, points, from: start + from, to: start + to });
            }
        }
    };
    for (i, value) in values.iter().enumerate() {
        if !value.is_finite() {
            continue;
        }
        match last_distinct {
            None => last_distinct = Some((i, *value)),
            Some((_, previous)) if *value == previous => {
                if let Some(run) = current.as_mut() {
                    run.2 = i;
                }
            }
            Some((previous_i, previous)) => {
                let up = *value > previous;
                current = match current {
                    Some((dir, from, _, points)) if dir == up => Some((dir, from, i, points + 1)),
                    other => {
                        close(other, &mut signals);
                        Some((up, previous_i, i, 2))
                    }
                };
                last_distinct = Some((i, *value));
            }
        }
    }
    close(current, &mut signals);
    signals
}

/// The published limits on the number of runs: (fewest, most) for 10 to 60 useful points
/// (Perla, Provost & Murray 2011, BMJ Qual Saf 20:46–51, Table 1, after Swed & Eisenhart).
const RUNS_TABLE: [(u8, u8); 51] = [
    (3, 9),
    (3, 10),
    (3, 11),
    (4, 11),
    (4, 12),
    (5, 12),
    (5, 13),
    (5, 13),
    (6, 14),
    (6, 15), // 10–19
    (6, 16),
    (7, 16),
    (7, 17),
    (7, 17),
    (8, 18),
    (8, 18),
    (9, 19),
    (10, 19),
    (10, 20),
    (10, 20), // 20–29
    (11, 21),
    (11, 22),
    (11, 23),
    (12, 23),
    (12, 24),
    (12, 24),
    (13, 25),
    (13, 25),
    (14, 26),
    (14, 26), // 30–39
    (15, 27),
    (15, 27),
    (16, 28),
    (16, 28),
    (17, 29),
    (17, 30),
    (17, 31),
    (18, 31),
    (18, 32),
    (19, 32), // 40–49
    (19, 33),
    (20, 33),
    (20, 34),
    (21, 34),
    (21, 35),
    (22, 35),
    (22, 35),
    (23, 36),
    (23, 37),
    (24, 38), // 50–59
    (24, 38), // 60
];

/// The fewest and most runs chance allows among `useful` points: a signal when the runs are
/// fewer than the first or more than the second. From the published table for 10 to 60
/// points ([`RUNS_TABLE`]); beyond it, the normal approximation to the number of runs of a
/// series split evenly around its median (Swed & Eisenhart), mean 1 + 2ab/n and variance
/// 2ab(2ab − n)/(n²(n − 1)) with a = ⌈n/2⌉, b = ⌊n/2⌋, at ± 1.96 standard deviations, each
/// rounded to the nearest whole run; over the table's 51 sizes that rule gives its fewest at 36
/// and its most at 38, and is never more than one run away from it. Below 10 points the runs rule is
/// not applied (the chart says so); the same approximation is returned.
pub fn runs_limits(useful: usize) -> (usize, usize) {
    if let Some((lower, upper)) = useful.checked_sub(10).and_then(|i| RUNS_TABLE.get(i)) {
        return (usize::from(*lower), usize::from(*upper));
    }
    let n = useful as f64;
    let (a, b) = (useful.div_ceil(2) as f64, (useful / 2) as f64);
    if useful < 2 {
        return (1, 1);
    }
    let mean = 1.0 + 2.0 * a * b / n;
    let sd = (2.0 * a * b * (2.0 * a * b - n) / (n * n * (n - 1.0))).sqrt();
    ((mean - 1.96 * sd).round().max(1.0) as usize, (mean + 1.96 * sd).round().min(n) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(values: &[f64]) -> Vec<Input> {
        values.iter().enumerate().map(|(i, v)| Input::point(&format!("P{}", i + 1), *v)).collect()
    }

    fn settings(chart: ChartType, rules: RuleSet) -> Settings {
        Settings { chart, rules, scale: 100.0, freeze: None, phases: Vec::new() }
    }

    /// A measure's data point in a period, with only a value.
    fn point_in(period: &str, value: f64) -> Point {
        let period = Period::parse(period).unwrap();
        Point {
            id: crate::id::Uuid7::from_parts(9, [period.ordinal() as u8; 10]),
            period,
            value: Some(value),
            numerator: None,
            denominator: None,
            note: String::new(),
            astronomical: false,
            excluded: false,
            exclude_reason: String::new(),
        }
    }

    fn labels(points: &[Input]) -> Vec<String> {
        points.iter().map(|p| p.label.clone()).collect()
    }

    #[test]
    fn a_shift_of_six_below_the_median_is_found_and_described() {
        // Median 5.5; points 5–11 (seven) below it.
        let points = series(&[8.0, 9.0, 7.0, 8.0, 3.0, 2.0, 3.0, 4.0, 2.0, 3.0, 1.0, 9.0, 8.0, 7.0]);
        let a = analyse(&points, &settings(ChartType::Run, RuleSet::Ihi));
        let shift = a.signals.iter().find(|s| matches!(s, Signal::Shift { .. })).expect("a shift");
        assert_eq!(shift.describe(&labels(&points), "median"), "Shift: 7 points below the median from P5 to P11");
        assert!(a.marked[4] && a.marked[10] && !a.marked[3] && !a.marked[11]);
    }

    #[test]
    fn points_on_the_median_do_not_break_a_shift() {
        // Median 5: 3, 3, 5, 3, 3, 3, 3 is six useful below with one on the median inside.
        let points = series(&[7.0, 8.0, 9.0, 3.0, 3.0, 5.0, 3.0, 3.0, 3.0, 3.0, 7.0, 8.0, 9.0, 7.0, 5.0]);
        let a = analyse(&points, &settings(ChartType::Run, RuleSet::Ihi));
        assert!(
            a.signals.iter().any(|s| matches!(s, Signal::Shift { points: 6, from: 3, to: 9, .. })),
            "{:?}",
            a.signals
        );
    }

    #[test]
    fn a_trend_counts_equal_neighbours_once() {
        // 1, 2, 2, 3, 4, 5: five distinct rising points.
        let points = series(&[5.0, 1.0, 2.0, 2.0, 3.0, 4.0, 5.0, 3.0]);
        let a = analyse(&points, &settings(ChartType::Run, RuleSet::Ihi));
        assert!(a.signals.contains(&Signal::Trend { up: true, points: 5, from: 1, to: 6 }), "{:?}", a.signals);
        // Four rising points are not a trend.
        let short = series(&[5.0, 1.0, 2.0, 3.0, 4.0, 3.0]);
        assert!(!analyse(&short, &settings(ChartType::Run, RuleSet::Ihi))
            .signals
            .iter()
            .any(|s| matches!(s, Signal::Trend { .. })));
    }

    #[test]
    fn a_series_shorter_than_the_rules_warns_and_finds_nothing_false() {
        let points = series(&[1.0, 2.0, 3.0]);
        let a = analyse(&points, &settings(ChartType::Run, RuleSet::Ihi));
        assert!(a.signals.is_empty());
        assert_eq!(a.warnings[0], Warning::FewPointsForRules { points: 3, needed: RUN_MIN });
        let equal = series(&[4.0; 12]);
        let a = analyse(&equal, &settings(ChartType::Run, RuleSet::Anhoej));
        assert!(a.signals.is_empty(), "all points on the median: no signal");
    }

    #[test]
    fn an_astronomical_point_is_the_teams_marker_on_ihi_run_charts() {
        let mut points = series(&[5.0, 6.0, 5.0, 40.0, 6.0, 5.0]);
        points[3].astronomical = true;
        let a = analyse(&points, &settings(ChartType::Run, RuleSet::Ihi));
        assert!(a.signals.contains(&Signal::Astronomical { at: 3 }));
        assert_eq!(a.signals[0].describe(&labels(&points), "median"), "Astronomical point (marked by the team): P4");
        assert!(a.marked[3]);
        let anhoej = analyse(&points, &settings(ChartType::Run, RuleSet::Anhoej));
        assert!(!anhoej.signals.iter().any(|s| matches!(s, Signal::Astronomical { .. })));
    }

    #[test]
    fn missing_periods_leave_gaps_on_the_axis_but_not_in_the_rules() {
        use crate::id::Uuid7;
        let point = |period: &str, value: f64| point_in(period, value);
        // Jan, Feb, then nothing until May; the three points read in order.
        let series = [point("2026-01", 1.0), point("2026-02", 2.0), point("2026-05", 3.0)];
        let measure = Record::new(Uuid7::from_parts(2, [2; 10]), crate::record::Kind::Measure, "team:x".into());
        let chart = for_measure(&measure, &series);
        assert_eq!(chart.x, vec![0.0, 1.0, 4.0]);
        assert_eq!(chart.inputs.len(), 3);
        assert_eq!(chart.analysis.centre, vec![2.0; 3]);
    }

    #[test]
    fn runs_limits_are_the_published_table_and_extend_past_it() {
        // Perla, Provost & Murray (2011), Table 1, as the issue quotes it: n lower–upper.
        let published = "10 3–9, 11 3–10, 12 3–11, 13 4–11, 14 4–12, 15 5–12, 16 5–13, 17 5–13, 18 6–14, \
            19 6–15, 20 6–16, 21 7–16, 22 7–17, 23 7–17, 24 8–18, 25 8–18, 26 9–19, 27 10–19, 28 10–20, \
            29 10–20, 30 11–21, 31 11–22, 32 11–23, 33 12–23, 34 12–24, 35 12–24, 36 13–25, 37 13–25, \
            38 14–26, 39 14–26, 40 15–27, 41 15–27, 42 16–28, 43 16–28, 44 17–29, 45 17–30, 46 17–31, \
            47 18–31, 48 18–32, 49 19–32, 50 19–33, 51 20–33, 52 20–34, 53 21–34, 54 21–35, 55 22–35, \
            56 22–35, 57 23–36, 58 23–37, 59 24–38, 60 24–38";
        let mut rows = 0;
        for entry in published.split(", ") {
            let (n, range) = entry.trim().split_once(' ').unwrap();
            let (lower, upper) = range.split_once('–').unwrap();
            let n: usize = n.parse().unwrap();
            assert_eq!(runs_limits(n), (lower.parse().unwrap(), upper.parse().unwrap()), "n = {n}");
            rows += 1;
        }
        assert_eq!(rows, 51);
        // Past 60: the normal approximation, continuing the table smoothly.
        assert_eq!(runs_limits(61), (24, 39));
        assert_eq!(runs_limits(100), (41, 61));
        let mut last = runs_limits(60);
        for n in 61..=500 {
            let (lower, upper) = runs_limits(n);
            assert!(lower >= last.0 && upper >= last.1 && lower < upper, "n = {n}");
            last = (lower, upper);
        }
    }

    #[test]
    fn twenty_points_with_six_runs_are_not_a_signal_but_five_are() {
        // Ten above and ten below the median (10.5), in runs of the given lengths.
        let runs_of = |lengths: &[usize]| -> Vec<f64> {
            lengths.iter().enumerate().flat_map(|(i, n)| vec![if i % 2 == 0 { 20.0 } else { 1.0 }; *n]).collect()
        };
        let five = runs_of(&[4, 5, 3, 5, 3]);
        let a = analyse(&series(&five), &settings(ChartType::Run, RuleSet::Ihi));
        assert_eq!(a.signals, vec![Signal::FewRuns { runs: 5, useful: 20, lower: 6, from: 0, to: 19 }]);
        assert!(!a.marked.iter().any(|m| *m), "a whole-phase signal marks no point");
        let six = runs_of(&[4, 3, 3, 3, 3, 4]);
        let a = analyse(&series(&six), &settings(ChartType::Run, RuleSet::Ihi));
        assert!(a.signals.is_empty(), "{:?}", a.signals);
        // The old 5 %-a-tail limits (7–15) flagged six runs in 20 points.
        assert_eq!(runs_limits(20), (6, 16));
    }

    #[test]
    fn anhoej_rules_name_the_long_run() {
        // 7 high, 9 low, 7 high: the median (11) sits among the first highs.
        let mut values: Vec<f64> = (0..7).map(|i| 10.0 + 0.5 * i as f64).collect();
        values.extend((0..9).map(|i| 1.0 + 0.1 * i as f64));
        values.extend((0..7).map(|i| 13.5 + 0.5 * i as f64));
        let points = series(&values);
        let a = analyse(&points, &settings(ChartType::Run, RuleSet::Anhoej));
        let long = a.signals.iter().find(|s| matches!(s, Signal::LongRun { .. })).expect("a long run");
        assert!(long.describe(&labels(&points), "median").starts_with("Unusually long run: 9 points below the median"));
    }

    #[test]
    fn spc_marks_points_beyond_limits_and_phases_recompute() {
        let mut values: Vec<f64> = (0..20).map(|i| 10.0 + (i % 3) as f64).collect();
        values[7] = 30.0;
        let points = series(&values);
        let a = analyse(&points, &settings(ChartType::I, RuleSet::Anhoej));
        assert!(a.signals.contains(&Signal::Beyond { above: true, at: 7 }), "{:?}", a.signals);
        assert!(a.warnings.is_empty());
        // A phase break at 10: the second phase has its own centre.
        let mut values: Vec<f64> = (0..10).map(|i| 10.0 + (i % 2) as f64).collect();
        values.extend((0..10).map(|i| 20.0 + (i % 2) as f64));
        let points = series(&values);
        let phased = Settings { phases: vec![10], ..settings(ChartType::I, RuleSet::Anhoej) };
        let a = analyse(&points, &phased);
        assert!((a.centre[0] - 10.5).abs() < 1e-9 && (a.centre[15] - 20.5).abs() < 1e-9);
        assert!(
            a.warnings.iter().all(|w| matches!(w, Warning::TrialLimits { needed: SPC_MIN, .. })),
            "{:?}",
            a.warnings
        );
    }

    #[test]
    fn a_frozen_baseline_extends_its_limits_forward() {
        let mut values: Vec<f64> = (0..12).map(|i| 10.0 + (i % 2) as f64).collect();
        values.extend([20.0, 21.0, 20.0]);
        let points = series(&values);
        let frozen = Settings { freeze: Some(12), ..settings(ChartType::I, RuleSet::Ihi) };
        let a = analyse(&points, &frozen);
        assert!((a.centre[14] - 10.5).abs() < 1e-9, "the centre stays the baseline's");
        assert!(a.signals.contains(&Signal::Beyond { above: true, at: 13 }));
    }

    #[test]
    fn p_chart_limits_are_in_percent_and_vary_with_the_denominator() {
        let points: Vec<Input> = [(10.0, 100.0), (30.0, 200.0), (2.0, 10.0)]
            .iter()
            .enumerate()
            .map(|(i, (n, d))| Input {
                label: format!("P{i}"),
                value: n / d * 100.0,
                ratio: Some((*n, *d)),
                astronomical: false,
                excluded: false,
            })
            .collect();
        let a = analyse(&points, &settings(ChartType::P, RuleSet::Anhoej));
        let p = 42.0 / 310.0;
        assert!((a.centre[0] - p * 100.0).abs() < 1e-9);
        let (lower, upper) = a.limits[0].unwrap();
        assert!((upper - (p + 3.0 * (p * (1.0 - p) / 100.0).sqrt()) * 100.0).abs() < 1e-9);
        assert!(lower >= 0.0);
        let wide = a.limits[2].unwrap();
        assert!(wide.1 - wide.0 > upper - lower, "a small denominator has wider limits");
    }

    /// A baseline of 20 points alternating 10 and 12 (mean 11, every moving range 2): limits
    /// 11 ± 5.32, the outer thirds beyond 11 ± 3.547, the inner third within 11 ± 1.773. The
    /// points after it are charted against those frozen limits.
    #[test]
    fn the_charts_said_to_centre_on_the_median_do() {
        // Skewed counts: median 3, mean 6.
        let points = series(&[1.0, 2.0, 3.0, 4.0, 20.0]);
        for chart in [ChartType::Run, ChartType::I, ChartType::C, ChartType::G] {
            let centre = analyse(&points, &Settings::new(chart, RuleSet::Ihi)).centre[0];
            let expected = if chart.centres_on_median() { 3.0 } else { 6.0 };
            assert!((centre - expected).abs() < 1e-9, "{chart:?}: centre {centre}");
        }
    }

    fn shewhart_on(after: &[f64]) -> Analysis {
        let mut values: Vec<f64> = (0..20).map(|i| if i % 2 == 0 { 10.0 } else { 12.0 }).collect();
        values.extend_from_slice(after);
        let frozen = Settings { freeze: Some(20), ..Settings::new(ChartType::I, RuleSet::Shewhart) };
        analyse(&series(&values), &frozen)
    }

    #[test]
    fn shewhart_rules_on_a_control_chart() {
        // The baseline itself: 20 in a row in the inner third.
        let a = shewhart_on(&[]);
        assert_eq!(a.signals, vec![Signal::Hugging { points: 20, from: 0, to: 19 }]);
        let (lower, upper) = a.limits[0].unwrap();
        assert!((lower - (11.0 - 5.32)).abs() < 1e-9 && (upper - (11.0 + 5.32)).abs() < 1e-9);
        // 2 of 3 in the upper outer third (15 > 14.547), none beyond the limit (16.32).
        let a = shewhart_on(&[15.0, 11.0, 15.0, 9.0]);
        assert!(a.signals.contains(&Signal::TwoOfThree { above: true, from: 20, to: 22 }), "{:?}", a.signals);
        assert!(!a.signals.iter().any(|s| matches!(s, Signal::Beyond { .. })));
        // One in the outer third is not a signal.
        let a = shewhart_on(&[15.0, 11.0, 11.5, 9.0]);
        assert!(!a.signals.iter().any(|s| matches!(s, Signal::TwoOfThree { .. })), "{:?}", a.signals);
        // 8 on one side is a shift; 7 is not (the IHI run chart's 6 does not apply here).
        let a = shewhart_on(&[9.0, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5]);
        assert!(a.signals.iter().any(|s| matches!(s, Signal::Shift { points: 8, from: 21, to: 28, .. })));
        let a = shewhart_on(&[9.0, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 9.0]);
        assert!(!a.signals.iter().any(|s| matches!(s, Signal::Shift { .. })), "{:?}", a.signals);
        // 6 rising is a trend; 5 is not.
        let a = shewhart_on(&[9.0, 10.0, 10.5, 11.2, 11.8, 12.4]);
        assert!(a.signals.iter().any(|s| matches!(s, Signal::Trend { up: true, points: 6, .. })), "{:?}", a.signals);
        let a = shewhart_on(&[9.0, 10.0, 10.5, 11.2, 11.8, 8.0]);
        assert!(!a.signals.iter().any(|s| matches!(s, Signal::Trend { .. })), "{:?}", a.signals);
        // Beyond a limit.
        let a = shewhart_on(&[17.0]);
        assert!(a.signals.contains(&Signal::Beyond { above: true, at: 20 }));
    }

    #[test]
    fn making_data_count_rules_as_nhsrplotthedots() {
        let mdc = |after: &[f64]| {
            let mut values: Vec<f64> = (0..20).map(|i| if i % 2 == 0 { 10.0 } else { 12.0 }).collect();
            values.extend_from_slice(after);
            let frozen = Settings { freeze: Some(20), ..Settings::new(ChartType::I, RuleSet::MakingDataCount) };
            analyse(&series(&values), &frozen).signals
        };
        // No hugging rule: the baseline alone is quiet.
        assert_eq!(mdc(&[]), vec![]);
        // 7 on one side is a shift; a point on the mean (11) breaks it.
        assert!(mdc(&[9.0, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5])
            .iter()
            .any(|s| matches!(s, Signal::Shift { points: 7, from: 21, to: 27, .. })));
        let broken = mdc(&[9.0, 11.5, 11.5, 11.5, 11.0, 11.5, 11.5, 11.5]);
        assert!(!broken.iter().any(|s| matches!(s, Signal::Shift { .. })), "{broken:?}");
        // 7 strictly rising is a trend; an equal neighbour breaks it.
        assert!(mdc(&[8.0, 9.0, 9.5, 10.0, 10.5, 11.5, 12.5, 8.0])
            .iter()
            .any(|s| matches!(s, Signal::Trend { up: true, points: 7, from: 20, to: 26 })));
        let flat = mdc(&[8.0, 9.0, 9.5, 9.5, 10.5, 11.5, 12.5, 8.0]);
        assert!(!flat.iter().any(|s| matches!(s, Signal::Trend { .. })), "{flat:?}");
        // 2 of 3 near the upper limit, all three above the mean; not when one is below it.
        assert!(mdc(&[15.0, 11.5, 15.0]).contains(&Signal::TwoOfThree { above: true, from: 20, to: 22 }));
        assert!(!mdc(&[15.0, 9.0, 15.0]).iter().any(|s| matches!(s, Signal::TwoOfThree { .. })));
        // A point beyond the limit is its own signal, not "near" it.
        assert_eq!(mdc(&[17.0]), vec![Signal::Beyond { above: true, at: 20 }]);
    }

    #[test]
    fn the_mr_chart_is_computed_per_phase_with_no_range_across_a_break() {
        let points = series(&[10.0, 12.0, 10.0, 12.0, 20.0, 25.0, 20.0]);
        let phased = Settings { phases: vec![4], ..Settings::new(ChartType::I, RuleSet::Shewhart) };
        let mr = moving_ranges(&points, &phased);
        assert_eq!(mr.ranges, vec![None, Some(2.0), Some(2.0), Some(2.0), None, Some(5.0), Some(5.0)]);
        assert_eq!(mr.centre, vec![2.0, 2.0, 2.0, 2.0, 5.0, 5.0, 5.0]);
        assert!((mr.upper[6] - 3.267 * 5.0).abs() < 1e-9);
        // The plain mean of the moving ranges, as qicharts2's qic.mr (no screening).
        let spiky = series(&[10.0, 10.0, 10.0, 10.0, 50.0]);
        let mr = moving_ranges(&spiky, &Settings::new(ChartType::I, RuleSet::Shewhart));
        assert_eq!(mr.centre[0], 10.0);
    }

    #[test]
    fn a_freeze_holds_within_the_first_phase_only() {
        let mut values: Vec<f64> = (0..10).map(|i| 10.0 + (i % 2) as f64).collect();
        values.extend([30.0, 31.0, 30.0, 31.0]);
        values.extend((0..6).map(|i| 20.0 + (i % 2) as f64));
        let points = series(&values);
        // Freeze 10 of a first phase of 14: the first phase's centre is its first ten points'.
        let set = Settings { freeze: Some(10), phases: vec![14], ..Settings::new(ChartType::I, RuleSet::Shewhart) };
        let a = analyse(&points, &set);
        assert!((a.centre[12] - 10.5).abs() < 1e-9 && (a.centre[15] - 20.5).abs() < 1e-9);
        assert!(a.signals.contains(&Signal::Beyond { above: true, at: 10 }));
    }

    #[test]
    fn a_freeze_past_the_first_phase_break_is_not_used_and_said_so() {
        use crate::{DeviceClock, Edit, Kind, Replica, Uuid7, Value};
        let id = Uuid7::from_parts(5, [5; 10]);
        let edit = |field: &str, value: Value| Edit {
            record: id.clone(),
            kind: Kind::Measure,
            scope: "team:x".into(),
            field: field.into(),
            value,
        };
        let phases = Value::Rows(vec![[("from".to_owned(), "2026-05".to_owned())].into_iter().collect()]);
        let edits = vec![
            edit("value_type", Value::Text("continuous".into())),
            edit("chart", Value::Text("spc".into())),
            edit("freeze", Value::Number(6.0)),
            edit("phases", phases),
        ];
        let mut replica = Replica::default();
        let mut clock = DeviceClock { device: Uuid7::from_parts(1, [1; 10]), counter: 0, last_hlc: None };
        replica.edit(&mut clock, edits, 1, None);
        let measure = replica.record(&id).unwrap().clone();
        let series: Vec<Point> = (1..=8).map(|m| point_in(&format!("2026-{m:02}"), 10.0 + m as f64)).collect();
        let chart = for_measure(&measure, &series);
        assert_eq!(chart.settings.freeze, None);
        assert_eq!(chart.settings.rules, RuleSet::Shewhart, "a control chart reads Shewhart's rules by default");
        assert!(chart.marks.iter().all(|(_, mark)| !matches!(mark, Mark::Freeze { .. })), "{:?}", chart.marks);
        assert!(chart.analysis.warnings.iter().any(|w| matches!(w, Warning::FreezePastBreak { .. })));
    }

    #[test]
    fn signals_are_worded_by_what_they_mean_for_the_measure() {
        let shift_up = Signal::Shift { above: true, points: 6, from: 0, to: 5 };
        assert_eq!(shift_up.meaning(Some(true)), Meaning::Improvement);
        assert_eq!(shift_up.meaning(Some(false)), Meaning::Deterioration);
        assert_eq!(shift_up.meaning(None), Meaning::Change);
        let falling = Signal::Trend { up: false, points: 5, from: 0, to: 4 };
        assert_eq!(falling.meaning(Some(false)), Meaning::Improvement, "fewer falls is better");
        let few = Signal::FewRuns { runs: 3, useful: 12, lower: 4, from: 0, to: 11 };
        assert_eq!(few.meaning(Some(true)), Meaning::Change);
        assert_eq!(Signal::Hugging { points: 15, from: 0, to: 14 }.meaning(Some(true)), Meaning::Change);
    }

    #[test]
    fn the_latest_signal_is_the_one_that_ends_latest() {
        // An old point beyond the limit, then a shift running to the last point.
        let a = shewhart_on(&[30.0, 9.0, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5]);
        assert!(a.signals.iter().any(|s| matches!(s, Signal::Beyond { at: 20, .. })));
        assert!(matches!(a.latest(), Some(Signal::Shift { to: 29, .. })), "{:?}", a.latest());
        // Ties at the end: the shorter (a point beyond the limit) wins over the long shift.
        let a = shewhart_on(&[11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 30.0]);
        assert_eq!(a.latest(), Some(&Signal::Beyond { above: true, at: 27 }));
    }

    #[test]
    fn a_left_out_point_stays_drawn_but_out_of_the_calculations() {
        let mut points = series(&[10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 100.0, 10.0, 12.0, 10.0]);
        points[6].excluded = true;
        let a = analyse(&points, &Settings::new(ChartType::I, RuleSet::Shewhart));
        assert!((a.centre[0] - 98.0 / 9.0).abs() < 1e-9, "the centre leaves it out");
        assert!(!a.signals.iter().any(|s| matches!(s, Signal::Beyond { at: 6, .. })), "nor is it judged");
        let mr = moving_ranges(&points, &Settings::new(ChartType::I, RuleSet::Shewhart));
        assert_eq!((mr.ranges[6], mr.ranges[7]), (None, None));
    }

    #[test]
    fn the_chart_picker_offers_the_charts_that_fit_the_measure() {
        assert_eq!(ChartType::choices("proportion"), ["run", "spc", "p", "pp"]);
        assert_eq!(ChartType::choices("rate"), ["run", "spc", "u", "up"]);
        assert_eq!(ChartType::choices("count"), ["run", "spc", "c", "g", "t"]);
        assert_eq!(ChartType::choices("continuous"), ["run", "spc", "i", "t", "g"]);
        for key in ChartType::choices("continuous") {
            assert!(crate::schema::CHART_TYPES.iter().any(|(k, _)| *k == key), "{key} has words");
        }
    }

    #[test]
    fn a_p_chart_too_tight_for_its_denominators_suggests_p_prime() {
        // Whole-hospital percentages: thousands a month, varying by several points.
        let pct = [48.0, 51.0, 45.5, 53.0, 47.0, 50.5, 55.0, 49.0, 46.0, 52.0, 50.0, 47.5];
        let inputs: Vec<Input> = pct
            .iter()
            .enumerate()
            .map(|(i, p)| Input { ratio: Some((p * 40.0, 4000.0)), ..Input::point(&format!("P{i}"), *p) })
            .collect();
        let p = Settings { scale: 100.0, ..Settings::new(ChartType::P, RuleSet::Shewhart) };
        let warning = laney_suggestion(&p, &inputs).expect("a suggestion");
        assert!(
            matches!(warning, Warning::Overdispersed { chart: ChartType::P, better: ChartType::PPrime, sigma_z } if sigma_z >= LANEY_SUGGESTED),
            "{warning:?}"
        );
        let a = analyse(&inputs, &p);
        let beyond = a.signals.iter().filter(|s| matches!(s, Signal::Beyond { .. })).count();
        let pp = analyse(&inputs, &Settings { chart: ChartType::PPrime, ..p.clone() });
        let beyond_pp = pp.signals.iter().filter(|s| matches!(s, Signal::Beyond { .. })).count();
        assert!(beyond >= 4 && beyond_pp == 0, "P: {beyond} beyond, P′: {beyond_pp}");
        assert!(laney_suggestion(&Settings { chart: ChartType::PPrime, ..p }, &inputs).is_none());
    }

    #[test]
    fn rare_event_and_laney_charts_follow_qicharts2() {
        // Figures computed independently with qicharts2's formulas.
        let close = |a: f64, b: f64| (a - b).abs() < 1e-6 * b.abs().max(1e-3);
        let t = analysis::t_chart(&[12.0, 30.0, 7.0, 45.0, 20.0, 60.0, 15.0, 33.0, 90.0, 25.0]);
        assert!(close(t.centre, 28.172718663168112) && close(t.upper, 266.12211553704697), "{t:?}");
        assert!(close(t.lower, 0.020315123197774353), "{t:?}");
        let g = analysis::g_chart(&[3.0, 10.0, 25.0, 7.0, 40.0, 18.0, 2.0, 60.0]);
        assert_eq!((g.centre, g.lower), (14.0, 0.0));
        assert!(close(g.upper, 83.98224603389892));
        let num = [480.0, 510.0, 455.0, 530.0, 470.0, 505.0, 600.0, 490.0];
        let den = [1000.0, 1020.0, 980.0, 1010.0, 995.0, 1005.0, 1000.0, 990.0];
        let pp = analysis::p_prime_chart(&num, &den);
        assert!(close(pp[0].centre, 0.505) && close(pp[0].lower, 0.35290054531815296));
        assert!(close(pp[1].upper, 0.6556009013413229));
        assert!(close(analysis::overdispersion(&num, &den, true), 3.2066983900227264));
        let num = [30.0, 42.0, 25.0, 50.0, 38.0, 33.0, 45.0, 28.0];
        let den = [4000.0, 4200.0, 3900.0, 4100.0, 4050.0, 3950.0, 4000.0, 3980.0];
        let up = analysis::u_prime_chart(&num, &den);
        assert!(close(up[0].lower, 0.0003531438493917325) && close(up[1].upper, 0.01752320160970377));
        // A P′ chart's limits are wider than the P chart's when points vary more than binomially.
        let p = analysis::p_chart(&num, &den);
        assert!(up[0].upper > p[0].upper);
        // Times at or below 0 have no T chart.
        assert!(analysis::t_chart(&[3.0, 0.0, 5.0]).centre.is_nan());
    }
}
