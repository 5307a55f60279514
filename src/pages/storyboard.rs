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
use ramp_core::{report, RecordId};

use crate::charts::MeasureChartView;
use crate::pages::collab::{collab_param, teams_of};
use crate::pages::measure::chart_data;
use crate::pages::reports::report_sheet;
use crate::pages::sheet::SheetFields;
use crate::pages::{for_team, today, TeamNav};
use crate::store::LocalDb;
use crate::sync::Sync;

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
            <label for="story-session">"Learning session"</label>
            <select id="story-session" data-testid="story-session"
                on:change=move |ev| picked.set(ramp_core::Uuid7::parse(&event_target_value(&ev)).ok())>
                {move || sessions.get().into_iter().map(|s| {
                    let id = s.id.clone();
                    let shown = move || session.with(|s| s.as_ref().map(|s| &s.id) == Some(&id));
                    view! { <option value=s.id.to_string() selected=shown>{s.label()}</option> }
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
    crate::pages::page_title(move || format!("{} · Storyboard", name()));
    let stored = StoredValue::new(team.clone());
    view! {
        <nav class="crumbs no-print"><A href=format!("/teams/{team}")>{name}</A></nav>
        <crate::pages::PrintHead kind="Storyboard" team=team.clone()/>
        <h1>"Storyboard"</h1>
        <TeamNav team=team.clone()/>
        {move || if sessions.with(Vec::is_empty) {
            view! {
                <p class="empty" data-testid="story-none">"The storyboard belongs to a learning session: it appears once the \
                    collaborative's calendar on this device has one."</p>
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
        crate::pages::page_title(move || format!("{} · Storyboards", name()));
        view! {
            <nav class="crumbs no-print"><A href=format!("/collabs/{collab}")>{name}</A></nav>
            <crate::pages::PrintHead kind="Storyboards"/>
            <h1>"Storyboards"</h1>
            <SessionPick sessions=sessions picked=picked session=session/>
            <Show when=move || sessions.with(Vec::is_empty)>
                <p class="empty">"Add a learning session to the calendar: storyboards belong to one."</p>
            </Show>
            <button type="button" class="button no-print" on:click=|_| { let _ = window().print(); }>"Print every storyboard"</button>
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
                <p class="story-session">{session.label()}</p>
                <p class="card-meta" data-testid="story-members">{move || {
                    let members = b().members;
                    if members.is_empty() { "Members: none recorded on this device yet".to_owned() } else { format!("Members: {}", members.join(", ")) }
                }}</p>
                <p class="story-score" data-testid="story-score">{move || match b().self_score {
                    Some((month, score)) => format!("Team's own score, {}: {score:.1} — {}", month.label(), report::level_words(score)),
                    None => "Team's own score: not given yet".to_owned(),
                }}</p>
            </header>
            <section class="story-aim">
                <h3>"Aim"</h3>
                <p>{move || { let aim = b().aim; if aim.is_empty() { "No aim written yet.".to_owned() } else { aim } }}</p>
                <p class="story-met" data-testid="story-aim-met">{move || match b().aim_met {
                    Some(true) => view! { <span class="pill improvement">"Aim met"</span> }.into_any(),
                    Some(false) => view! { <span class="pill">"Aim not met yet"</span> }.into_any(),
                    None => view! { <span class="pill">"No outcome measure with a goal to judge by"</span> }.into_any(),
                }}</p>
            </section>
            <section class="story-measures">
                <h3>"Measures"</h3>
                {move || {
                    let board: Storyboard = b();
                    board.measures.into_iter().map(|m| {
                        let kind = m.measure.text("measure_type").to_owned();
                        let name = m.measure.text("name").to_owned();
                        let data = local_db.with_untracked(|r| chart_data(r, &chart_team, m.measure.clone(), &m.series, Some(&until)));
                        view! {
                            <div class=format!("story-measure kind-{kind}") data-testid="story-measure">
                                <h4>{name}<span class="card-meta">{format!(" · {kind}")}</span></h4>
                                <MeasureChartView data=Signal::derive(move || Some(data.clone()))/>
                            </div>
                        }
                    }).collect_view()
                }}
            </section>
            <div class="story-back">
            <section class="story-drivers">
                <h3>"Driver diagram in brief"</h3>
                {move || {
                    let drivers = b().drivers;
                    if drivers.is_empty() {
                        return view! { <p class="empty">"No change ideas tested under a driver yet."</p> }.into_any();
                    }
                    view! {
                        <ul class="story-tree">
                            {drivers.into_iter().map(|d| view! {
                                <li><strong>{d.primary}</strong>
                                    <ul>{d.secondaries.into_iter().map(|(secondary, ideas)| view! {
                                        <li>{secondary}
                                            <ul>{ideas.into_iter().map(|i| view! {
                                                <li>{i.text}" "<span class=format!("stage-pill stage-{}", i.stage.key())>{i.stage.words()}</span></li>
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
                <h3>"Ramps"</h3>
                <ul class="story-ramp-list" data-testid="story-ramps">
                    {move || b().ramps.into_iter().map(|r| {
                        let d = r.decisions;
                        view! {
                            <li>
                                <span class="story-ramp-idea">{r.text}</span>
                                <span class="card-meta">{format!(
                                    "{} {} · adapt {}, adopt {}, abandon {}",
                                    r.cycles, if r.cycles == 1 { "cycle" } else { "cycles" }, d.adapt, d.adopt, d.abandon
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
                        <h3>"What we learned"</h3>
                        <p data-testid="story-learned">{move || { let t = b().learned; if t.is_empty() { "Not written yet.".to_owned() } else { t } }}</p>
                        <h3>"What's next"</h3>
                        <p data-testid="story-next">{move || { let t = b().next; if t.is_empty() { "Not written yet.".to_owned() } else { t } }}</p>
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
