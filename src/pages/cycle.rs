//! The PDSA worksheet of one cycle: every part of IHI's worksheet, saved as the person types.
//!
//! Owns the draft on screen. A change is saved a moment after typing stops, or at once when a
//! field is left or a choice picked; fields with a problem wait on screen (the status chip says
//! why) while the others are saved. Never writes IndexedDB itself: it calls `LocalDb::save`.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::schema::{self, Section};
use ramp_core::{team_scope, Draft, Kind, RecordId, Stage, Value};

use crate::components::{Choice, ConflictChoices, FieldInput, StageBadge};
use crate::pages::{edits, id_param};
use crate::store::LocalDb;
use crate::sync::Sync;

/// How long after the last keystroke a change is saved.
const TYPING_PAUSE: Duration = Duration::from_millis(600);

/// The cycle page: finds the cycle, then shows its worksheet.
#[component]
pub fn CyclePage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let team_id = id_param("team");
    let cycle_id = id_param("cycle");
    let found = Memo::new(move |_| {
        let (team, cycle) = (team_id.get()?, cycle_id.get()?);
        let exists = local_db.with(|replica| {
            replica
                .record(&cycle)
                .is_some_and(|r| r.kind == Kind::Cycle && r.scope == team_scope(&team) && !r.is_deleted())
        });
        exists.then_some((team, cycle))
    });
    move || match found.get() {
        None => view! { <crate::pages::NotFound/> }.into_any(),
        Some((team, cycle)) => view! { <Worksheet team=team cycle=cycle/> }.into_any(),
    }
}

