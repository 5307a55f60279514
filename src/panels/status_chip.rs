//! The status chip in the header: is the latest change saved on this device, and has it
//! reached the server (syncing, synced at, waiting, offline, conflicts, refused). Reads
//! `LocalDb` and `Sync`; never saves or sends anything.

use leptos::prelude::*;

use crate::components::capitalised;
use crate::error::ClientError;
use crate::store::{LocalDb, SaveState};
use crate::sync::{Sync, SyncState};

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
        SaveState::Idle | SaveState::Saved => "Saved on this device".to_owned(),
        SaveState::Saving => "Saving…".to_owned(),
        SaveState::NotSaved(_) => "Not saved".to_owned(),
    };
    let detail = move || {
        if let SaveState::NotSaved(reason) = state() {
            return reason;
        }
        let mut words = vec![server_words(sync.state(), waiting())];
        match conflicts.get() {
            0 => {}
            1 => words.push("1 conflict to resolve".to_owned()),
            n => words.push(format!("{n} conflicts to resolve")),
        }
        match refused() {
            0 => {}
            1 => words.push("1 change refused".to_owned()),
            n => words.push(format!("{n} changes refused")),
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
    let waiting_words = match waiting {
        0 => "nothing waiting to send".to_owned(),
        1 => "1 change not sent yet".to_owned(),
        n => format!("{n} changes not sent yet"),
    };
    match state {
        SyncState::SignedOut => "On this device only".to_owned(),
        SyncState::Syncing => "Syncing…".to_owned(),
        SyncState::Failed(ClientError::Offline) => format!("Offline: {waiting_words}"),
        SyncState::Failed(ClientError::SignInNeeded) => format!("Sign in again · {waiting_words}"),
        SyncState::Failed(ClientError::LocalTeamWaiting) => format!("Local team to move (Settings) · {waiting_words}"),
        SyncState::Failed(_) => format!("Sync failed · {waiting_words}"),
        SyncState::Waiting | SyncState::Synced(_) if waiting > 0 => capitalised(&waiting_words),
        SyncState::Waiting => "Not synced yet".to_owned(),
        SyncState::Synced(at) => format!("Synced at {}", clock_time(at)),
    }
}

/// "14:05" in the device's time zone.
fn clock_time(unix_ms: f64) -> String {
    let date = js_sys::Date::new(&unix_ms.into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}
