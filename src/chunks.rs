//! The pages whose code is fetched when first opened, and how one is shown while it loads.
//!
//! The first screen needs the shell (header, status chip, store, sync) and the home page; the
//! rest of the app (worksheets, charts, reports, the dashboard) is split off into chunks of
//! its own by the release build (`cargo xtask post-build`, with `wasm_split_cli_support`). Each
//! function below is one split point: calling it fetches its chunk (once), then draws the page.
//! Code two chunks share goes into a chunk of its own, fetched with either.
//!
//! A chunk that cannot be fetched (offline before the service worker has stored it, a flaky
//! network) does not stop the app: [`Lazy`] says which page is missing and offers to try
//! again, and everything else keeps working. Without the `split` feature (the wasm-bindgen
//! tests, `cargo check`) the functions are plain async calls, and nothing is left to load.

use std::future::Future;

use leptos::prelude::*;
#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;

/// A page's chunk could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

impl From<SplitLoaderError> for ChunkMissing {
    fn from(_: SplitLoaderError) -> ChunkMissing {
        ChunkMissing
    }
}

/// The page in its chunk, drawn in the current owner.
type PageResult = Result<AnyView, ChunkMissing>;

macro_rules! lazy_pages {
    ($($chunk:ident: $($name:ident => $page:ident),* ;)*) => {
        $($(
            #[doc = concat!("Fetches the chunk with [`crate::pages::", stringify!($page), "`] and draws it.")]
            #[cfg(feature = "split")]
            #[wasm_split($chunk, fallible)]
            pub fn $name() -> PageResult {
                Ok(untrack(|| view! { <crate::pages::$page/> }.into_any()))
            }

            #[doc = concat!("Draws [`crate::pages::", stringify!($page), "`] (a build without chunks).")]
            #[cfg(not(feature = "split"))]
            pub async fn $name() -> PageResult {
                Ok(untrack(|| view! { <crate::pages::$page/> }.into_any()))
            }
        )*)*
    };
}

// Pages go into a few chunks, by what a person opens together: a chunk a page would make many
// small ones (one for each set of pages sharing some code), each with its own overhead, and
// the whole offline set would grow by a third.
lazy_pages! {
    // A team's worksheets: the overview, aim, drivers, change ideas, PDSA cycles, people and
    // monthly reports.
    worksheets:
        team => TeamPage, aim => AimPage, measures => MeasuresPage, drivers => DriversPage,
        driver => DriverPage, idea => IdeaPage, cycles => CyclesPage, new_cycle => NewCyclePage,
        cycle => CyclePage, activity => ActivityPage, people => PeoplePage, reports => ReportsPage,
        report => ReportPage;
    // The charts and their statistics: a measure, a collaborative's common measures, the
    // coach's dashboard, the change library and the storyboards.
    charts:
        measure => MeasurePage, collab => CollabPage, compare => ComparePage,
        common_measure => CommonMeasurePage, dashboard => DashboardPage, library => LibraryPage,
        storyboard => StoryboardPage, storyboards => StoryboardSetPage;
    // Signing in and the device's settings (backups, the local team, storage).
    account:
        sign_in => SignInPage, settings => SettingsPage;
}

/// One sync's pushing and pulling ([`crate::sync::Sync::once`]): fetched at the first sync, so
/// the first screen does without it.
#[cfg(feature = "split")]
#[wasm_split(sync_engine, fallible)]
pub fn sync_once(sync: crate::sync::Sync) -> Result<SyncRun, ChunkMissing> {
    Ok(Box::pin(async move { sync.once().await }))
}

/// One sync's pushing and pulling (a build without chunks).
#[cfg(not(feature = "split"))]
pub async fn sync_once(sync: crate::sync::Sync) -> Result<SyncRun, ChunkMissing> {
    Ok(Box::pin(async move { sync.once().await }))
}

/// A sync run, made in the sync chunk.
pub type SyncRun = std::pin::Pin<Box<dyn Future<Output = Result<(), crate::error::ClientError>>>>;

/// Shows the page `load` fetches: "Opening this page…" while its chunk comes, the page when
/// it is there (at once when it was fetched before), and a way to try again when it cannot be
/// fetched.
#[component]
pub fn Lazy<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = PageResult> + 'static,
{
    let attempt = RwSignal::new(0u32);
    let retry = move || attempt.update(|n| *n += 1);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{crate::t!("opening-page")}</p> }>
            {move || {
                attempt.track();
                let page = send_wrapper::SendWrapper::new(load());
                Suspend::new(async move {
                    match page.await {
                        Ok(page) => page,
                        Err(ChunkMissing) => view! { <ChunkFailed retry/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// What a person sees when a page's code did not arrive.
#[component]
fn ChunkFailed(retry: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    crate::pages::page_title(|| crate::t!("page-not-loaded"));
    view! {
        <div class="error-box" role="alert" data-testid="chunk-failed">
            <h1>{crate::t!("page-could-not-load")}</h1>
            <p>{crate::t!("page-could-not-load-text")}</p>
            <button type="button" class="button primary" on:click=move |_| retry()>{crate::t!("try-again")}</button>
        </div>
    }
}
