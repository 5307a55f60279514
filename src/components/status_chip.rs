//! The status chip in the header: is the latest change saved on this device, and how many
//! changes have not reached a server. Reads `LocalDb`; never saves anything.

use leptos::prelude::*;

use crate::store::{LocalDb, SaveState};

/// Always visible: "Saved on this device", "Saving…" or "Not saved" with the reason.
#[component]
pub fn StatusChip() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let state = move || local_db.save_state();
    let waiting = move || local_db.with(|replica| replica.outbox().len());
    let class = move || match state() {
        SaveState::NotSaved(_) => "chip chip-bad",
        SaveState::Saving => "chip chip-busy",
        SaveState::Idle | SaveState::Saved => "chip chip-ok",
    };
    let headline = move || match state() {
        SaveState::Idle | SaveState::Saved => "Saved on this device".to_owned(),
        SaveState::Saving => "Saving…".to_owned(),
        SaveState::NotSaved(_) => "Not saved".to_owned(),
    };
    let detail = move || match state() {
        SaveState::NotSaved(reason) => reason,
        _ => match waiting() {
            0 => "Nothing waiting to be sent".to_owned(),
            1 => "1 change not yet sent".to_owned(),
            n => format!("{n} changes not yet sent"),
        },
    };
    view! {
        <div class=class role="status" aria-live="polite" data-testid="save-status">
            <span class="chip-headline">{headline}</span>
            <span class="chip-detail">{detail}</span>
        </div>
    }
}
