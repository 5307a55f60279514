//! A collaborative's pages: its own record (topic, aim, dates), its calendar, its common
//! measure set, its change package and its teams (with links to their people and invites) — edited by faculty, read by
//! everyone in it; a team adopts a common measure or a change idea into its own worksheets
//! with one tap, then adapts it there. And the cross-team view for faculty: every team's
//! common measures side by side and the scores per month, printable.
//!
//! Owns only the pages; adding teams goes through `Sync` (it needs the server; invites are on
//! each team's people page), everything else is saved on the device like any edit. Never writes IndexedDB itself.

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::schema::{self, Section};
use ramp_core::spread::share;
use ramp_core::{dashboard, measure, team_scope, Draft, Edit, Kind, Record, RecordId, Replica, Uuid7, Value};

use crate::charts::{compare_svg, SharedScale};
use crate::components::CreateForm;
use crate::pages::sheet::{Sheet, SheetFields};
use crate::pages::{creation, id_param, live, today};
use crate::store::{new_id, LocalDb};
use crate::sync::Sync;
use crate::t;

pub(crate) use ramp_core::derived::adopted_id;

/// The collaborative in the route, if this device has it (reactive).
pub(crate) fn collab_param() -> Memo<Option<RecordId>> {
    let local_db = expect_context::<LocalDb>();
    let id = id_param("collab");
    Memo::new(move |_| {
        id.get().filter(|id| {
            local_db.with(|r| r.record(id).is_some_and(|c| c.kind == Kind::Collaborative && !c.is_deleted()))
        })
    })
}

/// The teams of a collaborative that this device has, as (id, name), by name (reactive): those
/// the person may read, and other teams left from when the collaborative shared.
pub(crate) fn teams_of(sync: Sync, replica: &Replica, collab: &RecordId) -> Vec<(RecordId, String)> {
    let rights = sync.rights();
    // Readable teams, and other teams this device may still hold from when they were shared.
    let others = rights.others.iter().filter_map(|(scope, c)| Some((scope.strip_prefix("team:")?, c.as_str())));
    let mut teams: Vec<(RecordId, String)> = rights
        .collabs
        .iter()
        .map(|(t, c)| (t.as_str(), c.as_str()))
        .chain(others)
        .filter(|(_, c)| *c == collab.as_str())
        .filter_map(|(t, _)| Uuid7::parse(t).ok())
        .filter_map(|t| {
            let record = replica.record(&t).filter(|r| r.kind == Kind::Team && !r.is_deleted())?;
            Some((t, record.text("name").to_owned()))
        })
        .collect();
    ramp_core::order::sort_by_key(&mut teams, |t| t.1.to_lowercase());
    teams
}

/// The collaborative's page.
#[component]
pub fn CollabPage() -> impl IntoView {
    let collab = collab_param();
    move || match collab.get() {
        None => view! { <crate::pages::NotFound/> }.into_any(),
        Some(collab) => view! { <Collab collab=collab/> }.into_any(),
    }
}

#[component]
fn Collab(collab: RecordId) -> impl IntoView {
    let sync = expect_context::<Sync>();
    let scope = format!("collab:{collab}");
    let sheet = Sheet::in_scope(scope.clone(), collab.clone(), Kind::Collaborative);
    let faculty = {
        let scope = scope.clone();
        Memo::new(move |_| sync.governs(&scope))
    };
    let name = move || sheet.draft.with(|d| d.get("name").as_text().to_owned());
    let base = format!("/collabs/{collab}");
    crate::pages::page_title(name);
    view! {
        <nav class="crumbs no-print"><A href="/">{t!("home")}</A></nav>
        <p class="print-only print-kind">{t!("collaborative")}</p>
        <h1 data-testid="collab-name">{name}</h1>
        <nav class="team-nav no-print" aria-label=t!("the-collaborative")>
            <a href="#sec-collaborative">{t!("about")}</a>
            <a href="#calendar">{t!("calendar")}</a>
            <a href="#common-measures">{t!("common-measures")}</a>
            <a href="#change-package">{t!("change-package")}</a>
            <a href="#teams">{t!("crumb-teams")}</a>
            <a href="#sharing">{t!("sharing")}</a>
            <A href=format!("{base}/library")>{t!("change-library")}</A>
            <A href=format!("{base}/storyboards")>{t!("storyboards")}</A>
            <A href=format!("{base}/compare")>{t!("compare-teams")}</A>
            <A href="/dashboard">{t!("dashboard")}</A>
        </nav>
        <SheetFields sheet=sheet sections=vec![Section::Collaborative]/>
        <Calendar scope=scope.clone() faculty=faculty/>
        <CommonMeasures collab=collab.clone() faculty=faculty/>
        <ChangePackage collab=collab.clone() faculty=faculty/>
        <Teams collab=collab.clone() faculty=faculty/>
        <Sharing collab=collab.clone() sheet=sheet faculty=faculty/>
    }
}

