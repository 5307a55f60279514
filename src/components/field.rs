//! One labelled input for one field of a worksheet, drawn from its `FieldSpec`: a line, a
//! paragraph, a date, a choice or a table. Shows the field's problem under it; never saves.

use leptos::prelude::*;
use ramp_core::schema::{FieldSpec, Input};
use ramp_core::Value;

use crate::components::TableInput;

/// A labelled input with its hint and its problem, if any.
#[component]
pub fn FieldInput(
    /// Which field, with its label, hint and kind of input.
    spec: &'static FieldSpec,
    /// The value on screen.
    #[prop(into)]
    value: Signal<Value>,
    /// What is wrong with the value, in words, if anything.
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// Called as the person types (for a save a moment later).
    #[prop(into)]
    on_input: Callback<Value>,
    /// Called when the person leaves the field or picks a value (save now).
    #[prop(into)]
    on_commit: Callback<Value>,
) -> impl IntoView {
    let id = format!("f-{}", spec.name);
    let hint_id = format!("{id}-hint");
    let problem_id = format!("{id}-problem");
    let described_by = format!("{hint_id} {problem_id}");
    let text = move || value.with(|v| v.as_text().to_owned());
    let invalid = move || problem.with(Option::is_some).to_string();
    let typed = move |ev| Value::Text(event_target_value(&ev));
    let input = match spec.input {
        Input::Line => view! {
            <input type="text" id=id.clone() prop:value=text aria-invalid=invalid aria-describedby=described_by.clone()
                aria-required=spec.required.is_some().to_string() autocomplete="off"
                on:input=move |ev| on_input.run(typed(ev)) on:change=move |ev| on_commit.run(typed(ev))/>
        }
        .into_any(),
        Input::Paragraph => view! {
            <textarea id=id.clone() rows="3" prop:value=text aria-invalid=invalid aria-describedby=described_by.clone()
                on:input=move |ev| on_input.run(typed(ev)) on:change=move |ev| on_commit.run(typed(ev))></textarea>
        }
        .into_any(),
        Input::Date => view! {
            <input type="date" id=id.clone() prop:value=text aria-invalid=invalid aria-describedby=described_by.clone()
                on:change=move |ev| on_commit.run(typed(ev))/>
        }
        .into_any(),
        Input::Choice(choices) => view! {
            <div class="choices" role="radiogroup" aria-labelledby=format!("{id}-label") aria-describedby=described_by.clone()>
                {choices.iter().map(|(stored, label)| {
                    let option_id = format!("{}-{}", id, stored);
                    view! {
                        <label class="choice" for=option_id.clone()>
                            <input type="radio" id=option_id.clone() name=spec.name value=*stored
                                prop:checked=move || value.with(|v| v.as_text() == *stored)
                                on:change=move |_| on_commit.run(Value::Text((*stored).to_owned()))/>
                            <span>{*label}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        }
        .into_any(),
        Input::Table { row, columns } => view! {
            <TableInput id=id.clone() row_name=row columns=columns value=value on_input=on_input on_commit=on_commit/>
        }
        .into_any(),
    };
    let label_for = matches!(spec.input, Input::Line | Input::Paragraph | Input::Date).then(|| id.clone());
    view! {
        <div class="field" data-testid=format!("field-{}", spec.name)>
            <label id=format!("{id}-label") for=label_for class="field-label">
                {spec.label}
                {spec.required.map(|_| view! { <span class="required">" (required)"</span> })}
            </label>
            {input}
            <p id=hint_id class="hint">{spec.hint}</p>
            <p id=problem_id class="problem" role="alert">{move || problem.get()}</p>
        </div>
    }
}
