//! The status chip in the header: is the latest change saved on this device, and has it
//! reached the server (syncing, synced at, waiting, offline, conflicts, refused). Reads
//! `LocalDb` and `Sync`; never saves or sends anything.

use leptos::prelude::*;

use crate::components::capitalised;
use crate::error::ClientError;
use crate::store::{LocalDb, SaveState};
use crate::sync::{Sync, SyncState};
use crate::t;

/// Always visible: the save state, then where the changes are.
#[component]
pub fn StatusChip() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let state = move || local_db.save_state();
    let waiting = move || local_db.with(|replica| replica.outbox().len());
    // One pass over the device's records per change (the chip's colour and words both read it).
    let conflicts = Memo::new(move |_| {
        local_db.with(|replica| replica.local().values().map(ramp_core::Record::open_conflicts).sum::<usize>())
    });
    let refused = move || local_db.refused().len();
    let offline = move || matches!(sync.state(), SyncState::Failed(ClientError::Offline));
    let class = move || match (state(), conflicts.get() + refused()) {
        (SaveState::NotSaved(_), _) => "chip chip-bad",
        (_, n) if n > 0 => "chip chip-bad",
        (SaveState::Saving, _) => "chip chip-busy",
        _ if offline() => "chip chip-offline",
        _ => "chip chip-ok",
    };
    let headline = move || match state() {
        SaveState::Idle | SaveState::Saved => t!("saved-on-device"),
        SaveState::Saving => t!("saving"),
        SaveState::NotSaved(_) => t!("not-saved"),
    };
    let detail = move || {
        if let SaveState::NotSaved(reason) = state() {
            return reason;
        }
        let mut words = vec![server_words(sync.state(), waiting())];
        match conflicts.get() {
            0 => {}
            n => words.push(t!("conflicts-to-resolve", count = n)),
        }
        match refused() {
            0 => {}
            n => words.push(t!("changes-refused", count = n)),
        }
        words.join(" · ")
    };
    view! {
        <div class=class role="status" aria-live="polite" data-testid="save-status">
            <span class="chip-headline">{headline}</span>
            <span class="chip-detail" data-testid="sync-status">{detail}</span>
        </div>
    }
}

/// Where the changes are, in a few words.
fn server_words(state: SyncState, waiting: usize) -> String {
    let waiting_words = t!("changes-waiting", count = waiting);
    match state {
        SyncState::SignedOut => t!("on-this-device-only"),
        SyncState::Syncing => t!("syncing"),
        SyncState::Failed(ClientError::Offline) => t!("sync-offline", waiting = waiting_words),
        SyncState::Failed(ClientError::SignInNeeded) => t!("sync-sign-in-again", waiting = waiting_words),
        SyncState::Failed(ClientError::LocalTeamWaiting) => t!("sync-local-team-waiting", waiting = waiting_words),
        SyncState::Failed(_) => t!("sync-failed", waiting = waiting_words),
        SyncState::Waiting | SyncState::Synced(_) if waiting > 0 => capitalised(&waiting_words),
        SyncState::Waiting => t!("not-synced-yet"),
        SyncState::Synced(at) => t!("synced-at", time = clock_time(at)),
    }
}

/// "14:05" in the device's time zone.
fn clock_time(unix_ms: f64) -> String {
    let date = js_sys::Date::new(&unix_ms.into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}
