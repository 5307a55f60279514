//! Settings: how Ramp keeps data on this device (persistent storage, space used), which device
//! this is, and importing a team's backup (checked by `ramp-core`, with a report of what came in).

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::backup::{self, Report};
use ramp_core::{Kind, RecordId};

use crate::error::ClientError;
use crate::pages::team::plural;
use crate::panels::{AccountPanel, LocalTeams, RefusedChanges};
use crate::store::{self, LocalDb, StorageReport};

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
            format!(
                "{}, {}, {} not yet on a server",
                plural(count(Kind::Team), "team", "teams"),
                plural(count(Kind::Cycle), "PDSA cycle", "PDSA cycles"),
                plural(replica.outbox().len(), "change", "changes")
            )
        })
    };
    crate::pages::page_title(|| "Settings".to_owned());
    view! {
        <h1>"Settings"</h1>
        <AccountPanel/>
        <RefusedChanges/>
        <ChangePassword/>
        <LocalTeams/>
        <ImportPanel/>
        <section class="panel">
            <h2>"Data on this device"</h2>
            <p data-testid="counts">{counts}</p>
            {move || match report.get() {
                None => view! { <p>"Asking the browser…"</p> }.into_any(),
                Some(Err(error)) => view! { <p class="problem">{error.to_string()}</p> }.into_any(),
                Some(Ok(report)) => view! {
                    <p data-testid="persisted">{if report.persisted {
                        "Kept: the browser has promised not to clear Ramp's data when space runs low."
                    } else {
                        "Not yet kept: the browser may clear Ramp's data if the device runs out of space."
                    }}</p>
                    <p data-testid="usage">{usage_words(report.usage, report.quota)}</p>
                    <Show when=move || !report.persisted>
                        <button type="button" class="primary" on:click=ask>"Keep Ramp's data on this device"</button>
                    </Show>
                }.into_any(),
            }}
        </section>
        <section class="panel">
            <h2>"This device"</h2>
            <p>"Device id: " <code>{move || local_db.device_id().map(|id| id.to_string()).unwrap_or_default()}</code></p>
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
        done.set(Some(format!(
            "Your password is changed. {} signed out.",
            plural(ended as usize, "other device was", "other devices were")
        )));
        Ok(())
    };
    view! {
        <Show when=move || sync.session().is_some()>
            <section class="panel" data-testid="change-password">
                <h2>"Change your password"</h2>
                <crate::pages::sign_in::AccountForm id="password" submit_label="Change password" on_done=|| () action=change
                    inputs=vec![
                        ("current", "Current password", "password", "current-password"),
                        ("new", "New password (10 characters or more)", "password", "new-password"),
                    ]/>
                <p class="saved-note" role="status" data-testid="password-changed">{move || done.get()}</p>
            </section>
        </Show>
    }
}

/// "Using 1.2 MB of 300 MB available."
fn usage_words(usage: Option<f64>, quota: Option<f64>) -> String {
    match (usage, quota) {
        (Some(usage), Some(quota)) => format!("Using {} of {} available to Ramp.", bytes(usage), bytes(quota)),
        (Some(usage), None) => format!("Using {}.", bytes(usage)),
        _ => "The browser does not say how much space Ramp uses.".to_owned(),
    }
}

fn bytes(n: f64) -> String {
    match n {
        n if n >= 1e9 => format!("{:.1} GB", n / 1e9),
        n if n >= 1e6 => format!("{:.1} MB", n / 1e6),
        n if n >= 1e3 => format!("{:.0} kB", n / 1e3),
        n => format!("{n:.0} bytes"),
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
            <h2>"Import a team backup"</h2>
            <p class="hint">"A backup file downloaded from a team's page. It adds what this device lacks and fills blank \
                fields; it never overwrites what is here."</p>
            <label class="field-label" for="import-file">"Backup file (JSON)"</label>
            <input type="file" id="import-file" accept="application/json,.json" node_ref=input/>
            <button type="button" class="primary" data-testid="import-button" on:click=import disabled=move || busy.get()>
                "Import"
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
        Ok(None) => return Some(Imported::Failed("Choose a backup file first.".to_owned())),
        Err(error) => return failed(error),
    };
    let backup = match backup::read(&text) {
        Ok(backup) => backup,
        Err(error) => return failed(ClientError::NotABackup(error.to_string())),
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
    let names = crate::pages::nouns;
    let added: Vec<String> = report
        .added
        .iter()
        .map(|(kind, n)| {
            let (one, many) = names(*kind);
            plural(*n, one, many)
        })
        .collect();
    let headline = if added.is_empty() && report.filled == 0 {
        "Nothing new: this device already had everything in the backup.".to_owned()
    } else if added.is_empty() {
        format!("Filled {} on this device.", plural(report.filled, "blank field", "blank fields"))
    } else {
        format!("Imported {}.", added.join(", "))
    };
    let kept = (!report.kept.is_empty()).then(|| {
        format!(
            "{} on this device differ from the backup and were kept as they are.",
            plural(report.kept.len(), "value", "values")
        )
    });
    view! {
        <p class="saved-note" data-testid="import-headline">{headline}</p>
        {kept.map(|kept| view! { <p>{kept}</p> })}
        {(!report.skipped.is_empty()).then(|| view! {
            <p>{plural(report.skipped.len(), "part of the file was", "parts of the file were")}" left out:"</p>
        })}
        <ul class="skipped">
            {report.skipped.iter().take(20).map(|why| view! { <li>{why.clone()}</li> }).collect_view()}
        </ul>
        <A href=format!("/teams/{team}") attr:class="button">"Open the team"</A>
    }
}
