//! A team's monthly reports: the list of months with their scores, and one month's report —
//! progress, achievements, barriers, help needed, the team's self-score and the faculty's or
//! coach's score on the IHI assessment scale — with the month's PDSA cycles and the measures'
//! latest signals listed from the team's own records.
//!
//! A report's id comes from the team and the month, so a report can be opened before it exists
//! and two people writing one month meet in one record. Owns only the pages; the rules
//! (scores, disagreement, the month's cycles) are `ramp_core::report`'s. Never writes IndexedDB
//! itself.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use ramp_core::period::Period;
use ramp_core::schema::Section;
use ramp_core::{report, team_scope, Kind, RecordId};

use crate::pages::comments::CommentThread;
use crate::pages::sheet::{Sheet, SheetFields};
use crate::pages::team::{measure_rows, CycleList, CycleRow};
use crate::pages::{for_team, today, TeamNav};
use crate::store::LocalDb;
use crate::sync::Sync;
use crate::t;

/// One line of the list of reports.
#[derive(Clone, PartialEq)]
struct ReportRow {
    month: String,
    label: String,
    team: Option<f64>,
    review: Option<f64>,
    differs: bool,
}

/// The list of a team's monthly reports.
#[component]
pub fn ReportsPage() -> impl IntoView {
    for_team(|team| view! { <Reports team=team/> })
}

