//! The page for an address Ramp does not know.

use leptos::prelude::*;
use leptos_router::components::A;

/// "Not found", with the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    crate::pages::page_title(|| "Nothing here".to_owned());
    view! {
        <h1>"Nothing here"</h1>
        <p>"This address does not match anything in Ramp. It may be a cycle from another device that has not reached this one."</p>
        <A href="/" attr:class="button">"Go to your teams"</A>
    }
}
