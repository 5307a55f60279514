//! Starting a PDSA cycle: a short form (title, change idea, objective, scale, dates) that can be
//! filled in under a minute; the rest of the worksheet comes later.
//!
//! The change idea is picked from the team's list, or written there and then (it becomes a new
//! change idea, saved with the cycle in one transaction). `?idea=` and `?previous=` pre-fill the
//! next cycle of a ramp. Never writes IndexedDB itself.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use ramp_core::schema::{self, Section};
use ramp_core::{team_scope, Draft, Edit, Kind, Value};

use crate::components::{focus_field, FieldInput, FormProblems};
use crate::pages::{creation, id_param, link_options, today};
use crate::store::{new_id, LocalDb};
use crate::t;

/// The option of the change idea list that writes a new idea.
const NEW_IDEA: &str = "new";

/// The "Start a PDSA cycle" page.
#[component]
pub fn NewCyclePage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let team_id = id_param("team");
    let query = use_query_map();
    let navigate = use_navigate();
    let mut initial = Draft::new(Kind::Cycle);
    initial.set("start", Value::Text(today()));
    initial.set("objective_type", Value::Text("test".into()));
    let (idea, previous) =
        query.with_untracked(|q| (q.get("idea").unwrap_or_default(), q.get("previous").unwrap_or_default()));
    let previous_record =
        ramp_core::Uuid7::parse(&previous).ok().and_then(|id| local_db.with_untracked(|r| r.record(&id).cloned()));
    if !idea.is_empty() {
        initial.set("change_idea", Value::Text(idea));
    }
    if let Some(previous) = &previous_record {
        initial.set("previous", Value::Text(previous.id.to_string()));
        let number = local_db.with_untracked(|r| {
            ramp_core::cycle::ramp(r.local().values(), &previous.scope, previous.text("change_idea")).len() + 1
        });
        initial
            .set("title", Value::Text(ramp_core::cycle::next_title(previous.text("title"), number, &t!("cycle-word"))));
        if !previous.text("measure").is_empty() {
            initial.set("measure", previous.value("measure").clone());
        }
    }
    let draft = RwSignal::new(initial);
    let new_idea = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let writing_idea = move || draft.with(|d| d.get("change_idea").as_text() == NEW_IDEA);
    // The new idea's words stand in for the link until the idea is saved.
    let problems = Memo::new(move |_| {
        let mut problems = draft.with(|d| d.problems());
        if writing_idea() {
            problems.retain(|p| p.field != "change_idea");
            if new_idea.with(|t| t.trim().is_empty()) {
                problems.push(schema::Problem {
                    field: "change_idea".into(),
                    issue: schema::Issue::Required(
                        schema::spec(Kind::ChangeIdea, "text").and_then(|s| s.required).unwrap_or_default(),
                    ),
                });
            }
        }
        problems
    });
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let Some(team) = team_id.get_untracked() else { return };
        if let Some(first) = problems.with_untracked(|p| p.first().map(|p| p.field.clone())) {
            if first == "change_idea" && writing_idea() {
                focus_field("new", "idea");
            } else {
                focus_field("f", &first);
            }
            return;
        }
        let scope = team_scope(&team);
        let mut cycle = draft.get_untracked();
        let mut edits: Vec<Edit> = Vec::new();
        // A cycle of an idea already tested follows the last cycle of its ramp.
        if cycle.get("previous").as_text().is_empty() && !writing_idea() {
            let idea = cycle.get("change_idea").as_text().to_owned();
            let last = local_db.with_untracked(|r| {
                ramp_core::cycle::last_of_ramp(r.local().values(), &scope, &idea).map(|c| c.id.to_string())
            });
            if let Some(last) = last {
                cycle.set("previous", Value::Text(last));
            }
        }
        if writing_idea() {
            let idea_id = new_id();
            let mut idea = Draft::new(Kind::ChangeIdea);
            idea.set("text", Value::Text(new_idea.get_untracked().trim().to_owned()));
            edits.extend(creation(&idea_id, Kind::ChangeIdea, &scope, &idea));
            cycle.set("change_idea", Value::Text(idea_id.to_string()));
        }
        let id = new_id();
        edits.extend(creation(&id, Kind::Cycle, &scope, &cycle));
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if local_db.save(edits).await.is_ok() {
                let options = NavigateOptions { replace: true, ..Default::default() };
                navigate(&format!("/teams/{team}/cycles/{id}"), options);
            }
        });
    };
    let fields: Vec<_> = schema::fields(Kind::Cycle)
        .iter()
        .filter(|spec| spec.section == Section::About && spec.name != "previous")
        .collect();
    let field = move |spec: &'static schema::FieldSpec| {
        let options = Signal::derive(move || {
            let Some(team) = team_id.get() else { return Vec::new() };
            let mut list = local_db.with(|r| link_options(r, &team_scope(&team), Kind::Cycle, spec.name, &new_id()));
            if spec.name == "change_idea" {
                list.push((NEW_IDEA.to_owned(), t!("new-idea-option")));
            }
            list
        });
        let problem = Signal::derive(move || {
            tried
                .get()
                .then(|| {
                    problems
                        .with(|p| p.iter().find(|p| p.field == spec.name).map(|p| crate::i18n::fields::issue(&p.issue)))
                })
                .flatten()
        });
        let set = move |value: Value| draft.update(|d| d.set(spec.name, value));
        view! {
            <FieldInput spec=spec value=Signal::derive(move || draft.with(|d| d.get(spec.name).clone()))
                problem=problem on_input=set on_commit=set options=options/>
            {(spec.name == "change_idea").then(|| view! {
                <Show when=writing_idea>
                    <div class="field">
                        <label class="field-label" for="new-idea">{t!("new-idea")}</label>
                        <input type="text" id="new-idea" prop:value=move || new_idea.get() autocomplete="off"
                            on:input=move |ev| new_idea.set(event_target_value(&ev))/>
                        <p class="hint">{t!("new-idea-hint")}</p>
                    </div>
                </Show>
            })}
        }
    };
    let problem_count = move || if tried.get() { problems.with(Vec::len) } else { 0 };
    crate::pages::page_title(|| t!("start-cycle"));
    view! {
        <nav class="crumbs">
            <A href=move || format!("/teams/{}", team_id.get().map(|id| id.to_string()).unwrap_or_default())>{t!("back-to-team")}</A>
        </nav>
        <h1>{t!("start-cycle")}</h1>
        <p class="lead">{if previous_record.is_some() {
            t!("next-cycle-lead")
        } else {
            t!("new-cycle-lead")
        }}</p>
        <form class="create-form" on:submit=create novalidate>
            {fields.into_iter().map(field).collect_view()}
            <FormProblems count=Signal::derive(problem_count)/>
            <button type="submit" class="primary">{t!("start-the-cycle")}</button>
        </form>
    }
}
