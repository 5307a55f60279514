//! Every word a person reads: the catalogue of the chosen language, and numbers and dates as
//! that language writes them.
//!
//! A catalogue is one Fluent file, `locales/<code>.ftl`, with a line for it in [`LANGUAGES`]:
//! that is all adding a language takes. Only the chosen language's file is fetched, before the
//! app mounts (the service worker keeps every catalogue for offline use); changing the language
//! in Settings keeps the choice on the device and reloads. `xtask`'s catalogue tests fail the suite
//! when a key used here is missing from a catalogue, when a catalogue key is used nowhere, or
//! when the catalogues' keys differ, so no one ever reads a raw key.
//!
//! Words are fetched with the [`t!`](crate::t) macro: `t!("cycle-title")`,
//! `t!("changes-waiting", count = 3)`. A key made at run time (a schema field's label, a reason
//! code from the server) goes through [`text`], and its family is listed for the checks in
//! `xtask/src/catalogue.rs`.

use std::cell::RefCell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use gloo_storage::{LocalStorage, Storage};
use ramp_core::number::Style;
use ramp_core::period::Period;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The languages Ramp speaks, as (code, the language's own name). The first is the default.
pub const LANGUAGES: &[(&str, &str)] = &[("en", "English"), ("es", "Español")];

/// Where the chosen language is kept on the device.
const LANGUAGE_KEY: &str = "ramp.language";

struct Catalogue {
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
    style: Style,
}

thread_local! {
    static CATALOGUE: RefCell<Option<Catalogue>> = const { RefCell::new(None) };
}

/// A value put into a message: text, or a number (formatted as the language writes it, and
/// chosen on for plurals).
#[derive(Clone, Debug)]
pub enum Arg {
    /// Text, as it is.
    Text(String),
    /// A number.
    Number(f64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(usize, u32, u64, i32, i64, f64);

/// The words of `key` in the chosen language: `t!("key")` or `t!("key", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// The words of `key` with its arguments. A key the catalogue lacks (which the catalogue tests rule
/// out) is logged and shown as "…", never as the key.
pub fn text(key: &str, args: &[(&str, Arg)]) -> String {
    CATALOGUE.with(|catalogue| {
        let catalogue = catalogue.borrow();
        let Some(catalogue) = catalogue.as_ref() else { return "…".to_owned() };
        let Some(pattern) = catalogue.bundle.get_message(key).and_then(|m| m.value()) else {
            web_sys::console::error_1(&format!("no words for {key}").into());
            return "…".to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.clone())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let words = catalogue.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            web_sys::console::error_1(&format!("words for {key}: {errors:?}").into());
        }
        words.into_owned()
    })
}

/// Whether the chosen language's catalogue has `key`.
pub fn has(key: &str) -> bool {
    CATALOGUE.with(|c| c.borrow().as_ref().is_some_and(|c| c.bundle.has_message(key)))
}

/// Why the server refused a change: its reason worded in the reader's language, or the
/// server's own words when it sent no code Ramp knows (an older server, a newer reason).
pub fn refusal(words: &str, code: Option<&ramp_core::wire::Reason>) -> String {
    let Some(reason) = code.filter(|r| has(&format!("issue-{}", r.code))) else { return words.to_owned() };
    let mut args = args_of(&reason.args);
    args.push(("decimal", Arg::Text(style().decimal.to_string())));
    text(&format!("issue-{}", reason.code), &args)
}

/// The server's reason codes the app words itself (`reason-<code>`); others, like a malformed
/// request's, show the server's own words.
pub const REASON_CODES: &[&str] = &[
    "bad_credentials",
    "bad_invite",
    "email_taken",
    "too_many_attempts",
    "too_large",
    "account_disabled",
    "bad_reset_code",
    "already_on_team",
    "not_on_team",
    "storage_full",
    "unavailable",
    "server_failed",
    "not_an_email",
    "short_password",
    "wrong_password",
    "name_length",
    "name_character",
];

/// A refusal of the server's in the reader's language, from its code and values; its own
/// words when the app has none for the code (an older app meeting a newer reason).
pub fn reason(code: &str, args: &std::collections::BTreeMap<String, String>, words: &str) -> String {
    if !REASON_CODES.contains(&code) {
        return t!("error-refused", reason = words);
    }
    let mut args = args_of(args);
    // How long to wait: seconds up to two minutes, then minutes.
    let seconds = args.iter().find_map(|(name, value)| match (*name, value) {
        ("seconds", Arg::Number(seconds)) => Some(*seconds),
        _ => None,
    });
    if let Some(seconds) = seconds {
        let wait = if seconds < 120.0 {
            t!("wait-seconds", count = seconds)
        } else {
            t!("wait-minutes", count = (seconds / 60.0).ceil())
        };
        args.push(("wait", Arg::Text(wait)));
    }
    text(&format!("reason-{code}"), &args)
}

/// A reason's values as a message's: numbers as numbers (written the language's way, chosen on
/// for plurals), the rest as text.
fn args_of(values: &std::collections::BTreeMap<String, String>) -> Vec<(&str, Arg)> {
    values
        .iter()
        .map(|(name, value)| {
            (name.as_str(), value.parse::<f64>().map_or_else(|_| Arg::Text(value.clone()), Arg::Number))
        })
        .collect()
}

/// A message that lists words, as the catalogue writes one ("all, every, whole"), lower case.
fn list(key: &str) -> Vec<String> {
    text(key, &[]).split(',').map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect()
}

/// The chosen language's code ("en", "es").
pub fn language() -> &'static str {
    CATALOGUE.with(|c| c.borrow().as_ref().map_or(LANGUAGES[0].0, |c| c.code))
}

/// How the chosen language writes numbers.
pub fn style() -> Style {
    CATALOGUE.with(|c| c.borrow().as_ref().map_or(Style::ENGLISH, |c| c.style))
}

/// A number as the language writes it, thousands grouped: "1,250.5", "1.250,5".
pub fn number(n: f64) -> String {
    ramp_core::number::grouped_in(n, style())
}

/// A percentage: "80.5%", "80,5 %".
pub fn percent(n: f64) -> String {
    t!("percent", n = number((n * 10.0).round() / 10.0))
}

/// A month: "Dec 2026", "dic 2026".
pub fn month(year: u32, month: u32) -> String {
    t!("month-label", month = month_name(month), year = year.to_string())
}

/// A month's short name: "Dec", "dic".
pub fn month_name(month: u32) -> String {
    text(&format!("month-{month}"), &[])
}

/// A period: "Dec 2026", or an ISO week: "Week 49, 2026".
pub fn period(period: Period) -> String {
    match (period, period.iso_week()) {
        (Period::Month { year, month: m }, _) => month(year, m),
        (_, Some((year, week))) => t!("week-label", week = week.to_string(), year = year.to_string()),
        _ => period.key(),
    }
}

/// A date `YYYY-MM-DD` for people: "2 Mar 2026", "2 mar 2026"; the text itself when it is not
/// a date.
pub fn date(date: &str) -> String {
    match ramp_core::schema::parse_date(date) {
        Some((year, m, day)) => {
            t!("date-label", day = day.to_string(), month = month_name(m), year = year.to_string())
        }
        None => date.to_owned(),
    }
}

/// The language to use: the one chosen on this device, else the browser's first that Ramp
/// speaks, else the default.
pub fn chosen() -> &'static str {
    if let Some(code) = LocalStorage::get::<String>(LANGUAGE_KEY).ok().and_then(|c| known(&c)) {
        return code;
    }
    let browser = web_sys::window().map(|w| w.navigator().languages()).unwrap_or_default();
    browser
        .iter()
        .filter_map(|tag| tag.as_string())
        .find_map(|tag| known(tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase().as_str()))
        .unwrap_or(LANGUAGES[0].0)
}

