//! A team's overview: its aim, its measures with their latest values, its active ramps and
//! recent cycles at a glance, each leading to its worksheet; and the team's backup.
//!
//! Owns only what the overview shows; every rule it shows comes from `ramp-core` (aim gaps,
//! series, ramps, stages). Never writes IndexedDB.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::cycle::{self, ramp};
use ramp_core::measure;
use ramp_core::{aim, backup, team_scope, Kind, RecordId, Stage};

use crate::charts::Sparkline;
use crate::components::{StageBadge, UnsentMark};
use crate::pages::{for_team, live, TeamNav};
use crate::store::LocalDb;
use crate::sync::Sync;
use crate::t;

/// One line of a cycle list.
#[derive(Clone, PartialEq)]
pub(crate) struct CycleRow {
    pub id: String,
    pub title: String,
    pub change_idea: String,
    pub stage: Stage,
    pub dates: String,
    /// Changes to it wait on this device.
    pub unsent: bool,
}

impl CycleRow {
    /// The row of a cycle record, its change idea's words looked up.
    pub fn of(replica: &ramp_core::Replica, r: &ramp_core::Record) -> CycleRow {
        let idea = ramp_core::Uuid7::parse(r.text("change_idea"))
            .ok()
            .and_then(|id| replica.record(&id).map(|i| i.text("text").to_owned()))
            .unwrap_or_default();
        CycleRow {
            id: r.id.to_string(),
            title: r.text("title").to_owned(),
            change_idea: idea,
            stage: Stage::of(r),
            dates: dates(r.text("start"), r.text("end")),
            unsent: replica.unsent(&r.id),
        }
    }
}

/// The team's overview page.
#[component]
pub fn TeamPage() -> impl IntoView {
    for_team(|team| view! { <Overview team=team/> })
}

