//! One change idea: its words, the drivers it works on, and its ramp, the chain of PDSA cycles
//! testing it, with each one's scale and Act decision, and the button for the next cycle.
//!
//! The ramp's order is `ramp-core`'s (`cycle::ramp`). Never writes IndexedDB itself.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::schema::Section;
use ramp_core::{cycle, team_scope, Kind, RecordId, Stage};

use crate::components::StageBadge;
use crate::pages::library::TeamUseRow;
use crate::pages::sheet::{DeleteButton, DeletionConflict, Sheet, SheetFields};
use crate::pages::{id_param, TeamNav};
use crate::store::LocalDb;
use crate::sync::Sync;
use crate::t;

/// The change idea page.
#[component]
pub fn IdeaPage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let team_id = id_param("team");
    let idea_id = id_param("idea");
    let found = Memo::new(move |_| {
        let (team, idea) = (team_id.get()?, idea_id.get()?);
        let ok = local_db.with(|r| {
            r.record(&idea)
                .is_some_and(|d| d.kind == Kind::ChangeIdea && d.scope == team_scope(&team) && !d.is_deleted())
        });
        ok.then_some((team, idea))
    });
    move || match found.get() {
        None => view! { <crate::pages::NotFound/> }.into_any(),
        Some((team, idea)) => view! { <Idea team=team idea=idea/> }.into_any(),
    }
}

#[component]
fn Idea(team: RecordId, idea: RecordId) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let sheet = Sheet::new(&team, idea.clone(), Kind::ChangeIdea);
    let title = move || sheet.value("text").as_text().to_owned();
    let scope = team_scope(&team);
    let ramp = {
        let (scope, idea) = (scope.clone(), idea.to_string());
        Memo::new(move |_| {
            local_db.with(|r| {
                cycle::ramp(r.local().values(), &scope, &idea)
                    .into_iter()
                    .map(|c| {
                        (
                            c.id.to_string(),
                            c.text("title").to_owned(),
                            c.text("scale").to_owned(),
                            crate::i18n::date(c.text("start")),
                            Stage::of(c),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let next_href = {
        let (team, idea) = (team.clone(), idea.clone());
        move || match ramp.with(|r| r.last().map(|c| c.0.clone())) {
            Some(last) => format!("/teams/{team}/cycles/new?idea={idea}&previous={last}"),
            None => format!("/teams/{team}/cycles/new?idea={idea}"),
        }
    };
    let back = format!("/teams/{team}/drivers");
    let team_for_list = team.clone();
    let team_name = crate::pages::team_name(local_db, team.clone());
    crate::pages::page_title(move || {
        t!("title-team-page", team = team_name(), page = t!("title-idea", name = title()))
    });
    view! {
        <nav class="crumbs no-print"><A href=back.clone()>{t!("drivers-and-ideas")}</A></nav>
        <DeletionConflict sheet=sheet/>
        <h1 data-testid="idea-title">{title}</h1>
        <TeamNav team=team.clone()/>
        <section class="overview-block" data-testid="ramp">
            <h2>{t!("ramp-of-cycles")}</h2>
            <Show when=move || ramp.with(Vec::is_empty)>
                <p class="empty">{t!("no-cycle-for-idea")}</p>
            </Show>
            <ol class="ramp">
                <For each=move || ramp.get() key=|c| (c.0.clone(), c.1.clone(), c.2.clone(), c.4.key()) let:c>
                    <li>
                        <A href=format!("/teams/{}/cycles/{}", team_for_list, c.0) attr:class="card">
                            <span class="card-title">{c.1}</span>
                            <span class="card-meta">{if c.2.is_empty() { t!("scale-not-given") } else { t!("scale-is", scale = c.2.clone()) }}</span>
                            <span class="card-foot">
                                <StageBadge stage=c.4/>
                                <span class="card-meta">{c.3}</span>
                            </span>
                        </A>
                    </li>
                </For>
            </ol>
            <Show when=move || sync.can_write(&scope)>
                <A href=next_href.clone() attr:class="button primary big no-print" attr:data-testid="ramp-next">
                    {move || if ramp.with(Vec::is_empty) { t!("start-first-cycle-of-idea") } else { t!("start-next-cycle") }}
                </A>
            </Show>
        </section>
        <SheetFields sheet=sheet sections=vec![Section::Idea]/>
        <TriedElsewhere team=team.clone() idea=idea.clone()/>
        // A team's own idea (not adopted from the package) can be offered to it.
        <Show when=move || sheet.value("source").as_text().is_empty()>
            <SheetFields sheet=sheet sections=vec![Section::Proposal]/>
        </Show>
        <DeleteButton sheet=sheet back=back/>
    }
}

/// "Teams that tried this": the other teams that adopted the same package idea (or the one
/// accepted from this idea), each with a link to its ramp. Only teams this device may read.
#[component]
fn TriedElsewhere(team: RecordId, idea: RecordId) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let (team, idea) = (StoredValue::new(team), StoredValue::new(idea));
    let tried = Memo::new(move |_| {
        local_db.with(|r| crate::pages::library::tried_elsewhere(sync, r, &team.get_value(), &idea.get_value()))
    });
    let package = Memo::new(move |_| {
        local_db.with(|r| {
            let source = r.record(&idea.get_value())?.text("source").to_owned();
            let source = ramp_core::Uuid7::parse(&source).ok()?;
            Some(r.record(&source)?.text("text").to_owned())
        })
    });
    view! {
        <section class="overview-block" data-testid="tried-elsewhere">
            <h2>{t!("teams-that-tried")}</h2>
            {move || package.get().map(|text| view! { <p class="card-meta">{t!("from-package", text = text)}</p> })}
            <Show when=move || tried.with(Vec::is_empty)>
                <p class="empty">{t!("no-other-team-tried")}</p>
            </Show>
            <ul class="library-uses">
                {move || tried.get().into_iter().map(|u| view! { <TeamUseRow team_use=u package=package.get()/> }).collect_view()}
            </ul>
        </section>
    }
}
