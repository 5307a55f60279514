//! The "new version" banner: shown when a new service worker is waiting; its button switches
//! to the new version. Reads `pwa::Updates`.

use leptos::prelude::*;

use crate::pwa::Updates;

/// "New version available — Reload", only while one is waiting.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let updates = expect_context::<Updates>();
    view! {
        <Show when=move || updates.available()>
            <div class="update-banner" role="alert" data-testid="update-banner">
                <span>{crate::t!("new-version")}</span>
                <button type="button" on:click=move |_| updates.apply()>{crate::t!("reload")}</button>
            </div>
        </Show>
    }
}
