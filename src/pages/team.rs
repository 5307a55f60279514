//! A team's page: its name and place, the button that starts a PDSA cycle, and its cycles,
//! newest first, each with the stage it has reached.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::{cycle, team_scope, Stage};

use crate::components::StageBadge;
use crate::pages::id_param;
use crate::store::LocalDb;
use crate::sync::Sync;

/// One line of the cycle list.
#[derive(Clone, PartialEq)]
struct CycleRow {
    id: String,
    title: String,
    change_idea: String,
    stage: Stage,
    dates: String,
}

/// The team's page.
#[component]
pub fn TeamPage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let team_id = id_param("team");
    let can_write = move || team_id.get().is_some_and(|id| sync.can_write(&team_scope(&id)));
    let team = Memo::new(move |_| {
        let id = team_id.get()?;
        local_db
            .with(|replica| replica.record(&id).filter(|r| !r.is_deleted()).map(|r| (r.text("name").to_owned(), id)))
    });
    let cycles = Memo::new(move |_| {
        let Some(id) = team_id.get() else { return Vec::new() };
        local_db.with(|replica| {
            cycle::newest_first(replica.local().values(), &team_scope(&id))
                .into_iter()
                .map(|r| CycleRow {
                    id: r.id.to_string(),
                    title: r.text("title").to_owned(),
                    change_idea: r.text("change_idea").to_owned(),
                    stage: Stage::of(r),
                    dates: dates(r.text("start"), r.text("end")),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        {move || match team.get() {
            None => view! { <crate::pages::NotFound/> }.into_any(),
            Some((name, id)) => {
                let start_href = format!("/teams/{id}/cycles/new");
                view! {
                <nav class="crumbs"><A href="/">"Teams"</A></nav>
                <h1 data-testid="team-name">{name}</h1>
                <Show when=can_write fallback=|| view! {
                    <p class="notice" data-testid="read-only">"You can read this team's work; only its members change it."</p>
                }>
                    <A href=start_href.clone() attr:class="button primary big" attr:data-testid="start-cycle">
                        "Start a PDSA cycle"
                    </A>
                </Show>
                <h2>"PDSA cycles"</h2>
                <Show when=move || cycles.with(Vec::is_empty)>
                    <p class="empty">"No cycles yet. A first cycle can be tiny: one patient, one clinician, one day."</p>
                </Show>
                <ul class="cards" data-testid="cycle-list">
                    <For each=move || cycles.get() key=|row| (row.id.clone(), row.title.clone(), row.stage.key()) let:row>
                        <li>
                            <A href=format!("/teams/{}/cycles/{}", id, row.id) attr:class="card">
                                <span class="card-title">{row.title}</span>
                                <span class="card-meta">{row.change_idea}</span>
                                <span class="card-foot">
                                    <StageBadge stage=row.stage/>
                                    <span class="card-meta">{row.dates}</span>
                                </span>
                            </A>
                        </li>
                    </For>
                </ul>
            }.into_any()
            }
        }}
    }
}

/// "2026-03-01 → 2026-03-07", or whichever part is known.
fn dates(start: &str, end: &str) -> String {
    match (start.is_empty(), end.is_empty()) {
        (false, false) => format!("{start} → {end}"),
        (false, true) => format!("From {start}"),
        (true, false) => format!("Until {end}"),
        (true, true) => String::new(),
    }
}
