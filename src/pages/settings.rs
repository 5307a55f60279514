//! Settings: how Ramp keeps data on this device (persistent storage, space used), which device
//! this is, the language Ramp speaks, and importing a team's backup (checked by `ramp-core`,
//! with a report of what came in).

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::backup::{self, Report};
use ramp_core::{Kind, RecordId};

use crate::error::ClientError;
use crate::pages::count_of;
use crate::panels::{AccountPanel, LocalTeams, RefusedChanges};
use crate::store::{self, LocalDb, StorageReport};
use crate::t;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let report = RwSignal::new(None::<Result<StorageReport, ClientError>>);
    let refresh = move || leptos::task::spawn_local(async move { report.set(Some(store::storage_report().await)) });
    refresh();
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let _ = store::request_persistence().await;
            report.set(Some(store::storage_report().await));
        })
    };
    let counts = move || {
        local_db.with(|replica| {
            let count = |kind| replica.local().values().filter(|r| r.kind == kind && !r.is_deleted()).count();
            t!(
                "device-counts",
                teams = count_of(Kind::Team, count(Kind::Team)),
                cycles = count_of(Kind::Cycle, count(Kind::Cycle)),
                changes = replica.outbox().len()
            )
        })
    };
    crate::pages::page_title(|| t!("settings"));
    view! {
        <h1>{t!("settings")}</h1>
        <LanguagePanel/>
        <AccountPanel/>
        <RefusedChanges/>
        <ChangePassword/>
        <LocalTeams/>
        <ImportPanel/>
        <section class="panel">
            <h2>{t!("data-on-device")}</h2>
            <p data-testid="counts">{counts}</p>
            {move || match report.get() {
                None => view! { <p>{t!("asking-browser")}</p> }.into_any(),
                Some(Err(error)) => view! { <p class="problem">{error.to_string()}</p> }.into_any(),
                Some(Ok(report)) => view! {
                    <p data-testid="persisted">{if report.persisted {
                        t!("storage-kept")
                    } else {
                        t!("storage-not-kept")
                    }}</p>
                    <p data-testid="usage">{usage_words(report.usage, report.quota)}</p>
                    <Show when=move || !report.persisted>
                        <button type="button" class="primary" on:click=ask>{t!("keep-data")}</button>
                    </Show>
                }.into_any(),
            }}
        </section>
        <section class="panel">
            <h2>{t!("this-device")}</h2>
            <p>{t!("device-id")}" "<code>{move || local_db.device_id().map(|id| id.to_string()).unwrap_or_default()}</code></p>
        </section>
    }
}

/// The language Ramp speaks on this device: the browser's at first, then the one chosen here.
#[component]
fn LanguagePanel() -> impl IntoView {
    let current = crate::i18n::language();
    let choose = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if code != current {
            crate::i18n::choose(&code);
        }
    };
    view! {
        <section class="panel" data-testid="language">
            <h2>{t!("language")}</h2>
            <label class="field-label" for="language-choice">{t!("language-choice")}</label>
            <select id="language-choice" data-testid="language-choice" on:change=choose>
                {crate::i18n::LANGUAGES.iter().map(|(code, name)| view! {
                    <option value=*code selected=*code == current lang=*code>{*name}</option>
                }).collect_view()}
            </select>
            <p class="hint">{t!("language-hint")}</p>
        </section>
    }
}

/// Changing one's own password (signed in, online): every other device is signed out.
#[component]
fn ChangePassword() -> impl IntoView {
    let sync = expect_context::<crate::sync::Sync>();
    let done = RwSignal::new(None::<String>);
    let change = move |values: Vec<String>| async move {
        let ended = sync.change_password(&values[0], &values[1]).await?;
        done.set(Some(t!("password-changed", count = ended)));
        Ok(())
    };
    view! {
        <Show when=move || sync.session().is_some()>
            <section class="panel" data-testid="change-password">
                <h2>{t!("change-password")}</h2>
                <crate::pages::sign_in::AccountForm id="password" submit_label=t!("change-password-button") on_done=|| () action=change
                    inputs=vec![
                        ("current", t!("current-password"), "password", "current-password"),
                        ("new", t!("new-password"), "password", "new-password"),
                    ]/>
                <p class="saved-note" role="status" data-testid="password-changed">{move || done.get()}</p>
            </section>
        </Show>
    }
}

