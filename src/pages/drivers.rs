//! The driver diagram: aim → primary drivers → secondary drivers → change ideas. A collapsible
//! tree on phones, a diagram in columns on tablets (the layout is `ramp-core`'s); the forms
//! that add drivers and ideas; and one driver's page.
//!
//! Never writes IndexedDB itself; never decides links or layout.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use ramp_core::drivers::{Branch, Drivers, Leaf};
use ramp_core::schema::Section;
use ramp_core::{aim, schema, team_scope, Draft, Kind, RecordId, Value};

use crate::components::CreateForm;
use crate::pages::sheet::{DeleteButton, DeletionConflict, Sheet, SheetFields};
use crate::pages::{creation, for_team, id_param, TeamNav};
use crate::store::{new_id, LocalDb};
use crate::sync::Sync;
use crate::t;

/// What the person is adding to the diagram.
#[derive(Clone, Copy, PartialEq)]
enum Adding {
    Primary,
    Secondary,
    Idea,
}

/// Height of one row of the diagram, in pixels.
const ROW: f64 = 88.0;

/// The drivers page.
#[component]
pub fn DriversPage() -> impl IntoView {
    for_team(|team| view! { <DriverDiagram team=team/> })
}

#[component]
fn DriverDiagram(team: RecordId) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let scope = team_scope(&team);
    let name = crate::pages::team_name(local_db, team.clone());
    let aim_id = aim::id(&team);
    let aim_text = Memo::new(move |_| {
        local_db
            .with(|r| {
                r.record(&aim_id).map(|a| {
                    let own = a.text("statement").trim().to_owned();
                    if own.is_empty() {
                        aim::suggest(a, &crate::i18n::AimWords)
                    } else {
                        own
                    }
                })
            })
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| t!("aim-not-written"))
    });
    let tree = {
        let scope = scope.clone();
        Memo::new(move |_| local_db.with(|r| Drivers::of(r.local().values(), &scope).tree()))
    };
    let diagram = {
        let scope = scope.clone();
        Memo::new(move |_| {
            let aim = aim_text.get();
            local_db.with(|r| Drivers::of(r.local().values(), &scope).diagram(&aim))
        })
    };
    let base = format!("/teams/{team}");
    let node_href = {
        let base = base.clone();
        move |column: usize, id: &Option<RecordId>| match (column, id) {
            (0, _) | (_, None) => format!("{base}/aim"),
            (3, Some(id)) => format!("{base}/ideas/{id}"),
            (_, Some(id)) => format!("{base}/drivers/{id}"),
        }
    };
    let navigate = use_navigate();
    let adding = RwSignal::new(None::<Adding>);
    let add = Callback::new(move |(kind, level, draft): (Kind, Option<&'static str>, Draft)| {
        let id = new_id();
        let edits = creation(&id, kind, &scope, &draft);
        let target = match (kind, level) {
            (Kind::ChangeIdea, _) => Some(format!("{base}/ideas/{id}")),
            (_, Some("secondary")) => Some(format!("{base}/drivers/{id}")),
            _ => None,
        };
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if local_db.save(edits).await.is_ok() {
                adding.set(None);
                if let Some(target) = target {
                    navigate(&target, Default::default());
                }
            }
        });
    });
    let driver_draft = |level: &str| {
        let mut draft = Draft::new(Kind::Driver);
        draft.set("level", Value::Text(level.into()));
        draft
    };
    let text_field = |kind: Kind| vec![schema::spec(kind, "text").expect("drivers and ideas have text")];
    let can_write = {
        let scope = team_scope(&team);
        move || sync.can_write(&scope)
    };
    let team_for_tree = team.clone();
    crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("drivers-and-ideas")));
    view! {
        <nav class="crumbs no-print"><A href=format!("/teams/{team}")>{name}</A></nav>
        <h1>{t!("drivers-and-ideas")}</h1>
        <TeamNav team=team.clone()/>
        <crate::pages::PrintHead kind=t!("print-drivers") team=team.clone()/>
        <p class="lead no-print">{t!("drivers-lead")}</p>
        <div class="tree" data-testid="driver-tree">
            <p class="tree-aim">{move || aim_text.get()}</p>
            {move || {
                let tree = tree.get();
                let team = team_for_tree.clone();
                view! {
                    <ul class="tree-list">
                        {tree.primaries.into_iter().map(|p| view! { <BranchView team=team.clone() branch=p level="primary"/> }).collect_view()}
                    </ul>
                    <Show when={let loose = tree.loose_secondaries.is_empty(); move || !loose}>
                        <p class="tree-note">{t!("loose-secondaries")}</p>
                    </Show>
                    <ul class="tree-list">
                        {tree.loose_secondaries.into_iter().map(|s| view! { <BranchView team=team.clone() branch=s level="secondary"/> }).collect_view()}
                    </ul>
                    <Show when={let loose = tree.loose_ideas.is_empty(); move || !loose}>
                        <p class="tree-note">{t!("loose-ideas")}</p>
                    </Show>
                    <ul class="tree-list">
                        {tree.loose_ideas.into_iter().map(|i| view! { <li><IdeaLink team=team.clone() leaf=i/></li> }).collect_view()}
                    </ul>
                }
            }}
        </div>
        <div class="diagram-wrap" data-testid="driver-diagram">
            <div class="diagram-heads" aria-hidden="true">
                <span>{t!("nav-aim")}</span><span>{t!("primary-drivers")}</span><span>{t!("secondary-drivers")}</span><span>{t!("change-ideas")}</span>
            </div>
            {move || {
                let d = diagram.get();
                let height = d.rows * ROW;
                let lines = d.edges.iter().map(|(from, to)| {
                    let (a, b) = (&d.nodes[*from], &d.nodes[*to]);
                    let x1 = a.column as f64 * 25.0 + 23.5;
                    let x2 = b.column as f64 * 25.0 + 0.5;
                    let (y1, y2) = (a.row * ROW + ROW / 2.0 - 6.0, b.row * ROW + ROW / 2.0 - 6.0);
                    view! { <line x1=x1 y1=y1 x2=x2 y2=y2 vector-effect="non-scaling-stroke"/> }
                }).collect_view();
                let boxes = d.nodes.clone().into_iter().map(|n| {
                    // Positions go through CSSOM (style:…), which the CSP allows; style attributes it would not.
                    let (left, top) = (format!("{}%", n.column as f64 * 25.0 + 0.5), format!("{}px", n.row * ROW));
                    let class = format!("node node-{}", n.column);
                    let title = n.text.clone();
                    view! { <a href=node_href(n.column, &n.id) class=class style:left=left style:top=top title=title>{n.text}</a> }
                }).collect_view();
                view! {
                    <div class="diagram" style:height=format!("{height}px")>
                        <svg class="diagram-lines" viewBox=format!("0 0 100 {height}") preserveAspectRatio="none" aria-hidden="true">
                            {lines}
                        </svg>
                        {boxes}
                    </div>
                }
            }}
        </div>
        <Show when=can_write.clone()>
            <section class="panel no-print" data-testid="add-drivers">
                <h2>{t!("add-to-diagram")}</h2>
                <div class="button-row">
                    <button type="button" data-testid="add-primary" on:click=move |_| adding.set(Some(Adding::Primary))>{t!("a-primary-driver")}</button>
                    <button type="button" data-testid="add-secondary" on:click=move |_| adding.set(Some(Adding::Secondary))>{t!("a-secondary-driver")}</button>
                    <button type="button" data-testid="add-idea" on:click=move |_| adding.set(Some(Adding::Idea))>{t!("a-change-idea")}</button>
                </div>
                {move || adding.get().map(|what| {
                    let (draft, kind, label) = match what {
                        Adding::Primary => (driver_draft("primary"), Kind::Driver, t!("add-primary-driver")),
                        Adding::Secondary => (driver_draft("secondary"), Kind::Driver, t!("add-secondary-driver")),
                        Adding::Idea => (Draft::new(Kind::ChangeIdea), Kind::ChangeIdea, t!("add-change-idea")),
                    };
                    let level = match what { Adding::Primary => Some("primary"), Adding::Secondary => Some("secondary"), Adding::Idea => None };
                    view! { <CreateForm field=crate::components::any_field initial=draft fields=text_field(kind) submit_label=label on_submit=move |draft| add.run((kind, level, draft))/> }
                })}
            </section>
        </Show>
    }
}