#[component]
fn Overview(team: RecordId) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let scope = team_scope(&team);
    let name = crate::pages::team_name(local_db, team.clone());
    let can_write = {
        let scope = scope.clone();
        move || sync.can_write(&scope)
    };
    let aim_id = aim::id(&team);
    let aim_view = Memo::new(move |_| {
        local_db.with(|r| {
            let record = r.record(&aim_id).filter(|a| !a.is_deleted());
            let statement = record.map(|a| aim::statement(a, &crate::i18n::AimWords));
            let gaps: Vec<String> =
                aim::gaps(record, &crate::i18n::AimWords).iter().map(crate::i18n::aim_gap).collect();
            (statement.unwrap_or_default(), gaps)
        })
    });
    let measures = {
        let scope = scope.clone();
        Memo::new(move |_| local_db.with(|r| measure_rows(r, &scope)))
    };
    let ramps = {
        let scope = scope.clone();
        Memo::new(move |_| {
            local_db.with(|r| {
                live(r, &scope, Kind::ChangeIdea)
                    .into_iter()
                    .filter_map(|idea| {
                        let chain = ramp(r.local().values(), &scope, idea.id.as_str());
                        let last = chain.last()?;
                        let stage = Stage::of(last);
                        let finished = matches!(stage, Stage::Done("adopt" | "abandon"));
                        (!finished).then(|| (idea.id.to_string(), idea.text("text").to_owned(), chain.len(), stage))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let recent = {
        let scope = scope.clone();
        Memo::new(move |_| {
            local_db.with(|r| {
                cycle::newest_first(r.local().values(), &scope)
                    .into_iter()
                    .take(5)
                    .map(|c| CycleRow::of(r, c))
                    .collect::<Vec<_>>()
            })
        })
    };
    let base = StoredValue::new(format!("/teams/{team}"));
    let download_team = team.clone();
    let backup_json = move |_| {
        let (text, file) = local_db.with_untracked(|r| {
            let exported_at = String::from(js_sys::Date::new_0().to_iso_string());
            let backup = backup::export(&download_team, r.local().values(), &exported_at);
            let name = r.record(&download_team).map(|t| t.text("name").to_owned()).unwrap_or_default();
            (serde_json::to_string_pretty(&backup).unwrap_or_default(), file_name(&name, "json"))
        });
        let _ = crate::files::download(&file, "application/json", &text);
    };
    let csv_team = team.clone();
    let measures_csv = move |_| {
        let (text, file) = local_db.with_untracked(|r| {
            let scope = team_scope(&csv_team);
            let measures = live(r, &scope, Kind::Measure);
            let name = r.record(&csv_team).map(|t| t.text("name").to_owned()).unwrap_or_default();
            (measure::csv(&measures, r.local().values()), file_name(&format!("{name} measures"), "csv"))
        });
        let _ = crate::files::download(&file, "text/csv", &text);
    };
    crate::pages::page_title(name);
    view! {
        <nav class="crumbs no-print"><A href="/">{t!("crumb-teams")}</A></nav>
        <h1 data-testid="team-name">{name}</h1>
        <TeamNav team=team.clone()/>
        <crate::pages::UnreadComments team=team.clone()/>
        <Show when=can_write.clone() fallback=|| view! {
            <p class="notice" data-testid="read-only">{t!("team-read-only")}</p>
        }>
            <A href=format!("{}/cycles/new", base.get_value()) attr:class="button primary big" attr:data-testid="start-cycle">
                {t!("start-cycle")}
            </A>
        </Show>

        <section class="overview-block" data-testid="overview-aim">
            <h2><A href=format!("{}/aim", base.get_value())>{t!("nav-aim")}</A></h2>
            {
                let aim_href = format!("{}/aim", base.get_value());
                move || {
                    let (statement, gaps) = aim_view.get();
                    let statement = if statement.is_empty() {
                        view! { <p class="empty">{t!("no-aim-yet")}</p> }.into_any()
                    } else {
                        view! { <p class="aim-statement">{statement}</p> }.into_any()
                    };
                    let gaps = (!gaps.is_empty()).then(|| view! {
                        <p class="gap-note">{t!("aim-things-missing", count = gaps.len())}" "
                            <A href=aim_href.clone()>{t!("finish-the-aim")}</A></p>
                    });
                    view! { {statement} {gaps} }
                }
            }
        </section>

        <section class="overview-block" data-testid="overview-measures">
            <h2><A href=format!("{}/measures", base.get_value())>{t!("nav-measures")}</A></h2>
            <Show when=move || measures.with(Vec::is_empty)>
                <p class="empty">{t!("no-measures-yet")}</p>
            </Show>
            <MeasureCards team=team.clone() rows=Signal::derive(move || measures.get()) can_enter=Signal::derive(can_write.clone())/>
        </section>

        <section class="overview-block" data-testid="overview-ramps">
            <h2><A href=format!("{}/drivers", base.get_value())>{t!("active-ramps")}</A></h2>
            <Show when=move || ramps.with(Vec::is_empty)>
                <p class="empty">{t!("no-ramp")}</p>
            </Show>
            <ul class="cards">
                <For each=move || ramps.get() key=|r| (r.0.clone(), r.2, r.3.key()) let:r>
                    <li>
                        <A href=format!("{}/ideas/{}", base.get_value(), r.0) attr:class="card">
                            <span class="card-title">{r.1}</span>
                            <span class="card-foot">
                                <span class="card-meta">{t!("cycles-count", count = r.2)}</span>
                                <StageBadge stage=Signal::derive(move || r.3)/>
                            </span>
                        </A>
                    </li>
                </For>
            </ul>
        </section>

        <section class="overview-block">
            <h2><A href=format!("{}/cycles", base.get_value())>{t!("recent-cycles")}</A></h2>
            <CycleList team=team.clone() rows=Signal::derive(move || recent.get())/>
        </section>

        <section class="panel no-print">
            <h2>{t!("backup")}</h2>
            <p class="hint">{t!("backup-hint")}</p>
            <div class="button-row">
                <button type="button" data-testid="export-json" on:click=backup_json>{t!("download-backup")}</button>
                <button type="button" data-testid="export-csv" on:click=measures_csv>{t!("download-csv")}</button>
            </div>
            <p class="hint">{t!("csv-hint")}</p>
        </section>
    }
}

/// One measure in a list: its chart in small, its latest value and its latest signal.
#[derive(Clone, PartialEq)]
pub(crate) struct MeasureRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub latest: String,
    pub signal: String,
    /// What the latest signal means (`improvement`, `deterioration`, `change`, `none`).
    pub meaning: &'static str,
    pub chart: ramp_core::chart::MeasureChart,
}

/// The team's measures, in creation order.
pub(crate) fn measure_rows(replica: &ramp_core::Replica, scope: &str) -> Vec<MeasureRow> {
    live(replica, scope, Kind::Measure)
        .into_iter()
        .map(|m| {
            let series = measure::series(m, replica.local().values());
            let latest = crate::i18n::latest(m, &series);
            let chart = ramp_core::chart::for_measure(m, &series);
            let signal = crate::i18n::signals::latest(&chart);
            let meaning = chart.latest_meaning().map_or("none", |m| m.key());
            MeasureRow {
                id: m.id.to_string(),
                name: m.text("name").to_owned(),
                kind: m.text("measure_type").to_owned(),
                latest,
                signal,
                meaning,
                chart,
            }
        })
        .collect()
}

/// Measures as cards: name, kind, a small chart, latest value and latest signal.
#[component]
pub(crate) fn MeasureCards(
    team: RecordId,
    #[prop(into)] rows: Signal<Vec<MeasureRow>>,
    /// Whether the person may enter data (each card then offers "Enter this month's data").
    #[prop(into)]
    can_enter: Signal<bool>,
) -> impl IntoView {
    let team = StoredValue::new(team);
    let card = move |m: MeasureRow| {
        let href = format!("/teams/{}/measures/{}", team.get_value(), m.id);
        let enter_href = format!("{href}?enter=now");
        let enter_label = t!("enter-this-month-of", measure = m.name.clone());
        view! {
            <li>
                <A href=href attr:class="card">
                    <span class="card-title">{m.name}</span>
                    <span class="card-foot">
                        <span class=format!("tag tag-{}", m.kind)>{measure_kind(&m.kind)}</span>
                        <span class="card-meta" data-testid="latest">{m.latest}</span>
                    </span>
                    {(!m.chart.points.is_empty()).then(|| view! { <Sparkline chart=m.chart.clone()/> })}
                    <span class=format!("card-meta signal-line signal-{}", m.meaning) data-testid="latest-signal">{m.signal}</span>
                </A>
                <Show when=move || can_enter.get()>
                    <A href=enter_href.clone() attr:class="button secondary enter-data"
                        attr:data-testid="enter-data" attr:aria-label=enter_label.clone()>
                        {t!("enter-this-month")}
                    </A>
                </Show>
            </li>
        }
    };
    view! {
        <ul class="cards measure-cards" data-testid="measure-list">
            <For each=move || rows.get() key=|m| (m.id.clone(), m.name.clone(), m.latest.clone(), m.signal.clone()) children=card/>
        </ul>
    }
}

/// A list of cycles, newest first, each with its stage.
#[component]
pub(crate) fn CycleList(team: RecordId, #[prop(into)] rows: Signal<Vec<CycleRow>>) -> impl IntoView {
    view! {
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="empty">{t!("no-cycles-yet")}</p>
        </Show>
        <ul class="cards" data-testid="cycle-list">
            <For each=move || rows.get() key=|row| (row.id.clone(), row.title.clone(), row.stage.key(), row.change_idea.clone(), row.unsent) let:row>
                <li>
                    <A href=format!("/teams/{}/cycles/{}", team, row.id) attr:class="card">
                        <span class="card-title">{row.title}</span>
                        <span class="card-meta">{row.change_idea}</span>
                        <span class="card-foot">
                            <StageBadge stage=row.stage/>
                            <span class="card-meta">{row.dates}</span>
                            <UnsentMark unsent=row.unsent/>
                        </span>
                    </A>
                </li>
            </For>
        </ul>
    }
}

/// A measure's kind as a tag says it ("Outcome"), or nothing when it has none.
pub(crate) fn measure_kind(kind: &str) -> String {
    ramp_core::schema::spec(ramp_core::Kind::Measure, "measure_type")
        .filter(|_| !kind.is_empty())
        .map(|spec| crate::i18n::fields::choice(spec, kind))
        .unwrap_or_default()
}

/// A file name from a team name: "Ward 7 Falls Team.json" without characters file systems refuse.
fn file_name(name: &str, extension: &str) -> String {
    let clean: String =
        name.chars().map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { '_' }).collect();
    let clean = clean.trim();
    format!("{}.{extension}", if clean.is_empty() { "ramp-team" } else { clean })
}

/// "1 Mar 2026 → 7 Mar 2026", or whichever part is known, as the reader's language writes dates.
fn dates(start: &str, end: &str) -> String {
    let (start, end) = (crate::i18n::date(start), crate::i18n::date(end));
    match (start.is_empty(), end.is_empty()) {
        (false, false) => format!("{start} → {end}"),
        (false, true) => t!("dates-from", start = start),
        (true, false) => t!("dates-until", end = end),
        (true, true) => String::new(),
    }
}
