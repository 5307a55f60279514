//! Starting a PDSA cycle: a short form (title, change idea, objective, scale, dates) that
//! can be filled in under a minute; the rest of the worksheet comes later.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use ramp_core::schema::{self, Section};
use ramp_core::{team_scope, Draft, Kind, Value};

use crate::components::CreateForm;
use crate::pages::{creation, id_param, today};
use crate::store::{new_id, LocalDb};

/// The "Start a PDSA cycle" page.
#[component]
pub fn NewCyclePage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let team_id = id_param("team");
    let navigate = use_navigate();
    let create = move |draft: Draft| {
        let Some(team) = team_id.get_untracked() else { return };
        let id = new_id();
        let edits = creation(&id, Kind::Cycle, &team_scope(&team), &draft);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if local_db.save(edits).await.is_ok() {
                let options = NavigateOptions { replace: true, ..Default::default() };
                navigate(&format!("/teams/{team}/cycles/{id}"), options);
            }
        });
    };
    let mut initial = Draft::new(Kind::Cycle);
    initial.set("start", Value::Text(today()));
    initial.set("objective_type", Value::Text("test".into()));
    let fields = schema::fields(Kind::Cycle).iter().filter(|spec| spec.section == Section::About).collect();
    view! {
        <nav class="crumbs">
            <A href=move || format!("/teams/{}", team_id.get().map(|id| id.to_string()).unwrap_or_default())>"Back to the team"</A>
        </nav>
        <h1>"Start a PDSA cycle"</h1>
        <p class="lead">"Name the test and the change it tries. Plan, Do, Study and Act can be filled in later."</p>
        <CreateForm initial=initial fields=fields submit_label="Start the cycle" on_submit=create/>
    }
}