/// `code` as [`LANGUAGES`] has it, if Ramp speaks it.
fn known(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|(c, _)| *c == code).map(|(c, _)| *c)
}

/// Keeps `code` as this device's language and reloads the app in it.
pub fn choose(code: &str) {
    let _ = LocalStorage::set(LANGUAGE_KEY, code);
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Fetches and installs the chosen language's catalogue (the default's when it cannot be had).
/// `false` when no catalogue could be loaded.
pub async fn load() -> bool {
    let code = chosen();
    let default = LANGUAGES[0].0;
    for code in [code].into_iter().chain((code != default).then_some(default)) {
        if let Some(source) = fetch_text(&format!("/locales/{code}.ftl")).await {
            if install(code, source).is_ok() {
                return true;
            }
        }
    }
    false
}

/// Installs a catalogue from its text (the app's tests install one they include).
pub fn install(code: &str, source: String) -> Result<(), String> {
    let code = known(code).ok_or("unknown language")?;
    let resource = FluentResource::try_new(source).map_err(|(_, errors)| format!("{errors:?}"))?;
    let language = code.parse().map_err(|_| "bad language code".to_owned())?;
    let mut bundle = FluentBundle::new(vec![language]);
    // Ramp's languages are written left to right: no isolation marks around values.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_number));
    bundle.add_resource(resource).map_err(|errors| format!("{errors:?}"))?;
    let mark = |key: &str| {
        let words = message(&bundle, key);
        words.chars().next().ok_or(format!("{key} is empty"))
    };
    let style = Style { decimal: mark("number-decimal")?, group: mark("number-group")? };
    CATALOGUE.with(|c| *c.borrow_mut() = Some(Catalogue { code, bundle, style }));
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(root) = document.as_ref().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
    // The install manifest in the language (written by `xtask post-build` for each catalogue).
    if let Some(link) = document.and_then(|d| d.query_selector("link[rel=manifest]").ok().flatten()) {
        let href = if code == LANGUAGES[0].0 {
            "/manifest.webmanifest".to_owned()
        } else {
            format!("/manifest.{code}.webmanifest")
        };
        let _ = link.set_attribute("href", &href);
    }
    Ok(())
}