/// "Using 1.2 MB of 300 MB available."
fn usage_words(usage: Option<f64>, quota: Option<f64>) -> String {
    match (usage, quota) {
        (Some(usage), Some(quota)) => t!("usage-of-quota", usage = bytes(usage), quota = bytes(quota)),
        (Some(usage), None) => t!("usage", usage = bytes(usage)),
        _ => t!("usage-unknown"),
    }
}

fn bytes(n: f64) -> String {
    match n {
        n if n >= 1e9 => t!("gigabytes", n = crate::i18n::number((n / 1e8).round() / 10.0)),
        n if n >= 1e6 => t!("megabytes", n = crate::i18n::number((n / 1e5).round() / 10.0)),
        n if n >= 1e3 => t!("kilobytes", n = crate::i18n::number((n / 1e3).round())),
        n => t!("bytes", n = n),
    }
}

/// What happened to the last file imported.
#[derive(Clone)]
enum Imported {
    Done { team: RecordId, report: Report },
    Failed(String),
}

/// Import a team's backup file into this device.
#[component]
fn ImportPanel() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let input = NodeRef::<leptos::html::Input>::new();
    let outcome = RwSignal::new(None::<Imported>);
    let busy = RwSignal::new(false);
    let import = move |_| {
        let Some(element) = input.get_untracked() else { return };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = import_file(local_db, &element).await;
            outcome.set(result);
            busy.set(false);
        });
    };
    view! {
        <section class="panel" data-testid="import">
            <h2>{t!("import-backup")}</h2>
            <p class="hint">{t!("import-backup-hint")}</p>
            <label class="field-label" for="import-file">{t!("backup-file")}</label>
            <input type="file" id="import-file" accept="application/json,.json" node_ref=input/>
            <button type="button" class="primary" data-testid="import-button" on:click=import disabled=move || busy.get()>
                {t!("import")}
            </button>
            <div role="status" data-testid="import-report">
                {move || outcome.get().map(|outcome| match outcome {
                    Imported::Failed(why) => view! { <p class="problem">{why}</p> }.into_any(),
                    Imported::Done { team, report } => view! { <ImportReport team=team report=report/> }.into_any(),
                })}
            </div>
        </section>
    }
}

async fn import_file(local_db: LocalDb, input: &web_sys::HtmlInputElement) -> Option<Imported> {
    let failed = |error: ClientError| Some(Imported::Failed(error.to_string()));
    let (_, text) = match crate::files::chosen_text(input).await {
        Ok(Some(file)) => file,
        Ok(None) => return Some(Imported::Failed(t!("choose-backup-first"))),
        Err(error) => return failed(error),
    };
    let backup = match backup::read(&text) {
        Ok(backup) => backup,
        Err(error) => return failed(ClientError::NotABackup(crate::i18n::import_error(&error))),
    };
    let (edits, report) = local_db.with_untracked(|r| backup::plan(&backup, r.local()));
    if !edits.is_empty() {
        if let Err(error) = local_db.save(edits).await {
            return failed(error);
        }
    }
    Some(Imported::Done { team: backup.team, report })
}

/// What an import brought in, what it kept and what it left out.
#[component]
fn ImportReport(team: RecordId, report: Report) -> impl IntoView {
    let added: Vec<String> = report.added.iter().map(|(kind, n)| count_of(*kind, *n)).collect();
    let headline = if added.is_empty() && report.filled == 0 {
        t!("import-nothing-new")
    } else if added.is_empty() {
        t!("import-filled", count = report.filled)
    } else {
        t!("imported", what = added.join(", "))
    };
    let kept = (!report.kept.is_empty()).then(|| t!("import-kept", count = report.kept.len()));
    view! {
        <p class="saved-note" data-testid="import-headline">{headline}</p>
        {kept.map(|kept| view! { <p>{kept}</p> })}
        {(!report.skipped.is_empty()).then(|| view! {
            <p>{t!("import-skipped", count = report.skipped.len())}</p>
        })}
        <ul class="skipped">
            {report.skipped.iter().take(20).map(|why| view! { <li>{crate::i18n::skipped(why)}</li> }).collect_view()}
        </ul>
        <A href=format!("/teams/{team}") attr:class="button">{t!("open-the-team")}</A>
    }
}
