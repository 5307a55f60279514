//! Storyboards for the learning sessions: a team's storyboard (`/teams/:team/storyboard`), one
//! page at phone width and two A4 landscape pages in print, and faculty's set of every team's
//! storyboard for one session side by side, printed as one set (`/collabs/:collab/storyboards`).
//!
//! What a storyboard holds is `ramp_core::spread::storyboard`'s, derived from the device's
//! records for the session picked. The team's two texts for the session are fields of the
//! report of the session's month, written here like any worksheet. Never writes IndexedDB
//! itself.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::period::Period;
use ramp_core::schema::Section;
use ramp_core::spread::storyboard::{self, Session, Storyboard};
use ramp_core::RecordId;

use crate::charts::MeasureChartView;
use crate::pages::collab::{collab_param, teams_of};
use crate::pages::measure::chart_data;
use crate::pages::reports::report_sheet;
use crate::pages::sheet::SheetFields;
use crate::pages::{for_team, today, TeamNav};
use crate::store::LocalDb;
use crate::sync::Sync;
use crate::t;

/// The learning sessions of a team's collaborative on this device (reactive).
fn sessions_of(collab: Option<RecordId>) -> Memo<Vec<Session>> {
    let local_db = expect_context::<LocalDb>();
    let collab = StoredValue::new(collab);
    Memo::new(move |_| match collab.get_value() {
        Some(collab) => local_db.with(|r| storyboard::learning_sessions(r.local().values(), &collab)),
        None => Vec::new(),
    })
}

/// The session picker: every learning session, the current one first picked.
#[component]
fn SessionPick(
    sessions: Memo<Vec<Session>>,
    picked: RwSignal<Option<RecordId>>,
    session: Memo<Option<Session>>,
) -> impl IntoView {
    view! {
        <div class="panel month-pick no-print">
            <label for="story-session">{t!("learning-session-label")}</label>
            <select id="story-session" data-testid="story-session"
                on:change=move |ev| picked.set(ramp_core::Uuid7::parse(&event_target_value(&ev)).ok())>
                {move || sessions.get().into_iter().map(|s| {
                    let id = s.id.clone();
                    let shown = move || session.with(|s| s.as_ref().map(|s| &s.id) == Some(&id));
                    view! { <option value=s.id.to_string() selected=shown>{crate::i18n::session_short(&s)}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The session picked, or the current one (reactive).
fn chosen(sessions: Memo<Vec<Session>>, picked: RwSignal<Option<RecordId>>) -> Memo<Option<Session>> {
    let now = today();
    Memo::new(move |_| {
        sessions.with(|all| {
            picked
                .get()
                .and_then(|id| all.iter().find(|s| s.id == id).cloned())
                .or_else(|| storyboard::current(all, &now).cloned())
        })
    })
}

/// A team's storyboard page.
#[component]
pub fn StoryboardPage() -> impl IntoView {
    for_team(|team| view! { <TeamStoryboard team=team/> })
}

#[component]
fn TeamStoryboard(team: RecordId) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let collab = sync.collab_of(&team).and_then(|c| ramp_core::Uuid7::parse(&c).ok());
    let sessions = sessions_of(collab);
    let picked = RwSignal::new(None::<RecordId>);
    let session = chosen(sessions, picked);
    let name = crate::pages::team_name(local_db, team.clone());
    crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("nav-storyboard")));
    let stored = StoredValue::new(team.clone());
    view! {
        <nav class="crumbs no-print"><A href=format!("/teams/{team}")>{name}</A></nav>
        <crate::pages::PrintHead kind=t!("nav-storyboard") team=team.clone()/>
        <h1>{t!("nav-storyboard")}</h1>
        <TeamNav team=team.clone()/>
        {move || if sessions.with(Vec::is_empty) {
            view! {
                <p class="empty" data-testid="story-none">{t!("story-none")}</p>
            }.into_any()
        } else {
            view! { <SessionPick sessions=sessions picked=picked session=session/> }.into_any()
        }}
        {move || session.get().map(|s| view! { <Board team=stored.get_value() session=s full=true/> })}
    }
}

/// Faculty's set: every team's storyboard for one session, side by side, printed as one set.
#[component]
pub fn StoryboardSetPage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let collab = collab_param();
    move || {
        let Some(collab) = collab.get() else { return view! { <crate::pages::NotFound/> }.into_any() };
        let sessions = sessions_of(Some(collab.clone()));
        let picked = RwSignal::new(None::<RecordId>);
        let session = chosen(sessions, picked);
        let stored = StoredValue::new(collab.clone());
        let teams = Memo::new(move |_| local_db.with(|r| teams_of(sync, r, &stored.get_value())));
        let name = move || {
            local_db.with(|r| r.record(&stored.get_value()).map(|c| c.text("name").to_owned()).unwrap_or_default())
        };
        crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("storyboards")));
        view! {
            <nav class="crumbs no-print"><A href=format!("/collabs/{collab}")>{name}</A></nav>
            <crate::pages::PrintHead kind=t!("storyboards")/>
            <h1>{t!("storyboards")}</h1>
            <SessionPick sessions=sessions picked=picked session=session/>
            <Show when=move || sessions.with(Vec::is_empty)>
                <p class="empty">{t!("add-learning-session")}</p>
            </Show>
            <button type="button" class="button no-print" on:click=|_| { let _ = window().print(); }>{t!("print-storyboards")}</button>
            <div class="storyboard-set" data-testid="storyboard-set">
                {move || session.get().map(|s| teams.get().into_iter().map(|(team, _)| {
                    view! { <Board team=team session=s.clone() full=false/> }
                }).collect_view())}
            </div>
        }
        .into_any()
    }
}