fn message(bundle: &FluentBundle<FluentResource>, key: &str) -> String {
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else { return String::new() };
    bundle.format_pattern(pattern, None, &mut Vec::new()).into_owned()
}

/// Numbers put into messages, as the chosen language writes them.
fn format_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(number(n.value)),
        _ => None,
    }
}

async fn fetch_text(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// When no catalogue could be fetched (a first visit that lost its connection), says so in
/// every language Ramp speaks: the one message written here rather than in a catalogue.
pub fn show_unloaded() {
    const UNLOADED: &[&str] = &[
        "Ramp could not load its words. Check the connection and reload the page.",
        "Ramp no pudo cargar sus textos. Compruebe la conexión y vuelva a cargar la página.",
    ];
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    body.set_text_content(Some(&UNLOADED.join("\n")));
}

/// The words of the schema's fields ([`ramp_core::schema::keys`]).
pub mod fields {
    use ramp_core::schema::{keys, FieldSpec, Issue, Section};

    use super::{text, Arg};

    /// A field's label.
    pub fn label(spec: &FieldSpec) -> String {
        text(&keys::label(spec.kind, spec.name), &[])
    }

    /// A field's help line (empty when it has none).
    pub fn hint(spec: &FieldSpec) -> String {
        if spec.hint.is_empty() {
            return String::new();
        }
        text(&keys::hint(spec.kind, spec.name), &[])
    }

    /// One of a choice field's choices.
    pub fn choice(spec: &FieldSpec, stored: &str) -> String {
        text(&keys::choice(spec.kind, spec.name, stored), &[])
    }

    /// A table field's column.
    pub fn column(spec: &FieldSpec, column: &str) -> String {
        text(&keys::column(spec.kind, spec.name, column), &[])
    }

    /// What a row of a table field is called.
    pub fn row(spec: &FieldSpec) -> String {
        text(&keys::row(spec.kind, spec.name), &[])
    }

    /// A worksheet section's heading.
    pub fn section(section: Section) -> String {
        text(&keys::section(section), &[])
    }

    /// What is wrong with a value, in words. A required field's words say why it is needed.
    pub fn issue(issue: &Issue) -> String {
        if let Issue::Required(why) = issue {
            // The field whose reason this is: the schema names each reason once.
            let field = ramp_core::Kind::ALL
                .iter()
                .chain(&ramp_core::Kind::COLLAB)
                .flat_map(|kind| ramp_core::schema::fields(*kind))
                .find(|spec| spec.required == Some(why));
            return match field {
                Some(spec) => text(&keys::required(spec.kind, spec.name), &[]),
                None => text("issue-required", &[]),
            };
        }
        let mut args: Vec<(&str, Arg)> = issue.numbers().into_iter().map(|(n, v)| (n, Arg::Number(v))).collect();
        if let Issue::MissingNumber(what) = issue {
            args.push(("what", Arg::Text((*what).to_owned())));
        }
        let style = super::style();
        args.push(("decimal", Arg::Text(style.decimal.to_string())));
        text(&format!("issue-{}", issue.code()), &args)
    }
}

/// A chart's signals in words ([`ramp_core::chart::Signal`]), opened by what they mean for the
/// measure: "Improvement: Shift: 7 points below the median from Mar 2026 to Sep 2026".
pub mod signals {
    use ramp_core::chart::{Meaning, MeasureChart, Signal};

    /// What a meaning is called.
    pub fn meaning(meaning: Meaning) -> String {
        match meaning {
            Meaning::Improvement => t!("meaning-improvement"),
            Meaning::Deterioration => t!("meaning-deterioration"),
            Meaning::Change => t!("meaning-change"),
        }
    }

    /// The chart's centre line, with its article: "the median", "la media".
    fn centre(chart: &MeasureChart) -> String {
        if chart.settings.chart.centres_on_median() {
            t!("centre-median")
        } else {
            t!("centre-mean")
        }
    }

    /// The centre line's name alone ("median"), for the chart's caption.
    pub fn centre_name(chart: &MeasureChart) -> String {
        if chart.settings.chart.centres_on_median() {
            t!("centre-name-median")
        } else {
            t!("centre-name-mean")
        }
    }

    /// The signal in words.
    pub fn describe(chart: &MeasureChart, signal: &Signal) -> String {
        let label = |i: usize| chart.points.get(i).map(|p| super::period(p.period)).unwrap_or_default();
        let side = |above: bool| if above { "above" } else { "below" };
        match signal {
            Signal::Shift { above, points, from, to } => t!(
                "signal-shift",
                points = *points,
                side = side(*above),
                centre = centre(chart),
                from = label(*from),
                to = label(*to)
            ),
            Signal::Trend { up, points, from, to } => t!(
                "signal-trend",
                points = *points,
                way = if *up { "up" } else { "down" },
                from = label(*from),
                to = label(*to)
            ),
            Signal::FewRuns { runs, useful, lower, .. } => {
                t!("signal-few-runs", runs = *runs, points = *useful, lower = *lower)
            }
            Signal::ManyRuns { runs, useful, upper, .. } => {
                t!("signal-many-runs", runs = *runs, points = *useful, upper = *upper)
            }
            Signal::LongRun { above, points, max, from, to } => t!(
                "signal-long-run",
                points = *points,
                side = side(*above),
                centre = centre(chart),
                from = label(*from),
                to = label(*to),
                max = *max
            ),
            Signal::FewCrossings { crossings, min, useful, .. } => {
                t!("signal-few-crossings", crossings = *crossings, points = *useful, min = *min)
            }
            Signal::TwoOfThree { above, from, to } => t!(
                "signal-two-of-three",
                side = if *above { "upper" } else { "lower" },
                from = label(*from),
                to = label(*to)
            ),
            Signal::Hugging { points, from, to } => {
                t!("signal-hugging", points = *points, centre = centre(chart), from = label(*from), to = label(*to))
            }
            Signal::Astronomical { at } => t!("signal-astronomical", at = label(*at)),
            Signal::Beyond { above, at } => {
                t!("signal-beyond", side = if *above { "upper" } else { "lower" }, at = label(*at))
            }
        }
    }

    /// A signal of the chart in words, opened by what it means for the measure.
    pub fn words(chart: &MeasureChart, signal: &Signal) -> String {
        t!(
            "signal-with-meaning",
            meaning = meaning(signal.meaning(chart.higher_is_better)),
            signal = describe(chart, signal)
        )
    }

    /// The chart's latest signal in words, "No signal" when it has none, "" with no points.
    pub fn latest(chart: &MeasureChart) -> String {
        match chart.analysis.latest() {
            Some(signal) => words(chart, signal),
            None if chart.points.is_empty() => String::new(),
            None => t!("no-signal"),
        }
    }
}

/// A measure's value for people, with its unit, as the language writes numbers: "42.5%",
/// "42,5 %", "3.1 per 1,000", "12 min".
pub fn value(measure: &ramp_core::Record, value: f64) -> String {
    use ramp_core::measure::ValueType;
    let unit = measure.text("unit").trim();
    match ValueType::of(measure) {
        ValueType::Proportion => percent(value),
        ValueType::Rate { per } if unit.is_empty() => t!("rate-per", value = number(value), per = number(per)),
        _ if unit.is_empty() => number(value),
        _ => t!("value-with-unit", value = number(value), unit = unit),
    }
}

/// A measure's latest value and its period: "42.5% · Mar 2026", or "No data yet".
pub fn latest(measure: &ramp_core::Record, series: &[ramp_core::measure::Point]) -> String {
    series
        .iter()
        .rev()
        .find_map(|p| p.value.map(|v| t!("latest-value", value = value(measure, v), period = period(p.period))))
        .unwrap_or_else(|| t!("no-data-yet"))
}

/// The aim's coaching and suggested statement in the reader's language: its telling words and
/// sentence patterns are the catalogue's `aim-…` messages ([`ramp_core::aim::AimLanguage`]).
pub struct AimWords;

impl ramp_core::aim::AimLanguage for AimWords {
    fn list(&self, key: &str) -> Vec<String> {
        list(key)
    }

    fn words(&self, key: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, Arg)> = args.iter().map(|(n, v)| (*n, Arg::Text(v.clone()))).collect();
        text(key, &args)
    }

    fn number(&self, n: f64) -> String {
        number(n)
    }

    fn date(&self, date: &str) -> String {
        self::date(date)
    }
}

