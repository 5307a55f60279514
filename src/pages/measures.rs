//! The team's family of measures: outcome, process and balancing measures with their latest
//! values, and the short form that adds one (the rest of its definition comes later).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use ramp_core::schema::{self, Section};
use ramp_core::{team_scope, Draft, Kind, Value};

use crate::components::CreateForm;
use crate::pages::team::{measure_rows, MeasureCards};
use crate::pages::{creation, for_team, TeamNav};
use crate::store::{new_id, LocalDb};
use crate::sync::Sync;
use crate::t;

/// The measures page.
#[component]
pub fn MeasuresPage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let navigate = use_navigate();
    for_team(move |team| {
        let scope = team_scope(&team);
        let rows = {
            let scope = scope.clone();
            Memo::new(move |_| local_db.with(|r| measure_rows(r, &scope)))
        };
        let create = {
            let (navigate, team, scope) = (navigate.clone(), team.clone(), scope.clone());
            move |draft: Draft| {
                let id = new_id();
                let edits = creation(&id, Kind::Measure, &scope, &draft);
                let (navigate, team) = (navigate.clone(), team.clone());
                leptos::task::spawn_local(async move {
                    if local_db.save(edits).await.is_ok() {
                        navigate(&format!("/teams/{team}/measures/{id}"), Default::default());
                    }
                });
            }
        };
        let mut initial = Draft::new(Kind::Measure);
        initial.set("value_type", Value::Text("proportion".into()));
        initial.set("frequency", Value::Text("monthly".into()));
        let fields: Vec<_> = schema::fields(Kind::Measure).iter().filter(|s| s.section == Section::Measure).collect();
        let name = crate::pages::team_name(local_db, team.clone());
        crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("nav-measures")));
        view! {
            <nav class="crumbs no-print"><A href=format!("/teams/{team}")>{name}</A></nav>
            <h1>{t!("nav-measures")}</h1>
            <TeamNav team=team.clone()/>
            <p class="lead">{t!("measures-lead")}</p>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">{t!("no-measures-sentence")}</p>
            </Show>
            <MeasureCards team=team.clone() rows=Signal::derive(move || rows.get()) can_enter=Signal::derive({
                let scope = scope.clone();
                move || sync.can_write(&scope)
            })/>
            <Show when=move || sync.can_write(&scope)>
                <section class="panel no-print">
                    <h2>{t!("add-a-measure")}</h2>
                    <CreateForm field=crate::components::any_field initial=initial.clone() fields=fields.clone() submit_label=t!("add-the-measure") on_submit=create.clone()/>
                </section>
            </Show>
        }
    })
}
