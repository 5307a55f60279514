//! The pages, one per route. A page reads route params and `LocalDb`, owns its page state,
//! and calls store actions; it draws with `components` and never touches IndexedDB.

mod activity;
mod aim;
mod collab;
pub(crate) mod comments;
mod cycle;
mod cycles;
mod dashboard;
mod drivers;
mod home;
mod idea;
mod library;
mod measure;
mod measures;
mod new_cycle;
mod not_found;
mod people;
mod reports;
mod settings;
mod sheet;
mod sign_in;
mod storyboard;
pub(crate) mod team;

pub use activity::ActivityPage;
pub use aim::AimPage;
pub use collab::{CollabPage, CommonMeasurePage, ComparePage};
pub use comments::{CommentThread, Seen, UnreadComments};
pub use cycle::CyclePage;
pub use cycles::CyclesPage;
pub use dashboard::DashboardPage;
pub use drivers::{DriverPage, DriversPage};
pub use home::HomePage;
pub use idea::IdeaPage;
pub use library::LibraryPage;
pub use measure::MeasurePage;
pub use measures::MeasuresPage;
pub use new_cycle::NewCyclePage;
pub use not_found::NotFound;
pub use people::PeoplePage;
pub use reports::{ReportPage, ReportsPage};
pub use settings::SettingsPage;
pub use sign_in::SignInPage;
pub use storyboard::{StoryboardPage, StoryboardSetPage};
pub use team::TeamPage;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use ramp_core::{team_scope, Draft, Edit, Kind, Record, RecordId, Replica, Uuid7};

use crate::t;

/// "3 PDSA cycles": a count of records of a kind, in the reader's language.
pub(crate) fn count_of(kind: Kind, n: usize) -> String {
    crate::i18n::text(&format!("count-{}", kind.as_str()), &[("count", n.into())])
}

/// The record id in a route parameter, if it is a well-formed id (reactive).
fn id_param(name: &'static str) -> Memo<Option<RecordId>> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get(name).and_then(|text| Uuid7::parse(&text).ok()))
}

/// The team in the route, if it is a live team on this device (reactive).
fn team_param() -> Memo<Option<RecordId>> {
    let local_db = expect_context::<crate::store::LocalDb>();
    let team_id = id_param("team");
    Memo::new(move |_| team_id.get().filter(|id| local_db.with(|r| team_exists(r, id))))
}

/// A team's page: `page` drawn for the team in the route, or Not found when this device has
/// no such team (reactive: the page follows the route and the team's arrival by sync).
fn for_team<V: IntoView + 'static>(page: impl Fn(RecordId) -> V + Send + Sync + 'static) -> impl IntoView {
    let team = team_param();
    move || match team.get() {
        None => view! { <NotFound/> }.into_any(),
        Some(team) => page(team).into_any(),
    }
}

/// The edits that save a draft's changes to a record.
fn edits(record: &RecordId, kind: Kind, scope: &str, changes: Vec<(String, ramp_core::Value)>) -> Vec<Edit> {
    changes
        .into_iter()
        .map(|(field, value)| Edit { record: record.clone(), kind, scope: scope.to_owned(), field, value })
        .collect()
}

/// The edits that create a new record from a valid draft.
fn creation(record: &RecordId, kind: Kind, scope: &str, draft: &Draft) -> Vec<Edit> {
    edits(record, kind, scope, draft.changes(None))
}

/// Today's date on this device, as `YYYY-MM-DD`.
pub(crate) fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// The live records of one kind in a scope, in creation order.
fn live<'a>(replica: &'a Replica, scope: &str, kind: Kind) -> Vec<&'a Record> {
    let mut records: Vec<&Record> =
        replica.local().values().filter(|r| r.kind == kind && r.scope == scope && !r.is_deleted()).collect();
    ramp_core::order::sort_by(&mut records, |a, b| a.id.cmp(&b.id));
    records
}

/// The records a link field of `kind` can point to, as (id, label); never the record itself.
fn link_options(replica: &Replica, scope: &str, kind: Kind, field: &str, own: &RecordId) -> Vec<(String, String)> {
    let list = |target: Kind, label: &dyn Fn(&Record) -> String| {
        live(replica, scope, target)
            .into_iter()
            .filter(|r| &r.id != own)
            .map(|r| (r.id.to_string(), label(r)))
            .collect::<Vec<_>>()
    };
    match (kind, field) {
        (Kind::Cycle, "change_idea") => list(Kind::ChangeIdea, &|r| r.text("text").to_owned()),
        // A cycle follows one of its own idea's ramp (and keeps whatever it follows now).
        (Kind::Cycle, "previous") => {
            let own_record = replica.record(own);
            let idea = own_record.map(|c| c.text("change_idea")).unwrap_or_default();
            let current = own_record.map(|c| c.text("previous")).unwrap_or_default();
            live(replica, scope, Kind::Cycle)
                .into_iter()
                .filter(|r| &r.id != own)
                .filter(|r| idea.is_empty() || r.text("change_idea") == idea || r.id.as_str() == current)
                .map(|r| (r.id.to_string(), r.text("title").to_owned()))
                .collect()
        }
        (Kind::Cycle | Kind::Datapoint, "measure") => list(Kind::Measure, &|r| r.text("name").to_owned()),
        (Kind::Driver, "links") => live(replica, scope, Kind::Driver)
            .into_iter()
            .filter(|r| &r.id != own && r.text("level") == "primary")
            .map(|r| (r.id.to_string(), r.text("text").to_owned()))
            .collect(),
        (Kind::ChangeIdea, "drivers") => {
            let mut drivers = list(Kind::Driver, &|r| {
                let level = if r.text("level") == "primary" { "primary" } else { "secondary" };
                format!("{} ({level})", r.text("text"))
            });
            ramp_core::order::sort_by_key(&mut drivers, |(_, label)| label.ends_with("(primary)"));
            drivers
        }
        _ => Vec::new(),
    }
}

