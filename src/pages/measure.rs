//! One measure: enter a period's data in a few taps, see and edit every point, and keep the
//! measure's definition (operational definition, baseline and goal, data-collection plan).
//!
//! Owns the data-entry form. The form always shows the record of the period picked: a data
//! point's id is derived from team, measure and period, so a second device picking the same
//! month meets the same record. Impossible values stay on screen with the reason and are not
//! saved. Never writes IndexedDB itself.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::measure::{self, check_point, point_id, ValueType};
use ramp_core::period::Period;
use ramp_core::schema::{self, Section};
use ramp_core::{team_scope, Edit, Kind, RecordId, Value};

use crate::charts::{Annotation, ChartData, MeasureChartView};
use crate::components::{FieldInput, UnsentMark};
use crate::pages::sheet::{DeleteButton, DeletionConflict, Sheet, SheetFields};
use crate::pages::team::{CycleList, CycleRow};
use crate::pages::{id_param, team_exists, today, TeamNav};
use crate::store::LocalDb;
use crate::t;

/// The measure page.
#[component]
pub fn MeasurePage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let team_id = id_param("team");
    let measure_id = id_param("measure");
    let found = Memo::new(move |_| {
        let (team, measure) = (team_id.get()?, measure_id.get()?);
        let ok = local_db.with(|r| {
            team_exists(r, &team)
                && r.record(&measure)
                    .is_some_and(|m| m.kind == Kind::Measure && m.scope == team_scope(&team) && !m.is_deleted())
        });
        ok.then_some((team, measure))
    });
    move || match found.get() {
        None => view! { <crate::pages::NotFound/> }.into_any(),
        Some((team, measure)) => view! { <Measure team=team measure=measure/> }.into_any(),
    }
}

#[component]
fn Measure(team: RecordId, measure: RecordId) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sheet = Sheet::new(&team, measure.clone(), Kind::Measure);
    let title = move || sheet.value("name").as_text().to_owned();
    let name = crate::pages::team_name(local_db, team.clone());
    let entry_team = team.clone();
    let entry_measure = measure.clone();
    let picked = RwSignal::new(None::<Period>);
    let sheet_team = StoredValue::new(team.clone());
    // The points, read once for the chart and the table; unchanged by a change to the
    // measure's chart settings, so the table is not rebuilt then.
    let series = Memo::new(move |_| {
        let measure = sheet.record.get()?;
        Some(local_db.with(|r| measure::series(&measure, r.local().values())))
    });
    let chart_data = Memo::new(move |_| {
        let measure = sheet.record.get()?;
        let team = sheet_team.get_value();
        series.with(|points| {
            Some(local_db.with(|r| chart_data(r, &team, measure, points.as_deref().unwrap_or_default(), None)))
        })
    });
    crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("title-measure", name = title())));
    view! {
        <nav class="crumbs no-print"><A href=format!("/teams/{team}/measures")>{name}" · "{t!("nav-measures")}</A></nav>
        <DeletionConflict sheet=sheet/>
        <h1 data-testid="measure-name">{title}</h1>
        <TeamNav team=team.clone()/>
        <crate::pages::PrintHead kind=t!("print-measure") team=team.clone()/>
        // What a member comes for first: this month's data, above the chart it feeds.
        <Show when=move || !sheet.read_only.get()>
            <DataEntry team=entry_team.clone() measure=entry_measure.clone() sheet=sheet picked=picked/>
        </Show>
        <MeasureChartView data=chart_data/>
        <PointsTable sheet=sheet series=series picked=picked/>
        <h2>{t!("cycles-for-measure")}</h2>
        <CycleList team=team.clone() rows=Signal::derive(move || {
            let id = sheet.id().to_string();
            local_db.with(|r| {
                ramp_core::cycle::newest_first(r.local().values(), &team_scope(&sheet_team.get_value()))
                    .into_iter()
                    .filter(|c| c.text("measure") == id)
                    .map(|c| CycleRow::of(r, c))
                    .collect()
            })
        })/>
        <h2 class="sheet-title">{t!("definition")}</h2>
        <SheetFields sheet=sheet
            sections=vec![Section::Measure, Section::Definition, Section::Goal, Section::Chart, Section::Collection]/>
        <crate::pages::CommentThread team=team.clone() target=sheet.id()/>
        <DeleteButton sheet=sheet back=format!("/teams/{team}/measures")/>
    }
}

