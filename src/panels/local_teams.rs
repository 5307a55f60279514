//! Teams made on this device before signing in: the offer to move each into a team the
//! person belongs to on the server (its cycles come along), or to remove it. Calls
//! `LocalDb`; shows nothing when there is none.

use leptos::prelude::*;
use ramp_core::{Scope, Uuid7};

use crate::store::LocalDb;
use crate::sync::Sync;

/// One offer per local team.
#[component]
pub fn LocalTeams() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let problem = RwSignal::new(None::<String>);
    let name_of =
        move |id: &Uuid7| local_db.with(|r| r.record(id).map(|t| t.text("name").to_owned())).unwrap_or_default();
    // (team id, name) for each team scope in a list.
    let named = move |scopes: Vec<String>| {
        scopes
            .into_iter()
            .filter_map(|scope| match Scope::parse(&scope) {
                Some(Scope::Team(id)) => Some((id.clone(), name_of(&id))),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    let local = move || named(sync.device_only_teams());
    let targets = move || named(sync.writable_teams());
    let act =
        move |work: std::pin::Pin<Box<dyn std::future::Future<Output = Result<bool, crate::error::ClientError>>>>| {
            leptos::task::spawn_local(async move {
                match work.await {
                    Ok(_) => sync.sync_now(),
                    Err(error) => problem.set(Some(error.to_string())),
                }
            })
        };
    view! {
        <Show when=move || !local().is_empty()>
            <section class="panel" data-testid="local-teams">
                <h2>{crate::t!("local-teams")}</h2>
                {move || local().into_iter().map(|(id, name)| {
                    let forget_id = id.clone();
                    view! {
                        <p>{crate::t!("local-team-only-here", name = name.clone())}</p>
                        {targets().into_iter().map(|(target, target_name)| {
                            let (from, into) = (id.clone(), target.clone());
                            view! {
                                <button type="button" class="primary" on:click=move |_| {
                                    let (from, into) = (from.clone(), into.clone());
                                    act(Box::pin(async move { local_db.move_local_team(&from, &into).await }))
                                }>{crate::t!("move-cycles-into", team = target_name)}</button>
                            }
                        }).collect_view()}
                        <button type="button" on:click=move |_| {
                            let id = forget_id.clone();
                            let sure = web_sys::window()
                                .and_then(|w| w.confirm_with_message(&crate::t!("remove-local-team-ask")).ok())
                                .unwrap_or(false);
                            if sure {
                                act(Box::pin(async move { local_db.forget_local_team(&id).await }))
                            }
                        }>{crate::t!("remove-from-device")}</button>
                    }
                }).collect_view()}
                <p class="problem" role="alert">{move || problem.get()}</p>
            </section>
        </Show>
    }
}
