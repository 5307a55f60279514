//! Signing in (email and password), joining a team with an invite code, or setting a new
//! password with a reset code from faculty: once, online; after that the device syncs on its
//! own.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::error::ClientError;
use crate::sync::Sync;
use crate::t;

/// The sign-in page, with the invite-code form below.
#[component]
pub fn SignInPage() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let navigate = use_navigate();
    let go_home = move || navigate("/", Default::default());
    let sign_in = move |values: Vec<String>| async move { sync.sign_in(&values[0], &values[1]).await };
    let join =
        move |values: Vec<String>| async move { sync.sign_up(&values[0], &values[1], &values[2], &values[3]).await };
    let reset = move |values: Vec<String>| async move { sync.reset_password(&values[0], &values[1], &values[2]).await };
    crate::pages::page_title(|| t!("sign-in"));
    view! {
        <h1>{t!("sign-in")}</h1>
        <p class="lead">{t!("sign-in-lead")}</p>
        <AccountForm id="signin" submit_label=t!("sign-in") on_done=go_home.clone() action=sign_in
            inputs=vec![("email", t!("email"), "email", "username"), ("password", t!("password"), "password", "current-password")]/>
        <section class="panel">
            <h2>{t!("joining-a-team")}</h2>
            <p>{t!("joining-hint")}</p>
            <AccountForm id="join" submit_label=t!("join-the-team") on_done=go_home.clone() action=join
                inputs=vec![
                    ("code", t!("invite-code"), "text", "off"),
                    ("name", t!("your-name"), "text", "name"),
                    ("email", t!("email"), "email", "username"),
                    ("password", t!("choose-password"), "password", "new-password"),
                ]/>
        </section>
        <section class="panel">
            <h2>{t!("forgot-password")}</h2>
            <p>{t!("forgot-password-hint")}</p>
            <AccountForm id="reset" submit_label=t!("set-new-password") on_done=go_home action=reset
                inputs=vec![
                    ("email", t!("email"), "email", "username"),
                    ("code", t!("reset-code"), "text", "off"),
                    ("password", t!("new-password"), "password", "new-password"),
                ]/>
        </section>
    }
}

/// A small account form: labelled inputs, the server's answer in words, a busy button.
#[component]
pub(crate) fn AccountForm<A, F>(
    /// Prefix of the inputs' ids.
    id: &'static str,
    /// The inputs: (name, label, type, autocomplete).
    inputs: Vec<(&'static str, String, &'static str, &'static str)>,
    /// The button's words.
    submit_label: String,
    /// Sends the values, in input order.
    action: A,
    /// Called after success.
    on_done: impl Fn() + Clone + 'static,
) -> impl IntoView
where
    A: Fn(Vec<String>) -> F + Clone + 'static,
    F: std::future::Future<Output = Result<(), ClientError>> + 'static,
{
    let values: Vec<RwSignal<String>> = inputs.iter().map(|_| RwSignal::new(String::new())).collect();
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let read = values.clone();
    let clear = values.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        problem.set(None);
        let values: Vec<String> = read.iter().map(|v| v.get_untracked()).collect();
        let (action, on_done, clear) = (action.clone(), on_done.clone(), clear.clone());
        leptos::task::spawn_local(async move {
            match action(values).await {
                Ok(()) => {
                    // Passwords and codes do not stay on the screen once used.
                    clear.iter().for_each(|v| v.set(String::new()));
                    on_done()
                }
                Err(error) => problem.set(Some(error.to_string())),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="create-form" on:submit=submit>
            {inputs.into_iter().zip(values).map(|((name, label, kind, autocomplete), value)| {
                let input_id = format!("{id}-{name}");
                view! {
                    <div class="field">
                        <label class="field-label" for=input_id.clone()>{label}</label>
                        <input type=kind id=input_id autocomplete=autocomplete required
                            prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
                    </div>
                }
            }).collect_view()}
            <p class="problem" role="alert" data-testid=format!("{id}-problem")>{move || problem.get()}</p>
            <button type="submit" class="primary" disabled=busy>{move || if busy.get() { t!("please-wait") } else { submit_label.clone() }}</button>
        </form>
    }
}
