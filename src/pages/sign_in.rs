//! Signing in: email and password, once, online; after that the device syncs on its own.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::sync::Sync;

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        problem.set(None);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match sync.sign_in(&email.get_untracked(), &password.get_untracked()).await {
                Ok(()) => navigate("/", Default::default()),
                Err(error) => problem.set(Some(error.to_string())),
            }
            busy.set(false);
        });
    };
    view! {
        <h1>"Sign in"</h1>
        <p class="lead">"Sign in once, with a connection, to share your team's work. After that Ramp works offline and sends changes when it can."</p>
        <form class="create-form" on:submit=submit>
            <div class="field">
                <label class="field-label" for="signin-email">"Email"</label>
                <input type="email" id="signin-email" autocomplete="username" required
                    prop:value=email on:input=move |ev| email.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label class="field-label" for="signin-password">"Password"</label>
                <input type="password" id="signin-password" autocomplete="current-password" required
                    prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
            </div>
            <p class="problem" role="alert" data-testid="signin-problem">{move || problem.get()}</p>
            <button type="submit" class="primary" disabled=busy>{move || if busy.get() { "Signing in…" } else { "Sign in" }}</button>
        </form>
    }
}
