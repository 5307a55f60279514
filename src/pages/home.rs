//! The start page: the teams on this device, and the form to add one.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use ramp_core::{schema, team_scope, Draft, Kind};

use crate::components::CreateForm;
use crate::pages::creation;
use crate::store::{new_id, LocalDb};
use crate::sync::Sync;
use crate::t;

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
                // Other teams of a sharing collaborative are its page's, not the person's own.
                .filter(|r| !sync.is_other_team(&r.scope))
                .map(|r| (r.id.clone(), r.text("name").to_owned(), place(r.text("organization"), r.text("site"))))
                .collect();
            ramp_core::order::sort_by_key(&mut teams, |team| team.1.to_lowercase());
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
    let collabs = Memo::new(move |_| {
        local_db.with(|replica| {
            let mut found: Vec<_> = replica
                .local()
                .values()
                .filter(|r| r.kind == Kind::Collaborative && !r.is_deleted())
                .map(|r| (r.id.clone(), r.text("name").to_owned(), r.text("topic").to_owned()))
                .collect();
            ramp_core::order::sort_by_key(&mut found, |c| c.1.to_lowercase());
            found
        })
    });
    let reviews = move || sync.rights().reviewed_teams().next().is_some();
    crate::pages::page_title(|| t!("your-teams"));
    view! {
        <Show when=reviews>
            <A href="/dashboard" attr:class="button primary big" attr:data-testid="open-dashboard">{t!("open-dashboard")}</A>
        </Show>
        <Show when=has_teams fallback=move || view! {
            <h1>{t!("welcome")}</h1>
            <p class="lead">{t!("welcome-lead")}</p>
            <p class="lead" data-testid="home-next-step">{move || if sync.session().is_some() {
                t!("team-after-sync")
            } else {
                t!("start-by-naming")
            }}</p>
        }>
            <h1>{t!("your-teams")}</h1>
            <ul class="cards">
                <For each=move || teams.get() key=|t| t.0.clone() let:team>
                    <li>
                        <A href=format!("/teams/{}", team.0) attr:class="card">
                            <span class="card-title">{team.1}</span>
                            <span class="card-meta">{team.2}</span>
                            <UnreadBadge team=team.0.clone()/>
                        </A>
                    </li>
                </For>
            </ul>
        </Show>
        <Show when=move || !collabs.with(Vec::is_empty)>
            <h2>{t!("collaboratives")}</h2>
            <ul class="cards" data-testid="collab-list">
                <For each=move || collabs.get() key=|c| (c.0.clone(), c.1.clone()) let:c>
                    <li>
                        <A href=format!("/collabs/{}", c.0) attr:class="card">
                            <span class="card-title">{c.1}</span>
                            <span class="card-meta">{c.2}</span>
                        </A>
                    </li>
                </For>
            </ul>
        </Show>
        // Signed in, teams come from the collaborative; before that, a team lives on the device.
        <Show when=move || sync.session().is_none()>
            <section class="panel">
                <h2>{move || if has_teams() { t!("add-another-team") } else { t!("create-your-team") }}</h2>
                <CreateForm field=crate::components::line_field initial=Draft::new(Kind::Team) fields=schema::fields(Kind::Team).iter().collect()
                    submit_label=t!("create-team") on_submit=create.clone()/>
            </section>
            <p>{t!("part-of-collab")}" "<A href="/signin">{t!("sign-in-or-join")}</A></p>
        </Show>
        <Show when=move || sync.session().is_some()>
            <JoinOrStart/>
        </Show>
    }
}

/// "3 unread comments" on a team's card.
#[component]
fn UnreadBadge(team: ramp_core::RecordId) -> impl IntoView {
    let unread = crate::pages::comments::unread_in(team);
    move || {
        let n = unread.with(Vec::len);
        (n > 0).then(|| {
            view! {
                <span class="tag tag-new" data-testid="unread-badge">{t!("unread-comments", count = n)}</span>
            }
        })
    }
}

/// For a signed-in person: join another team with an invite code, or start a collaborative.
#[component]
fn JoinOrStart() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let navigate = use_navigate();
    let code = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        leptos::task::spawn_local(async move {
            match sync.accept_invite(typed.trim()).await {
                Ok(joined) => {
                    code.set(String::new());
                    message.set(Some(if joined { t!("joined-team") } else { t!("already-on-team") }));
                }
                Err(error) => message.set(Some(error.to_string())),
            }
        });
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        if typed.trim().is_empty() {
            message.set(Some(t!("name-the-collab")));
            return;
        }
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match sync.start_collaborative(typed.trim()).await {
                Ok(scope) => {
                    let id = scope.trim_start_matches("collab:").to_owned();
                    message.set(Some(t!("collab-started")));
                    navigate(&format!("/collabs/{id}"), Default::default());
                }
                Err(error) => message.set(Some(error.to_string())),
            }
        });
    };
    view! {
        <details class="panel no-print">
            <summary>{t!("join-or-start")}</summary>
            <form on:submit=join>
                <label for="join-code">{t!("invite-code")}</label>
                <div class="button-row">
                    <input type="text" id="join-code" autocomplete="off" prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev))/>
                    <button type="submit">{t!("join")}</button>
                </div>
            </form>
            <form on:submit=start>
                <label for="new-collab">{t!("new-collab-name")}</label>
                <div class="button-row">
                    <input type="text" id="new-collab" prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))/>
                    <button type="submit">{t!("start-it")}</button>
                </div>
            </form>
            <p class="problem" role="status">{move || message.get()}</p>
        </details>
    }
}

/// "Organization · Site", leaving out what is blank.
fn place(organization: &str, site: &str) -> String {
    [organization, site].into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(" · ")
}
