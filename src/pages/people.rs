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
        crate::pages::page_title(move || format!("{} · People", name()));
        view! {
            <nav class="crumbs no-print"><A href="/">"Teams"</A></nav>
            <h1>{name}</h1>
            <TeamNav team=team.clone()/>
            <Show when=allowed fallback=|| view! {
                <p class="empty" data-testid="people-not-allowed">
                    "Only the collaborative's faculty can see and change who is on a team."
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
            <h2 id="people-heading">"People"</h2>
            {move || match people.get() {
                None => view! { <p class="hint">"Asking the server…"</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p class="empty">"No one is on this team yet: make an invite below."</p> }.into_any(),
                Some(list) => view! {
                    <ul class="cards" data-testid="people">
                        {list.into_iter().map(|person| view! { <PersonCard person=person team=team.get_value() act=act/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
        <MakeInvite team=team.get_value() on_made=move || load()/>
        <section aria-labelledby="invites-heading">
            <h2 id="invites-heading">"Invites"</h2>
            <Show when=move || !invites.with(Vec::is_empty) fallback=|| view! { <p class="empty">"No invites made for this team."</p> }>
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
    let role_words = if person.role == "coach" { "Coach" } else { "Member" };
    let disabled = person.disabled;
    let run = move |done: String, action: Action| act.run((done, action));
    let change_role = move |_| {
        let done = format!("{} is now a {other_role} of this team.", name.get_value());
        run(
            done,
            Box::pin(async move {
                sync.set_role(&team.get_value(), &id.get_value(), other_role).await.map_err(|e| e.to_string())
            }),
        );
    };
    let remove = move |_| {
        let question = format!(
            "Remove {} from this team? Their devices stop receiving its changes, and what they have not sent yet is refused.",
            name.get_value()
        );
        if confirmed(&question) {
            let done = format!("{} is no longer on this team.", name.get_value());
            run(
                done,
                Box::pin(async move {
                    sync.remove_person(&team.get_value(), &id.get_value()).await.map_err(|e| e.to_string())
                }),
            );
        }
    };
    let toggle_account = move |_| {
        let question = format!(
            "Disable {}'s account? They are signed out everywhere at once and cannot sign in until it is enabled.",
            name.get_value()
        );
        if disabled || confirmed(&question) {
            let done = if disabled {
                format!("{}'s account is enabled again.", name.get_value())
            } else {
                format!("{}'s account is disabled and signed out everywhere.", name.get_value())
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
                {disabled.then(|| view! { <span class="stage stage-off">"Account disabled"</span> })}
            </div>
            <div class="button-row no-print">
                <button type="button" data-testid="change-role" on:click=change_role>{format!("Make {other_role}")}</button>
                <button type="button" data-testid="remove-person" on:click=remove>"Remove from team"</button>
                <button type="button" data-testid="toggle-account" on:click=toggle_account>
                    {if disabled { "Enable account" } else { "Disable account" }}
                </button>
                <button type="button" data-testid="make-reset" on:click=make_reset>"Password reset code"</button>
            </div>
            {move || reset.get().map(|code| view! {
                <p class="hint" role="status" data-testid="reset-code">
                    "Give " {name.get_value()} " this code: with their email it sets a new password on the sign-in page, once, within 3 days. "
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
            made.set(Some(Err("Give the number of people and of days as whole numbers.".into())));
            return;
        };
        let role = role.get_untracked();
        leptos::task::spawn_local(async move {
            let result = sync.invite(&team.get_value(), &role, n, d).await;
            made.set(Some(
                result
                    .map(|invite| {
                        let people = if n == 1 { "one person".to_owned() } else { format!("{n} people") };
                        let until = day_and_time(invite.expires_at.max(0) as u64);
                        (
                            invite.code,
                            format!("For {people} joining as {role}, until {until}. It is shown only now: copy it."),
                        )
                    })
                    .map_err(|e| e.to_string()),
            ));
            on_made();
        });
    };
    view! {
        <form class="panel no-print" on:submit=submit data-testid="make-invite">
            <h2>"Invite someone"</h2>
            <div class="field">
                <label class="field-label" for="invite-role">"Role in the team"</label>
                <select id="invite-role" prop:value=move || role.get() on:change=move |ev| role.set(event_target_value(&ev))>
                    <option value="member">"Member"</option>
                    <option value="coach">"Coach"</option>
                </select>
            </div>
            <div class="field-pair">
                <CountField id="invite-uses" label="For how many people" hint="1 to 200; each person uses it once." value=uses/>
                <CountField id="invite-days" label="Works for (days)" hint="1 to 90." value=days/>
            </div>
            <button type="submit" class="primary">"Make invite code"</button>
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
fn CountField(id: &'static str, label: &'static str, hint: &'static str, value: RwSignal<String>) -> impl IntoView {
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
        "Revoked"
    } else if invite.uses >= invite.max_uses {
        "Used up"
    } else if invite.expires_at as f64 <= js_sys::Date::now() {
        "Expired"
    } else {
        "Open"
    };
    let open = state == "Open";
    let role = if invite.role == "coach" { "Coach" } else { "Member" };
    let meta = format!(
        "Used {} of {} · until {}",
        invite.uses,
        invite.max_uses,
        day_and_time(invite.expires_at.max(0) as u64)
    );
    let taken = (!invite.used_by.is_empty()).then(|| format!("Taken by {}", invite.used_by.join(", ")));
    let id = StoredValue::new(invite.id.clone());
    let revoke = move |_| {
        act.run((
            "The invite is revoked: its code no longer works.".to_owned(),
            Box::pin(async move { sync.revoke_invite(&id.get_value()).await.map_err(|e| e.to_string()) }),
        ))
    };
    view! {
        <li class="card" data-testid="invite">
            <span class="card-title">{format!("{role} invite · {state}")}</span>
            <span class="card-meta">{meta}</span>
            {taken.map(|t| view! { <span class="card-meta">{t}</span> })}
            {(open && mine).then(|| view! {
                <div class="button-row no-print">
                    <button type="button" data-testid="revoke-invite" on:click=revoke>"Revoke"</button>
                </div>
            })}
        </li>
    }
}
