//! The pages, one per route. A page reads route params and `LocalDb`, owns its page state,
//! and calls store actions; it draws with `components` and never touches IndexedDB.

mod cycle;
mod home;
mod new_cycle;
mod not_found;
mod settings;
mod sign_in;
mod team;

pub use cycle::CyclePage;
pub use home::HomePage;
pub use new_cycle::NewCyclePage;
pub use not_found::NotFound;
pub use settings::SettingsPage;
pub use sign_in::SignInPage;
pub use team::TeamPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use ramp_core::{Draft, Edit, Kind, RecordId, Uuid7};

/// The record id in a route parameter, if it is a well-formed id (reactive).
fn id_param(name: &'static str) -> Memo<Option<RecordId>> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get(name).and_then(|text| Uuid7::parse(&text).ok()))
}

/// The edits that save a draft's changes to a record.
fn edits(record: &RecordId, kind: Kind, scope: &str, changes: Vec<(String, ramp_core::Value)>) -> Vec<Edit> {
    changes
        .into_iter()
        .map(|(field, value)| Edit { record: record.clone(), kind, scope: scope.to_owned(), field, value })
        .collect()
}

/// The edits that create a new record from a valid draft.
fn creation(record: &RecordId, kind: Kind, scope: &str, draft: &Draft) -> Vec<Edit> {
    edits(record, kind, scope, draft.changes(None))
}

/// Today's date on this device, as `YYYY-MM-DD`.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}