/// One team's storyboard for one session; `full` gives the team's words as a worksheet (its
/// own page), otherwise as plain words (faculty's set).
#[component]
fn Board(team: RecordId, session: Session, full: bool) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let board = {
        let (team, session) = (team.clone(), session.clone());
        Memo::new(move |_| {
            local_db.with(|r| storyboard::build(r.local().values(), &team, &session, &crate::i18n::AimWords))
        })
    };
    let b = move || board.get();
    let until = session.start.clone();
    let team_link = format!("/teams/{team}");
    let chart_team = team.clone();
    view! {
        <article class=if full { "storyboard full" } else { "storyboard" } data-testid="storyboard" data-team=move || b().name>
            <header class="story-head">
                <h2 class="story-team"><A href=team_link.clone()>{move || b().name}</A></h2>
                <p class="card-meta">{move || b().place}</p>
                <p class="story-session">{crate::i18n::session(&session)}</p>
                <p class="card-meta" data-testid="story-members">{move || {
                    let members = b().members;
                    if members.is_empty() { t!("members-none") } else { t!("members", names = members.join(", ")) }
                }}</p>
                <p class="story-score" data-testid="story-score">{move || match b().self_score {
                    Some((month, score)) => t!(
                        "story-own-score", month = crate::i18n::period(month), score = crate::i18n::score(score),
                        level = crate::i18n::level(score)
                    ),
                    None => t!("story-own-score-none"),
                }}</p>
            </header>
            <section class="story-aim">
                <h3>{t!("nav-aim")}</h3>
                <p>{move || { let aim = b().aim; if aim.is_empty() { t!("no-aim-written") } else { aim } }}</p>
                <p class="story-met" data-testid="story-aim-met">{move || match b().aim_met {
                    Some(true) => view! { <span class="pill improvement">{t!("aim-met")}</span> }.into_any(),
                    Some(false) => view! { <span class="pill">{t!("aim-not-met")}</span> }.into_any(),
                    None => view! { <span class="pill">{t!("aim-no-judge")}</span> }.into_any(),
                }}</p>
            </section>
            <section class="story-measures">
                <h3>{t!("nav-measures")}</h3>
                {move || {
                    let board: Storyboard = b();
                    board.measures.into_iter().map(|m| {
                        let kind = m.measure.text("measure_type").to_owned();
                        let name = m.measure.text("name").to_owned();
                        let data = local_db.with_untracked(|r| chart_data(r, &chart_team, m.measure.clone(), &m.series, Some(&until)));
                        view! {
                            <div class=format!("story-measure kind-{kind}") data-testid="story-measure">
                                <h4>{name}<span class="card-meta">{format!(" · {}", crate::pages::team::measure_kind(&kind))}</span></h4>
                                <MeasureChartView data=Signal::derive(move || Some(data.clone()))/>
                            </div>
                        }
                    }).collect_view()
                }}
            </section>
            <div class="story-back">
            <section class="story-drivers">
                <h3>{t!("drivers-in-brief")}</h3>
                {move || {
                    let drivers = b().drivers;
                    if drivers.is_empty() {
                        return view! { <p class="empty">{t!("no-ideas-under-driver")}</p> }.into_any();
                    }
                    view! {
                        <ul class="story-tree">
                            {drivers.into_iter().map(|d| view! {
                                <li><strong>{d.primary}</strong>
                                    <ul>{d.secondaries.into_iter().map(|(secondary, ideas)| view! {
                                        <li>{secondary}
                                            <ul>{ideas.into_iter().map(|i| view! {
                                                <li>{i.text}" "<span class=format!("stage-pill stage-{}", i.stage.key())>{crate::i18n::ramp_stage(i.stage)}</span></li>
                                            }).collect_view()}</ul>
                                        </li>
                                    }).collect_view()}</ul>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="story-ramps">
                <h3>{t!("ramps")}</h3>
                <ul class="story-ramp-list" data-testid="story-ramps">
                    {move || b().ramps.into_iter().map(|r| {
                        let d = r.decisions;
                        view! {
                            <li>
                                <span class="story-ramp-idea">{r.text}</span>
                                <span class="card-meta">{t!(
                                    "story-ramp", cycles = t!("cycles-count", count = r.cycles), adapt = d.adapt,
                                    adopt = d.adopt, abandon = d.abandon
                                )}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
            {if full {
                view! { <StoryWords team=team.clone() month=session.month/> }.into_any()
            } else {
                view! {
                    <section class="story-words">
                        <h3>{t!("what-we-learned")}</h3>
                        <p data-testid="story-learned">{move || { let w = b().learned; if w.is_empty() { t!("not-written-yet") } else { w } }}</p>
                        <h3>{t!("whats-next")}</h3>
                        <p data-testid="story-next">{move || { let w = b().next; if w.is_empty() { t!("not-written-yet") } else { w } }}</p>
                    </section>
                }.into_any()
            }}
            </div>
        </article>
    }
}

/// The team's two texts for the session, on the report of its month.
#[component]
fn StoryWords(team: RecordId, month: Period) -> impl IntoView {
    let sheet = report_sheet(&team, month);
    view! {
        <div class="story-words" data-testid="story-words">
            <SheetFields sheet=sheet sections=vec![Section::Storyboard]/>
        </div>
    }
}