/// Whether the collaborative's teams read each other's work: the switch for faculty, and for
/// everyone what it means and what stays on devices when it ends.
#[component]
fn Sharing(collab: RecordId, sheet: Sheet, faculty: Memo<bool>) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let on = {
        let collab = collab.clone();
        Memo::new(move |_| {
            local_db.with(|r| r.record(&collab).and_then(|c| c.fields.get(share::FIELD)).is_some_and(share::is_on))
        })
    };
    // Other teams this device holds (received while sharing was on).
    let others_here = Memo::new(move |_| {
        local_db.with(|r| {
            teams_of(sync, r, &collab).into_iter().filter(|(t, _)| sync.is_other_team(&team_scope(t))).count()
        })
    });
    view! {
        <section class="overview-block" id="sharing" data-testid="sharing">
            <h2>{t!("sharing-between-teams")}</h2>
            <p class="sharing-state" data-testid="sharing-state" data-on=move || on.get().to_string()>
                {move || if on.get() { t!("sharing-on") } else { t!("sharing-off") }}
            </p>
            <Show when=move || faculty.get()>
                <SheetFields sheet=sheet sections=vec![Section::Sharing]/>
                <p class="hint">{t!("sharing-off-hint")}</p>
            </Show>
            <Show when=move || !on.get() && (others_here.get() > 0)>
                <p class="hint" data-testid="sharing-left">{move || t!("sharing-left", count = others_here.get())}</p>
            </Show>
        </section>
    }
}

