//! The form that starts a new record (a team, a PDSA cycle): the chosen fields, checked by
//! `ramp-core` when the person submits. Invalid input stays on screen with its problem; only a
//! valid draft goes up to the page, which saves it.

use leptos::prelude::*;
use ramp_core::schema::FieldSpec;
use ramp_core::{Draft, Value};

use crate::components::{FieldInput, LineField};

/// How a form draws one field: [`any_field`], or [`line_field`] where every field is a line.
pub type FieldRender =
    fn(&'static FieldSpec, Signal<Value>, Signal<Option<String>>, Callback<Value>, &'static str) -> AnyView;

/// Any kind of field ([`FieldInput`]).
pub fn any_field(
    spec: &'static FieldSpec,
    value: Signal<Value>,
    problem: Signal<Option<String>>,
    set: Callback<Value>,
    prefix: &'static str,
) -> AnyView {
    view! { <FieldInput spec=spec value=value problem=problem on_input=set on_commit=set prefix=prefix/> }.into_any()
}

/// A one-line field ([`LineField`]): a form of lines only does without the code of the rest,
/// which keeps the start page's team form on the first screen small.
pub fn line_field(
    spec: &'static FieldSpec,
    value: Signal<Value>,
    problem: Signal<Option<String>>,
    set: Callback<Value>,
    prefix: &'static str,
) -> AnyView {
    debug_assert!(matches!(spec.input, ramp_core::schema::Input::Line), "{} is not a line", spec.name);
    view! { <LineField spec=spec value=value problem=problem on_input=set prefix=prefix/> }.into_any()
}

/// A short form for a new record.
#[component]
pub fn CreateForm(
    /// The empty (or pre-filled) draft.
    initial: Draft,
    /// The fields asked for, in order.
    fields: Vec<&'static FieldSpec>,
    /// The submit button's words.
    #[prop(into)]
    submit_label: String,
    /// How each field is drawn: [`any_field`], or [`line_field`] for a form of lines.
    field: FieldRender,
    /// Called with the draft once it has no problems.
    #[prop(into)]
    on_submit: Callback<Draft>,
    /// The start of its inputs' ids (default "f"): a second form of the same kind of fields
    /// on a page needs its own, or ids repeat.
    #[prop(optional)]
    prefix: Option<&'static str>,
) -> impl IntoView {
    let prefix = prefix.unwrap_or("f");
    let draft = RwSignal::new(initial);
    let tried = RwSignal::new(false);
    let set = move |name: &'static str| Callback::new(move |value: Value| draft.update(|d| d.set(name, value)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        match draft.with_untracked(|d| d.problems().into_iter().next()) {
            None => on_submit.run(draft.get_untracked()),
            Some(first) => focus_field(prefix, &first.field),
        }
    };
    let problem_count = move || if tried.get() { draft.with(|d| d.problems().len()) } else { 0 };
    view! {
        <form class="create-form" on:submit=submit novalidate>
            {fields.into_iter().map(|spec| {
                let problem = Signal::derive(move || {
                    tried.get().then(|| draft.with(|d| d.problem(spec.name))).flatten().map(|p| crate::i18n::fields::issue(&p.issue))
                });
                field(spec, Signal::derive(move || draft.with(|d| d.get(spec.name).clone())), problem, set(spec.name), prefix)
            }).collect_view()}
            <FormProblems count=Signal::derive(problem_count)/>
            <button type="submit" class="primary">{submit_label}</button>
        </form>
    }
}

/// "2 things need fixing…" under a form, when anything does.
#[component]
pub fn FormProblems(
    /// How many problems the form has (0: nothing is shown).
    #[prop(into)]
    count: Signal<usize>,
) -> impl IntoView {
    view! {
        <Show when=move || { count.get() > 0 }>
            <p class="form-problem" role="alert">
                {move || crate::t!("things-need-fixing", count = count.get())}
            </p>
        </Show>
    }
}

/// Moves the focus (and the view) to a field's first input, so the person sees what to fix.
pub(crate) fn focus_field(prefix: &str, field: &str) {
    focus(&format!("[id='{prefix}-{field}'], [id^='{prefix}-{field}-']"));
}

/// Gives the focus to the first element matching a CSS selector, and returns it (for a caller
/// that also scrolls it to the top).
pub(crate) fn focus(selector: &str) -> Option<web_sys::HtmlElement> {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())?;
    let _ = element.focus();
    Some(element)
}
