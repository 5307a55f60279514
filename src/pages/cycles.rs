//! All of a team's PDSA cycles, newest first, with the button that starts one.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::{cycle, team_scope};

use crate::pages::team::{CycleList, CycleRow};
use crate::pages::{for_team, TeamNav};
use crate::store::LocalDb;
use crate::sync::Sync;

/// The team's cycles page.
#[component]
pub fn CyclesPage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    for_team(move |team| {
        let scope = team_scope(&team);
        let rows = {
            let scope = scope.clone();
            Signal::derive(move || {
                local_db.with(|r| {
                    cycle::newest_first(r.local().values(), &scope).into_iter().map(|c| CycleRow::of(r, c)).collect()
                })
            })
        };
        let name = crate::pages::team_name(local_db, team.clone());
        let start_href = format!("/teams/{team}/cycles/new");
        view! {
            <nav class="crumbs no-print"><A href="/">"Teams"</A></nav>
            <h1>{name}</h1>
            <TeamNav team=team.clone()/>
            <Show when=move || sync.can_write(&scope)>
                <A href=start_href.clone() attr:class="button primary big" attr:data-testid="start-cycle">
                    "Start a PDSA cycle"
                </A>
            </Show>
            <h2>"PDSA cycles"</h2>
            <CycleList team=team.clone() rows=rows/>
        }
    })
}
