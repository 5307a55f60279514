//! A small table editor for list fields (questions and predictions; tasks): one card per
//! row, an input per column, add and remove buttons. Rows are keyed by position.

use std::collections::BTreeMap;

use leptos::prelude::*;
use ramp_core::Value;

use crate::components::capitalised;
use crate::t;

/// Edits a table value row by row.
#[component]
pub fn TableInput(
    /// The field's input id, used to name each cell's input.
    id: String,
    /// What one row is called ("question", "task").
    row_name: String,
    /// The columns: (name, label).
    columns: Vec<(&'static str, String)>,
    /// The table on screen.
    #[prop(into)]
    value: Signal<Value>,
    /// Called as the person types in a cell.
    #[prop(into)]
    on_input: Callback<Value>,
    /// Called when a cell is left, or a row added or removed.
    #[prop(into)]
    on_commit: Callback<Value>,
) -> impl IntoView {
    let rows = move || value.with(|v| v.as_rows().to_vec());
    let count = Memo::new(move |_| value.with(|v| v.as_rows().len()));
    let with_cell = move |row: usize, column: &str, text: String| {
        let mut rows = rows();
        if let Some(cells) = rows.get_mut(row) {
            cells.insert(column.to_owned(), text);
        }
        Value::Rows(rows)
    };
    let columns = StoredValue::new(columns);
    let row_name = StoredValue::new(row_name);
    let add_row = move |_| {
        let mut rows = rows();
        let row: BTreeMap<String, String> =
            columns.with_value(|c| c.iter().map(|(name, _)| (name.to_string(), String::new())).collect());
        rows.push(row);
        on_input.run(Value::Rows(rows));
    };
    let remove_row = move |row: usize| {
        let mut rows = rows();
        if row < rows.len() {
            rows.remove(row);
        }
        on_commit.run(Value::Rows(rows));
    };
    view! {
        <div class="table-input">
            <For each=move || 0..count.get() key=|row| *row let:row>
                <fieldset class="row-card">
                    <legend>{format!("{} {}", capitalised(&row_name.get_value()), row + 1)}</legend>
                    {columns.get_value().into_iter().map(|(name, label)| {
                        let cell_id = format!("{id}-{row}-{name}");
                        let cell = move || value.with(|v| v.as_rows().get(row).and_then(|r| r.get(name)).cloned().unwrap_or_default());
                        view! {
                            <label for=cell_id.clone() class="cell-label">{label}</label>
                            // Questions, predictions and tasks run to a sentence or two: each
                            // cell wraps and grows rather than cutting off at phone width.
                            <textarea id=cell_id prop:value=cell rows="2" class="cell"
                                on:input=move |ev| on_input.run(with_cell(row, name, event_target_value(&ev)))
                                on:change=move |ev| on_commit.run(with_cell(row, name, event_target_value(&ev)))></textarea>
                        }
                    }).collect_view()}
                    <button type="button" class="link-button" on:click=move |_| remove_row(row)>
                        {t!("remove-row", row = row_name.get_value(), number = row + 1)}
                    </button>
                </fieldset>
            </For>
            <button type="button" class="secondary" on:click=add_row>{t!("add-row", row = row_name.get_value())}</button>
        </div>
    }
}
