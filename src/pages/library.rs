//! The change library of a collaborative: every idea of its change package with the teams that
//! adopted it (their wording, cycles and scales, Act decisions, stage, and what their common
//! outcome measure says since they began), sorted and filtered by driver, by how many teams,
//! by evidence; and the teams' own ideas proposed for the package, which faculty accept with
//! their origin kept.
//!
//! Everything is `ramp_core::spread::library`'s, derived from the records on the device each
//! time the page is drawn. Never writes IndexedDB itself.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::spread::library::{self, Entry, Filter, SortBy, TeamUse};
use ramp_core::{team_scope, Edit, Kind, RecordId, Value};

use crate::components::OrderSelect;
use crate::pages::collab::{collab_param, teams_of};
use crate::store::{new_id, LocalDb};
use crate::sync::Sync;
use crate::t;

/// The change library page.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let collab = collab_param();
    move || match collab.get() {
        None => view! { <crate::pages::NotFound/> }.into_any(),
        Some(collab) => view! { <Library collab=collab/> }.into_any(),
    }
}

#[component]
fn Library(collab: RecordId) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let faculty = {
        let scope = format!("collab:{collab}");
        Memo::new(move |_| sync.governs(&scope))
    };
    let stored = StoredValue::new(collab.clone());
    let library = Memo::new(move |_| {
        local_db.with(|r| {
            let collab = stored.get_value();
            let teams: Vec<RecordId> = teams_of(sync, r, &collab).into_iter().map(|(t, _)| t).collect();
            crate::perf::mark("ramp-library-start");
            let built = library::build(r.local().values(), &collab, &teams);
            crate::perf::measure_since("ramp-library-build", "ramp-library-start");
            built
        })
    });
    let sort = RwSignal::new(SortBy::Driver);
    let driver = RwSignal::new(String::new());
    let several = RwSignal::new(false);
    let evidence = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        let filter = Filter {
            driver: ramp_core::Uuid7::parse(&driver.get()).ok(),
            min_teams: if several.get() { 2 } else { 0 },
            with_evidence: evidence.get(),
        };
        library.with(|l| l.view(sort.get(), &filter).into_iter().cloned().collect::<Vec<Entry>>())
    });
    let drivers = Memo::new(move |_| {
        library.with(|l| {
            let mut all: Vec<(RecordId, String)> = l.entries.iter().flat_map(|e| e.drivers.iter().cloned()).collect();
            ramp_core::order::sort_by_key(&mut all, |d| d.1.to_lowercase());
            all.dedup();
            all
        })
    });
    let name =
        move || local_db.with(|r| r.record(&stored.get_value()).map(|c| c.text("name").to_owned()).unwrap_or_default());
    crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("change-library")));
    view! {
        <nav class="crumbs no-print"><A href=format!("/collabs/{collab}")>{name}</A></nav>
        <crate::pages::PrintHead kind=t!("change-library")/>
        <h1>{t!("change-library")}</h1>
        <p class="lead">{t!("library-lead")}</p>
        <div class="library-controls panel no-print" role="group" aria-label=t!("sort-and-filter")>
            <label for="library-sort">{t!("order")}</label>
            <OrderSelect options=&SortBy::ALL words="library-sort" value=sort testid="library-sort" id="library-sort"/>
            <label for="library-driver">{t!("driver")}</label>
            <select id="library-driver" data-testid="library-driver" on:change=move |ev| driver.set(event_target_value(&ev))>
                <option value="">{t!("every-driver")}</option>
                {move || drivers.get().into_iter().map(|(id, text)| view! {
                    <option value=id.to_string()>{text}</option>
                }).collect_view()}
            </select>
            <label class="check">
                <input type="checkbox" data-testid="library-several" prop:checked=move || several.get()
                    on:change=move |ev| several.set(event_target_checked(&ev))/>
                {t!("adopted-by-two")}
            </label>
            <label class="check">
                <input type="checkbox" data-testid="library-evidence" prop:checked=move || evidence.get()
                    on:change=move |ev| evidence.set(event_target_checked(&ev))/>
                {t!("with-improved-team")}
            </label>
        </div>
        <p class="hint" role="status" data-testid="library-count">{move || t!("ideas-count", count = shown.with(Vec::len))}</p>
        <ol class="library" data-testid="library">
            <For each=move || shown.get() key=|e| format!("{:?}", e) let:entry>
                <LibraryEntry entry=entry/>
            </For>
        </ol>
        <Proposals library=library collab=collab.clone() faculty=faculty/>
    }
}

/// One package idea with the teams that adopted it.
#[component]
fn LibraryEntry(entry: Entry) -> impl IntoView {
    let drivers = entry.drivers.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>().join(" · ");
    let count = match (entry.teams.len(), entry.evidence()) {
        (0, _) => t!("adopted-by-none"),
        (n, 0) => t!("adopted-by", count = n),
        (n, e) => t!("adopted-by-improved", count = n, improved = e),
    };
    let origin =
        entry
            .origin
            .as_ref()
            .map(|(_, name)| if name.is_empty() { t!("came-from-a-team") } else { t!("came-from", team = name) });
    view! {
        <li class="library-entry" data-testid="library-entry">
            <h2 class="library-idea">{entry.text.clone()}</h2>
            {(!drivers.is_empty()).then(|| view! { <p class="card-meta">{t!("driver-is", drivers = drivers.clone())}</p> })}
            {(!entry.description.is_empty()).then(|| view! { <p>{entry.description.clone()}</p> })}
            {origin.map(|o| view! { <p class="card-meta origin">{o}</p> })}
            <p class="library-count" data-testid="library-teams">{count}</p>
            <ul class="library-uses">
                {entry.teams.iter().cloned().map(|u| view! { <TeamUseRow team_use=u package=Some(entry.text.clone())/> }).collect_view()}
            </ul>
        </li>
    }
}

