//! All of a team's PDSA cycles, newest first, with the button that starts one. Shows how many
//! there are and the newest fifty, then fifty more at a time (a team with years of cycles
//! would otherwise draw thousands of cards on every change).

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::{cycle, team_scope};

use crate::pages::team::{CycleList, CycleRow};
use crate::pages::{for_team, TeamNav};
use crate::store::LocalDb;
use crate::sync::Sync;
use crate::t;

/// How many cycles are drawn at first, and added by "Show older cycles".
const PAGE: usize = 50;

/// The team's cycles page.
#[component]
pub fn CyclesPage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    for_team(move |team| {
        let scope = team_scope(&team);
        let shown = RwSignal::new(PAGE);
        let total = {
            let scope = scope.clone();
            Memo::new(move |_| local_db.with(|r| cycle::newest_first(r.local().values(), &scope).len()))
        };
        let rows = {
            let scope = scope.clone();
            Signal::derive(move || {
                let shown = shown.get();
                local_db.with(|r| {
                    cycle::newest_first(r.local().values(), &scope)
                        .into_iter()
                        .take(shown)
                        .map(|c| CycleRow::of(r, c))
                        .collect()
                })
            })
        };
        let name = crate::pages::team_name(local_db, team.clone());
        let start_href = format!("/teams/{team}/cycles/new");
        crate::pages::page_title(move || t!("title-cycles", team = name()));
        view! {
            <nav class="crumbs no-print"><A href="/">{t!("crumb-teams")}</A></nav>
            <h1>{name}</h1>
            <TeamNav team=team.clone()/>
            <Show when=move || sync.can_write(&scope)>
                <A href=start_href.clone() attr:class="button primary big" attr:data-testid="start-cycle">
                    {t!("start-cycle")}
                </A>
            </Show>
            <h2>{t!("nav-cycles")}</h2>
            <p class="card-meta" data-testid="cycle-count">
                {move || crate::pages::count_of(ramp_core::Kind::Cycle, total.get())}
                {move || (total.get() > shown.get()).then(|| t!("newest-shown", count = shown.get()))}
            </p>
            <CycleList team=team.clone() rows=rows/>
            <Show when=move || { total.get() > shown.get() }>
                <button type="button" class="secondary" data-testid="more-cycles"
                    on:click=move |_| shown.update(|n| *n += PAGE)>{t!("show-older-cycles")}</button>
            </Show>
        }
    })
}