/// The parts of a team's work, one link each, the current one marked.
#[component]
fn TeamNav(
    /// The team.
    team: RecordId,
) -> impl IntoView {
    let base = format!("/teams/{team}");
    let sync = expect_context::<crate::sync::Sync>();
    let scope = team_scope(&team);
    let activity = format!("{base}/activity");
    let people = format!("{base}/people");
    let removed = {
        let scope = scope.clone();
        move || sync.removed_from(&scope)
    };
    let governs = move || sync.governs(&scope);
    let links = [
        ("", t!("nav-overview")),
        ("/aim", t!("nav-aim")),
        ("/measures", t!("nav-measures")),
        ("/drivers", t!("nav-drivers")),
        ("/cycles", t!("nav-cycles")),
        ("/reports", t!("nav-reports")),
        ("/storyboard", t!("nav-storyboard")),
    ];
    view! {
        <nav class="team-nav no-print" aria-label=t!("nav-label")>
            {links.into_iter().map(|(path, label)| {
                // The router marks the current link with aria-current="page".
                view! { <A href=format!("{base}{path}") exact=path.is_empty()>{label}</A> }
            }).collect_view()}
            <Show when=governs>
                <A href=activity.clone()>{t!("nav-activity")}</A>
                <A href=people.clone()>{t!("nav-people")}</A>
            </Show>
        </nav>
        <OtherTeamBanner team=team.clone()/>
        <Show when=removed>
            <section class="panel removed-banner" role="status" data-testid="removed">
                <h2>{t!("removed-title")}</h2>
                <p>{t!("removed-text")}</p>
                <p>{t!("removed-unsent-before")}
                    <A href="/settings#refused">{t!("settings")}</A>
                    {t!("removed-unsent-after")}</p>
            </section>
        </Show>
    }
}

/// On another team's pages: whose work this is, that the person reads and comments but never
/// changes it, and, once sharing has ended, that what this device holds is as it was then.
#[component]
fn OtherTeamBanner(team: RecordId) -> impl IntoView {
    let sync = expect_context::<crate::sync::Sync>();
    let scope = team_scope(&team);
    let other = {
        let scope = scope.clone();
        move || sync.is_other_team(&scope)
    };
    let shared = StoredValue::new(scope.clone());
    let shared = move || sync.standing(&shared.get_value()).reads;
    view! {
        <Show when=other>
            <section class="panel other-team-banner" role="status" data-testid="other-team">
                {move || if shared() {
                    view! {
                        <h2>{t!("other-team-title")}</h2>
                        <p>{t!("other-team-text")}</p>
                    }.into_any()
                } else {
                    view! {
                        <h2>{t!("sharing-ended-title")}</h2>
                        <p>{t!("sharing-ended-text")}</p>
                    }.into_any()
                }}
            </section>
        </Show>
    }
}

/// The team's name (reactive), or "" when the team is unknown.
fn team_name(
    local_db: crate::store::LocalDb,
    team: RecordId,
) -> impl Fn() -> String + Copy + Send + std::marker::Sync + 'static {
    let team = StoredValue::new(team);
    move || local_db.with(|r| r.record(&team.get_value()).map(|t| t.text("name").to_owned())).unwrap_or_default()
}

/// The head of a printout: what it is and whose ("PDSA worksheet · Ward 7 Falls Team"), and how
/// fresh its data is, so a page on a wall or in a binder says when it was true.
#[component]
pub(crate) fn PrintHead(
    /// What is printed ("PDSA worksheet").
    #[prop(into)]
    kind: Signal<String>,
    /// The team it belongs to, if any.
    #[prop(optional)]
    team: Option<RecordId>,
) -> impl IntoView {
    let local_db = expect_context::<crate::store::LocalDb>();
    let sync = expect_context::<crate::sync::Sync>();
    let team_name = team.map(|team| team_name(local_db, team));
    let head = move || match &team_name {
        Some(name) => format!("{} · {}", kind.get(), name()),
        None => kind.get(),
    };
    let as_of = move || match sync.state() {
        crate::sync::SyncState::Synced(at) => {
            t!("print-as-of", when = crate::components::day_and_time(at as u64))
        }
        _ => t!("print-as-of-unsynced", when = crate::components::day_and_time(crate::store::now_ms())),
    };
    view! {
        <p class="print-only print-kind">{head}</p>
        <p class="print-only print-asof" data-testid="print-asof">{as_of}</p>
    }
}

/// Names the browser tab (and the history entry, and what a screen reader announces on
/// arrival) after the page while it is shown: "Ward 7 Falls Team · PDSA: Huddle test 1 · Ramp".
pub(crate) fn page_title(title: impl Fn() -> String + Send + std::marker::Sync + 'static) {
    Effect::new(move |_| {
        let title = title();
        let title = if title.trim().is_empty() { "Ramp".to_owned() } else { format!("{title} · Ramp") };
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });
}

/// Whether `team` is a live team on this device.
fn team_exists(replica: &Replica, team: &RecordId) -> bool {
    replica.record(team).is_some_and(|r| r.kind == Kind::Team && r.scope == team_scope(team) && !r.is_deleted())
}
