//! A field's conflict: the values written at the same time on different devices, who wrote
//! each and when, and a button to keep one. Shows nothing when there is no conflict.

use leptos::prelude::*;
use ramp_core::Value;

/// One of the concurrent values.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The value.
    pub value: Value,
    /// Who wrote it.
    pub author: String,
    /// Whether it was written on this device.
    pub here: bool,
    /// When (Unix ms, the writer's clock).
    pub at: u64,
}

/// The conflict box under a field.
#[component]
pub fn ConflictChoices(
    /// The concurrent values (fewer than two: no conflict).
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    /// Called with the value to keep.
    #[prop(into)]
    on_choose: Callback<Value>,
    /// For link fields: the words for a linked record's id (otherwise ids would show).
    #[prop(optional)]
    names: Option<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    let shown = move |value: &Value| {
        let named =
            |id: &str| names.and_then(|n| n.with(|n| n.iter().find(|(k, _)| k == id).map(|(_, label)| label.clone())));
        match value {
            Value::Text(id) => named(id).unwrap_or_else(|| words(value)),
            Value::Rows(rows) if rows.iter().all(|r| r.len() == 1 && r.contains_key("id")) && names.is_some() => rows
                .iter()
                .filter_map(|r| r.get("id"))
                .map(|id| named(id).unwrap_or_else(|| crate::t!("removed-value")))
                .collect::<Vec<_>>()
                .join("; "),
            _ => words(value),
        }
    };
    view! {
        <Show when=move || choices.with(|c| c.len() > 1)>
            <div class="conflict" role="group" aria-label=crate::t!("conflicting-values") data-testid="conflict">
                <p class="conflict-title">{crate::t!("conflict-question")}</p>
                <For each=move || choices.get() key=|c| (c.author.clone(), c.at, format!("{:?}", c.value)) let:choice>
                    <div class="conflict-choice">
                        <p class="conflict-value">{shown(&choice.value)}</p>
                        <p class="conflict-meta" data-testid="conflict-meta">{written_by(&choice)}</p>
                        <button type="button" on:click={
                            let value = choice.value.clone();
                            move |_| on_choose.run(value.clone())
                        }>{crate::t!("keep-this")}</button>
                    </div>
                </For>
            </div>
        </Show>
    }
}

/// "Mia Patel (member) on this phone, 3 Dec 10:02" / "… on another device, …".
fn written_by(choice: &Choice) -> String {
    let name = ramp_core::identity::name_of(&choice.author);
    let who = match ramp_core::identity::role_of(&choice.author) {
        Some(role) => format!("{name} ({})", crate::i18n::role(role)),
        None => name.to_owned(),
    };
    let device = if choice.here { "here" } else { "elsewhere" };
    crate::t!("written-by", who = who, device = device, when = when(choice.at))
}

/// A value in words.
pub(crate) fn words(value: &Value) -> String {
    match value {
        Value::Null => crate::t!("empty-value"),
        Value::Bool(b) => {
            if *b {
                crate::t!("yes")
            } else {
                crate::t!("no")
            }
        }
        Value::Number(n) => crate::i18n::number(*n),
        Value::Text(text) if text.trim().is_empty() => crate::t!("empty-value"),
        Value::Text(text) => text.clone(),
        Value::Rows(rows) => rows
            .iter()
            .map(|row| row.values().filter(|v| !v.is_empty()).cloned().collect::<Vec<_>>().join(" / "))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// "28 Nov 14:05"; a time still in the future says so (the writing device's clock was ahead).
fn when(unix_ms: u64) -> String {
    const FIVE_MINUTES: f64 = 300_000.0;
    if unix_ms as f64 > js_sys::Date::now() + FIVE_MINUTES {
        return crate::t!("clock-ahead", when = day_and_time(unix_ms));
    }
    day_and_time(unix_ms)
}

/// "28 Nov 14:05".
pub(crate) fn day_and_time(unix_ms: u64) -> String {
    let date = js_sys::Date::new(&(unix_ms as f64).into());
    crate::t!(
        "day-and-time",
        day = date.get_date().to_string(),
        month = crate::i18n::month_name(date.get_month() % 12 + 1),
        time = format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
    )
}