#[component]
fn Reports(team: RecordId) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let scope = team_scope(&team);
    let name = crate::pages::team_name(local_db, team.clone());
    let rows = {
        let scope = scope.clone();
        Memo::new(move |_| {
            local_db.with(|r| {
                report::reports(r.local().values(), &scope)
                    .into_iter()
                    .filter_map(|rep| {
                        let month = report::month(rep)?;
                        Some(ReportRow {
                            month: month.key(),
                            label: crate::i18n::period(month),
                            team: report::score(rep, "self_score"),
                            review: report::score(rep, "faculty_score"),
                            differs: report::disagreement(rep).is_some(),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let this_month = Period::containing("monthly", &today()).map(|p| p.key()).unwrap_or_default();
    let picked = RwSignal::new(this_month);
    let navigate = use_navigate();
    let base = format!("/teams/{team}/reports");
    let open = {
        let base = base.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if Period::parse(&picked.get_untracked()).is_some() {
                navigate(&format!("{base}/{}", picked.get_untracked()), Default::default());
            }
        }
    };
    let can_write = move || sync.may_write(Kind::Report, "progress", &scope);
    crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("monthly-reports")));
    view! {
        <nav class="crumbs no-print"><A href=format!("/teams/{team}")>{name}</A></nav>
        <h1>{t!("monthly-reports")}</h1>
        <TeamNav team=team.clone()/>
        <Show when=can_write>
            <form class="panel month-pick no-print" on:submit=open.clone()>
                <label for="report-month">{t!("write-or-open-report")}</label>
                <div class="button-row">
                    <input type="month" id="report-month" prop:value=move || picked.get()
                        on:change=move |ev| picked.set(event_target_value(&ev))/>
                    <button type="submit" class="primary" data-testid="open-report">{t!("open-the-report")}</button>
                </div>
            </form>
        </Show>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="empty">{t!("no-reports-yet")}</p>
        </Show>
        <ul class="cards" data-testid="report-list">
            <For each=move || rows.get() key=|r| (r.month.clone(), r.team.map(f64::to_bits), r.review.map(f64::to_bits)) let:r>
                <li>
                    <A href=format!("{base}/{}", r.month) attr:class="card">
                        <span class="card-title">{r.label}</span>
                        <span class="card-foot">
                            <span class="card-meta">{score_words(t!("score-team"), r.team)}</span>
                            <span class="card-meta">{score_words(t!("score-faculty"), r.review)}</span>
                            {r.differs.then(|| view! { <span class="tag tag-warn">{t!("point-apart")}</span> })}
                        </span>
                    </A>
                </li>
            </For>
        </ul>
    }
}

/// "Team 3.0", "Faculty —".
fn score_words(who: String, score: Option<f64>) -> String {
    match score {
        Some(score) => format!("{who} {}", crate::i18n::score(score)),
        None => format!("{who} —"),
    }
}

/// The worksheet of a team's report for a month, which may not exist yet: its id comes from
/// team and month, and a new report carries its month from the first save on.
pub(crate) fn report_sheet(team: &RecordId, month: Period) -> Sheet {
    let sheet = Sheet::new(team, report::id(team, month), Kind::Report);
    if sheet.value("month").as_text().is_empty() {
        sheet.draft.update(|d| d.set("month", ramp_core::Value::Text(month.key())));
    }
    sheet
}

/// One month's report.
#[component]
pub fn ReportPage() -> impl IntoView {
    let params = use_params_map();
    let month = Memo::new(move |_| {
        params.read().get("month").and_then(|m| Period::parse(&m)).filter(|p| matches!(p, Period::Month { .. }))
    });
    for_team(move |team| {
        move || match month.get() {
            None => view! { <crate::pages::NotFound/> }.into_any(),
            Some(month) => view! { <Report team=team.clone() month=month/> }.into_any(),
        }
    })
}

#[component]
fn Report(team: RecordId, month: Period) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let sheet = report_sheet(&team, month);
    let name = crate::pages::team_name(local_db, team.clone());
    let scope = team_scope(&team);
    let cycles = {
        let scope = scope.clone();
        Memo::new(move |_| {
            local_db.with(|r| {
                report::cycles_in(r.local().values(), &scope, month)
                    .into_iter()
                    .rev()
                    .map(|c| CycleRow::of(r, c))
                    .collect::<Vec<_>>()
            })
        })
    };
    let signals = Memo::new(move |_| {
        local_db.with(|r| {
            measure_rows(r, &scope)
                .into_iter()
                .map(|m| (m.id, m.name, if m.signal.is_empty() { t!("no-data-yet") } else { m.signal }))
                .collect::<Vec<_>>()
        })
    });
    let disagreement = Memo::new(move |_| sheet.record.with(|r| r.as_ref().and_then(report::disagreement)));
    let may_review = {
        let scope = team_scope(&team);
        move || sync.may_write(Kind::Report, "faculty_score", &scope)
    };
    let team_href = format!("/teams/{team}");
    crate::pages::page_title(move || {
        t!("title-team-page", team = name(), page = t!("report-for", month = crate::i18n::period(month)))
    });
    view! {
        <nav class="crumbs no-print"><A href=format!("{team_href}/reports")>{name}" · "{t!("nav-reports")}</A></nav>
        <crate::pages::PrintHead kind=t!("print-report") team=team.clone()/>
        <h1 data-testid="report-title">{t!("report-for", month = crate::i18n::period(month))}</h1>
        <TeamNav team=team.clone()/>
        {move || disagreement.get().map(|(own, review)| view! {
            <div class="conflict" role="status" data-testid="score-gap">
                <p class="conflict-title">{t!("scores-apart", own = crate::i18n::score(own), review = crate::i18n::score(review))}</p>
            </div>
        })}
        <div class="score-summary" data-testid="score-summary">
            <ScoreCard sheet=sheet field="self_score" heading=t!("team-own-score") testid="team-score"/>
            <ScoreCard sheet=sheet field="faculty_score" heading=t!("coach-score") testid="coach-score"/>
        </div>
        // Those who score come for the scale: it sits at the top for them, and not at all for
        // the team (whose view is the summary above).
        <Show when=may_review.clone()>
            <SheetFields sheet=sheet sections=vec![Section::Review]/>
        </Show>
        <SheetFields sheet=sheet sections=vec![Section::Report]/>
        <section class="overview-block">
            <h2>{t!("cycles-in", month = crate::i18n::period(month))}</h2>
            <CycleList team=team.clone() rows=Signal::derive(move || cycles.get())/>
        </section>
        <section class="overview-block" data-testid="report-signals">
            <h2>{t!("latest-signals")}</h2>
            <Show when=move || signals.with(Vec::is_empty)>
                <p class="empty">{t!("no-measures-sentence")}</p>
            </Show>
            <ul class="signal-list">
                {move || signals.get().into_iter().map(|(id, name, signal)| view! {
                    <li><A href=format!("{team_href}/measures/{id}")>{name}</A>": "{signal}</li>
                }).collect_view()}
            </ul>
        </section>
        <SheetFields sheet=sheet sections=vec![Section::SelfScore]/>
        <CommentThread team=team.clone() target=sheet.id()/>
    }
}

/// One of a month's two scores: the level in words, the reason given, and who scored when.
#[component]
fn ScoreCard(sheet: Sheet, field: &'static str, heading: String, testid: &'static str) -> impl IntoView {
    let scored = move || {
        sheet.record.with(|r| {
            let r = r.as_ref()?;
            let score = report::score(r, field)?;
            let by = r.fields.get(field).and_then(|state| state.shown()).map(|shown| {
                let who = shown
                    .author
                    .as_deref()
                    .map(ramp_core::identity::name_of)
                    .map_or_else(|| t!("someone"), str::to_owned);
                t!("scored-by", who = who, when = crate::components::day_and_time(shown.hlc.wall_ms))
            });
            let reason =
                (field == "faculty_score").then(|| r.text("faculty_note").trim().to_owned()).filter(|t| !t.is_empty());
            Some((score, by, reason))
        })
    };
    view! {
        <section class="score-card" data-testid=testid>
            <h2>{heading}</h2>
            {move || match scored() {
                None => view! { <p class="score-words empty">{t!("not-scored-yet")}</p> }.into_any(),
                Some((score, by, reason)) => view! {
                    <p class="score-value">{format!("{} — {}", crate::i18n::score(score), crate::i18n::level(score))}</p>
                    {reason.map(|reason| view! { <p class="score-reason"><strong>{t!("why")}" "</strong>{reason}</p> })}
                    {by.map(|by| view! { <p class="score-by">{by}</p> })}
                }.into_any(),
            }}
        </section>
    }
}