/// The form that enters (or corrects) one period's data.
#[component]
fn DataEntry(team: RecordId, measure: RecordId, sheet: Sheet, picked: RwSignal<Option<Period>>) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let frequency =
        move || sheet.record.with(|m| m.as_ref().map(|m| m.text("frequency").to_owned())).unwrap_or_default();
    let value_type = move || sheet.record.with(|m| m.as_ref().map(ValueType::of)).unwrap_or(ValueType::Proportion);
    let form = RwSignal::new(BTreeMap::<String, Value>::new());
    let tried = RwSignal::new(false);
    let saved_note = RwSignal::new(String::new());
    let (team_for_load, measure_for_load) = (team.clone(), measure.clone());
    // Shows the record of a period: its values if it has data, blanks if not.
    let load = move |period: Period| {
        let id = point_id(&team_for_load, &measure_for_load, period);
        let mut values: BTreeMap<String, Value> = local_db.with_untracked(|r| {
            r.record(&id)
                .filter(|p| !p.is_deleted())
                .map(|p| {
                    ["numerator", "denominator", "value", "note", "astronomical", "exclude", "exclude_reason"]
                        .into_iter()
                        .map(|f| (f.to_owned(), p.value(f).clone()))
                        .filter(|(_, v)| *v != Value::Null)
                        .collect()
                })
                .unwrap_or_default()
        });
        values.insert("measure".into(), Value::Text(measure_for_load.to_string()));
        values.insert("period".into(), Value::Text(period.key()));
        form.set(values);
        tried.set(false);
        picked.set(Some(period));
    };
    let load = StoredValue::new(load);
    let this_period = move || Period::containing(&frequency(), &today());
    // From "Enter this month's data" (`?enter=now`): the first number box has the focus.
    let query = leptos_router::hooks::use_query_map();
    if query.with_untracked(|q| q.get("enter").is_some()) {
        request_animation_frame(|| {
            crate::components::focus("[data-testid=data-entry] input[inputmode]");
        });
    }
    // The form follows the period picked here or in the table; it starts on the current one.
    Effect::new(move |_| match picked.get() {
        None => {
            if let Some(period) = Period::containing(&frequency(), &today()) {
                load.with_value(|load| load(period));
            }
        }
        Some(period) => {
            let shown = form.with_untracked(|f| f.get("period").map(|v| v.as_text().to_owned()));
            if shown.as_deref() != Some(period.key().as_str()) {
                load.with_value(|load| load(period));
            }
        }
    });
    // Another device's data for the period on screen shows up unless the person is typing.
    let exists = {
        let (team, measure) = (team.clone(), measure.clone());
        Memo::new(move |_| {
            let period = picked.get()?;
            local_db.with(|r| r.record(&point_id(&team, &measure, period)).filter(|p| !p.is_deleted()).cloned())
        })
    };
    let problems = Memo::new(move |_| form.with(|values| check_point(value_type(), values)));
    let problem = move |field: &'static str| {
        Signal::derive(move || {
            tried
                .get()
                .then(|| {
                    problems.with(|p| p.iter().find(|p| p.field == field).map(|p| crate::i18n::fields::issue(&p.issue)))
                })
                .flatten()
        })
    };
    let set = move |field: &'static str| {
        move |value: Value| {
            form.update(|f| {
                f.insert(field.to_owned(), value);
            });
            saved_note.set(String::new());
        }
    };
    let period_text = move || picked.get().map(Period::key).unwrap_or_default();
    let on_period = move |ev| {
        let text = event_target_value(&ev);
        let period = if frequency() == "weekly" { Period::containing("weekly", &text) } else { Period::parse(&text) };
        if let Some(period) = period {
            load.with_value(|load| load(period));
        }
    };
    let (save_team, save_measure) = (team.clone(), measure.clone());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let Some(period) = picked.get_untracked() else { return };
        if let Some(first) = problems.with_untracked(|p| p.first().map(|p| p.field.clone())) {
            crate::components::focus_field("p", &first);
            return;
        }
        let vt = value_type();
        let id = point_id(&save_team, &save_measure, period);
        let scope = team_scope(&save_team);
        let values = form.get_untracked();
        let fields: &[&str] = if vt.is_ratio() {
            &["measure", "period", "numerator", "denominator", "note", "astronomical", "exclude", "exclude_reason"]
        } else {
            &["measure", "period", "value", "note", "astronomical", "exclude", "exclude_reason"]
        };
        let edits: Vec<Edit> = local_db.with_untracked(|r| {
            let existing = r.record(&id);
            let mut edits: Vec<Edit> = fields
                .iter()
                .filter_map(|field| {
                    let new = values.get(*field).cloned().unwrap_or(Value::Null);
                    let state = existing.and_then(|p| p.fields.get(*field));
                    let old = state.map_or(&Value::Null, |s| s.value());
                    let conflicted = state.is_some_and(|s| s.is_conflict());
                    let changed = conflicted || (old != &new && !(old.is_blank() && new.is_blank()));
                    changed.then(|| Edit {
                        record: id.clone(),
                        kind: Kind::Datapoint,
                        scope: scope.clone(),
                        field: field.to_string(),
                        value: new,
                    })
                })
                .collect();
            if existing.is_some_and(|p| p.is_deleted()) {
                edits.push(Edit {
                    record: id.clone(),
                    kind: Kind::Datapoint,
                    scope: scope.clone(),
                    field: ramp_core::record::DELETED.to_owned(),
                    value: Value::Bool(false),
                });
            }
            edits
        });
        let shown = sheet.record.with_untracked(|m| {
            let value = measure::value_of(vt, &values);
            m.as_ref().zip(value).map(|(m, v)| crate::i18n::value(m, v)).unwrap_or_default()
        });
        leptos::task::spawn_local(async move {
            if edits.is_empty() || local_db.save(edits).await.is_ok() {
                saved_note.set(t!("saved-point", period = crate::i18n::period(period), value = shown));
                load.with_value(|load| load(period));
            }
        });
    };
    let spec = |name: &str| schema::spec(Kind::Datapoint, name).expect("data point fields are in the schema");
    let value_of =
        move |field: &'static str| Signal::derive(move || form.with(|f| f.get(field).cloned().unwrap_or(Value::Null)));
    let definition = move || {
        sheet.record.with(|m| {
            let Some(m) = m else { return String::new() };
            let (n, d) = (m.text("numerator").trim(), m.text("denominator").trim());
            match (n.is_empty(), d.is_empty()) {
                (false, false) => t!("numerator-denominator", numerator = n, denominator = d),
                _ => String::new(),
            }
        })
    };
    let preview = move || {
        let vt = value_type();
        let value = form.with(|f| measure::value_of(vt, f))?;
        sheet.record.with(|m| m.as_ref().map(|m| format!("= {}", crate::i18n::value(m, value))))
    };
    view! {
        <section class="panel entry no-print" data-testid="data-entry">
            <h2 id="enter">{move || match picked.get() {
                Some(p) if Some(p) == this_period() && frequency() == "weekly" => t!("enter-this-week"),
                Some(p) if Some(p) == this_period() => t!("enter-this-month"),
                Some(p) => t!("enter-data-for", period = crate::i18n::period(p)),
                None => t!("enter-data"),
            }}</h2>
            <Show when=move || picked.get().is_some() && picked.get() != this_period()>
                <button type="button" class="link-button" data-testid="back-to-now" on:click=move |_| {
                    if let Some(period) = this_period() {
                        load.with_value(|load| load(period));
                    }
                }>{move || if frequency() == "weekly" { t!("back-to-this-week") } else { t!("back-to-this-month") }}</button>
            </Show>
            <form on:submit=save novalidate>
                <div class="field">
                    <label class="field-label" for="entry-period">{move || if frequency() == "weekly" { t!("entry-week") } else { t!("entry-month") }}</label>
                    {move || if frequency() == "weekly" {
                        view! { <input type="date" id="entry-period" prop:value=period_text on:change=on_period/> }.into_any()
                    } else {
                        view! { <input type="month" id="entry-period" prop:value=period_text on:change=on_period/> }.into_any()
                    }}
                    <p class="hint" data-testid="entry-status">{move || match (picked.get(), exists.with(Option::is_some)) {
                        (Some(p), true) => t!("period-has-data", period = crate::i18n::period(p)),
                        (Some(p), false) => t!("period-no-data", period = crate::i18n::period(p)),
                        (None, _) => String::new(),
                    }}</p>
                </div>
                <p class="hint">{definition}</p>
                <Show when=move || value_type().is_ratio() fallback=move || view! {
                    <FieldInput prefix="p" spec=spec("value") value=value_of("value") problem=problem("value")
                        on_input=set("value") on_commit=set("value")/>
                }>
                    <div class="pair">
                        <FieldInput prefix="p" spec=spec("numerator") value=value_of("numerator") problem=problem("numerator")
                            on_input=set("numerator") on_commit=set("numerator")/>
                        <FieldInput prefix="p" spec=spec("denominator") value=value_of("denominator") problem=problem("denominator")
                            on_input=set("denominator") on_commit=set("denominator")/>
                    </div>
                </Show>
                <p class="preview" data-testid="entry-preview">{preview}</p>
                <FieldInput prefix="p" spec=spec("note") value=value_of("note") problem=problem("note")
                    on_input=set("note") on_commit=set("note")/>
                <FieldInput prefix="p" spec=spec("astronomical") value=value_of("astronomical") problem=problem("astronomical")
                    on_input=set("astronomical") on_commit=set("astronomical")/>
                <details class="more-fields" data-testid="exclude-point">
                    <summary>{t!("leave-point-out")}</summary>
                    <FieldInput prefix="p" spec=spec("exclude") value=value_of("exclude") problem=problem("exclude")
                        on_input=set("exclude") on_commit=set("exclude")/>
                    <FieldInput prefix="p" spec=spec("exclude_reason") value=value_of("exclude_reason") problem=problem("exclude_reason")
                        on_input=set("exclude_reason") on_commit=set("exclude_reason")/>
                </details>
                <button type="submit" class="primary big" data-testid="save-point">{t!("save")}</button>
                <p class="saved-note" role="status" data-testid="saved-note">{move || saved_note.get()}</p>
            </form>
        </section>
    }
}

