//! The aim worksheet: what the team is trying to accomplish, how much, by when, for whom and
//! where, with a coach's list of what is still missing and a suggested statement.
//!
//! The aim's id is derived from the team's, so the page works before the aim exists and two
//! devices writing it meet in one record. Never writes IndexedDB itself.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::schema::Section;
use ramp_core::{aim, Kind, RecordId, Value};

use crate::pages::sheet::{Sheet, SheetFields};
use crate::pages::{for_team, TeamNav};
use crate::store::LocalDb;
use crate::t;

/// The aim page.
#[component]
pub fn AimPage() -> impl IntoView {
    for_team(|team| view! { <AimSheet team=team/> })
}

#[component]
fn AimSheet(team: RecordId) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sheet = Sheet::new(&team, aim::id(&team), Kind::Aim);
    let name = crate::pages::team_name(local_db, team.clone());
    let gaps = Memo::new(move |_| {
        let record = sheet.record.get();
        aim::gaps(record.as_ref(), &crate::i18n::AimWords).iter().map(crate::i18n::aim_gap).collect::<Vec<_>>()
    });
    let suggestion = Memo::new(move |_| {
        sheet.record.with(|r| r.as_ref().map(|a| aim::suggest(a, &crate::i18n::AimWords))).unwrap_or_default()
    });
    let differs = move || {
        let s = suggestion.get();
        !s.is_empty() && sheet.value("statement").as_text().trim() != s
    };
    crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("nav-aim")));
    view! {
        <nav class="crumbs no-print"><A href=format!("/teams/{team}")>{name}</A></nav>
        <h1>{t!("nav-aim")}</h1>
        <TeamNav team=team.clone()/>
        <crate::pages::PrintHead kind=t!("print-aim") team=team.clone()/>
        <div class="aim-check" data-testid="aim-gaps" class:aim-complete=move || gaps.with(Vec::is_empty)>
            <Show when=move || gaps.with(Vec::is_empty)
                fallback=move || view! {
                    <p class="prompts-title">{t!("before-aim-complete")}</p>
                    <ul><For each=move || gaps.get() key=|g| g.clone() let:gap><li>{gap}</li></For></ul>
                }>
                <p class="prompts-title" data-testid="aim-complete">{t!("aim-complete")}</p>
            </Show>
        </div>
        <SheetFields sheet=sheet sections=vec![Section::Aim]/>
        <Show when=move || differs() && !sheet.read_only.get()>
            <div class="suggestion no-print">
                <p class="hint">{t!("suggested-wording")}</p>
                <p class="aim-statement" data-testid="aim-suggestion">{move || suggestion.get()}</p>
                <button type="button" data-testid="use-suggestion"
                    on:click=move |_| sheet.commit("statement", Value::Text(suggestion.get_untracked()))>
                    {t!("use-this-wording")}
                </button>
            </div>
        </Show>
        <crate::pages::CommentThread team=team.clone() target=aim::id(&team)/>
    }
}