/// A driver in the tree, open by default, with what hangs under it.
#[component]
fn BranchView(team: RecordId, branch: Branch, level: &'static str) -> AnyView {
    let href = format!("/teams/{team}/drivers/{}", branch.id);
    view! {
        <li>
            // A heading link and its branch, always open: a toggle around the link would be one
            // control inside another (axe: nested-interactive), and the tree is short.
            <div class=format!("branch branch-{level}")>
                <p class="branch-head"><A href=href>{branch.text}</A></p>
                <ul class="tree-list">
                    {branch.secondaries.into_iter().map(|s| view! { <BranchView team=team.clone() branch=s level="secondary"/> }).collect_view()}
                    {branch.ideas.into_iter().map(|i| view! { <li><IdeaLink team=team.clone() leaf=i/></li> }).collect_view()}
                </ul>
            </div>
        </li>
    }
    .into_any()
}

#[component]
fn IdeaLink(team: RecordId, leaf: Leaf) -> impl IntoView {
    view! { <A href=format!("/teams/{team}/ideas/{}", leaf.id) attr:class="tree-idea">{leaf.text}</A> }
}

/// One driver's page: its words, its level and the primary drivers it serves.
#[component]
pub fn DriverPage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let team_id = id_param("team");
    let driver_id = id_param("driver");
    let found = Memo::new(move |_| {
        let (team, driver) = (team_id.get()?, driver_id.get()?);
        let ok = local_db.with(|r| {
            r.record(&driver).is_some_and(|d| d.kind == Kind::Driver && d.scope == team_scope(&team) && !d.is_deleted())
        });
        ok.then_some((team, driver))
    });
    move || match found.get() {
        None => view! { <crate::pages::NotFound/> }.into_any(),
        Some((team, driver)) => {
            let sheet = Sheet::new(&team, driver.clone(), Kind::Driver);
            let title = move || sheet.value("text").as_text().to_owned();
            let back = format!("/teams/{team}/drivers");
            let scope = team_scope(&team);
            let below = Memo::new(move |_| {
                local_db.with(|r| {
                    let drivers = Drivers::of(r.local().values(), &scope);
                    let secondaries: Vec<(String, String)> = drivers
                        .secondaries_of(&driver)
                        .iter()
                        .map(|s| (s.id.to_string(), s.text("text").to_owned()))
                        .collect();
                    let ideas: Vec<(String, String)> = drivers
                        .ideas_of(&driver)
                        .iter()
                        .map(|i| (i.id.to_string(), i.text("text").to_owned()))
                        .collect();
                    (secondaries, ideas)
                })
            });
            let base = format!("/teams/{team}");
            let team_name = crate::pages::team_name(local_db, team.clone());
            crate::pages::page_title(move || {
                t!("title-team-page", team = team_name(), page = t!("title-driver", name = title()))
            });
            view! {
                <nav class="crumbs no-print"><A href=back.clone()>{t!("drivers-and-ideas")}</A></nav>
                <DeletionConflict sheet=sheet/>
                <h1>{title}</h1>
                <SheetFields sheet=sheet sections=vec![Section::Driver]/>
                <section class="overview-block" data-testid="driver-below">
                    {move || {
                        let (secondaries, ideas) = below.get();
                        let base = base.clone();
                        view! {
                            {(!secondaries.is_empty()).then(|| view! {
                                <h2>{t!("secondaries-under")}</h2>
                                <ul class="cards">{secondaries.into_iter().map(|(id, text)| view! {
                                    <li><A href=format!("{base}/drivers/{id}") attr:class="card">{text}</A></li>
                                }).collect_view()}</ul>
                            })}
                            <h2>{t!("ideas-working-on")}</h2>
                            {if ideas.is_empty() {
                                view! { <p class="empty">{t!("none-yet-link-ideas")}</p> }.into_any()
                            } else {
                                view! { <ul class="cards">{ideas.into_iter().map(|(id, text)| view! {
                                    <li><A href=format!("{base}/ideas/{id}") attr:class="card">{text}</A></li>
                                }).collect_view()}</ul> }.into_any()
                            }}
                        }
                    }}
                </section>
                <DeleteButton sheet=sheet back=back/>
            }
            .into_any()
        }
    }
}
