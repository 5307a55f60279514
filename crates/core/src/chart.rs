//! What a measure's chart shows: its points, centre line and limits phase by phase, and the
//! signals found by the chosen rule set, each described in words.
//!
//! Owns the choice of chart (run chart, or the SPC chart that fits the data: I for
//! measurements, P for percentages, U for rates, C for counts), the baseline freeze and phase
//! breaks. The numbers come from `analysis`; the app only draws. Never reads storage.

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
}

impl ChartType {
    /// The chart's name for people.
    pub fn name(self) -> &'static str {
        match self {
            ChartType::Run => "Run chart",
            ChartType::I => "I chart (individuals)",
            ChartType::P => "P chart (proportions)",
            ChartType::U => "U chart (rates)",
            ChartType::C => "C chart (counts)",
        }
    }
}

/// The rules that look for non-random variation around the centre line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSet {
    /// Shift of 6, trend of 5, too few or too many runs (Perla, Provost & Murray 2011).
    Ihi,
    /// Unusually long runs, too few crossings (Anhøj & Olesen 2014).
    Anhoej,
}

impl RuleSet {
    /// The rule set as printed on the chart.
    pub fn name(self) -> &'static str {
        match self {
            RuleSet::Ihi => "IHI run chart rules: shift 6, trend 5, runs",
            RuleSet::Anhoej => "Anhøj rules: longest run, crossings",
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
    /// Fewer runs than chance allows (IHI).
    FewRuns { runs: usize, useful: usize, lower: usize },
    /// More runs than chance allows (IHI).
    ManyRuns { runs: usize, useful: usize, upper: usize },
    /// A run longer than chance allows (Anhøj).
    LongRun { above: bool, points: usize, max: usize, from: usize, to: usize },
    /// Fewer crossings than chance allows (Anhøj).
    FewCrossings { crossings: usize, min: usize, useful: usize },
    /// A point beyond a control limit.
    Beyond { above: bool, at: usize },
    /// A point the team judged astronomical (IHI run chart rule 4).
    Astronomical { at: usize },
}

impl Signal {
    /// The points the signal covers.
    pub fn span(&self) -> Option<(usize, usize)> {
        match self {
            Signal::Shift { from, to, .. } | Signal::Trend { from, to, .. } | Signal::LongRun { from, to, .. } => {
                Some((*from, *to))
            }
            Signal::Beyond { at, .. } | Signal::Astronomical { at } => Some((*at, *at)),
            _ => None,
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
            Signal::FewRuns { runs, useful, lower } => {
                format!("Too few runs: {runs} runs in {useful} points (at least {lower} expected)")
            }
            Signal::ManyRuns { runs, useful, upper } => {
                format!("Too many runs: {runs} runs in {useful} points (at most {upper} expected)")
            }
            Signal::LongRun { above, points, max, from, to } => format!(
                "Unusually long run: {points} points {} the {centre_name} from {} to {} (longest expected: {max})",
                side(*above),
                label(*from),
                label(*to)
            ),
            Signal::FewCrossings { crossings, min, useful } => {
                format!("Too few crossings: {crossings} in {useful} points (at least {min} expected)")
            }
            Signal::Astronomical { at } => format!("Astronomical point (marked by the team): {}", label(*at)),
            Signal::Beyond { above, at } => {
                format!("{}: {}", if *above { "Above the upper limit" } else { "Below the lower limit" }, label(*at))
            }
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
    /// Cautions for people: too few points, and so on.
    pub warnings: Vec<String>,
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
    /// Vertical marks: (index of the first point after the mark, words).
    pub marks: Vec<(usize, String)>,
    /// For an I chart, its moving-range chart.
    pub moving_ranges: Option<MovingRanges>,
}

impl MeasureChart {
    /// What its centre line is called in words: "median" on a run chart, "mean" otherwise.
    pub fn centre_name(&self) -> &'static str {
        if self.settings.chart == ChartType::Run {
            "median"
        } else {
            "mean"
        }
    }

    /// Its latest signal in words, "No signal" when it has none, "" when it has no points.
    pub fn latest_signal(&self) -> String {
        let labels: Vec<String> = self.inputs.iter().map(|p| p.label.clone()).collect();
        match self.analysis.signals.last() {
            Some(signal) => signal.describe(&labels, self.centre_name()),
            None if self.points.is_empty() => String::new(),
            None => "No signal".to_owned(),
        }
    }
}

/// The moving-range (MR) chart that goes with an I chart.
#[derive(Clone, Debug, PartialEq)]
pub struct MovingRanges {
    /// |xᵢ − xᵢ₋₁| for each point after the first, each belonging to the later point.
    pub ranges: Vec<f64>,
    /// The average moving range (of the baseline: the frozen points, or all).
    pub centre: f64,
    /// Its upper limit, 3.267 × the average.
    pub upper: f64,
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
        })
        .collect();
    let chart = match (measure.text("chart"), value_type) {
        ("spc", ValueType::Proportion) => ChartType::P,
        ("spc", ValueType::Rate { .. }) => ChartType::U,
        ("spc", ValueType::Count) => ChartType::C,
        ("spc", ValueType::Continuous) => ChartType::I,
        _ => ChartType::Run,
    };
    let rules = if measure.text("rules") == "anhoej" { RuleSet::Anhoej } else { RuleSet::Ihi };
    let scale = match value_type {
        ValueType::Proportion => 100.0,
        ValueType::Rate { per } => per,
        _ => 1.0,
    };
    let mut marks = Vec::new();
    let mut warnings = Vec::new();
    let freeze = match measure.value("freeze") {
        Value::Number(n) if *n >= 2.0 && (*n as usize) < points.len() => {
            let k = *n as usize;
            let reason = measure.text("freeze_reason").trim();
            let words =
                if reason.is_empty() { "Baseline frozen".to_owned() } else { format!("Baseline frozen: {reason}") };
            marks.push((k, words));
            Some(k)
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
                let label = period.map(Period::label).unwrap_or_default();
                marks.push((
                    index,
                    if reason.is_empty() {
                        format!("New phase from {label}")
                    } else {
                        format!("{reason} (from {label})")
                    },
                ));
            }
            Some(_) => {}
            None if period.is_none() => {
                warnings.push(format!("Phase break “{from}” is not a month or a date: left out."))
            }
            None => {}
        }
    }
    let first = points.first().map_or(0, |p| p.period.ordinal());
    let x = points.iter().map(|p| (p.period.ordinal() - first) as f64).collect();
    let settings = Settings { chart, rules, scale, freeze, phases };
    let mut analysis = analyse(&inputs, &settings);
    analysis.warnings.extend(warnings);
    if chart == ChartType::Run && measure.text("chart") == "spc" {
        analysis.warnings.push("This measure has no control chart.".to_owned());
    }
    crate::order::sort_by_key(&mut marks, |(index, _)| *index);
    let moving_ranges = (chart == ChartType::I && inputs.len() >= 2).then(|| {
        let values: Vec<f64> = inputs.iter().map(|p| p.value).collect();
        let base = &values[..settings.freeze.unwrap_or(values.len())];
        let limits = analysis::mr_chart(base);
        MovingRanges { ranges: analysis::moving_ranges(&values), centre: limits.centre, upper: limits.upper }
    });
    MeasureChart { points, inputs, x, settings, analysis, marks, moving_ranges }
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
    };
    let mut starts: Vec<usize> = settings.phases.iter().copied().filter(|i| *i > 0 && *i < n).collect();
    crate::order::sort(&mut starts);
    starts.dedup();
    let mut bounds = vec![0];
    bounds.extend(starts);
    bounds.push(n);
    for (phase, window) in bounds.windows(2).enumerate() {
        let (start, end) = (window[0], window[1]);
        if start >= end {
            continue;
        }
        let segment = &points[start..end];
        // The baseline: the frozen first points of the first phase, or the whole phase.
        let base_len = match settings.freeze {
            Some(k) if phase == 0 && k >= 2 && k < segment.len() => k,
            _ => segment.len(),
        };
        let base = &segment[..base_len];
        let values: Vec<f64> = segment.iter().map(|p| p.value).collect();
        let (centre, limits) = centre_and_limits(settings, base, segment);
        for i in 0..segment.len() {
            result.centre[start + i] = centre;
            result.limits[start + i] = limits.as_ref().map(|l| (l[i].lower, l[i].upper));
        }
        let needed = if settings.chart == ChartType::Run { RUN_MIN } else { SPC_MIN };
        if base.len() < needed {
            result.warnings.push(if settings.chart == ChartType::Run {
                format!("Only {} points: the run chart rules are more reliable with {RUN_MIN} or more.", base.len())
            } else {
                format!(
                    "Only {} points for the limits: treat them as trial limits until there are {SPC_MIN}.",
                    base.len()
                )
            });
        }
        let mut found = run_rules(&values, centre, settings.rules, start);
        if settings.chart == ChartType::Run && settings.rules == RuleSet::Ihi {
            for (i, point) in segment.iter().enumerate() {
                if point.astronomical {
                    found.push(Signal::Astronomical { at: start + i });
                }
            }
        }
        if let Some(limits) = &limits {
            for (i, (value, limit)) in values.iter().zip(limits).enumerate() {
                if *value > limit.upper + 1e-12 {
                    found.push(Signal::Beyond { above: true, at: start + i });
                } else if *value < limit.lower - 1e-12 {
                    found.push(Signal::Beyond { above: false, at: start + i });
                }
            }
        }
        for signal in &found {
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

/// The centre line of a phase (from its baseline) and, for SPC charts, the limits at each of
/// its points, in display units.
fn centre_and_limits(settings: &Settings, base: &[Input], segment: &[Input]) -> (f64, Option<Vec<Limits>>) {
    let values: Vec<f64> = base.iter().map(|p| p.value).collect();
    let scale = settings.scale;
    let ratios = |list: &[Input]| -> (Vec<f64>, Vec<f64>) {
        list.iter().map(|p| p.ratio.unwrap_or((f64::NAN, f64::NAN))).unzip()
    };
    match settings.chart {
        ChartType::Run => (analysis::median(&values).unwrap_or(f64::NAN), None),
        ChartType::I => {
            let l = analysis::i_chart(&values);
            (l.centre, Some(vec![l; segment.len()]))
        }
        ChartType::C => {
            let l = analysis::c_chart(&values);
            (l.centre, Some(vec![l; segment.len()]))
        }
        ChartType::P | ChartType::U => {
            let (num, den) = ratios(base);
            let centre = num.iter().sum::<f64>() / den.iter().sum::<f64>();
            let (_, seg_den) = ratios(segment);
            let seg_num: Vec<f64> = seg_den.iter().map(|d| centre * d).collect();
            // Limits of each point of the phase around the baseline's centre.
            let limits = if settings.chart == ChartType::P {
                analysis::p_chart(&seg_num, &seg_den)
            } else {
                analysis::u_chart(&seg_num, &seg_den)
            };
            let scaled = limits
                .into_iter()
                .map(|l| Limits { centre: l.centre * scale, lower: l.lower * scale, upper: l.upper * scale })
                .collect();
            (centre * scale, Some(scaled))
        }
    }
}

/// The run rules of a rule set on one phase, indices offset by `start`.
fn run_rules(values: &[f64], centre: f64, rules: RuleSet, start: usize) -> Vec<Signal> {
    let mut signals = Vec::new();
    if !centre.is_finite() {
        return signals;
    }
    // Runs of useful points on one side: (above, first index, last index, points).
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
    let useful: usize = runs.iter().map(|r| r.3).sum();
    match rules {
        RuleSet::Ihi => {
            for (above, from, to, points) in &runs {
                if *points >= 6 {
                    signals.push(Signal::Shift { above: *above, points: *points, from: start + from, to: start + to });
                }
            }
            signals.extend(trends(values, start));
            if useful >= RUN_MIN {
                let (lower, upper) = runs_limits(useful);
                let count = runs.len();
                if count < lower {
                    signals.push(Signal::FewRuns { runs: count, useful, lower });
                } else if count > upper {
                    signals.push(Signal::ManyRuns { runs: count, useful, upper });
                }
            }
        }
        RuleSet::Anhoej => {
            let a = anhoej(values, centre);
            if a.runs_signal {
                for (above, from, to, points) in &runs {
                    if *points > a.longest_run_max {
                        signals.push(Signal::LongRun {
                            above: *above,
                            points: *points,
                            max: a.longest_run_max,
                            from: start + from,
                            to: start + to,
                        });
                    }
                }
            }
            if a.crossings_signal {
                signals.push(Signal::FewCrossings { crossings: a.crossings, min: a.crossings_min, useful: a.useful });
            }
        }
    }
    signals
}

/// Trends: five or more points each higher (or each lower) than the one before; a point equal
/// to the one before neither counts nor breaks the trend.
fn trends(values: &[f64], start: usize) -> Vec<Signal> {
    let mut signals = Vec::new();
    // (direction, first index, last index, points counted)
    let mut current: Option<(bool, usize, usize, usize)> = None;
    let mut last_distinct: Option<(usize, f64)> = None;
    let close = |run: Option<(bool, usize, usize, usize)>, signals: &mut Vec<Signal>| {
        if let Some((up, from, to, points)) = run {
            if points >= 5 {
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

/// The fewest and most runs chance allows among `useful` points: the 5th and 95th percentiles
/// of the number of runs when the points split evenly around the median (Swed & Eisenhart).
pub fn runs_limits(useful: usize) -> (usize, usize) {
    let (r, s) = (useful.div_ceil(2), useful / 2);
    if s == 0 {
        return (1, 1);
    }
    // ln(i!) for every i up to `useful`: each binomial below is then three lookups
    // (was a sum of logs per binomial: quadratic in the points, 1.4 ms at 500 in the browser).
    let ln_factorial: Vec<f64> = std::iter::once(0.0)
        .chain((1..=useful).scan(0.0, |sum, i| {
            *sum += (i as f64).ln();
            Some(*sum)
        }))
        .collect();
    let ln_choose = |n: usize, k: usize| -> f64 {
        if k > n {
            return f64::NEG_INFINITY;
        }
        ln_factorial[n] - ln_factorial[k] - ln_factorial[n - k]
    };
    let ln_total = ln_choose(useful, r);
    let p = |runs: usize| -> f64 {
        let ways = if runs.is_multiple_of(2) {
            let k = runs / 2;
            2.0_f64.ln() + ln_choose(r - 1, k - 1) + ln_choose(s - 1, k - 1)
        } else {
            let k = (runs - 1) / 2;
            let a = ln_choose(r - 1, k - 1) + ln_choose(s - 1, k);
            let b = ln_choose(r - 1, k) + ln_choose(s - 1, k - 1);
            ln_add(a, b)
        };
        (ways - ln_total).exp()
    };
    let mut cdf = 0.0;
    let mut lower = 2;
    for runs in 2..=useful {
        cdf += p(runs);
        if cdf > 0.05 {
            lower = runs;
            break;
        }
    }
    let mut tail = 0.0;
    let mut upper = useful;
    for runs in (2..=useful).rev() {
        tail += p(runs);
        if tail > 0.05 {
            upper = runs;
            break;
        }
    }
    (lower, upper)
}

fn ln_add(a: f64, b: f64) -> f64 {
    if a == f64::NEG_INFINITY {
        return b;
    }
    if b == f64::NEG_INFINITY {
        return a;
    }
    let m = a.max(b);
    m + ((a - m).exp() + (b - m).exp()).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(values: &[f64]) -> Vec<Input> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| Input { label: format!("P{}", i + 1), value: *v, ratio: None, astronomical: false })
            .collect()
    }

    fn settings(chart: ChartType, rules: RuleSet) -> Settings {
        Settings { chart, rules, scale: 100.0, freeze: None, phases: Vec::new() }
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
        assert!(a.warnings[0].contains("Only 3 points"));
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
        let point = |period: &str, value: f64| Point {
            id: Uuid7::from_parts(1, [1; 10]),
            period: Period::parse(period).unwrap(),
            value: Some(value),
            numerator: None,
            denominator: None,
            note: String::new(),
            astronomical: false,
        };
        // Jan, Feb, then nothing until May; the three points read in order.
        let series = [point("2026-01", 1.0), point("2026-02", 2.0), point("2026-05", 3.0)];
        let measure = Record::new(Uuid7::from_parts(2, [2; 10]), crate::record::Kind::Measure, "team:x".into());
        let chart = for_measure(&measure, &series);
        assert_eq!(chart.x, vec![0.0, 1.0, 4.0]);
        assert_eq!(chart.inputs.len(), 3);
        assert_eq!(chart.analysis.centre, vec![2.0; 3]);
    }

    #[test]
    fn runs_limits_follow_the_distribution_of_runs() {
        // 16 points: fewer than 6 or more than 12 runs are unlikely (5 % each side).
        assert_eq!(runs_limits(16), (6, 12));
        assert_eq!(runs_limits(20), (7, 15));
        let (lower, upper) = runs_limits(30);
        assert!(lower < 16 && upper > 16);
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
        assert!(a.warnings.iter().all(|w| w.contains("trial limits")));
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
}