/// What an aim still lacks, as a coach would ask for it.
pub fn aim_gap(gap: &ramp_core::aim::Gap) -> String {
    use ramp_core::aim::Gap;
    match gap {
        Gap::What => t!("aim-gap-what"),
        Gap::Number => t!("aim-gap-number"),
        Gap::Date => t!("aim-gap-date"),
        Gap::Population => t!("aim-gap-population"),
        Gap::Vague(word) => t!("aim-gap-vague", word = word),
    }
}

/// A cycle's stage: "Plan", "Done: adopted".
pub fn stage(stage: ramp_core::Stage) -> String {
    use ramp_core::Stage;
    match stage {
        Stage::Plan => t!("stage-plan"),
        Stage::Do => t!("stage-do"),
        Stage::Study => t!("stage-study"),
        Stage::Act => t!("stage-act"),
        Stage::Done("adapt") => t!("stage-done-adapted"),
        Stage::Done("adopt") => t!("stage-done-adopted"),
        Stage::Done(_) => t!("stage-done-abandoned"),
    }
}

/// A reminder of a good PDSA habit.
pub fn prompt(prompt: &ramp_core::cycle::Prompt) -> String {
    use ramp_core::cycle::Prompt;
    match prompt {
        Prompt::NoPrediction => t!("prompt-no-prediction"),
        Prompt::QuestionsWithoutPrediction(numbers) => {
            let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
            t!("prompt-questions-without-prediction", count = numbers.len(), numbers = list.join(", "))
        }
        Prompt::NoScale => t!("prompt-no-scale"),
        Prompt::BigFirstTest => t!("prompt-big-first-test"),
        Prompt::NoMeasure => t!("prompt-no-measure"),
        Prompt::NextCycle => t!("prompt-next-cycle"),
    }
}

