//! A PDSA cycle's stage as a small coloured label.

use leptos::prelude::*;
use ramp_core::Stage;

/// The stage a cycle has reached: Plan, Do, Study, Act or Done.
#[component]
pub fn StageBadge(
    /// The stage to show.
    #[prop(into)]
    stage: Signal<Stage>,
) -> impl IntoView {
    view! {
        <span class=move || format!("stage stage-{}", stage.get().key()) data-testid="stage">
            {move || crate::i18n::stage(stage.get())}
        </span>
    }
}