/// One team's use of an idea: link to its ramp, wording, cycles, decisions, stage, evidence.
#[component]
pub(crate) fn TeamUseRow(
    team_use: TeamUse,
    package: Option<String>,
    /// Faculty's "add it to the change package", for a proposal.
    #[prop(optional)]
    accept: Option<Callback<()>>,
) -> impl IntoView {
    let u = team_use;
    let scales = if u.scales.is_empty() { String::new() } else { t!("scales-are", scales = u.scales.join(" → ")) };
    let cycles = match u.cycles {
        0 => t!("no-cycles-short"),
        n => format!("{}{scales}", t!("cycles-count", count = n)),
    };
    let d = u.decisions;
    let decisions = [("adapt", d.adapt), ("adopt", d.adopt), ("abandon", d.abandon)]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(w, n)| t!("decision-count", decision = w, count = n))
        .collect::<Vec<_>>()
        .join(", ");
    let wording = match (&package, u.adapted) {
        (Some(_), true) => Some(t!("their-wording", wording = u.wording.clone())),
        (Some(_), false) => None,
        (None, _) => Some(format!("“{}”", u.wording)),
    };
    let evidence_class = if u.evidence.improved_after() { "evidence improvement" } else { "evidence" };
    let name = u.team_name.clone();
    view! {
        <li class="library-use" data-testid="library-use" data-team=u.team_name.clone() data-stage=u.stage.key()>
            <div class="library-use-head">
                // A plain link (the router still takes its tap): a library of many teams draws
                // hundreds of these, and each router link is a component of its own.
                <a href=format!("/teams/{}/ideas/{}", u.team, u.idea) class="library-team">{name}</a>
                <span class=format!("stage-pill stage-{}", u.stage.key())>{crate::i18n::ramp_stage(u.stage)}</span>
            </div>
            {wording.map(|w| view! { <p class="library-wording" data-testid="library-wording">{w}</p> })}
            <p class="card-meta">{cycles}{(!decisions.is_empty()).then(|| t!("act-decisions", decisions = decisions))}</p>
            <p class=evidence_class data-testid="library-evidence-words">{crate::i18n::evidence(&u.evidence)}</p>
            {accept.map(|accept| view! {
                <button type="button" class="primary no-print" data-testid="accept-proposal" on:click=move |_| accept.run(())>
                    {t!("add-to-package")}
                </button>
            })}
        </li>
    }
}

/// The teams' own ideas proposed for the package; faculty accept one as a package idea that
/// names the team it came from.
#[component]
fn Proposals(library: Memo<library::Library>, collab: RecordId, faculty: Memo<bool>) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let collab = StoredValue::new(collab);
    let accept = move |u: TeamUse| {
        let description = local_db.with_untracked(|r| r.record(&u.idea).map(|i| i.text("description").to_owned()));
        let id = new_id();
        let scope = format!("collab:{}", collab.get_value());
        let mut values =
            vec![("text", u.wording.clone()), ("origin", u.idea.to_string()), ("origin_team", u.team.to_string())];
        if let Some(description) = description.filter(|d| !d.is_empty()) {
            values.push(("description", description));
        }
        let edits: Vec<Edit> = values
            .into_iter()
            .map(|(field, value)| Edit {
                record: id.clone(),
                kind: Kind::ChangeIdea,
                scope: scope.clone(),
                field: field.to_owned(),
                value: Value::Text(value),
            })
            .collect();
        leptos::task::spawn_local(async move {
            let _ = local_db.save(edits).await;
        });
    };
    let proposals = Memo::new(move |_| library.with(|l| l.proposals.clone()));
    view! {
        <section class="overview-block" id="proposals" data-testid="proposals">
            <h2>{t!("proposed-by-teams")}</h2>
            <Show when=move || proposals.with(Vec::is_empty)>
                <p class="empty">{t!("no-proposals")}</p>
            </Show>
            <ul class="library-uses">
                {move || proposals.get().into_iter().map(|u| {
                    let accept = faculty.get().then(|| {
                        let u = u.clone();
                        Callback::new(move |()| accept(u.clone()))
                    });
                    match accept {
                        Some(accept) => view! { <TeamUseRow team_use=u package=None accept=accept/> }.into_any(),
                        None => view! { <TeamUseRow team_use=u package=None/> }.into_any(),
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The library of the collaborative a team belongs to, if the device knows it (reactive).
pub(crate) fn tried_elsewhere(
    sync: Sync,
    replica: &ramp_core::Replica,
    team: &RecordId,
    idea: &RecordId,
) -> Vec<TeamUse> {
    let Some(collab) = sync.collab_of(team).and_then(|c| ramp_core::Uuid7::parse(&c).ok()) else {
        return Vec::new();
    };
    let Some(record) = replica.record(idea) else { return Vec::new() };
    let teams: Vec<RecordId> = teams_of(sync, replica, &collab).into_iter().map(|(t, _)| t).collect();
    if teams.len() < 2 && !teams.iter().any(|t| team_scope(t) != record.scope) {
        return Vec::new();
    }
    let library = library::build(replica.local().values(), &collab, &teams);
    library::tried_elsewhere(&library, record)
}