/// The calendar: expert meeting, learning sessions, action periods, outcomes congress.
#[component]
fn Calendar(scope: String, faculty: Memo<bool>) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let add_scope = scope.clone();
    let events = {
        let scope = scope.clone();
        Memo::new(move |_| {
            local_db.with(|r| {
                let mut events: Vec<(String, String, String, String)> = live(r, &scope, Kind::Session)
                    .into_iter()
                    .map(|s| {
                        let kind = schema::spec(Kind::Session, "session_type")
                            .filter(|_| schema::SESSION_TYPES.iter().any(|(k, _)| *k == s.text("session_type")))
                            .map_or_else(
                                || t!("event"),
                                |spec| crate::i18n::fields::choice(spec, s.text("session_type")),
                            );
                        let number = match s.value("number") {
                            Value::Number(n) => format!(" {n}"),
                            _ => String::new(),
                        };
                        let dates = match (s.text("start"), s.text("end")) {
                            (start, "") => crate::i18n::date(start),
                            (start, end) => format!("{} – {}", crate::i18n::date(start), crate::i18n::date(end)),
                        };
                        (s.text("start").to_owned(), format!("{kind}{number}"), dates, s.text("place").to_owned())
                    })
                    .collect();
                ramp_core::order::sort(&mut events);
                events
            })
        })
    };
    let now = today();
    view! {
        <section class="overview-block" id="calendar">
            <h2>{t!("calendar")}</h2>
            <Show when=move || events.with(Vec::is_empty)>
                <p class="empty">{t!("no-dates")}</p>
            </Show>
            <ol class="calendar" data-testid="calendar">
                {move || {
                    let now = now.clone();
                    events.get().into_iter().map(|(start, what, dates, place)| {
                        let past = start < now;
                        view! {
                            <li class:past=past>
                                <span class="cal-what">{what}</span>
                                <span class="cal-when">{dates}</span>
                                <span class="cal-where">{place}</span>
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
            <Show when=move || faculty.get()>
                <AddPanel scope=add_scope.clone() kind=Kind::Session fields=schema::fields(Kind::Session).iter().collect()
                    summary=t!("add-a-date") submit_label=t!("add-to-calendar")/>
            </Show>
        </section>
    }
}

/// The fields a new common measure asks for first; the rest are on its own page.
fn first_measure_fields() -> Vec<&'static schema::FieldSpec> {
    ["name", "measure_type", "value_type"].iter().filter_map(|f| schema::spec(Kind::MeasureDef, f)).collect()
}

/// The common measure set, with each team's way to take a measure on.
#[component]
fn CommonMeasures(collab: RecordId, faculty: Memo<bool>) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let scope = format!("collab:{collab}");
    let collab = StoredValue::new(collab);
    let defs = {
        let scope = scope.clone();
        Memo::new(move |_| {
            local_db.with(|r| {
                live(r, &scope, Kind::MeasureDef)
                    .into_iter()
                    .map(|m| {
                        (
                            m.id.clone(),
                            m.text("name").to_owned(),
                            m.text("measure_type").to_owned(),
                            m.text("definition").to_owned(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let my_teams = member_teams(collab.get_value());
    let add_scope = scope.clone();
    view! {
        <section class="overview-block" id="common-measures">
            <h2>{t!("common-measures")}</h2>
            <p class="hint">{t!("common-measures-hint")}</p>
            <Show when=move || defs.with(Vec::is_empty)>
                <p class="empty">{t!("no-common-measures")}</p>
            </Show>
            <ul class="cards" data-testid="common-measures">
                {move || defs.get().into_iter().map(|(id, name, kind, definition)| {
                    let href = format!("/collabs/{}/measures/{id}", collab.get_value());
                    let def = id.clone();
                    view! {
                        <li class="card">
                            <A href=href attr:class="card-title">{name}</A>
                            <span class="card-foot"><span class=format!("tag tag-{kind}")>{crate::pages::team::measure_kind(&kind)}</span></span>
                            <span class="card-meta">{definition}</span>
                            <AdoptButtons source=def.clone() kind=Kind::Measure teams=my_teams/>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || faculty.get()>
                <AddPanel scope=add_scope.clone() kind=Kind::MeasureDef fields=first_measure_fields()
                    summary=t!("add-a-common-measure") submit_label=t!("add-the-common-measure")/>
            </Show>
        </section>
    }
}

/// The edits that copy a record's fields into a team's own record, with extra fields.
fn copy_fields(source: &Record, id: &RecordId, kind: Kind, scope: &str, extra: &[(&str, String)]) -> Vec<Edit> {
    let mut edits: Vec<Edit> = source
        .fields
        .iter()
        .filter(|(name, state)| name.as_str() != ramp_core::record::DELETED && !state.value().is_blank())
        .filter(|(name, _)| schema::spec(kind, name).is_some())
        .map(|(name, state)| Edit {
            record: id.clone(),
            kind,
            scope: scope.to_owned(),
            field: name.clone(),
            value: state.value().clone(),
        })
        .collect();
    edits.extend(extra.iter().map(|(field, value)| Edit {
        record: id.clone(),
        kind,
        scope: scope.to_owned(),
        field: (*field).to_owned(),
        value: Value::Text(value.clone()),
    }));
    edits
}

/// The change package: the driver diagram's drivers and the change ideas teams adopt and adapt.
#[component]
fn ChangePackage(collab: RecordId, faculty: Memo<bool>) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let scope = format!("collab:{collab}");
    let collab = StoredValue::new(collab);
    let package = {
        let scope = scope.clone();
        Memo::new(move |_| {
            local_db.with(|r| {
                let drivers: Vec<(String, Vec<String>)> = live(r, &scope, Kind::Driver)
                    .into_iter()
                    .filter(|d| d.text("level") == "primary")
                    .map(|p| {
                        let secondary = live(r, &scope, Kind::Driver)
                            .into_iter()
                            .filter(|s| ramp_core::drivers::ids_in(s.value("links")).iter().any(|l| l == p.id.as_str()))
                            .map(|s| s.text("text").to_owned())
                            .collect();
                        (p.text("text").to_owned(), secondary)
                    })
                    .collect();
                let ideas: Vec<(RecordId, String, String, String)> = live(r, &scope, Kind::ChangeIdea)
                    .into_iter()
                    .map(|i| {
                        let origin = Uuid7::parse(i.text("origin_team"))
                            .ok()
                            .map(|t| r.record(&t).map(|t| t.text("name").to_owned()))
                            .map(|name| match name {
                                Some(name) => t!("came-from", team = name),
                                None => t!("came-from-a-team"),
                            })
                            .unwrap_or_default();
                        (i.id.clone(), i.text("text").to_owned(), i.text("description").to_owned(), origin)
                    })
                    .collect();
                (drivers, ideas)
            })
        })
    };
    let my_teams = member_teams(collab.get_value());
    let driver_scope = scope.clone();
    let primaries = {
        let scope = scope.clone();
        Memo::new(move |_| {
            local_db.with(|r| {
                live(r, &scope, Kind::Driver)
                    .into_iter()
                    .filter(|d| d.text("level") == "primary")
                    .map(|d| (d.id.clone(), d.text("text").to_owned()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let add_scope = scope.clone();
    view! {
        <section class="overview-block" id="change-package">
            <h2>{t!("change-package")}</h2>
            <div class="package-drivers">
                {move || package.get().0.into_iter().map(|(primary, secondary)| view! {
                    <div class="package-driver">
                        <p class="driver-primary">{primary}</p>
                        <ul>{secondary.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    </div>
                }).collect_view()}
            </div>
            <h3>{t!("change-ideas")}</h3>
            <Show when=move || package.with(|p| p.1.is_empty())>
                <p class="empty">{t!("no-package-ideas")}</p>
            </Show>
            <ul class="cards" data-testid="package-ideas">
                {move || package.get().1.into_iter().map(|(id, text, description, origin)| {
                    let idea = id.clone();
                    view! {
                        <li class="card">
                            <span class="card-title">{text}</span>
                            <span class="card-meta">{description}</span>
                            {(!origin.is_empty()).then(|| view! { <span class="card-meta origin">{origin}</span> })}
                            <AdoptButtons source=idea.clone() kind=Kind::ChangeIdea teams=my_teams/>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || faculty.get()>
                <AddDriver scope=driver_scope.clone() primaries=Signal::derive(move || primaries.get())/>
                <AddPanel scope=add_scope.clone() kind=Kind::ChangeIdea
                    fields=["text", "description"].iter().filter_map(|f| schema::spec(Kind::ChangeIdea, f)).collect()
                    summary=t!("add-idea-to-package") submit_label=t!("add-to-the-package")/>
            </Show>
        </section>
    }
}

/// Faculty's panel that adds a record of `kind` to the collaborative: the form, emptied after
/// each save so the next can be added.
#[component]
fn AddPanel(
    /// The collaborative's scope.
    scope: String,
    /// The kind of record added.
    kind: Kind,
    /// The fields asked for.
    fields: Vec<&'static schema::FieldSpec>,
    /// The panel's summary line.
    summary: String,
    /// The submit button's words.
    submit_label: String,
) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let generation = RwSignal::new(0u32);
    let add = move |draft: Draft| {
        let id = new_id();
        let edits = creation(&id, kind, &scope, &draft);
        leptos::task::spawn_local(async move {
            if local_db.save(edits).await.is_ok() {
                generation.update(|g| *g += 1);
            }
        });
    };
    view! {
        <details class="panel no-print">
            <summary>{summary}</summary>
            {move || {
                generation.get();
                view! {
                    <CreateForm field=crate::components::any_field initial=Draft::new(kind) fields=fields.clone() submit_label=submit_label.clone()
                        on_submit=add.clone() prefix=add_prefix(kind)/>
                }
            }}
        </details>
    }
}

/// The ids' start for an add panel's form: apart from the collaborative's own fields (its
/// start and end dates) and from the other panels on the page.
fn add_prefix(kind: Kind) -> &'static str {
    match kind {
        Kind::Session => "add-session",
        Kind::MeasureDef => "add-measure",
        Kind::ChangeIdea => "add-idea",
        _ => "add",
    }
}

/// The teams this person works in (as a member) in a collaborative (reactive).
fn member_teams(collab: RecordId) -> Memo<Vec<(RecordId, String)>> {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    Memo::new(move |_| {
        local_db.with(|r| {
            teams_of(sync, r, &collab)
                .into_iter()
                .filter(|(t, _)| sync.can_write(&team_scope(t)) && !sync.governs(&team_scope(t)))
                .collect::<Vec<_>>()
        })
    })
}

/// Per team of the person's: a button that copies a collaborative's record into the team
/// (a common measure, a change idea), or a link to the team's copy once it has one.
#[component]
fn AdoptButtons(
    /// The collaborative's record.
    source: RecordId,
    /// What the team's copy is.
    kind: Kind,
    /// The person's teams.
    teams: Memo<Vec<(RecordId, String)>>,
) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let adopt = move |team: RecordId, source: RecordId| {
        let edits = local_db.with_untracked(|r| {
            let Some(from) = r.record(&source) else { return Vec::new() };
            // The copy names its source: the server checks the copy's id against it.
            let extra: Vec<(&str, String)> = if kind == Kind::Measure {
                vec![("common", source.to_string())]
            } else {
                vec![("source", source.to_string())]
            };
            // A change idea's links point at the package's drivers, not the team's.
            copy_fields(from, &adopted_id(&team, &source), kind, &team_scope(&team), &extra)
                .into_iter()
                .filter(|e| !(kind == Kind::ChangeIdea && e.field == "drivers"))
                .collect()
        });
        leptos::task::spawn_local(async move {
            let _ = local_db.save(edits).await;
        });
    };
    move || {
        teams
            .get()
            .into_iter()
            .map(|(team, team_name)| {
                // The team's copy: made here, or (a measure) any of its measures that reports it.
                let copy = local_db.with(|r| {
                    let made = adopted_id(&team, &source);
                    if r.record(&made).is_some_and(|m| !m.is_deleted()) {
                        return Some(made);
                    }
                    let reports = |m: &&Record| m.text("common") == source.as_str();
                    (kind == Kind::Measure)
                        .then(|| live(r, &team_scope(&team), Kind::Measure).into_iter().find(reports).map(|m| m.id.clone()))
                        .flatten()
                });
                let (path, done, offer, testid) = if kind == Kind::Measure {
                    ("measures", format!("✓ In {team_name}'s measures"), format!("Add to {team_name}'s measures"), "adopt-measure")
                } else {
                    ("ideas", format!("✓ Adopted by {team_name} — adapt it there"), format!("Adopt in {team_name}"), "adopt-idea")
                };
                if let Some(copy) = copy {
                    view! { <A href=format!("/teams/{team}/{path}/{copy}") attr:class="card-meta">{done}</A> }.into_any()
                } else {
                    let source = source.clone();
                    view! {
                        <button type="button" data-testid=testid on:click=move |_| adopt(team.clone(), source.clone())>{offer}</button>
                    }
                    .into_any()
                }
            })
            .collect_view()
    }
}

/// Faculty's form for a driver of the change package: a primary driver, or a secondary one
/// under a primary.
#[component]
fn AddDriver(scope: String, #[prop(into)] primaries: Signal<Vec<(RecordId, String)>>) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let text = RwSignal::new(String::new());
    let under = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let words = text.get_untracked().trim().to_owned();
        if words.is_empty() {
            problem.set(Some(t!("field-driver-text-required")));
            return;
        }
        if let Err(issue) = schema::check_field(Kind::Driver, "text", &Value::Text(words.clone())) {
            problem.set(Some(crate::i18n::fields::issue(&issue)));
            return;
        }
        problem.set(None);
        let id = new_id();
        let primary = Uuid7::parse(&under.get_untracked()).ok();
        let mut draft = Draft::new(Kind::Driver);
        draft.set("text", Value::Text(words));
        draft.set("level", Value::Text(if primary.is_some() { "secondary" } else { "primary" }.into()));
        if let Some(primary) = primary {
            draft.set("links", ramp_core::drivers::links_value(&[primary]));
        }
        let edits = creation(&id, Kind::Driver, &scope, &draft);
        leptos::task::spawn_local(async move {
            if local_db.save(edits).await.is_ok() {
                text.set(String::new());
            }
        });
    };
    view! {
        <details class="panel no-print">
            <summary>{t!("add-driver-to-package")}</summary>
            <form class="create-form" on:submit=add>
                <label for="package-driver">{t!("driver")}</label>
                <input type="text" id="package-driver" prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))/>
                <label for="package-under">{t!("where-it-goes")}</label>
                <select id="package-under" on:change=move |ev| under.set(event_target_value(&ev))>
                    <option value="">{t!("a-primary-driver")}</option>
                    {move || primaries.get().into_iter().map(|(id, words)| view! {
                        <option value=id.to_string()>{t!("secondary-under", driver = words)}</option>
                    }).collect_view()}
                </select>
                <p class="problem" role="alert">{move || problem.get()}</p>
                <button type="submit" class="primary">{t!("add-the-driver")}</button>
            </form>
        </details>
    }
}

/// The collaborative's teams; faculty add teams (online) and open each team's people and invites.
#[component]
fn Teams(collab: RecordId, faculty: Memo<bool>) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let collab = StoredValue::new(collab);
    let teams = Memo::new(move |_| local_db.with(|r| teams_of(sync, r, &collab.get_value())));
    let new_name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let add_team = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            message.set(Some(t!("name-the-new-team")));
            return;
        }
        leptos::task::spawn_local(async move {
            match sync.add_team(collab.get_value().as_str(), name.trim()).await {
                Ok(_) => {
                    new_name.set(String::new());
                    message.set(Some(t!("team-added", name = name.trim())));
                }
                Err(error) => message.set(Some(error.to_string())),
            }
        });
    };
    view! {
        <section class="overview-block" id="teams">
            <h2>{t!("crumb-teams")}</h2>
            <ul class="cards" data-testid="collab-teams">
                {move || teams.get().into_iter().map(|(id, name)| {
                    let other = sync.is_other_team(&team_scope(&id));
                    view! {
                        <li class="card">
                            <A href=format!("/teams/{id}") attr:class="card-title">{name}</A>
                            {other.then(|| view! { <span class="card-meta">{t!("another-team-read")}</span> })}
                            <Show when=move || faculty.get()>
                                <div class="button-row no-print">
                                    <A href=format!("/teams/{id}/people") attr:class="button" attr:data-testid="team-people">
                                        {t!("people-and-invites")}
                                    </A>
                                </div>
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || faculty.get()>
                <form class="panel no-print" on:submit=add_team>
                    <label for="new-team">{t!("add-a-team-online")}</label>
                    <div class="button-row">
                        <input type="text" id="new-team" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))/>
                        <button type="submit" class="primary">{t!("add-team")}</button>
                    </div>
                </form>
            </Show>
            <p class="problem" role="status">{move || message.get()}</p>
        </section>
    }
}

/// A common measure's own worksheet (the collaborative's definition).
#[component]
pub fn CommonMeasurePage() -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let collab = collab_param();
    let def = id_param("measure");
    let found = Memo::new(move |_| {
        let (collab, def) = (collab.get()?, def.get()?);
        let exists = local_db.with(|r| r.record(&def).is_some_and(|m| m.kind == Kind::MeasureDef && !m.is_deleted()));
        exists.then_some((collab, def))
    });
    move || match found.get() {
        None => view! { <crate::pages::NotFound/> }.into_any(),
        Some((collab, def)) => {
            let sheet = Sheet::in_scope(format!("collab:{collab}"), def, Kind::MeasureDef);
            let name = move || sheet.draft.with(|d| d.get("name").as_text().to_owned());
            crate::pages::page_title(name);
            view! {
                <nav class="crumbs no-print"><A href=format!("/collabs/{collab}#common-measures")>{t!("common-measures")}</A></nav>
                <p class="print-only print-kind">{t!("common-measure")}</p>
                <h1>{name}</h1>
                <SheetFields sheet=sheet
                    sections=vec![Section::Measure, Section::Definition, Section::Goal, Section::Chart]/>
            }
            .into_any()
        }
    }
}

/// The cross-team view: each common measure's chart for every team, side by side, and the
/// distribution of scores per month. Printable for a learning session.
#[component]
pub fn ComparePage() -> impl IntoView {
    let collab = collab_param();
    move || match collab.get() {
        None => view! { <crate::pages::NotFound/> }.into_any(),
        Some(collab) => view! { <Compare collab=collab/> }.into_any(),
    }
}

/// A team's report of a common measure: its latest value in words, its chart and its measure.
type TeamChart = (String, ramp_core::chart::MeasureChart, Record);

#[component]
fn Compare(collab: RecordId) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let scope = format!("collab:{collab}");
    let collab = StoredValue::new(collab);
    let name =
        move || local_db.with(|r| r.record(&collab.get_value()).map(|c| c.text("name").to_owned())).unwrap_or_default();
    // Per common measure: per team, its chart (None: the team does not report it yet).
    let grid = {
        let scope = scope.clone();
        Memo::new(move |_| {
            local_db.with(|r| {
                let teams = teams_of(sync, r, &collab.get_value());
                live(r, &scope, Kind::MeasureDef)
                    .into_iter()
                    .map(|def| {
                        let cells: Vec<(String, Option<TeamChart>)> = teams
                            .iter()
                            .map(|(team, team_name)| {
                                let own = live(r, &team_scope(team), Kind::Measure)
                                    .into_iter()
                                    .find(|m| m.text("common") == def.id.as_str());
                                let chart = own.map(|m| {
                                    let series = measure::series(m, r.local().values());
                                    let chart = ramp_core::chart::for_measure(m, &series);
                                    (crate::i18n::latest(m, &series), chart, m.clone())
                                });
                                (team_name.clone(), chart)
                            })
                            .collect();
                        (def.text("name").to_owned(), cells)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    // The collaborative's whole span, in days, when it has dates.
    let span = move || {
        local_db.with(|r| {
            let c = r.record(&collab.get_value())?;
            let (start, end) =
                (ramp_core::period::day_number(c.text("start"))?, ramp_core::period::day_number(c.text("end"))?);
            (end > start).then_some((start, end))
        })
    };
    // Scores per month: month → (level → teams at it), for the team's and the faculty's scores.
    let distribution = Memo::new(move |_| {
        let span = span();
        local_db.with(|r| {
            let teams: Vec<RecordId> = teams_of(sync, r, &collab.get_value()).into_iter().map(|t| t.0).collect();
            let summaries = dashboard::summaries(r.local().values(), &teams, &today());
            let mut months: Vec<ramp_core::period::Period> =
                summaries.iter().flat_map(|s| s.scores.iter().map(|m| m.month)).collect();
            // The collaborative's whole span, up to this month, even months nobody scored.
            let this_month = ramp_core::period::Period::containing("monthly", &today());
            if let (Some((start, end)), Some(this_month)) = (span, this_month) {
                let month_of =
                    |day: i64| ramp_core::period::Period::containing("monthly", &ramp_core::period::date_of_day(day));
                if let (Some(mut month), Some(end)) = (month_of(start), month_of(end)) {
                    while month <= end && month <= this_month && months.len() < 240 {
                        months.push(month);
                        month = month.next();
                    }
                }
            }
            ramp_core::order::sort(&mut months);
            months.dedup();
            let months: Vec<_> = months.into_iter().rev().take(36).rev().collect();
            months
                .into_iter()
                .map(|month| {
                    let at = |pick: fn(&dashboard::MonthScores) -> Option<f64>| {
                        summaries
                            .iter()
                            .enumerate()
                            .filter_map(|(n, s)| {
                                let score = s.scores.iter().find(|m| m.month == month).and_then(pick)?;
                                Some((score, n + 1))
                            })
                            .collect::<Vec<_>>()
                    };
                    (crate::i18n::period(month), at(|m| m.team), at(|m| m.review))
                })
                .collect::<Vec<_>>()
        })
    });
    let levels: Vec<f64> = schema::SCORES.iter().filter_map(|(s, _)| s.parse().ok()).collect();
    let levels = StoredValue::new(levels);
    crate::pages::page_title(move || t!("title-team-page", team = name(), page = t!("teams-side-by-side")));
    view! {
        <nav class="crumbs no-print"><A href=format!("/collabs/{}", collab.get_value())>{name}</A></nav>
        <crate::pages::PrintHead kind=Signal::derive(move || format!("{} · {}", t!("teams-side-by-side"), name()))/>
        <h1>{t!("teams-side-by-side")}</h1>
        <div class="button-row no-print">
            <button type="button" on:click=|_| { let _ = web_sys::window().map(|w| w.print()); }>{t!("print")}</button>
        </div>
        {move || grid.get().into_iter().map(|(measure, cells)| {
            // Every team on one scale over the collaborative's whole span.
            let shared = SharedScale::of(cells.iter().filter_map(|(_, c)| c.as_ref().map(|c| &c.1)), span());
            view! {
            <section class="overview-block compare-block">
                <h2>{measure}</h2>
                <p class="legend">{t!("one-scale")}</p>
                <ul class="compare-grid" data-testid="compare-grid">
                    {cells.into_iter().map(|(team, chart)| view! {
                        <li class="compare-cell">
                            <span class="small-name">{team}</span>
                            {match (chart, shared) {
                                (Some((latest, chart, measure)), Some(shared)) if !chart.points.is_empty() => {
                                    let drawing = compare_svg(&chart, &shared, &|v| crate::i18n::value(&measure, v));
                                    view! {
                                        <span class="spark-box" data-testid="compare-chart" inner_html=drawing></span>
                                        <span class="small-signal">{latest}</span>
                                    }.into_any()
                                }
                                (Some(_), _) => view! { <span class="small-signal">{t!("no-data-yet")}</span> }.into_any(),
                                (None, _) => view! { <span class="small-signal">{t!("not-reported-yet")}</span> }.into_any(),
                            }}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
            }
        }).collect_view()}
        <section class="overview-block">
            <h2>{t!("scores-per-month")}</h2>
            <p class="legend">{t!("scores-legend")}</p>
            <ol class="team-key" data-testid="team-key">
                {move || local_db.with(|r| teams_of(sync, r, &collab.get_value())).into_iter().map(|(_, name)| view! { <li>{name}</li> }).collect_view()}
            </ol>
            <div class="table-scroll" tabindex="0" role="region" aria-label=t!("scores-per-month")>
                <table class="score-table" data-testid="score-distribution">
                    <thead><tr><th scope="col"><span class="visually-hidden">{t!("entry-month")}</span></th>
                        {move || levels.get_value().into_iter().map(|l| view! { <th scope="col">{crate::i18n::score(l)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || distribution.get().into_iter().map(|(month, team, review)| view! {
                            <tr>
                                <th scope="row">{
                                    // "Jun" over "2025": the month column stays narrow on a phone.
                                    let (name, year) = month.split_once(' ').map(|(m, y)| (m.to_owned(), y.to_owned())).unwrap_or((month.clone(), String::new()));
                                    view! { {name}<br/>{year} }
                                }</th>
                                {levels.get_value().into_iter().map(|l| {
                                    // Teams by their number in the key above the table.
                                    let at = |list: &[(f64, usize)]| {
                                        list.iter()
                                            .filter(|(score, _)| (*score - l).abs() < 1e-9)
                                            .map(|(_, n)| n.to_string())
                                            .collect::<Vec<_>>()
                                            .join(",")
                                    };
                                    let (t, f) = (at(&team), at(&review));
                                    let filled = !t.is_empty() || !f.is_empty();
                                    view! {
                                        <td class:filled=filled>
                                            {(!t.is_empty()).then(|| view! { <span class="score-team">{format!("{}{t}", t!("score-team-letter"))}</span> })}
                                            {(!f.is_empty()).then(|| view! { <span class="score-team">{format!("{}{f}", t!("score-review-letter"))}</span> })}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
