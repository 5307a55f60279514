//! A team's activity log, for the collaborative's faculty: every change the server received
//! for the team, newest first — who, when, which record and field, the value, and whether it
//! was refused — and among them the changes of who is on the team (invites, roles, removals,
//! accounts). Read from the server (it needs a connection); pages back with "Show older".
//!
//! Never writes anything; the server decides who may read the log, this page only says so.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::schema::{self, Input};
use ramp_core::{team_scope, Replica, Value};

use crate::components::{day_and_time, words};
use crate::pages::{for_team, TeamNav};
use crate::store::LocalDb;
use crate::sync::{AccessChange, Activity, Sync};
use crate::t;

/// The team's activity page.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    for_team(move |team| {
        let scope = team_scope(&team);
        let name = crate::pages::team_name(local_db, team.clone());
        let entries = RwSignal::new(Vec::<Activity>::new());
        let access = RwSignal::new(Vec::<AccessChange>::new());
        let more = RwSignal::new(false);
        let problem = RwSignal::new(None::<String>);
        let loading = RwSignal::new(false);
        let load = {
            let scope = scope.clone();
            Callback::new(move |before: Option<i64>| {
                let scope = scope.clone();
                loading.set(true);
                leptos::task::spawn_local(async move {
                    match sync.activity(&scope, before).await {
                        Ok(page) => {
                            entries.update(|e| e.extend(page.entries));
                            access.update(|a| a.extend(page.access));
                            more.set(page.more);
                            problem.set(None);
                        }
                        Err(error) => problem.set(Some(error.to_string())),
                    }
                    loading.set(false);
                });
            })
        };
        let allowed = {
            let scope = scope.clone();
            move || sync.governs(&scope)
        };
        if allowed() {
            load.run(None);
        }
        let older = move |_| load.run(entries.with(|e| e.last().map(|a| a.id)));
        crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("nav-activity")));
        view! {
            <nav class="crumbs no-print"><A href="/">{t!("crumb-teams")}</A></nav>
            <h1>{name}</h1>
            <TeamNav team=team.clone()/>
            <h2>{t!("nav-activity")}</h2>
            <Show when=allowed fallback=|| view! {
                <p class="empty" data-testid="activity-not-allowed">
                    {t!("activity-not-allowed")}
                </p>
            }>
                <p class="hint">{t!("activity-hint")}</p>
                {move || problem.get().map(|p| view! { <p class="form-problem" role="alert">{p}</p> })}
                <ol class="activity" data-testid="activity">
                    <For each=move || lines(&entries.get(), &access.get()) key=|line| line.key() let:line>
                        {match line {
                            Line::Change(entry) => view! { <ActivityRow entry=entry/> }.into_any(),
                            Line::Access(change) => view! { <AccessRow change=change/> }.into_any(),
                        }}
                    </For>
                </ol>
                <Show when=move || !loading.get() && entries.with(Vec::is_empty) && access.with(Vec::is_empty) && problem.with(Option::is_none)>
                    <p class="empty">{t!("activity-empty")}</p>
                </Show>
                <Show when=move || more.get()>
                    <button type="button" class="secondary" on:click=older disabled=move || loading.get()>
                        {t!("show-older-changes")}
                    </button>
                </Show>
            </Show>
        }
    })
}

/// One line of the log: a change of a record, or of access.
#[derive(Clone)]
enum Line {
    Change(Activity),
    Access(AccessChange),
}

impl Line {
    fn key(&self) -> String {
        match self {
            Line::Change(entry) => format!("c{}", entry.id),
            Line::Access(change) => format!("a{}", change.id),
        }
    }

    fn at(&self) -> i64 {
        match self {
            Line::Change(entry) => entry.received_ms,
            Line::Access(change) => change.at_ms,
        }
    }
}

/// Both logs as one, newest first.
fn lines(entries: &[Activity], access: &[AccessChange]) -> Vec<Line> {
    let mut lines: Vec<Line> =
        entries.iter().cloned().map(Line::Change).chain(access.iter().cloned().map(Line::Access)).collect();
    lines.sort_by_key(|line| std::cmp::Reverse(line.at()));
    lines
}

