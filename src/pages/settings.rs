//! Settings: how Ramp keeps data on this device (persistent storage, space used) and which
//! device this is.

use leptos::prelude::*;
use ramp_core::Kind;

use crate::components::{AccountPanel, LocalTeams, RefusedChanges};
use crate::error::ClientError;
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
    view! {
        <h1>"Settings"</h1>
        <AccountPanel/>
        <LocalTeams/>
        <RefusedChanges/>
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

/// "1 team", "3 teams".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
