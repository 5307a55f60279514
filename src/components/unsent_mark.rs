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
            <span class="unsent" data-testid="unsent" title="Saved on this device; it reaches the team when this device syncs">
                "Not sent yet"
            </span>
        </Show>
    }
}