/// One change of access: when, then who did what to whom.
#[component]
fn AccessRow(change: AccessChange) -> impl IntoView {
    let when = day_and_time(change.at_ms.max(0) as u64);
    view! {
        <li class="activity-entry access-entry" data-testid="access-change">
            <p class="activity-meta">{when}</p>
            <p class="activity-what">{access_words(&change)}</p>
        </li>
    }
}

/// "Fay changed Cal's role from coach to member."
fn access_words(change: &AccessChange) -> String {
    let actor = if change.actor == "server" { t!("server-admin") } else { change.actor.clone() };
    let subject = change.subject.clone().unwrap_or_else(|| t!("someone-lower"));
    let role = crate::i18n::role(change.role.as_deref().unwrap_or_default());
    let from = crate::i18n::role(change.detail.as_deref().unwrap_or("?"));
    match change.action.as_str() {
        "joined" => t!("access-joined", subject = subject, role = role),
        "added" => t!("access-added", actor = actor, subject = subject, role = role),
        "role_changed" => t!("access-role-changed", actor = actor, subject = subject, from = from, role = role),
        "removed" => t!("access-removed", actor = actor, subject = subject, role = role),
        "disabled" => t!("access-disabled", actor = actor, subject = subject),
        "enabled" => t!("access-enabled", actor = actor, subject = subject),
        "reset_code" => t!("access-reset-code", actor = actor, subject = subject),
        "invite_made" => {
            let n: usize = change.detail.as_deref().and_then(|n| n.parse().ok()).unwrap_or(1);
            t!("access-invite-made", actor = actor, count = n, role = role)
        }
        "invite_revoked" => t!("access-invite-revoked", actor = actor, role = role),
        other => format!("{actor}: {other} {subject}"),
    }
}

/// One change: when and who, then what.
#[component]
fn ActivityRow(entry: Activity) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let what = local_db.with_untracked(|replica| describe(replica, &entry));
    let who = if entry.email.is_empty() { entry.person.clone() } else { format!("{} ({})", entry.person, entry.email) };
    let when = format!("{} · {who}", day_and_time(entry.received_ms.max(0) as u64));
    let refused = entry.refused.as_deref().map(|words| crate::i18n::refusal(words, entry.refused_code.as_ref()));
    let was_refused = refused.is_some();
    view! {
        <li class="activity-entry" class:refused=was_refused>
            <p class="activity-meta">{when}</p>
            <p class="activity-what">{what}</p>
            {refused.map(|reason| view! { <p class="activity-refused">{t!("refused-because")}" "{reason}</p> })}
        </li>
    }
}

/// "PDSA cycle “Bedside huddle”: Objective → Fewer falls".
fn describe(replica: &Replica, entry: &Activity) -> String {
    let noun = capitalised(&t!("kind-name", kind = entry.kind.as_str()));
    let subject = match title(replica, &entry.record) {
        Some(title) => t!("activity-subject", kind = noun, title = title),
        None => noun,
    };
    if entry.field == ramp_core::record::DELETED {
        return t!("activity-deleted", subject = subject);
    }
    let Some(spec) = schema::spec(entry.kind, &entry.field) else {
        return format!("{subject}: {} → {}", entry.field, words(&entry.value));
    };
    let linked = |id: &str| {
        ramp_core::Uuid7::parse(id).ok().and_then(|id| title(replica, &id)).unwrap_or_else(|| t!("removed-value"))
    };
    let value = match (spec.input, &entry.value) {
        (Input::Ref(_), Value::Text(id)) if !id.is_empty() => linked(id),
        (Input::Refs(_), Value::Rows(rows)) => {
            rows.iter().filter_map(|row| row.get("id")).map(|id| linked(id)).collect::<Vec<_>>().join("; ")
        }
        (Input::Choice(choices), Value::Text(key)) => choices
            .iter()
            .find(|(k, _)| k == key)
            .map_or_else(|| key.clone(), |(k, _)| crate::i18n::fields::choice(spec, k)),
        (_, value) => words(value),
    };
    format!("{subject}: {} → {value}", crate::i18n::fields::label(spec))
}

/// The words that name a record on this device, if it has them.
fn title(replica: &Replica, id: &ramp_core::RecordId) -> Option<String> {
    let record = replica.record(id)?;
    let text = record.text(schema::title_field(record.kind)?);
    (!text.is_empty()).then(|| text.to_owned())
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
