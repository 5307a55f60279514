//! A `<select>` of the ways a list can be ordered, bound to a signal.

use leptos::prelude::*;

/// The orders `options` offers, as (order, its key), worded by the catalogue's `<words>-<key>`,
/// with `value` the one chosen; `id` when a `<label for>` names it.
#[component]
pub fn OrderSelect<T>(
    options: &'static [(T, &'static str)],
    /// The start of the orders' catalogue keys ("dash-sort").
    words: &'static str,
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
            if let Some((order, _)) = options.iter().find(|(_, k)| *k == key) {
                value.set(*order);
            }
        }>
            {options.iter().map(|(order, key)| view! {
                <option value=*key selected=move || value.get() == *order>{crate::i18n::text(&format!("{words}-{key}"), &[])}</option>
            }).collect_view()}
        </select>
    }
}
