//! A `<select>` of the ways a list can be ordered, bound to a signal.

use leptos::prelude::*;

/// The orders `options` offers, as (order, its name in the page, its words), with `value` the
/// one chosen; `id` when a `<label for>` names it.
#[component]
pub fn OrderSelect<T>(
    options: &'static [(T, &'static str, &'static str)],
    value: RwSignal<T>,
    testid: &'static str,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <select id=id data-testid=testid on:change=move |ev| {
            let key = event_target_value(&ev);
            if let Some((order, _, _)) = options.iter().find(|(_, k, _)| *k == key) {
                value.set(*order);
            }
        }>
            {options.iter().map(|(order, key, words)| view! {
                <option value=*key selected=move || value.get() == *order>{*words}</option>
            }).collect_view()}
        </select>
    }
}
