//! Charts drawn as SVG from `ramp-core`'s chart analysis: a measure's run or control chart
//! with its signals, marks and PDSA annotations, and the small version for overviews.
//!
//! Owns geometry only: where a point, a line or a label goes. Every number and every word
//! about signals comes from `ramp_core::chart`; nothing here reads storage.

use leptos::prelude::*;
use ramp_core::chart::MeasureChart;
use ramp_core::Record;

/// Width and height of the full chart's drawing, in SVG units (phones get a narrower drawing,
/// so that its text stays readable when it is scaled to the screen).
const WIDE: (f64, f64) = (640.0, 280.0);
const NARROW: (f64, f64) = (360.0, 250.0);
const LEFT: f64 = 56.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 44.0;
/// Below the x labels, a strip for the PDSA flags: they never sit on a data point.
const FLAG_STRIP: f64 = 26.0;

/// The room under the plot: the x labels, and the flags' strip when there are flags.
fn bottom(flags: bool) -> f64 {
    if flags {
        BOTTOM + FLAG_STRIP
    } else {
        BOTTOM
    }
}

/// PDSA flags that would overlap at this width, as groups of annotation indices, each group
/// at the position of its first: cycles that start in one month share one flag ("6–8").
fn flag_groups(xs: &[f64], min_gap: f64) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut order: Vec<usize> = (0..xs.len()).collect();
    ramp_core::order::sort_by(&mut order, |a, b| xs[*a].total_cmp(&xs[*b]));
    for i in order {
        match groups.last_mut() {
            Some(group) if xs[i] - xs[group[0]] < min_gap => group.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
}

/// A flag's words: "3", "6–8" (numbers in a row), "2, 5".
fn flag_label(group: &[usize]) -> String {
    let numbers: Vec<usize> = group.iter().map(|k| k + 1).collect();
    let in_a_row = numbers.windows(2).all(|w| w[1] == w[0] + 1);
    match numbers.as_slice() {
        [one] => one.to_string(),
        [first, .., last] if in_a_row => format!("{first}–{last}"),
        _ => numbers.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
    }
}

/// A PDSA cycle or note shown on the chart's time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// Where on the axis, in periods from the first point.
    pub at: f64,
    /// Its words ("Tally sheet on Monday").
    pub label: String,
    /// Where tapping it goes.
    pub href: String,
}

/// Everything a full chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// The measure (name, unit, goal).
    pub measure: Record,
    /// The analysed chart.
    pub chart: MeasureChart,
    /// The cycles linked to the measure, on the axis.
    pub annotations: Vec<Annotation>,
}

struct Scale {
    /// The last position on the x axis (the first is 0).
    span: f64,
    min: f64,
    max: f64,
    width: f64,
    height: f64,
    left: f64,
    top: f64,
}

impl Scale {
    fn new(
        values: impl Iterator<Item = f64>,
        span: f64,
        (width, height): (f64, f64),
        (left, top): (f64, f64),
    ) -> Scale {
        let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values.filter(|v| v.is_finite()) {
            min = min.min(v);
            max = max.max(v);
        }
        if !min.is_finite() {
            (min, max) = (0.0, 1.0);
        }
        if (max - min).abs() < 1e-9 {
            (min, max) = (min - 1.0, max + 1.0);
        }
        let pad = (max - min) * 0.08;
        Scale { span, min: min - pad, max: max + pad, width, height, left, top }
    }

    fn x(&self, position: f64) -> f64 {
        if self.span <= 0.0 {
            return self.left + self.width / 2.0;
        }
        self.left + position * self.width / self.span
    }

    fn y(&self, v: f64) -> f64 {
        self.top + (self.max - v) / (self.max - self.min) * self.height
    }

    /// Two to five round values within the axis (multiples of 1, 2 or 5 × a power of ten).
    fn ticks(&self) -> Vec<f64> {
        let raw = (self.max - self.min) / 3.0;
        if !(raw > 0.0 && raw.is_finite()) {
            return vec![self.min];
        }
        let magnitude = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
        let first = (self.min / step).ceil() as i64;
        let last = (self.max / step).floor() as i64;
        (first..=last).map(|k| k as f64 * step).collect()
    }

    fn step(&self) -> f64 {
        if self.span <= 0.0 {
            self.width
        } else {
            self.width / self.span
        }
    }
}

fn goal(measure: &Record) -> Option<f64> {
    match measure.value("goal") {
        ramp_core::Value::Number(n) => Some(*n),
        _ => None,
    }
}