/// Every point of the measure, newest first; "Edit" loads a point into the entry form.
#[component]
fn PointsTable(
    sheet: Sheet,
    /// The measure's points (`None` until it is saved).
    series: Memo<Option<Vec<measure::Point>>>,
    picked: RwSignal<Option<Period>>,
) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    // What a value's words depend on: the table follows this, not every change to the measure.
    let format =
        Memo::new(move |_| sheet.record.with(|m| m.as_ref().map(|m| (ValueType::of(m), m.text("unit").to_owned()))));
    // Which points are in conflict and which wait to be sent, in one pass over the device's
    // records: the rows below are rebuilt when these change, not on every save.
    let marks = Memo::new(move |_| {
        series.with(|points| {
            local_db.with(|r| {
                let waiting: std::collections::BTreeSet<&RecordId> = r.outbox().iter().map(|op| &op.record).collect();
                let points = points.iter().flatten();
                let conflicted: Vec<RecordId> = points
                    .clone()
                    .filter(|p| r.record(&p.id).is_some_and(|p| p.open_conflicts() > 0))
                    .map(|p| p.id.clone())
                    .collect();
                let unsent: std::collections::BTreeSet<RecordId> =
                    points.filter(|p| waiting.contains(&p.id)).map(|p| p.id.clone()).collect();
                (conflicted, unsent)
            })
        })
    });
    let rows = Memo::new(move |_| {
        if format.with(Option::is_none) {
            return Vec::new();
        }
        let Some(m) = sheet.record.get_untracked() else { return Vec::new() };
        let ratio = ValueType::of(&m).is_ratio();
        let points = series.get().unwrap_or_default();
        marks.with(|(conflicted, unsent)| {
            points
                .into_iter()
                .rev()
                .map(|p| {
                    let cell = |n: Option<f64>| n.map(crate::i18n::number).unwrap_or_default();
                    let data =
                        if ratio { format!("{} / {}", cell(p.numerator), cell(p.denominator)) } else { String::new() };
                    let value = p.value.map(|v| crate::i18n::value(&m, v)).unwrap_or_else(|| "—".into());
                    (p.period, data, value, p.note, conflicted.contains(&p.id), unsent.contains(&p.id))
                })
                .collect::<Vec<_>>()
        })
    });
    let ratio = move || sheet.record.with(|m| m.as_ref().is_some_and(|m| ValueType::of(m).is_ratio()));
    let scroll_to_form = || {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("entry-period"))
        {
            el.scroll_into_view();
        }
    };
    view! {
        <h2>{t!("data")}</h2>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="empty">{t!("no-data-yet-sentence")}</p>
        </Show>
        <Show when=move || !rows.with(Vec::is_empty)>
            // Off screen, a long table is not laid out or painted until scrolled to (a redraw of
            // the chart above it no longer walks 500 rows).
            <div class="points-box table-scroll" tabindex="0" role="region" aria-label=t!("data")>
            <table class="points" data-testid="points">
                <thead><tr>
                    <th scope="col">{t!("period")}</th>
                    <Show when=ratio><th scope="col">{t!("data")}</th></Show>
                    <th scope="col">{t!("value")}</th>
                    <th scope="col" class="no-print"><span class="visually-hidden">{t!("edit")}</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|row| format!("{:?}", row) let:row>
                        <tr class:conflicted=row.4>
                            <th scope="row">{crate::i18n::period(row.0)}<span class="note-cell">{row.3}</span></th>
                            <Show when=ratio><td class="data-cell">{row.1.clone()}</td></Show>
                            <td>{row.2}{row.4.then(|| format!(" ⚠ {}", t!("two-values")))}<UnsentMark unsent=row.5/></td>
                            <td class="no-print">
                                <button type="button" class="small" on:click=move |_| {
                                    picked.set(Some(row.0));
                                    scroll_to_form();
                                } aria-label=t!("edit-period", period = crate::i18n::period(row.0))>{t!("edit")}</button>
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
            </div>
        </Show>
    }
}

