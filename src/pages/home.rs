//! The start page: the teams on this device, and the form to add one.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use ramp_core::{schema, team_scope, Draft, Kind};

use crate::components::CreateForm;
use crate::pages::creation;
use crate::store::{new_id, LocalDb};
use crate::sync::Sync;

/// Lists the teams; a first-time visitor is asked to create one.
#[component]
pub fn HomePage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let teams = Memo::new(move |_| {
        local_db.with(|replica| {
            let mut teams: Vec<_> = replica
                .local()
                .values()
                .filter(|r| r.kind == Kind::Team && !r.is_deleted())
                .map(|r| (r.id.clone(), r.text("name").to_owned(), place(r.text("organization"), r.text("site"))))
                .collect();
            teams.sort_by_key(|team| team.1.to_lowercase());
            teams
        })
    });
    let navigate = use_navigate();
    let create = move |draft: Draft| {
        let id = new_id();
        let edits = creation(&id, Kind::Team, &team_scope(&id), &draft);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if local_db.save(edits).await.is_ok() {
                navigate(&format!("/teams/{id}"), Default::default());
            }
        });
    };
    let has_teams = move || teams.with(|t| !t.is_empty());
    view! {
        <Show when=has_teams fallback=move || view! {
            <h1>"Welcome to Ramp"</h1>
            <p class="lead">"Plan, run and learn from PDSA cycles with your team, on this device, with or without a signal."</p>
            <p class="lead" data-testid="home-next-step">{move || if sync.session().is_some() {
                "Your team appears here after the first sync with the server."
            } else {
                "Start by naming your team."
            }}</p>
        }>
            <h1>"Your teams"</h1>
            <ul class="cards">
                <For each=move || teams.get() key=|t| t.0.clone() let:team>
                    <li>
                        <A href=format!("/teams/{}", team.0) attr:class="card">
                            <span class="card-title">{team.1}</span>
                            <span class="card-meta">{team.2}</span>
                        </A>
                    </li>
                </For>
            </ul>
        </Show>
        // Signed in, teams come from the collaborative; before that, a team lives on the device.
        <Show when=move || sync.session().is_none()>
            <section class="panel">
                <h2>{move || if has_teams() { "Add another team" } else { "Create your team" }}</h2>
                <CreateForm initial=Draft::new(Kind::Team) fields=schema::fields(Kind::Team).iter().collect()
                    submit_label="Create team" on_submit=create.clone()/>
            </section>
            <p>"Part of a collaborative? " <A href="/signin">"Sign in or join your team"</A> "."</p>
        </Show>
    }
}

/// "Organization · Site", leaving out what is blank.
fn place(organization: &str, site: &str) -> String {
    [organization, site].into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(" · ")
}
