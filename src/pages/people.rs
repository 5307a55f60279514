//! A team's people and invites, for the collaborative's faculty: who is on the team in which
//! role (change it, remove them, disable their account, make them a password reset code), and
//! the team's invite codes (make one for one person or several, for some days; see who used
//! each; revoke your own). Everything here needs a connection: it lives on the server.
//!
//! Owns only the page; asks through `Sync`, whose server decides who may do what.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::team_scope;

use crate::components::day_and_time;
use crate::pages::{for_team, TeamNav};
use crate::store::LocalDb;
use crate::sync::{Invite, Person, Sync};
use crate::t;

/// A change asked of the server: done, or why not in words.
type Action = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>>>>;

/// Runs an action, says what it did (the first part) or why it failed, and reloads the lists.
type Act = Callback<(String, Action)>;

/// The team's people page.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    for_team(move |team| {
        let scope = team_scope(&team);
        let name = crate::pages::team_name(local_db, team.clone());
        let allowed = move || sync.governs(&scope);
        crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("nav-people")));
        view! {
            <nav class="crumbs no-print"><A href="/">{t!("crumb-teams")}</A></nav>
            <h1>{name}</h1>
            <TeamNav team=team.clone()/>
            <Show when=allowed fallback=|| view! {
                <p class="empty" data-testid="people-not-allowed">
                    {t!("people-not-allowed")}
                </p>
            }>
                <PeopleAndInvites team=team.to_string()/>
            </Show>
        }
    })
}

