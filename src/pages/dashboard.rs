//! The coach's dashboard: every team the person coaches or runs as faculty, in one view, from
//! the records on this device (so it works offline after one sync) — scores over time, PDSA
//! cycles per month, days since the last cycle and data, aim progress, measure small
//! multiples with their signals; sorted and filtered, quiet teams marked.
//!
//! Owns only the page and its sort and filter; the summaries are `ramp_core::dashboard`'s.
//! Never writes anything.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::dashboard::{self, SortBy, TeamSummary};
use ramp_core::{Kind, Uuid7};

use crate::charts::{ScoreLine, Sparkline, VelocityBars};
use crate::components::OrderSelect;
use crate::pages::today;
use crate::store::LocalDb;
use crate::sync::Sync;
use crate::t;

/// The dashboard page.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let sort = RwSignal::new(SortBy::Quiet);
    let filter = RwSignal::new(String::new());
    let quiet_only = RwSignal::new(false);
    // The teams this person coaches or runs, that are on this device.
    let teams = Memo::new(move |_| {
        let rights = sync.rights();
        local_db.with(|r| {
            let mut teams: Vec<Uuid7> = rights
                .reviewed_teams()
                .filter_map(|t| Uuid7::parse(t).ok())
                .filter(|t| r.record(t).is_some_and(|t| t.kind == Kind::Team && !t.is_deleted()))
                .collect();
            ramp_core::order::sort(&mut teams);
            teams.dedup();
            teams
        })
    });
    let summaries = Memo::new(move |_| {
        let teams = teams.get();
        crate::perf::mark("ramp-dashboard-start");
        let found = local_db.with(|r| dashboard::summaries(r.local().values(), &teams, &today()));
        crate::perf::measure_since("ramp-dashboard-summaries", "ramp-dashboard-start");
        found
    });
    let shown = Memo::new(move |_| {
        let mut list: Vec<TeamSummary> = summaries.with(|all| {
            all.iter().filter(|s| dashboard::matches(s, &filter.get(), quiet_only.get())).cloned().collect()
        });
        dashboard::sort(&mut list, sort.get());
        list
    });
    let quiet_count = move || summaries.with(|all| all.iter().filter(|s| !s.quiet().is_empty()).count());
    crate::pages::page_title(|| t!("dashboard"));
    view! {
        <h1>{t!("dashboard")}</h1>
        <p class="lead">{move || {
            let n = summaries.with(Vec::len);
            match quiet_count() {
                0 => crate::pages::count_of(ramp_core::Kind::Team, n),
                q => t!("teams-gone-quiet", teams = crate::pages::count_of(ramp_core::Kind::Team, n), count = q),
            }
        }}</p>
        <div class="dash-controls no-print">
            <label class="inline-field">{t!("sort")}" "
                <OrderSelect options=&SortBy::ALL words="dash-sort" value=sort testid="dash-sort"/>
            </label>
            <label class="inline-field">{t!("find")}" "
                <input type="search" data-testid="dash-filter" placeholder=t!("team-name") prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))/>
            </label>
            <label class="inline-field check">
                <input type="checkbox" data-testid="dash-quiet" prop:checked=move || quiet_only.get()
                    on:change=move |ev| quiet_only.set(event_target_checked(&ev))/>
                " "{t!("only-quiet-teams")}
            </label>
        </div>
        <Show when=move || teams.with(Vec::is_empty)>
            <p class="empty">{t!("no-teams-to-show")}</p>
        </Show>
        <ul class="dash-grid" data-testid="dashboard">
            <For each=move || shown.get() key=fingerprint let:s>
                <TeamCard summary=s/>
            </For>
        </ul>
    }
}

/// What identifies a team's card as drawn: when any of it changes, the card is drawn again.
fn fingerprint(s: &TeamSummary) -> String {
    let latest = s.latest_scores().map(|m| (m.team, m.review));
    let points: usize = s.measures.iter().map(|m| m.chart.points.len()).sum();
    format!(
        "{}|{}|{}|{:?}|{:?}|{}|{latest:?}|{points}",
        s.team,
        s.name,
        s.cycles,
        s.days_since_cycle,
        s.days_since_data,
        s.scores.len()
    )
}

