//! The account panel: who is signed in, sign out (asking first if changes still wait), or
//! the way to sign in. Calls `Sync`; never touches storage itself.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::store::LocalDb;
use crate::sync::Sync;

/// Signed in as …, with sign out; or a sign-in link.
#[component]
pub fn AccountPanel() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let local_db = expect_context::<LocalDb>();
    let problem = RwSignal::new(None::<String>);
    let sign_out = move |_| {
        let waiting = local_db.with_untracked(|r| r.outbox().len());
        let question = crate::t!("sign-out-question", count = waiting);
        let confirmed =
            waiting == 0 || web_sys::window().and_then(|w| w.confirm_with_message(&question).ok()).unwrap_or(false);
        if confirmed {
            leptos::task::spawn_local(async move {
                if let Err(error) = sync.sign_out().await {
                    problem.set(Some(error.to_string()));
                }
            });
        }
    };
    view! {
        <section class="panel" data-testid="account">
            <h2>{crate::t!("account")}</h2>
            {move || match sync.session() {
                Some(session) => view! {
                    <p>{crate::t!("signed-in-as")}" "<strong>{session.user.name}</strong> " (" {session.user.email} ")."</p>
                    <button type="button" on:click=sign_out>{crate::t!("sign-out")}</button>
                }.into_any(),
                None => view! {
                    <p>{crate::t!("not-signed-in")}</p>
                    <A href="/signin" attr:class="button primary">{crate::t!("sign-in")}</A>
                }.into_any(),
            }}
            <p class="problem" role="alert">{move || problem.get()}</p>
        </section>
    }
}