/// The words that make a first test sound big in the reader's language.
pub fn big_scale_words() -> Vec<String> {
    list("cycle-big-scale-words")
}

/// A score of the assessment scale: "3.0", "3,0".
pub fn score(score: f64) -> String {
    format!("{score:.1}").replace('.', &style().decimal.to_string())
}

/// A score's level in words: "Modest improvement: tests have led to changes; …".
pub fn level(score: f64) -> String {
    let Some(spec) = ramp_core::schema::spec(ramp_core::Kind::Report, "self_score") else { return String::new() };
    let words = fields::choice(spec, &format!("{score:.1}"));
    words.split_once(" — ").map_or(words.clone(), |(_, level)| level.to_owned())
}

/// A role as the server stamps it beside a name ("coach", "other team"), in the reader's
/// language; a role Ramp does not know stays as written.
pub fn role(role: &str) -> String {
    match role {
        "member" => t!("role-member"),
        "coach" => t!("role-coach"),
        "faculty" => t!("role-faculty"),
        "other team" => t!("role-other-team"),
        other => other.to_owned(),
    }
}

/// Who wrote something, from the server's stamp ("Sam Reyes · coach"): the name, and the role
/// in the reader's language ("Sam Reyes · asesor").
pub fn author(stamp: &str) -> String {
    let name = ramp_core::identity::name_of(stamp);
    match ramp_core::identity::role_of(stamp) {
        Some(r) => format!("{name} · {}", role(r)),
        None => name.to_owned(),
    }
}