/// A measure's chart from its points, with the team's cycles linked to it placed at their
/// start dates (those begun by `until`, a date, when given: a storyboard's session).
pub(crate) fn chart_data(
    replica: &ramp_core::Replica,
    team: &RecordId,
    measure: ramp_core::Record,
    series: &[measure::Point],
    until: Option<&str>,
) -> ChartData {
    let chart = ramp_core::chart::for_measure(&measure, series);
    let frequency = measure.text("frequency").to_owned();
    let id = measure.id.to_string();
    let mut cycles: Vec<(f64, String, String)> =
        ramp_core::cycle::newest_first(replica.local().values(), &team_scope(team))
            .into_iter()
            .rev() // oldest first: cycles of one period are numbered in the order they began
            .filter(|c| c.text("measure") == id)
            .filter(|c| until.is_none_or(|until| !c.text("start").is_empty() && c.text("start") <= until))
            .filter_map(|c| {
                let period = Period::containing(&frequency, c.text("start"))?;
                let after = chart.points.iter().position(|p| p.period >= period);
                let at = match after {
                    Some(i) if chart.points[i].period == period => i as f64,
                    Some(0) => 0.0,
                    Some(i) => i as f64 - 0.5,
                    None => chart.points.len().saturating_sub(1) as f64,
                };
                let label = t!("cycle-from", title = c.text("title"), start = crate::i18n::date(c.text("start")));
                Some((at, label, format!("/teams/{team}/cycles/{}", c.id)))
            })
            .collect();
    ramp_core::order::sort_by(&mut cycles, |a, b| a.0.total_cmp(&b.0));
    let annotations = cycles.into_iter().map(|(at, label, href)| Annotation { at, label, href }).collect();
    ChartData { measure, chart, annotations }
}