/// The worksheet of a cycle known to exist.
#[component]
fn Worksheet(
    /// The cycle's team.
    team: RecordId,
    /// The cycle.
    cycle: RecordId,
) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let scope = team_scope(&team);
    let deletion_scope = scope.clone();
    let read_only = {
        let scope = scope.clone();
        Memo::new(move |_| !sync.can_write(&scope))
    };
    let initial = local_db.with(|replica| replica.record(&cycle).map(Draft::of)).unwrap_or(Draft::new(Kind::Cycle));
    let draft = RwSignal::new(initial);
    let record_id = cycle.clone();
    let record = Memo::new(move |_| local_db.with(|r| r.record(&record_id).cloned()));
    let stage = Memo::new(move |_| record.with(|r| r.as_ref().map(Stage::of)).unwrap_or(Stage::Plan));
    // The draft follows changes arriving from other devices in the fields not being edited.
    Effect::new(move |_| {
        if let Some(saved) = record.get() {
            draft.update(|d| d.refresh(&saved));
        }
    });
    let record_id = cycle.clone();
    let team_href = format!("/teams/{team}");
    let team_for_name = team.clone();
    let team_name =
        move || local_db.with(|r| r.record(&team_for_name).map(|t| t.text("name").to_owned())).unwrap_or_default();
    let title = move || draft.with(|d| d.get("title").as_text().to_owned());

    let save_now = StoredValue::new(move || {
        let (changes, problems) = local_db
            .with_untracked(|replica| draft.with_untracked(|d| (d.changes(replica.record(&record_id)), d.problems())));
        let held = problems.first().map(|p| {
            let label = schema::spec(Kind::Cycle, &p.field).map_or("", |s| s.label);
            format!("{label}: {}", p.issue)
        });
        let edits = edits(&record_id, Kind::Cycle, &scope, changes);
        leptos::task::spawn_local(async move {
            let _ = local_db.save(edits).await;
            if let Some(reason) = held {
                local_db.hold(reason);
            }
        });
    });
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let cancel_pending = move || match pending.try_update_value(Option::take).flatten() {
        Some(handle) => {
            handle.clear();
            true
        }
        None => false,
    };
    let on_input = move |name: &'static str| {
        move |value: Value| {
            draft.update(|d| d.set(name, value));
            cancel_pending();
            let handle = set_timeout_with_handle(move || save_now.with_value(|save| save()), TYPING_PAUSE).ok();
            pending.set_value(handle);
        }
    };
    let on_commit = move |name: &'static str| {
        move |value: Value| {
            draft.update(|d| d.set(name, value));
            cancel_pending();
            save_now.with_value(|save| save());
        }
    };
    on_cleanup(move || {
        if cancel_pending() {
            save_now.with_value(|save| save());
        }
    });

    let section = move |section: Section| {
        let fields = schema::fields(Kind::Cycle).iter().filter(move |spec| spec.section == section);
        view! {
            <section class="sheet-section" id=format!("sec-{}", section.key())>
                <h2>{section.heading()}</h2>
                {fields.map(|spec| view! {
                    <FieldInput spec=spec
                        value=Signal::derive(move || draft.with(|d| d.get(spec.name).clone()))
                        problem=Signal::derive(move || draft.with(|d| d.problem(spec.name)).map(|p| p.issue.to_string()))
                        on_input=on_input(spec.name) on_commit=on_commit(spec.name)/>
                    <ConflictChoices choices=Signal::derive(move || choices(&record.get(), spec.name))
                        on_choose=on_commit(spec.name)/>
                }).collect_view()}
            </section>
        }
    };
    let navigate = leptos_router::hooks::use_navigate();
    let delete_id = cycle.clone();
    let write_deleted = move |value: Option<Value>| {
        let Some(saved) = record.get_untracked() else { return };
        let value = value.unwrap_or_else(|| saved.deletion());
        let deleting = value != Value::Bool(false);
        let edit = ramp_core::Edit {
            record: delete_id.clone(),
            kind: Kind::Cycle,
            scope: deletion_scope.clone(),
            field: ramp_core::record::DELETED.to_owned(),
            value,
        };
        let (navigate, back) = (navigate.clone(), team_href.clone());
        leptos::task::spawn_local(async move {
            if local_db.save(vec![edit]).await.is_ok() && deleting {
                navigate(&back, Default::default());
            }
        });
    };
    let delete = write_deleted.clone();
    let ask_delete = move |_| {
        let sure = web_sys::window()
            .and_then(|w| w.confirm_with_message("Delete this cycle for the whole team?").ok())
            .unwrap_or(false);
        if sure {
            delete(None);
        }
    };
    let (keep, delete_again) = (write_deleted.clone(), write_deleted);
    let disputed = move || record.with(|r| r.as_ref().is_some_and(|r| r.deleted_while_edited()));
    view! {
        <nav class="crumbs"><A href=format!("/teams/{team}")>{team_name}</A></nav>
        <Show when=disputed>
            <div class="conflict" role="alert" data-testid="deletion-conflict">
                <p class="conflict-title">"This cycle was deleted on one device while it was being changed on another."</p>
                <button type="button" on:click={
                    let keep = keep.clone();
                    move |_| keep(Some(Value::Bool(false)))
                }>"Keep the cycle"</button>
                <button type="button" on:click={
                    let delete_again = delete_again.clone();
                    move |_| delete_again(None)
                }>"Delete it"</button>
            </div>
        </Show>
        <div class="sheet-head">
            <h1 data-testid="cycle-title">{title}</h1>
            <StageBadge stage=stage/>
        </div>
        <nav class="section-nav" aria-label="Parts of the worksheet">
            <a href="#sec-about">"Cycle"</a>
            <a href="#sec-plan">"Plan"</a>
            <a href="#sec-do">"Do"</a>
            <a href="#sec-study">"Study"</a>
            <a href="#sec-act">"Act"</a>
        </nav>
        <Show when=move || read_only.get()>
            <p class="notice" data-testid="read-only">"You can read this team's worksheets; only its members change them."</p>
        </Show>
        <form class="sheet" on:submit=|ev| ev.prevent_default()>
            <fieldset class="sheet-fields" disabled=move || read_only.get()>
                {[Section::About, Section::Plan, Section::Do, Section::Study, Section::Act].map(section).collect_view()}
            </fieldset>
        </form>
        <Show when=move || !read_only.get()>
            <button type="button" class="link-button" data-testid="delete-cycle" on:click=ask_delete.clone()>"Delete this cycle"</button>
        </Show>
    }
}

/// The concurrent values of a field, latest first.
fn choices(record: &Option<ramp_core::Record>, field: &str) -> Vec<Choice> {
    let Some(state) = record.as_ref().and_then(|r| r.fields.get(field)) else { return Vec::new() };
    let mut siblings: Vec<_> = state.siblings().iter().collect();
    siblings.sort_by(|a, b| b.hlc.cmp(&a.hlc));
    siblings
        .into_iter()
        .map(|s| Choice {
            value: s.value.clone(),
            author: s.author.clone().unwrap_or_else(|| "Someone".to_owned()),
            at: s.hlc.wall_ms,
        })
        .collect()
}