/// Why a team stands out as quiet on the dashboard.
pub fn quiet(quiet: &ramp_core::dashboard::Quiet) -> String {
    use ramp_core::dashboard::Quiet;
    match quiet {
        Quiet::NoCycle(Some(days)) => t!("quiet-no-cycle-for", days = *days),
        Quiet::NoCycle(None) => t!("quiet-no-cycle"),
        Quiet::NoData(Some(days)) => t!("quiet-no-data-for", days = *days),
        Quiet::NoData(None) => t!("quiet-no-data"),
    }
}

/// Where a team's ramp of an idea has got to, in the change library.
pub fn ramp_stage(stage: ramp_core::spread::library::Stage) -> String {
    text(&format!("ramp-stage-{}", stage.key()), &[])
}

/// What a team's common outcome measure says about an idea, always with its caution.
pub fn evidence(evidence: &ramp_core::spread::library::Evidence) -> String {
    use ramp_core::spread::library::Evidence;
    match evidence {
        Evidence::NotReported => t!("evidence-not-reported"),
        Evidence::NoImprovement { measure } => t!("evidence-no-improvement", measure = measure),
        Evidence::ImprovedBefore { measure } => t!("evidence-improved-before", measure = measure),
        Evidence::ImprovedAfter { measure, from, .. } => {
            t!("evidence-improved-after", measure = measure, from = period(*from))
        }
    }
}

/// A learning session: "Learning session 2 · 10 Jun 2026".
pub fn session(session: &ramp_core::spread::storyboard::Session) -> String {
    t!("learning-session", number = session_number(session), date = date(&session.start))
}

/// A learning session in a list under its label: "Session 3 · 10 Jun 2026".
pub fn session_short(session: &ramp_core::spread::storyboard::Session) -> String {
    t!("learning-session-short", number = session_number(session), date = date(&session.start))
}

