//! Ramp's web app: the Leptos client that keeps a team's PDSA work on the device.
//!
//! [`App`] provides three handles as context, [`store::LocalDb`] (the device data), [`sync::Sync`]
//! (the session and syncing) and
//! [`pwa::Updates`] (service worker and new versions), and routes to the pages. Pages read
//! reactive state and call store actions; only `store` touches IndexedDB, and logic that can be
//! pure lives in `ramp-core`. Start reading at [`App`], then `pages/cycle.rs`.

pub mod charts;
pub mod chunks;
pub mod components;
pub mod error;
pub mod files;
pub mod i18n;
pub mod pages;
pub mod panels;
pub mod perf;
pub mod pwa;
pub mod store;
pub mod sync;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::chunks::Lazy;
use crate::components::UpdateBanner;
use crate::pages::{HomePage, NotFound, Seen};
use crate::panels::StatusChip;
use crate::store::{LocalDb, Phase, SaveState};
use crate::sync::Sync;

/// The whole app: header with the save and sync status, the update banner, and the page.
#[component]
pub fn App() -> impl IntoView {
    let local_db = LocalDb::open();
    let sync = Sync::start(local_db);
    provide_context(local_db);
    provide_context(sync);
    provide_context(pwa::Updates::register());
    provide_context(Seen::load());
    // Effects only push state out: here, to the server.
    Effect::new(move |_| {
        if local_db.phase() == Phase::Ready {
            sync.sync_now();
            perf::mark_after_paint("ramp-interactive");
        }
    });
    Effect::new(move |_| {
        if local_db.save_state() == SaveState::Saved {
            sync.soon();
        }
    });
    view! {
        <Router>
            <a href="#main" class="skip-link" on:click=skip_to_content>{t!("skip-to-content")}</a>
            <header class="top">
                <A href="/" attr:class="brand">"Ramp"</A>
                <StatusChip/>
                <A href="/settings" attr:class="top-link">{t!("settings")}</A>
            </header>
            <UpdateBanner/>
            <main id="main" tabindex="-1">
                {move || match local_db.phase() {
                    Phase::Loading => view! { <p class="loading">{t!("opening-data")}</p> }.into_any(),
                    Phase::Failed(error) => view! {
                        <div class="error-box" role="alert">
                            <h1>{t!("cannot-open-data")}</h1>
                            <p>{error.to_string()}</p>
                        </div>
                    }.into_any(),
                    Phase::Ready => view! { <AppRoutes/> }.into_any(),
                }}
            </main>
        </Router>
    }
}

/// The skip link moves the focus past the header to the page's content (the router would
/// otherwise treat "#main" as a navigation).
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = components::focus("#main") {
        main.scroll_into_view();
    }
}

#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view=HomePage/>
            <Route path=path!("/settings") view=|| view! { <Lazy load=chunks::settings/> }/>
            <Route path=path!("/dashboard") view=|| view! { <Lazy load=chunks::dashboard/> }/>
            <Route path=path!("/collabs/:collab") view=|| view! { <Lazy load=chunks::collab/> }/>
            <Route path=path!("/collabs/:collab/compare") view=|| view! { <Lazy load=chunks::compare/> }/>
            <Route path=path!("/collabs/:collab/library") view=|| view! { <Lazy load=chunks::library/> }/>
            <Route path=path!("/collabs/:collab/storyboards") view=|| view! { <Lazy load=chunks::storyboards/> }/>
            <Route path=path!("/collabs/:collab/measures/:measure") view=|| view! { <Lazy load=chunks::common_measure/> }/>
            <Route path=path!("/signin") view=|| view! { <Lazy load=chunks::sign_in/> }/>
            <Route path=path!("/teams/:team") view=|| view! { <Lazy load=chunks::team/> }/>
            <Route path=path!("/teams/:team/aim") view=|| view! { <Lazy load=chunks::aim/> }/>
            <Route path=path!("/teams/:team/measures") view=|| view! { <Lazy load=chunks::measures/> }/>
            <Route path=path!("/teams/:team/measures/:measure") view=|| view! { <Lazy load=chunks::measure/> }/>
            <Route path=path!("/teams/:team/drivers") view=|| view! { <Lazy load=chunks::drivers/> }/>
            <Route path=path!("/teams/:team/drivers/:driver") view=|| view! { <Lazy load=chunks::driver/> }/>
            <Route path=path!("/teams/:team/ideas/:idea") view=|| view! { <Lazy load=chunks::idea/> }/>
            <Route path=path!("/teams/:team/cycles") view=|| view! { <Lazy load=chunks::cycles/> }/>
            <Route path=path!("/teams/:team/cycles/new") view=|| view! { <Lazy load=chunks::new_cycle/> }/>
            <Route path=path!("/teams/:team/cycles/:cycle") view=|| view! { <Lazy load=chunks::cycle/> }/>
            <Route path=path!("/teams/:team/activity") view=|| view! { <Lazy load=chunks::activity/> }/>
            <Route path=path!("/teams/:team/people") view=|| view! { <Lazy load=chunks::people/> }/>
            <Route path=path!("/teams/:team/reports") view=|| view! { <Lazy load=chunks::reports/> }/>
            <Route path=path!("/teams/:team/reports/:month") view=|| view! { <Lazy load=chunks::report/> }/>
            <Route path=path!("/teams/:team/storyboard") view=|| view! { <Lazy load=chunks::storyboard/> }/>
        </Routes>
    }
}