/// The two lists, loaded together and again after each change.
#[component]
fn PeopleAndInvites(team: String) -> impl IntoView {
    let sync = expect_context::<Sync>();
    let team = StoredValue::new(team);
    let people = RwSignal::new(None::<Vec<Person>>);
    let invites = RwSignal::new(Vec::<Invite>::new());
    // What the last action did, or why it failed: announced to screen readers.
    let status = RwSignal::new(None::<Result<String, String>>);
    let load = move || {
        leptos::task::spawn_local(async move {
            let team = team.get_value();
            match sync.people(&team).await {
                Ok(list) => people.set(Some(list)),
                Err(error) => status.set(Some(Err(error.to_string()))),
            }
            if let Ok(list) = sync.invites(&team).await {
                invites.set(list);
            }
        })
    };
    load();
    let act: Act = Callback::new(move |(done, action): (String, Action)| {
        leptos::task::spawn_local(async move {
            status.set(Some(action.await.map(|()| done)));
            load();
        })
    });
    view! {
        <p class=move || match status.get() { Some(Err(_)) => "form-problem", _ => "saved-note" }
            role="status" data-testid="people-status">
            {move || status.get().map(|s| s.unwrap_or_else(|e| e))}
        </p>
        <section aria-labelledby="people-heading">
            <h2 id="people-heading">{t!("nav-people")}</h2>
            {move || match people.get() {
                None => view! { <p class="hint">{t!("asking-server")}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p class="empty">{t!("no-one-on-team")}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="cards" data-testid="people">
                        {list.into_iter().map(|person| view! { <PersonCard person=person team=team.get_value() act=act/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
        <MakeInvite team=team.get_value() on_made=move || load()/>
        <section aria-labelledby="invites-heading">
            <h2 id="invites-heading">{t!("invites")}</h2>
            <Show when=move || !invites.with(Vec::is_empty) fallback=|| view! { <p class="empty">{t!("no-invites")}</p> }>
                <ul class="cards" data-testid="invites">
                    {move || invites.get().into_iter().map(|invite| view! { <InviteCard invite=invite act=act/> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// One person: name, email, role; the actions faculty take on them.
#[component]
fn PersonCard(person: Person, team: String, act: Act) -> impl IntoView {
    let sync = expect_context::<Sync>();
    let reset = RwSignal::new(None::<String>);
    let (id, name) = (StoredValue::new(person.id.clone()), StoredValue::new(person.name.clone()));
    let team = StoredValue::new(team);
    let other_role = if person.role == "coach" { "member" } else { "coach" };
    let role_words = if person.role == "coach" { t!("role-coach-title") } else { t!("role-member-title") };
    let disabled = person.disabled;
    let run = move |done: String, action: Action| act.run((done, action));
    let change_role = move |_| {
        let done = t!("now-role", name = name.get_value(), role = other_role);
        run(
            done,
            Box::pin(async move {
                sync.set_role(&team.get_value(), &id.get_value(), other_role).await.map_err(|e| e.to_string())
            }),
        );
    };
    let remove = move |_| {
        let question = t!("remove-person-ask", name = name.get_value());
        if confirmed(&question) {
            let done = t!("no-longer-on-team", name = name.get_value());
            run(
                done,
                Box::pin(async move {
                    sync.remove_person(&team.get_value(), &id.get_value()).await.map_err(|e| e.to_string())
                }),
            );
        }
    };
    let toggle_account = move |_| {
        let question = t!("disable-account-ask", name = name.get_value());
        if disabled || confirmed(&question) {
            let done = if disabled {
                t!("account-enabled", name = name.get_value())
            } else {
                t!("account-disabled", name = name.get_value())
            };
            run(
                done,
                Box::pin(async move { sync.set_disabled(&id.get_value(), !disabled).await.map_err(|e| e.to_string()) }),
            );
        }
    };
    let make_reset = move |_| {
        leptos::task::spawn_local(async move {
            match sync.reset_code(&id.get_value()).await {
                Ok(code) => reset.set(Some(code)),
                Err(error) => reset.set(Some(error.to_string())),
            }
        })
    };
    view! {
        <li class="card person" data-testid="person">
            <span class="card-title">{person.name.clone()}</span>
            <span class="card-meta">{person.email.clone()}</span>
            <div class="card-foot">
                <span class="stage" data-testid="person-role">{role_words}</span>
                {disabled.then(|| view! { <span class="stage stage-off">{t!("account-disabled-tag")}</span> })}
            </div>
            <div class="button-row no-print">
                <button type="button" data-testid="change-role" on:click=change_role>{t!("make-role", role = other_role)}</button>
                <button type="button" data-testid="remove-person" on:click=remove>{t!("remove-from-team")}</button>
                <button type="button" data-testid="toggle-account" on:click=toggle_account>
                    {if disabled { t!("enable-account") } else { t!("disable-account") }}
                </button>
                <button type="button" data-testid="make-reset" on:click=make_reset>{t!("password-reset-code")}</button>
            </div>
            {move || reset.get().map(|code| view! {
                <p class="hint" role="status" data-testid="reset-code">
                    {t!("give-reset-code", name = name.get_value())}" "
                    <code class="invite-code">{code}</code>
                </p>
            })}
        </li>
    }
}

/// Asks the person to confirm.
fn confirmed(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// The form that makes an invite code, and the code just made.
#[component]
fn MakeInvite(team: String, on_made: impl Fn() + Send + std::marker::Sync + Copy + 'static) -> impl IntoView {
    let sync = expect_context::<Sync>();
    let team = StoredValue::new(team);
    let role = RwSignal::new("member".to_owned());
    let uses = RwSignal::new("1".to_owned());
    let days = RwSignal::new("14".to_owned());
    let made = RwSignal::new(None::<Result<(String, String), String>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(n), Ok(d)) = (uses.get_untracked().trim().parse::<u32>(), days.get_untracked().trim().parse::<u32>())
        else {
            made.set(Some(Err(t!("invite-numbers"))));
            return;
        };
        let role = role.get_untracked();
        leptos::task::spawn_local(async move {
            let result = sync.invite(&team.get_value(), &role, n, d).await;
            made.set(Some(
                result
                    .map(|invite| {
                        let until = day_and_time(invite.expires_at.max(0) as u64);
                        (invite.code, t!("invite-made", count = n, role = role.clone(), until = until))
                    })
                    .map_err(|e| e.to_string()),
            ));
            on_made();
        });
    };
    view! {
        <form class="panel no-print" on:submit=submit data-testid="make-invite">
            <h2>{t!("invite-someone")}</h2>
            <div class="field">
                <label class="field-label" for="invite-role">{t!("role-in-team")}</label>
                <select id="invite-role" prop:value=move || role.get() on:change=move |ev| role.set(event_target_value(&ev))>
                    <option value="member">{t!("role-member-title")}</option>
                    <option value="coach">{t!("role-coach-title")}</option>
                </select>
            </div>
            <div class="field-pair">
                <CountField id="invite-uses" label=t!("invite-uses") hint=t!("invite-uses-hint") value=uses/>
                <CountField id="invite-days" label=t!("invite-days") hint=t!("invite-days-hint") value=days/>
            </div>
            <button type="submit" class="primary">{t!("make-invite-code")}</button>
            {move || made.get().map(|made| match made {
                Ok((code, words)) => view! {
                    <p class="invite-made" role="status" data-testid="invite-code">
                        <code class="invite-code">{code}</code> " " {words}
                    </p>
                }.into_any(),
                Err(problem) => view! { <p class="form-problem" role="alert">{problem}</p> }.into_any(),
            })}
        </form>
    }
}

/// A whole number typed on a phone's number pad, with its label and hint.
#[component]
fn CountField(id: &'static str, label: String, hint: String, value: RwSignal<String>) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label class="field-label" for=id>{label}</label>
            <input type="text" class="number" id=id inputmode="numeric" aria-describedby=hint_id.clone()
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            <p class="hint" id=hint_id>{hint}</p>
        </div>
    }
}

/// One invite: role, uses, until when, who took it; revoke, for its maker.
#[component]
fn InviteCard(invite: Invite, act: Act) -> impl IntoView {
    let sync = expect_context::<Sync>();
    let mine = sync.session().is_some_and(|s| s.user.id == invite.created_by);
    let state = if invite.revoked_at.is_some() {
        "revoked"
    } else if invite.uses >= invite.max_uses {
        "used-up"
    } else if invite.expires_at as f64 <= js_sys::Date::now() {
        "expired"
    } else {
        "open"
    };
    let open = state == "open";
    let role = if invite.role == "coach" { t!("role-coach-title") } else { t!("role-member-title") };
    let meta = t!(
        "invite-used",
        uses = invite.uses,
        max = invite.max_uses,
        until = day_and_time(invite.expires_at.max(0) as u64)
    );
    let taken = (!invite.used_by.is_empty()).then(|| t!("taken-by", names = invite.used_by.join(", ")));
    let id = StoredValue::new(invite.id.clone());
    let revoke = move |_| {
        act.run((
            t!("invite-revoked"),
            Box::pin(async move { sync.revoke_invite(&id.get_value()).await.map_err(|e| e.to_string()) }),
        ))
    };
    view! {
        <li class="card" data-testid="invite">
            <span class="card-title">{t!("invite-title", role = role, state = state)}</span>
            <span class="card-meta">{meta}</span>
            {taken.map(|t| view! { <span class="card-meta">{t}</span> })}
            {(open && mine).then(|| view! {
                <div class="button-row no-print">
                    <button type="button" data-testid="revoke-invite" on:click=revoke>{t!("revoke")}</button>
                </div>
            })}
        </li>
    }
}
