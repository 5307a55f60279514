//! The PDSA worksheet of one cycle: every part of IHI's worksheet, saved as the person types,
//! with the prompts of a good PDSA (a prediction for every question, a small first test, the
//! measure it should move, a next cycle after "adapt") and its place in the change idea's ramp.
//!
//! Owns the page around the worksheet; the worksheet itself is `sheet.rs`'s. Never writes
//! IndexedDB itself.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::schema::Section;
use ramp_core::{cycle, team_scope, Kind, RecordId, Stage};

use crate::components::StageBadge;
use crate::pages::id_param;
use crate::pages::sheet::{DeleteButton, DeletionConflict, Sheet, SheetFields};
use crate::store::LocalDb;
use crate::t;

/// The cycle page: finds the cycle, then shows its worksheet.
#[component]
pub fn CyclePage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let team_id = id_param("team");
    let cycle_id = id_param("cycle");
    let found = Memo::new(move |_| {
        let (team, cycle) = (team_id.get()?, cycle_id.get()?);
        let exists = local_db.with(|replica| {
            replica
                .record(&cycle)
                .is_some_and(|r| r.kind == Kind::Cycle && r.scope == team_scope(&team) && !r.is_deleted())
        });
        exists.then_some((team, cycle))
    });
    move || match found.get() {
        None => view! { <crate::pages::NotFound/> }.into_any(),
        Some((team, cycle)) => view! { <Worksheet team=team cycle=cycle/> }.into_any(),
    }
}

/// The worksheet of a cycle known to exist.
#[component]
fn Worksheet(
    /// The cycle's team.
    team: RecordId,
    /// The cycle.
    cycle: RecordId,
) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sheet = Sheet::new(&team, cycle.clone(), Kind::Cycle);
    let stage = Memo::new(move |_| sheet.record.with(|r| r.as_ref().map(Stage::of)).unwrap_or(Stage::Plan));
    let team_name = crate::pages::team_name(local_db, team.clone());
    let title = move || sheet.draft.with(|d| d.get("title").as_text().to_owned());
    let idea = Memo::new(move |_| {
        let id = sheet.value("change_idea").as_text().to_owned();
        let text = local_db.with(|r| {
            ramp_core::Uuid7::parse(&id).ok().and_then(|i| r.record(&i).map(|idea| idea.text("text").to_owned()))
        });
        text.map(|text| (id, text))
    });
    let prompts = Memo::new(move |_| {
        let Some(saved) = sheet.record.get() else { return Vec::new() };
        local_db
            .with(|r| {
                let big = crate::i18n::big_scale_words();
                let big: Vec<&str> = big.iter().map(String::as_str).collect();
                cycle::prompts(&saved, r.local().values(), &big)
            })
            .iter()
            .map(crate::i18n::prompt)
            .collect::<Vec<_>>()
    });
    let adapted = move || sheet.value("decision").as_text() == "adapt";
    let team_href = format!("/teams/{team}");
    let next_href = {
        let (team, cycle) = (team.clone(), cycle.clone());
        move || {
            let idea = idea.get().map(|(id, _)| id).unwrap_or_default();
            format!("/teams/{team}/cycles/new?idea={idea}&previous={cycle}")
        }
    };
    let team_for_ramp = team.clone();
    crate::pages::page_title(move || format!("{} · PDSA: {}", team_name(), title()));
    view! {
        <nav class="crumbs no-print">
            <A href=team_href.clone()>{team_name}</A>
            {move || idea.get().map(|(id, text)| view! {
                " " <A href=format!("/teams/{}/ideas/{id}", team_for_ramp) attr:data-testid="ramp-link">{format!("Ramp: {text}")}</A>
            })}
        </nav>
        <DeletionConflict sheet=sheet/>
        <crate::pages::PrintHead kind=t!("print-cycle") team=team.clone()/>
        <div class="sheet-head">
            <h1 data-testid="cycle-title">{title}</h1>
            <StageBadge stage=stage/>
        </div>
        <Show when=move || !prompts.with(Vec::is_empty) && !sheet.read_only.get()>
            <div class="prompts no-print" data-testid="prompts">
                <p class="prompts-title">{t!("for-a-strong-pdsa")}</p>
                <ul>
                    <For each=move || prompts.get() key=|p| p.clone() let:prompt>
                        <li>{prompt}</li>
                    </For>
                </ul>
            </div>
        </Show>
        <nav class="section-nav no-print" aria-label=t!("parts-of-worksheet")>
            <a href="#sec-about">{crate::t!("cycle-tab")}</a>
            <a href="#sec-plan">{crate::i18n::fields::section(ramp_core::schema::Section::Plan)}</a>
            <a href="#sec-do">{crate::i18n::fields::section(ramp_core::schema::Section::Do)}</a>
            <a href="#sec-study">{crate::i18n::fields::section(ramp_core::schema::Section::Study)}</a>
            <a href="#sec-act">{crate::i18n::fields::section(ramp_core::schema::Section::Act)}</a>
        </nav>
        <SheetFields sheet=sheet
            sections=vec![Section::About, Section::Plan, Section::Do, Section::Study, Section::Act]
            lead=(Section::Study, ViewFn::from(move || view! { <PlannedPredictions sheet=sheet/> }))/>
        <Show when=move || adapted() && !sheet.read_only.get()>
            <A href=next_href.clone() attr:class="button primary big no-print" attr:data-testid="next-cycle">
                {t!("plan-next-cycle")}
            </A>
        </Show>
        <crate::pages::CommentThread team=team.clone() target=cycle.clone()/>
        <DeleteButton sheet=sheet back=team_href/>
    }
}

/// The Plan's questions and predictions, shown where the Study compares the results with them.
#[component]
fn PlannedPredictions(sheet: Sheet) -> impl IntoView {
    let rows = move || {
        sheet
            .value("predictions")
            .as_rows()
            .iter()
            .map(|row| {
                let cell = |name: &str| row.get(name).map(|t| t.trim().to_owned()).unwrap_or_default();
                (cell("question"), cell("prediction"))
            })
            .filter(|(q, p)| !q.is_empty() || !p.is_empty())
            .collect::<Vec<_>>()
    };
    view! {
        <div class="recall" data-testid="planned-predictions">
            <p class="recall-title">{t!("recall-title")}</p>
            <Show when=move || rows().is_empty()>
                <p class="empty">{t!("recall-empty")}</p>
            </Show>
            <ol>
                {move || rows().into_iter().map(|(question, prediction)| view! {
                    <li>
                        <p class="recall-question">{if question.is_empty() { t!("no-question") } else { question }}</p>
                        <p class="recall-prediction">{t!("predicted")}" "{if prediction.is_empty() { t!("no-prediction") } else { prediction }}</p>
                    </li>
                }).collect_view()}
            </ol>
        </div>
    }
}