/// One team on the dashboard.
#[component]
fn TeamCard(summary: TeamSummary) -> impl IntoView {
    let quiet: Vec<String> = summary.quiet().iter().map(crate::i18n::quiet).collect();
    let is_quiet = !quiet.is_empty();
    let href = format!("/teams/{}", summary.team);
    let smalls = summary.measures.clone();
    let latest = summary.latest_scores().cloned();
    let score = |v: Option<f64>| v.map_or("—".to_owned(), crate::i18n::score);
    let velocity: Vec<(String, usize)> = summary.velocity.iter().map(|(m, n)| (crate::i18n::period(*m), *n)).collect();
    let days = |d: Option<i64>| d.map_or(t!("never"), |d| t!("days", count = d));
    let aim = summary.aim.clone();
    let (name, scores, recent) = (summary.name.clone(), summary.scores.clone(), summary.recent_cycles());
    let days_text = format!("{} · {}", days(summary.days_since_cycle), days(summary.days_since_data));
    view! {
        <li class="dash-card" class:quiet=is_quiet data-testid="dash-team">
            <div class="dash-head">
                <A href=href.clone() attr:class="dash-name">{name}</A>
                {is_quiet.then(|| view! { <span class="tag tag-warn" data-testid="quiet">{t!("gone-quiet")}</span> })}
            </div>
            {is_quiet.then(|| view! { <p class="quiet-why">{quiet.join(" · ")}</p> })}
            <div class="dash-figures">
                <div class="figure">
                    <span class="figure-label">{t!("score-team-faculty")}</span>
                    <span class="figure-value" data-testid="dash-score">{format!(
                        "{} / {}", score(latest.as_ref().and_then(|s| s.team)), score(latest.as_ref().and_then(|s| s.review))
                    )}</span>
                    <ScoreLine scores=scores/>
                    <span class="figure-note">{t!("score-line-key")}</span>
                </div>
                <div class="figure">
                    <span class="figure-label">{t!("cycles-per-month")}</span>
                    <span class="figure-value">{t!("in-six-months", count = recent)}</span>
                    <VelocityBars months=velocity/>
                </div>
                <div class="figure">
                    <span class="figure-label">{t!("since-last")}</span>
                    <span class="figure-value" data-testid="dash-days">{days_text}</span>
                </div>
                <div class="figure">
                    <span class="figure-label">{t!("aim-progress")}</span>
                    {match aim {
                        Some(aim) => view! {
                            <span class="figure-value">{crate::i18n::percent(aim.percent.round())}</span>
                            <span class="progress" role="img" aria-label=t!("of-the-way", percent = crate::i18n::percent(aim.percent.round()))>
                                <span class="progress-fill" style:width=format!("{:.0}%", aim.percent.clamp(0.0, 100.0))></span>
                            </span>
                            <span class="figure-note">{t!(
                                "aim-progress-figures", measure = aim.measure.clone(), baseline = crate::i18n::score(aim.baseline),
                                latest = crate::i18n::score(aim.latest), goal = crate::i18n::score(aim.goal)
                            )}</span>
                        }.into_any(),
                        None => view! { <span class="figure-note">{t!("no-outcome-with-goal")}</span> }.into_any(),
                    }}
                </div>
            </div>
            <ul class="smalls">
                {smalls.into_iter().map(|s| view! {
                    <li>
                        <A href=format!("{href}/measures/{}", s.measure) attr:class="small">
                            <span class="small-name">{s.name}</span>
                            {(!s.chart.points.is_empty()).then(|| view! { <Sparkline chart=s.chart.clone()/> })}
                            <span class=format!("small-signal signal-line signal-{}", s.chart.latest_meaning().map_or("none", |m| m.key()))>{if s.chart.points.is_empty() { t!("no-data-yet") } else { crate::i18n::signals::latest(&s.chart) }}</span>
                        </A>
                    </li>
                }).collect_view()}
            </ul>
        </li>
    }
}
