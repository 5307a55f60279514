//! The changes the server refused: what was written where, and why, so the person can copy
//! the text elsewhere before dropping them. Calls `LocalDb::drop_refused`; shows nothing when
//! there are none.

use leptos::prelude::*;
use ramp_core::{schema, Value};

use crate::store::LocalDb;

/// The list of refused changes, with a button to drop them.
#[component]
pub fn RefusedChanges() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let rows = move || {
        local_db
            .refused()
            .into_iter()
            .map(|refused| {
                let op = refused.op;
                let label = schema::spec(op.kind, &op.field).map_or(op.field.clone(), |s| s.label.to_owned());
                let value = match &op.value {
                    Value::Text(text) => text.clone(),
                    Value::Rows(rows) => rows.iter().flat_map(|r| r.values().cloned()).collect::<Vec<_>>().join(" / "),
                    other => format!("{other:?}"),
                };
                (format!("{} · {label}", op.kind), value, refused.reason)
            })
            .collect::<Vec<_>>()
    };
    let drop_all = move |_| {
        leptos::task::spawn_local(async move {
            let _ = local_db.drop_refused().await;
        })
    };
    view! {
        <Show when=move || !local_db.refused().is_empty()>
            <section class="panel" id="refused" data-testid="refused">
                <h2>"Changes the server refused"</h2>
                <p>"These were not applied. Copy what you need, then drop them."</p>
                <ul class="refused-list">
                    {move || rows().into_iter().map(|(what, value, reason)| view! {
                        <li>
                            <p class="conflict-meta">{what}</p>
                            <p class="conflict-value">{value}</p>
                            <p class="problem">{reason}</p>
                        </li>
                    }).collect_view()}
                </ul>
                <button type="button" on:click=drop_all>"Drop these changes"</button>
            </section>
        </Show>
    }
}
