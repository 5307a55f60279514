//! The page for an address Ramp does not know.

use leptos::prelude::*;
use leptos_router::components::A;

/// "Not found", with the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    crate::pages::page_title(|| crate::t!("nothing-here"));
    view! {
        <h1>{crate::t!("nothing-here")}</h1>
        <p>{crate::t!("nothing-here-text")}</p>
        <A href="/" attr:class="button">{crate::t!("go-to-teams")}</A>
    }
}