/// A measure's full chart with its caption, signals in words, warnings and annotations.
#[component]
pub fn MeasureChartView(
    /// What to draw (nothing while the measure is not known).
    #[prop(into)]
    data: Signal<Option<ChartData>>,
) -> impl IntoView {
    let narrow_now =
        || web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_some_and(|w| w < 600.0);
    let narrow_signal = RwSignal::new(narrow_now());
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        let narrow = narrow_now();
        if narrow != narrow_signal.get_untracked() {
            narrow_signal.set(narrow);
        }
    });
    on_cleanup(move || listener.remove());
    let picked_note = RwSignal::new(None::<String>);
    let moving_ranges = Memo::new(move |_| {
        data.with(|d| d.as_ref().and_then(|d| d.chart.moving_ranges.clone().map(|mr| (mr, d.chart.x.clone()))))
    });
    let annotations = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.annotations.clone()).unwrap_or_default()));
    view! {
        {move || {
            let Some(data) = data.get() else { return ().into_any() };
            let narrow = narrow_signal.get();
            if data.chart.points.is_empty() {
                return view! { <p class="empty" data-testid="chart-empty">{crate::t!("chart-empty")}</p> }.into_any();
            }
            let ChartData { measure, chart, annotations } = data;
            let (width, height) = if narrow { NARROW } else { WIDE };
            let navigate = leptos_router::hooks::use_navigate();
            let a = &chart.analysis;
            let values: Vec<f64> = chart.inputs.iter().map(|p| p.value).collect();
            let goal_value = goal(&measure);
            let limit_values = a.limits.iter().flatten().flat_map(|(l, u)| [*l, *u]);
            let xs = chart.x.clone();
            let span = xs.last().copied().unwrap_or(0.0);
            let height = height + if annotations.is_empty() { 0.0 } else { FLAG_STRIP };
            let scale = Scale::new(
                values.iter().copied().chain(a.centre.iter().copied()).chain(limit_values).chain(goal_value),
                span,
                (width - LEFT - RIGHT, height - TOP - bottom(!annotations.is_empty())),
                (LEFT, TOP),
            );
            let fmt = |v: f64| crate::i18n::value(&measure, v);
            let centre_name = crate::i18n::signals::centre_name(&chart);
            let drawing = chart_svg(&chart, &measure, &scale, (width, height), narrow, &annotations);
            let caption = format!(
                "{} · {}",
                crate::i18n::chart_name(chart.settings.chart),
                crate::i18n::rules_name(chart.settings.rules)
            );
            let now = if chart.marks.is_empty() { "always" } else { "now" };
            let centre_words = a.centre.last().filter(|c| c.is_finite()).map(|c| {
                crate::t!("centre-line-words", centre = centre_name.clone(), when = now, value = fmt(*c))
            });
            let limit_words = a.limits.last().copied().flatten().map(|(lower, upper)| {
                crate::t!("limits-words", when = now, lower = fmt(lower), upper = fmt(upper))
            });
            let legend = Legend {
                signal: a.marked.iter().any(|m| *m),
                note: chart.points.iter().any(|p| !p.note.is_empty()),
                excluded: chart.inputs.iter().any(|p| p.excluded),
                limits: a.limits.iter().any(Option::is_some),
                goal: goal_value.is_some(),
                flags: !annotations.is_empty(),
            };
            let signals: Vec<(&'static str, String)> = a
                .signals
                .iter()
                .map(|s| (s.meaning(chart.higher_is_better).key(), crate::i18n::signals::words(&chart, s)))
                .collect();
            let summary = if signals.is_empty() {
                crate::t!("no-signal")
            } else {
                signals.iter().map(|(_, words)| words.as_str()).collect::<Vec<_>>().join(". ")
            };
            let title = format!("{} — {}", measure.text("name"), crate::i18n::chart_name(chart.settings.chart));
            let mut warnings: Vec<String> = a.warnings.iter().map(crate::i18n::chart_warning).collect();
            warnings.dedup();
            // Tapping a point shows its value (and note), a note ring its note; tapping a flag
            // opens its cycle. One handler for the drawing: points, rings and flags are markup,
            // found by their data attributes.
            let point_count = chart.points.len();
            // Takes the chart and the measure: everything else above is drawn from them first.
            let point_words = move |i: usize, with_value: bool| {
                let (input, point) = (chart.inputs.get(i)?, chart.points.get(i)?);
                let mut words = crate::i18n::period(point.period);
                if with_value {
                    words = format!("{words}: {}", crate::i18n::value(&measure, input.value));
                }
                if !point.note.is_empty() {
                    words = format!("{words}{}{}", if with_value { " — " } else { ": " }, point.note);
                }
                if point.excluded {
                    let why = point.exclude_reason.trim();
                    words = if why.is_empty() {
                        format!("{words} (left out of the calculations)")
                    } else {
                        format!("{words} (left out of the calculations: {why})")
                    };
                }
                Some(words)
            };
            let hrefs: Vec<String> = annotations.iter().map(|note| note.href.clone()).collect();
            let labels: Vec<String> = annotations.iter().map(|note| note.label.clone()).collect();
            // The point nearest a tap, across the chart's width (a point's column is its target).
            let point_xs: Vec<f64> = xs.iter().map(|x| scale.x(*x)).collect();
            let nearest = move |ev: &leptos::ev::MouseEvent| {
                let svg = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())?;
                let rect = svg.get_bounding_client_rect();
                if rect.width() <= 0.0 {
                    return None;
                }
                let x = (f64::from(ev.client_x()) - rect.left()) * width / rect.width();
                let (i, distance) = point_xs
                    .iter()
                    .map(|px| (px - x).abs())
                    .enumerate()
                    .min_by(|a, b| a.1.total_cmp(&b.1))?;
                (distance <= scale.step().max(12.0)).then_some(i)
            };
            let on_tap = move |ev: leptos::ev::MouseEvent| {
                let Some(target) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) else { return };
                let picked = |attribute: &str| {
                    target
                        .closest(&format!("[{attribute}]"))
                        .ok()
                        .flatten()
                        .and_then(|el| el.get_attribute(attribute))
                        .and_then(|i| i.parse::<usize>().ok())
                };
                let group = target.closest("[data-flags]").ok().flatten().and_then(|el| el.get_attribute("data-flags"));
                if let Some(words) = picked("data-note").and_then(|i| point_words(i, false)) {
                    picked_note.set(Some(words));
                } else if let Some(group) = group {
                    let titles: Vec<String> = group
                        .split(',')
                        .filter_map(|k| k.parse::<usize>().ok())
                        .filter_map(|k| labels.get(k).map(|label| format!("{}. {label}", k + 1)))
                        .collect();
                    picked_note.set(Some(format!("PDSA cycles here: {} (their links are under the chart)", titles.join("; "))));
                } else if let Some(href) = picked("data-flag").and_then(|k| hrefs.get(k)) {
                    navigate(href, Default::default());
                } else if let Some(words) = nearest(&ev).and_then(|i| point_words(i, true)) {
                    picked_note.set(Some(words));
                }
            };
            view! {
                <figure class="chart" data-testid="chart">
                    <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=format!("{title}. {summary}") class="chart-svg"
                        data-points=point_count on:click=on_tap inner_html=drawing>
                    </svg>
                    <figcaption>
                        <p class="chart-caption" data-testid="chart-caption">{caption}</p>
                        <p class="hint" data-testid="chart-lines">{centre_words}{limit_words.map(|words| view! { <br/>{words} })}</p>
                        <ChartLegend legend=legend/>
                        {if signals.is_empty() {
                            view! { <p class="no-signal" data-testid="chart-signals">{crate::t!("no-signal-random")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="signals" data-testid="chart-signals">
                                    {signals.into_iter().map(|(meaning, words)| view! {
                                        <li class=format!("signal-{meaning}")>{words}</li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        {warnings.into_iter().map(|w| view! { <p class="chart-warning">{w}</p> }).collect_view()}
                        <p class="picked-note" role="status" data-testid="picked-note">{move || picked_note.get()}</p>
                    </figcaption>
                </figure>
            }.into_any()
        }}
        // Drawn apart from the chart, each only when its own data changes (a change of rule
        // set redraws neither).
        {move || moving_ranges.get().map(|(mr, xs)| view! { <MovingRangeView mr=mr xs=xs narrow=narrow_signal.get()/> })}
        {move || {
            let annotations = annotations.get();
            (!annotations.is_empty()).then(|| view! {
                <ol class="annotations" data-testid="chart-annotations">
                    {annotations.into_iter().map(|note| view! {
                        <li><a href=note.href>{note.label}</a></li>
                    }).collect_view()}
                </ol>
            })
        }}
    }
}

/// Which kinds of marks a chart shows, for its legend.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Legend {
    signal: bool,
    note: bool,
    excluded: bool,
    limits: bool,
    goal: bool,
    flags: bool,
}

/// What the chart's marks mean, for the marks it shows.
#[component]
fn ChartLegend(legend: Legend) -> impl IntoView {
    let items = [
        (true, "key-point", crate::t!("key-point")),
        (legend.signal, "key-signal", crate::t!("key-signal")),
        (legend.note, "key-note", crate::t!("key-note")),
        (legend.excluded, "key-excluded", crate::t!("key-excluded")),
        (true, "key-centre", crate::t!("key-centre")),
        (legend.limits, "key-limit", crate::t!("key-limit")),
        (legend.goal, "key-goal", crate::t!("key-goal")),
        (legend.flags, "key-flag", crate::t!("key-flag")),
    ];
    view! {
        <ul class="chart-legend" data-testid="chart-legend">
            {items.into_iter().filter(|(shown, _, _)| *shown).map(|(_, class, words)| view! {
                <li><span class=format!("key {class}") aria-hidden="true"></span>{words}</li>
            }).collect_view()}
        </ul>
    }
}

/// Text for markup: a person's words (a label, a note, a unit) can hold `<` or `&`.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A series as markup: its line, the points without a signal as one path of circles of
/// radius `r` (a long chart drew a thousand elements; a tap finds its point by position), and
/// each point with a signal as a circle of its own, of radius `signal_r`.
fn series_svg(svg: &mut String, points: &[(f64, f64, bool)], r: f64, signal_r: f64) {
    use std::fmt::Write;
    svg.push_str(r#"<polyline class="series" points=""#);
    for (x, y, _) in points {
        let _ = write!(svg, "{x:.1},{y:.1} ");
    }
    svg.push_str(r#""/>"#);
    if points.iter().any(|p| !p.2) {
        svg.push_str(r#"<path class="dots" d=""#);
        for (x, y, _) in points.iter().filter(|p| !p.2) {
            let _ = write!(svg, "M{:.1},{y:.1}a{r},{r} 0 1,0 {},0a{r},{r} 0 1,0 -{},0", x - r, 2.0 * r, 2.0 * r);
        }
        svg.push_str(r#""/>"#);
    }
    for (x, y, _) in points.iter().filter(|p| p.2) {
        let _ = write!(svg, r#"<circle class="dot dot-signal" cx="{x:.1}" cy="{y:.1}" r="{signal_r}"/>"#);
    }
}

/// The full chart's drawing as SVG markup: the y grid and its values, limits, centre lines,
/// goal, marks, the series and its points, a ring on each point with a note
/// (`data-note`: the point's index), the PDSA flags (`data-flag`: the annotation's index) and
/// the x labels. Drawn as one string: a 500-point chart is a thousand elements, and building
/// (and on every change rebuilding) them one by one took longer than everything else on the
/// page (`cargo xtask bench`).
fn chart_svg(
    chart: &MeasureChart,
    measure: &Record,
    scale: &Scale,
    (width, height): (f64, f64),
    narrow: bool,
    annotations: &[Annotation],
) -> String {
    use std::fmt::Write;
    let a = &chart.analysis;
    let xs = &chart.x;
    let n = chart.points.len();
    let fmt = |v: f64| escaped(&crate::i18n::value(measure, v));
    let mut svg = String::with_capacity(160 * n + 1024);
    // Grid: round values on the y axis (short labels that fit the margin).
    for v in scale.ticks() {
        let y = scale.y(v);
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            width - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            fmt(v)
        );
    }
    // Limits (and, when the measure asks, the 2-sigma lines), step by step; a mark starts a
    // new line.
    let half = scale.step() / 2.0;
    let two_sigma = measure.text("two_sigma") == "yes";
    for (lines, class) in [(&a.limits, "limit"), (&a.two_sigma, "sigma2")] {
        if !lines.iter().any(Option::is_some) || (class == "sigma2" && !two_sigma) {
            continue;
        }
        for pick in [|l: &(f64, f64)| l.1, |l: &(f64, f64)| l.0] {
            let _ = write!(svg, r#"<path class="{class}" d=""#);
            for (i, limit) in lines.iter().enumerate() {
                if let Some(limit) = limit {
                    let (x, y) = (scale.x(xs[i]), scale.y(pick(limit)));
                    let (x0, x1) = ((x - half).max(LEFT), (x + half).min(width - RIGHT));
                    let join = if i > 0 && lines[i - 1].is_some() && !chart.marks.iter().any(|(m, _)| *m == i) {
                        "L"
                    } else {
                        "M"
                    };
                    let _ = write!(svg, "{join}{x0:.1},{y:.1}L{x1:.1},{y:.1}");
                }
            }
            svg.push_str(r#""/>"#);
        }
    }
    // Centre line, phase by phase: a segment wherever the centre stays.
    let mut from = 0;
    for i in 0..n {
        let same = |j: usize| a.centre[j] == a.centre[i] || (a.centre[j].is_nan() && a.centre[i].is_nan());
        if i + 1 == n || !same(i + 1) {
            let y = scale.y(a.centre[from]);
            let _ = write!(
                svg,
                r#"<line class="centre" x1="{:.1}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}"/>"#,
                scale.x(xs[from]) - half.min(8.0),
                scale.x(xs[i]) + half.min(8.0)
            );
            from = i + 1;
        }
    }
    if let Some(g) = goal(measure) {
        let y = scale.y(g);
        let _ = write!(
            svg,
            r#"<line class="goal" x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="goal-label" x="{}" y="{:.1}" text-anchor="end">{} {}</text>"#,
            width - RIGHT,
            width - RIGHT - 2.0,
            y - 4.0,
            crate::t!("key-goal"),
            fmt(g)
        );
    }
    for (index, mark) in &chart.marks {
        let words = crate::i18n::mark(mark);
        let x = scale.x((xs[index - 1] + xs[*index]) / 2.0);
        // Words run into the chart from the line, on whichever side has more room.
        let (anchor, dx) = if x > width / 2.0 { ("end", -3.0) } else { ("start", 3.0) };
        let _ = write!(
            svg,
            r#"<line class="mark" x1="{x:.1}" x2="{x:.1}" y1="{TOP}" y2="{}"/><text class="mark-label" x="{:.1}" y="{}" text-anchor="{anchor}">{}</text>"#,
            height - bottom(!annotations.is_empty()),
            x + dx,
            TOP - 10.0,
            escaped(&words)
        );
    }
    // PDSA flags: a dotted line up the plot, under the points (so it never hides one), and the
    // flag itself in the strip under the x labels; flags closer than a flag's width share one.
    // The list under the chart holds the keyboard-reachable links; a flag is the same link for
    // a finger on the chart.
    let plot_bottom = height - bottom(!annotations.is_empty());
    let flag_xs: Vec<f64> = annotations.iter().map(|note| scale.x(note.at)).collect();
    let groups = flag_groups(&flag_xs, 26.0);
    for group in &groups {
        let x = flag_xs[group[0]];
        let _ = write!(
            svg,
            r#"<line class="flag-line" x1="{x:.1}" x2="{x:.1}" y1="{TOP}" y2="{:.1}"/>"#,
            height - FLAG_STRIP + 2.0
        );
    }
    let points: Vec<(f64, f64, bool)> =
        chart.inputs.iter().enumerate().map(|(i, input)| (scale.x(xs[i]), scale.y(input.value), a.marked[i])).collect();
    series_svg(&mut svg, &points, 4.0, 5.5);
    // A point left out of the calculations: drawn hollow, with a dashed edge.
    for (x, y, _) in points.iter().zip(&chart.inputs).filter(|(_, input)| input.excluded).map(|(p, _)| p) {
        let _ = write!(svg, r#"<circle class="excluded" data-testid="excluded-point" cx="{x:.1}" cy="{y:.1}" r="5"/>"#);
    }
    for (i, input) in chart.inputs.iter().enumerate().filter(|(i, _)| !chart.points[*i].note.is_empty()) {
        let _ = write!(
            svg,
            r#"<circle class="note-ring" data-testid="chart-note" data-note="{i}" cx="{:.1}" cy="{:.1}" r="11"/>"#,
            scale.x(xs[i]),
            scale.y(input.value)
        );
    }
    for group in &groups {
        let x = flag_xs[group[0]];
        let label = flag_label(group);
        let title = group.iter().map(|k| escaped(&annotations[*k].label)).collect::<Vec<_>>().join("; ");
        let half_width = (6.0 + 3.6 * label.chars().count() as f64).max(12.0);
        let x = x.clamp(half_width, width - half_width);
        let cy = height - FLAG_STRIP / 2.0 - 1.0;
        let target = if group.len() == 1 {
            format!(r#"data-flag="{}""#, group[0])
        } else {
            format!(r#"data-flags="{}""#, group.iter().map(ToString::to_string).collect::<Vec<_>>().join(","))
        };
        let _ = write!(
            svg,
            r#"<g class="flag" data-testid="chart-flag" {target}><title>{title}</title><rect class="flag-dot" x="{:.1}" y="{:.1}" width="{:.1}" height="22" rx="11"/><text class="flag-number" x="{x:.1}" y="{:.1}" text-anchor="middle">{label}</text></g>"#,
            x - half_width,
            cy - 11.0,
            2.0 * half_width,
            cy + 4.5,
        );
    }
    // x labels: at most six, evenly spread, always the first and the last.
    let most = if narrow { 3 } else { 6 };
    let every = n.div_ceil(most).max(1);
    for i in (0..n).filter(|i| *i == n - 1 || i % every == 0 && n - 1 - i >= every) {
        let anchor = if i == 0 && n > 1 {
            "start"
        } else if i == n - 1 && n > 1 {
            "end"
        } else {
            "middle"
        };
        let x = scale.x(xs[i])
            + if anchor == "start" {
                -4.0
            } else if anchor == "end" {
                4.0
            } else {
                0.0
            };
        let _ = write!(
            svg,
            r#"<text class="tick" x="{x:.1}" y="{}" text-anchor="{anchor}">{}</text>"#,
            plot_bottom + 18.0,
            escaped(&crate::i18n::period(chart.points[i].period))
        );
    }
    svg
}

/// The moving-range chart under an I chart, phase by phase: each range, its phase's mean and
/// upper limit (no range across a phase break).
#[component]
fn MovingRangeView(mr: ramp_core::chart::MovingRanges, xs: Vec<f64>, narrow: bool) -> impl IntoView {
    use std::fmt::Write;
    let (width, height) = if narrow { (NARROW.0, 130.0) } else { (WIDE.0, 140.0) };
    let span = xs.last().copied().unwrap_or(0.0);
    let finite = |v: &f64| v.is_finite();
    let scale = Scale::new(
        mr.ranges.iter().flatten().copied().chain([0.0]).chain(mr.upper.iter().copied().filter(finite)),
        span,
        (width - LEFT - RIGHT, height - 20.0 - 24.0),
        (LEFT, 20.0),
    );
    // Points as markup, like the main chart's.
    let points: Vec<(f64, f64, bool)> = mr
        .ranges
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|r| (scale.x(xs[i]), scale.y(r), r > mr.upper[i])))
        .collect();
    let mut drawing = String::new();
    series_svg(&mut drawing, &points, 3.5, 3.5);
    // The mean and upper limit of each phase, as a segment over its points.
    let n = mr.centre.len();
    let mut from = 0;
    for i in 0..n {
        if i + 1 == n || mr.centre[i + 1].to_bits() != mr.centre[i].to_bits() {
            let (x0, x1) = (scale.x(xs[from]), scale.x(xs[i]));
            for (class, v) in [("centre", mr.centre[from]), ("limit", mr.upper[from])] {
                if v.is_finite() {
                    let y = scale.y(v);
                    let _ =
                        write!(drawing, r#"<line class="{class}" x1="{x0:.1}" x2="{x1:.1}" y1="{y:.1}" y2="{y:.1}"/>"#);
                }
            }
            from = i + 1;
        }
    }
    let last = |v: &[f64]| v.last().copied().unwrap_or(f64::NAN);
    let (centre, upper) = (last(&mr.centre), last(&mr.upper));
    let ticks = [upper, centre].into_iter().filter(|v| v.is_finite()).map(|v| (scale.y(v), v)).collect::<Vec<_>>();
    view! {
        <figure class="chart mr-chart" data-testid="mr-chart">
            <svg viewBox=format!("0 0 {width} {height}") role="img" class="chart-svg"
                aria-label=crate::t!("mr-summary", centre = crate::i18n::number(centre), upper = crate::i18n::number(upper))>
                <text class="tick" x=LEFT y=12.0>{crate::t!("moving-range")}</text>
                {ticks.into_iter().map(|(y, v)| view! {
                    <text class="tick" x=LEFT - 6.0 y=y + 4.0 text-anchor="end">{crate::i18n::number(v)}</text>
                }).collect_view()}
                <g inner_html=drawing></g>
            </svg>
        </figure>
    }
}

/// A small chart for overviews: points, centre line, signals marked.
#[component]
pub fn Sparkline(
    /// The analysed chart.
    chart: MeasureChart,
) -> impl IntoView {
    view! { <span class="spark-box" inner_html=spark_svg(&chart)></span> }
}

/// The small chart's drawing, as SVG markup. Drawn once as a string (a dashboard holds dozens
/// and none changes while shown); it holds only numbers and class names, never a person's text.
pub fn spark_svg(chart: &MeasureChart) -> String {
    use std::fmt::Write;
    const SW: f64 = 160.0;
    const SH: f64 = 44.0;
    let a = &chart.analysis;
    let values: Vec<f64> = chart.inputs.iter().map(|p| p.value).collect();
    let xs = &chart.x;
    let scale = Scale::new(
        values.iter().copied().chain(a.centre.iter().copied()),
        xs.last().copied().unwrap_or(0.0),
        (SW - 8.0, SH - 8.0),
        (4.0, 4.0),
    );
    let mut svg = format!(r#"<svg class="spark" viewBox="0 0 {SW} {SH}" aria-hidden="true">"#);
    if let Some(c) = a.centre.last().copied().filter(|c| c.is_finite()) {
        let y = scale.y(c);
        let _ = write!(svg, r#"<line class="centre" x1="4" x2="{}" y1="{y:.1}" y2="{y:.1}"/>"#, SW - 4.0);
    }
    svg.push_str(r#"<polyline class="series" points=""#);
    for (i, v) in values.iter().enumerate() {
        let _ = write!(svg, "{:.1},{:.1} ", scale.x(xs[i]), scale.y(*v));
    }
    svg.push_str(r#""/>"#);
    for (i, v) in values.iter().enumerate().filter(|(i, _)| a.marked[*i]) {
        let _ =
            write!(svg, r#"<circle class="dot dot-signal" cx="{:.1}" cy="{:.1}" r="3"/>"#, scale.x(xs[i]), scale.y(*v));
    }
    svg.push_str("</svg>");
    svg
}

/// One scale for several teams' charts of one common measure: the same values up the side
/// and the same days along the bottom (at least the collaborative's whole span), so a higher
/// line is a higher value and a later point is later, whichever team it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SharedScale {
    /// The lowest and highest value drawn (every team's points and centre lines).
    pub values: (f64, f64),
    /// The first and last day on the axis (days since 1970-01-01).
    pub days: (i64, i64),
}

impl SharedScale {
    /// The scale that fits every chart and the span (`None` when no chart has a point).
    pub fn of<'a>(charts: impl IntoIterator<Item = &'a MeasureChart>, span: Option<(i64, i64)>) -> Option<SharedScale> {
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        let (mut first, mut last) = span.unwrap_or((i64::MAX, i64::MIN));
        let mut any = false;
        for chart in charts {
            for (point, input) in chart.points.iter().zip(&chart.inputs) {
                any = true;
                low = low.min(input.value);
                high = high.max(input.value);
                let day = point.period.start_day();
                first = first.min(day);
                last = last.max(day);
            }
            for c in chart.analysis.centre.iter().filter(|c| c.is_finite()) {
                low = low.min(*c);
                high = high.max(*c);
            }
        }
        any.then_some(SharedScale { values: (low, high), days: (first, last.max(first + 1)) })
    }
}

/// A team's chart drawn on a shared scale, with its axis: round values up the side, the
/// span's first and last month along the bottom. SVG markup (numbers and the given labels only).
pub fn compare_svg(chart: &MeasureChart, shared: &SharedScale, fmt: &dyn Fn(f64) -> String) -> String {
    use std::fmt::Write;
    const SW: f64 = 240.0;
    const SH: f64 = 112.0;
    const L: f64 = 46.0;
    const B: f64 = 18.0;
    let (first, last) = shared.days;
    let scale = Scale::new(
        [shared.values.0, shared.values.1].into_iter(),
        (last - first) as f64,
        (SW - L - 8.0, SH - 8.0 - B),
        (L, 8.0),
    );
    let mut svg = format!(r#"<svg class="spark compare-chart" viewBox="0 0 {SW} {SH}" aria-hidden="true">"#);
    for v in scale.ticks() {
        let y = scale.y(v);
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{L}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            SW - 8.0,
            L - 4.0,
            y + 4.0,
            escaped(&fmt(v))
        );
    }
    let month = |day: i64| {
        ramp_core::period::Period::containing("monthly", &ramp_core::period::date_of_day(day))
            .map(crate::i18n::period)
            .unwrap_or_default()
    };
    let _ = write!(
        svg,
        r#"<line class="axis" x1="{L}" x2="{}" y1="{:.1}" y2="{:.1}"/><text class="tick" x="{L}" y="{}" text-anchor="start">{}</text><text class="tick" x="{}" y="{}" text-anchor="end">{}</text>"#,
        SW - 8.0,
        SH - B,
        SH - B,
        SH - 4.0,
        escaped(&month(first)),
        SW - 8.0,
        SH - 4.0,
        escaped(&month(last))
    );
    let x = |i: usize| scale.x((chart.points[i].period.start_day() - first) as f64);
    if let Some(c) = chart.analysis.centre.last().copied().filter(|c| c.is_finite()) {
        let y = scale.y(c);
        let from = chart.points.first().map_or(L, |_| x(0));
        let _ = write!(
            svg,
            r#"<line class="centre" x1="{from:.1}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}"/>"#,
            x(chart.points.len() - 1)
        );
    }
    let points: Vec<(f64, f64, bool)> = chart
        .inputs
        .iter()
        .enumerate()
        .map(|(i, input)| (x(i), scale.y(input.value), chart.analysis.marked[i]))
        .collect();
    series_svg(&mut svg, &points, 2.2, 3.2);
    svg.push_str("</svg>");
    svg
}

/// Scores over time on the assessment scale (0.5–5): the team's own (solid) and the
/// faculty's or coach's (dashed), one point per month.
#[component]
pub fn ScoreLine(
    /// The months' scores, oldest first.
    scores: Vec<ramp_core::dashboard::MonthScores>,
) -> impl IntoView {
    view! { <span class="spark-box" inner_html=score_svg(&scores)></span> }
}

/// The score line's drawing, as SVG markup (numbers only).
fn score_svg(scores: &[ramp_core::dashboard::MonthScores]) -> String {
    const SW: f64 = 160.0;
    const SH: f64 = 44.0;
    let n = scores.len().max(2) as f64 - 1.0;
    let x = |i: usize| 4.0 + (SW - 8.0) * i as f64 / n;
    let y = |score: f64| SH - 4.0 - (SH - 8.0) * (score - 0.5) / 4.5;
    let line = |pick: fn(&ramp_core::dashboard::MonthScores) -> Option<f64>| {
        scores
            .iter()
            .enumerate()
            .filter_map(|(i, s)| pick(s).map(|v| format!("{:.1},{:.1}", x(i), y(v))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        r#"<svg class="spark score-line" viewBox="0 0 {SW} {SH}" aria-hidden="true"><line class="grid" x1="4" x2="{}" y1="{:.1}" y2="{:.1}"/><polyline class="series" points="{}"/><polyline class="series review" points="{}"/></svg>"#,
        SW - 4.0,
        y(3.0),
        y(3.0),
        line(|s| s.team),
        line(|s| s.review)
    )
}

/// PDSA cycles per month as small bars, with the count over each.
#[component]
pub fn VelocityBars(
    /// (month label, cycles), oldest first.
    months: Vec<(String, usize)>,
) -> impl IntoView {
    let words: Vec<String> = months.iter().map(|(label, n)| format!("{label}: {n}")).collect();
    view! {
        <span class="spark-box" role="img" aria-label=format!("PDSA cycles per month: {}", words.join(", "))
            inner_html=velocity_svg(&months)></span>
    }
}

/// The bars' drawing, as SVG markup (numbers only: month labels are the app's own words).
fn velocity_svg(months: &[(String, usize)]) -> String {
    use std::fmt::Write;
    const SW: f64 = 160.0;
    const SH: f64 = 44.0;
    let most = months.iter().map(|m| m.1).max().unwrap_or(0).max(1) as f64;
    let width = (SW - 8.0) / months.len().max(1) as f64;
    let mut svg = format!(r#"<svg class="spark velocity" viewBox="0 0 {SW} {SH}" aria-hidden="true">"#);
    for (i, (_, n)) in months.iter().enumerate() {
        let h = (SH - 16.0) * *n as f64 / most;
        let x = 4.0 + i as f64 * width;
        let _ = write!(
            svg,
            r#"<rect class="bar" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/><text class="bar-label" x="{:.1}" y="{:.1}" text-anchor="middle">{n}</text>"#,
            x + 2.0,
            SH - 4.0 - h,
            width - 4.0,
            h.max(1.0),
            x + width / 2.0,
            SH - 6.0 - h
        );
    }
    svg.push_str("</svg>");
    svg
}
