//! One labelled input for one field of a worksheet, drawn from its `FieldSpec`: a line, a
//! paragraph, a date, a number, a period, a choice, a table, or links to other records.
//! Shows the field's problem under it, and a plain copy of the value for printing; never saves.

use leptos::prelude::*;
use ramp_core::schema::{FieldSpec, Input};
use ramp_core::Value;

use crate::components::TableInput;
use crate::i18n::fields as words;
use crate::t;

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
    /// For link fields: the records that can be chosen, as (id, label); for choice fields, the
    /// stored values to offer (all when empty).
    #[prop(optional)]
    options: Option<Signal<Vec<(String, String)>>>,
    /// The start of the input's id (default "f"), for a second form of the same fields on a page.
    #[prop(optional)]
    prefix: Option<&'static str>,
) -> impl IntoView {
    // This field's value and problem, followed only when they change: the props may derive
    // from the whole draft, and every field redrew on every keystroke in any other field.
    let (value, problem) = (Memo::new(move |_| value.get()), Memo::new(move |_| problem.get()));
    // The choices are redrawn only when they change, not on every change to the device's
    // records (a team's 300 cycles as <option>s were redrawn on every save).
    let options = Memo::new(move |_| options.map(|o| o.get()).unwrap_or_default());
    let id = format!("{}-{}", prefix.unwrap_or("f"), spec.name);
    let described_by = format!("{id}-hint {id}-problem");
    let text = move || value.with(|v| v.as_text().to_owned());
    let invalid = move || problem.with(Option::is_some).to_string();
    let typed = move |ev| Value::Text(event_target_value(&ev));
    let input = match spec.input {
        Input::Line => line_input(spec, id.clone(), value, problem, on_input, on_commit),
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
        Input::Choice(choices) => {
            let group = id.clone();
            // Sentences (the assessment scale) are a list of wide options; words are pills.
            let class = if choices.iter().any(|(stored, _)| words::choice(spec, stored).chars().count() > 32) {
                "choices choices-long"
            } else {
                "choices"
            };
            view! {
            <div class=class role="radiogroup" aria-labelledby=format!("{id}-label") aria-describedby=described_by.clone()>
                // When options are given, only those choices (and the value held, whatever it is).
                {move || options.with(|offered| choices.iter().filter(|(stored, _)| {
                    offered.is_empty() || offered.iter().any(|(k, _)| k == stored) || value.with(|v| v.as_text() == *stored)
                }).map(|(stored, _)| {
                    let option_id = format!("{}-{}", group, stored);
                    let label = words::choice(spec, stored);
                    view! {
                        <label class="choice" for=option_id.clone()>
                            <input type="radio" id=option_id.clone() name=spec.name value=*stored
                                prop:checked=move || value.with(|v| v.as_text() == *stored)
                                on:change=move |_| on_commit.run(Value::Text((*stored).to_owned()))/>
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view())}
            </div>
            }
            .into_any()
        }
        Input::Table { columns, .. } => view! {
            <TableInput id=id.clone() row_name=words::row(spec)
                columns=columns.iter().map(|(name, _)| (*name, words::column(spec, name))).collect()
                value=value on_input=on_input on_commit=on_commit/>
        }
        .into_any(),
        Input::Number { .. } => {
            let node = NodeRef::<leptos::html::Input>::new();
            // Typing "12." must not be redrawn as "12": the box keeps its text while it already
            // means the value on screen, and only takes the value when it changes elsewhere.
            Effect::new(move |_| {
                let shown = value.get();
                if let Some(input) = node.get() {
                    if parse_number(&input.value()) != shown {
                        input.set_value(&number_text(&shown));
                    }
                }
            });
            view! {
                <input type="text" inputmode="decimal" id=id.clone() node_ref=node class="number"
                    aria-invalid=invalid aria-describedby=described_by.clone() autocomplete="off"
                    on:input=move |ev| on_input.run(parse_number(&event_target_value(&ev)))
                    on:change=move |ev| on_commit.run(parse_number(&event_target_value(&ev)))/>
            }
            .into_any()
        }
        Input::Period | Input::Month => view! {
            <input type="month" id=id.clone() prop:value=text aria-invalid=invalid aria-describedby=described_by.clone()
                on:change=move |ev| on_commit.run(typed(ev))/>
        }
        .into_any(),
        Input::Ref(_) => view! {
            <select id=id.clone() aria-invalid=invalid aria-describedby=described_by.clone()
                prop:value=text on:change=move |ev| on_commit.run(typed(ev))>
                <option value="" selected=move || text().is_empty()>{t!("choose-option")}</option>
                {move || options.get().into_iter().map(|(option, label)| {
                    let selected = value.with(|v| v.as_text() == option);
                    view! { <option value=option selected=selected>{label}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        Input::Refs(_) => {
            let chosen = move || ramp_core::drivers::ids_in(&value.get());
            let (group_label, base_id) = (format!("{id}-label"), id.clone());
            view! {
                <div class="links" role="group" aria-labelledby=group_label aria-describedby=described_by.clone()>
                    {move || {
                        let list = options.get();
                        if list.is_empty() {
                            return view! { <p class="empty">{t!("nothing-to-link")}</p> }.into_any();
                        }
                        list.into_iter().map(|(option, label)| {
                            let option_id = format!("{base_id}-{option}");
                            let label_for = option_id.clone();
                            let checked_id = option.clone();
                            let toggled = option.clone();
                            view! {
                                <label class="choice link-choice" for=label_for>
                                    <input type="checkbox" id=option_id
                                        prop:checked=move || chosen().contains(&checked_id)
                                        on:change=move |ev| {
                                            let mut ids = chosen();
                                            ids.retain(|id| id != &toggled);
                                            if event_target_checked(&ev) {
                                                ids.push(toggled.clone());
                                            }
                                            on_commit.run(ramp_core::drivers::ids_value(&ids));
                                        }/>
                                    <span>{label}</span>
                                </label>
                            }
                        }).collect_view().into_any()
                    }}
                </div>
            }
            .into_any()
        }
    };
    let label_for = matches!(
        spec.input,
        Input::Line
            | Input::Paragraph
            | Input::Date
            | Input::Number { .. }
            | Input::Period
            | Input::Month
            | Input::Ref(_)
    )
    .then(|| id.clone());
    let printed = move || match spec.input {
        Input::Choice(choices) => value.with(|v| {
            choices
                .iter()
                .find(|(stored, _)| *stored == v.as_text())
                .map(|(stored, _)| words::choice(spec, stored))
                .unwrap_or_default()
        }),
        Input::Ref(_) => value.with(|v| {
            options.with(|o| o.iter().find(|(id, _)| id == v.as_text()).map(|(_, l)| l.clone()).unwrap_or_default())
        }),
        Input::Refs(_) => {
            let ids = ramp_core::drivers::ids_in(&value.get());
            options.with(|o| {
                o.iter().filter(|(id, _)| ids.contains(id)).map(|(_, l)| l.as_str()).collect::<Vec<_>>().join("; ")
            })
        }
        Input::Table { columns, .. } => value.with(|v| {
            v.as_rows()
                .iter()
                .map(|row| {
                    let cells: Vec<&str> = columns
                        .iter()
                        .filter_map(|(name, _)| row.get(*name).map(String::as_str))
                        .filter(|c| !c.trim().is_empty())
                        .collect();
                    cells.join(" — ")
                })
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        }),
        // Dates and periods as the reader's language writes them, not as stored.
        Input::Date => value.with(|v| crate::i18n::date(v.as_text())),
        Input::Period | Input::Month => value.with(|v| {
            ramp_core::period::Period::parse(v.as_text()).map_or_else(|| v.as_text().to_owned(), crate::i18n::period)
        }),
        _ => value.with(number_text),
    };
    frame(spec, &id, label_for, input.into_any(), printed, text, problem.into())
}

/// A one-line text field, drawn as [`FieldInput`] draws one, without the code of every other
/// kind of input: the start page's team form, on the first screen, needs only these.
#[component]
pub fn LineField(
    /// Which field, with its label and hint (an `Input::Line`).
    spec: &'static FieldSpec,
    /// The value on screen.
    #[prop(into)]
    value: Signal<Value>,
    /// What is wrong with the value, in words, if anything.
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// Called as the person types and when they leave the field.
    #[prop(into)]
    on_input: Callback<Value>,
    /// The start of the input's id (default "f").
    #[prop(optional)]
    prefix: Option<&'static str>,
) -> impl IntoView {
    let (value, problem) = (Memo::new(move |_| value.get()), Memo::new(move |_| problem.get()));
    let id = format!("{}-{}", prefix.unwrap_or("f"), spec.name);
    let text = move || value.with(|v| v.as_text().to_owned());
    let input = line_input(spec, id.clone(), value, problem, on_input, on_input);
    frame(spec, &id, Some(id.clone()), input, text, text, problem.into())
}

/// The one-line text input of a field (`Input::Line`), for [`FieldInput`] and [`LineField`].
fn line_input(
    spec: &'static FieldSpec,
    id: String,
    value: Memo<Value>,
    problem: Memo<Option<String>>,
    on_input: Callback<Value>,
    on_commit: Callback<Value>,
) -> AnyView {
    let described_by = format!("{id}-hint {id}-problem");
    let text = move || value.with(|v| v.as_text().to_owned());
    let invalid = move || problem.with(Option::is_some).to_string();
    let typed = move |ev| Value::Text(event_target_value(&ev));
    view! {
        <input type="text" id=id prop:value=text aria-invalid=invalid aria-describedby=described_by
            aria-required=spec.required.is_some().to_string() autocomplete="off"
            on:input=move |ev| on_input.run(typed(ev)) on:change=move |ev| on_commit.run(typed(ev))/>
    }
    .into_any()
}

/// What every field has around its input: the label, the printed value, the hint, the
/// character count near the limit, and the problem.
fn frame(
    spec: &'static FieldSpec,
    id: &str,
    label_for: Option<String>,
    input: AnyView,
    printed: impl Fn() -> String + Send + Sync + 'static,
    text: impl Fn() -> String + Send + Sync + Copy + 'static,
    problem: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="field" data-testid=format!("field-{}", spec.name)>
            <label id=format!("{id}-label") for=label_for class="field-label">
                {words::label(spec)}
                {spec.required.map(|_| view! { <span class="required">" "{t!("required")}</span> })}
            </label>
            {input}
            <p class="print-value" aria-hidden="true">{printed}</p>
            <p id=format!("{id}-hint") class="hint">{words::hint(spec)}</p>
            {spec.max_chars().map(|max| view! { <CharCount text=Signal::derive(text) max=max/> })}
            <p id=format!("{id}-problem") class="problem" role="alert">{move || problem.get()}</p>
        </div>
    }
}

/// "183 of 200 characters", shown once the text nears its limit (from 80 %), in the problem's
/// colour once it passes it.
#[component]
fn CharCount(#[prop(into)] text: Signal<String>, max: usize) -> impl IntoView {
    let count = Memo::new(move |_| text.with(|t| t.chars().count()));
    view! {
        <Show when=move || { count.get() * 5 >= max * 4 }>
            <p class="char-count" class:over=move || { count.get() > max } data-testid="char-count">
                {move || t!("characters-of", count = count.get(), max = max)}
            </p>
        </Show>
    }
}

/// What a number box's text means, as the reader's language writes numbers
/// (`ramp_core::number::read_in`): nothing, a number, or text kept as typed (a problem the
/// schema words).
fn parse_number(text: &str) -> Value {
    match ramp_core::number::read_in(text, crate::i18n::style()) {
        Ok(None) => Value::Null,
        Ok(Some(n)) if n.is_finite() => Value::Number(n),
        _ => Value::Text(text.to_owned()),
    }
}

/// A value as a number box shows it.
fn number_text(value: &Value) -> String {
    match value {
        Value::Number(n) => ramp_core::number::plain_in(*n, crate::i18n::style()),
        other => other.as_text().to_owned(),
    }
}
