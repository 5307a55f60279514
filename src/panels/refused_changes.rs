//! The changes the server refused: what was written where, and why, so the person can copy
//! the text elsewhere or download them all before dropping them. Calls `LocalDb::drop_refused`;
//! shows nothing when there are none.

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
                let label = schema::spec(op.kind, &op.field).map_or(op.field.clone(), crate::i18n::fields::label);
                let value = match &op.value {
                    Value::Text(text) => text.clone(),
                    Value::Rows(rows) => rows.iter().flat_map(|r| r.values().cloned()).collect::<Vec<_>>().join(" / "),
                    other => format!("{other:?}"),
                };
                (
                    format!("{} · {label}", crate::t!("kind-name", kind = op.kind.as_str())),
                    value,
                    crate::i18n::refusal(&refused.reason, refused.code.as_ref()),
                )
            })
            .collect::<Vec<_>>()
    };
    let download = move |_| {
        let refused = local_db.refused();
        let rows: Vec<serde_json::Value> = refused
            .iter()
            .map(|r| {
                serde_json::json!({
                    "kind": r.op.kind, "record": r.op.record, "scope": r.op.scope, "field": r.op.field,
                    "value": r.op.value, "written_ms": r.op.hlc.wall_ms, "reason": r.reason
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows).unwrap_or_default();
        let _ = crate::files::download("ramp-refused-changes.json", "application/json", &text);
    };
    let drop_all = move |_| {
        leptos::task::spawn_local(async move {
            let _ = local_db.drop_refused().await;
        })
    };
    view! {
        <Show when=move || !local_db.refused().is_empty()>
            <section class="panel" id="refused" data-testid="refused">
                <h2>{crate::t!("refused-title")}</h2>
                <p>{crate::t!("refused-hint")}</p>
                <ul class="refused-list">
                    {move || rows().into_iter().map(|(what, value, reason)| view! {
                        <li>
                            <p class="conflict-meta">{what}</p>
                            <p class="conflict-value">{value}</p>
                            <p class="problem">{reason}</p>
                        </li>
                    }).collect_view()}
                </ul>
                <div class="button-row">
                    <button type="button" data-testid="download-refused" on:click=download>{crate::t!("download-refused")}</button>
                    <button type="button" data-testid="drop-refused" on:click=drop_all>{crate::t!("drop-refused")}</button>
                </div>
            </section>
        </Show>
    }
}
