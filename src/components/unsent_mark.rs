//! The mark on something written on this device that has not reached the server yet.

use leptos::prelude::*;

/// "Not sent yet", shown while the item's changes wait on this device.
#[component]
pub fn UnsentMark(
    /// Whether the item has changes still to send.
    #[prop(into)]
    unsent: Signal<bool>,
) -> impl IntoView {
    view! {
        <Show when=move || unsent.get()>
            <span class="unsent" data-testid="unsent" title=crate::t!("unsent-title")>
                {crate::t!("not-sent-yet")}
            </span>
        </Show>
    }
}