/// A learning session's number for its words' choice ("none" when it has none).
fn session_number(session: &ramp_core::spread::storyboard::Session) -> String {
    session.number.map_or_else(|| "none".to_owned(), |n| n.to_string())
}

/// A chart type's name: "Run chart", "P chart (proportions)".
pub fn chart_name(chart: ramp_core::chart::ChartType) -> String {
    text(&format!("chart-name-{}", chart.key()), &[])
}

/// A rule set's name with its rules in brief.
pub fn rules_name(rules: ramp_core::chart::RuleSet) -> String {
    text(&format!("rules-name-{}", rules.key()), &[])
}

/// A caution about a chart.
pub fn chart_warning(warning: &ramp_core::chart::Warning) -> String {
    use ramp_core::chart::Warning;
    match warning {
        Warning::ChartDoesNotFit { shown } => t!("warning-chart-does-not-fit", chart = chart_name(*shown)),
        Warning::PhaseBreakNotAPeriod { from } => t!("warning-phase-break-not-a-period", from = from),
        Warning::FreezePastBreak { points } => t!("warning-freeze-past-break", points = *points),
        Warning::Overdispersed { sigma_z, chart, better } => t!(
            "warning-overdispersed",
            times = number((sigma_z * 10.0).round() / 10.0),
            chart = chart_name(*chart),
            better = chart_name(*better)
        ),
        Warning::NoControlChart => t!("warning-no-control-chart"),
        Warning::FewPointsForRules { points, needed } => {
            t!("warning-few-points-for-rules", points = *points, needed = *needed)
        }
        Warning::TrialLimits { points, needed } => t!("warning-trial-limits", points = *points, needed = *needed),
        Warning::TNeedsPositive => t!("warning-t-needs-positive"),
    }
}

/// A vertical mark on a chart: a frozen baseline, a new phase.
pub fn mark(mark: &ramp_core::chart::Mark) -> String {
    use ramp_core::chart::Mark;
    match mark {
        Mark::Freeze { reason } if reason.is_empty() => t!("mark-frozen"),
        Mark::Freeze { reason } => t!("mark-frozen-because", reason = reason),
        Mark::Phase { from, reason } if reason.is_empty() => t!("mark-phase", from = period(*from)),
        Mark::Phase { from, reason } => t!("mark-phase-because", reason = reason, from = period(*from)),
    }
}

/// Why a file cannot be imported.
pub fn import_error(error: &ramp_core::backup::ImportError) -> String {
    use ramp_core::backup::ImportError;
    match error {
        ImportError::TooLarge => t!("import-too-large", mb = ramp_core::backup::MAX_BYTES >> 20),
        ImportError::NotABackup(why) => t!("import-not-a-backup", why = why),
        ImportError::NewerVersion(version) => t!("import-newer-version", version = version.to_string()),
    }
}

/// A part of a backup an import left out, and why.
pub fn skipped(skipped: &ramp_core::backup::Skipped) -> String {
    use ramp_core::backup::Skipped;
    let kind = |kind: ramp_core::Kind| t!("kind-name", kind = kind.as_str());
    match skipped {
        Skipped::IdDoesNotFit { kind: k, id } => t!("skipped-id-does-not-fit", kind = kind(*k), id = id.to_string()),
        Skipped::IdInUse { kind: k, id } => t!("skipped-id-in-use", kind = kind(*k), id = id.to_string()),
        Skipped::BadValue { kind: k, id, field, issue } => {
            let label = ramp_core::schema::spec(*k, field).map_or_else(|| field.clone(), fields::label);
            t!("skipped-bad-value", kind = kind(*k), id = id.to_string(), field = label, issue = fields::issue(issue))
        }
        Skipped::Empty { kind: k, id } => t!("skipped-empty", kind = kind(*k), id = id.to_string()),
    }
}
